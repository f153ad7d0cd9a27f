//! The items most programs need: `use claude_agent::prelude::*;`.
//!
//! Running a session ([`query`], [`query_as`], [`Client`], [`Options`], [`Message`]), writing
//! tools ([`tool`], [`Tool`], [`ToolContext`], [`ToolError`], [`Json`]), hooks ([`hook`],
//! [`Hook`], [`HookOutput`]) and agents ([`agent`]), plus [`Error`] and [`Result`]. Everything
//! else is in its module.
//!
//! # Examples
//!
//! ```rust,standalone_crate,no_run
//! use claude_agent::builtin::BashInput;
//! use claude_agent::hooks::PreToolUse;
//! use claude_agent::prelude::*;
//!
//! /// Counts the lines of a text.
//! #[tool(server = "text")]
//! async fn line_count(text: String) -> String {
//!     text.lines().count().to_string()
//! }
//!
//! /// Refuses `rm -rf`.
//! #[hook(PreToolUse, matcher = "Bash")]
//! async fn no_rm_rf(input: PreToolUse<BashInput>) -> HookOutput {
//!     if input.tool_input.command.contains("rm -rf") {
//!         HookOutput::deny("not here")
//!     } else {
//!         HookOutput::proceed()
//!     }
//! }
//!
//! #[tokio::main]
//! async fn main() -> Result<()> {
//!     let options = Options::builder().allowed_tools(["mcp__text__line_count"]).build();
//!     let mut messages = query("How many lines has 'a\nb'?", options);
//!     while let Some(message) = messages.next().await {
//!         if let Message::Result(result) = message? {
//!             println!("{:?}", result.result);
//!         }
//!     }
//!     Ok(())
//! }
//! ```

pub use crate::agents::{Agent, MainAgent, agent};
pub use crate::hooks::{Hook, HookEvent, HookMatcher, HookOutput, hook};
pub use crate::options::PermissionMode;
pub use crate::permissions::{PermissionRequest, PermissionResult};
pub use crate::protocol::{ContentBlock, Message, ResultMessage};
pub use crate::tools::{Json, Tool, ToolContext, ToolError, tool};
pub use crate::{Client, Error, Options, Result, SessionHandle, query, query_as};
pub use futures::StreamExt as _;
