//! `system/init`: the session's configuration, printed at the start of every turn.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::protocol::FastModeState;
use crate::protocol::RawJson;
use crate::protocol::control::McpStatus;
use crate::protocol::raw::impl_raw;
use crate::wire::nullable;

/// `{"type":"system","subtype":"init"}`: tools, model, MCP servers and settings in effect.
///
/// Printed once per prompt, before the turn's first assistant message (not at process start).
/// Fields newer CLIs add and this struct does not model are in [`raw_json`](Self::raw_json).
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
/// use claude_agent::protocol::SystemMessage;
///
/// let line = r#"{"type":"system","subtype":"init","cwd":"/proj","session_id":"s1",
///   "tools":["Bash","Read"],"mcp_servers":[{"name":"calc","status":"connected"}],
///   "model":"claude-opus-4-8","permissionMode":"default","apiKeySource":"ANTHROPIC_API_KEY",
///   "claude_code_version":"2.1.197","uuid":"u0"}"#;
/// let Message::System(SystemMessage::Init(init)) = Message::from_json(line).unwrap() else { panic!() };
/// assert_eq!(init.claude_code_version.as_deref(), Some("2.1.197"));
/// assert_eq!(init.tools, ["Bash", "Read"]);
/// assert!(init.mcp_servers[0].status.is_connected());
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct SystemInit {
    /// The CLI's version (absent on CLIs older than 2.0).
    #[serde(default)]
    pub claude_code_version: Option<String>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// The working directory.
    #[serde(default, deserialize_with = "nullable")]
    pub cwd: String,
    /// Names of the tools available to the model.
    #[serde(default, deserialize_with = "nullable")]
    pub tools: Vec<String>,
    /// MCP servers and their connection status.
    #[serde(default, deserialize_with = "nullable")]
    pub mcp_servers: Vec<InitMcpServer>,
    /// The model in use.
    #[serde(default)]
    pub model: Option<String>,
    /// The permission mode (`default`, `acceptEdits`, `plan`, …; wire `permissionMode`).
    #[serde(default, rename = "permissionMode")]
    pub permission_mode: Option<String>,
    /// Slash commands the session accepts.
    #[serde(default, deserialize_with = "nullable")]
    pub slash_commands: Vec<String>,
    /// Where the API key came from (wire `apiKeySource`).
    #[serde(default, rename = "apiKeySource")]
    pub api_key_source: Option<String>,
    /// The output style.
    #[serde(default)]
    pub output_style: Option<String>,
    /// Names of the subagents available.
    #[serde(default, deserialize_with = "nullable")]
    pub agents: Vec<String>,
    /// Names of the skills available.
    #[serde(default, deserialize_with = "nullable")]
    pub skills: Vec<String>,
    /// Loaded plugins.
    #[serde(default, deserialize_with = "nullable")]
    pub plugins: Vec<PluginInfo>,
    /// API beta flags in use.
    #[serde(default, deserialize_with = "nullable")]
    pub betas: Vec<String>,
    /// Feature capabilities the CLI announces (newer CLIs).
    #[serde(default, deserialize_with = "nullable")]
    pub capabilities: Vec<String>,
    /// Fast-mode state.
    #[serde(default)]
    pub fast_mode_state: Option<FastModeState>,
    /// Memory file locations, as sent.
    #[serde(default)]
    pub memory_paths: Option<Value>,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

impl_raw!(SystemInit);

/// An MCP server as listed in [`SystemInit::mcp_servers`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InitMcpServer {
    /// The server's name.
    #[serde(default, deserialize_with = "nullable")]
    pub name: String,
    /// Its connection status.
    #[serde(default)]
    pub status: McpStatus,
    /// Where it was declared (`sdk`, …; newer CLIs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A plugin as listed in [`SystemInit::plugins`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PluginInfo {
    /// The plugin's name.
    #[serde(default, deserialize_with = "nullable")]
    pub name: String,
    /// Where it was loaded from.
    #[serde(default, deserialize_with = "nullable")]
    pub path: String,
    /// Its version, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}
