//! The control requests the SDK sends to the CLI, typed: one variant per subtype, and
//! [`Custom`](ControlRequest::Custom) for subtypes this SDK version does not know.

use serde_json::{Map, Value, json};

use crate::options::{PermissionMode, ThinkingDisplay};

/// A control request from the SDK to the CLI (the `request` object of a `control_request`).
///
/// Every [`SessionHandle`](crate::SessionHandle) method sends one of these; send your own with
/// [`SessionHandle::control_request`](crate::SessionHandle::control_request).
///
/// # Examples
///
/// ```
/// use claude_agent::protocol::ControlRequest;
/// use serde_json::json;
///
/// let interrupt = ControlRequest::Interrupt { cancel_queued: true };
/// assert_eq!(interrupt.to_json(), json!({"subtype": "interrupt", "cancel_queued": true}));
///
/// let custom = ControlRequest::custom("get_usage", json!({"detail": true}));
/// assert_eq!(custom.subtype(), "get_usage");
/// assert_eq!(custom.to_json(), json!({"subtype": "get_usage", "detail": true}));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ControlRequest {
    /// `initialize`: the handshake (sent again by
    /// [`reinitialize`](crate::SessionHandle::reinitialize)).
    Initialize(Map<String, Value>),
    /// `interrupt`: abort the running turn; with `cancel_queued`, also drop the prompts queued
    /// behind it (CLIs advertising `interrupt_cancel_queued_v1`; older ones ignore the flag).
    Interrupt {
        /// Also cancel the queued prompts.
        cancel_queued: bool,
    },
    /// `set_permission_mode`.
    SetPermissionMode {
        /// The new mode.
        mode: PermissionMode,
    },
    /// `set_model` (`None` returns to the default model).
    SetModel {
        /// The model alias or id.
        model: Option<String>,
    },
    /// `set_max_thinking_tokens`.
    SetMaxThinkingTokens {
        /// The budget (`None` removes the limit).
        max_thinking_tokens: Option<u32>,
        /// How thinking is shown (newer CLIs).
        thinking_display: Option<ThinkingDisplay>,
    },
    /// `mcp_status`.
    McpStatus,
    /// `mcp_reconnect`.
    McpReconnect {
        /// The server's name.
        server_name: String,
    },
    /// `mcp_toggle`.
    McpToggle {
        /// The server's name.
        server_name: String,
        /// Enable (`true`) or disable it.
        enabled: bool,
    },
    /// `mcp_set_servers`: replace the dynamically added MCP servers (wire configs by name).
    McpSetServers {
        /// The servers' wire configurations.
        servers: Map<String, Value>,
    },
    /// `mcp_read_resource`: read a resource of an MCP server.
    McpReadResource {
        /// The server's name.
        server_name: String,
        /// The resource's URI.
        uri: String,
    },
    /// `set_mcp_permission_mode_override`: pin (or clear with `None`) a tighten-only permission
    /// mode for one MCP server's tools.
    SetMcpPermissionModeOverride {
        /// The server's name.
        server_name: String,
        /// `default` or `auto`; `None` clears the override.
        mode: Option<String>,
    },
    /// `rewind_files`.
    RewindFiles {
        /// The user message whose file state to restore.
        user_message_id: String,
        /// Only report what would change.
        dry_run: bool,
    },
    /// `stop_task`: stop a background task.
    StopTask {
        /// The task's id.
        task_id: String,
    },
    /// `background_tasks`: move running foreground work (one tool call, or all) to the
    /// background.
    BackgroundTasks {
        /// The tool call to background; `None` for all.
        tool_use_id: Option<String>,
    },
    /// `get_context_usage`.
    GetContextUsage,
    /// `reload_plugins`.
    ReloadPlugins,
    /// `reload_skills`.
    ReloadSkills,
    /// `reload_output_styles`.
    ReloadOutputStyles,
    /// `apply_flag_settings`: merge settings into the session's flag-settings layer.
    ApplyFlagSettings {
        /// The settings (a partial `settings.json` object).
        settings: Map<String, Value>,
    },
    /// `update_settings`: write settings to a settings file.
    UpdateSettings {
        /// `localSettings` or `userSettings`.
        source: String,
        /// The settings to write.
        settings: Map<String, Value>,
    },
    /// Any other subtype, with its fields.
    Custom {
        /// The subtype.
        subtype: String,
        /// The other fields of the request.
        fields: Map<String, Value>,
    },
}

impl ControlRequest {
    /// A request this SDK has no variant for. `fields` should be a JSON object; anything else
    /// is sent as no fields.
    pub fn custom(subtype: impl Into<String>, fields: Value) -> Self {
        ControlRequest::Custom {
            subtype: subtype.into(),
            fields: match fields {
                Value::Object(map) => map,
                _ => Map::new(),
            },
        }
    }

