//! Link-time registrations (`#[tool]`, `#[hook]`, `#[agent]`) and how a session includes them.
//!
//! Rules, in one place:
//! - By default a session includes every registered hook and every registered tool server
//!   (`hooks::registered_hooks()`, `tools::registered_servers()`).
//! - Selecting explicitly replaces the registry for that kind: [`OptionsBuilder::hooks`] for hooks,
//!   [`OptionsBuilder::tool_server`] for tools. [`OptionsBuilder::no_registered`] (or the
//!   `_hooks` / `_tools` variants) turns the registry off without selecting anything.
//! - Hand-written additions never turn the registry off: [`OptionsBuilder::hook`] adds a matcher,
//!   [`OptionsBuilder::mcp_server`] adds a server. A configured server name wins over a registered
//!   server of the same name.
//! - Subagents follow the same rules: [`OptionsBuilder::subagent`] selects (and turns the agent
//!   registry off), [`OptionsBuilder::agent_definition`] only adds.
//!
//! [`OptionsBuilder::hooks`]: super::OptionsBuilder::hooks
//! [`OptionsBuilder::tool_server`]: super::OptionsBuilder::tool_server
//! [`OptionsBuilder::no_registered`]: super::OptionsBuilder::no_registered
//! [`OptionsBuilder::hook`]: super::OptionsBuilder::hook
//! [`OptionsBuilder::subagent`]: super::OptionsBuilder::subagent
//! [`OptionsBuilder::agent_definition`]: super::OptionsBuilder::agent_definition
//! [`OptionsBuilder::mcp_server`]: super::OptionsBuilder::mcp_server

use std::borrow::Cow;

use super::Options;
use crate::Result;
use crate::mcp::McpServerConfig;

/// Which registries a session draws from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Registered {
    pub(crate) hooks: bool,
    pub(crate) tools: bool,
    pub(crate) agents: bool,
}

impl Default for Registered {
    fn default() -> Self {
        Registered {
            hooks: true,
            tools: true,
            agents: true,
        }
    }
}

impl Options {
    /// These options with the registered hooks and tool servers merged in, as the session uses
    /// them. Borrowed unchanged when there is nothing to add.
    pub(crate) fn with_registrations(&self) -> Result<Cow<'_, Options>> {
        let hooks = if self.registered.hooks {
            crate::hooks::registered_matchers()?
        } else {
            Default::default()
        };
        let servers = if self.registered.tools {
            crate::tools::registered_servers()?
        } else {
            Vec::new()
        };
        let servers: Vec<_> = servers
            .into_iter()
            .filter(|s| !self.mcp_servers.contains_key(s.name()))
            .collect();
        let agents: Vec<_> = if self.registered.agents {
            crate::agents::registered_definitions()?
                .into_iter()
                .filter(|(name, _)| !self.agents.contains_key(name))
                .collect()
        } else {
            Vec::new()
        };
        if hooks.is_empty() && servers.is_empty() && agents.is_empty() {
            return Ok(Cow::Borrowed(self));
        }
        let mut merged = self.clone();
        for (event, matchers) in hooks {
            merged
                .hooks
                .extend(matchers.into_iter().map(|m| (event.clone(), m)));
        }
        merged.agents.extend(agents);
        for server in servers {
            merged
                .mcp_servers
                .insert(server.name().to_owned(), McpServerConfig::from(server));
        }
        Ok(Cow::Owned(merged))
    }
}

#[cfg(all(test, feature = "inventory"))]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use crate::Options;

    fn sdk_servers(options: Options) -> Vec<String> {
        let mut names: Vec<String> = options
            .launch_plan()
            .unwrap()
            .sdk_mcp_servers
            .into_keys()
            .collect();
        names.sort();
        names
    }

    // This test binary registers `#[tool]`s (the tools module's tests), so the registry is not
    // empty here.
    #[test]
    fn registered_tool_servers_are_included_unless_opted_out() {
        let registered: Vec<String> = crate::tools::registered_servers()
            .unwrap()
            .iter()
            .map(|s| s.name().to_owned())
            .collect();
        assert!(!registered.is_empty(), "the tools tests register #[tool]s");
        let included = sdk_servers(Options::builder().build());
        for name in &registered {
            assert!(included.contains(name), "{name} missing from {included:?}");
        }
        assert!(sdk_servers(Options::builder().no_registered().build()).is_empty());
        assert!(sdk_servers(Options::builder().no_registered_tools().build()).is_empty());
        let explicit = crate::tools::ToolServer::new("mine");
        assert_eq!(
            sdk_servers(Options::builder().tool_server(explicit).build()),
            vec!["mine".to_owned()]
        );
    }
}
