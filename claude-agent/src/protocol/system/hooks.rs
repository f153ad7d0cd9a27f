//! `system/hook_*`: progress of shell-command hooks (with `--include-hook-events`).
//!
//! SDK callback hooks do not produce these frames; they arrive as `hook_callback` control requests.

use serde::Deserialize;

use crate::protocol::RawJson;
use crate::protocol::raw::impl_raw;
use crate::wire::nullable;
use crate::wire::wire_enum;

/// `system/hook_started`: a hook began running.
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
/// use claude_agent::protocol::SystemMessage;
///
/// let line = r#"{"type":"system","subtype":"hook_started","hook_id":"h1","hook_name":"PreToolUse:Bash",
///   "hook_event":"PreToolUse","uuid":"u","session_id":"s"}"#;
/// let Message::System(SystemMessage::HookStarted(hook)) = Message::from_json(line).unwrap() else { panic!() };
/// assert_eq!(hook.hook_event, "PreToolUse");
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct HookStarted {
    /// Identifies this hook run across its `hook_*` frames.
    #[serde(default, deserialize_with = "nullable")]
    pub hook_id: String,
    /// `<event>:<matcher>`, e.g. `PreToolUse:Bash`.
    #[serde(default, deserialize_with = "nullable")]
    pub hook_name: String,
    /// The hook event, e.g. `PreToolUse`.
    #[serde(default, deserialize_with = "nullable")]
    pub hook_event: String,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// `system/hook_progress`: output of a running hook.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct HookProgress {
    /// Identifies this hook run.
    #[serde(default, deserialize_with = "nullable")]
    pub hook_id: String,
    /// `<event>:<matcher>`.
    #[serde(default, deserialize_with = "nullable")]
    pub hook_name: String,
    /// The hook event.
    #[serde(default, deserialize_with = "nullable")]
    pub hook_event: String,
    /// Standard output so far.
    #[serde(default, deserialize_with = "nullable")]
    pub stdout: String,
    /// Standard error so far.
    #[serde(default, deserialize_with = "nullable")]
    pub stderr: String,
    /// Combined output so far.
    #[serde(default, deserialize_with = "nullable")]
    pub output: String,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// `system/hook_response`: a hook finished.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct HookResponse {
    /// Identifies this hook run.
    #[serde(default, deserialize_with = "nullable")]
    pub hook_id: String,
    /// `<event>:<matcher>`.
    #[serde(default, deserialize_with = "nullable")]
    pub hook_name: String,
    /// The hook event.
    #[serde(default, deserialize_with = "nullable")]
    pub hook_event: String,
    /// Combined output.
    #[serde(default, deserialize_with = "nullable")]
    pub output: String,
    /// Standard output.
    #[serde(default, deserialize_with = "nullable")]
    pub stdout: String,
    /// Standard error.
    #[serde(default, deserialize_with = "nullable")]
    pub stderr: String,
    /// The command's exit code.
    #[serde(default)]
    pub exit_code: Option<i64>,
    /// How the hook ended.
    #[serde(default)]
    pub outcome: Option<HookOutcome>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

impl_raw!(HookStarted, HookProgress, HookResponse);

wire_enum! {
    /// How a hook run ended ([`HookResponse::outcome`]).
    pub enum HookOutcome {
        /// The hook succeeded.
        Success = "success",
        /// The hook failed.
        Error = "error",
        /// The hook was cancelled.
        Cancelled = "cancelled",
    }
}
