//! `system` subtypes about the CLI process itself: plugin installs, control-request progress,
//! worker shutdown, and storage failures.

use serde::{Deserialize, Serialize};

use crate::protocol::RawJson;
use crate::protocol::raw::impl_raw;
use crate::wire::wire_enum;
use crate::wire::{nullable, opt_count};

/// `system/plugin_install`: progress of a headless plugin installation (CLI 2.1.197+).
///
/// `installed` / `failed` name one marketplace; `started` / `completed` bracket the whole
/// installation when the CLI installs plugins synchronously.
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
/// use claude_agent::protocol::{PluginInstallStatus, SystemMessage};
///
/// let line = r#"{"type":"system","subtype":"plugin_install","status":"failed","name":"tools",
///   "error":"not found","uuid":"u","session_id":"s"}"#;
/// let Message::System(SystemMessage::PluginInstall(p)) = Message::from_json(line).unwrap() else { panic!() };
/// assert_eq!(p.status, PluginInstallStatus::Failed);
/// assert_eq!(p.error.as_deref(), Some("not found"));
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct PluginInstall {
    /// Where the installation is.
    #[serde(default, deserialize_with = "nullable")]
    pub status: PluginInstallStatus,
    /// The marketplace, for `installed` and `failed`.
    #[serde(default)]
    pub name: Option<String>,
    /// Why it failed.
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

wire_enum! {
    default;
    /// [`PluginInstall::status`].
    pub enum PluginInstallStatus {
        /// The installation began.
        Started = "started",
        /// One marketplace was installed.
        Installed = "installed",
        /// One marketplace failed.
        Failed = "failed",
        /// The whole installation finished.
        Completed = "completed",
    }
}

/// `system/control_request_progress`: progress of a long-running control request the SDK sent,
/// matched by [`request_id`](Self::request_id) (CLI 2.1.330; today only for side questions).
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
/// use claude_agent::protocol::{ControlProgressStatus, SystemMessage};
///
/// let line = r#"{"type":"system","subtype":"control_request_progress","request_id":"req_7",
///   "status":"api_retry","attempt":2,"max_retries":10,"retry_delay_ms":1000,"error_status":529,
///   "uuid":"u","session_id":"s"}"#;
/// let Message::System(SystemMessage::ControlRequestProgress(p)) = Message::from_json(line).unwrap() else { panic!() };
/// assert_eq!(p.request_id, "req_7");
/// assert_eq!(p.status, ControlProgressStatus::ApiRetry);
/// assert_eq!(p.error_status, Some(529));
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct ControlRequestProgress {
    /// The `request_id` of the control request this progress belongs to.
    #[serde(default, deserialize_with = "nullable")]
    pub request_id: String,
    /// `started`, or `api_retry` with the retry counters below.
    #[serde(default, deserialize_with = "nullable")]
    pub status: ControlProgressStatus,
    /// The retry's attempt number (`api_retry` only).
    #[serde(default, deserialize_with = "opt_count")]
    pub attempt: Option<u64>,
    /// The retry limit (`api_retry` only).
    #[serde(default, deserialize_with = "opt_count")]
    pub max_retries: Option<u64>,
    /// The wait before the next attempt (`api_retry` only).
    #[serde(default, deserialize_with = "opt_count")]
    pub retry_delay_ms: Option<u64>,
    /// The HTTP status of the failure (`api_retry` only).
    #[serde(default, deserialize_with = "opt_count")]
    pub error_status: Option<u64>,
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
    default;
    /// [`ControlRequestProgress::status`].
    pub enum ControlProgressStatus {
        /// The CLI accepted the request and started the work.
        Started = "started",
        /// An API call of the work will be retried.
        ApiRetry = "api_retry",
    }
}

/// `system/worker_shutting_down`: a remote-control worker is going away on purpose
/// (CLI 2.1.197+). Its absence says nothing: most teardowns send none.
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
/// use claude_agent::protocol::SystemMessage;
///
/// let line = r#"{"type":"system","subtype":"worker_shutting_down","reason":"host_exit","uuid":"u","session_id":"s"}"#;
/// let Message::System(SystemMessage::WorkerShuttingDown(w)) = Message::from_json(line).unwrap() else { panic!() };
/// assert_eq!(w.reason, "host_exit");
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct WorkerShuttingDown {
    /// A short snake_case reason, e.g. `host_exit`, `remote_control_disabled`.
    #[serde(default, deserialize_with = "nullable")]
    pub reason: String,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// `system/session_writes_lost`: the CLI could not save the transcript or its config, because
/// the disk or quota was full (CLI 2.1.330).
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
/// use claude_agent::protocol::{LostWrite, SystemMessage, WriteErrorCode};
///
/// let line = r#"{"type":"system","subtype":"session_writes_lost","error_code":"ENOSPC",
///   "lost":["transcript"],"transcript_session_ids":["s"],"uuid":"u","session_id":"s"}"#;
/// let Message::System(SystemMessage::SessionWritesLost(l)) = Message::from_json(line).unwrap() else { panic!() };
/// assert_eq!(l.error_code, WriteErrorCode::Enospc);
/// assert_eq!(l.lost, [LostWrite::Transcript]);
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct SessionWritesLost {
    /// Why the writes failed.
    #[serde(default, deserialize_with = "nullable")]
    pub error_code: WriteErrorCode,
    /// What was not saved (never empty).
    #[serde(default, deserialize_with = "nullable")]
    pub lost: Vec<LostWrite>,
    /// The sessions whose transcripts lost lines (when `lost` has `transcript`): resuming them
    /// may miss part of the conversation.
    #[serde(default, deserialize_with = "nullable")]
    pub transcript_session_ids: Vec<String>,
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
    default;
    /// [`SessionWritesLost::error_code`].
    pub enum WriteErrorCode {
        /// The disk was full.
        Enospc = "ENOSPC",
        /// The disk quota was used up.
        Edquot = "EDQUOT",
    }
}

wire_enum! {
    /// What [`SessionWritesLost`] says was not saved.
    pub enum LostWrite {
        /// Lines of a session transcript.
        Transcript = "transcript",
        /// Changes to `~/.claude.json`.
        GlobalConfig = "global_config",
    }
}

/// `system/mirror_error`: a batch of transcript-mirror entries could not be stored and was
/// dropped. The official SDKs synthesise it around their session stores; a CLI that mirrors
/// transcripts may send it too.
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
/// use claude_agent::protocol::SystemMessage;
///
/// let line = r#"{"type":"system","subtype":"mirror_error","error":"timeout",
///   "key":{"projectKey":"p","sessionId":"s"},"uuid":"u","session_id":"s"}"#;
/// let Message::System(SystemMessage::MirrorError(e)) = Message::from_json(line).unwrap() else { panic!() };
/// assert_eq!(e.key.project_key, "p");
/// assert_eq!(e.key.subpath, None);
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct MirrorError {
    /// What went wrong.
    #[serde(default, deserialize_with = "nullable")]
    pub error: String,
    /// Where the batch was to be stored.
    #[serde(default, deserialize_with = "nullable")]
    pub key: MirrorKey,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// The session-store key of a [`MirrorError`] (camelCase on the wire).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MirrorKey {
    /// The project.
    #[serde(default, deserialize_with = "nullable")]
    pub project_key: String,
    /// The session.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// A sub-path (e.g. a subagent's transcript), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subpath: Option<String>,
}

impl_raw!(
    PluginInstall,
    ControlRequestProgress,
    WorkerShuttingDown,
    SessionWritesLost,
    MirrorError,
);
