//! [`OptionsBuilder`]: tools, permissions, hooks, MCP servers, prompt, model and agents.
//!
//! The other setters, by topic: `session.rs` (session and settings), `process.rs` (the CLI
//! process, credentials and runtime limits), `runtime.rs` (newer CLIs' run-time settings),
//! `agents.rs`, `registered.rs` (link-time registrations) and `sessions_store.rs`.

mod agents;
mod process;
mod registered;
mod runtime;
mod session;
mod sessions_store;

use std::sync::Arc;

use super::{
    AgentDefinition, Effort, Opaque, Options, OutputFormat, PermissionMode, PermissionPrompts,
    Skills, SystemPrompt, ThinkingConfig, ThinkingDisplay, Tools,
};
use crate::hooks::{HookEvent, HookMatcher};
use crate::mcp::McpServerConfig;
use crate::permissions::CanUseTool;

/// Builds [`Options`] with chained setters; [`build`](OptionsBuilder::build) never fails (the
/// options are checked when the session starts).
///
/// # Examples
///
/// ```
/// use claude_agent::Options;
/// use claude_agent::options::Effort;
///
/// let options = Options::builder()
///     .model("sonnet")
///     .effort(Effort::High)
///     .disallowed_tools(["WebFetch"])
///     .build();
/// # let _ = options;
/// ```
#[derive(Debug, Clone, Default)]
pub struct OptionsBuilder {
    pub(super) options: Options,
}

impl From<Options> for OptionsBuilder {
    fn from(options: Options) -> Self {
        OptionsBuilder { options }
    }
}

fn strings<I, S>(items: I) -> impl Iterator<Item = String>
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    items.into_iter().map(Into::into)
}

impl OptionsBuilder {
    /// Finishes building.
    pub fn build(self) -> Options {
        self.options
    }

    /// Restricts the built-in tools (`--tools`): a list, [`Tools::none`] or [`Tools::Preset`].
    pub fn tools(mut self, tools: impl Into<Tools>) -> Self {
        self.options.tools = Some(tools.into());
        self
    }

    /// Adds permission rules that auto-approve tools (`--allowedTools`), e.g. `Read` or
    /// `Bash(git status)`. This does not restrict the tool set. Repeated calls add rules.
    pub fn allowed_tools<I, S>(mut self, rules: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.options.allowed_tools.extend(strings(rules));
        self
    }

    /// Adds rules that always deny tools (`--disallowedTools`); they win over every allow rule
    /// and permission mode. Repeated calls add rules.
    pub fn disallowed_tools<I, S>(mut self, rules: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.options.disallowed_tools.extend(strings(rules));
        self
    }

    /// Enables skills: [`Skills::All`] or a list. Adds `Skill` / `Skill(name)` to the allowed
    /// tools and, unless [`setting_sources`](Self::setting_sources) is set, loads the `user` and
    /// `project` settings where skills live.
    pub fn skills(mut self, skills: Skills) -> Self {
        self.options.skills = Some(skills);
        self
    }

    /// Sets the permission mode (`--permission-mode`).
    pub fn permission_mode(mut self, mode: PermissionMode) -> Self {
        self.options.permission_mode = Some(mode);
        self
    }

    /// Makes [`PermissionMode::BypassPermissions`] available
    /// (`--allow-dangerously-skip-permissions`). Running as root, the CLI also needs
    /// `IS_SANDBOX=1` in its environment.
    pub fn allow_dangerously_skip_permissions(mut self, allow: bool) -> Self {
        self.options.allow_dangerously_skip_permissions = allow;
        self
    }

    /// Names an MCP tool that answers permission prompts (`--permission-prompt-tool`). Cannot be
    /// combined with [`can_use_tool`](Self::can_use_tool).
    pub fn permission_prompt_tool_name(mut self, tool: impl Into<String>) -> Self {
        self.options.permission_prompt_tool_name = Some(tool.into());
        self
    }

    /// Who answers permission prompts (`--permission-prompts`).
    ///
    /// Needs a newer CLI: see [compatibility](crate::compatibility).
    pub fn permission_prompts(mut self, prompts: PermissionPrompts) -> Self {
        self.options.permission_prompts = Some(prompts);
        self
    }

    /// Decides tool permissions in code (`--permission-prompt-tool stdio`; the CLI then sends
    /// `can_use_tool` requests). Cannot be combined with
    /// [`permission_prompt_tool_name`](Self::permission_prompt_tool_name).
    pub fn can_use_tool(mut self, callback: impl CanUseTool) -> Self {
        self.options.can_use_tool = Some(Opaque(Arc::new(callback)));
        self
    }

    /// Registers a hook matcher for an event (sent in `initialize.hooks`). Several matchers per
    /// event are allowed; they keep their order.
    pub fn hook(mut self, event: HookEvent, matcher: HookMatcher) -> Self {
        self.options.hooks.push((event, matcher));
        self
    }

