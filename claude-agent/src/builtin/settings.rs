//! Session tools: `Config`, `EnterWorktree`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::tool_input;

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
