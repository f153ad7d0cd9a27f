//! `assistant` messages: what the model said, one content block per frame.

use serde::{Deserialize, Serialize};

use super::RawJson;
use super::content::{ContentBlock, ToolUseBlock};
use super::raw::impl_raw;
use super::usage::Usage;
use crate::wire::nullable;
use crate::wire::wire_enum;

/// `{"type":"assistant"}`: a model response.
///
/// The CLI prints **one `assistant` frame per content block**: a response with a text block and a
/// tool call arrives as two frames sharing [`ApiMessage::id`]. Group by that id if you need whole
/// responses. `message.stop_reason` is usually `null` on stdout.
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
///
/// let line = r#"{"type":"assistant","message":{"id":"msg_1","role":"assistant","model":"claude-opus-4-8",
///   "content":[{"type":"text","text":"Hello"}]},"parent_tool_use_id":null,"session_id":"s1","uuid":"u1"}"#;
/// let Message::Assistant(reply) = Message::from_json(line).unwrap() else { panic!() };
/// assert_eq!(reply.text(), "Hello");
/// assert_eq!(reply.tool_uses().count(), 0);
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct AssistantMessage {
    /// The API message (one content block on current CLIs).
    pub message: ApiMessage,
    /// Set when the message comes from a subagent: the id of the `Agent`/`Task` tool call that
    /// started it.
    #[serde(default)]
    pub parent_tool_use_id: Option<String>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id in the session transcript.
    #[serde(default)]
    pub uuid: Option<String>,
    /// Set when the message reports an API failure instead of model output.
    #[serde(default)]
    pub error: Option<AssistantError>,
    /// When the CLI recorded the message (ISO 8601; newer CLIs).
    #[serde(default)]
    pub timestamp: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

impl_raw!(AssistantMessage);

impl AssistantMessage {
    /// The text blocks, concatenated.
    pub fn text(&self) -> String {
        self.message.text()
    }

    /// The tool calls in this message.
    pub fn tool_uses(&self) -> impl Iterator<Item = &ToolUseBlock> {
        self.message
            .content
            .iter()
            .filter_map(ContentBlock::as_tool_use)
    }
}

/// The Messages API message inside an [`AssistantMessage`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ApiMessage {
    /// The API message id (`msg_…`); shared by the frames of one response.
    #[serde(default, deserialize_with = "nullable")]
    pub id: String,
    /// The model that answered; `<synthetic>` for messages the CLI made up.
    #[serde(default, deserialize_with = "nullable")]
    pub model: String,
    /// Always `assistant`.
    #[serde(default, deserialize_with = "nullable")]
    pub role: String,
    /// The content blocks.
    #[serde(default, deserialize_with = "nullable")]
    pub content: Vec<ContentBlock>,
    /// Why the model stopped (`end_turn`, `tool_use`, …); usually `null` on stdout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_reason: Option<String>,
    /// The stop sequence that ended the response, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_sequence: Option<String>,
    /// Token usage of the API call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<Usage>,
}

impl ApiMessage {
    /// The text blocks, concatenated.
    pub fn text(&self) -> String {
        self.content
            .iter()
            .filter_map(ContentBlock::as_text)
            .collect()
    }
}

wire_enum! {
    /// Why an [`AssistantMessage`] carries an error instead of model output.
    pub enum AssistantError {
        /// The API key or login was rejected.
        AuthenticationFailed = "authentication_failed",
        /// A billing problem.
        BillingError = "billing_error",
        /// Rate limited.
        RateLimit = "rate_limit",
        /// The API rejected the request.
        InvalidRequest = "invalid_request",
        /// The API failed.
        ServerError = "server_error",
        /// The response hit the output token limit.
        MaxOutputTokens = "max_output_tokens",
        /// The CLI could not classify the error (wire value `unknown`).
        Unknown = "unknown",
    }
}
