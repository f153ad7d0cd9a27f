//! Protocol tests that span several modules: real CLI output, forward compatibility, control
//! frames in both directions.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod fixtures;
mod forward_compat;
mod incoming;
mod newer;
mod outgoing;

use super::{Incoming, Message, parse_incoming};

/// Parses a line that must become an ordinary message.
fn message(line: &str) -> Message {
    match parse_incoming(line) {
        Ok(Incoming::Message(message)) => message,
        other => panic!("expected a message for {line}, got {other:?}"),
    }
}
