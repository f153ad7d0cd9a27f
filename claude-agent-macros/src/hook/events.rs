//! The hook events `#[hook]` accepts, for its own diagnostics (an unknown event gets "did you
//! mean", a typed tool input gets its matcher checked).
//!
//! The runtime's table (`claude-agent/src/hooks/event_table.rs`) is the source of truth; a proc-
//! macro crate cannot import it, so this is a copy, and `matches_the_runtime_table` below fails
//! when the two differ.

/// Every event, with whether its input carries a tool input (`PreToolUse<I>`, ...).
pub(crate) const EVENTS: &[(&str, bool)] = &[
    ("PreToolUse", true),
    ("PostToolUse", true),
    ("PostToolUseFailure", true),
    ("PostToolBatch", false),
    ("Notification", false),
    ("UserPromptSubmit", false),
    ("UserPromptExpansion", false),
    ("SessionStart", false),
    ("SessionEnd", false),
    ("Stop", false),
    ("StopFailure", false),
    ("SubagentStart", false),
    ("SubagentStop", false),
    ("PreCompact", false),
    ("PostCompact", false),
    ("PreModelSwitch", false),
    ("PostModelSwitch", false),
    ("PermissionRequest", true),
    ("PermissionDenied", true),
    ("Setup", false),
    ("TeammateIdle", false),
    ("TaskCreated", false),
    ("TaskCompleted", false),
    ("Elicitation", false),
    ("ElicitationResult", false),
    ("ConfigChange", false),
    ("WorktreeCreate", false),
    ("WorktreeRemove", false),
    ("InstructionsLoaded", false),
    ("CwdChanged", false),
    ("FileChanged", false),
    ("DirectoryAdded", false),
    ("MessageDisplay", false),
];

/// The event names, in table order.
pub(crate) fn names() -> Vec<&'static str> {
    EVENTS.iter().map(|(name, _)| *name).collect()
}

/// Whether `event` is known, and if so whether its input carries a tool input.
pub(crate) fn takes_tool_input(event: &str) -> Option<bool> {
    EVENTS
        .iter()
        .find(|(name, _)| *name == event)
        .map(|(_, tool)| *tool)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    /// Reads the runtime's `hook_events!` table (name, wire name, shape, ...) and compares it
    /// entry by entry, in order, with [`EVENTS`].
    #[test]
    fn matches_the_runtime_table() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../claude-agent/src/hooks/event_table.rs"
        );
        let source = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("the runtime's event table must be at {path}: {e}"));
        let runtime: Vec<(String, bool)> = source
            .lines()
            .map(str::trim)
            .filter_map(|line| {
                let (name, rest) = line.split_once(" = \"")?;
                // `Name(InputType)`: the input type is the runtime's business.
                let name = name.split_once('(').map_or(name, |(event, _)| event);
                let shape = rest.split(", ").nth(1)?;
                let is_ident =
                    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                is_ident.then(|| (name.to_owned(), shape != "plain"))
            })
            .collect();
        assert!(runtime.len() > 20, "could not read the table: {runtime:?}");
        let ours: Vec<(String, bool)> = EVENTS
            .iter()
            .map(|(name, tool)| ((*name).to_owned(), *tool))
            .collect();
        assert_eq!(
            ours, runtime,
            "claude-agent-macros/src/hook/events.rs must list the runtime's hook events \
             (name, takes a tool input) in the same order"
        );
    }

    #[test]
    fn lookups() {
        assert_eq!(takes_tool_input("PreToolUse"), Some(true));
        assert_eq!(takes_tool_input("Stop"), Some(false));
        assert_eq!(takes_tool_input("PreTooUse"), None);
        assert_eq!(names().len(), EVENTS.len());
    }
}
