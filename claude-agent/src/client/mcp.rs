//! [`SessionHandle`]'s MCP methods: server status, the dynamic server set, resources, and the
//! per-server permission override.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::handle::decode;
use crate::mcp::McpServerConfig;
use crate::protocol::{
    ControlRequest, McpServerStatus, McpSetServersResult, ReadMcpResourceResult,
};
use crate::{Result, SessionHandle};

/// A tighten-only permission mode for one MCP server's tools
/// ([`SessionHandle::set_mcp_permission_mode_override`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum McpPermissionOverride {
    /// Ask for every action, even when the session mode would allow it.
    Default,
    /// Route the server's tools through the auto-mode classifier.
    Auto,
}

impl SessionHandle {
    /// The status of every MCP server: connection status, `serverInfo`, and each tool's name
    /// and annotations (e.g. `{"readOnly": true}` for a `#[tool(read_only)]`).
    ///
    /// Some CLIs report no servers before the first user message; ask after a turn (see
    /// [compatibility](crate::compatibility)).
    pub async fn mcp_server_status(&self) -> Result<Vec<McpServerStatus>> {
        let raw = self.request(ControlRequest::McpStatus).await?;
        decode(
            "mcp_status",
            raw.get("mcpServers")
                .cloned()
                .unwrap_or(Value::Array(Vec::new())),
        )
    }

    /// Reconnects an MCP server.
    ///
    /// In-process servers (`#[tool]` servers, `McpServerConfig::Sdk`) cannot be reconnected:
    /// every CLI version answers with an [`Error::Control`](crate::Error::Control) (`SDK servers
    /// should be handled in
    /// print.ts`); they never disconnect in the first place.
    pub async fn reconnect_mcp_server(&self, name: &str) -> Result<()> {
        let server_name = name.to_owned();
        self.request(ControlRequest::McpReconnect { server_name })
            .await
            .map(drop)
    }

    /// Enables or disables an MCP server.
    ///
    /// For in-process servers: disabling empties the server's tool list on every CLI version;
    /// enabling again needs a newer CLI (an older one answers with an
    /// [`Error::Control`](crate::Error::Control)): see [compatibility](crate::compatibility).
    pub async fn toggle_mcp_server(&self, name: &str, enabled: bool) -> Result<()> {
        let server_name = name.to_owned();
        self.request(ControlRequest::McpToggle {
            server_name,
            enabled,
        })
        .await
        .map(drop)
    }

    /// Replaces the set of dynamically added MCP servers and reports which were added and
    /// removed. In-process servers are served by this session from now on.
    ///
    /// The set the CLI replaces includes the in-process servers the session started with (the
    /// registered `#[tool]` servers, [`tool_server`](crate::OptionsBuilder::tool_server)): pass
    /// them again to keep them. An empty map removes them all.
    pub async fn set_mcp_servers(
        &self,
        servers: BTreeMap<String, McpServerConfig>,
    ) -> Result<McpSetServersResult> {
        let shared = self.shared().await?;
        let mut wire = Map::new();
        let mut in_process = Vec::new();
        for (name, config) in servers {
            match config {
                McpServerConfig::Sdk(server) => {
                    wire.insert(
                        name.clone(),
                        serde_json::json!({ "type": "sdk", "name": name }),
                    );
                    in_process.push((name, server));
                }
                other => {
                    wire.insert(name, other.to_wire().unwrap_or(Value::Null));
                }
            }
        }
        shared.dispatcher.add_mcp_servers(in_process);
        let raw = shared
            .request(&ControlRequest::McpSetServers { servers: wire })
            .await?;
        decode("mcp_set_servers", raw)
    }

    /// Reads a resource of an MCP server (needs a newer CLI, which serves only `ui://` resources
    /// this way: see [compatibility](crate::compatibility)).
    pub async fn read_mcp_resource(
        &self,
        server: &str,
        uri: &str,
    ) -> Result<ReadMcpResourceResult> {
        self.request_as(ControlRequest::McpReadResource {
            server_name: server.to_owned(),
            uri: uri.to_owned(),
        })
        .await
    }

    /// Pins (or clears, with `None`) a tighten-only permission mode for one MCP server's tools:
    /// it only applies where the session's mode would allow the call without asking. Returns
    /// the CLI's warning when no server of that name is known (the override is kept for a
    /// server connecting later).
    pub async fn set_mcp_permission_mode_override(
        &self,
        server: &str,
        mode: Option<McpPermissionOverride>,
    ) -> Result<Option<String>> {
        let mode = mode.map(|mode| match mode {
            McpPermissionOverride::Default => "default".to_owned(),
            McpPermissionOverride::Auto => "auto".to_owned(),
        });
        let raw = self
            .request(ControlRequest::SetMcpPermissionModeOverride {
                server_name: server.to_owned(),
                mode,
            })
            .await?;
        Ok(raw
            .get("warning")
            .and_then(Value::as_str)
            .map(str::to_owned))
    }
}
