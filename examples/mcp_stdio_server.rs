//! A standalone MCP server on stdio made of two `#[tool]` functions.
//!
//! The same tools could be handed to an agent in-process (every `#[tool]` is, by default); here
//! they run in their own process, and any MCP client can use them. Try it by hand (one JSON-RPC
//! message per line on stdin, answers on stdout, logs on stderr):
//!
//! ```text
//! cargo run --example mcp_stdio_server
//! {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"me","version":"0"}}}
//! {"jsonrpc":"2.0","method":"notifications/initialized"}
//! {"jsonrpc":"2.0","id":1,"method":"tools/list"}
//! {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"multiply","arguments":{"a":6,"b":7}}}
//! ```
//!
//! Hand it to an agent as an external server (the CLI starts it as a child process; the model
//! then sees `mcp__calc__add` and `mcp__calc__multiply`):
//!
//! ```text
//! Options::builder()
//!     .mcp_server("calc", McpServerConfig::stdio("target/debug/examples/mcp_stdio_server", Vec::<String>::new()))
//!     .allowed_tools(["mcp__calc__multiply"])
//! ```
//!
//! (`tests/e2e_tools.rs` does exactly that against the real CLI), or register it with Claude Code
//! itself: `claude mcp add calc -- cargo run --example mcp_stdio_server`.

use claude_agent::tools::{ToolServer, tool};

/// Add two numbers.
#[tool(server = "calc", read_only, idempotent)]
async fn add(
    /// The left operand.
    a: f64,
    /// The right operand.
    b: f64,
) -> String {
    (a + b).to_string()
}

/// Multiply two numbers.
#[tool(server = "calc", read_only, idempotent)]
async fn multiply(
    /// The left operand.
    a: f64,
    /// The right operand.
    b: f64,
) -> String {
    (a * b).to_string()
}

#[tokio::main]
async fn main() -> claude_agent::Result<()> {
    // stdout carries the protocol: report on stderr only.
    let server = ToolServer::from_registered("calc")?;
    eprintln!(
        "serving {:?} on stdio",
        server.tool_names().collect::<Vec<_>>()
    );
    server.serve_stdio().await
}
