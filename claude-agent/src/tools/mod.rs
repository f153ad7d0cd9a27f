//! Tools: Rust functions the model can call, served to the CLI as in-process MCP servers.
//!
//! Write a tool with the [`#[tool]`](macro@tool) attribute on an ordinary function (its doc
//! comment is the description, each parameter's doc comment that parameter's description), or
//! implement [`Tool`] by hand; both give the same [`ToolDescriptor`]. Tools are grouped into
//! named [`ToolServer`]s: explicitly with [`ToolServer::tool`], or from the link-time registry
//! with [`ToolServer::from_registered`] / [`registered_servers`] (feature `inventory`, on by
//! default). The model sees a tool as `mcp__<server>__<tool>`; `#[tool]` without `server = ..`
//! puts it in the server named `"tools"`.
//!
//! The same [`ToolServer`] serves an agent in-process (convert it into an
//! [`McpServerConfig`](crate::mcp::McpServerConfig)) and any MCP client over stdio
//! ([`ToolServer::serve_stdio`]).
//!
//! # Examples
//!
//! ```rust,standalone_crate
//! use claude_agent::tools::{ToolContext, ToolError, ToolServer, tool};
//!
//! /// Divide two numbers.
//! #[tool(server = "calc", read_only)]
//! async fn divide(
//!     /// The dividend.
//!     a: f64,
//!     /// The divisor (not zero).
//!     b: f64,
//! ) -> Result<String, ToolError> {
//!     if b == 0.0 {
//!         return Err("division by zero".into());
//!     }
//!     Ok((a / b).to_string())
//! }
//!
//! # tokio::runtime::Runtime::new().unwrap().block_on(async {
//! assert_eq!(divide(6.0, 3.0).await.unwrap(), "2"); // still an ordinary function
//! let server = ToolServer::new("calc").tool(DivideTool).unwrap();
//! let result = server
//!     .call("divide", serde_json::json!({"a": 1, "b": 0}), ToolContext::new())
//!     .unwrap()
//!     .await;
//! assert!(result.is_error);
//! assert_eq!(result.text_content(), "division by zero");
//! # });
//! ```

mod annotations;
mod content;
mod context;
mod descriptor;
mod error;
mod exec;
mod name;
mod result;
mod schema;
mod server;
mod tool;

#[doc(hidden)]
pub mod __private;

pub use annotations::ToolAnnotations;
pub use content::ToolContent;
pub use context::ToolContext;
pub use descriptor::{ToolDescriptor, registered};
pub use error::ToolError;
pub use name::{MAX_TOOL_NAME_LEN, validate_tool_name};
pub use result::{IntoToolResult, Json, ToolResult};
pub use schema::input_schema;
pub use server::{ToolServer, registered_servers};
pub use tool::{Tool, ToolParam};

pub use claude_agent_macros::tool;
