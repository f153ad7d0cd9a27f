//! Inputs of the session, prompt and stop events.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{HookBase, event_input};
pub use crate::protocol::CompactTrigger;
use crate::wire::opt_count as opt_u64;
use crate::wire::wire_enum;

wire_enum! {
    default;
    /// Why a session started.
    pub enum SessionStartSource {
        /// A new session.
        Startup = "startup",
        /// `--resume` / `--continue`.
        Resume = "resume",
        /// After `/clear`.
        Clear = "clear",
        /// After compaction.
        Compact = "compact",
        /// A forked session.
        Fork = "fork",
    }
}

event_input! {
    /// Input of `UserPromptSubmit`: a prompt is about to be sent to the model.
    UserPromptSubmit {
        /// The prompt.
        prompt: String,
        /// Who wrote it (`user`, `sdk`, `system`, `loop_wakeup`, ...).
        #[serde(skip_serializing_if = "Option::is_none")]
        source: Option<String>,
    }
}

event_input! {
    /// Input of `UserPromptExpansion`: a slash command or MCP prompt was expanded.
    UserPromptExpansion {
        /// `slash_command` or `mcp_prompt`.
        expansion_type: String,
        /// The command's name.
        command_name: String,
        /// The command's arguments.
        command_args: String,
        /// Where the command comes from.
        #[serde(skip_serializing_if = "Option::is_none")]
        command_source: Option<String>,
        /// The expanded prompt.
        prompt: String,
    }
}

event_input! {
    /// Input of `SessionStart`.
    SessionStart {
        /// Why the session started.
        source: SessionStartSource,
        /// The model.
        #[serde(skip_serializing_if = "Option::is_none")]
        model: Option<String>,
        /// The session's title.
        #[serde(skip_serializing_if = "Option::is_none")]
        session_title: Option<String>,
        /// On resume: seconds since the last assistant response.
        #[serde(skip_serializing_if = "Option::is_none")]
        seconds_since_last_response: Option<f64>,
        /// On resume: the size of the resumed context in tokens.
        #[serde(deserialize_with = "opt_u64", skip_serializing_if = "Option::is_none")]
        context_tokens: Option<u64>,
        /// On resume: whether the prompt cache has probably expired.
        #[serde(skip_serializing_if = "Option::is_none")]
        prompt_cache_likely_expired: Option<bool>,
    }
}

event_input! {
    /// Input of `SessionEnd`.
    SessionEnd {
        /// Why it ended (`clear`, `resume`, `logout`, `prompt_input_exit`, `other`).
        reason: String,
    }
}

event_input! {
    /// Input of `Setup`.
    Setup {
        /// `init` or `maintenance`.
        trigger: String,
    }
}

event_input! {
    /// Input of `Stop`: the main agent is about to end its turn.
    Stop {
        /// Whether a Stop hook already made the agent continue (avoid loops when true).
        stop_hook_active: bool,
        /// The text of the last assistant message.
        #[serde(skip_serializing_if = "Option::is_none")]
        last_assistant_message: Option<String>,
        /// Background work still in flight.
        background_tasks: Vec<Value>,
        /// Session-scoped cron tasks that will wake the session.
        session_crons: Vec<Value>,
    }
}

event_input! {
    /// Input of `StopFailure`: the turn ended with an API error.
    StopFailure {
        /// The error kind (`rate_limit`, `overloaded`, `authentication_failed`, ...).
        error: String,
        /// Details of the error.
        #[serde(skip_serializing_if = "Option::is_none")]
        error_details: Option<String>,
        /// The text of the last assistant message.
        #[serde(skip_serializing_if = "Option::is_none")]
        last_assistant_message: Option<String>,
    }
}

event_input! {
    /// Input of `SubagentStart`. The subagent's id and type are in `base.agent_id` /
    /// `base.agent_type`.
    SubagentStart {}
}

event_input! {
    /// Input of `SubagentStop`. The subagent's id and type are in `base.agent_id` /
    /// `base.agent_type`.
    SubagentStop {
        /// Whether a stop hook already made the subagent continue.
        stop_hook_active: bool,
        /// The subagent's transcript.
        agent_transcript_path: String,
        /// The text of its last assistant message.
        #[serde(skip_serializing_if = "Option::is_none")]
        last_assistant_message: Option<String>,
        /// Background work still in flight.
        background_tasks: Vec<Value>,
        /// Session-scoped cron tasks.
        session_crons: Vec<Value>,
    }
}

event_input! {
    /// Input of `PreCompact`.
    PreCompact {
        /// What triggered it.
        trigger: CompactTrigger,
        /// Instructions given to `/compact`.
        custom_instructions: Option<String>,
    }
}

event_input! {
    /// Input of `PostCompact`.
    PostCompact {
        /// What triggered it.
        trigger: CompactTrigger,
        /// The summary compaction produced.
        compact_summary: String,
    }
}

event_input! {
    /// Input of `Notification`.
    Notification {
        /// The notification's text.
        message: String,
        /// Its title.
        #[serde(skip_serializing_if = "Option::is_none")]
        title: Option<String>,
        /// Its kind.
        notification_type: String,
    }
}
