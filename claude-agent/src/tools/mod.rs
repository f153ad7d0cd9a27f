//! Tools: Rust functions the model can call, served to the CLI as in-process MCP servers.
//!
//! Write a tool with the [`#[tool]`](macro@tool) attribute on an ordinary function (its doc
//! comment is the description, each parameter's doc comment that parameter's description), or
//! implement [`Tool`] by hand; both give the same [`ToolDescriptor`]. A tool returns anything
//! [`IntoToolResult`]: a `String`, [`Json<T>`](Json) (structured output), a [`ToolResult`], or a
//! `Result` of those whose `Err` (e.g. a [`ToolError`]) becomes an error result the model sees.
//! A tool that panics or exceeds its `timeout` also becomes an error result; the session goes on.
//!
//! The same [`ToolServer`] serves an agent in-process (convert it into an
//! [`McpServerConfig`](crate::mcp::McpServerConfig)) and any MCP client over stdio
//! ([`ToolServer::serve_stdio`]).
//!
//! # Which tools a session gets
//!
//! - **Servers.** Tools are grouped into named MCP servers. `#[tool(server = "calc")]` puts a
//!   tool in the server `calc`; `#[tool]` without `server` puts it in the server named
//!   [`ToolDescriptor::DEFAULT_SERVER`] (`"tools"`). The model, permission rules
//!   ([`allowed_tools`](crate::OptionsBuilder::allowed_tools), `disallowed_tools`), hook matchers
//!   and `can_use_tool` callbacks name a tool `mcp__<server>__<tool>`, e.g. `mcp__calc__add`.
//! - **By default, every registered tool.** Each `#[tool]` in the program registers itself at
//!   link time (feature `inventory`, on by default), and [`Options`](crate::Options) include all
//!   of them, one in-process server per server name ([`registered_servers`]).
//! - **Tools in another crate** are registered only if that crate is linked: when nothing else
//!   in your program names it, add `use my_tools as _;`.
//! - **Explicit selection replaces the registry.**
//!   [`tool_server`](crate::OptionsBuilder::tool_server) serves exactly the [`ToolServer`]s you
//!   give it (call it once per server), and no registered server is included;
//!   [`no_registered_tools`](crate::OptionsBuilder::no_registered_tools) (or
//!   [`no_registered`](crate::OptionsBuilder::no_registered)) leaves the registry out without
//!   adding anything. [`mcp_server`](crate::OptionsBuilder::mcp_server) only adds a server (a
//!   configured name wins over a registered server of the same name).
//! - **Duplicates are an error, never a silent choice.** Two tools with one name in one server
//!   make [`ToolServer::tool`] fail, and make a session that includes the registry fail to start
//!   with [`Error::InvalidOption`](crate::Error::InvalidOption) naming both definitions
//!   (`file:line`).
//! - **Permission.** In the default permission mode the CLI asks before running an MCP tool:
//!   allow it with `allowed_tools(["mcp__calc__add"])`, or decide in a
//!   [`can_use_tool`](crate::OptionsBuilder::can_use_tool) callback.
//! - **Tool search.** The CLI can defer MCP tools and some built-in tools behind a `ToolSearch`
//!   tool (2.1.330 does by default). Your tools are still offered to the model directly: each is
//!   listed with `_meta["anthropic/alwaysLoad"]: true`, which the CLI honours per tool while the
//!   rest stays deferred. Opt out per tool (`#[tool(always_load = false)]`) or per server
//!   ([`ToolServer::always_load`]); see [`tool_search`](crate::OptionsBuilder::tool_search).
//!   [`ToolHints`] also carries a search hint and a maximum result size.
//!
//! # Tools defined at run time
//!
//! When the name, description or schema come from data (a configuration file, an OpenAPI
//! document, a plugin), build a [`DynamicTool`]: the shape of the official SDKs' `tool()`. It
//! joins a [`ToolServer`] next to `#[tool]` tools ([`ToolServer::dynamic_tool`]) and is served
//! the same way. Every schema sent (generated, run-time, structured output) goes through
//! [`shape_schema`], so clients never see Rust-specific formats such as `uint32`.
//!
//! ```
//! use claude_agent::Options;
//! use claude_agent::tools::{DynamicTool, ToolServer};
//! use serde_json::{Value, json};
//!
//! let units = [("to_celsius", "Fahrenheit to Celsius."), ("to_fahrenheit", "Celsius to Fahrenheit.")];
//! let mut server = ToolServer::new("units");
//! for (name, description) in units {
//!     let schema = json!({"type": "object", "properties": {"degrees": {"type": "number"}},
//!                         "required": ["degrees"]});
//!     let tool = DynamicTool::new(name, description, schema, move |args: Value, _cx| async move {
//!         let d = args["degrees"].as_f64().unwrap_or_default();
//!         let converted = if name == "to_celsius" { (d - 32.0) / 1.8 } else { d * 1.8 + 32.0 };
//!         format!("{converted:.1}")
//!     })?
//!     .search_hint("temperature unit conversion");
//!     server = server.dynamic_tool(tool)?;
//! }
//! let options = Options::builder()
//!     .tool_server(server)
//!     .allowed_tools(["mcp__units__to_celsius", "mcp__units__to_fahrenheit"])
//!     .build();
//! # let _ = options;
//! # Ok::<(), claude_agent::Error>(())
//! ```
//!
//! For tools in another crate (`my_tools` defines `#[tool]`s, nothing in `main.rs` names it):
//!
//! ```text
//! use my_tools as _; // link it, so its #[tool]s are registered
//! ```
//!
//! # Examples
//!
//! (Doctests that define tools are `standalone_crate`: merged doctests share one registry, so
//! their tools would be included in every other doctest's options.)
//!
//! A tool that can fail, called directly through its server:
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
//!
//! The registration and selection rules:
//!
//! ```rust,standalone_crate
//! use claude_agent::Options;
//! use claude_agent::tools::{ToolServer, registered_servers, tool};
//!
//! /// Add two numbers.
//! #[tool(server = "calc")]
//! async fn add(a: f64, b: f64) -> String {
//!     (a + b).to_string()
//! }
//!
//! /// The status of an order.
//! #[tool] // no `server`: the default server, "tools"
//! async fn order_status(id: String) -> String {
//!     format!("order {id}: shipped")
//! }
//!
//! // One server per name, sorted; the model sees mcp__calc__add and mcp__tools__order_status.
//! let servers = registered_servers()?;
//! let names: Vec<&str> = servers.iter().map(|s| s.name()).collect();
//! assert_eq!(names, ["calc", "tools"]);
//!
//! // By default a session serves both servers; allow the tools by their full names.
//! let everything = Options::builder()
//!     .allowed_tools(["mcp__calc__add", "mcp__tools__order_status"])
//!     .build();
//!
//! // Explicit: only this server (as mcp__math__add); the registered ones are left out.
//! let only_math = Options::builder()
//!     .tool_server(ToolServer::new("math").tool(AddTool)?)
//!     .allowed_tools(["mcp__math__add"])
//!     .build();
//!
//! // None of the registered tools.
//! let no_tools = Options::builder().no_registered_tools().build();
//!
//! // A duplicate name in one server is refused, naming both definitions.
//! let err = ToolServer::new("calc").tool(AddTool)?.tool(AddTool).unwrap_err();
//! assert!(err.to_string().contains("duplicate tool `add` in server `calc`"));
//! # let _ = (everything, only_math, no_tools);
//! # Ok::<(), claude_agent::Error>(())
//! ```

mod annotations;
mod content;
mod context;
mod descriptor;
mod dynamic;
mod error;
mod exec;
mod hints;
mod name;
mod result;
mod schema;
mod server;
mod tool;

pub use annotations::ToolAnnotations;
pub use content::ToolContent;
pub use context::ToolContext;
pub use descriptor::{ToolDescriptor, registered_tools};
pub use dynamic::{DynamicTool, ToolDefinitionError};
pub use error::ToolError;
pub use hints::{ToolHints, ToolHintsError};
pub use name::{MAX_TOOL_NAME_LEN, ToolNameError, validate_tool_name};
pub use result::{IntoToolResult, Json, ToolResult};
pub use schema::{input_schema, shape_schema};
pub use server::{ToolServer, registered_servers};
pub use tool::{Tool, ToolParam};

pub use claude_agent_macros::tool;
