//! Agent and planning tools: `Agent` (`Task`), `AskUserQuestion`, `TodoWrite`, `ExitPlanMode`,
//! `Config`, `EnterWorktree`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::tool_input;
use super::wire::{opt_u64, u64_or_zero, wire_enum};

/// Input of the `Agent` tool (formerly `Task`): start a subagent.
///
/// # Examples
///
/// ```
/// use claude_agent::builtin::{AgentInput, ToolInput};
///
/// let input: AgentInput = serde_json::from_value(serde_json::json!({
///     "description": "Review", "prompt": "Review the diff", "subagent_type": "code-reviewer"
/// })).unwrap();
/// assert_eq!(input.subagent_type.as_deref(), Some("code-reviewer"));
/// assert_eq!(AgentInput::TOOL_NAME, "Agent");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct AgentInput {
    /// A short description of the task.
    pub description: String,
    /// The subagent's prompt.
    pub prompt: String,
    /// Which subagent to run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subagent_type: Option<String>,
    /// Model alias (`sonnet`, `opus`, `haiku`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Effort level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effort: Option<String>,
    /// Id of an earlier agent to resume.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resume: Option<String>,
    /// Run the agent in the background.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub run_in_background: Option<bool>,
    /// Turn limit.
    #[serde(deserialize_with = "opt_u64", skip_serializing_if = "Option::is_none")]
    pub max_turns: Option<u64>,
    /// The agent's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The team the agent joins.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team_name: Option<String>,
    /// Permission mode of the agent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// Isolation (`worktree`, `remote`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub isolation: Option<String>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
tool_input!(AgentInput, "Agent", aliases = ["Task"]);

/// A text content block.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct TextBlock {
    /// Always `text` for now.
    #[serde(rename = "type")]
    pub kind: String,
    /// The text.
    pub text: String,
}

/// Token usage of a finished subagent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct AgentUsage {
    /// Input tokens.
    #[serde(deserialize_with = "u64_or_zero")]
    pub input_tokens: u64,
    /// Output tokens.
    #[serde(deserialize_with = "u64_or_zero")]
    pub output_tokens: u64,
    /// Tokens written to the prompt cache.
    #[serde(deserialize_with = "opt_u64", skip_serializing_if = "Option::is_none")]
    pub cache_creation_input_tokens: Option<u64>,
    /// Tokens read from the prompt cache.
    #[serde(deserialize_with = "opt_u64", skip_serializing_if = "Option::is_none")]
    pub cache_read_input_tokens: Option<u64>,
    /// Other usage fields (`server_tool_use`, `service_tier`, `cache_creation`, ...).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Output of the `Agent` tool, by `status`.
///
/// # Examples
///
/// ```
/// use claude_agent::builtin::AgentOutput;
///
/// let out: AgentOutput = serde_json::from_value(serde_json::json!({
///     "status": "async_launched", "agentId": "a1", "description": "d", "prompt": "p",
///     "outputFile": "/tmp/a1.out"
/// })).unwrap();
/// assert!(matches!(out, AgentOutput::AsyncLaunched { ref output_file, .. } if output_file == "/tmp/a1.out"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "status",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
#[non_exhaustive]
pub enum AgentOutput {
    /// The agent finished.
    Completed {
        /// The agent's id.
        #[serde(default)]
        agent_id: String,
        /// Its final answer.
        #[serde(default)]
        content: Vec<TextBlock>,
        /// How many tools it used.
        #[serde(default, deserialize_with = "u64_or_zero")]
        total_tool_use_count: u64,
        /// How long it ran.
        #[serde(default, deserialize_with = "u64_or_zero")]
        total_duration_ms: u64,
        /// Tokens it used.
        #[serde(default, deserialize_with = "u64_or_zero")]
        total_tokens: u64,
        /// Detailed usage.
        #[serde(default)]
        usage: AgentUsage,
        /// The prompt it ran.
        #[serde(default)]
        prompt: String,
    },
    /// The agent was started in the background.
    AsyncLaunched {
        /// The agent's id.
        #[serde(default)]
        agent_id: String,
        /// The task's description.
        #[serde(default)]
        description: String,
        /// The prompt it runs.
        #[serde(default)]
        prompt: String,
        /// Where its output goes.
        #[serde(default)]
        output_file: String,
        /// Whether the caller may read the output file.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        can_read_output_file: Option<bool>,
    },
    /// An interactive subagent took over.
    SubAgentEntered {
        /// The task's description.
        #[serde(default)]
        description: String,
        /// What the CLI said.
        #[serde(default)]
        message: String,
    },
    /// A status this SDK version does not know, verbatim.
    #[serde(untagged)]
    Other(Value),
}

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

/// Input of the `Config` tool: read or change a setting.
///
/// # Examples
///
/// ```
/// let input: claude_agent::builtin::ConfigInput =
///     serde_json::from_value(serde_json::json!({"setting": "theme", "value": "dark"})).unwrap();
/// assert_eq!(input.value, Some(serde_json::json!("dark")));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ConfigInput {
    /// The setting's name.
    pub setting: String,
    /// The new value (a string, bool or number); `None` reads the setting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
tool_input!(ConfigInput, "Config");

/// Output of the `Config` tool.
///
/// # Examples
///
/// ```
/// let out: claude_agent::builtin::ConfigOutput =
///     serde_json::from_value(serde_json::json!({"success": true, "operation": "get", "value": 1})).unwrap();
/// assert!(out.success);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct ConfigOutput {
    /// Whether it worked.
    pub success: bool,
    /// `get` or `set`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
    /// The setting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub setting: Option<String>,
    /// The value read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// The value before a change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_value: Option<Value>,
    /// The value after a change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_value: Option<Value>,
    /// Why it failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Input of the `EnterWorktree` tool.
///
/// # Examples
///
/// ```
/// let input: claude_agent::builtin::EnterWorktreeInput =
///     serde_json::from_value(serde_json::json!({"name": "fix"})).unwrap();
/// assert_eq!(input.name.as_deref(), Some("fix"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct EnterWorktreeInput {
    /// The worktree's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
tool_input!(EnterWorktreeInput, "EnterWorktree");

/// Output of the `EnterWorktree` tool.
///
/// # Examples
///
/// ```
/// let out: claude_agent::builtin::EnterWorktreeOutput = serde_json::from_value(serde_json::json!({
///     "worktreePath": "/w", "message": "ok"
/// })).unwrap();
/// assert_eq!(out.worktree_path, "/w");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct EnterWorktreeOutput {
    /// Where the worktree is.
    pub worktree_path: String,
    /// Its branch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub worktree_branch: Option<String>,
    /// What the CLI said.
    pub message: String,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
