//! Inputs of the tool events: `PreToolUse`, `PostToolUse`, `PostToolUseFailure`,
//! `PostToolBatch`, `PermissionRequest` ([`PermissionRequestInput`]), `PermissionDenied`
//! ([`PermissionDeniedInput`]).
//!
//! Each is generic over the tool's input type `I` (default [`serde_json::Value`]); use a type from
//! [`crate::builtin`] (e.g. `PreToolUse<BashInput>`) when the hook's matcher names one tool.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::HookBase;
use crate::builtin::BuiltinToolInput;
use crate::permissions::{McpServerRef, PermissionUpdate};
use crate::wire::opt_count as opt_u64;

/// Adds `typed`/`builtin_input` to the `Value` form of a tool-event input.
macro_rules! tool_input_access {
    ($name:ident { $($field:ident),* }) => {
        impl $name<Value> {
            /// The same input with `tool_input` decoded as `T`.
            ///
            /// # Errors
            ///
            /// [`Error::Protocol`](crate::Error::Protocol) when the tool input does not fit `T`.
            pub fn typed<T: DeserializeOwned>(self) -> crate::Result<$name<T>> {
                let tool_input = serde_json::from_value(self.tool_input).map_err(|e| {
                    crate::Error::Protocol(format!(
                        "the `{}` input does not fit `{}`: {e}",
                        self.tool_name,
                        std::any::type_name::<T>()
                    ))
                })?;
                Ok($name { base: self.base, tool_name: self.tool_name, tool_input, $($field: self.$field),* })
            }

            /// The tool input typed by tool name.
            pub fn builtin_input(&self) -> BuiltinToolInput {
                BuiltinToolInput::parse(&self.tool_name, self.tool_input.clone())
            }
        }
    };
}

/// Input of `PreToolUse`: a tool is about to run.
///
/// # Examples
///
/// ```
/// use claude_agent::builtin::BashInput;
/// use claude_agent::hooks::PreToolUse;
///
/// let input: PreToolUse<BashInput> = serde_json::from_value(serde_json::json!({
///     "session_id": "s", "transcript_path": "/t.jsonl", "cwd": "/p", "permission_mode": "default",
///     "hook_event_name": "PreToolUse", "tool_name": "Bash",
///     "tool_input": {"command": "echo hi"}, "tool_use_id": "toolu_1"
/// })).unwrap();
/// assert_eq!(input.tool_input.command, "echo hi");
/// assert_eq!(input.base.cwd, "/p");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "I: DeserializeOwned", serialize = "I: Serialize"))]
#[non_exhaustive]
pub struct PreToolUse<I = Value> {
    /// Fields every event has.
    #[serde(flatten)]
    pub base: HookBase,
    /// The tool's name.
    #[serde(default)]
    pub tool_name: String,
    /// The tool's input.
    pub tool_input: I,
    /// The tool call's id.
    #[serde(default)]
    pub tool_use_id: String,
    /// The MCP server behind an `mcp__*` tool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mcp_server: Option<McpServerRef>,
}
tool_input_access!(PreToolUse {
    tool_use_id,
    mcp_server
});

/// Input of `PostToolUse`: a tool succeeded. `O` types `tool_response` (e.g.
/// [`BashOutput`](crate::builtin::BashOutput)).
///
/// # Examples
///
/// ```
/// use claude_agent::builtin::{BashInput, BashOutput};
/// use claude_agent::hooks::PostToolUse;
///
/// let input: PostToolUse<BashInput, BashOutput> = serde_json::from_value(serde_json::json!({
///     "session_id": "s", "transcript_path": "/t", "cwd": "/p", "hook_event_name": "PostToolUse",
///     "tool_name": "Bash", "tool_input": {"command": "echo hi"},
///     "tool_response": {"stdout": "hi", "stderr": "", "interrupted": false},
///     "tool_use_id": "toolu_1", "duration_ms": 167
/// })).unwrap();
/// assert_eq!(input.tool_response.stdout, "hi");
/// assert_eq!(input.duration_ms, Some(167));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(
    deserialize = "I: DeserializeOwned, O: DeserializeOwned",
    serialize = "I: Serialize, O: Serialize"
))]
#[non_exhaustive]
pub struct PostToolUse<I = Value, O = Value> {
    /// Fields every event has.
    #[serde(flatten)]
    pub base: HookBase,
    /// The tool's name.
    #[serde(default)]
    pub tool_name: String,
    /// The tool's input.
    pub tool_input: I,
    /// What the tool returned.
    pub tool_response: O,
    /// The tool call's id.
    #[serde(default)]
    pub tool_use_id: String,
    /// How long the tool ran, in milliseconds (without permission and hook time).
    #[serde(
        default,
        deserialize_with = "opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub duration_ms: Option<u64>,
    /// The MCP server behind an `mcp__*` tool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mcp_server: Option<McpServerRef>,
}

impl<O> PostToolUse<Value, O> {
    /// The tool input typed by tool name.
    pub fn builtin_input(&self) -> BuiltinToolInput {
        BuiltinToolInput::parse(&self.tool_name, self.tool_input.clone())
    }
}

