//! [`OptionsBuilder`]: choosing among link-time registrations (`#[tool]`, `#[hook]`).
//! The rules are in `options/registered.rs`.

use crate::hooks::HookRegistry;
use crate::mcp::McpServerConfig;
use crate::options::OptionsBuilder;
use crate::tools::ToolServer;

impl OptionsBuilder {
    /// Leaves out every registered `#[hook]`, `#[tool]` and `#[agent]`: only what this builder
    /// adds is used.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::Options;
    ///
    /// let bare = Options::builder().no_registered().build();
    /// # let _ = bare;
    /// ```
    pub fn no_registered(self) -> Self {
        self.no_registered_hooks()
            .no_registered_tools()
            .no_registered_agents()
    }

    /// Leaves out the registered `#[hook]`s (hooks added with [`hook`](Self::hook) still apply).
    pub fn no_registered_hooks(mut self) -> Self {
        self.options.registered.hooks = false;
        self
    }

    /// Leaves out the registered `#[tool]` servers (servers added with
    /// [`mcp_server`](Self::mcp_server) still apply).
    pub fn no_registered_tools(mut self) -> Self {
        self.options.registered.tools = false;
        self
    }

    /// Uses exactly these typed hooks instead of every registered one (hooks added with
    /// [`hook`](Self::hook) still apply).
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::hooks::{HookOutput, HookRegistry, UserPromptSubmit, hook_fn};
    /// use claude_agent::Options;
    ///
    /// let note_length = hook_fn(|input: UserPromptSubmit| async move {
    ///     HookOutput::default().with_additional_context(format!("{} chars", input.prompt.len()))
    /// });
    /// let options = Options::builder().hooks(HookRegistry::new().adapter(note_length)).build();
    /// # let _ = options;
    /// ```
    pub fn hooks(mut self, registry: HookRegistry) -> Self {
        self.options.registered.hooks = false;
        for (event, matchers) in registry.into_map() {
            self.options
                .hooks
                .extend(matchers.into_iter().map(|m| (event.clone(), m)));
        }
        self
    }

    /// Serves this set of tools as an in-process MCP server (tools reach the model as
    /// `mcp__<server>__<tool>`), instead of the registered `#[tool]` servers. Call it once per
    /// server; servers added with [`mcp_server`](Self::mcp_server) still apply.
    pub fn tool_server(mut self, server: ToolServer) -> Self {
        self.options.registered.tools = false;
        let name = server.name().to_owned();
        self.options
            .mcp_servers
            .insert(name, McpServerConfig::from(server));
        self
    }
}
