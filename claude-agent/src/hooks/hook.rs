//! The typed hook trait: [`Hook`], and the traits tying inputs and outputs to it.

use std::fmt::Display;
use std::future::Future;
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::event::{self, Event};
use super::input::*;
use super::{FailurePolicy, HookContext, HookInput, HookOutput};

/// A typed hook: an input type for one event, and an async function from it to a
/// [`HookOutput`]. `#[hook]` implements it for you; implement it by hand for hooks with state, and
/// turn it into a callback with [`HookAdapter`](super::HookAdapter) or
/// [`HookRegistry::hook`](super::HookRegistry::hook).
///
/// # Examples
///
/// ```
/// use claude_agent::builtin::BashInput;
/// use claude_agent::hooks::{event, Hook, HookContext, HookOutput, PreToolUse};
///
/// struct NoSudo;
///
/// impl Hook for NoSudo {
///     type Event = event::PreToolUse;
///     type Input = PreToolUse<BashInput>;
///     type Output = HookOutput;
///     const NAME: &'static str = "no_sudo";
///     const MATCHER: Option<&'static str> = Some("Bash");
///
///     async fn call(&self, input: Self::Input, _cx: HookContext) -> HookOutput {
///         if input.tool_input.command.starts_with("sudo") {
///             HookOutput::deny("no sudo here")
///         } else {
///             HookOutput::proceed()
///         }
///     }
/// }
/// ```
pub trait Hook: Send + Sync + 'static {
    /// The event the hook is registered for.
    type Event: Event;
    /// What the hook receives: the event's input type (e.g. `PreToolUse<BashInput>`),
    /// [`HookInput`], or [`serde_json::Value`].
    type Input: EventInput<Self::Event>;
    /// What the hook returns: [`HookOutput`] or `Result<HookOutput, E>`.
    type Output: IntoHookResult;

    /// The hook's name, for logs and failure reasons.
    const NAME: &'static str;
    /// The matcher: which tools (for tool events) the hook runs for; `None` for all.
    const MATCHER: Option<&'static str> = None;
    /// How long the CLI waits for the hook; `None` for
    /// [`DEFAULT_HOOK_TIMEOUT`](super::DEFAULT_HOOK_TIMEOUT).
    const TIMEOUT: Option<Duration> = None;
    /// What a failure answers; `None` for the event's default
    /// ([`Event::DEFAULT_FAILURE_POLICY`]).
    const ON_FAILURE: Option<FailurePolicy> = None;

    /// Runs the hook.
    fn call(
        &self,
        input: Self::Input,
        cx: HookContext,
    ) -> impl Future<Output = Self::Output> + Send;
}

/// A type a hook for event `E` can receive: the event's own input struct, [`HookInput`], or
/// [`serde_json::Value`].
#[diagnostic::on_unimplemented(
    message = "a `{E}` hook cannot receive `{Self}`",
    label = "not an input type of `{E}`",
    note = "a hook takes its event's input type (`#[hook(PreToolUse)]` takes `PreToolUse<I>`, `#[hook(Stop)]` takes `Stop`, `#[hook(PermissionRequest)]` takes `PermissionRequestInput<I>`, ...), `HookInput` or `serde_json::Value`"
)]
pub trait EventInput<E: Event>: DeserializeOwned + Send + 'static {}

impl<E: Event> EventInput<E> for Value {}
impl<E: Event> EventInput<E> for HookInput {}

/// The event a per-event input struct belongs to (lets [`hook_fn`](super::hook_fn) infer it).
pub trait InputEvent {
    /// The event.
    type Event: Event;
}

/// Ties each input struct to its event marker, by the struct's generic shape.
macro_rules! input_event {
    (plain $name:ident $input:ident) => {
        impl EventInput<event::$name> for $input {}
        impl InputEvent for $input {
            type Event = event::$name;
        }
    };
    (tool $name:ident $input:ident) => {
        impl<I: DeserializeOwned + Send + 'static> EventInput<event::$name> for $input<I> {}
        impl<I> InputEvent for $input<I> {
            type Event = event::$name;
        }
    };
    (tool_output $name:ident $input:ident) => {
        impl<I, O> EventInput<event::$name> for $input<I, O>
        where
            I: DeserializeOwned + Send + 'static,
            O: DeserializeOwned + Send + 'static,
        {
        }
        impl<I, O> InputEvent for $input<I, O> {
            type Event = event::$name;
        }
    };
}

/// Emits the impls for every event of the table.
macro_rules! input_events {
    ($( $(#[$doc:meta])* $name:ident($input:ident) = $wire:literal, $shape:ident, $decides:literal, $policy:ident; )*) => {
        $( input_event!($shape $name $input); )*
    };
}

super::event_table::hook_events!(input_events);

/// What a hook may return: a [`HookOutput`], or `Result<HookOutput, E>` with `E: Display` (an
/// `Err` counts as a failure, see [`FailurePolicy`]).
#[diagnostic::on_unimplemented(
    message = "a hook must return `HookOutput` or `Result<HookOutput, E>` with `E: Display`, not `{Self}`",
    label = "not a hook result"
)]
pub trait IntoHookResult: Send + 'static {
    /// The output, or the error's text.
    fn into_hook_result(self) -> Result<HookOutput, String>;
}

impl IntoHookResult for HookOutput {
    fn into_hook_result(self) -> Result<HookOutput, String> {
        Ok(self)
    }
}

impl<E: Display + Send + 'static> IntoHookResult for Result<HookOutput, E> {
    fn into_hook_result(self) -> Result<HookOutput, String> {
        self.map_err(|e| e.to_string())
    }
}
