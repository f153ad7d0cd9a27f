//! MCP server status and `mcp_set_servers` results.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::wire::nullable;
use crate::wire::wire_enum;

/// One MCP server as reported by `mcp_status` (camelCase on the wire).
///
/// # Examples
///
/// ```
/// use claude_agent::protocol::{McpServerStatus, McpStatus};
///
/// let status: McpServerStatus = serde_json::from_str(
///     r#"{"name":"calc","status":"connected","serverInfo":{"name":"calc","version":"1.0.0"},
///        "scope":"dynamic","tools":[{"name":"add","annotations":{}}]}"#,
/// ).unwrap();
/// assert_eq!(status.status, McpStatus::Connected);
/// assert_eq!(status.tools[0].name, "add");
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct McpServerStatus {
    /// The server's name.
    #[serde(default, deserialize_with = "nullable")]
    pub name: String,
    /// Its connection status.
    #[serde(default)]
    pub status: McpStatus,
    /// What the server reported about itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_info: Option<McpServerInfo>,
    /// Why it failed, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Its configuration, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<Value>,
    /// Where it is configured (`dynamic`, `project`, `user`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Where it was declared (`sdk`, …; newer CLIs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Its transport (`stdio`, `http`, `sdk`, …; newer CLIs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transport: Option<String>,
    /// The tools it offers (empty while not connected).
    #[serde(default, deserialize_with = "nullable")]
    pub tools: Vec<McpToolInfo>,
}

/// What an MCP server reported about itself.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct McpServerInfo {
    /// Its name.
    #[serde(default, deserialize_with = "nullable")]
    pub name: String,
    /// Its version.
    #[serde(default, deserialize_with = "nullable")]
    pub version: String,
}

/// A tool of an MCP server.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct McpToolInfo {
    /// The tool's name (without the `mcp__server__` prefix).
    #[serde(default, deserialize_with = "nullable")]
    pub name: String,
    /// Its description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Its annotations (`readOnly`, `destructive`, `openWorld`, …), as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<Value>,
}

wire_enum! {
    /// An MCP server's connection status.
    pub enum McpStatus {
        /// Connected; its tools are available.
        Connected = "connected",
        /// The connection failed (see the server's `error`).
        Failed = "failed",
        /// The server needs authentication.
        NeedsAuth = "needs-auth",
        /// Still connecting.
        Pending = "pending",
        /// Disabled (e.g. with `mcp_toggle`).
        Disabled = "disabled",
    }
}

impl McpStatus {
    /// Whether the server is connected.
    pub fn is_connected(&self) -> bool {
        *self == McpStatus::Connected
    }
}

impl Default for McpStatus {
    /// An empty [`McpStatus::Other`], for a status the CLI did not send.
    fn default() -> Self {
        McpStatus::Other(String::new())
    }
}

/// The result of `mcp_set_servers`: which servers were added and removed, and errors by server.
///
/// # Examples
///
/// ```
/// use claude_agent::protocol::McpSetServersResult;
///
/// let result: McpSetServersResult =
///     serde_json::from_str(r#"{"added":[],"removed":["calc"],"errors":{}}"#).unwrap();
/// assert_eq!(result.removed, ["calc"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct McpSetServersResult {
    /// Servers added.
    #[serde(default, deserialize_with = "nullable")]
    pub added: Vec<String>,
    /// Servers removed.
    #[serde(default, deserialize_with = "nullable")]
    pub removed: Vec<String>,
    /// Errors, by server name.
    #[serde(default, deserialize_with = "nullable")]
    pub errors: BTreeMap<String, String>,
}
