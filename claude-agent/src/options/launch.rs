//! Turning [`Options`] into a [`LaunchPlan`]: argv, environment, working directory and the
//! `initialize` body, after checking every value.

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::argv::{Argv, check_no_nul, path_str};
use super::{
    Options, SettingSource, Skills, ThinkingConfig, Tools, env, extra_args, initialize, runtime,
};
use crate::hooks::HookCallback;
use crate::mcp::SdkMcpServer;
use crate::permissions::{CanUseTool, ElicitationHandler, UserDialogHandler};
use crate::transport::CliVersion;
use crate::{Error, Result};

/// Everything the engine needs to start and initialize one CLI session.
pub(crate) struct LaunchPlan {
    /// The arguments, starting with the invariant stream-json flags.
    pub args: Vec<String>,
    /// Start from an empty environment instead of inheriting this process's.
    pub clear_env: bool,
    /// Variables to set (`Some`) or remove (`None`), applied in order.
    pub env: Vec<(String, Option<String>)>,
    /// The working directory.
    pub cwd: Option<PathBuf>,
    /// The `initialize` request body without `subtype`.
    pub initialize: Map<String, Value>,
    /// Hook callback id (`hook_0`, ...) → callback; the ids appear in `initialize.hooks`.
    pub hook_callbacks: HashMap<String, Arc<dyn HookCallback>>,
    /// The permission callback, when `--permission-prompt-tool stdio` is used.
    pub can_use_tool: Option<Arc<dyn CanUseTool>>,
    /// In-process MCP servers by name; the names appear in `initialize.sdkMcpServers`.
    pub sdk_mcp_servers: HashMap<String, Arc<dyn SdkMcpServer>>,
    /// Answers MCP elicitations.
    pub elicitation: Option<Arc<dyn ElicitationHandler>>,
    /// Renders user dialogs.
    pub user_dialog: Option<Arc<dyn UserDialogHandler>>,
    /// Send every prompt with `client_composed`.
    pub verbatim_prompts: bool,
    /// The OS user to run the CLI as.
    pub user: Option<String>,
    /// Mirror transcripts into this store.
    pub session_store: Option<Arc<dyn crate::sessions::store::SessionStore>>,
    /// Restore this session from the store before starting (`resume` with a store).
    pub restore: Option<String>,
    /// The longest a restore may take.
    pub store_load_timeout: std::time::Duration,
    /// The store's project key, when fixed.
    pub store_project: Option<String>,
}

impl fmt::Debug for LaunchPlan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut hooks: Vec<_> = self.hook_callbacks.keys().collect();
        hooks.sort();
        let mut servers: Vec<_> = self.sdk_mcp_servers.keys().collect();
        servers.sort();
        f.debug_struct("LaunchPlan")
            .field("args", &self.args)
            .field("clear_env", &self.clear_env)
            .field("env", &super::EnvEntries(self.env.clone()))
            .field("cwd", &self.cwd)
            .field("initialize", &self.initialize)
            .field("hook_callbacks", &hooks)
            .field("can_use_tool", &self.can_use_tool.is_some())
            .field("sdk_mcp_servers", &servers)
            .finish()
    }
}

impl Options {
    /// Checks every option and computes how the CLI is started, not knowing its version.
    pub(crate) fn launch_plan(&self) -> Result<LaunchPlan> {
        self.launch_plan_for(None)
    }

    /// Checks every option and computes how the CLI at `version` is started.
    pub(crate) fn launch_plan_for(&self, version: Option<&CliVersion>) -> Result<LaunchPlan> {
        self.with_registrations()?.plan(version)
    }

    /// Whether the plan depends on the CLI's version (something may go in `initialize`).
    pub(crate) fn plan_depends_on_version(&self) -> bool {
        let external = self
            .mcp_servers
            .values()
            .any(|config| config.to_wire().is_some());
        external || !self.plugins.is_empty() || self.runtime.managed_settings.is_some()
    }

