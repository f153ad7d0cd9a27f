//! The permission callback (`can_use_tool`): the CLI asks the SDK whether a tool may run.
//!
//! The CLI sends a `can_use_tool` control request only when it runs with
//! `--permission-prompt-tool stdio` (set automatically when a callback is configured) and its own
//! rules resolve to "ask". Configure a callback with
//! [`OptionsBuilder::can_use_tool`](crate::OptionsBuilder::can_use_tool).

use std::future::Future;
use std::sync::Arc;

use futures::future::BoxFuture;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio_util::sync::CancellationToken;

/// A request from the CLI to use a tool.
///
/// # Examples
///
/// ```
/// use claude_agent::permissions::PermissionRequest;
///
/// let req: PermissionRequest = serde_json::from_value(serde_json::json!({
///     "tool_name": "Bash",
///     "input": {"command": "touch x"},
///     "tool_use_id": "toolu_1"
/// })).unwrap();
/// assert_eq!(req.tool_name, "Bash");
/// ```
#[derive(Debug, Clone, Deserialize, Serialize)]
#[non_exhaustive]
pub struct PermissionRequest {
    /// The tool's name, e.g. `Bash` or `mcp__calc__add`.
    pub tool_name: String,
    /// The tool's input as the model wrote it.
    #[serde(default)]
    pub input: Value,
    /// Permission updates the CLI suggests (raw `PermissionUpdate` JSON).
    #[serde(default, rename = "permission_suggestions")]
    pub suggestions: Vec<Value>,
    /// The path that triggered the request, for file tools.
    #[serde(default)]
    pub blocked_path: Option<String>,
    /// Why the CLI asks.
    #[serde(default)]
    pub decision_reason: Option<String>,
    /// The id of this tool call.
    #[serde(default)]
    pub tool_use_id: Option<String>,
    /// The subagent asking, when the call comes from a subagent.
    #[serde(default)]
    pub agent_id: Option<String>,
}

/// The answer to a [`PermissionRequest`].
///
/// # Examples
///
/// ```
/// use claude_agent::permissions::PermissionResult;
///
/// let deny = PermissionResult::deny("not in this repo");
/// assert!(matches!(deny, PermissionResult::Deny { .. }));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum PermissionResult {
    /// Let the tool run.
    Allow {
        /// Replace the tool's input (the original input is sent when `None`).
        updated_input: Option<Value>,
        /// Permission updates to apply (raw `PermissionUpdate` JSON).
        updated_permissions: Vec<Value>,
    },
    /// Refuse the tool call; the model receives `message` as an error tool result.
    Deny {
        /// Why the call was refused (required by the CLI).
        message: String,
        /// Also abort the turn.
        interrupt: bool,
    },
}

impl PermissionResult {
    /// Allows the call unchanged.
    pub fn allow() -> Self {
        PermissionResult::Allow {
            updated_input: None,
            updated_permissions: Vec::new(),
        }
    }

    /// Denies the call with a message for the model.
    pub fn deny(message: impl Into<String>) -> Self {
        PermissionResult::Deny {
            message: message.into(),
            interrupt: false,
        }
    }

    /// The wire form the CLI expects, given the original request.
    pub(crate) fn to_wire(&self, request: &PermissionRequest) -> Value {
        let mut out = match self {
            PermissionResult::Allow {
                updated_input,
                updated_permissions,
            } => {
                let mut m = serde_json::Map::new();
                m.insert("behavior".into(), "allow".into());
                m.insert(
                    "updatedInput".into(),
                    updated_input
                        .clone()
                        .unwrap_or_else(|| request.input.clone()),
                );
                if !updated_permissions.is_empty() {
                    m.insert(
                        "updatedPermissions".into(),
                        Value::Array(updated_permissions.clone()),
                    );
                }
                m
            }
            PermissionResult::Deny { message, interrupt } => {
                let mut m = serde_json::Map::new();
                m.insert("behavior".into(), "deny".into());
                m.insert("message".into(), message.clone().into());
                m.insert("interrupt".into(), (*interrupt).into());
                m
            }
        };
        if let Some(id) = &request.tool_use_id {
            out.insert("toolUseID".into(), id.clone().into());
        }
        Value::Object(out)
    }
}

/// What a permission callback gets besides the request.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct PermissionContext {
    /// Cancelled when the CLI withdraws the request (it does so when the turn is interrupted);
    /// no answer is sent after that.
    pub cancellation: CancellationToken,
}

/// Decides whether the CLI may run a tool. Implemented for async closures
/// `Fn(PermissionRequest, PermissionContext) -> impl Future<Output = PermissionResult>`.
///
/// # Examples
///
/// ```
/// use claude_agent::permissions::{PermissionResult, PermissionRequest, PermissionContext};
/// use claude_agent::Options;
///
/// let options = Options::builder()
///     .can_use_tool(|req: PermissionRequest, _cx: PermissionContext| async move {
///         if req.tool_name == "Bash" { PermissionResult::deny("no shell") } else { PermissionResult::allow() }
///     })
///     .build();
/// # let _ = options;
/// ```
pub trait CanUseTool: Send + Sync + 'static {
    /// Answers one request.
    fn can_use_tool(
        &self,
        request: PermissionRequest,
        cx: PermissionContext,
    ) -> BoxFuture<'static, PermissionResult>;
}

impl<F, Fut> CanUseTool for F
where
    F: Fn(PermissionRequest, PermissionContext) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = PermissionResult> + Send + 'static,
{
    fn can_use_tool(
        &self,
        request: PermissionRequest,
        cx: PermissionContext,
    ) -> BoxFuture<'static, PermissionResult> {
        Box::pin(self(request, cx))
    }
}

/// A shared permission callback.
pub type SharedCanUseTool = Arc<dyn CanUseTool>;
