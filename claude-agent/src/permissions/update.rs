//! Permission updates: rule, mode and directory changes the CLI suggests and callbacks apply.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::wire::wire_enum;

wire_enum! {
    default;
    /// What a permission rule does.
    pub enum PermissionBehavior {
        /// The tool runs without asking.
        Allow = "allow",
        /// The tool is refused.
        Deny = "deny",
        /// The user (or the permission callback) is asked.
        Ask = "ask",
    }
}

wire_enum! {
    default;
    /// Where a permission update is stored.
    pub enum PermissionUpdateDestination {
        /// `~/.claude/settings.json`, for every project.
        UserSettings = "userSettings",
        /// `.claude/settings.json` of the project (checked in).
        ProjectSettings = "projectSettings",
        /// `.claude/settings.local.json` of the project (git-ignored).
        LocalSettings = "localSettings",
        /// This session only.
        Session = "session",
        /// As if given on the command line.
        CliArg = "cliArg",
    }
}

/// One permission rule: a tool, and optionally what the rule covers within it
/// (`Bash(npm test)` is `{toolName: "Bash", ruleContent: "npm test"}`).
///
/// # Examples
///
/// ```
/// use claude_agent::permissions::PermissionRuleValue;
///
/// let rule = PermissionRuleValue::new("Bash", "npm test");
/// assert_eq!(serde_json::to_value(&rule).unwrap(), serde_json::json!({"toolName": "Bash", "ruleContent": "npm test"}));
/// // A whole-tool rule leaves `ruleContent` out (the CLI rejects `null`).
/// assert_eq!(serde_json::to_value(PermissionRuleValue::tool("Read")).unwrap(), serde_json::json!({"toolName": "Read"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct PermissionRuleValue {
    /// The tool's name.
    pub tool_name: String,
    /// What the rule covers, e.g. a command prefix; `None` covers the whole tool.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_content: Option<String>,
}

impl PermissionRuleValue {
    /// A rule for `tool` covering `content`.
    pub fn new(tool: impl Into<String>, content: impl Into<String>) -> Self {
        PermissionRuleValue {
            tool_name: tool.into(),
            rule_content: Some(content.into()),
        }
    }

    /// A rule covering the whole tool.
    pub fn tool(tool: impl Into<String>) -> Self {
        PermissionRuleValue {
            tool_name: tool.into(),
            rule_content: None,
        }
    }
}

/// A change to the permission settings, as suggested by the CLI in a `can_use_tool` request or
/// returned by a callback in `updatedPermissions`.
///
/// # Examples
///
/// ```
/// use claude_agent::permissions::{PermissionBehavior, PermissionRuleValue, PermissionUpdate, PermissionUpdateDestination};
/// use serde_json::json;
///
/// let update = PermissionUpdate::add_rules(
///     [PermissionRuleValue::new("Bash", "npm test")],
///     PermissionBehavior::Allow,
///     PermissionUpdateDestination::Session,
/// );
/// assert_eq!(serde_json::to_value(&update).unwrap(), json!({
///     "type": "addRules", "rules": [{"toolName": "Bash", "ruleContent": "npm test"}],
///     "behavior": "allow", "destination": "session"
/// }));
/// // Kinds this SDK does not know are kept verbatim.
/// let future: PermissionUpdate = serde_json::from_value(json!({"type": "addSandboxPaths", "paths": []})).unwrap();
/// assert!(matches!(future, PermissionUpdate::Unknown(_)));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
#[non_exhaustive]
pub enum PermissionUpdate {
    /// Add rules.
    AddRules {
        /// The rules.
        #[serde(default)]
        rules: Vec<PermissionRuleValue>,
        /// What they do.
        #[serde(default)]
        behavior: PermissionBehavior,
        /// Where they are stored.
        #[serde(default)]
        destination: PermissionUpdateDestination,
    },
    /// Replace every rule of `behavior` at `destination`.
    ReplaceRules {
        /// The new rules.
        #[serde(default)]
        rules: Vec<PermissionRuleValue>,
        /// Which rules are replaced.
        #[serde(default)]
        behavior: PermissionBehavior,
        /// Where they are stored.
        #[serde(default)]
        destination: PermissionUpdateDestination,
    },
    /// Remove rules.
    RemoveRules {
        /// The rules.
        #[serde(default)]
        rules: Vec<PermissionRuleValue>,
        /// Which kind of rule.
        #[serde(default)]
        behavior: PermissionBehavior,
        /// Where they are stored.
        #[serde(default)]
        destination: PermissionUpdateDestination,
    },
    /// Change the permission mode (`default`, `acceptEdits`, `plan`, `bypassPermissions`, ...).
    SetMode {
        /// The mode's wire name.
        #[serde(default)]
        mode: String,
        /// Where it is stored.
        #[serde(default)]
        destination: PermissionUpdateDestination,
    },
    /// Allow tools to work in more directories.
    AddDirectories {
        /// Absolute paths.
        #[serde(default)]
        directories: Vec<String>,
        /// Where they are stored.
        #[serde(default)]
        destination: PermissionUpdateDestination,
    },
    /// Stop allowing directories.
    RemoveDirectories {
        /// Absolute paths.
        #[serde(default)]
        directories: Vec<String>,
        /// Where they are stored.
        #[serde(default)]
        destination: PermissionUpdateDestination,
    },
    /// A kind this SDK version does not know, verbatim.
    #[serde(untagged)]
    Unknown(Value),
}

