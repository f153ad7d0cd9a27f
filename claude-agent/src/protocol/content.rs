//! Content blocks of assistant and user messages (the Messages API shapes the CLI forwards).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::message_content::{MessageContent, ToolResultContent};
use crate::wire::nullable;

/// One block of message content.
///
/// Decoding never fails on a well-formed JSON object: a block type this crate does not know, or a
/// known type whose fields changed shape, becomes [`ContentBlock::Unknown`] with the block's JSON.
/// Encoding writes the wire shape back (`{"type":"text","text":…}`), so blocks can be sent with
/// [`UserInput::blocks`](crate::protocol::UserInput::blocks).
///
/// # Examples
///
/// ```
/// use claude_agent::protocol::ContentBlock;
///
/// let block: ContentBlock = serde_json::from_str(r#"{"type":"text","text":"hi"}"#).unwrap();
/// assert_eq!(block.as_text(), Some("hi"));
///
/// let future: ContentBlock = serde_json::from_str(r#"{"type":"hologram","frames":3}"#).unwrap();
/// assert!(matches!(future, ContentBlock::Unknown(_)));
/// assert_eq!(future.block_type(), Some("hologram"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ContentBlock {
    /// Plain text.
    Text(TextBlock),
    /// The model's visible reasoning.
    Thinking(ThinkingBlock),
    /// Reasoning the API returned encrypted.
    RedactedThinking(RedactedThinkingBlock),
    /// The model calls a tool.
    ToolUse(ToolUseBlock),
    /// The result of a tool call (in user messages).
    ToolResult(ToolResultBlock),
    /// The model calls a server-side tool (web search, web fetch, …).
    ServerToolUse(ServerToolUseBlock),
    /// Results of the server-side web search tool.
    WebSearchToolResult(ServerToolResultBlock),
    /// Results of the server-side web fetch tool.
    WebFetchToolResult(ServerToolResultBlock),
    /// An image.
    Image(ImageBlock),
    /// A document (PDF, plain text, …).
    Document(DocumentBlock),
    /// A block this crate does not model (or whose shape changed), as sent.
    #[serde(untagged)]
    Unknown(Value),
}

impl ContentBlock {
    /// A text block.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::protocol::ContentBlock;
    ///
    /// let json = serde_json::to_value(ContentBlock::text("hello")).unwrap();
    /// assert_eq!(json, serde_json::json!({"type": "text", "text": "hello"}));
    /// ```
    pub fn text(text: impl Into<String>) -> Self {
        ContentBlock::Text(TextBlock {
            text: text.into(),
            citations: None,
        })
    }

    /// The block's `type` on the wire (`"text"`, `"tool_use"`, …), if it has one.
    pub fn block_type(&self) -> Option<&str> {
        Some(match self {
            ContentBlock::Text(_) => "text",
            ContentBlock::Thinking(_) => "thinking",
            ContentBlock::RedactedThinking(_) => "redacted_thinking",
            ContentBlock::ToolUse(_) => "tool_use",
            ContentBlock::ToolResult(_) => "tool_result",
            ContentBlock::ServerToolUse(_) => "server_tool_use",
            ContentBlock::WebSearchToolResult(_) => "web_search_tool_result",
            ContentBlock::WebFetchToolResult(_) => "web_fetch_tool_result",
            ContentBlock::Image(_) => "image",
            ContentBlock::Document(_) => "document",
            ContentBlock::Unknown(value) => return value.get("type").and_then(Value::as_str),
        })
    }

    /// The text of a [`ContentBlock::Text`] block.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            ContentBlock::Text(block) => Some(&block.text),
            _ => None,
        }
    }

    /// The block as a [`ToolUseBlock`], if it is one.
    pub fn as_tool_use(&self) -> Option<&ToolUseBlock> {
        match self {
            ContentBlock::ToolUse(block) => Some(block),
            _ => None,
        }
    }

    /// The block as a [`ToolResultBlock`], if it is one.
    pub fn as_tool_result(&self) -> Option<&ToolResultBlock> {
        match self {
            ContentBlock::ToolResult(block) => Some(block),
            _ => None,
        }
    }
}

impl From<Value> for ContentBlock {
    /// Decodes a block from JSON; anything that is not a known block becomes `Unknown`.
    fn from(value: Value) -> Self {
        ContentBlock::from_value(value)
    }
}

impl From<&str> for ContentBlock {
    fn from(text: &str) -> Self {
        ContentBlock::text(text)
    }
}

impl From<String> for ContentBlock {
    fn from(text: String) -> Self {
        ContentBlock::text(text)
    }
}

/// `{"type":"text"}`: plain text.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TextBlock {
    /// The text.
    #[serde(default, deserialize_with = "nullable")]
    pub text: String,
    /// Citations attached by the API, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citations: Option<Value>,
}

/// `{"type":"thinking"}`: the model's reasoning.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ThinkingBlock {
    /// The reasoning text.
    #[serde(default, deserialize_with = "nullable")]
    pub thinking: String,
    /// The API's signature over the reasoning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
}

/// `{"type":"redacted_thinking"}`: encrypted reasoning.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RedactedThinkingBlock {
    /// The opaque payload.
    #[serde(default, deserialize_with = "nullable")]
    pub data: String,
}

/// `{"type":"tool_use"}`: the model calls a tool.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ToolUseBlock {
    /// The call's id (`toolu_…`), echoed by the matching [`ToolResultBlock`].
    pub id: String,
    /// The tool's name, e.g. `Bash` or `mcp__calc__add`.
    pub name: String,
    /// The arguments as the model wrote them.
    #[serde(default)]
    pub input: Value,
}

