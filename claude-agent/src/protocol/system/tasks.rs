//! `system/task_*`: background tasks and subagents.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::protocol::RawJson;
use crate::protocol::raw::impl_raw;
use crate::wire::wire_enum;
use crate::wire::{count, nullable};

/// `system/task_started`: a background task or subagent started.
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
/// use claude_agent::protocol::SystemMessage;
///
/// let line = r#"{"type":"system","subtype":"task_started","task_id":"t1","description":"Review",
///   "tool_use_id":"toolu_1","task_type":"local_agent","session_id":"s","uuid":"u"}"#;
/// let Message::System(SystemMessage::TaskStarted(task)) = Message::from_json(line).unwrap() else { panic!() };
/// assert_eq!(task.task_type.as_deref(), Some("local_agent"));
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct TaskStarted {
    /// The task's id.
    #[serde(default, deserialize_with = "nullable")]
    pub task_id: String,
    /// What the task does.
    #[serde(default, deserialize_with = "nullable")]
    pub description: String,
    /// The tool call that started the task.
    #[serde(default)]
    pub tool_use_id: Option<String>,
    /// The kind of task (`local_agent`, `local_bash`, `local_workflow`, …).
    #[serde(default)]
    pub task_type: Option<String>,
    /// The subagent type, for agent tasks.
    #[serde(default)]
    pub subagent_type: Option<String>,
    /// The parent task, for nested tasks.
    #[serde(default)]
    pub parent_task_id: Option<String>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// `system/task_progress`: a running task's progress.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct TaskProgress {
    /// The task's id.
    #[serde(default, deserialize_with = "nullable")]
    pub task_id: String,
    /// What the task does.
    #[serde(default, deserialize_with = "nullable")]
    pub description: String,
    /// The tool call that started the task.
    #[serde(default)]
    pub tool_use_id: Option<String>,
    /// Usage so far.
    #[serde(default)]
    pub usage: Option<TaskUsage>,
    /// The last tool the task used.
    #[serde(default)]
    pub last_tool_name: Option<String>,
    /// A progress summary.
    #[serde(default)]
    pub summary: Option<String>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// `system/task_updated`: a task's state changed; `patch` holds the changed fields.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct TaskUpdated {
    /// The task's id.
    #[serde(default, deserialize_with = "nullable")]
    pub task_id: String,
    /// The changed fields (`status`, `end_time`, `error`, …), as sent.
    #[serde(default)]
    pub patch: Value,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

impl TaskUpdated {
    /// The new status, if the patch sets one.
    pub fn status(&self) -> Option<TaskStatus> {
        self.patch
            .get("status")
            .and_then(Value::as_str)
            .map(TaskStatus::from)
    }
}

/// `system/task_notification`: a task completed, failed or was stopped.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct TaskNotification {
    /// The task's id.
    #[serde(default, deserialize_with = "nullable")]
    pub task_id: String,
    /// The tool call that started the task.
    #[serde(default)]
    pub tool_use_id: Option<String>,
    /// The final status.
    #[serde(default)]
    pub status: Option<TaskStatus>,
    /// Where the task's output was written.
    #[serde(default, deserialize_with = "nullable")]
    pub output_file: String,
    /// A summary of the result.
    #[serde(default, deserialize_with = "nullable")]
    pub summary: String,
    /// Final usage.
    #[serde(default)]
    pub usage: Option<TaskUsage>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// `system/background_tasks_changed`: the set of live background tasks changed (CLI 2.1.330).
///
/// [`tasks`](Self::tasks) is every live background task after the change: replace the set you
/// keep with it.
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
/// use claude_agent::protocol::SystemMessage;
///
/// let line = r#"{"type":"system","subtype":"background_tasks_changed","tasks":[{"task_id":"b1",
///   "task_type":"local_bash","description":"sleep 5"}],"uuid":"u","session_id":"s"}"#;
/// let Message::System(SystemMessage::BackgroundTasksChanged(c)) = Message::from_json(line).unwrap() else { panic!() };
/// assert_eq!(c.tasks[0].task_type, "local_bash");
/// assert!(!c.tasks[0].ambient);
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct BackgroundTasksChanged {
    /// Every live background task.
    #[serde(default, deserialize_with = "nullable")]
    pub tasks: Vec<BackgroundTask>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// One live task in [`BackgroundTasksChanged::tasks`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BackgroundTask {
    /// The task's id.
    #[serde(default, deserialize_with = "nullable")]
    pub task_id: String,
    /// This run of the task (a resumed task keeps its id and gets a new run id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run_id: Option<String>,
    /// The kind of task (`local_bash`, `local_agent`, …).
    #[serde(default, deserialize_with = "nullable")]
    pub task_type: String,
    /// The agent type, for `local_agent` tasks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subagent_type: Option<String>,
    /// What the task does.
    #[serde(default, deserialize_with = "nullable")]
    pub description: String,
    /// The subagent task that launched this one, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_task_id: Option<String>,
    /// Not activity (a watcher or hidden task): leave it out of "busy" indicators.
    #[serde(default, deserialize_with = "nullable")]
    pub ambient: bool,
}

impl_raw!(
    TaskStarted,
    TaskProgress,
    TaskUpdated,
    TaskNotification,
    BackgroundTasksChanged,
);

/// Resource use of a task.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TaskUsage {
    /// Tokens used.
    #[serde(default, deserialize_with = "count")]
    pub total_tokens: u64,
    /// Tool calls made.
    #[serde(default, deserialize_with = "count")]
    pub tool_uses: u64,
    /// Run time in milliseconds.
    #[serde(default, deserialize_with = "count")]
    pub duration_ms: u64,
}

wire_enum! {
    /// A task's status ([`TaskNotification::status`], [`TaskUpdated::status`]).
    pub enum TaskStatus {
        /// Waiting to run.
        Pending = "pending",
        /// Running.
        Running = "running",
        /// Paused.
        Paused = "paused",
        /// Finished successfully.
        Completed = "completed",
        /// Failed.
        Failed = "failed",
        /// Killed.
        Killed = "killed",
        /// Stopped on request.
        Stopped = "stopped",
    }
}
