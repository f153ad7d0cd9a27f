//! Hook callbacks: the CLI calls back into the SDK at points of its loop (before a tool runs,
//! after a prompt is submitted, when the turn stops, ...).
//!
//! Callbacks are registered with the CLI in the `initialize` request, grouped by [`HookEvent`]
//! and an optional matcher; the CLI then sends `hook_callback` control requests that the runtime
//! dispatches to them.
//!
//! Two layers:
//! - **Typed**: a [`Hook`] takes its event's input type (e.g. `PreToolUse<BashInput>`, see
//!   [`crate::builtin`]) and returns a [`HookOutput`]. Declare one with `#[hook]`, build one from a
//!   closure with [`hook_fn`], or implement [`Hook`]; [`HookAdapter`] turns it into a callback and
//!   applies the [`FailurePolicy`]: a hook that errors, panics, times out or cannot decode its
//!   input never hangs the session, and tool-permission hooks fail closed (deny).
//! - **Raw**: a [`HookCallback`] gets the input as JSON and returns the hook JSON output; group
//!   callbacks in a [`HookMatcher`] and add it with
//!   [`OptionsBuilder::hook`](crate::OptionsBuilder::hook).
//!
//! # Declaring a hook: `#[hook]`
//!
//! `#[hook(Event, matcher = "..", timeout = secs, on_failure = "deny" | "continue" | "error",
//! name = "..")]` on an `async fn` that takes the event's input and returns [`HookOutput`] (or
//! `Result<HookOutput, E>` with `E: Display`). The function stays an ordinary function; the macro
//! adds a handle type (`guard` → `GuardHook`) implementing [`Hook`] and registers the hook, so
//! every session includes it (see [Registration and selection](#registration-and-selection)).
//! A matcher naming a built-in tool is checked against the input type at compile time.
//!
//! ```rust,standalone_crate
//! use claude_agent::builtin::BashInput;
//! use claude_agent::hooks::{hook, HookOutput, PreToolUse};
//!
//! /// Refuses destructive shell commands; the reason goes to the model as the tool result.
//! #[hook(PreToolUse, matcher = "Bash", timeout = 5)]
//! async fn guard(input: PreToolUse<BashInput>) -> HookOutput {
//!     if input.tool_input.command.contains("rm -rf") {
//!         HookOutput::deny("destructive commands are not allowed")
//!     } else {
//!         HookOutput::proceed()
//!     }
//! }
//!
//! assert!(claude_agent::hooks::registered_hooks().iter().any(|h| h.name == "guard"));
//! ```
//!
//! # Closures: `hook_fn`
//!
//! [`hook_fn`] makes a hook from an async closure; the event follows from the input type, and
//! the builder methods set the matcher, timeout, name and failure policy. Closures can capture
//! state, which `#[hook]` functions cannot; a hook built this way is not registered, so add it to
//! a [`HookRegistry`] for [`OptionsBuilder::hooks`](crate::OptionsBuilder::hooks).
//!
//! ```
//! use std::time::Duration;
//! use claude_agent::builtin::{BashInput, BashOutput};
//! use claude_agent::hooks::{hook_fn, FailurePolicy, HookOutput, HookRegistry, PostToolUse};
//!
//! let note = hook_fn(|input: PostToolUse<BashInput, BashOutput>| async move {
//!     let lines = input.tool_response.stdout.lines().count();
//!     HookOutput::default().with_additional_context(format!("the command printed {lines} lines"))
//! })
//! .name("line_count")
//! .matcher("Bash")
//! .timeout(Duration::from_secs(10))
//! .on_failure(FailurePolicy::Continue);
//! let registry = HookRegistry::new().adapter(note);
//! assert_eq!(registry.len(), 1);
//! ```
//!
//! # Typed inputs
//!
//! Each event has an input struct named after it ([`UserPromptSubmit`], [`Stop`],
//! [`SubagentStart`], ...) with the fields every event has in [`HookBase`]; the two permission
//! events add `Input` ([`PermissionRequestInput`], [`PermissionDeniedInput`]) so that
//! `use claude_agent::{hooks::*, permissions::*, protocol::*}` does not collide with
//! [`permissions::PermissionRequest`](crate::permissions::PermissionRequest) and
//! [`protocol::PermissionDenied`](crate::protocol::PermissionDenied). The tool events
//! take the tool's input (and output) type as parameters: [`PreToolUse<I>`](PreToolUse),
//! [`PostToolUse<I, O>`](PostToolUse), [`PostToolUseFailure<I>`](PostToolUseFailure),
//! [`PermissionRequestInput<I>`](PermissionRequestInput) and
//! [`PermissionDeniedInput<I>`](PermissionDeniedInput),
//! with `I`/`O` from [`crate::builtin`] (`BashInput`, `EditInput`, `BashOutput`, ...) or
//! [`serde_json::Value`] (the default) for any tool. A hook may also take [`HookInput`] (any
//! event, by name) or `Value`. Inputs are lenient: missing fields default, unknown ones are
//! ignored.
//!
//! ```
//! use claude_agent::builtin::EditInput;
//! use claude_agent::hooks::{HookInput, PreToolUse};
//! use serde_json::json;
//!
//! let raw = json!({
//!     "session_id": "s1", "transcript_path": "/t.jsonl", "cwd": "/p",
//!     "hook_event_name": "PreToolUse", "tool_name": "Edit", "tool_use_id": "toolu_1",
//!     "tool_input": {"file_path": "/p/a.rs", "old_string": "a", "new_string": "b"}
//! });
//! let typed: PreToolUse<EditInput> = serde_json::from_value(raw.clone()).unwrap();
//! assert_eq!(typed.tool_input.file_path, "/p/a.rs");
//! assert_eq!(typed.base.session_id, "s1");
//! assert!(matches!(HookInput::from_value(raw), HookInput::PreToolUse(_)));
//! ```
//!
//! # Outputs
//!
//! [`HookOutput`] has a constructor per common answer: [`deny`](HookOutput::deny),
//! [`allow`](HookOutput::allow), [`ask`](HookOutput::ask) and [`defer`](HookOutput::defer) for
//! `PreToolUse` (with [`with_updated_input`](HookOutput::with_updated_input) to change what runs),
//! [`permission`](HookOutput::permission) for `PermissionRequest`,
//! [`block`](HookOutput::block), [`stop`](HookOutput::stop), [`proceed`](HookOutput::proceed), and
//! [`with_additional_context`](HookOutput::with_additional_context) for text the model sees.
//!
//! # Failure policy
//!
//! A typed hook that returns an `Err`, panics, runs past its timeout, or gets an input that does
//! not decode into its input type is answered by its [`FailurePolicy`]:
//!
//! | Event | Default | What the CLI gets |
//! |---|---|---|
//! | `PreToolUse`, `PermissionRequest` | [`Deny`](FailurePolicy::Deny) | a deny whose reason names the hook and the failure (`hook `guard` panicked: ...`); the model sees it as the tool result |
//! | every other event | [`Continue`](FailurePolicy::Continue) | `{"continue": true}`, as if the hook had no opinion |
//!
//! [`FailurePolicy::Error`] sends an error response instead (the CLI logs it and goes on without
//! the hook). Set the policy with `on_failure = ".."` or [`HookAdapter::on_failure`]. The SDK
//! enforces the timeout a little before the CLI does (10% earlier, at most one second), so the
//! failure answer arrives first; without a `timeout` it is [`DEFAULT_HOOK_TIMEOUT`]. Either way
//! the session goes on: the next tool call and the next turn work as usual. A raw
//! [`HookCallback`] that panics is answered with an error response.
//!
//! # Registration and selection
//!
//! - By default a session includes every hook declared with `#[hook]` in the program
//!   ([`registered`]; hooks in a library crate are linked only if the program uses that crate,
//!   for a crate used only for its hooks write `use my_hooks as _;`).
//! - [`OptionsBuilder::hooks`](crate::OptionsBuilder::hooks) selects explicitly: exactly the
//!   hooks of the given [`HookRegistry`], instead of the registered ones. Use
//!   [`HookRegistry::from_registered`] to start from the registered ones and add more.
//! - [`OptionsBuilder::no_registered`](crate::OptionsBuilder::no_registered) (or
//!   `no_registered_hooks`) leaves the registered hooks out without selecting anything.
//! - [`OptionsBuilder::hook`](crate::OptionsBuilder::hook) adds a raw [`HookMatcher`] and never
//!   turns the registry off.
//! - Two registered hooks of one event with the same name are an error
//!   ([`Error::InvalidOption`](crate::Error::InvalidOption) naming both places) when the session
//!   starts; give one a `name = ".."`.
//!
//! ```rust,standalone_crate
//! use claude_agent::builtin::BashInput;
//! use claude_agent::hooks::{hook, hook_fn, HookEvent, HookMatcher, HookOutput, HookRegistry, PreToolUse, Stop};
//! use claude_agent::Options;
//!
//! #[hook(PreToolUse, matcher = "Bash")]
//! async fn no_sudo(input: PreToolUse<BashInput>) -> HookOutput {
//!     if input.tool_input.command.starts_with("sudo") { HookOutput::deny("no sudo") } else { HookOutput::proceed() }
//! }
//!
//! // Every registered hook (here `no_sudo`).
//! let all = Options::builder().build();
//! // Exactly these: the registered ones plus a closure.
//! let on_stop = hook_fn(|_: Stop| async { HookOutput::proceed() });
//! let chosen = Options::builder()
//!     .hooks(HookRegistry::from_registered()?.adapter(on_stop))
//!     .build();
//! // Only `NoSudoHook`, by its handle.
//! let one = Options::builder().hooks(HookRegistry::new().hook(NoSudoHook)).build();
//! // None of the registered ones; a raw matcher instead.
//! let raw = Options::builder()
//!     .no_registered()
//!     .hook(HookEvent::Notification, HookMatcher::new(None, |_input, _cx| async {
//!         Ok::<_, String>(serde_json::json!({}))
//!     }))
//!     .build();
//! # let _ = (all, chosen, one, raw);
//! # Ok::<(), claude_agent::Error>(())
//! ```
//!
//! # Which events fire
//!
//! Observed with CLI 2.1.330 in an SDK session (`tests/e2e_hook_events.rs`): `UserPromptSubmit`,
//! `UserPromptExpansion` (custom slash commands), `PreToolUse`, `PermissionRequest` (before
//! `can_use_tool`), `PostToolUse`, `PostToolUseFailure`, `PostToolBatch`, `SubagentStart`,
//! `SubagentStop`, `MessageDisplay`, `Stop`, `StopFailure` (API errors), `PreModelSwitch` /
//! `PostModelSwitch` (`set_model`), `PreCompact` / `PostCompact`, and `SessionStart` /
//! `InstructionsLoaded` only after a compaction (the session starts before `initialize`
//! registers the hooks). Not seen: `SessionEnd` (stdin closing), `Notification`,
//! `PermissionDenied` (a `can_use_tool` deny does not fire it), and the team, task, worktree,
//! elicitation, config and file-watch events, which need features a plain SDK session does not
//! use.

