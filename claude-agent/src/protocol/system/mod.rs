//! `{"type":"system"}` messages, one struct per `subtype`.

mod hooks;
mod host;
mod init;
mod memory;
mod model;
mod notices;
mod session;
mod tasks;

use serde_json::Value;

pub use hooks::{HookOutcome, HookProgress, HookResponse, HookStarted};
pub use host::{
    ControlProgressStatus, ControlRequestProgress, LostWrite, MirrorError, MirrorKey,
    PluginInstall, PluginInstallStatus, SessionWritesLost, WorkerShuttingDown, WriteErrorCode,
};
pub use init::{InitMcpServer, PluginInfo, SystemInit};
pub use memory::{MemoryRecall, MemoryRecallMode, MemoryScope, RecalledMemory};
pub use model::{
    ModelRefusalFallback, ModelRefusalNoFallback, RefusalDirection, RefusalScope, ThinkingTokens,
};
pub use notices::{
    ApiRetry, CommandsChanged, ElicitationComplete, FailedFile, FilesPersisted, Informational,
    LocalCommandOutput, PermissionDenied, PersistedFile, SystemNotification,
};
pub use session::{
    CompactBoundary, CompactMetadata, CompactTrigger, SessionState, SessionStateChanged,
    SessionTitleChanged, StatusMessage,
};
pub use tasks::{
    BackgroundTask, BackgroundTasksChanged, TaskNotification, TaskProgress, TaskStarted,
    TaskStatus, TaskUpdated, TaskUsage,
};

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
/// let line = r#"{"type":"system","subtype":"brand_new_notice","session_id":"s","uuid":"u"}"#;
/// let Message::System(system) = Message::from_json(line).unwrap() else { panic!() };
/// assert!(matches!(system, SystemMessage::Unknown(_)));
/// assert_eq!(system.subtype(), "brand_new_notice");
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
    /// `background_tasks_changed`: the set of live background tasks changed.
    BackgroundTasksChanged(BackgroundTasksChanged),
    /// `thinking_tokens`: an estimate of the tokens spent on (redacted) thinking.
    ThinkingTokens(ThinkingTokens),
    /// `model_refusal_fallback`: the model refused and a fallback model took over.
    ModelRefusalFallback(ModelRefusalFallback),
    /// `model_refusal_no_fallback`: the model refused and no fallback ran.
    ModelRefusalNoFallback(ModelRefusalNoFallback),
    /// `memory_recall`: memories were recalled into the turn.
    MemoryRecall(MemoryRecall),
    /// `elicitation_complete`: an MCP server completed a URL elicitation.
    ElicitationComplete(ElicitationComplete),
    /// `plugin_install`: progress of a plugin installation.
    PluginInstall(PluginInstall),
    /// `control_request_progress`: progress of a control request the SDK sent.
    ControlRequestProgress(ControlRequestProgress),
    /// `worker_shutting_down`: a remote-control worker is going away.
    WorkerShuttingDown(WorkerShuttingDown),
    /// `session_writes_lost`: the transcript or config could not be saved.
    SessionWritesLost(SessionWritesLost),
    /// `mirror_error`: transcript-mirror entries were dropped.
    MirrorError(MirrorError),
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
            SystemMessage::BackgroundTasksChanged($m) => $body,
            SystemMessage::ThinkingTokens($m) => $body,
            SystemMessage::ModelRefusalFallback($m) => $body,
            SystemMessage::ModelRefusalNoFallback($m) => $body,
            SystemMessage::MemoryRecall($m) => $body,
            SystemMessage::ElicitationComplete($m) => $body,
            SystemMessage::PluginInstall($m) => $body,
            SystemMessage::ControlRequestProgress($m) => $body,
            SystemMessage::WorkerShuttingDown($m) => $body,
            SystemMessage::SessionWritesLost($m) => $body,
            SystemMessage::MirrorError($m) => $body,
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
            SystemMessage::BackgroundTasksChanged(_) => "background_tasks_changed",
            SystemMessage::ThinkingTokens(_) => "thinking_tokens",
            SystemMessage::ModelRefusalFallback(_) => "model_refusal_fallback",
            SystemMessage::ModelRefusalNoFallback(_) => "model_refusal_no_fallback",
            SystemMessage::MemoryRecall(_) => "memory_recall",
            SystemMessage::ElicitationComplete(_) => "elicitation_complete",
            SystemMessage::PluginInstall(_) => "plugin_install",
            SystemMessage::ControlRequestProgress(_) => "control_request_progress",
            SystemMessage::WorkerShuttingDown(_) => "worker_shutting_down",
            SystemMessage::SessionWritesLost(_) => "session_writes_lost",
            SystemMessage::MirrorError(_) => "mirror_error",
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
            "background_tasks_changed" => {
                typed(line, raw).map(SystemMessage::BackgroundTasksChanged)
            }
            "thinking_tokens" => typed(line, raw).map(SystemMessage::ThinkingTokens),
            "model_refusal_fallback" => typed(line, raw).map(SystemMessage::ModelRefusalFallback),
            "model_refusal_no_fallback" => {
                typed(line, raw).map(SystemMessage::ModelRefusalNoFallback)
            }
            "memory_recall" => typed(line, raw).map(SystemMessage::MemoryRecall),
            "elicitation_complete" => typed(line, raw).map(SystemMessage::ElicitationComplete),
            "plugin_install" => typed(line, raw).map(SystemMessage::PluginInstall),
            "control_request_progress" => {
                typed(line, raw).map(SystemMessage::ControlRequestProgress)
            }
            "worker_shutting_down" => typed(line, raw).map(SystemMessage::WorkerShuttingDown),
            "session_writes_lost" => typed(line, raw).map(SystemMessage::SessionWritesLost),
            "mirror_error" => typed(line, raw).map(SystemMessage::MirrorError),
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
