//! `Bash` and the background-task tools (`TaskOutput`, `TaskStop`).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::tool_input;
use crate::wire::opt_count;

/// Input of the `Bash` tool.
///
/// # Examples
///
/// ```
/// use claude_agent::builtin::BashInput;
///
/// let input: BashInput = serde_json::from_value(serde_json::json!({
///     "command": "cargo test", "timeout": 60000, "sandboxProfile": "x"
/// })).unwrap();
/// assert_eq!(input.timeout, Some(60_000));
/// // Unknown fields survive a round trip.
/// assert_eq!(serde_json::to_value(&input).unwrap()["sandboxProfile"], "x");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct BashInput {
    /// The command line.
    pub command: String,
    /// Timeout in milliseconds.
    #[serde(
        deserialize_with = "opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub timeout: Option<u64>,
    /// What the command does, in a few words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Run it as a background task.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub run_in_background: Option<bool>,
    /// Run it outside the sandbox.
    #[serde(
        rename = "dangerouslyDisableSandbox",
        skip_serializing_if = "Option::is_none"
    )]
    pub dangerously_disable_sandbox: Option<bool>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl BashInput {
    /// A `Bash` input running `command`.
    ///
    /// # Examples
    ///
    /// ```
    /// let input = claude_agent::builtin::BashInput::new("ls");
    /// assert_eq!(serde_json::to_value(&input).unwrap(), serde_json::json!({"command": "ls"}));
    /// ```
    pub fn new(command: impl Into<String>) -> Self {
        BashInput {
            command: command.into(),
            ..BashInput::default()
        }
    }
}
tool_input!(BashInput, "Bash");

/// Output of the `Bash` tool (`tool_response` of a `PostToolUse` hook).
///
/// # Examples
///
/// ```
/// use claude_agent::builtin::BashOutput;
///
/// let out: BashOutput = serde_json::from_value(serde_json::json!({
///     "stdout": "hi", "stderr": "", "interrupted": false, "isImage": false
/// })).unwrap();
/// assert_eq!(out.stdout, "hi");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct BashOutput {
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// Whether the command was interrupted.
    pub interrupted: bool,
    /// Whether the output is an image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_image: Option<bool>,
    /// Whether the command was expected to print nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_output_expected: Option<bool>,
    /// Where the full output was written when it was too long.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw_output_path: Option<String>,
    /// The background task's id, for background commands.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub background_task_id: Option<String>,
    /// Whether the user moved the command to the background.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backgrounded_by_user: Option<bool>,
    /// Whether the command ran outside the sandbox.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dangerously_disable_sandbox: Option<bool>,
    /// How the exit code was interpreted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_code_interpretation: Option<String>,
    /// Structured content blocks, when the command produced them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub structured_content: Option<Vec<Value>>,
    /// Where oversized output was persisted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persisted_output_path: Option<String>,
    /// The size of the persisted output in bytes.
    #[serde(
        deserialize_with = "opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub persisted_output_size: Option<u64>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Input of the `TaskOutput` tool (formerly `BashOutput`): read a background task's output.
///
/// # Examples
///
/// ```
/// use claude_agent::builtin::{TaskOutputInput, ToolInput};
///
/// assert_eq!(TaskOutputInput::ALIASES, ["BashOutput"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct TaskOutputInput {
    /// The background task's id.
    pub task_id: String,
    /// Wait for the task to finish.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block: Option<bool>,
    /// How long to wait, in milliseconds.
    #[serde(
        deserialize_with = "opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub timeout: Option<u64>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
tool_input!(TaskOutputInput, "TaskOutput", aliases = ["BashOutput"]);

/// Input of the `TaskStop` tool (formerly `KillShell`): stop a background task.
///
/// # Examples
///
/// ```
/// use claude_agent::builtin::TaskStopInput;
///
/// let old: TaskStopInput = serde_json::from_value(serde_json::json!({"shell_id": "b1"})).unwrap();
/// assert_eq!(old.id(), Some("b1"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct TaskStopInput {
    /// The task to stop.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
    /// The shell to stop (deprecated spelling of `task_id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shell_id: Option<String>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl TaskStopInput {
    /// The id to stop, whichever spelling the model used.
    pub fn id(&self) -> Option<&str> {
        self.task_id.as_deref().or(self.shell_id.as_deref())
    }
}
tool_input!(TaskStopInput, "TaskStop", aliases = ["KillShell"]);

/// Output of the `TaskStop` tool.
///
/// # Examples
///
/// ```
/// let out: claude_agent::builtin::TaskStopOutput = serde_json::from_value(serde_json::json!({
///     "message": "stopped", "task_id": "b1", "task_type": "local_bash"
/// })).unwrap();
/// assert_eq!(out.task_type, "local_bash");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct TaskStopOutput {
    /// What happened.
    pub message: String,
    /// The stopped task.
    pub task_id: String,
    /// The kind of task.
    pub task_type: String,
    /// The command the task ran.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
