//! [`OptionsBuilder`]: how the model finds MCP tools (the CLI's deferred "tool search").

use super::OptionsBuilder;

impl OptionsBuilder {
    /// Chooses whether the CLI defers tools behind its `ToolSearch` tool (`ENABLE_TOOL_SEARCH`)
    /// for the whole session.
    ///
    /// With tool search on, the CLI leaves MCP tools and some built-in tools out of the model's
    /// first tool list; the model calls `ToolSearch` to load the ones it wants. With it off,
    /// every tool is offered directly.
    ///
    /// Default (not called): the CLI decides (or an `ENABLE_TOOL_SEARCH` set with
    /// [`env`](Self::env) or inherited from this process). Measured against the real CLIs with a
    /// local `ANTHROPIC_BASE_URL`: 2.1.330 has tool search on (the model is offered 10 built-in
    /// tools plus `ToolSearch` instead of 21); 2.1.197 has it off unless `ENABLE_TOOL_SEARCH`
    /// is set.
    ///
    /// Either way, the tools of in-process servers ([`tool_server`](Self::tool_server),
    /// `#[tool]`, [`DynamicTool`](crate::tools::DynamicTool)) are offered to the model
    /// directly: each is listed with `_meta["anthropic/alwaysLoad"]: true`, which both CLIs
    /// (2.1.197 and 2.1.330) honour per tool while the rest stays deferred. Opt a tool out with
    /// `#[tool(always_load = false)]`, [`ToolHints::always_load`](crate::tools::ToolHints) or
    /// [`DynamicTool::always_load`](crate::tools::DynamicTool::always_load), or a whole server
    /// with [`ToolServer::always_load`](crate::tools::ToolServer::always_load). A server you
    /// serve with [`SdkBridge::from_rmcp`](crate::mcp::SdkBridge::from_rmcp), or an external
    /// one, is listed as it lists itself: without `anthropic/alwaysLoad` in its tools' `_meta`
    /// the CLI defers them when tool search is on. An explicit call here wins over the
    /// environment.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::Options;
    ///
    /// // Many MCP tools: let the model search for the ones it needs (ours stay loaded).
    /// let options = Options::builder().tool_search(true).build();
    /// # let _ = options;
    /// ```
    pub fn tool_search(mut self, enabled: bool) -> Self {
        self.options.tool_search = Some(enabled);
        self
    }
}
