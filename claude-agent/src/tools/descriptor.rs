//! [`ToolDescriptor`]: a tool as compile-time data, and the link-time registry of them.

use std::time::Duration;

use futures::future::BoxFuture;
use serde_json::{Map, Value};

use super::{
    IntoToolResult, Tool, ToolAnnotations, ToolContext, ToolHints, ToolResult, input_schema,
};

/// Everything needed to list and call one tool, built at compile time: only `&'static` data and
/// function pointers, so `#[tool]` can register it with `inventory`.
///
/// Build one with [`ToolDescriptor::of`]. `#[tool]` does that for you and submits it to the
/// registry read by [`registered_tools`] and [`ToolServer::from_registered`](super::ToolServer::from_registered).
///
/// # Examples
///
/// ```
/// use claude_agent::tools::{Tool, ToolContext, ToolDescriptor};
///
/// #[derive(Default)]
/// struct Ping;
/// impl Tool for Ping {
///     const NAME: &'static str = "ping";
///     const DESCRIPTION: &'static str = "Answers pong.";
///     type Input = serde_json::Map<String, serde_json::Value>;
///     type Output = &'static str;
///     async fn call(&self, _: Self::Input, _: ToolContext) -> &'static str {
///         "pong"
///     }
/// }
///
/// static PING: ToolDescriptor = ToolDescriptor::of::<Ping>("util", file!(), line!());
/// assert_eq!((PING.server, PING.name), ("util", "ping"));
/// # tokio::runtime::Runtime::new().unwrap().block_on(async {
/// let result = (PING.call)(serde_json::json!({}), ToolContext::new()).await;
/// assert_eq!(result.text_content(), "pong");
/// # });
/// ```
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct ToolDescriptor {
    /// The server the tool belongs to ([`ToolDescriptor::DEFAULT_SERVER`] unless chosen).
    pub server: &'static str,
    /// The tool's name.
    pub name: &'static str,
    /// What the tool does, for the model.
    pub description: &'static str,
    /// Behaviour hints.
    pub annotations: ToolAnnotations,
    /// Claude Code's per-tool hints.
    pub hints: ToolHints,
    /// The tool's own time limit per call, if any.
    pub timeout: Option<Duration>,
    /// Builds the input JSON Schema (called once per server).
    pub schema: fn() -> Map<String, Value>,
    /// Decodes the arguments and runs the tool; bad arguments give an `isError` result.
    pub call: fn(Value, ToolContext) -> BoxFuture<'static, ToolResult>,
    /// Where the tool is defined (`file!()`, `line!()`), for duplicate reports.
    pub defined_at: (&'static str, u32),
}

impl ToolDescriptor {
    /// The server name `#[tool]` uses when none is given: `"tools"` (so the model sees
    /// `mcp__tools__<name>`).
    pub const DEFAULT_SERVER: &'static str = "tools";

    /// The descriptor of tool `T` in `server`, defined at `file`:`line`.
    pub const fn of<T: Tool + Default>(
        server: &'static str,
        file: &'static str,
        line: u32,
    ) -> Self {
        ToolDescriptor {
            server,
            name: T::NAME,
            description: T::DESCRIPTION,
            annotations: T::ANNOTATIONS,
            hints: T::HINTS,
            timeout: T::TIMEOUT,
            schema: input_schema::<T::Input>,
            call: call_default::<T>,
            defined_at: (file, line),
        }
    }
}

fn call_default<T: Tool + Default>(args: Value, cx: ToolContext) -> BoxFuture<'static, ToolResult> {
    Box::pin(async move { invoke(&T::default(), args, cx).await })
}

/// Decodes `args` into `T::Input` and runs `tool`; undecodable arguments become an error result
/// the model can act on.
pub(crate) async fn invoke<T: Tool>(tool: &T, args: Value, cx: ToolContext) -> ToolResult {
    let input = match serde_json::from_value::<T::Input>(args) {
        Ok(input) => input,
        Err(error) => {
            return ToolResult::error(format!("invalid arguments for tool `{}`: {error}", T::NAME));
        }
    };
    tool.call(input, cx).await.into_tool_result()
}

#[cfg(feature = "inventory")]
inventory::collect!(ToolDescriptor);

/// Every tool registered with `#[tool]` in this binary, sorted by `(server, name)`.
///
/// Registration happens at link time (feature `inventory`, on by default); without the feature
/// this is always empty. Tools defined in another crate are only linked in if this binary uses
/// that crate: add `use my_tools as _;` if it does not otherwise.
///
/// # Examples
///
/// ```
/// for tool in claude_agent::tools::registered_tools() {
///     println!("mcp__{}__{} ({}:{})", tool.server, tool.name, tool.defined_at.0, tool.defined_at.1);
/// }
/// ```
pub fn registered_tools() -> Vec<&'static ToolDescriptor> {
    #[cfg(feature = "inventory")]
    let mut tools: Vec<&'static ToolDescriptor> =
        inventory::iter::<ToolDescriptor>.into_iter().collect();
    #[cfg(not(feature = "inventory"))]
    let mut tools: Vec<&'static ToolDescriptor> = Vec::new();
    tools.sort_by_key(|tool| (tool.server, tool.name, tool.defined_at));
    tools
}
