//! `hookSpecificOutput`: the per-event part of a hook's answer.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::permissions::{PermissionResult, PermissionUpdate};
use crate::wire::wire_enum;

wire_enum! {
    default;
    /// A `PreToolUse` (or `PreModelSwitch`) hook's decision.
    pub enum PermissionDecision {
        /// Run the tool without asking.
        Allow = "allow",
        /// Refuse the tool; the reason goes to the model.
        Deny = "deny",
        /// Ask the user (or the permission callback).
        Ask = "ask",
        /// No decision: let the CLI's normal permission flow decide.
        Defer = "defer",
    }
}

wire_enum! {
    default;
    /// The top-level `decision` of a hook's answer.
    pub enum HookDecision {
        /// Block: the prompt is refused, the stop is prevented, the tool result is flagged, ...
        Block = "block",
        /// Deprecated spelling of a `PreToolUse` allow.
        Approve = "approve",
    }
}

/// A `PermissionRequest` hook's decision (the dialog's answer).
///
/// # Examples
///
/// ```
/// use claude_agent::hooks::PermissionRequestDecision;
/// use claude_agent::permissions::PermissionResult;
///
/// let decision = PermissionRequestDecision::from(PermissionResult::deny("no"));
/// assert_eq!(serde_json::to_value(&decision).unwrap(), serde_json::json!({"behavior": "deny", "message": "no"}));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "behavior",
    rename_all = "lowercase",
    rename_all_fields = "camelCase"
)]
#[non_exhaustive]
pub enum PermissionRequestDecision {
    /// Allow the tool.
    Allow {
        /// Replace the tool's input.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        updated_input: Option<Value>,
        /// Permission updates to apply.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        updated_permissions: Option<Vec<PermissionUpdate>>,
    },
    /// Refuse the tool.
    Deny {
        /// Why (shown to the model).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message: Option<String>,
        /// Also abort the turn.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        interrupt: Option<bool>,
    },
    /// A behaviour this SDK version does not know, verbatim.
    #[serde(untagged)]
    Unknown(Value),
}

impl From<PermissionResult> for PermissionRequestDecision {
    fn from(result: PermissionResult) -> Self {
        match result {
            PermissionResult::Allow {
                updated_input,
                updated_permissions,
            } => PermissionRequestDecision::Allow {
                updated_input,
                updated_permissions: (!updated_permissions.is_empty())
                    .then_some(updated_permissions),
            },
            PermissionResult::Deny { message, interrupt } => PermissionRequestDecision::Deny {
                message: Some(message),
                interrupt: interrupt.then_some(true),
            },
        }
    }
}

/// The per-event fields of a hook's answer. Only the fields the event understands are read by the
/// CLI; `hook_event_name` is filled in by [`HookOutput::to_wire`](super::HookOutput::to_wire).
///
/// # Examples
///
/// ```
/// use claude_agent::hooks::HookSpecificOutput;
///
/// let mut specific = HookSpecificOutput::default();
/// specific.session_title = Some("Refactor".into());
/// assert_eq!(serde_json::to_value(&specific).unwrap(), serde_json::json!({"sessionTitle": "Refactor"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct HookSpecificOutput {
    /// The event the answer is for (must match the event the hook ran for).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hook_event_name: Option<String>,
    /// `PreToolUse`, `PreModelSwitch`: the decision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permission_decision: Option<PermissionDecision>,
    /// `PreToolUse`, `PreModelSwitch`: why (shown to the model on deny, to the user on ask).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permission_decision_reason: Option<String>,
    /// `PreToolUse`: replace the tool's input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_input: Option<Value>,
    /// Most events: extra context for the model.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub additional_context: Option<String>,
    /// `PostToolUse`: replace the tool's output before the model sees it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_tool_output: Option<Value>,
    /// `PostToolUse`: replace an MCP tool's output (prefer `updated_tool_output`).
    #[serde(
        rename = "updatedMCPToolOutput",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_mcp_tool_output: Option<Value>,
    /// `UserPromptSubmit`, `SessionStart`: set the session's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_title: Option<String>,
    /// `UserPromptSubmit`, `UserPromptExpansion`: leave the prompt out of the block message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppress_original_prompt: Option<bool>,
    /// `SessionStart`: a first user message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initial_user_message: Option<String>,
    /// `SessionStart`, `CwdChanged`, `FileChanged`: absolute paths to watch for `FileChanged`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub watch_paths: Option<Vec<String>>,
    /// `SessionStart`: re-scan skills afterwards.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reload_skills: Option<bool>,
    /// `PermissionRequest`: the dialog's answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<PermissionRequestDecision>,
    /// `PermissionDenied`: let the model retry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry: Option<bool>,
    /// `Elicitation`, `ElicitationResult`: `accept`, `decline` or `cancel`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// `Elicitation`, `ElicitationResult`: the form's content.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<Map<String, Value>>,
    /// `WorktreeCreate`: where the worktree was created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub worktree_path: Option<String>,
    /// `MessageDisplay`: text shown in place of the delta.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_content: Option<String>,
    /// Fields this SDK version does not name, sent verbatim.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
