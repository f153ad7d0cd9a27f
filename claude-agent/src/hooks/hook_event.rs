//! [`HookEvent`]: the names of the points where the CLI calls hooks.

use std::fmt;

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
