//! Lines the SDK writes to the CLI's stdin: user messages and control frames.

use serde_json::{Map, Value};

use super::content::ContentBlock;
use super::message_content::MessageContent;
use crate::wire::wire_enum;

/// A user message to send to the CLI (the TypeScript SDK's `SDKUserMessage`).
///
/// A text prompt is sent with `content` as a plain string, blocks as an array. Every setter is
/// optional; the CLI fills in the session id itself.
///
/// # Examples
///
/// ```
/// use claude_agent::protocol::{ContentBlock, ImageBlock, Priority, UserInput};
///
/// let prompt = UserInput::text("Summarise the README")
///     .uuid("11111111-2222-4333-8444-555555555555")
///     .priority(Priority::Next);
/// assert_eq!(prompt.message_uuid(), Some("11111111-2222-4333-8444-555555555555"));
///
/// let with_image = UserInput::blocks([
///     ContentBlock::text("What is in this picture?"),
///     ContentBlock::Image(ImageBlock::base64("image/png", "iVBORw0KGgo=")),
/// ]);
/// # let _ = with_image;
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct UserInput {
    content: MessageContent,
    session_id: String,
    uuid: Option<String>,
    parent_tool_use_id: Option<String>,
    priority: Option<Priority>,
    should_query: Option<bool>,
    client_composed: Option<bool>,
}

impl UserInput {
    /// A plain-text prompt. Slash commands (`"/compact"`) are dispatched unless
    /// [`client_composed`](Self::client_composed) is set.
    pub fn text(text: impl Into<String>) -> Self {
        Self::with_content(MessageContent::Text(text.into()))
    }

    /// A prompt made of content blocks (text, images, documents, …). Anything convertible
    /// into a [`ContentBlock`] works, including raw [`serde_json::Value`] blocks.
    pub fn blocks<B: Into<ContentBlock>>(blocks: impl IntoIterator<Item = B>) -> Self {
        Self::with_content(MessageContent::Blocks(
            blocks.into_iter().map(Into::into).collect(),
        ))
    }

    fn with_content(content: MessageContent) -> Self {
        UserInput {
            content,
            session_id: String::new(),
            uuid: None,
            parent_tool_use_id: None,
            priority: None,
            should_query: None,
            client_composed: None,
        }
    }

    /// A client-chosen id for the message. It becomes the transcript entry's uuid, and newer
    /// CLIs echo it (`user_message_uuid`, `command_lifecycle`).
    pub fn uuid(mut self, uuid: impl Into<String>) -> Self {
        self.uuid = Some(uuid.into());
        self
    }

    /// Marks the message as belonging to the subagent started by this tool call.
    pub fn parent_tool_use_id(mut self, id: impl Into<String>) -> Self {
        self.parent_tool_use_id = Some(id.into());
        self
    }

    /// When to handle the message if a turn is running: now (interrupt), next, or later.
    pub fn priority(mut self, priority: Priority) -> Self {
        self.priority = Some(priority);
        self
    }

    /// `false` appends the message to the conversation without starting a turn.
    pub fn should_query(mut self, should_query: bool) -> Self {
        self.should_query = Some(should_query);
        self
    }

    /// The session id to stamp on the message (default `""`; the CLI does not route by it).
    pub fn session_id(mut self, session_id: impl Into<String>) -> Self {
        self.session_id = session_id.into();
        self
    }

    /// `true` delivers the text verbatim: no `@path` expansion, no slash-command dispatch
    /// (older CLIs ignore it: see [compatibility](crate::compatibility)).
    pub fn client_composed(mut self, verbatim: bool) -> Self {
        self.client_composed = Some(verbatim);
        self
    }

    /// The message's content.
    pub fn content(&self) -> &MessageContent {
        &self.content
    }

    /// The value set with [`client_composed`](Self::client_composed).
    pub fn is_client_composed(&self) -> Option<bool> {
        self.client_composed
    }

