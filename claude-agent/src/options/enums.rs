//! Small string-valued settings that also appear on the wire (permission modes, effort levels,
//! setting sources, ...).
//!
//! Each enum is forward compatible: a name this SDK version does not know parses into `Other`,
//! keeps its text, and is passed through verbatim.

use crate::wire::wire_enum;

wire_enum! {
    /// How the CLI decides whether a tool may run (`--permission-mode`).
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::options::PermissionMode;
    ///
    /// assert_eq!(PermissionMode::AcceptEdits.as_str(), "acceptEdits");
    /// assert_eq!(PermissionMode::from_name("plan"), PermissionMode::Plan);
    /// // Modes added by newer CLIs survive a round trip.
    /// let newer: PermissionMode = serde_json::from_str("\"manual\"").unwrap();
    /// assert_eq!(newer, PermissionMode::Other("manual".into()));
    /// assert_eq!(serde_json::to_string(&newer).unwrap(), "\"manual\"");
    /// ```
    #[derive(Default)]
    pub enum PermissionMode {
        /// The CLI's standard rules: ask (through the permission callback) when unsure.
        #[default]
        Default = "default",
        /// Accept file edits without asking.
        AcceptEdits = "acceptEdits",
        /// Plan only: no tool that changes anything runs.
        Plan = "plan",
        /// Run every tool without asking. Needs
        /// [`allow_dangerously_skip_permissions`](crate::OptionsBuilder::allow_dangerously_skip_permissions)
        /// on newer CLIs, and `IS_SANDBOX=1` in the environment when running as root.
        BypassPermissions = "bypassPermissions",
        /// Never ask: anything not pre-approved is denied.
        DontAsk = "dontAsk",
        /// Let the CLI's classifier decide.
        Auto = "auto",
    }
}

wire_enum! {
    /// How much effort the model puts into a response (`--effort`).
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::options::Effort;
    ///
    /// assert_eq!(Effort::XHigh.as_str(), "xhigh");
    /// assert_eq!("max".parse::<Effort>().unwrap(), Effort::Max);
    /// ```
    pub enum Effort {
        /// Low effort.
        Low = "low",
        /// Medium effort.
        Medium = "medium",
        /// High effort (the CLI's default).
        High = "high",
        /// Extra-high effort.
        XHigh = "xhigh",
        /// Maximum effort.
        Max = "max",
    }
}

wire_enum! {
    /// A filesystem settings source the CLI may load (`--setting-sources`).
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::options::SettingSource;
    ///
    /// assert_eq!(SettingSource::Project.as_str(), "project");
    /// ```
    pub enum SettingSource {
        /// `~/.claude/settings.json`.
        User = "user",
        /// `.claude/settings.json` in the project (and `CLAUDE.md`).
        Project = "project",
        /// `.claude/settings.local.json` in the project.
        Local = "local",
    }
}

wire_enum! {
    /// How thinking blocks are shown (`--thinking-display`).
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::options::ThinkingDisplay;
    ///
    /// assert_eq!(ThinkingDisplay::Summarized.as_str(), "summarized");
    /// ```
    pub enum ThinkingDisplay {
        /// Summarized thinking.
        Summarized = "summarized",
        /// No thinking text.
        Omitted = "omitted",
        /// Highlights of the thinking (needs a newer CLI: see
        /// [compatibility](crate::compatibility)).
        Highlights = "highlights",
    }
}

wire_enum! {
    /// Who answers permission prompts in print/SDK mode (`--permission-prompts`; needs a newer
    /// CLI: see [compatibility](crate::compatibility)).
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::options::PermissionPrompts;
    ///
    /// assert_eq!(PermissionPrompts::Nobody.as_str(), "none");
    /// ```
    pub enum PermissionPrompts {
        /// The SDK host (the permission callback) or the permission-prompt tool answers.
        Host = "host",
        /// Nobody: anything that would prompt is denied automatically.
        Nobody = "none",
    }
}

wire_enum! {
    /// Where a subagent keeps its memory.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::options::AgentMemory;
    ///
    /// assert_eq!(AgentMemory::Project.as_str(), "project");
    /// ```
    pub enum AgentMemory {
        /// The user's memory.
        User = "user",
        /// The project's shared memory.
        Project = "project",
        /// The project's local memory.
        Local = "local",
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn permission_mode_names_round_trip() {
        for mode in PermissionMode::ALL {
            assert_eq!(&PermissionMode::from_name(mode.as_str()), mode);
            let json = serde_json::to_string(mode).unwrap();
            assert_eq!(
                &serde_json::from_str::<PermissionMode>(&json).unwrap(),
                mode
            );
        }
        let names: Vec<_> = PermissionMode::ALL
            .iter()
            .map(PermissionMode::as_str)
            .collect();
        assert_eq!(
            names,
            [
                "default",
                "acceptEdits",
                "plan",
                "bypassPermissions",
                "dontAsk",
                "auto"
            ]
        );
    }

    #[test]
    fn unknown_names_keep_their_text() {
        let mode: PermissionMode = serde_json::from_str("\"superMode\"").unwrap();
        assert_eq!(mode, PermissionMode::Other("superMode".into()));
        assert_eq!(mode.to_string(), "superMode");
        assert_eq!(Effort::from_name("ultra"), Effort::Other("ultra".into()));
        assert_eq!(
            serde_json::to_value(Effort::Other("ultra".into())).unwrap(),
            "ultra"
        );
    }

    #[test]
    fn non_string_values_are_kept_as_text_not_a_panic() {
        assert_eq!(
            serde_json::from_str::<PermissionMode>("42").unwrap(),
            PermissionMode::Other("42".into())
        );
    }

    #[test]
    fn effort_and_sources_use_cli_spelling() {
        let names: Vec<_> = Effort::ALL.iter().map(Effort::as_str).collect();
        assert_eq!(names, ["low", "medium", "high", "xhigh", "max"]);
        let names: Vec<_> = SettingSource::ALL
            .iter()
            .map(SettingSource::as_str)
            .collect();
        assert_eq!(names, ["user", "project", "local"]);
        assert_eq!(
            PermissionPrompts::from_name("none"),
            PermissionPrompts::Nobody
        );
        assert_eq!(ThinkingDisplay::Omitted.to_string(), "omitted");
        assert_eq!(AgentMemory::from_name("local"), AgentMemory::Local);
    }
}
