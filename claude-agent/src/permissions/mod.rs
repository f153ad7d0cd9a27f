//! The permission callback (`can_use_tool`): the CLI asks the SDK whether a tool may run.
//!
//! The CLI sends a `can_use_tool` control request only when it runs with
//! `--permission-prompt-tool stdio` (set automatically when a callback is configured) and its own
//! rules resolve to "ask". Configure a callback with
//! [`OptionsBuilder::can_use_tool`](crate::OptionsBuilder::can_use_tool).
//!
//! A [`PermissionRequest`] carries the tool's input as JSON; [`PermissionRequest::typed`] and
//! [`PermissionRequest::tool_input`] give it a type from [`crate::builtin`]. The answer is a
//! [`PermissionResult`], optionally with [`PermissionUpdate`]s ("always allow" rules).
//!
//! A deny reaches the model as the tool's error result and is listed in the turn's
//! [`ResultMessage::permission_denials`](crate::protocol::ResultMessage::permission_denials).
//! An allow with an `addRules` update at [`PermissionUpdateDestination::Session`] stops the CLI
//! from asking again for calls the rule covers, for the rest of the session. When the turn is
//! interrupted while a request is pending, the CLI withdraws it: the callback's
//! [`PermissionContext::cancellation`] fires and no answer is sent. A one-shot
//! [`query`](crate::query) keeps the CLI's stdin open until the turn ends, so a slow callback is
//! still heard.
//!
//! ```
//! use claude_agent::builtin::BuiltinToolInput;
//! use claude_agent::permissions::{
//!     PermissionBehavior, PermissionContext, PermissionRequest, PermissionResult,
//!     PermissionRuleValue, PermissionUpdate, PermissionUpdateDestination,
//! };
//! use claude_agent::Options;
//!
//! let options = Options::builder()
//!     .can_use_tool(|req: PermissionRequest, _cx: PermissionContext| async move {
//!         match req.tool_input() {
//!             // Allow `touch`, and every later `touch` of this session without asking.
//!             BuiltinToolInput::Bash(bash) if bash.command.starts_with("touch ") => {
//!                 PermissionResult::allow().with_updated_permissions([PermissionUpdate::add_rules(
//!                     [PermissionRuleValue::new("Bash", "touch:*")],
//!                     PermissionBehavior::Allow,
//!                     PermissionUpdateDestination::Session,
//!                 )])
//!             }
//!             BuiltinToolInput::Write(write) if write.file_path.ends_with(".env") => {
//!                 PermissionResult::deny("secrets stay untouched")
//!             }
//!             BuiltinToolInput::Write(_) => PermissionResult::allow(),
//!             other => PermissionResult::deny(format!("{} is not allowed", other.tool_name())),
//!         }
//!     })
//!     .build();
//! # let _ = options;
//! ```

mod elicitation;
mod request;
mod result;
mod update;

use std::future::Future;
use std::sync::Arc;

use futures::future::BoxFuture;
use tokio_util::sync::CancellationToken;

pub use elicitation::{
    ElicitationHandler, ElicitationMode, ElicitationRequest, ElicitationResponse,
    UserDialogHandler, UserDialogRequest, UserDialogResponse,
};
pub use request::{McpServerRef, PermissionRequest};
pub use result::PermissionResult;
pub use update::{
    PermissionBehavior, PermissionRuleValue, PermissionUpdate, PermissionUpdateDestination,
};

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
