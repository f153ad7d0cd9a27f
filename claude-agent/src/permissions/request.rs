//! [`PermissionRequest`]: what the CLI sends in a `can_use_tool` request.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::PermissionUpdate;
use crate::builtin::BuiltinToolInput;

/// The MCP server behind an `mcp__*` tool, as the CLI identifies it.
///
/// # Examples
///
/// ```
/// use claude_agent::permissions::McpServerRef;
///
/// let server: McpServerRef = serde_json::from_value(serde_json::json!({"name": "calc", "source": "sdk"})).unwrap();
/// assert_eq!((server.name.as_str(), server.source.as_deref()), ("calc", Some("sdk")));
/// // A bare name is accepted too.
/// let bare: McpServerRef = serde_json::from_value(serde_json::json!("calc")).unwrap();
/// assert_eq!(bare.name, "calc");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct McpServerRef {
    /// The server's name.
    pub name: String,
    /// Where it is configured (`sdk`, `user`, `project`, `plugin`, ...; an open set).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl<'de> Deserialize<'de> for McpServerRef {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Value::deserialize(deserializer)? {
            Value::String(name) => McpServerRef { name, source: None },
            Value::Object(map) => McpServerRef {
                name: map
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
                source: map.get("source").and_then(Value::as_str).map(str::to_owned),
            },
            _ => McpServerRef::default(),
        })
    }
}

/// A request from the CLI to use a tool.
///
/// # Examples
///
/// ```
/// use claude_agent::builtin::{BashInput, BuiltinToolInput};
/// use claude_agent::permissions::{PermissionRequest, PermissionUpdate};
///
/// let req: PermissionRequest = serde_json::from_value(serde_json::json!({
///     "tool_name": "Bash",
///     "display_name": "Bash",
///     "input": {"command": "touch x", "description": "Create a file"},
///     "permission_suggestions": [{"type": "setMode", "mode": "acceptEdits", "destination": "session"}],
///     "tool_use_id": "toolu_1"
/// })).unwrap();
/// assert_eq!(req.tool_name, "Bash");
/// assert!(matches!(req.suggestions[0], PermissionUpdate::SetMode { .. }));
/// assert_eq!(req.typed::<BashInput>().unwrap().command, "touch x");
/// assert!(matches!(req.tool_input(), BuiltinToolInput::Bash(_)));
/// ```
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
#[non_exhaustive]
pub struct PermissionRequest {
    /// The tool's name, e.g. `Bash` or `mcp__calc__add`.
    pub tool_name: String,
    /// The tool's input as the model wrote it.
    pub input: Value,
    /// Permission updates the CLI suggests (what "always allow" would apply).
    #[serde(rename = "permission_suggestions")]
    pub suggestions: Vec<PermissionUpdate>,
    /// The path that triggered the request, for file tools.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked_path: Option<String>,
    /// Why the CLI asks, human readable (may carry ANSI escapes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_reason: Option<String>,
    /// Why the CLI asks, machine readable (`rule`, `mode`, `safetyCheck`, `subcommandResults`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_reason_type: Option<String>,
    /// The id of this tool call.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tool_use_id: Option<String>,
    /// The subagent asking, when the call comes from a subagent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent_id: Option<String>,
    /// The tool's name for display (an MCP tool's title).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// A title for the permission dialog.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What the call does (e.g. a Bash command's description).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The MCP server behind an `mcp__*` tool.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mcp_server: Option<McpServerRef>,
    /// Whether auto mode's classifier may approve the call.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub classifier_approvable: Option<bool>,
    /// Whether the dialog should hide "always allow".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppress_always_allow_rule: Option<bool>,
    /// Whether the dialog should default to "no".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_to_no: Option<bool>,
    /// The ask rule that matched, if one did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_ask_rule: Option<Value>,
    /// Whether a person must answer (no automatic approval).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requires_user_interaction: Option<bool>,
    /// Every other field the CLI sent (including `subtype`), verbatim.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl PermissionRequest {
    /// The input decoded as `T`, e.g. [`BashInput`](crate::builtin::BashInput).
    ///
    /// # Errors
    ///
    /// [`Error::Protocol`](crate::Error::Protocol) when the input does not fit `T`.
    pub fn typed<T: DeserializeOwned>(&self) -> crate::Result<T> {
        serde_json::from_value(self.input.clone()).map_err(|e| {
            crate::Error::Protocol(format!(
                "the `{}` input does not fit `{}`: {e}",
                self.tool_name,
                std::any::type_name::<T>()
            ))
        })
    }

    /// The input typed by tool name ([`BuiltinToolInput::Other`] for MCP and unknown tools).
    pub fn tool_input(&self) -> BuiltinToolInput {
        BuiltinToolInput::parse(&self.tool_name, self.input.clone())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::builtin::EditInput;
    use serde_json::json;

    #[test]
    fn mcp_request_from_cli_2_1_330_keeps_server_and_unknown_fields() {
        let req: PermissionRequest = serde_json::from_value(json!({
            "subtype": "can_use_tool", "tool_name": "mcp__calc__add",
            "mcp_server": {"name": "calc", "source": "sdk"}, "display_name": "Add",
            "input": {"a": 2, "b": 3},
            "permission_suggestions": [{"type": "addRules", "rules": [{"toolName": "mcp__calc__add"}], "behavior": "allow", "destination": "localSettings"}],
            "server_policy_ask_only": true, "tool_use_id": "toolu_mock_01"
        }))
        .unwrap();
        assert_eq!(req.mcp_server.as_ref().unwrap().name, "calc");
        assert_eq!(req.display_name.as_deref(), Some("Add"));
        assert_eq!(req.extra["server_policy_ask_only"], true);
        assert_eq!(req.extra["subtype"], "can_use_tool");
        assert!(matches!(req.tool_input(), BuiltinToolInput::Other { .. }));
    }

    #[test]
    fn typed_reports_which_tool_did_not_fit() {
        let req: PermissionRequest =
            serde_json::from_value(json!({"tool_name": "Edit", "input": {"file_path": 3}}))
                .unwrap();
        let err = req.typed::<EditInput>().unwrap_err().to_string();
        assert!(err.contains("`Edit` input does not fit"), "{err}");
    }

    #[test]
    fn a_request_missing_optional_fields_still_parses() {
        let req: PermissionRequest = serde_json::from_value(json!({"tool_name": "Read"})).unwrap();
        assert_eq!(req.input, Value::Null);
        assert!(req.suggestions.is_empty());
    }
}
