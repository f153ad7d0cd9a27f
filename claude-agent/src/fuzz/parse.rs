//! The stdout line parser: total on valid JSON, an error on anything else, never a panic.

use serde_json::Value;

use crate::Message;
use crate::protocol::{Incoming, parse_incoming};

/// Parses `data` as one stdout line both ways a session can (`parse_incoming` in the reader,
/// [`Message::from_json`] for users) and checks they agree with each other and with JSON.
///
/// # Panics
///
/// When an invariant breaks: a valid JSON line that fails to parse, a non-JSON line that parses,
/// a message that does not keep its line, or the two entry points disagreeing.
///
/// # Examples
///
/// ```
/// claude_agent::fuzz::parse_line(br#"{"type":"system","subtype":"init","session_id":"s"}"#);
/// claude_agent::fuzz::parse_line(b"not json");
/// ```
pub fn parse_line(data: &[u8]) {
    let Ok(line) = std::str::from_utf8(data) else {
        return;
    };
    let is_json = serde_json::from_str::<Value>(line).is_ok();

    let incoming = parse_incoming(line);
    assert_eq!(
        incoming.is_ok(),
        is_json,
        "parse_incoming must fail exactly on non-JSON: {incoming:?}"
    );
    let message = Message::from_json(line);
    match &message {
        Ok(message) => {
            assert!(is_json, "Message::from_json accepted non-JSON");
            check_message(message, line);
        }
        Err(err) => {
            assert!(!is_json, "Message::from_json rejected valid JSON: {err}");
            // The error carries a bounded prefix of the line, cut on a character boundary.
            let crate::Error::JsonDecode { line: shown, .. } = err else {
                panic!("a non-JSON line must be Error::JsonDecode, got {err:?}");
            };
            assert!(
                shown.len() <= 512 + 32,
                "an error must not carry a whole long line"
            );
            assert!(line.starts_with(shown.split('…').next().unwrap_or_default()));
        }
    }
    match incoming {
        Ok(Incoming::Message(routed)) => {
            check_message(&routed, line);
            let direct = message.as_ref().ok();
            assert_eq!(Some(&routed), direct, "the two parsers disagree");
        }
        Ok(Incoming::ControlRequest { request_id, .. })
        | Ok(Incoming::ControlCancel { request_id }) => {
            let _ = request_id.len();
        }
        Ok(Incoming::ControlResponse(response)) => {
            let _ = format!("{response:?}");
        }
        Err(_) => {}
    }
}

fn check_message(message: &Message, line: &str) {
    assert_eq!(
        message.raw_json(),
        line,
        "a message must keep its exact line"
    );
    assert!(message.raw_value().is_ok());
    let _ = (message.session_id(), message.uuid(), message.type_name());
    let _ = (message.as_result(), message.as_assistant());
    let _ = format!("{message:?}");
    assert_eq!(&message.clone(), message);
}