impl PermissionUpdate {
    /// Adds `rules` with `behavior` at `destination`.
    pub fn add_rules(
        rules: impl IntoIterator<Item = PermissionRuleValue>,
        behavior: PermissionBehavior,
        destination: PermissionUpdateDestination,
    ) -> Self {
        PermissionUpdate::AddRules {
            rules: rules.into_iter().collect(),
            behavior,
            destination,
        }
    }

    /// Replaces the rules of `behavior` at `destination` with `rules`.
    pub fn replace_rules(
        rules: impl IntoIterator<Item = PermissionRuleValue>,
        behavior: PermissionBehavior,
        destination: PermissionUpdateDestination,
    ) -> Self {
        PermissionUpdate::ReplaceRules {
            rules: rules.into_iter().collect(),
            behavior,
            destination,
        }
    }

    /// Removes `rules` of `behavior` at `destination`.
    pub fn remove_rules(
        rules: impl IntoIterator<Item = PermissionRuleValue>,
        behavior: PermissionBehavior,
        destination: PermissionUpdateDestination,
    ) -> Self {
        PermissionUpdate::RemoveRules {
            rules: rules.into_iter().collect(),
            behavior,
            destination,
        }
    }

    /// Switches the permission mode (its wire name, e.g. `"acceptEdits"`).
    pub fn set_mode(mode: impl Into<String>, destination: PermissionUpdateDestination) -> Self {
        PermissionUpdate::SetMode {
            mode: mode.into(),
            destination,
        }
    }

    /// Allows more directories.
    pub fn add_directories(
        directories: impl IntoIterator<Item = impl Into<String>>,
        destination: PermissionUpdateDestination,
    ) -> Self {
        PermissionUpdate::AddDirectories {
            directories: directories.into_iter().map(Into::into).collect(),
            destination,
        }
    }

    /// Stops allowing directories.
    pub fn remove_directories(
        directories: impl IntoIterator<Item = impl Into<String>>,
        destination: PermissionUpdateDestination,
    ) -> Self {
        PermissionUpdate::RemoveDirectories {
            directories: directories.into_iter().map(Into::into).collect(),
            destination,
        }
    }

    /// Where the update is stored (`None` for an unknown kind without a readable destination).
    pub fn destination(&self) -> Option<PermissionUpdateDestination> {
        match self {
            PermissionUpdate::AddRules { destination, .. }
            | PermissionUpdate::ReplaceRules { destination, .. }
            | PermissionUpdate::RemoveRules { destination, .. }
            | PermissionUpdate::SetMode { destination, .. }
            | PermissionUpdate::AddDirectories { destination, .. }
            | PermissionUpdate::RemoveDirectories { destination, .. } => Some(destination.clone()),
            PermissionUpdate::Unknown(raw) => raw
                .get("destination")
                .and_then(Value::as_str)
                .map(PermissionUpdateDestination::from_name),
        }
    }