mod adapter;
mod callback;
pub mod event;
mod event_table;
mod hook;
mod input;
mod output;
mod registry;

pub use adapter::{DEFAULT_HOOK_TIMEOUT, FailurePolicy, FnHook, HookAdapter, hook_fn, hook_fn_for};
pub use callback::{HookCallback, HookContext, HookMatcher};
pub use event_table::HookEvent;
pub use hook::{EventInput, Hook, InputEvent, IntoHookResult};
pub use input::{
    CompactTrigger, ConfigChange, CwdChanged, DirectoryAdded, Elicitation, ElicitationResult,
    FileChanged, HookBase, HookInput, InstructionsLoaded, MessageDisplay, Notification,
    PermissionDeniedInput, PermissionRequestInput, PostCompact, PostModelSwitch, PostToolBatch,
    PostToolUse, PostToolUseFailure, PreCompact, PreModelSwitch, PreToolUse, SessionEnd,
    SessionStart, SessionStartSource, Setup, Stop, StopFailure, SubagentStart, SubagentStop,
    TaskCompleted, TaskCreated, TeammateIdle, ToolCall, TurnEffort, UserPromptExpansion,
    UserPromptSubmit, WorktreeCreate, WorktreeRemove,
};
pub use output::{
    HookDecision, HookOutput, HookSpecificOutput, PermissionDecision, PermissionRequestDecision,
};
#[allow(deprecated)]
pub use registry::registered;
pub use registry::{HookDescriptor, HookRegistry, registered_hooks, registered_matchers};

/// Declares a typed hook: `#[hook(Event, matcher = "..", timeout = secs, on_failure = "deny",
/// name = "..")]` on an `async fn` taking the event's input and returning [`HookOutput`] (or
/// `Result<HookOutput, E: Display>`). See the module documentation.
pub use claude_agent_macros::hook;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;
