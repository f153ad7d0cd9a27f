//! Checks that span several options, run before any flag is computed.

use crate::options::Options;
use crate::{Error, Result};

impl Options {
    /// Checks that span several options.
    pub(super) fn validate(&self) -> Result<()> {
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