    /// The wire subtype, e.g. `"interrupt"`.
    pub fn subtype(&self) -> &str {
        use ControlRequest::*;
        match self {
            Initialize(_) => "initialize",
            Interrupt { .. } => "interrupt",
            SetPermissionMode { .. } => "set_permission_mode",
            SetModel { .. } => "set_model",
            SetMaxThinkingTokens { .. } => "set_max_thinking_tokens",
            McpStatus => "mcp_status",
            McpReconnect { .. } => "mcp_reconnect",
            McpToggle { .. } => "mcp_toggle",
            McpSetServers { .. } => "mcp_set_servers",
            McpReadResource { .. } => "mcp_read_resource",
            SetMcpPermissionModeOverride { .. } => "set_mcp_permission_mode_override",
            RewindFiles { .. } => "rewind_files",
            StopTask { .. } => "stop_task",
            BackgroundTasks { .. } => "background_tasks",
            GetContextUsage => "get_context_usage",
            ReloadPlugins => "reload_plugins",
            ReloadSkills => "reload_skills",
            ReloadOutputStyles => "reload_output_styles",
            ApplyFlagSettings { .. } => "apply_flag_settings",
            UpdateSettings { .. } => "update_settings",
            Custom { subtype, .. } => subtype,
        }
    }

    /// The request object as sent: `{"subtype": …, …fields}`.
    pub fn to_json(&self) -> Value {
        use ControlRequest::*;
        let mut fields = match self {
            Initialize(fields) | Custom { fields, .. } => fields.clone(),
            Interrupt { cancel_queued } => {
                let mut map = Map::new();
                if *cancel_queued {
                    map.insert("cancel_queued".into(), Value::Bool(true));
                }
                map
            }
            SetPermissionMode { mode } => object(json!({ "mode": mode.as_str() })),
            SetModel { model } => object(json!({ "model": model })),
            SetMaxThinkingTokens {
                max_thinking_tokens,
                thinking_display,
            } => {
                let mut map = object(json!({ "max_thinking_tokens": max_thinking_tokens }));
                if let Some(display) = thinking_display {
                    map.insert("thinking_display".into(), display.as_str().into());
                }
                map
            }
            McpReconnect { server_name } => object(json!({ "serverName": server_name })),
            McpToggle {
                server_name,
                enabled,
            } => object(json!({ "serverName": server_name, "enabled": enabled })),
            McpSetServers { servers } => object(json!({ "servers": servers })),
            McpReadResource { server_name, uri } => {
                object(json!({ "serverName": server_name, "uri": uri }))
            }
            SetMcpPermissionModeOverride { server_name, mode } => {
                object(json!({ "serverName": server_name, "mode": mode }))
            }
            RewindFiles {
                user_message_id,
                dry_run,
            } => object(json!({ "user_message_id": user_message_id, "dry_run": dry_run })),
            StopTask { task_id } => object(json!({ "task_id": task_id })),
            BackgroundTasks { tool_use_id } => match tool_use_id {
                Some(id) => object(json!({ "tool_use_id": id })),
                None => Map::new(),
            },
            ApplyFlagSettings { settings } => object(json!({ "settings": settings })),
            UpdateSettings { source, settings } => {
                object(json!({ "source": source, "settings": settings }))
            }
            McpStatus | GetContextUsage | ReloadPlugins | ReloadSkills | ReloadOutputStyles => {
                Map::new()
            }
        };
        fields.insert("subtype".into(), Value::from(self.subtype()));
        Value::Object(fields)
    }
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn known_requests_have_their_wire_shape() {
        let cases = [
            (
                ControlRequest::Interrupt {
                    cancel_queued: false,
                },
                json!({"subtype": "interrupt"}),
            ),
            (
                ControlRequest::SetPermissionMode {
                    mode: PermissionMode::AcceptEdits,
                },
                json!({"subtype": "set_permission_mode", "mode": "acceptEdits"}),
            ),
            (
                ControlRequest::SetModel { model: None },
                json!({"subtype": "set_model", "model": null}),
            ),
            (
                ControlRequest::SetMaxThinkingTokens {
                    max_thinking_tokens: Some(1024),
                    thinking_display: Some(ThinkingDisplay::Summarized),
                },
                json!({"subtype": "set_max_thinking_tokens", "max_thinking_tokens": 1024,
                       "thinking_display": "summarized"}),
            ),
            (
                ControlRequest::McpToggle {
                    server_name: "calc".into(),
                    enabled: false,
                },
                json!({"subtype": "mcp_toggle", "serverName": "calc", "enabled": false}),
            ),
            (
                ControlRequest::McpReadResource {
                    server_name: "docs".into(),
                    uri: "file:///a".into(),
                },
                json!({"subtype": "mcp_read_resource", "serverName": "docs", "uri": "file:///a"}),
            ),
            (
                ControlRequest::BackgroundTasks { tool_use_id: None },
                json!({"subtype": "background_tasks"}),
            ),
            (
                ControlRequest::RewindFiles {
                    user_message_id: "u1".into(),
                    dry_run: true,
                },
                json!({"subtype": "rewind_files", "user_message_id": "u1", "dry_run": true}),
            ),
        ];
        for (request, wire) in cases {
            assert_eq!(request.to_json(), wire, "{request:?}");
            assert_eq!(request.subtype(), wire["subtype"]);
        }
    }

    #[test]
    fn custom_fields_cannot_override_the_subtype() {
        let request = ControlRequest::custom("get_usage", json!({"subtype": "interrupt", "a": 1}));
        assert_eq!(request.to_json(), json!({"subtype": "get_usage", "a": 1}));
        assert_eq!(
            ControlRequest::custom("x", json!([1])).to_json(),
            json!({"subtype": "x"})
        );
    }
}
