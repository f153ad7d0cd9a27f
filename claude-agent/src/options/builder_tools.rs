//! [`OptionsBuilder`]: how the model finds MCP tools (the CLI's deferred "tool search").

use super::OptionsBuilder;

impl OptionsBuilder {
    /// Chooses whether the CLI defers tools behind its `ToolSearch` tool (`ENABLE_TOOL_SEARCH`).
    ///
    /// With tool search on, newer CLIs (2.1.330) leave MCP tools and some built-in tools out of
    /// the model's tool list; the model first calls `ToolSearch` to load the ones it wants. With
    /// it off, every tool is offered directly.
    ///
    /// Default (not called): when the session starts with in-process MCP servers (`#[tool]`
    /// servers, [`tool_server`](Self::tool_server), `McpServerConfig::Sdk`), tool search is
    /// turned **off**, so the model sees the tools you wrote for it without a search step;
    /// otherwise the CLI's own default applies. An `ENABLE_TOOL_SEARCH` set with
    /// [`env`](Self::env) (or inherited from this process) is respected by the default. An
    /// explicit call wins over both. Servers added later with `Client::set_mcp_servers` do not
    /// change the choice made at start.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::Options;
    ///
    /// // Many MCP tools: let the model search for the ones it needs.
    /// let options = Options::builder().tool_search(true).build();
    /// # let _ = options;
    /// ```
    pub fn tool_search(mut self, enabled: bool) -> Self {
        self.options.tool_search = Some(enabled);
        self
    }
}
