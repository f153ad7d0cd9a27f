//! The option → flag mapping for tools and permissions, model and thinking, sessions and
//! output (settings, plugins and MCP servers are in `settings.rs`).

use super::argv::Argv;
use crate::Result;
use crate::options::{Options, Skills, ThinkingConfig, Tools};

impl Options {
    pub(super) fn push_tool_flags(&self, argv: &mut Argv) -> Result<()> {
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

    pub(super) fn push_model_flags(&self, argv: &mut Argv) -> Result<()> {
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

    pub(super) fn push_session_flags(&self, argv: &mut Argv) -> Result<()> {
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

    pub(super) fn push_output_flags(&self, argv: &mut Argv) -> Result<()> {
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
}