    fn plan(&self, version: Option<&CliVersion>) -> Result<LaunchPlan> {
        self.validate()?;
        let deliveries = self.runtime.deliveries(version)?;
        let mut init = initialize::build(self)?;
        let mut argv = Argv::new();
        self.push_tool_flags(&mut argv)?;
        self.push_model_flags(&mut argv)?;
        self.push_session_flags(&mut argv)?;
        self.push_settings_flags(&mut argv, &deliveries, &mut init.body)?;
        self.push_output_flags(&mut argv)?;
        extra_args::append(&mut argv, &self.extra_args)?;
        extra_args::append_unchecked(&mut argv, &self.runtime.unchecked_args)?;
        if self.runtime.session_store.is_some() && !argv.has("--session-mirror") {
            argv.flag("--session-mirror");
        }
        if deliveries.mcp_servers || deliveries.plugins || deliveries.managed_settings {
            argv.flag("--await-initialize");
        }

        let cwd = self
            .cwd
            .as_deref()
            .map(|p| path_str("cwd", p))
            .transpose()?;
        let inherit = self.inherit_env.unwrap_or(true);
        let parent = |key: &str| std::env::var(key).ok();
        let env = env::build(&env::EnvInputs {
            inherit,
            user: &self.env.0,
            allowed: &self.allowed_env,
            cwd,
            file_checkpointing: self.enable_file_checkpointing,
            client_app: self.client_app.as_deref(),
            tool_search: self.tool_search,
            parent: &parent,
        })?;
        let mut env = env;
        env.extend(self.runtime.env());
        Ok(LaunchPlan {
            args: argv.into_vec(),
            clear_env: !inherit,
            env,
            cwd: self.cwd.clone(),
            initialize: init.body,
            hook_callbacks: init.hook_callbacks,
            can_use_tool: self.can_use_tool.as_ref().map(|cb| Arc::clone(&cb.0)),
            sdk_mcp_servers: init.sdk_mcp_servers,
            elicitation: self.runtime.elicitation(),
            user_dialog: self.runtime.user_dialog(),
            verbatim_prompts: self.runtime.verbatim_prompts,
            user: self.runtime.user.clone(),
            session_store: self.runtime.session_store(),
            restore: self
                .resume
                .clone()
                .filter(|_| self.runtime.session_store.is_some()),
            store_load_timeout: self
                .runtime
                .session_store_load_timeout
                .unwrap_or(std::time::Duration::from_secs(60)),
            store_project: self.runtime.session_store_project.clone(),
        })
    }

