//! [`SessionMessage`]: one turn of a past conversation, typed as the crate's [`Message`].

use std::path::Path;

use serde_json::{Value, json};

use super::chain::{Visibility, conversation};
use super::jsonl::decode_line;
use super::options::Window;
use crate::{Error, Message, Result};

/// One message of a past session, in conversation order.
///
/// [`message`](Self::message) is the crate's own [`Message`] (a [`Message::User`] or
/// [`Message::Assistant`], or a [`Message::System`] when system entries were asked for), built
/// from the transcript entry as if the CLI had just streamed it; [`entry`](Self::entry) keeps the
/// entry exactly as the file holds it.
///
/// # Examples
///
/// ```no_run
/// use claude_agent::Message;
/// use claude_agent::sessions::{self, MessagesOptions};
///
/// # async fn run(id: &str) -> claude_agent::Result<()> {
/// for m in sessions::get_session_messages(id, MessagesOptions::new().limit(20)).await? {
///     if let Message::Assistant(a) = &m.message {
///         println!("assistant: {}", a.text());
///     }
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct SessionMessage {
    /// The entry's uuid (usable with `resume_session_at` and [`fork_session`](super::fork_session)).
    pub uuid: String,
    /// The session id the entry was written under.
    pub session_id: String,
    /// The uuid of the entry before it in the chain.
    pub parent_uuid: Option<String>,
    /// When the entry was written (ISO 8601).
    pub timestamp: Option<String>,
    /// The message, typed.
    pub message: Message,
    /// The transcript entry as written.
    pub entry: Value,
}

impl SessionMessage {
    /// Builds a message from a transcript entry; `None` (with a warning) if it is not one.
    pub(crate) fn from_entry(entry: Value) -> Option<Self> {
        let kind = entry["type"].as_str()?.to_owned();
        let uuid = entry["uuid"].as_str()?.to_owned();
        let session_id = entry["sessionId"].as_str().unwrap_or_default().to_owned();
        let line = if kind == "system" {
            let mut system = entry.clone();
            if let Some(obj) = system.as_object_mut() {
                obj.insert("session_id".into(), Value::String(session_id.clone()));
            }
            system
        } else {
            json!({
                "type": kind,
                "message": entry["message"],
                "session_id": session_id,
                "uuid": uuid,
                "parent_tool_use_id": null,
                "timestamp": entry["timestamp"],
                "tool_use_result": entry.get("toolUseResult"),
            })
        };
        let message = match Message::from_json(&line.to_string()) {
            Ok(message) => message,
            Err(err) => {
                tracing::warn!(error = %err, "skipping a transcript entry that is not a message");
                return None;
            }
        };
        Some(SessionMessage {
            parent_uuid: entry["parentUuid"].as_str().map(str::to_owned),
            timestamp: entry["timestamp"].as_str().map(str::to_owned),
            uuid,
            session_id,
            message,
            entry,
        })
    }
}

/// Reads the conversation of the transcript at `path`, decoding only the `window` in full.
pub(crate) fn read_messages(
    path: &Path,
    vis: Visibility,
    window: Window,
) -> Result<Vec<SessionMessage>> {
    let bytes = std::fs::read(path).map_err(|e| Error::session_file(path, e))?;
    Ok(messages_of_bytes(&bytes, path, vis, window))
}

/// The conversation of a transcript held in memory (`path` only names it in warnings).
pub(crate) fn messages_of_bytes(
    bytes: &[u8],
    path: &Path,
    vis: Visibility,
    window: Window,
) -> Vec<SessionMessage> {
    let all = conversation(bytes, path, vis);
    let (offset, limit) = match window {
        Window::Range(offset, limit) => (offset, limit.unwrap_or(usize::MAX)),
        Window::Last(n) => (all.len().saturating_sub(n), n),
    };
    all.into_iter()
        .skip(offset)
        .take(limit)
        .filter_map(|e| decode_line::<Value>(&bytes[e.line], path))
        .filter_map(SessionMessage::from_entry)
        .collect()
}