    /// The same update stored at another destination (e.g. a suggested `localSettings` rule
    /// applied to this `session` only). Unknown kinds get their `destination` field replaced.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::permissions::{PermissionUpdate, PermissionUpdateDestination as Dest};
    ///
    /// let local = PermissionUpdate::set_mode("acceptEdits", Dest::LocalSettings);
    /// assert_eq!(local.with_destination(Dest::Session).destination(), Some(Dest::Session));
    /// ```
    pub fn with_destination(mut self, to: PermissionUpdateDestination) -> Self {
        match &mut self {
            PermissionUpdate::AddRules { destination, .. }
            | PermissionUpdate::ReplaceRules { destination, .. }
            | PermissionUpdate::RemoveRules { destination, .. }
            | PermissionUpdate::SetMode { destination, .. }
            | PermissionUpdate::AddDirectories { destination, .. }
            | PermissionUpdate::RemoveDirectories { destination, .. } => *destination = to,
            PermissionUpdate::Unknown(Value::Object(raw)) => {
                raw.insert("destination".into(), Value::String(to.as_str().to_owned()));
            }
            PermissionUpdate::Unknown(_) => {}
        }
        self
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn transcript_suggestions_parse_into_every_typed_kind_and_round_trip() {
        let wire = json!([
            {"type": "addRules", "rules": [{"toolName": "Bash", "ruleContent": "touch made_by_tool.txt"}], "behavior": "allow", "destination": "localSettings"},
            {"type": "addDirectories", "directories": ["/home/dev/proj"], "destination": "session"},
            {"type": "setMode", "mode": "acceptEdits", "destination": "session"},
            {"type": "addRules", "rules": [{"toolName": "mcp__calc__add"}], "behavior": "allow", "destination": "localSettings"},
            {"type": "replaceRules", "rules": [], "behavior": "deny", "destination": "userSettings"},
            {"type": "removeRules", "rules": [{"toolName": "Read"}], "behavior": "ask", "destination": "projectSettings"},
            {"type": "removeDirectories", "directories": ["/x"], "destination": "cliArg"}
        ]);
        let parsed: Vec<PermissionUpdate> = serde_json::from_value(wire.clone()).unwrap();
        assert_eq!(
            parsed[0],
            PermissionUpdate::add_rules(
                [PermissionRuleValue::new("Bash", "touch made_by_tool.txt")],
                PermissionBehavior::Allow,
                PermissionUpdateDestination::LocalSettings
            )
        );
        assert_eq!(
            parsed[1],
            PermissionUpdate::add_directories(
                ["/home/dev/proj"],
                PermissionUpdateDestination::Session
            )
        );
        assert_eq!(
            parsed[2],
            PermissionUpdate::set_mode("acceptEdits", PermissionUpdateDestination::Session)
        );
        assert!(matches!(parsed[4], PermissionUpdate::ReplaceRules { .. }));
        assert!(matches!(
            parsed[5],
            PermissionUpdate::RemoveRules {
                behavior: PermissionBehavior::Ask,
                ..
            }
        ));
        assert_eq!(
            parsed[6].destination(),
            Some(PermissionUpdateDestination::CliArg)
        );
        assert_eq!(serde_json::to_value(&parsed).unwrap(), wire);
    }

    #[test]
    fn unknown_kinds_and_values_are_kept() {
        let raw = json!({"type": "grantNetwork", "hosts": ["a"], "destination": "session"});
        let parsed: PermissionUpdate = serde_json::from_value(raw.clone()).unwrap();
        assert_eq!(parsed, PermissionUpdate::Unknown(raw.clone()));
        assert_eq!(
            parsed.destination(),
            Some(PermissionUpdateDestination::Session)
        );
        let moved = parsed.with_destination(PermissionUpdateDestination::LocalSettings);
        assert_eq!(
            serde_json::to_value(&moved).unwrap()["destination"],
            "localSettings"
        );

        let odd: PermissionUpdate = serde_json::from_value(json!({
            "type": "addRules", "rules": [], "behavior": "sometimes", "destination": "cloud"
        }))
        .unwrap();
        assert_eq!(
            odd,
            PermissionUpdate::AddRules {
                rules: vec![],
                behavior: PermissionBehavior::Other("sometimes".into()),
                destination: PermissionUpdateDestination::Other("cloud".into()),
            }
        );
    }
}
