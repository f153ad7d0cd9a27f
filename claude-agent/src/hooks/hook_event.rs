//! [`HookEvent`]: the names of the points where the CLI calls hooks.

use crate::wire::wire_enum;

wire_enum! {
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
    pub enum HookEvent {
        /// Before a tool runs.
        PreToolUse = "PreToolUse",
        /// After a tool succeeded.
        PostToolUse = "PostToolUse",
        /// After a tool failed.
        PostToolUseFailure = "PostToolUseFailure",
        /// After a batch of parallel tool calls.
        PostToolBatch = "PostToolBatch",
        /// A notification is shown.
        Notification = "Notification",
        /// A prompt is submitted.
        UserPromptSubmit = "UserPromptSubmit",
        /// A prompt is expanded (slash commands).
        UserPromptExpansion = "UserPromptExpansion",
        /// The session starts.
        SessionStart = "SessionStart",
        /// The session ends.
        SessionEnd = "SessionEnd",
        /// The main agent stops.
        Stop = "Stop",
        /// The main agent stops because of an error.
        StopFailure = "StopFailure",
        /// A subagent starts.
        SubagentStart = "SubagentStart",
        /// A subagent stops.
        SubagentStop = "SubagentStop",
        /// Before compaction.
        PreCompact = "PreCompact",
        /// After compaction.
        PostCompact = "PostCompact",
        /// Before the model changes.
        PreModelSwitch = "PreModelSwitch",
        /// After the model changed.
        PostModelSwitch = "PostModelSwitch",
        /// A permission dialog would be shown.
        PermissionRequest = "PermissionRequest",
        /// A permission was denied.
        PermissionDenied = "PermissionDenied",
        /// Setup (init or maintenance).
        Setup = "Setup",
        /// A teammate became idle.
        TeammateIdle = "TeammateIdle",
        /// A task was created.
        TaskCreated = "TaskCreated",
        /// A task completed.
        TaskCompleted = "TaskCompleted",
        /// An MCP server asks the user for input.
        Elicitation = "Elicitation",
        /// The answer to an elicitation.
        ElicitationResult = "ElicitationResult",
        /// A configuration file changed.
        ConfigChange = "ConfigChange",
        /// A worktree is created.
        WorktreeCreate = "WorktreeCreate",
        /// A worktree is removed.
        WorktreeRemove = "WorktreeRemove",
        /// Instructions (CLAUDE.md) were loaded.
        InstructionsLoaded = "InstructionsLoaded",
        /// The working directory changed.
        CwdChanged = "CwdChanged",
        /// A watched file changed.
        FileChanged = "FileChanged",
        /// A directory was added.
        DirectoryAdded = "DirectoryAdded",
        /// A message is displayed.
        MessageDisplay = "MessageDisplay",
    }
}
