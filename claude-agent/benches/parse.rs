//! Parse benchmark (placeholder until the protocol module lands).
fn main() {}
