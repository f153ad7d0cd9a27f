//! Top-level message types other than assistant / user / result / system.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::RawJson;
use super::raw::impl_raw;
use crate::wire::wire_enum;
use crate::wire::{nullable, number, opt_number};

/// `{"type":"stream_event"}`: a raw Messages API streaming event (with
/// `--include-partial-messages`): `message_start`, `content_block_start`, `content_block_delta`,
/// `content_block_stop`, `message_delta`, `message_stop`.
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
///
/// let line = r#"{"type":"stream_event","event":{"type":"content_block_delta","index":0,
///   "delta":{"type":"text_delta","text":"Hel"}},"session_id":"s","parent_tool_use_id":null,"uuid":"u"}"#;
/// let Message::StreamEvent(event) = Message::from_json(line).unwrap() else { panic!() };
/// assert_eq!(event.event_type(), Some("content_block_delta"));
/// assert_eq!(event.text_delta(), Some("Hel"));
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct StreamEvent {
    /// The API event, as sent.
    #[serde(default)]
    pub event: Value,
    /// Set inside a subagent: the id of the tool call that started it.
    #[serde(default)]
    pub parent_tool_use_id: Option<String>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

impl StreamEvent {
    /// The API event's `type`, e.g. `content_block_delta`.
    pub fn event_type(&self) -> Option<&str> {
        self.event.get("type").and_then(Value::as_str)
    }

    /// The text of a `content_block_delta` with a `text_delta`.
    pub fn text_delta(&self) -> Option<&str> {
        let delta = self.event.get("delta")?;
        if delta.get("type").and_then(Value::as_str) != Some("text_delta") {
            return None;
        }
        delta.get("text").and_then(Value::as_str)
    }
}

/// `{"type":"tool_progress"}`: a tool is still running.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct ToolProgress {
    /// The running call's id.
    #[serde(default, deserialize_with = "nullable")]
    pub tool_use_id: String,
    /// The tool's name.
    #[serde(default, deserialize_with = "nullable")]
    pub tool_name: String,
    /// Set inside a subagent.
    #[serde(default)]
    pub parent_tool_use_id: Option<String>,
    /// Seconds since the tool started.
    #[serde(default, deserialize_with = "number")]
    pub elapsed_time_seconds: f64,
    /// The background task, if the tool runs in one.
    #[serde(default)]
    pub task_id: Option<String>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// `{"type":"tool_use_summary"}`: a summary of preceding tool calls.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct ToolUseSummary {
    /// The summary text.
    #[serde(default, deserialize_with = "nullable")]
    pub summary: String,
    /// The calls it summarises.
    #[serde(default, deserialize_with = "nullable")]
    pub preceding_tool_use_ids: Vec<String>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// `{"type":"auth_status"}`: progress of an authentication flow.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct AuthStatus {
    /// Whether authentication is in progress (wire `isAuthenticating`).
    #[serde(default, rename = "isAuthenticating", deserialize_with = "nullable")]
    pub is_authenticating: bool,
    /// Output lines of the flow.
    #[serde(default, deserialize_with = "nullable")]
    pub output: Vec<String>,
    /// The error, if authentication failed.
    #[serde(default)]
    pub error: Option<String>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// `{"type":"rate_limit_event"}`: the account's rate-limit state.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct RateLimitEvent {
    /// The rate-limit details.
    #[serde(default, deserialize_with = "nullable")]
    pub rate_limit_info: RateLimitInfo,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// Details of a [`RateLimitEvent`] (camelCase on the wire).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RateLimitInfo {
    /// `allowed`, `allowed_warning` or `rejected`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<RateLimitStatus>,
    /// When the limit resets (Unix seconds).
    #[serde(
        default,
        deserialize_with = "opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub resets_at: Option<f64>,
    /// Which limit this is (e.g. `five_hour`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit_type: Option<String>,
    /// How much of the limit is used (0.0 – 1.0).
    #[serde(
        default,
        deserialize_with = "opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub utilization: Option<f64>,
}

wire_enum! {
    /// Rate-limit state ([`RateLimitInfo::status`]).
    pub enum RateLimitStatus {
        /// Within limits.
        Allowed = "allowed",
        /// Close to a limit.
        AllowedWarning = "allowed_warning",
        /// Over a limit.
        Rejected = "rejected",
    }
}

/// `{"type":"prompt_suggestion"}`: a predicted next prompt (with prompt suggestions on).
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct PromptSuggestion {
    /// The suggested prompt.
    #[serde(default, deserialize_with = "nullable")]
    pub suggestion: String,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// `{"type":"conversation_reset"}`: the conversation was reset (e.g. `/clear`).
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct ConversationReset {
    /// The new conversation's id.
    #[serde(default, deserialize_with = "nullable")]
    pub new_conversation_id: String,
    /// What caused the reset.
    #[serde(default)]
    pub trigger: Option<String>,
    /// The prompt that caused it, if it had a uuid.
    #[serde(default)]
    pub user_message_uuid: Option<String>,
    /// When (ISO 8601).
    #[serde(default)]
    pub timestamp: Option<String>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// `{"type":"command_lifecycle"}`: progress of a prompt sent with a `uuid` (2.1.330+;
/// undocumented in the TypeScript SDK).
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct CommandLifecycle {
    /// The `uuid` of the prompt this is about.
    #[serde(default, deserialize_with = "nullable")]
    pub command_uuid: String,
    /// `queued`, `started`, `completed`, …
    #[serde(default)]
    pub state: Option<CommandState>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

wire_enum! {
    /// The state of a prompt ([`CommandLifecycle::state`]).
    pub enum CommandState {
        /// Waiting behind another turn.
        Queued = "queued",
        /// Being worked on.
        Started = "started",
        /// Done.
        Completed = "completed",
        /// Dropped before it ran.
        Cancelled = "cancelled",
    }
}

/// `{"type":"transcript_mirror"}`: session-file entries (with `--session-mirror`).
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct TranscriptMirror {
    /// The session file the entries belong to (wire `filePath`).
    #[serde(default, rename = "filePath", deserialize_with = "nullable")]
    pub file_path: String,
    /// The entries, as sent.
    #[serde(default, deserialize_with = "nullable")]
    pub entries: Vec<Value>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

impl_raw!(
    StreamEvent,
    ToolProgress,
    ToolUseSummary,
    AuthStatus,
    RateLimitEvent,
    PromptSuggestion,
    ConversationReset,
    CommandLifecycle,
    TranscriptMirror,
);
