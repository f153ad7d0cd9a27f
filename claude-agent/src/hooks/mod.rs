//! Hook callbacks: the CLI calls back into the SDK at points of its loop (before a tool runs,
//! after a prompt is submitted, when the turn stops, ...).
//!
//! Callbacks are registered with the CLI in the `initialize` request, grouped by [`HookEvent`]
//! and an optional matcher; the CLI then sends `hook_callback` control requests that the runtime
//! dispatches to them.
//!
//! Two layers:
//! - **Raw**: a [`HookCallback`] gets the input as JSON and returns the hook JSON output; group
//!   callbacks in a [`HookMatcher`].
//! - **Typed**: a [`Hook`] takes its event's input type (e.g. `PreToolUse<BashInput>`, see
//!   [`crate::builtin`]) and returns a [`HookOutput`]. Declare one with `#[hook]`, build one from a
//!   closure with [`hook_fn`], or implement [`Hook`]; [`HookAdapter`] turns it into a callback and
//!   applies the [`FailurePolicy`]: a hook that errors, panics, times out or cannot decode its
//!   input never hangs the session, and tool-permission hooks fail closed (deny).
//!
//! ```rust,standalone_crate
//! use claude_agent::builtin::BashInput;
//! use claude_agent::hooks::{hook, HookOutput, PreToolUse};
//!
//! /// Refuses destructive shell commands.
//! #[hook(PreToolUse, matcher = "Bash", timeout = 5)]
//! async fn guard(input: PreToolUse<BashInput>) -> HookOutput {
//!     if input.tool_input.command.contains("rm -rf") {
//!         HookOutput::deny("destructive commands are not allowed")
//!     } else {
//!         HookOutput::proceed()
//!     }
//! }
//!
//! // `guard` is still an ordinary function, and `GuardHook` its handle.
//! assert!(claude_agent::hooks::registered().iter().any(|h| h.name == "guard"));
//! ```

#[doc(hidden)]
#[path = "macro_support.rs"]
pub mod __macro_support;
mod adapter;
mod callback;
pub mod event;
mod hook_event;
mod input;
mod output;
mod registry;
mod typed;

pub use adapter::{DEFAULT_HOOK_TIMEOUT, FailurePolicy, FnHook, HookAdapter, hook_fn, hook_fn_for};
pub use callback::{HookCallback, HookContext, HookMatcher};
pub use hook_event::HookEvent;
pub use input::{
    CompactTrigger, ConfigChange, CwdChanged, DirectoryAdded, Effort, Elicitation,
    ElicitationResult, FileChanged, HookBase, HookInput, InstructionsLoaded, MessageDisplay,
    Notification, PermissionDenied, PermissionRequest, PostCompact, PostModelSwitch, PostToolBatch,
    PostToolUse, PostToolUseFailure, PreCompact, PreModelSwitch, PreToolUse, SessionEnd,
    SessionStart, SessionStartSource, Setup, Stop, StopFailure, SubagentStart, SubagentStop,
    TaskCompleted, TaskCreated, TeammateIdle, ToolCall, UserPromptExpansion, UserPromptSubmit,
    WorktreeCreate, WorktreeRemove,
};
pub use output::{
    HookDecision, HookOutput, HookSpecificOutput, PermissionDecision, PermissionRequestDecision,
};
pub use registry::{HookDescriptor, HookRegistry, from_inventory, registered};
pub use typed::{EventInput, Hook, InputEvent, IntoHookResult};

/// Declares a typed hook: `#[hook(Event, matcher = "..", timeout = secs, on_failure = "deny",
/// name = "..")]` on an `async fn` taking the event's input and returning [`HookOutput`] (or
/// `Result<HookOutput, E: Display>`). See the module documentation.
pub use claude_agent_macros::hook;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;
