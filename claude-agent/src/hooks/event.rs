//! Event marker types: one zero-sized type per hook event, used as [`Hook::Event`](super::Hook::Event)
//! and by `#[hook(PreToolUse)]` to name the event at compile time.

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

macro_rules! events {
    ($($name:ident: $decides:literal, $policy:ident;)*) => {
        $(
            #[doc = concat!("The `", stringify!($name), "` event; its input is [`", stringify!($name), "`](super::", stringify!($name), ").")]
            #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
            pub struct $name;

            impl Event for $name {
                const EVENT: HookEvent = HookEvent::$name;
                const DECIDES_PERMISSION: bool = $decides;
                const DEFAULT_FAILURE_POLICY: FailurePolicy = FailurePolicy::$policy;
            }
        )*

        #[cfg(test)]
        pub(crate) const ALL_MARKED: &[HookEvent] = &[$(HookEvent::$name),*];
    };
}

events! {
    PreToolUse: true, Deny;
    PostToolUse: false, Continue;
    PostToolUseFailure: false, Continue;
    PostToolBatch: false, Continue;
    Notification: false, Continue;
    UserPromptSubmit: false, Continue;
    UserPromptExpansion: false, Continue;
    SessionStart: false, Continue;
    SessionEnd: false, Continue;
    Stop: false, Continue;
    StopFailure: false, Continue;
    SubagentStart: false, Continue;
    SubagentStop: false, Continue;
    PreCompact: false, Continue;
    PostCompact: false, Continue;
    PreModelSwitch: true, Continue;
    PostModelSwitch: false, Continue;
    PermissionRequest: true, Deny;
    PermissionDenied: false, Continue;
    Setup: false, Continue;
    TeammateIdle: false, Continue;
    TaskCreated: false, Continue;
    TaskCompleted: false, Continue;
    Elicitation: false, Continue;
    ElicitationResult: false, Continue;
    ConfigChange: false, Continue;
    WorktreeCreate: false, Continue;
    WorktreeRemove: false, Continue;
    InstructionsLoaded: false, Continue;
    CwdChanged: false, Continue;
    FileChanged: false, Continue;
    DirectoryAdded: false, Continue;
    MessageDisplay: false, Continue;
}
