//! Tools that talk to the user or plan: `AskUserQuestion`, `TodoWrite`, `ExitPlanMode`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::tool_input;
use crate::wire::wire_enum;

/// One option of an [`AskUserQuestionInput`] question.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct QuestionOption {
    /// The option's label.
    pub label: String,
    /// What choosing it means.
    pub description: String,
    /// A preview shown with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preview: Option<String>,
}

/// One question of [`AskUserQuestionInput`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Question {
    /// The question.
    pub question: String,
    /// A short header.
    pub header: String,
    /// The choices.
    pub options: Vec<QuestionOption>,
    /// Whether several options may be chosen.
    #[serde(rename = "multiSelect")]
    pub multi_select: bool,
}

/// Input of the `AskUserQuestion` tool.
///
/// # Examples
///
/// ```
/// let input: claude_agent::builtin::AskUserQuestionInput = serde_json::from_value(serde_json::json!({
///     "questions": [{"question": "Which?", "header": "Pick", "multiSelect": false,
///                    "options": [{"label": "A", "description": "a"}, {"label": "B", "description": "b"}]}]
/// })).unwrap();
/// assert_eq!(input.questions[0].options[1].label, "B");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct AskUserQuestionInput {
    /// The questions.
    pub questions: Vec<Question>,
    /// Fields this SDK version does not know (e.g. pre-filled `answers`).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
tool_input!(AskUserQuestionInput, "AskUserQuestion");

/// Output of the `AskUserQuestion` tool.
///
/// # Examples
///
/// ```
/// let out: claude_agent::builtin::AskUserQuestionOutput = serde_json::from_value(serde_json::json!({
///     "questions": [], "answers": {"Which?": "A"}
/// })).unwrap();
/// assert_eq!(out.answers["Which?"], "A");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct AskUserQuestionOutput {
    /// The questions asked.
    pub questions: Vec<Question>,
    /// The answers, by question text.
    pub answers: std::collections::BTreeMap<String, String>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

wire_enum! {
    default;
    /// A todo item's state.
    pub enum TodoStatus {
        /// Not started.
        Pending = "pending",
        /// Being worked on.
        InProgress = "in_progress",
        /// Done.
        Completed = "completed",
    }
}

/// One item of a todo list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Todo {
    /// What to do.
    pub content: String,
    /// Its state.
    pub status: TodoStatus,
    /// The present-continuous form shown while it runs.
    #[serde(rename = "activeForm")]
    pub active_form: String,
}

/// Input of the `TodoWrite` tool.
///
/// # Examples
///
/// ```
/// use claude_agent::builtin::{TodoStatus, TodoWriteInput};
///
/// let input: TodoWriteInput = serde_json::from_value(serde_json::json!({"todos": [
///     {"content": "Test", "status": "in_progress", "activeForm": "Testing"}
/// ]})).unwrap();
/// assert_eq!(input.todos[0].status, TodoStatus::InProgress);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct TodoWriteInput {
    /// The whole new list.
    pub todos: Vec<Todo>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
tool_input!(TodoWriteInput, "TodoWrite");

/// Output of the `TodoWrite` tool.
///
/// # Examples
///
/// ```
/// let out: claude_agent::builtin::TodoWriteOutput =
///     serde_json::from_value(serde_json::json!({"oldTodos": [], "newTodos": []})).unwrap();
/// assert!(out.new_todos.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct TodoWriteOutput {
    /// The list before.
    pub old_todos: Vec<Todo>,
    /// The list after.
    pub new_todos: Vec<Todo>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A prompt-based permission requested by a plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct AllowedPrompt {
    /// The tool (`Bash`).
    pub tool: String,
    /// What the permission covers.
    pub prompt: String,
}

/// Input of the `ExitPlanMode` tool.
///
/// # Examples
///
/// ```
/// let input: claude_agent::builtin::ExitPlanModeInput = serde_json::from_value(serde_json::json!({
///     "allowedPrompts": [{"tool": "Bash", "prompt": "run tests"}], "plan": "1. test"
/// })).unwrap();
/// assert_eq!(input.allowed_prompts[0].prompt, "run tests");
/// assert_eq!(input.extra["plan"], "1. test");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct ExitPlanModeInput {
    /// Permissions the plan needs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allowed_prompts: Vec<AllowedPrompt>,
    /// Fields this SDK version does not know (older CLIs send `plan`).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
tool_input!(ExitPlanModeInput, "ExitPlanMode");

/// Output of the `ExitPlanMode` tool.
///
/// # Examples
///
/// ```
/// let out: claude_agent::builtin::ExitPlanModeOutput =
///     serde_json::from_value(serde_json::json!({"plan": "1. test", "isAgent": false})).unwrap();
/// assert_eq!(out.plan.as_deref(), Some("1. test"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct ExitPlanModeOutput {
    /// The plan.
    pub plan: Option<String>,
    /// Whether a subagent exited plan mode.
    pub is_agent: bool,
    /// Where the plan was saved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_path: Option<String>,
    /// Whether the task tool is available.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_task_tool: Option<bool>,
    /// Whether the plan waits for a team leader's approval.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub awaiting_leader_approval: Option<bool>,
    /// The approval request's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
