//! Serving a [`ToolServer`] as a standalone MCP server on stdin/stdout.

use rmcp::ServiceExt;

use super::handler::ToolHandler;
use crate::tools::ToolServer;
use crate::{Error, Result};

impl ToolServer {
    /// Serves these tools as a standalone MCP server over stdio (newline-delimited JSON-RPC on
    /// stdin/stdout) until the client closes stdin. Any MCP client can then use the tools,
    /// including the CLI through a `McpServerConfig::stdio` entry.
    ///
    /// Log to stderr only: stdout carries the protocol.
    ///
    /// # Examples
    ///
    /// ```rust,no_run,standalone_crate
    /// use claude_agent::tools::{ToolServer, tool};
    ///
    /// /// Add two numbers.
    /// #[tool(server = "calc")]
    /// async fn add(a: f64, b: f64) -> String {
    ///     (a + b).to_string()
    /// }
    ///
    /// #[tokio::main]
    /// async fn main() -> claude_agent::Result<()> {
    ///     ToolServer::from_registered("calc")?.serve_stdio().await
    /// }
    /// ```
    pub async fn serve_stdio(self) -> Result<()> {
        let running = ToolHandler::new(self)
            .serve(rmcp::transport::stdio())
            .await
            .map_err(|error| {
                Error::Protocol(format!("MCP stdio server: handshake failed: {error}"))
            })?;
        running.waiting().await.map_err(|error| {
            Error::Protocol(format!(
                "MCP stdio server: the service loop failed: {error}"
            ))
        })?;
        Ok(())
    }
}
