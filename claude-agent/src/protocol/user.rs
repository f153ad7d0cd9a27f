//! `user` messages printed by the CLI: tool results, replays, interrupt markers.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::RawJson;
use super::content::{ContentBlock, ToolResultBlock};
use super::message_content::MessageContent;
use super::raw::impl_raw;
use crate::wire::nullable;

/// `{"type":"user"}` on stdout.
///
/// The CLI prints user messages for tool results (with the tool's structured output in
/// [`tool_use_result`](Self::tool_use_result)), for replayed prompts and local command output
/// ([`is_replay`](Self::is_replay)), for synthetic messages such as a compaction summary
/// ([`is_synthetic`](Self::is_synthetic)), and for interrupt markers
/// (`[Request interrupted by user]`).
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
///
/// let line = r#"{"type":"user","message":{"role":"user","content":[{"type":"tool_result",
///   "tool_use_id":"toolu_1","content":"hi","is_error":false}]},"parent_tool_use_id":null,
///   "session_id":"s1","uuid":"u2","tool_use_result":{"stdout":"hi"}}"#;
/// let Message::User(user) = Message::from_json(line).unwrap() else { panic!() };
/// let result = user.tool_results().next().unwrap();
/// assert_eq!((result.tool_use_id.as_str(), result.text().as_str()), ("toolu_1", "hi"));
/// assert!(!user.is_replay);
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct UserMessage {
    /// The message itself.
    pub message: UserMessageBody,
    /// Set for messages inside a subagent: the id of the tool call that started it.
    #[serde(default)]
    pub parent_tool_use_id: Option<String>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id in the session transcript.
    #[serde(default)]
    pub uuid: Option<String>,
    /// A replay of a message (prompt echo with `--replay-user-messages`, local command output).
    #[serde(default, rename = "isReplay", deserialize_with = "nullable")]
    pub is_replay: bool,
    /// A message the CLI generated rather than the user (e.g. a compaction summary).
    #[serde(default, rename = "isSynthetic", deserialize_with = "nullable")]
    pub is_synthetic: bool,
    /// The tool's structured output for a tool result (Bash: `{stdout, stderr, …}`, an MCP
    /// content array, or an error string).
    #[serde(default)]
    pub tool_use_result: Option<Value>,
    /// When the CLI recorded the message (ISO 8601).
    #[serde(default)]
    pub timestamp: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

impl_raw!(UserMessage);

impl UserMessage {
    /// The text: the plain-string content, or the text blocks joined.
    pub fn text(&self) -> String {
        self.message.content.text()
    }

    /// The tool results in this message.
    pub fn tool_results(&self) -> impl Iterator<Item = &ToolResultBlock> {
        self.message
            .content
            .blocks()
            .iter()
            .filter_map(ContentBlock::as_tool_result)
    }
}

/// The `message` of a [`UserMessage`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UserMessageBody {
    /// Always `user`.
    #[serde(default, deserialize_with = "nullable")]
    pub role: String,
    /// A plain string or content blocks.
    #[serde(default)]
    pub content: MessageContent,
}
