//! [`PermissionResult`]: the answer to a `can_use_tool` request, and its wire form.

use serde_json::{Map, Value};

use super::{PermissionRequest, PermissionUpdate};

/// The answer to a [`PermissionRequest`].
///
/// # Examples
///
/// ```
/// use claude_agent::permissions::{PermissionResult, PermissionUpdate, PermissionUpdateDestination};
///
/// let deny = PermissionResult::deny("not in this repo");
/// assert!(matches!(deny, PermissionResult::Deny { interrupt: false, .. }));
///
/// let always = PermissionResult::allow()
///     .with_updated_permissions([PermissionUpdate::set_mode("acceptEdits", PermissionUpdateDestination::Session)]);
/// assert!(matches!(always, PermissionResult::Allow { ref updated_permissions, .. } if updated_permissions.len() == 1));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum PermissionResult {
    /// Let the tool run.
    Allow {
        /// Replace the tool's input (the original input is sent when `None`).
        updated_input: Option<Value>,
        /// Permission updates to apply, e.g. "always allow" rules.
        updated_permissions: Vec<PermissionUpdate>,
    },
    /// Refuse the tool call; the model receives `message` as an error tool result.
    Deny {
        /// Why the call was refused (required by the CLI).
        message: String,
        /// Also abort the turn.
        interrupt: bool,
    },
}

impl PermissionResult {
    /// Allows the call unchanged.
    pub fn allow() -> Self {
        PermissionResult::Allow {
            updated_input: None,
            updated_permissions: Vec::new(),
        }
    }

    /// Allows the call with a replaced input.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::permissions::PermissionResult;
    ///
    /// let safer = PermissionResult::allow_with_input(serde_json::json!({"command": "ls -la"}));
    /// assert!(matches!(safer, PermissionResult::Allow { updated_input: Some(_), .. }));
    /// ```
    pub fn allow_with_input(input: Value) -> Self {
        PermissionResult::Allow {
            updated_input: Some(input),
            updated_permissions: Vec::new(),
        }
    }

    /// Adds permission updates to an allow (a deny is returned unchanged: the CLI only applies
    /// updates that come with an allow).
    pub fn with_updated_permissions(
        mut self,
        updates: impl IntoIterator<Item = PermissionUpdate>,
    ) -> Self {
        if let PermissionResult::Allow {
            updated_permissions,
            ..
        } = &mut self
        {
            updated_permissions.extend(updates);
        }
        self
    }

    /// Denies the call with a message for the model.
    pub fn deny(message: impl Into<String>) -> Self {
        PermissionResult::Deny {
            message: message.into(),
            interrupt: false,
        }
    }

    /// Denies the call and aborts the turn.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::permissions::PermissionResult;
    ///
    /// let stop = PermissionResult::deny_and_interrupt("rm -rf is never fine");
    /// assert!(matches!(stop, PermissionResult::Deny { interrupt: true, .. }));
    /// ```
    pub fn deny_and_interrupt(message: impl Into<String>) -> Self {
        PermissionResult::Deny {
            message: message.into(),
            interrupt: true,
        }
    }

    /// Whether this lets the tool run.
    pub fn is_allow(&self) -> bool {
        matches!(self, PermissionResult::Allow { .. })
    }

    /// The wire form the CLI expects, given the original request: an allow always carries
    /// `updatedInput` (the original input when none was given), a deny always carries `message`,
    /// and `toolUseID` echoes the request's id so the CLI can drop duplicate answers.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::permissions::{PermissionRequest, PermissionResult};
    /// use serde_json::json;
    ///
    /// let req: PermissionRequest = serde_json::from_value(json!({
    ///     "tool_name": "Bash", "input": {"command": "ls"}, "tool_use_id": "toolu_1"
    /// })).unwrap();
    /// assert_eq!(
    ///     PermissionResult::allow().to_wire(&req),
    ///     json!({"behavior": "allow", "updatedInput": {"command": "ls"}, "toolUseID": "toolu_1"})
    /// );
    /// ```
    pub fn to_wire(&self, request: &PermissionRequest) -> Value {
        let mut out = Map::new();
        match self {
            PermissionResult::Allow {
                updated_input,
                updated_permissions,
            } => {
                out.insert("behavior".into(), "allow".into());
                out.insert(
                    "updatedInput".into(),
                    updated_input
                        .clone()
                        .unwrap_or_else(|| request.input.clone()),
                );
                if !updated_permissions.is_empty() {
                    out.insert(
                        "updatedPermissions".into(),
                        serde_json::to_value(updated_permissions).unwrap_or(Value::Null),
                    );
                }
            }
            PermissionResult::Deny { message, interrupt } => {
                out.insert("behavior".into(), "deny".into());
                out.insert("message".into(), message.clone().into());
                out.insert("interrupt".into(), (*interrupt).into());
            }
        }
        if let Some(id) = &request.tool_use_id {
            out.insert("toolUseID".into(), id.clone().into());
        }
        Value::Object(out)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::permissions::{
        PermissionBehavior, PermissionRuleValue, PermissionUpdateDestination,
    };
    use serde_json::json;

    fn request() -> PermissionRequest {
        serde_json::from_value(json!({
            "subtype": "can_use_tool", "tool_name": "Bash", "display_name": "Bash",
            "input": {"command": "touch made_by_tool.txt", "description": "Create a file"},
            "tool_use_id": "toolu_mock_01"
        }))
        .unwrap()
    }

    #[test]
    fn allow_with_rules_serialises_like_the_allow_always_transcript() {
        let result =
            PermissionResult::allow().with_updated_permissions([PermissionUpdate::add_rules(
                [PermissionRuleValue::new("Bash", "touch made_by_tool.txt")],
                PermissionBehavior::Allow,
                PermissionUpdateDestination::Session,
            )]);
        assert_eq!(
            result.to_wire(&request()),
            json!({
                "behavior": "allow",
                "updatedInput": {"command": "touch made_by_tool.txt", "description": "Create a file"},
                "updatedPermissions": [{"type": "addRules", "rules": [{"toolName": "Bash", "ruleContent": "touch made_by_tool.txt"}], "behavior": "allow", "destination": "session"}],
                "toolUseID": "toolu_mock_01"
            })
        );
    }

    #[test]
    fn allow_with_input_replaces_the_input() {
        let wire =
            PermissionResult::allow_with_input(json!({"command": "echo safe"})).to_wire(&request());
        assert_eq!(wire["updatedInput"], json!({"command": "echo safe"}));
        assert!(wire.get("updatedPermissions").is_none());
    }

    #[test]
    fn deny_always_carries_message_and_interrupt() {
        assert_eq!(
            PermissionResult::deny("denied by test driver").to_wire(&request()),
            json!({"behavior": "deny", "message": "denied by test driver", "interrupt": false, "toolUseID": "toolu_mock_01"})
        );
        let wire = PermissionResult::deny_and_interrupt("stop").to_wire(&request());
        assert_eq!(wire["interrupt"], true);
    }

    #[test]
    fn updated_permissions_on_a_deny_are_ignored() {
        let deny =
            PermissionResult::deny("no").with_updated_permissions([PermissionUpdate::set_mode(
                "plan",
                PermissionUpdateDestination::Session,
            )]);
        assert_eq!(deny, PermissionResult::deny("no"));
        assert!(!deny.is_allow());
    }
}