/// Input of `PostToolUseFailure`: a tool failed.
///
/// # Examples
///
/// ```
/// let input: claude_agent::hooks::PostToolUseFailure = serde_json::from_value(serde_json::json!({
///     "session_id": "s", "transcript_path": "/t", "cwd": "/p", "hook_event_name": "PostToolUseFailure",
///     "tool_name": "Bash", "tool_input": {"command": "false"}, "tool_use_id": "toolu_1",
///     "error": "exit 1", "is_interrupt": false
/// })).unwrap();
/// assert_eq!(input.error, "exit 1");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "I: DeserializeOwned", serialize = "I: Serialize"))]
#[non_exhaustive]
pub struct PostToolUseFailure<I = Value> {
    /// Fields every event has.
    #[serde(flatten)]
    pub base: HookBase,
    /// The tool's name.
    #[serde(default)]
    pub tool_name: String,
    /// The tool's input.
    pub tool_input: I,
    /// The tool call's id.
    #[serde(default)]
    pub tool_use_id: String,
    /// The error.
    #[serde(default)]
    pub error: String,
    /// Whether the tool was interrupted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_interrupt: Option<bool>,
    /// How long the tool ran, in milliseconds.
    #[serde(
        default,
        deserialize_with = "opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub duration_ms: Option<u64>,
    /// The MCP server behind an `mcp__*` tool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mcp_server: Option<McpServerRef>,
}
tool_input_access!(PostToolUseFailure {
    tool_use_id,
    error,
    is_interrupt,
    duration_ms,
    mcp_server
});

/// One call of a [`PostToolBatch`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ToolCall {
    /// The tool's name.
    pub tool_name: String,
    /// The tool's input.
    pub tool_input: Value,
    /// The tool call's id.
    pub tool_use_id: String,
    /// What the tool returned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tool_response: Option<Value>,
}

/// Input of `PostToolBatch`: every call of a parallel batch has finished.
///
/// # Examples
///
/// ```
/// let input: claude_agent::hooks::PostToolBatch = serde_json::from_value(serde_json::json!({
///     "session_id": "s", "transcript_path": "/t", "cwd": "/p", "hook_event_name": "PostToolBatch",
///     "tool_calls": [{"tool_name": "Read", "tool_input": {}, "tool_use_id": "t1"}]
/// })).unwrap();
/// assert_eq!(input.tool_calls[0].tool_name, "Read");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct PostToolBatch {
    /// Fields every event has.
    #[serde(flatten)]
    pub base: HookBase,
    /// The calls of the batch.
    pub tool_calls: Vec<ToolCall>,
}

/// Input of `PermissionRequest`: the CLI would show a permission dialog. (Not to be confused
/// with [`permissions::PermissionRequest`](crate::permissions::PermissionRequest), the
/// `can_use_tool` callback's request.)
///
/// # Examples
///
/// ```
/// use claude_agent::hooks::PermissionRequestInput;
///
/// let input: PermissionRequestInput = serde_json::from_value(serde_json::json!({
///     "session_id": "s", "transcript_path": "/t", "cwd": "/p", "hook_event_name": "PermissionRequest",
///     "tool_name": "Bash", "tool_input": {"command": "touch x"},
///     "permission_suggestions": [{"type": "setMode", "mode": "acceptEdits", "destination": "session"}]
/// })).unwrap();
/// assert_eq!(input.permission_suggestions.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "I: DeserializeOwned", serialize = "I: Serialize"))]
#[non_exhaustive]
pub struct PermissionRequestInput<I = Value> {
    /// Fields every event has.
    #[serde(flatten)]
    pub base: HookBase,
    /// The tool's name.
    #[serde(default)]
    pub tool_name: String,
    /// The tool's input.
    pub tool_input: I,
    /// What "always allow" would apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub permission_suggestions: Vec<PermissionUpdate>,
    /// The MCP server behind an `mcp__*` tool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mcp_server: Option<McpServerRef>,
}
tool_input_access!(PermissionRequestInput {
    permission_suggestions,
    mcp_server
});

/// Input of `PermissionDenied`: a tool call was refused. (Not to be confused with
/// [`protocol::PermissionDenied`](crate::protocol::PermissionDenied), the stream's notice.)
///
/// # Examples
///
/// ```
/// let input: claude_agent::hooks::PermissionDeniedInput = serde_json::from_value(serde_json::json!({
///     "session_id": "s", "transcript_path": "/t", "cwd": "/p", "hook_event_name": "PermissionDenied",
///     "tool_name": "Bash", "tool_input": {}, "tool_use_id": "t1", "reason": "rule"
/// })).unwrap();
/// assert_eq!(input.reason, "rule");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "I: DeserializeOwned", serialize = "I: Serialize"))]
#[non_exhaustive]
pub struct PermissionDeniedInput<I = Value> {
    /// Fields every event has.
    #[serde(flatten)]
    pub base: HookBase,
    /// The tool's name.
    #[serde(default)]
    pub tool_name: String,
    /// The tool's input.
    pub tool_input: I,
    /// The tool call's id.
    #[serde(default)]
    pub tool_use_id: String,
    /// Why it was refused.
    #[serde(default)]
    pub reason: String,
    /// The MCP server behind an `mcp__*` tool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mcp_server: Option<McpServerRef>,
}
tool_input_access!(PermissionDeniedInput {
    tool_use_id,
    reason,
    mcp_server
});
