//! The `Agent` tool (formerly `Task`): start a subagent.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::tool_input;
use crate::wire::{count, opt_count};

/// Input of the `Agent` tool (formerly `Task`): start a subagent.
///
/// # Examples
///
/// ```
/// use claude_agent::builtin::{AgentInput, ToolInput};
///
/// let input: AgentInput = serde_json::from_value(serde_json::json!({
///     "description": "Review", "prompt": "Review the diff", "subagent_type": "code-reviewer"
/// })).unwrap();
/// assert_eq!(input.subagent_type.as_deref(), Some("code-reviewer"));
/// assert_eq!(AgentInput::TOOL_NAME, "Agent");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct AgentInput {
    /// A short description of the task.
    pub description: String,
    /// The subagent's prompt.
    pub prompt: String,
    /// Which subagent to run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subagent_type: Option<String>,
    /// Model alias (`sonnet`, `opus`, `haiku`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Effort level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effort: Option<String>,
    /// Id of an earlier agent to resume.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resume: Option<String>,
    /// Run the agent in the background.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub run_in_background: Option<bool>,
    /// Turn limit.
    #[serde(
        deserialize_with = "opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub max_turns: Option<u64>,
    /// The agent's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The team the agent joins.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team_name: Option<String>,
    /// Permission mode of the agent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// Isolation (`worktree`, `remote`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub isolation: Option<String>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
tool_input!(AgentInput, "Agent", aliases = ["Task"]);

/// A text block of a subagent's answer ([`AgentOutput`]'s `content`); the message content block
/// is [`protocol::TextBlock`](crate::protocol::TextBlock).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct AgentTextBlock {
    /// Always `text` for now.
    #[serde(rename = "type")]
    pub kind: String,
    /// The text.
    pub text: String,
}

/// Token usage of a finished subagent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct AgentUsage {
    /// Input tokens.
    #[serde(deserialize_with = "count")]
    pub input_tokens: u64,
    /// Output tokens.
    #[serde(deserialize_with = "count")]
    pub output_tokens: u64,
    /// Tokens written to the prompt cache.
    #[serde(
        deserialize_with = "opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub cache_creation_input_tokens: Option<u64>,
    /// Tokens read from the prompt cache.
    #[serde(
        deserialize_with = "opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub cache_read_input_tokens: Option<u64>,
    /// Other usage fields (`server_tool_use`, `service_tier`, `cache_creation`, ...).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Output of the `Agent` tool, by `status`.
///
/// # Examples
///
/// ```
/// use claude_agent::builtin::AgentOutput;
///
/// let out: AgentOutput = serde_json::from_value(serde_json::json!({
///     "status": "async_launched", "agentId": "a1", "description": "d", "prompt": "p",
///     "outputFile": "/tmp/a1.out"
/// })).unwrap();
/// assert!(matches!(out, AgentOutput::AsyncLaunched { ref output_file, .. } if output_file == "/tmp/a1.out"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "status",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
#[non_exhaustive]
pub enum AgentOutput {
    /// The agent finished.
    Completed {
        /// The agent's id.
        #[serde(default)]
        agent_id: String,
        /// Its final answer.
        #[serde(default)]
        content: Vec<AgentTextBlock>,
        /// How many tools it used.
        #[serde(default, deserialize_with = "count")]
        total_tool_use_count: u64,
        /// How long it ran.
        #[serde(default, deserialize_with = "count")]
        total_duration_ms: u64,
        /// Tokens it used.
        #[serde(default, deserialize_with = "count")]
        total_tokens: u64,
        /// Detailed usage.
        #[serde(default)]
        usage: AgentUsage,
        /// The prompt it ran.
        #[serde(default)]
        prompt: String,
    },
    /// The agent was started in the background.
    AsyncLaunched {
        /// The agent's id.
        #[serde(default)]
        agent_id: String,
        /// The task's description.
        #[serde(default)]
        description: String,
        /// The prompt it runs.
        #[serde(default)]
        prompt: String,
        /// Where its output goes.
        #[serde(default)]
        output_file: String,
        /// Whether the caller may read the output file.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        can_read_output_file: Option<bool>,
    },
    /// An interactive subagent took over.
    SubAgentEntered {
        /// The task's description.
        #[serde(default)]
        description: String,
        /// What the CLI said.
        #[serde(default)]
        message: String,
    },
    /// A status this SDK version does not know, verbatim.
    #[serde(untagged)]
    Other(Value),
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn agent_output_parses_each_status_and_keeps_unknown_ones() {
        let done: AgentOutput = serde_json::from_value(json!({
            "status": "completed", "agentId": "a1", "content": [{"type": "text", "text": "done"}],
            "totalToolUseCount": 2, "totalDurationMs": 10, "totalTokens": 30,
            "usage": {"input_tokens": 10, "output_tokens": 20, "cache_read_input_tokens": null,
                      "service_tier": "standard"},
            "prompt": "p"
        }))
        .unwrap();
        let AgentOutput::Completed { content, usage, .. } = &done else {
            panic!("{done:?}")
        };
        assert_eq!(content[0].text, "done");
        assert_eq!(
            (usage.output_tokens, usage.cache_read_input_tokens),
            (20, None)
        );
        assert_eq!(usage.extra["service_tier"], "standard");

        let entered: AgentOutput = serde_json::from_value(
            json!({"status": "sub_agent_entered", "description": "d", "message": "m"}),
        )
        .unwrap();
        assert!(matches!(entered, AgentOutput::SubAgentEntered { .. }));

        let raw = json!({"status": "teleported", "where": "mars"});
        let future: AgentOutput = serde_json::from_value(raw.clone()).unwrap();
        assert_eq!(future, AgentOutput::Other(raw.clone()));
        assert_eq!(serde_json::to_value(&future).unwrap(), raw);
    }
}