    /// Adds (or replaces) an MCP server. External servers go to `--mcp-config`; in-process
    /// servers ([`McpServerConfig::Sdk`]) are declared in `initialize.sdkMcpServers`.
    pub fn mcp_server(mut self, name: impl Into<String>, config: McpServerConfig) -> Self {
        self.options.mcp_servers.insert(name.into(), config);
        self
    }

    /// Adds several MCP servers.
    pub fn mcp_servers<I, S>(mut self, servers: I) -> Self
    where
        I: IntoIterator<Item = (S, McpServerConfig)>,
        S: Into<String>,
    {
        self.options.mcp_servers.extend(
            servers
                .into_iter()
                .map(|(name, config)| (name.into(), config)),
        );
        self
    }

    /// Uses only the MCP servers given here, ignoring every other MCP configuration
    /// (`--strict-mcp-config`).
    pub fn strict_mcp_config(mut self, strict: bool) -> Self {
        self.options.strict_mcp_config = strict;
        self
    }

    /// Sets the system prompt (default: the CLI's minimal SDK prompt).
    pub fn system_prompt(mut self, prompt: impl Into<SystemPrompt>) -> Self {
        self.options.system_prompt = Some(prompt.into());
        self
    }

    /// Adds several subagents (sent in `initialize.agents`).
    pub fn agents<I, S>(mut self, agents: I) -> Self
    where
        I: IntoIterator<Item = (S, AgentDefinition)>,
        S: Into<String>,
    {
        self.options
            .agents
            .extend(agents.into_iter().map(|(name, def)| (name.into(), def)));
        self
    }

    /// Adds (or replaces) one subagent.
    pub fn agent_definition(
        mut self,
        name: impl Into<String>,
        definition: AgentDefinition,
    ) -> Self {
        self.options.agents.insert(name.into(), definition);
        self
    }

    /// Runs the main thread as this agent (`--agent`); it must be defined with
    /// [`agent_definition`](Self::agent_definition) or in settings.
    pub fn agent(mut self, name: impl Into<String>) -> Self {
        self.options.agent = Some(name.into());
        self
    }

    /// Sets the model (`--model`): an alias such as `sonnet` or a full model id.
    pub fn model(mut self, model: impl Into<String>) -> Self {
        self.options.model = Some(model.into());
        self
    }

    /// Sets the model(s) to fall back to when the main model is unavailable
    /// (`--fallback-model`; newer CLIs accept a comma-separated list). Must differ from
    /// [`model`](Self::model).
    pub fn fallback_model(mut self, model: impl Into<String>) -> Self {
        self.options.fallback_model = Some(model.into());
        self
    }

    /// Limits the agentic turns (`--max-turns`); exceeding it ends with an `error_max_turns`
    /// result.
    pub fn max_turns(mut self, turns: u32) -> Self {
        self.options.max_turns = Some(turns);
        self
    }

    /// Limits the spend in US dollars (`--max-budget-usd`); must be finite and not negative.
    pub fn max_budget_usd(mut self, usd: f64) -> Self {
        self.options.max_budget_usd = Some(usd);
        self
    }

    /// Sets a total token budget for the task (`--task-budget`).
    pub fn task_budget(mut self, tokens: u64) -> Self {
        self.options.task_budget = Some(tokens);
        self
    }

    /// Configures extended thinking; takes precedence over
    /// [`max_thinking_tokens`](Self::max_thinking_tokens).
    pub fn thinking(mut self, thinking: ThinkingConfig) -> Self {
        self.options.thinking = Some(thinking);
        self
    }

    /// How thinking is shown (`--thinking-display`).
    pub fn thinking_display(mut self, display: ThinkingDisplay) -> Self {
        self.options.thinking_display = Some(display);
        self
    }

    /// Deprecated: use [`thinking`](Self::thinking). Sets the thinking budget
    /// (`--max-thinking-tokens`); `0` turns thinking off.
    #[deprecated(note = "use `thinking(ThinkingConfig::..)` instead")]
    pub fn max_thinking_tokens(mut self, tokens: u32) -> Self {
        self.options.max_thinking_tokens = Some(tokens);
        self
    }

    /// Sets the effort level (`--effort`).
    pub fn effort(mut self, effort: Effort) -> Self {
        self.options.effort = Some(effort);
        self
    }

    /// Sets the output format (structured output, sent as `initialize.jsonSchema`).
    pub fn output_format(mut self, format: OutputFormat) -> Self {
        self.options.output_format = Some(format);
        self
    }

    /// Structured output with this JSON Schema (an object); shorthand for
    /// [`output_format`](Self::output_format).
    pub fn json_schema(self, schema: serde_json::Value) -> Self {
        self.output_format(OutputFormat::JsonSchema { schema })
    }

    /// Adds beta headers for API requests (`--betas`, one flag per beta; API-key users only).
    pub fn betas<I, S>(mut self, betas: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.options.betas.extend(strings(betas));
        self
    }

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