/// `{"type":"tool_result"}`: the result of a tool call.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ToolResultBlock {
    /// The id of the [`ToolUseBlock`] this answers.
    pub tool_use_id: String,
    /// The result: a string or content blocks. Absent for an empty result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<ToolResultContent>,
    /// Whether the tool failed (or was denied).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_error: Option<bool>,
}

impl ToolResultBlock {
    /// The result's text: the string content, or its text blocks joined.
    pub fn text(&self) -> String {
        self.content
            .as_ref()
            .map(MessageContent::text)
            .unwrap_or_default()
    }

    /// Whether the result is marked as an error.
    pub fn is_error(&self) -> bool {
        self.is_error.unwrap_or(false)
    }
}

/// `{"type":"server_tool_use"}`: a call to a tool the API runs itself.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ServerToolUseBlock {
    /// The call's id.
    pub id: String,
    /// The server tool's name, e.g. `web_search`.
    pub name: String,
    /// The arguments.
    #[serde(default)]
    pub input: Value,
}

/// The result of a server-side tool (`web_search_tool_result`, `web_fetch_tool_result`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ServerToolResultBlock {
    /// The id of the [`ServerToolUseBlock`] this answers.
    pub tool_use_id: String,
    /// The results (or an error object), as sent.
    #[serde(default)]
    pub content: Value,
}

/// `{"type":"image"}`: an image, with its `source` as sent.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageBlock {
    /// Where the image comes from: `{"type":"base64","media_type":…,"data":…}` or
    /// `{"type":"url","url":…}`.
    pub source: Value,
}

impl ImageBlock {
    /// An inline base64 image, e.g. `ImageBlock::base64("image/png", data)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::protocol::{ContentBlock, ImageBlock};
    ///
    /// let block = ContentBlock::Image(ImageBlock::base64("image/png", "iVBORw0KGgo="));
    /// let json = serde_json::to_value(&block).unwrap();
    /// assert_eq!(json["source"]["media_type"], "image/png");
    /// ```
    pub fn base64(media_type: impl Into<String>, data: impl Into<String>) -> Self {
        ImageBlock {
            source: serde_json::json!({
                "type": "base64",
                "media_type": media_type.into(),
                "data": data.into(),
            }),
        }
    }

    /// An image the API fetches from `url`.
    pub fn url(url: impl Into<String>) -> Self {
        ImageBlock {
            source: serde_json::json!({ "type": "url", "url": url.into() }),
        }
    }
}

/// `{"type":"document"}`: a document, with its `source` as sent.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DocumentBlock {
    /// Where the document comes from (`base64`, `text`, `url`, … source objects).
    pub source: Value,
    /// An optional title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Optional context about the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// Citation settings, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citations: Option<Value>,
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use serde_json::json;

    use super::*;

    fn block(value: Value) -> ContentBlock {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn known_blocks_decode_to_their_variants() {
        let tool_use =
            block(json!({"type":"tool_use","id":"toolu_1","name":"Bash","input":{"command":"ls"}}));
        let use_block = tool_use.as_tool_use().unwrap();
        assert_eq!(
            (use_block.id.as_str(), use_block.name.as_str()),
            ("toolu_1", "Bash")
        );
        assert_eq!(use_block.input["command"], "ls");

        let thinking = block(json!({"type":"thinking","thinking":"hmm","signature":"sig"}));
        assert!(
            matches!(thinking, ContentBlock::Thinking(ThinkingBlock { ref thinking, .. }) if thinking == "hmm")
        );

        let search =
            block(json!({"type":"web_search_tool_result","tool_use_id":"srvtoolu_1","content":[]}));
        assert!(matches!(search, ContentBlock::WebSearchToolResult(_)));
        assert_eq!(search.block_type(), Some("web_search_tool_result"));
    }

    #[test]
    fn tool_result_content_may_be_string_blocks_or_absent() {
        let text = block(
            json!({"type":"tool_result","tool_use_id":"t","content":"done","is_error":false}),
        );
        let text = text.as_tool_result().unwrap();
        assert_eq!(text.text(), "done");
        assert!(!text.is_error());

        let blocks = block(
            json!({"type":"tool_result","tool_use_id":"t","content":[{"type":"text","text":"a"},{"type":"image","source":{}},{"type":"text","text":"b"}]}),
        );
        assert_eq!(blocks.as_tool_result().unwrap().text(), "ab");

        let empty = block(json!({"type":"tool_result","tool_use_id":"t"}));
        assert_eq!(empty.as_tool_result().unwrap().content, None);
    }

    #[test]
    fn unknown_or_misshapen_blocks_keep_their_json() {
        let unknown = json!({"type":"container_upload","file_id":"f"});
        assert_eq!(block(unknown.clone()), ContentBlock::Unknown(unknown));

        let misshapen = json!({"type":"tool_use","id":5});
        assert_eq!(block(misshapen.clone()), ContentBlock::Unknown(misshapen));

        let untyped = json!({"text":"no type"});
        assert_eq!(block(untyped.clone()).block_type(), None);
    }

    #[test]
    fn blocks_encode_back_to_the_wire_shape() {
        let value =
            json!({"type":"tool_use","id":"toolu_1","name":"Bash","input":{"command":"ls"}});
        assert_eq!(serde_json::to_value(block(value.clone())).unwrap(), value);

        let unknown = json!({"type":"hologram","x":1});
        assert_eq!(
            serde_json::to_value(ContentBlock::from(unknown.clone())).unwrap(),
            unknown
        );

        let result = ContentBlock::ToolResult(ToolResultBlock {
            tool_use_id: "t".into(),
            content: Some("ok".into()),
            is_error: None,
        });
        assert_eq!(
            serde_json::to_value(result).unwrap(),
            json!({"type":"tool_result","tool_use_id":"t","content":"ok"})
        );
    }
}
