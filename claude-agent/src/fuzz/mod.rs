//! Fuzzing harnesses: bytes in, every invariant checked, a panic on any violation. Not a public
//! API.
//!
//! `fuzz/` (a cargo-fuzz project) wraps each function in a libFuzzer target; the unit tests in
//! `tests.rs` run the same functions on stable over the checked-in corpus
//! (`fuzz/corpus/<target>/`) plus deterministic mutations, so CI runs a short fuzz smoke with
//! plain `cargo test`.
//!
//! - [`parse_line`]: a CLI stdout line → [`Incoming`](crate::protocol::Incoming) /
//!   [`Message`](crate::Message).
//! - [`control_request`]: stdout lines → the control-request dispatcher with test hooks, a
//!   permission callback, an in-process MCP server, elicitation and dialog handlers; every
//!   request must get exactly the answers the protocol promises.
//! - [`hook_io`]: JSON → the hook input decoders (typed and [`HookInput`](crate::hooks::HookInput)),
//!   the hook output and permission update decoders (with round trips), permission requests.

// A harness's job is to stop loudly when an invariant breaks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod decoders;
mod dispatch;
mod parse;

#[cfg(test)]
mod tests;

pub use decoders::hook_io;
pub use dispatch::control_request;
pub use parse::parse_line;

/// A harness: any bytes in; a panic means an invariant broke.
pub type Harness = fn(&[u8]);

/// The harnesses by target name, as `fuzz/fuzz_targets/` and `fuzz/corpus/` name them.
pub const TARGETS: &[(&str, Harness)] = &[
    ("parse_line", parse_line),
    ("control_request", control_request),
    ("hook_io", hook_io),
];
