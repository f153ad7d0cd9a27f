//! [`ToolServer`]: one named MCP server made of tools.

use std::borrow::Cow;
use std::fmt;
use std::panic::Location;
use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use serde_json::{Map, Value};

use super::descriptor::invoke;
use super::hints::{check_hints, meta};
use super::{
    DynamicTool, Tool, ToolAnnotations, ToolContext, ToolDescriptor, ToolResult, input_schema,
    validate_tool_name,
};
use crate::{Error, Result};

pub(crate) type CallFn = dyn Fn(Value, ToolContext) -> BoxFuture<'static, ToolResult> + Send + Sync;

/// One tool inside a server, with its schema computed once.
pub(crate) struct ToolEntry {
    pub(crate) name: Cow<'static, str>,
    pub(crate) description: Cow<'static, str>,
    pub(crate) annotations: ToolAnnotations,
    pub(crate) timeout: Option<Duration>,
    pub(crate) schema: Arc<Map<String, Value>>,
    pub(crate) defined_at: (&'static str, u32),
    pub(crate) call: Arc<CallFn>,
    /// `None`: the server's [`ToolServer::always_load`] choice.
    pub(crate) always_load: Option<bool>,
    pub(crate) search_hint: Option<Cow<'static, str>>,
    pub(crate) max_result_size_chars: Option<u32>,
}

/// A named set of tools served as one in-process MCP server (the model sees each tool as
/// `mcp__<server>__<tool>`).
///
/// Build it explicitly with [`ToolServer::tool`], or from the tools `#[tool]` registered under a
/// server name with [`ToolServer::from_registered`] (or all of them, grouped, with
/// [`registered_servers`]). Hand it to the options as an [`McpServerConfig`](crate::mcp::McpServerConfig)
/// (`From` is implemented), or serve it to any MCP client over stdio with
/// [`ToolServer::serve_stdio`].
///
/// A server never holds two tools with the same name: adding one fails with an error naming
/// both definitions.
///
/// # Examples
///
/// ```
/// use std::time::Duration;
/// use claude_agent::mcp::McpServerConfig;
/// use claude_agent::tools::{Tool, ToolContext, ToolServer};
///
/// #[derive(Default)]
/// struct Now;
/// impl Tool for Now {
///     const NAME: &'static str = "now";
///     const DESCRIPTION: &'static str = "The current Unix time.";
///     type Input = serde_json::Map<String, serde_json::Value>;
///     type Output = String;
///     async fn call(&self, _: Self::Input, _: ToolContext) -> String {
///         format!("{:?}", std::time::SystemTime::now())
///     }
/// }
///
/// let server = ToolServer::new("clock").timeout(Duration::from_secs(5)).tool(Now)?;
/// assert!(ToolServer::new("clock").tool(Now)?.tool(Now).is_err()); // duplicate name
/// let config: McpServerConfig = server.into();
/// # Ok::<(), claude_agent::Error>(())
/// ```
#[derive(Clone)]
pub struct ToolServer {
    name: String,
    version: String,
    timeout: Option<Duration>,
    always_load: bool,
    tools: Vec<Arc<ToolEntry>>,
}

impl ToolServer {
    /// An empty server called `name` (reported as `serverInfo.name`, version `1.0.0`).
    pub fn new(name: impl Into<String>) -> Self {
        ToolServer {
            name: name.into(),
            version: "1.0.0".to_owned(),
            timeout: None,
            always_load: true,
            tools: Vec::new(),
        }
    }

    /// The tools `#[tool]` registered with `server = "<name>"` (or every tool registered without
    /// a server, for [`ToolDescriptor::DEFAULT_SERVER`]), sorted by name.
    ///
    /// Fails if two of them share a name, or if none is registered under `name`.
    pub fn from_registered(name: impl Into<String>) -> Result<Self> {
        let mut server = ToolServer::new(name);
        for descriptor in super::registered_tools() {
            if descriptor.server == server.name {
                server = server.descriptor(descriptor)?;
            }
        }
        if server.tools.is_empty() {
            let known: Vec<&str> = registered_server_names();
            return Err(Error::invalid_option(
                "tools",
                format!(
                    "no tool is registered for server `{}` (registered servers: {}); tools from \
                     another crate need `use that_crate as _;`",
                    server.name,
                    if known.is_empty() {
                        "none".to_owned()
                    } else {
                        known.join(", ")
                    }
                ),
            ));
        }
        Ok(server)
    }

    /// Sets the version reported in `serverInfo`.
    pub fn version(mut self, version: impl Into<String>) -> Self {
        self.version = version.into();
        self
    }

    /// Sets a time limit for each call of a tool that has no limit of its own. A call that runs
    /// longer is abandoned (its cancellation token is cancelled and its future dropped) and
    /// the model receives an error result.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Whether this server's tools are offered to the model directly when the CLI's tool search
    /// is on (`true`, the default), or deferred behind `ToolSearch` until the model searches
    /// for them (`false`). A tool's own [`always_load`](super::ToolHints::always_load) wins.
    ///
    /// Sent as `_meta["anthropic/alwaysLoad"]` on each tool in `tools/list`; see
    /// [`tool_search`](crate::OptionsBuilder::tool_search) for what the CLI does with it.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::tools::ToolServer;
    ///
    /// // A large catalogue the model should search rather than see up front.
    /// let catalogue = ToolServer::new("catalogue").always_load(false);
    /// # let _ = catalogue;
    /// ```
    pub fn always_load(mut self, always_load: bool) -> Self {
        self.always_load = always_load;
        self
    }

