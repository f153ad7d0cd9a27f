//! Entry points for the benches (`benches/parse.rs`).

use crate::protocol::{Incoming, Message, parse_incoming};

/// Decodes one stdout line exactly as a session does and names what it became.
///
/// # Errors
///
/// If the line is not JSON.
pub fn parse_line(line: &str) -> Result<&'static str, serde_json::Error> {
    Ok(match parse_incoming(line)? {
        Incoming::Message(Message::Unknown(_)) => "unknown",
        Incoming::Message(_) => "message",
        Incoming::ControlRequest { .. } => "control_request",
        Incoming::ControlResponse(_) => "control_response",
        Incoming::ControlCancel { .. } => "control_cancel",
    })
}
