//! Informational `system` subtypes: notices, retries, denials, persisted files, command lists,
//! completed elicitations.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::protocol::RawJson;
use crate::protocol::control::SlashCommand;
use crate::protocol::raw::impl_raw;
use crate::wire::{count, nullable, opt_count};

/// `system/informational`: a notice from the CLI (e.g. a hook callback that failed).
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
/// use claude_agent::protocol::SystemMessage;
///
/// let line = r#"{"type":"system","subtype":"informational","content":"Hook failed","level":"warning",
///   "tag":"hook_callback_failed","uuid":"u","session_id":"s"}"#;
/// let Message::System(SystemMessage::Informational(note)) = Message::from_json(line).unwrap() else { panic!() };
/// assert_eq!(note.level.as_deref(), Some("warning"));
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct Informational {
    /// The notice's text.
    #[serde(default, deserialize_with = "nullable")]
    pub content: String,
    /// Its severity (`info`, `warning`, …).
    #[serde(default)]
    pub level: Option<String>,
    /// A machine-readable tag, e.g. `hook_callback_failed`.
    #[serde(default)]
    pub tag: Option<String>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// `system/notification`: a user-facing notification.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct SystemNotification {
    /// Identifies the notification (repeats replace earlier ones).
    #[serde(default, deserialize_with = "nullable")]
    pub key: String,
    /// The text.
    #[serde(default, deserialize_with = "nullable")]
    pub text: String,
    /// Its priority.
    #[serde(default)]
    pub priority: Option<String>,
    /// A display colour hint.
    #[serde(default)]
    pub color: Option<String>,
    /// How long to show it.
    #[serde(default, deserialize_with = "opt_count")]
    pub timeout_ms: Option<u64>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// `system/permission_denied`: a tool call was denied.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct PermissionDenied {
    /// The tool's name.
    #[serde(default, deserialize_with = "nullable")]
    pub tool_name: String,
    /// The denied call's id.
    #[serde(default, deserialize_with = "nullable")]
    pub tool_use_id: String,
    /// What kind of rule or decision denied it.
    #[serde(default)]
    pub decision_reason_type: Option<String>,
    /// The denial message.
    #[serde(default)]
    pub message: Option<String>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// `system/api_retry`: an API call failed and will be retried.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct ApiRetry {
    /// This attempt's number.
    #[serde(default, deserialize_with = "count")]
    pub attempt: u64,
    /// The retry limit.
    #[serde(default, deserialize_with = "count")]
    pub max_retries: u64,
    /// The wait before the next attempt.
    #[serde(default, deserialize_with = "count")]
    pub retry_delay_ms: u64,
    /// The HTTP status of the failure, if any.
    #[serde(default, deserialize_with = "opt_count")]
    pub error_status: Option<u64>,
    /// The error, as sent (a string or an object).
    #[serde(default)]
    pub error: Option<Value>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// `system/local_command_output`: output of a local slash command (e.g. `/cost`).
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct LocalCommandOutput {
    /// The output text.
    #[serde(default, deserialize_with = "nullable")]
    pub content: String,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// `system/commands_changed`: the set of slash commands changed.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct CommandsChanged {
    /// The new command list.
    #[serde(default, deserialize_with = "nullable")]
    pub commands: Vec<SlashCommand>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// `system/elicitation_complete`: an MCP server confirmed that a URL-mode elicitation (a form
/// the user filled in a browser) is complete (CLI 2.1.197+).
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
/// use claude_agent::protocol::SystemMessage;
///
/// let line = r#"{"type":"system","subtype":"elicitation_complete","mcp_server_name":"github",
///   "elicitation_id":"el_1","uuid":"u","session_id":"s"}"#;
/// let Message::System(SystemMessage::ElicitationComplete(e)) = Message::from_json(line).unwrap() else { panic!() };
/// assert_eq!((e.mcp_server_name.as_str(), e.elicitation_id.as_str()), ("github", "el_1"));
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct ElicitationComplete {
    /// The MCP server that sent the confirmation.
    #[serde(default, deserialize_with = "nullable")]
    pub mcp_server_name: String,
    /// The elicitation it completed.
    #[serde(default, deserialize_with = "nullable")]
    pub elicitation_id: String,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// `system/files_persisted`: file checkpoints were saved.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct FilesPersisted {
    /// Files saved.
    #[serde(default, deserialize_with = "nullable")]
    pub files: Vec<PersistedFile>,
    /// Files that could not be saved.
    #[serde(default, deserialize_with = "nullable")]
    pub failed: Vec<FailedFile>,
    /// When (ISO 8601).
    #[serde(default, deserialize_with = "nullable")]
    pub processed_at: String,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// A file saved, in [`FilesPersisted::files`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PersistedFile {
    /// The file's name.
    #[serde(default, deserialize_with = "nullable")]
    pub filename: String,
    /// The stored file's id.
    #[serde(default, deserialize_with = "nullable")]
    pub file_id: String,
}

/// A file that could not be saved, in [`FilesPersisted::failed`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FailedFile {
    /// The file's name.
    #[serde(default, deserialize_with = "nullable")]
    pub filename: String,
    /// Why it failed.
    #[serde(default, deserialize_with = "nullable")]
    pub error: String,
}

impl_raw!(
    Informational,
    SystemNotification,
    PermissionDenied,
    ApiRetry,
    LocalCommandOutput,
    CommandsChanged,
    FilesPersisted,
    ElicitationComplete,
);