    /// The id set with [`uuid`](Self::uuid).
    pub fn message_uuid(&self) -> Option<&str> {
        self.uuid.as_deref()
    }

    /// Whether the CLI will run a turn (and print a `result`) for this message.
    pub(crate) fn expects_turn(&self) -> bool {
        self.should_query != Some(false)
    }

    /// The stdin line for this message (without the trailing newline).
    pub(crate) fn to_line(&self) -> String {
        self.line(self.uuid.as_deref())
    }

    /// The stdin line, with `uuid` as the message's id.
    pub(crate) fn to_line_with_uuid(&self, uuid: &str) -> String {
        self.line(Some(uuid))
    }

    fn line(&self, uuid: Option<&str>) -> String {
        let mut message = Map::new();
        message.insert("role".into(), Value::from("user"));
        message.insert("content".into(), content_value(&self.content));

        let mut line = Map::new();
        line.insert("type".into(), Value::from("user"));
        line.insert("session_id".into(), Value::from(self.session_id.as_str()));
        line.insert("message".into(), Value::Object(message));
        line.insert(
            "parent_tool_use_id".into(),
            self.parent_tool_use_id
                .as_deref()
                .map_or(Value::Null, Value::from),
        );
        if let Some(uuid) = uuid {
            line.insert("uuid".into(), Value::from(uuid));
        }
        if let Some(priority) = &self.priority {
            line.insert("priority".into(), Value::from(priority.as_str()));
        }
        if let Some(should_query) = self.should_query {
            line.insert("shouldQuery".into(), Value::from(should_query));
        }
        if let Some(client_composed) = self.client_composed {
            line.insert("client_composed".into(), Value::from(client_composed));
        }
        Value::Object(line).to_string()
    }
}

impl From<&str> for UserInput {
    fn from(text: &str) -> Self {
        UserInput::text(text)
    }
}

impl From<String> for UserInput {
    fn from(text: String) -> Self {
        UserInput::text(text)
    }
}

fn content_value(content: &MessageContent) -> Value {
    match content {
        MessageContent::Text(text) => Value::from(text.as_str()),
        // Encoding content blocks cannot fail: they hold only strings, booleans and JSON values.
        MessageContent::Blocks(blocks) => Value::Array(
            blocks
                .iter()
                .map(|block| serde_json::to_value(block).unwrap_or(Value::Null))
                .collect(),
        ),
    }
}

wire_enum! {
    /// When the CLI should handle a user message sent while a turn is running.
    pub enum Priority {
        /// Interrupt the running turn.
        Now = "now",
        /// Right after the running turn.
        Next = "next",
        /// After everything already queued.
        Later = "later",
    }
}

/// `{"type":"control_request","request_id":…,"request":…}`.
pub(crate) fn control_request_line(request_id: &str, request: &Value) -> String {
    format!(
        r#"{{"type":"control_request","request_id":{},"request":{}}}"#,
        json_string(request_id),
        request
    )
}

/// A success `control_response` answering `request_id` with `response`.
pub(crate) fn control_success_line(request_id: &str, response: &Value) -> String {
    format!(
        r#"{{"type":"control_response","response":{{"subtype":"success","request_id":{},"response":{}}}}}"#,
        json_string(request_id),
        response
    )
}

/// An error `control_response` answering `request_id`.
pub(crate) fn control_error_line(request_id: &str, message: &str) -> String {
    format!(
        r#"{{"type":"control_response","response":{{"subtype":"error","request_id":{},"error":{}}}}}"#,
        json_string(request_id),
        json_string(message)
    )
}

/// `{"type":"control_cancel_request","request_id":…}`: withdraw the SDK's own pending request.
pub(crate) fn control_cancel_line(request_id: &str) -> String {
    format!(
        r#"{{"type":"control_cancel_request","request_id":{}}}"#,
        json_string(request_id)
    )
}

/// `text` as a JSON string literal.
fn json_string(text: &str) -> String {
    Value::from(text).to_string()
}
