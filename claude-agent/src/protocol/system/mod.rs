//! `{"type":"system"}` messages, one struct per `subtype`.

mod hooks;
mod init;
mod notices;
mod session;
mod tasks;

use serde_json::Value;

pub use hooks::{HookOutcome, HookProgress, HookResponse, HookStarted};
pub use init::{InitMcpServer, PluginInfo, SystemInit};
pub use notices::{
    ApiRetry, CommandsChanged, FailedFile, FilesPersisted, Informational, LocalCommandOutput,
    PermissionDenied, PersistedFile, SystemNotification,
};
pub use session::{
    CompactBoundary, CompactMetadata, CompactTrigger, SessionState, SessionStateChanged,
    SessionTitleChanged, StatusMessage,
};
pub use tasks::{TaskNotification, TaskProgress, TaskStarted, TaskStatus, TaskUpdated, TaskUsage};

use super::RawJson;
use super::parse::typed;

/// A `{"type":"system"}` message, by `subtype`.
///
/// A subtype this crate does not know, or a known one whose fields changed shape, becomes
/// [`SystemMessage::Unknown`] with its subtype and JSON.
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
/// use claude_agent::protocol::SystemMessage;
///
/// let line = r#"{"type":"system","subtype":"memory_recall","session_id":"s","uuid":"u"}"#;
/// let Message::System(system) = Message::from_json(line).unwrap() else { panic!() };
/// assert!(matches!(system, SystemMessage::Unknown(_)));
/// assert_eq!(system.subtype(), "memory_recall");
/// assert_eq!(system.session_id(), Some("s"));
/// ```
// Messages are decoded once and moved a few times; boxing the big variants would cost an
// allocation per message and make matching clumsier.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum SystemMessage {
    /// `init`: the session's configuration, at the start of each turn.
    Init(SystemInit),
    /// `status`: activity or permission mode changed.
    Status(StatusMessage),
    /// `compact_boundary`: the conversation was compacted.
    CompactBoundary(CompactBoundary),
    /// `session_state_changed`: idle / running / requires_action.
    SessionStateChanged(SessionStateChanged),
    /// `hook_started`: a shell hook began.
    HookStarted(HookStarted),
    /// `hook_progress`: output of a running shell hook.
    HookProgress(HookProgress),
    /// `hook_response`: a shell hook finished.
    HookResponse(HookResponse),
    /// `task_started`: a background task or subagent started.
    TaskStarted(TaskStarted),
    /// `task_progress`: a task's progress.
    TaskProgress(TaskProgress),
    /// `task_updated`: a task's state changed.
    TaskUpdated(TaskUpdated),
    /// `task_notification`: a task ended.
    TaskNotification(TaskNotification),
    /// `files_persisted`: file checkpoints were saved.
    FilesPersisted(FilesPersisted),
    /// `local_command_output`: output of a local slash command.
    LocalCommandOutput(LocalCommandOutput),
    /// `api_retry`: an API call will be retried.
    ApiRetry(ApiRetry),
    /// `commands_changed`: the slash command list changed.
    CommandsChanged(CommandsChanged),
    /// `notification`: a user-facing notification.
    Notification(SystemNotification),
    /// `permission_denied`: a tool call was denied.
    PermissionDenied(PermissionDenied),
    /// `informational`: a notice from the CLI.
    Informational(Informational),
    /// `session_title_changed`: the session got a title.
    SessionTitleChanged(SessionTitleChanged),
    /// Any other subtype, or a known one that did not decode.
    Unknown(UnknownSystem),
}

/// Runs `$body` with `$m` bound to the struct of every known variant, `$unknown` for `Unknown`.
macro_rules! by_variant {
    ($self:expr, $m:ident => $body:expr, $u:ident => $unknown:expr) => {
        match $self {
            SystemMessage::Init($m) => $body,
            SystemMessage::Status($m) => $body,
            SystemMessage::CompactBoundary($m) => $body,
            SystemMessage::SessionStateChanged($m) => $body,
            SystemMessage::HookStarted($m) => $body,
            SystemMessage::HookProgress($m) => $body,
            SystemMessage::HookResponse($m) => $body,
            SystemMessage::TaskStarted($m) => $body,
            SystemMessage::TaskProgress($m) => $body,
            SystemMessage::TaskUpdated($m) => $body,
            SystemMessage::TaskNotification($m) => $body,
            SystemMessage::FilesPersisted($m) => $body,
            SystemMessage::LocalCommandOutput($m) => $body,
            SystemMessage::ApiRetry($m) => $body,
            SystemMessage::CommandsChanged($m) => $body,
            SystemMessage::Notification($m) => $body,
            SystemMessage::PermissionDenied($m) => $body,
            SystemMessage::Informational($m) => $body,
            SystemMessage::SessionTitleChanged($m) => $body,
            SystemMessage::Unknown($u) => $unknown,
        }
    };
}

