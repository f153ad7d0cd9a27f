//! Hook callbacks: the CLI calls back into the SDK at points of its loop (before a tool runs,
//! after a prompt is submitted, when the turn stops, ...).
//!
//! Callbacks are registered with the CLI in the `initialize` request, grouped by [`HookEvent`]
//! and an optional matcher; the CLI then sends `hook_callback` control requests that the runtime
//! dispatches to them.

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use serde_json::Value;
use tokio_util::sync::CancellationToken;

/// A hook event name, as the CLI spells it.
///
/// # Examples
///
/// ```
/// use claude_agent::hooks::HookEvent;
///
/// assert_eq!(HookEvent::PreToolUse.as_str(), "PreToolUse");
/// assert_eq!(HookEvent::from_name("Brand-new"), HookEvent::Other("Brand-new".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum HookEvent {
    /// Before a tool runs.
    PreToolUse,
    /// After a tool succeeded.
    PostToolUse,
    /// After a tool failed.
    PostToolUseFailure,
    /// After a batch of parallel tool calls.
    PostToolBatch,
    /// A notification is shown.
    Notification,
    /// A prompt is submitted.
    UserPromptSubmit,
    /// A prompt is expanded (slash commands).
    UserPromptExpansion,
    /// The session starts.
    SessionStart,
    /// The session ends.
    SessionEnd,
    /// The main agent stops.
    Stop,
    /// The main agent stops because of an error.
    StopFailure,
    /// A subagent starts.
    SubagentStart,
    /// A subagent stops.
    SubagentStop,
    /// Before compaction.
    PreCompact,
    /// After compaction.
    PostCompact,
    /// Before the model changes.
    PreModelSwitch,
    /// After the model changed.
    PostModelSwitch,
    /// A permission dialog would be shown.
    PermissionRequest,
    /// A permission was denied.
    PermissionDenied,
    /// Setup (init or maintenance).
    Setup,
    /// A teammate became idle.
    TeammateIdle,
    /// A task was created.
    TaskCreated,
    /// A task completed.
    TaskCompleted,
    /// An MCP server asks the user for input.
    Elicitation,
    /// The answer to an elicitation.
    ElicitationResult,
    /// A configuration file changed.
    ConfigChange,
    /// A worktree is created.
    WorktreeCreate,
    /// A worktree is removed.
    WorktreeRemove,
    /// Instructions (CLAUDE.md) were loaded.
    InstructionsLoaded,
    /// The working directory changed.
    CwdChanged,
    /// A watched file changed.
    FileChanged,
    /// A directory was added.
    DirectoryAdded,
    /// A message is displayed.
    MessageDisplay,
    /// An event this SDK version does not know by name.
    Other(String),
}

macro_rules! hook_event_names {
    ($($variant:ident),* $(,)?) => {
        impl HookEvent {
            /// Every event this SDK version knows by name.
            pub const ALL: &'static [HookEvent] = &[$(HookEvent::$variant),*];

            /// The wire name.
            pub fn as_str(&self) -> &str {
                match self {
                    $(HookEvent::$variant => stringify!($variant),)*
                    HookEvent::Other(name) => name,
                }
            }

            /// Parses a wire name; unknown names become [`HookEvent::Other`].
            pub fn from_name(name: &str) -> Self {
                match name {
                    $(stringify!($variant) => HookEvent::$variant,)*
                    other => HookEvent::Other(other.to_owned()),
                }
            }
        }
    };
}

hook_event_names!(
    PreToolUse,
    PostToolUse,
    PostToolUseFailure,
    PostToolBatch,
    Notification,
    UserPromptSubmit,
    UserPromptExpansion,
    SessionStart,
    SessionEnd,
    Stop,
    StopFailure,
    SubagentStart,
    SubagentStop,
    PreCompact,
    PostCompact,
    PreModelSwitch,
    PostModelSwitch,
    PermissionRequest,
    PermissionDenied,
    Setup,
    TeammateIdle,
    TaskCreated,
    TaskCompleted,
    Elicitation,
    ElicitationResult,
    ConfigChange,
    WorktreeCreate,
    WorktreeRemove,
    InstructionsLoaded,
    CwdChanged,
    FileChanged,
    DirectoryAdded,
    MessageDisplay,
);

impl fmt::Display for HookEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a hook callback gets besides its input.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct HookContext {
    /// The `tool_use_id` the CLI sent with the callback (a random id for non-tool events).
    pub tool_use_id: Option<String>,
    /// Cancelled when the CLI withdraws the callback.
    pub cancellation: CancellationToken,
}

/// A hook callback over raw JSON: the input is the CLI's hook input, the output is the hook JSON
/// output (`{"continue": true}`, `{"hookSpecificOutput": {...}}`, ...). An `Err` is reported to the
/// CLI as an error response. Implemented for async closures.
///
/// # Examples
///
/// ```
/// use claude_agent::hooks::{HookContext, HookEvent, HookMatcher};
/// use claude_agent::Options;
/// use serde_json::{json, Value};
///
/// let options = Options::builder()
///     .hook(HookEvent::PreToolUse, HookMatcher::new(Some("Bash"), |input: Value, _cx: HookContext| async move {
///         let _ = input;
///         Ok::<_, String>(json!({"continue": true}))
///     }))
///     .build();
/// # let _ = options;
/// ```
pub trait HookCallback: Send + Sync + 'static {
    /// Runs the hook.
    fn call(&self, input: Value, cx: HookContext) -> BoxFuture<'static, Result<Value, String>>;
}

impl<F, Fut, E> HookCallback for F
where
    F: Fn(Value, HookContext) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<Value, E>> + Send + 'static,
    E: fmt::Display,
{
    fn call(&self, input: Value, cx: HookContext) -> BoxFuture<'static, Result<Value, String>> {
        let fut = self(input, cx);
        Box::pin(async move { fut.await.map_err(|e| e.to_string()) })
    }
}

/// One matcher of an event: a tool-name pattern (the CLI's syntax: a name, `A|B`, or a regex;
/// `None` matches everything), the callbacks to run, and an optional timeout.
#[derive(Clone)]
#[non_exhaustive]
pub struct HookMatcher {
    /// The matcher pattern, or `None` for all.
    pub matcher: Option<String>,
    /// The callbacks, run by the CLI for each match.
    pub callbacks: Vec<Arc<dyn HookCallback>>,
    /// How long the CLI waits for the callbacks.
    pub timeout: Option<Duration>,
}

impl HookMatcher {
    /// A matcher with one callback.
    pub fn new(matcher: Option<&str>, callback: impl HookCallback) -> Self {
        HookMatcher {
            matcher: matcher.map(str::to_owned),
            callbacks: vec![Arc::new(callback)],
            timeout: None,
        }
    }

    /// Adds another callback to this matcher.
    pub fn and(mut self, callback: impl HookCallback) -> Self {
        self.callbacks.push(Arc::new(callback));
        self
    }

    /// Sets the timeout the CLI applies to this matcher's callbacks.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }
}

impl fmt::Debug for HookMatcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HookMatcher")
            .field("matcher", &self.matcher)
            .field("callbacks", &self.callbacks.len())
            .field("timeout", &self.timeout)
            .finish()
    }
}
