//! MCP servers: configurations of external servers and in-process ("sdk") servers whose JSON-RPC
//! traffic the CLI tunnels through `mcp_message` control requests.
//!
//! In-process servers made of [`tools`](crate::tools) are served by [`SdkBridge`], which runs
//! an [`rmcp`] service loop; convert a [`ToolServer`] into an [`McpServerConfig`] to use one.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use futures::future::BoxFuture;
use serde::Serialize;
use serde_json::Value;

use crate::tools::ToolServer;

mod bridge;
mod handler;
pub(crate) mod jsonrpc;
mod stdio;

pub use bridge::SdkBridge;

/// The version of [`rmcp`](https://docs.rs/rmcp) this crate serves MCP with, for
/// [`SdkBridge::from_rmcp`]. Its API changes faster than this crate's; everything else here works
/// without it.
pub use rmcp;

/// An in-process MCP server: receives one JSON-RPC message (request or notification) and returns
/// the JSON-RPC response, or `None` for a notification.
///
/// # Examples
///
/// ```
/// use claude_agent::mcp::SdkMcpServer;
/// use futures::future::BoxFuture;
/// use serde_json::{json, Value};
///
/// struct Echo;
/// impl SdkMcpServer for Echo {
///     fn handle(&self, message: Value) -> BoxFuture<'static, Option<Value>> {
///         Box::pin(async move {
///             let id = message.get("id")?.clone();
///             Some(json!({"jsonrpc": "2.0", "id": id, "result": {}}))
///         })
///     }
/// }
/// ```
pub trait SdkMcpServer: Send + Sync + 'static {
    /// Handles one JSON-RPC message.
    fn handle(&self, message: Value) -> BoxFuture<'static, Option<Value>>;
}

/// How the CLI reaches one MCP server.
///
/// # Examples
///
/// ```
/// use claude_agent::mcp::McpServerConfig;
///
/// let fs = McpServerConfig::stdio("npx", ["-y", "@modelcontextprotocol/server-filesystem", "/tmp"]);
/// assert_eq!(fs.to_wire().unwrap()["command"], "npx");
/// ```
#[derive(Clone)]
#[non_exhaustive]
pub enum McpServerConfig {
    /// A server the CLI starts as a child process and talks to over stdio.
    Stdio {
        /// The executable.
        command: String,
        /// Its arguments.
        args: Vec<String>,
        /// Extra environment variables.
        env: BTreeMap<String, String>,
    },
    /// A server reached over server-sent events.
    Sse {
        /// The server's URL.
        url: String,
        /// Extra HTTP headers.
        headers: BTreeMap<String, String>,
    },
    /// A server reached over streamable HTTP.
    Http {
        /// The server's URL.
        url: String,
        /// Extra HTTP headers.
        headers: BTreeMap<String, String>,
    },
    /// A server that runs inside this process.
    Sdk(Arc<dyn SdkMcpServer>),
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum WireConfig<'a> {
    Stdio {
        command: &'a str,
        #[serde(skip_serializing_if = "<[String]>::is_empty")]
        args: &'a [String],
        #[serde(skip_serializing_if = "BTreeMap::is_empty")]
        env: &'a BTreeMap<String, String>,
    },
    Sse {
        url: &'a str,
        #[serde(skip_serializing_if = "BTreeMap::is_empty")]
        headers: &'a BTreeMap<String, String>,
    },
    Http {
        url: &'a str,
        #[serde(skip_serializing_if = "BTreeMap::is_empty")]
        headers: &'a BTreeMap<String, String>,
    },
}

impl McpServerConfig {
    /// A stdio server.
    pub fn stdio<I, S>(command: impl Into<String>, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        McpServerConfig::Stdio {
            command: command.into(),
            args: args.into_iter().map(Into::into).collect(),
            env: BTreeMap::new(),
        }
    }

    /// An in-process server.
    pub fn sdk(server: impl SdkMcpServer) -> Self {
        McpServerConfig::Sdk(Arc::new(server))
    }

    /// The JSON the CLI expects in `--mcp-config` (`None` for in-process servers, which are
    /// declared in the `initialize` request instead).
    pub fn to_wire(&self) -> Option<Value> {
        let wire = match self {
            McpServerConfig::Stdio { command, args, env } => {
                WireConfig::Stdio { command, args, env }
            }
            McpServerConfig::Sse { url, headers } => WireConfig::Sse { url, headers },
            McpServerConfig::Http { url, headers } => WireConfig::Http { url, headers },
            McpServerConfig::Sdk(_) => return None,
        };
        serde_json::to_value(wire).ok()
    }
}

/// Shows environment variable and header names, never their values (tokens live there).
impl fmt::Debug for McpServerConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Redacted;
        impl fmt::Debug for Redacted {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("<redacted>")
            }
        }
        struct Names<'a>(&'a BTreeMap<String, String>);
        impl fmt::Debug for Names<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_map()
                    .entries(self.0.keys().map(|k| (k, Redacted)))
                    .finish()
            }
        }
        match self {
            McpServerConfig::Sdk(_) => f.write_str("Sdk(..)"),
            McpServerConfig::Stdio { command, args, env } => f
                .debug_struct("Stdio")
                .field("command", command)
                .field("args", args)
                .field("env", &Names(env))
                .finish(),
            McpServerConfig::Sse { url, headers } => f
                .debug_struct("Sse")
                .field("url", url)
                .field("headers", &Names(headers))
                .finish(),
            McpServerConfig::Http { url, headers } => f
                .debug_struct("Http")
                .field("url", url)
                .field("headers", &Names(headers))
                .finish(),
        }
    }
}

impl From<ToolServer> for McpServerConfig {
    fn from(server: ToolServer) -> Self {
        McpServerConfig::Sdk(Arc::new(SdkBridge::from_tools(server)))
    }
}

impl ToolServer {
    /// This server as an in-process MCP server configuration (same as `McpServerConfig::from`).
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::mcp::McpServerConfig;
    /// use claude_agent::tools::ToolServer;
    ///
    /// let config = ToolServer::new("empty").into_config();
    /// assert!(matches!(config, McpServerConfig::Sdk(_)));
    /// assert!(config.to_wire().is_none()); // declared in `initialize`, not in --mcp-config
    /// ```
    pub fn into_config(self) -> McpServerConfig {
        self.into()
    }
}