    /// Adds a tool value (it may hold state). Fails on an invalid or duplicate name.
    #[track_caller]
    pub fn tool<T: Tool>(self, tool: T) -> Result<Self> {
        let caller = Location::caller();
        let tool = Arc::new(tool);
        let call: Arc<CallFn> = Arc::new(move |args, cx| {
            let tool = Arc::clone(&tool);
            Box::pin(async move { invoke(&*tool, args, cx).await })
        });
        self.push(ToolEntry {
            name: Cow::Borrowed(T::NAME),
            description: Cow::Borrowed(T::DESCRIPTION),
            annotations: T::ANNOTATIONS,
            timeout: T::TIMEOUT,
            schema: Arc::new(input_schema::<T::Input>()),
            defined_at: (caller.file(), caller.line()),
            call,
            always_load: T::HINTS.always_load,
            search_hint: T::HINTS.search_hint.map(Cow::Borrowed),
            max_result_size_chars: T::HINTS.max_result_size_chars,
        })
    }

    /// Adds a tool defined at run time (see [`DynamicTool`]). Fails on a duplicate name or an
    /// invalid hint (a blank search hint, a zero maximum result size).
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::tools::{DynamicTool, ToolServer};
    /// use serde_json::json;
    ///
    /// let shout = DynamicTool::new(
    ///     "shout",
    ///     "Upper-cases a text.",
    ///     json!({"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}),
    ///     |args, _cx| async move { args["text"].as_str().unwrap_or_default().to_uppercase() },
    /// )?;
    /// let server = ToolServer::new("text").dynamic_tool(shout)?;
    /// assert_eq!(server.tool_names().collect::<Vec<_>>(), ["shout"]);
    /// # Ok::<(), claude_agent::Error>(())
    /// ```
    pub fn dynamic_tool(self, tool: DynamicTool) -> Result<Self> {
        self.push(tool.into_entry())
    }

    /// Adds a tool from its descriptor (whatever its `server` field says). Fails on an invalid
    /// or duplicate name.
    pub fn descriptor(self, descriptor: &ToolDescriptor) -> Result<Self> {
        let call = descriptor.call;
        self.push(ToolEntry {
            name: Cow::Borrowed(descriptor.name),
            description: Cow::Borrowed(descriptor.description),
            annotations: descriptor.annotations,
            timeout: descriptor.timeout,
            schema: Arc::new((descriptor.schema)()),
            defined_at: descriptor.defined_at,
            call: Arc::new(call),
            always_load: descriptor.hints.always_load,
            search_hint: descriptor.hints.search_hint.map(Cow::Borrowed),
            max_result_size_chars: descriptor.hints.max_result_size_chars,
        })
    }

    fn push(mut self, entry: ToolEntry) -> Result<Self> {
        validate_tool_name(&entry.name).map_err(|reason| {
            Error::invalid_option(
                "tools",
                format!("{reason} (defined at {})", at(entry.defined_at)),
            )
        })?;
        check_hints(entry.search_hint.as_deref(), entry.max_result_size_chars).map_err(
            |reason| {
                Error::invalid_option(
                    "tools",
                    format!(
                        "tool `{}`: {reason} (defined at {})",
                        entry.name,
                        at(entry.defined_at)
                    ),
                )
            },
        )?;
        if let Some(first) = self.tools.iter().find(|t| t.name == entry.name) {
            return Err(Error::invalid_option(
                "tools",
                format!(
                    "duplicate tool `{}` in server `{}`: defined at {} and at {}",
                    entry.name,
                    self.name,
                    at(first.defined_at),
                    at(entry.defined_at)
                ),
            ));
        }
        self.tools.push(Arc::new(entry));
        Ok(self)
    }

    /// The server's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The version reported in `serverInfo`.
    pub fn server_version(&self) -> &str {
        &self.version
    }

    /// The names of its tools, in the order they were added.
    pub fn tool_names(&self) -> impl Iterator<Item = &str> + '_ {
        self.tools.iter().map(|t| t.name.as_ref())
    }

    /// How many tools it has.
    pub fn len(&self) -> usize {
        self.tools.len()
    }

    /// Whether it has no tools.
    pub fn is_empty(&self) -> bool {
        self.tools.is_empty()
    }

    /// The MCP `tools/list` entries (`name`, `description`, `inputSchema`, `annotations`, and
    /// `_meta` with the [`ToolHints`](super::ToolHints)).
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::tools::{DynamicTool, ToolServer};
    ///
    /// let ping = DynamicTool::new("ping", "Answers pong.", serde_json::json!({"type": "object"}),
    ///     |_, _| async { "pong" })?
    ///     .search_hint("health check");
    /// let listed = ToolServer::new("util").dynamic_tool(ping)?.list();
    /// assert_eq!(listed[0]["_meta"]["anthropic/alwaysLoad"], true);
    /// assert_eq!(listed[0]["_meta"]["anthropic/searchHint"], "health check");
    /// # Ok::<(), claude_agent::Error>(())
    /// ```
    pub fn list(&self) -> Vec<Value> {
        self.tools
            .iter()
            .map(|t| t.to_wire(self.always_load))
            .collect()
    }

