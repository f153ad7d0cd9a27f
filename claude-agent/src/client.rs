//! Stub.
/// Stub.
#[derive(Debug)]
pub struct Client {}
