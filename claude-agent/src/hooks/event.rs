//! Event marker types: one zero-sized type per hook event, used as [`Hook::Event`](super::Hook::Event)
//! and by `#[hook(PreToolUse)]` to name the event at compile time. Generated from the event
//! table (`event_table.rs`).

use super::{FailurePolicy, HookEvent};

/// A hook event known at compile time.
///
/// # Examples
///
/// ```
/// use claude_agent::hooks::event::{self, Event};
/// use claude_agent::hooks::{FailurePolicy, HookEvent};
///
/// assert_eq!(event::PreToolUse::EVENT, HookEvent::PreToolUse);
/// assert_eq!(event::PreToolUse::DEFAULT_FAILURE_POLICY, FailurePolicy::Deny);
/// assert_eq!(event::Stop::DEFAULT_FAILURE_POLICY, FailurePolicy::Continue);
/// ```
pub trait Event: Send + Sync + 'static {
    /// The event.
    const EVENT: HookEvent;
    /// Whether the event's answer carries a permission decision (so a failing hook can deny).
    const DECIDES_PERMISSION: bool;
    /// What a failing hook answers unless configured otherwise: [`FailurePolicy::Deny`] (fail
    /// closed) for `PreToolUse` and `PermissionRequest`, [`FailurePolicy::Continue`] elsewhere.
    const DEFAULT_FAILURE_POLICY: FailurePolicy;
}

/// Emits one marker type per event of the table.
macro_rules! event_markers {
    ($( $(#[$doc:meta])* $name:ident($input:ident) = $wire:literal, $shape:ident, $decides:literal, $policy:ident; )*) => {
        $(
            #[doc = concat!("The `", stringify!($name), "` event; its input is [`", stringify!($input), "`](super::", stringify!($input), ").")]
            #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
            pub struct $name;

            impl Event for $name {
                const EVENT: HookEvent = HookEvent::$name;
                const DECIDES_PERMISSION: bool = $decides;
                const DEFAULT_FAILURE_POLICY: FailurePolicy = FailurePolicy::$policy;
            }
        )*
    };
}

super::event_table::hook_events!(event_markers);