    /// Calls tool `name` with JSON `args`, applying the time limit and turning a panic into an
    /// error result. `None` if there is no such tool.
    ///
    /// # Examples
    ///
    /// ```
    /// # use claude_agent::tools::{Tool, ToolContext, ToolServer};
    /// # #[derive(Default)] struct Echo;
    /// # impl Tool for Echo {
    /// #     const NAME: &'static str = "echo";
    /// #     const DESCRIPTION: &'static str = "Echo.";
    /// #     type Input = serde_json::Value;
    /// #     type Output = serde_json::Value;
    /// #     async fn call(&self, v: serde_json::Value, _: ToolContext) -> serde_json::Value { v }
    /// # }
    /// # tokio::runtime::Runtime::new().unwrap().block_on(async {
    /// let server = ToolServer::new("demo").tool(Echo).unwrap();
    /// let call = server.call("echo", serde_json::json!("hi"), ToolContext::new()).unwrap();
    /// assert_eq!(call.await.text_content(), "hi");
    /// assert!(server.call("missing", serde_json::json!({}), ToolContext::new()).is_none());
    /// # });
    /// ```
    pub fn call(
        &self,
        name: &str,
        args: Value,
        cx: ToolContext,
    ) -> Option<BoxFuture<'static, ToolResult>> {
        let entry = Arc::clone(self.tools.iter().find(|t| t.name == name)?);
        let timeout = entry.timeout.or(self.timeout);
        Some(Box::pin(super::exec::run(entry, timeout, args, cx)))
    }
}

impl ToolEntry {
    fn to_wire(&self, server_always_load: bool) -> Value {
        let mut map = Map::new();
        map.insert("name".into(), self.name.as_ref().into());
        if let Some(title) = self.annotations.title {
            map.insert("title".into(), title.into());
        }
        map.insert("description".into(), self.description.as_ref().into());
        map.insert("inputSchema".into(), Value::Object((*self.schema).clone()));
        if let Some(annotations) = self.annotations.to_wire() {
            map.insert("annotations".into(), annotations);
        }
        let always_load = self.always_load.unwrap_or(server_always_load);
        map.insert(
            "_meta".into(),
            meta(
                always_load,
                self.search_hint.as_deref(),
                self.max_result_size_chars,
            ),
        );
        Value::Object(map)
    }
}

impl fmt::Debug for ToolServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ToolServer")
            .field("name", &self.name)
            .field("version", &self.version)
            .field("timeout", &self.timeout)
            .field("always_load", &self.always_load)
            .field("tools", &self.tool_names().collect::<Vec<_>>())
            .finish()
    }
}

fn at((file, line): (&'static str, u32)) -> String {
    format!("{file}:{line}")
}

fn registered_server_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = super::registered_tools().iter().map(|d| d.server).collect();
    names.dedup();
    names
}

/// Every registered tool (see [`registered_tools`](super::registered_tools)), grouped into one
/// [`ToolServer`] per `server` name, sorted by server name. Tools registered without a server
/// are in the server named [`ToolDescriptor::DEFAULT_SERVER`] (`"tools"`).
///
/// Fails if two tools of one server share a name; the error names both definitions.
///
/// # Examples
///
/// (A standalone doctest: merged doctests share one registry, which holds every doctest's tools.)
///
/// ```rust,standalone_crate
/// use claude_agent::tools::{registered_servers, tool};
///
/// /// Say hello.
/// #[tool(server = "greeter")]
/// async fn hello(name: String) -> String {
///     format!("Hello, {name}!")
/// }
///
/// let servers = registered_servers()?;
/// assert_eq!(servers.len(), 1);
/// assert_eq!(servers[0].name(), "greeter");
/// assert_eq!(servers[0].tool_names().collect::<Vec<_>>(), ["hello"]);
/// # Ok::<(), claude_agent::Error>(())
/// ```
pub fn registered_servers() -> Result<Vec<ToolServer>> {
    group(&super::registered_tools())
}

/// Groups descriptors into servers sorted by name, each server's tools sorted by name.
pub(crate) fn group(descriptors: &[&ToolDescriptor]) -> Result<Vec<ToolServer>> {
    let mut sorted = descriptors.to_vec();
    sorted.sort_by_key(|d| (d.server, d.name, d.defined_at));
    let mut servers: Vec<ToolServer> = Vec::new();
    for descriptor in sorted {
        let server = match servers.pop() {
            Some(last) if last.name == descriptor.server => last,
            Some(last) => {
                servers.push(last);
                ToolServer::new(descriptor.server)
            }
            None => ToolServer::new(descriptor.server),
        };
        servers.push(server.descriptor(descriptor)?);
    }
    Ok(servers)
}