    /// Checks that span several options.
    fn validate(&self) -> Result<()> {
        if self.can_use_tool.is_some() && self.permission_prompt_tool_name.is_some() {
            return Err(Error::invalid_option(
                "can_use_tool",
                "`can_use_tool` and `permission_prompt_tool_name` are mutually exclusive",
            ));
        }
        if self.fallback_model.is_some() && self.fallback_model == self.model {
            return Err(Error::invalid_option(
                "fallback_model",
                "the fallback model must differ from the main model",
            ));
        }
        if let Some(usd) = self.max_budget_usd
            && !(usd.is_finite() && usd >= 0.0)
        {
            return Err(Error::invalid_option(
                "max_budget_usd",
                format!("{usd} is not a finite, non-negative amount"),
            ));
        }
        if let Some(id) = &self.session_id
            && !is_uuid(id)
        {
            return Err(Error::invalid_option(
                "session_id",
                format!("{id:?} is not a UUID (the CLI requires one)"),
            ));
        }
        let resuming = self.resume.is_some() || self.continue_conversation;
        if self.resume.is_some() && self.continue_conversation {
            return Err(Error::invalid_option(
                "continue_conversation",
                "`continue_conversation` and `resume` are mutually exclusive",
            ));
        }
        if self.session_id.is_some() && resuming && !self.fork_session {
            return Err(Error::invalid_option(
                "session_id",
                "a session id with `resume` or `continue_conversation` needs `fork_session`",
            ));
        }
        if self.fork_session && !resuming {
            return Err(Error::invalid_option(
                "fork_session",
                "`fork_session` needs `resume` or `continue_conversation`",
            ));
        }
        if self.resume_session_at.is_some() && self.resume.is_none() {
            return Err(Error::invalid_option("resume_session_at", "needs `resume`"));
        }
        if self.resume_drops_turn.is_some() && self.resume_session_at.is_none() {
            return Err(Error::invalid_option(
                "resume_drops_turn",
                "needs `resume_session_at`",
            ));
        }
        for (option, value) in [
            ("model", &self.model),
            ("fallback_model", &self.fallback_model),
            ("agent", &self.agent),
            ("resume", &self.resume),
            (
                "permission_prompt_tool_name",
                &self.permission_prompt_tool_name,
            ),
        ] {
            if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
                return Err(Error::invalid_option(option, "the value is empty"));
            }
        }
        for name in self.mcp_servers.keys() {
            if name.trim().is_empty() {
                return Err(Error::invalid_option(
                    "mcp_servers",
                    "a server name is empty",
                ));
            }
        }
        if self.max_line_bytes == Some(0) {
            return Err(Error::invalid_option(
                "max_line_bytes",
                "must be at least 1",
            ));
        }
        Ok(())
    }

    fn push_tool_flags(&self, argv: &mut Argv) -> Result<()> {
        match &self.tools {
            Some(Tools::List(names)) => argv.value("tools", "--tools", &names.join(","))?,
            Some(Tools::Preset) => argv.value("tools", "--tools", "default")?,
            None => {}
        }
        let mut allowed = self.allowed_tools.clone();
        match &self.skills {
            Some(Skills::All) => allowed.push("Skill".to_owned()),
            Some(Skills::List(names)) => {
                allowed.extend(names.iter().map(|name| format!("Skill({name})")));
            }
            None => {}
        }
        if !allowed.is_empty() {
            argv.value("allowed_tools", "--allowedTools", &allowed.join(","))?;
        }
        if !self.disallowed_tools.is_empty() {
            argv.value(
                "disallowed_tools",
                "--disallowedTools",
                &self.disallowed_tools.join(","),
            )?;
        }
        if let Some(mode) = &self.permission_mode {
            argv.value("permission_mode", "--permission-mode", mode.as_str())?;
        }
        if self.allow_dangerously_skip_permissions {
            argv.flag("--allow-dangerously-skip-permissions");
        }
        if self.can_use_tool.is_some() {
            argv.value("can_use_tool", "--permission-prompt-tool", "stdio")?;
        } else if let Some(tool) = &self.permission_prompt_tool_name {
            argv.value(
                "permission_prompt_tool_name",
                "--permission-prompt-tool",
                tool,
            )?;
        }
        if let Some(prompts) = &self.permission_prompts {
            argv.value(
                "permission_prompts",
                "--permission-prompts",
                prompts.as_str(),
            )?;
        }
        Ok(())
    }

    fn push_model_flags(&self, argv: &mut Argv) -> Result<()> {
        if let Some(model) = &self.model {
            argv.value("model", "--model", model)?;
        }
        if let Some(model) = &self.fallback_model {
            argv.value("fallback_model", "--fallback-model", model)?;
        }
        if let Some(agent) = &self.agent {
            argv.value("agent", "--agent", agent)?;
        }
        if let Some(turns) = self.max_turns {
            argv.value("max_turns", "--max-turns", &turns.to_string())?;
        }
        if let Some(usd) = self.max_budget_usd {
            argv.value("max_budget_usd", "--max-budget-usd", &usd.to_string())?;
        }
        if let Some(tokens) = self.task_budget {
            argv.value("task_budget", "--task-budget", &tokens.to_string())?;
        }
        match (self.thinking, self.max_thinking_tokens) {
            (Some(ThinkingConfig::Adaptive), _) => {
                argv.value("thinking", "--thinking", "adaptive")?
            }
            (Some(ThinkingConfig::Disabled), _) | (None, Some(0)) => {
                argv.value("thinking", "--thinking", "disabled")?;
            }
            (Some(ThinkingConfig::Enabled { budget_tokens: n }), _) | (None, Some(n)) => {
                argv.value("thinking", "--max-thinking-tokens", &n.to_string())?;
            }
            (None, None) => {}
        }
        if let Some(display) = &self.thinking_display {
            argv.value("thinking_display", "--thinking-display", display.as_str())?;
        }
        if let Some(effort) = &self.effort {
            argv.value("effort", "--effort", effort.as_str())?;
        }
        for beta in &self.betas {
            argv.value("betas", "--betas", beta)?;
        }
        Ok(())
    }

    fn push_session_flags(&self, argv: &mut Argv) -> Result<()> {
        if self.continue_conversation {
            argv.flag("--continue");
        }
        if let Some(id) = &self.resume {
            argv.attached("resume", "--resume", id)?;
        }
        if self.fork_session {
            argv.flag("--fork-session");
        }
        if let Some(uuid) = &self.resume_session_at {
            argv.attached("resume_session_at", "--resume-session-at", uuid)?;
        }
        if let Some(uuid) = &self.resume_drops_turn {
            argv.attached("resume_drops_turn", "--resume-drops-turn", uuid)?;
        }
        if let Some(id) = &self.session_id {
            argv.attached("session_id", "--session-id", id)?;
        }
        if self.persist_session == Some(false) {
            argv.flag("--no-session-persistence");
        }
        Ok(())
    }

    fn push_settings_flags(
        &self,
        argv: &mut Argv,
        deliveries: &runtime::Deliveries,
        body: &mut Map<String, Value>,
    ) -> Result<()> {
        let sources = match (&self.setting_sources, &self.skills) {
            (Some(sources), _) => sources.clone(),
            // Skills live in the user and project settings directories.
            (None, Some(_)) => vec![SettingSource::User, SettingSource::Project],
            (None, None) => Vec::new(),
        };
        let sources: Vec<&str> = sources.iter().map(SettingSource::as_str).collect();
        argv.attached("setting_sources", "--setting-sources", &sources.join(","))?;
        if let Some(settings) = self.settings_arg()? {
            argv.value("settings", "--settings", &settings)?;
        }
        for dir in &self.add_dirs {
            argv.path("add_dir", "--add-dir", dir)?;
        }
        if deliveries.plugins && !self.plugins.is_empty() {
            let mut list = Vec::new();
            for plugin in &self.plugins {
                let super::PluginConfig::Local { path } = plugin;
                let path = path_str("plugins", path)?;
                list.push(serde_json::json!({"type": "local", "path": path}));
            }
            body.insert("plugins".into(), Value::Array(list));
        } else {
            for plugin in &self.plugins {
                match plugin {
                    super::PluginConfig::Local { path } => {
                        argv.path("plugins", "--plugin-dir", path)?;
                    }
                }
            }
        }
        self.runtime
            .push_managed_settings(deliveries.managed_settings, argv, body)?;
        if let Some(root) = &self.project_config_root {
            argv.path("project_config_root", "--project-config-root", root)?;
        }
        let external: Map<String, Value> = self
            .mcp_servers
            .iter()
            .filter_map(|(name, config)| config.to_wire().map(|wire| (name.clone(), wire)))
            .collect();
        if !external.is_empty() && deliveries.mcp_servers {
            // Off the command line: secrets in `env` and `headers` stay out of `ps`.
            body.insert("mcpServers".into(), Value::Object(external));
        } else if !external.is_empty() {
            let mut config = Map::new();
            config.insert("mcpServers".into(), Value::Object(external));
            argv.value(
                "mcp_servers",
                "--mcp-config",
                &Value::Object(config).to_string(),
            )?;
        }
        if self.strict_mcp_config {
            argv.flag("--strict-mcp-config");
        }
        Ok(())
    }

    fn push_output_flags(&self, argv: &mut Argv) -> Result<()> {
        if self.include_partial_messages {
            argv.flag("--include-partial-messages");
        }
        if self.include_hook_events {
            argv.flag("--include-hook-events");
        }
        match &self.debug {
            Some(None) => argv.flag("--debug"),
            Some(Some(filter)) => argv.attached("debug", "--debug", filter)?,
            None => {}
        }
        if let Some(path) = &self.debug_file {
            argv.path("debug_file", "--debug-file", path)?;
        }
        Ok(())
    }

    /// The `--settings` value: the user's settings, with `sandbox` merged in when set.
    fn settings_arg(&self) -> Result<Option<String>> {
        let settings = self.settings.as_deref();
        if let Some(text) = settings {
            check_no_nul("settings", text)?;
        }
        let Some(sandbox) = &self.sandbox else {
            if let Some(text) = settings.filter(|s| looks_like_json(s)) {
                parse_settings_object(text)?;
            }
            return Ok(settings.map(str::to_owned));
        };
        if !sandbox.is_object() {
            return Err(Error::invalid_option(
                "sandbox",
                "the sandbox settings must be a JSON object",
            ));
        }
        let mut merged = match settings {
            None => Map::new(),
            Some(text) if looks_like_json(text) => parse_settings_object(text)?,
            Some(path) => {
                let mut full = PathBuf::from(path);
                if let (true, Some(cwd)) = (full.is_relative(), &self.cwd) {
                    full = cwd.join(full);
                }
                let text = std::fs::read_to_string(&full).map_err(|e| {
                    Error::invalid_option(
                        "settings",
                        format!(
                            "cannot read the settings file {} to merge `sandbox`: {e}",
                            full.display()
                        ),
                    )
                })?;
                parse_settings_object(&text)?
            }
        };
        merged.insert("sandbox".into(), sandbox.clone());
        Ok(Some(Value::Object(merged).to_string()))
    }
}

fn looks_like_json(text: &str) -> bool {
    text.trim_start().starts_with('{')
}

fn parse_settings_object(text: &str) -> Result<Map<String, Value>> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(Error::invalid_option(
            "settings",
            "the settings must be a JSON object",
        )),
        Err(e) => Err(Error::invalid_option(
            "settings",
            format!("the settings are not valid JSON: {e}"),
        )),
    }
}

/// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hex digits.
fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(group, len)| group.len() == len && group.chars().all(|c| c.is_ascii_hexdigit()))
}