impl SystemMessage {
    /// The `subtype` as spelled on the wire.
    pub fn subtype(&self) -> &str {
        match self {
            SystemMessage::Init(_) => "init",
            SystemMessage::Status(_) => "status",
            SystemMessage::CompactBoundary(_) => "compact_boundary",
            SystemMessage::SessionStateChanged(_) => "session_state_changed",
            SystemMessage::HookStarted(_) => "hook_started",
            SystemMessage::HookProgress(_) => "hook_progress",
            SystemMessage::HookResponse(_) => "hook_response",
            SystemMessage::TaskStarted(_) => "task_started",
            SystemMessage::TaskProgress(_) => "task_progress",
            SystemMessage::TaskUpdated(_) => "task_updated",
            SystemMessage::TaskNotification(_) => "task_notification",
            SystemMessage::FilesPersisted(_) => "files_persisted",
            SystemMessage::LocalCommandOutput(_) => "local_command_output",
            SystemMessage::ApiRetry(_) => "api_retry",
            SystemMessage::CommandsChanged(_) => "commands_changed",
            SystemMessage::Notification(_) => "notification",
            SystemMessage::PermissionDenied(_) => "permission_denied",
            SystemMessage::Informational(_) => "informational",
            SystemMessage::SessionTitleChanged(_) => "session_title_changed",
            SystemMessage::Unknown(unknown) => &unknown.subtype,
        }
    }

    /// The exact JSON line this message was parsed from.
    pub fn raw_json(&self) -> &str {
        by_variant!(self, m => m.raw.as_str(), u => u.raw.as_str())
    }

    /// The CLI's session id, if the message carries one.
    pub fn session_id(&self) -> Option<&str> {
        by_variant!(self, m => non_empty(&m.session_id), u => u.session_id())
    }

    /// The message's id, if it carries one.
    pub fn uuid(&self) -> Option<&str> {
        by_variant!(self, m => m.uuid.as_deref(), u => u.uuid())
    }

    /// Decodes a known subtype; `None` for a subtype this crate does not know.
    pub(crate) fn parse_known(
        line: &str,
        subtype: &str,
        raw: &RawJson,
    ) -> Option<serde_json::Result<Self>> {
        Some(match subtype {
            "init" => typed(line, raw).map(SystemMessage::Init),
            "status" => typed(line, raw).map(SystemMessage::Status),
            "compact_boundary" => typed(line, raw).map(SystemMessage::CompactBoundary),
            "session_state_changed" => typed(line, raw).map(SystemMessage::SessionStateChanged),
            "hook_started" => typed(line, raw).map(SystemMessage::HookStarted),
            "hook_progress" => typed(line, raw).map(SystemMessage::HookProgress),
            "hook_response" => typed(line, raw).map(SystemMessage::HookResponse),
            "task_started" => typed(line, raw).map(SystemMessage::TaskStarted),
            "task_progress" => typed(line, raw).map(SystemMessage::TaskProgress),
            "task_updated" => typed(line, raw).map(SystemMessage::TaskUpdated),
            "task_notification" => typed(line, raw).map(SystemMessage::TaskNotification),
            "files_persisted" => typed(line, raw).map(SystemMessage::FilesPersisted),
            "local_command_output" => typed(line, raw).map(SystemMessage::LocalCommandOutput),
            "api_retry" => typed(line, raw).map(SystemMessage::ApiRetry),
            "commands_changed" => typed(line, raw).map(SystemMessage::CommandsChanged),
            "notification" => typed(line, raw).map(SystemMessage::Notification),
            "permission_denied" => typed(line, raw).map(SystemMessage::PermissionDenied),
            "informational" => typed(line, raw).map(SystemMessage::Informational),
            "session_title_changed" => typed(line, raw).map(SystemMessage::SessionTitleChanged),
            _ => return None,
        })
    }
}

/// A `system` message this crate could not decode into a typed struct.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct UnknownSystem {
    /// The `subtype` as sent (empty if there was none).
    pub subtype: String,
    /// The whole message.
    pub value: Value,
    pub(crate) raw: RawJson,
}

impl UnknownSystem {
    pub(crate) fn new(subtype: &str, value: Value, raw: RawJson) -> Self {
        UnknownSystem {
            subtype: subtype.to_owned(),
            value,
            raw,
        }
    }

    /// The exact JSON line this message was parsed from.
    pub fn raw_json(&self) -> &str {
        self.raw.as_str()
    }

    /// The `session_id` field, if present.
    pub fn session_id(&self) -> Option<&str> {
        self.value
            .get("session_id")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    }

    /// The `uuid` field, if present.
    pub fn uuid(&self) -> Option<&str> {
        self.value.get("uuid").and_then(Value::as_str)
    }
}

fn non_empty(text: &str) -> Option<&str> {
    (!text.is_empty()).then_some(text)
}
