//! Typed inputs and outputs of Claude Code's built-in tools (`Bash`, `Read`, `Edit`, ...).
//!
//! Hooks and permission callbacks receive a tool's input as JSON; these types give it a shape:
//! `PreToolUse<BashInput>` in a hook, [`PermissionRequest::typed`](crate::permissions::PermissionRequest::typed)
//! in a permission callback, or [`BuiltinToolInput`] when one callback sees every tool.
//!
//! Every type is lenient and forward compatible: missing fields take their defaults, unknown
//! fields are kept in `extra` (and written back when the value is serialised, so an edited input
//! sent as `updatedInput` loses nothing), and string enums keep values they do not know.
//!
//! # Examples
//!
//! ```
//! use claude_agent::builtin::{BashInput, BuiltinToolInput, ToolInput};
//! use serde_json::json;
//!
//! let input = BuiltinToolInput::parse("Bash", json!({"command": "ls", "description": "List"}));
//! let BuiltinToolInput::Bash(bash) = input else { unreachable!() };
//! assert_eq!(bash.command, "ls");
//! assert_eq!(BashInput::TOOL_NAME, "Bash");
//! ```

mod agent;
mod any;
mod file_outputs;
mod files;
mod interaction;
mod mcp;
mod settings;
mod shell;
mod web;

pub use agent::{AgentInput, AgentOutput, AgentTextBlock, AgentUsage};
pub use any::BuiltinToolInput;
pub use file_outputs::{
    EditOutput, GitDiff, GlobOutput, GrepOutput, NotebookEditOutput, PatchHunk, ReadOutput,
    WriteOutput,
};
pub use files::{
    CellType, EditInput, GlobInput, GrepInput, GrepOutputMode, NotebookEditInput, NotebookEditMode,
    ReadInput, WriteInput,
};
pub use interaction::{
    AllowedPrompt, AskUserQuestionInput, AskUserQuestionOutput, ExitPlanModeInput,
    ExitPlanModeOutput, Question, QuestionOption, Todo, TodoStatus, TodoWriteInput,
    TodoWriteOutput,
};
pub use mcp::{
    ListMcpResourcesInput, McpResource, McpResourceContents, ReadMcpResourceInput,
    ReadMcpResourceOutput,
};
pub use settings::{ConfigInput, ConfigOutput, EnterWorktreeInput, EnterWorktreeOutput};
pub use shell::{BashInput, BashOutput, TaskOutputInput, TaskStopInput, TaskStopOutput};
pub use web::{WebFetchInput, WebFetchOutput, WebSearchHit, WebSearchInput, WebSearchOutput};

/// Output of the `ListMcpResources` tool.
pub type ListMcpResourcesOutput = Vec<McpResource>;

/// The TypeScript SDK's name for [`EditInput`].
pub type FileEditInput = EditInput;
/// The TypeScript SDK's name for [`ReadInput`].
pub type FileReadInput = ReadInput;
/// The TypeScript SDK's name for [`WriteInput`].
pub type FileWriteInput = WriteInput;

/// The input type of one built-in tool, tied to the tool's name.
///
/// `#[hook(PreToolUse, matcher = "Bash")]` uses it to check at compile time that a hook taking
/// `PreToolUse<BashInput>` is registered for the `Bash` tool. Implement it for your own input
/// types to get the same check.
///
/// # Examples
///
/// ```
/// use claude_agent::builtin::{AgentInput, ReadInput, ToolInput};
///
/// assert_eq!(ReadInput::TOOL_NAME, "Read");
/// assert_eq!(AgentInput::ALIASES, ["Task"]);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not the input type of a known tool",
    note = "implement `claude_agent::builtin::ToolInput` for it, or take `serde_json::Value`"
)]
pub trait ToolInput:
    serde::Serialize + serde::de::DeserializeOwned + Send + Sync + 'static
{
    /// The tool's current name, as matchers and `tool_name` spell it.
    const TOOL_NAME: &'static str;
    /// Older names the CLI still accepts for the same tool.
    const ALIASES: &'static [&'static str] = &[];
    /// The compile-time error shown when a `#[hook]` matcher names another tool.
    #[doc(hidden)]
    const MATCHER_MISMATCH: &'static str = "`#[hook]`: this input type belongs to one tool (`ToolInput::TOOL_NAME`); `matcher` must name exactly that tool";
}

/// Implements [`ToolInput`] with a compile-time error message naming the tool.
macro_rules! tool_input {
    ($ty:ty, $name:literal $(, aliases = [$($alias:literal),*])?) => {
        impl $crate::builtin::ToolInput for $ty {
            const TOOL_NAME: &'static str = $name;
            $(const ALIASES: &'static [&'static str] = &[$($alias),*];)?
            const MATCHER_MISMATCH: &'static str = concat!(
                "`#[hook]`: `", stringify!($ty), "` is the input of the `", $name,
                "` tool, so the hook needs `matcher = \"", $name, "\"`"
            );
        }
    };
}
pub(crate) use tool_input;
