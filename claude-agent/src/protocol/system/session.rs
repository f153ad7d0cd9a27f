//! Session-level `system` subtypes: status, compaction, session state and title.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::protocol::RawJson;
use crate::protocol::raw::impl_raw;
use crate::wire::wire_enum;
use crate::wire::{count, nullable, opt_count};

/// `system/status`: the CLI's activity changed (`compacting`, `requesting`, or `null` when it
/// returns to normal), or the permission mode changed.
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
/// use claude_agent::protocol::SystemMessage;
///
/// let line = r#"{"type":"system","subtype":"status","status":null,"permissionMode":"acceptEdits",
///   "session_id":"s","uuid":"u"}"#;
/// let Message::System(SystemMessage::Status(status)) = Message::from_json(line).unwrap() else { panic!() };
/// assert_eq!(status.status, None);
/// assert_eq!(status.permission_mode.as_deref(), Some("acceptEdits"));
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct StatusMessage {
    /// `compacting`, `requesting`, or `None` for "back to normal".
    #[serde(default)]
    pub status: Option<String>,
    /// The new permission mode, when it changed (wire `permissionMode`).
    #[serde(default, rename = "permissionMode")]
    pub permission_mode: Option<String>,
    /// `success` or `failed` after a compaction.
    #[serde(default)]
    pub compact_result: Option<String>,
    /// Why a compaction failed.
    #[serde(default)]
    pub compact_error: Option<String>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// `system/compact_boundary`: the conversation was compacted here.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct CompactBoundary {
    /// Details of the compaction.
    #[serde(default, deserialize_with = "nullable")]
    pub compact_metadata: CompactMetadata,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// Details of a compaction ([`CompactBoundary::compact_metadata`]).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CompactMetadata {
    /// `manual` (`/compact`) or `auto`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<CompactTrigger>,
    /// Context tokens before compaction.
    #[serde(default, deserialize_with = "count")]
    pub pre_tokens: u64,
    /// Context tokens after compaction.
    #[serde(
        default,
        deserialize_with = "opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub post_tokens: Option<u64>,
    /// How long compaction took.
    #[serde(
        default,
        deserialize_with = "opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub duration_ms: Option<u64>,
    /// Which messages were kept verbatim, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preserved_segment: Option<Value>,
}

wire_enum! {
    default;
    /// What started a compaction: in `system/compact_boundary` and in the `PreCompact` /
    /// `PostCompact` hook inputs (also `claude_agent::hooks::CompactTrigger`).
    pub enum CompactTrigger {
        /// The user asked (`/compact`).
        Manual = "manual",
        /// The context was full.
        Auto = "auto",
    }
}

/// `system/session_state_changed`: the session became idle, started running, or waits for an
/// answer. Printed by 2.1.330 (tagged `sdk_host_only`), and by older CLIs only when
/// `CLAUDE_CODE_EMIT_SESSION_STATE_EVENTS=1`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct SessionStateChanged {
    /// The new state.
    #[serde(default)]
    pub state: Option<SessionState>,
    /// Set when the frame is meant for SDK hosts only.
    #[serde(default, deserialize_with = "nullable")]
    pub sdk_host_only: bool,
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
    /// The session's state ([`SessionStateChanged::state`]).
    pub enum SessionState {
        /// Waiting for input.
        Idle = "idle",
        /// Working on a turn.
        Running = "running",
        /// Waiting for an answer (e.g. a permission request).
        RequiresAction = "requires_action",
    }
}

/// `system/session_title_changed`: the session got a (new) title.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct SessionTitleChanged {
    /// The new title.
    #[serde(default, deserialize_with = "nullable")]
    pub title: String,
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
    StatusMessage,
    CompactBoundary,
    SessionStateChanged,
    SessionTitleChanged
);
