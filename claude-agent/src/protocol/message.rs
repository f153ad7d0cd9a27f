//! [`Message`]: everything the CLI prints on stdout except control frames.

use serde_json::Value;

use super::RawJson;
use super::assistant::AssistantMessage;
use super::events::{
    AuthStatus, CommandLifecycle, ConversationReset, PromptSuggestion, RateLimitEvent, StreamEvent,
    ToolProgress, ToolUseSummary, TranscriptMirror,
};
use super::result::ResultMessage;
use super::system::SystemMessage;
use super::user::UserMessage;

/// One message from the CLI.
///
/// Decoding is forward compatible at every level: an unknown `type` becomes
/// [`Message::Unknown`], an unknown `system` subtype [`SystemMessage::Unknown`], an unknown
/// content block [`ContentBlock::Unknown`](crate::protocol::ContentBlock::Unknown), unknown
/// fields are ignored, and a known type whose fields changed shape falls back to the matching
/// `Unknown` (with a `tracing` warning) instead of failing. Every message keeps the exact line it
/// was parsed from: see [`raw_json`](Self::raw_json).
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
///
/// # fn show(message: &Message) {
/// match message {
///     Message::Assistant(reply) => println!("{}", reply.text()),
///     Message::Result(result) if result.is_success() => println!("done: ${}", result.total_cost_usd),
///     Message::Result(result) => eprintln!("failed: {:?}", result.error_message()),
///     other => println!("{} message", other.type_name()),
/// }
/// # }
/// # show(&Message::from_json(r#"{"type":"assistant","message":{"content":[]}}"#).unwrap());
/// ```
// Messages are decoded once and moved a few times; boxing the big variants would cost an
// allocation per message and make matching clumsier.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Message {
    /// `system`: session configuration and events, by subtype.
    System(SystemMessage),
    /// `assistant`: model output (one content block per frame).
    Assistant(AssistantMessage),
    /// `user`: tool results, replays and other user-side messages.
    User(UserMessage),
    /// `result`: the end of a turn.
    Result(ResultMessage),
    /// `stream_event`: a raw streaming event (with partial messages on).
    StreamEvent(StreamEvent),
    /// `tool_progress`: a tool is still running.
    ToolProgress(ToolProgress),
    /// `tool_use_summary`: a summary of tool calls.
    ToolUseSummary(ToolUseSummary),
    /// `auth_status`: authentication progress.
    AuthStatus(AuthStatus),
    /// `rate_limit_event`: rate-limit state.
    RateLimit(RateLimitEvent),
    /// `prompt_suggestion`: a predicted next prompt.
    PromptSuggestion(PromptSuggestion),
    /// `conversation_reset`: the conversation was reset.
    ConversationReset(ConversationReset),
    /// `command_lifecycle`: progress of a prompt sent with a uuid.
    CommandLifecycle(CommandLifecycle),
    /// `transcript_mirror`: mirrored session-file entries.
    TranscriptMirror(TranscriptMirror),
    /// Any other type, or a known one that did not decode.
    Unknown(UnknownMessage),
}

/// Runs `$body` with `$m` bound to the struct of every variant except `System` and `Unknown`.
macro_rules! by_variant {
    ($self:expr, $m:ident => $body:expr, system $s:ident => $system:expr, unknown $u:ident => $unknown:expr) => {
        match $self {
            Message::System($s) => $system,
            Message::Assistant($m) => $body,
            Message::User($m) => $body,
            Message::Result($m) => $body,
            Message::StreamEvent($m) => $body,
            Message::ToolProgress($m) => $body,
            Message::ToolUseSummary($m) => $body,
            Message::AuthStatus($m) => $body,
            Message::RateLimit($m) => $body,
            Message::PromptSuggestion($m) => $body,
            Message::ConversationReset($m) => $body,
            Message::CommandLifecycle($m) => $body,
            Message::TranscriptMirror($m) => $body,
            Message::Unknown($u) => $unknown,
        }
    };
}

impl Message {
    /// The exact JSON line this message was parsed from (empty if it was built by hand).
    pub fn raw_json(&self) -> &str {
        by_variant!(self, m => m.raw.as_str(), system s => s.raw_json(), unknown u => u.raw.as_str())
    }

    /// Parses [`raw_json`](Self::raw_json) into a [`serde_json::Value`], e.g. to read a field
    /// this crate does not model.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::Message;
    ///
    /// let message = Message::from_json(r#"{"type":"result","subtype":"success","ttft_ms":303}"#).unwrap();
    /// assert_eq!(message.raw_value().unwrap()["ttft_ms"], 303);
    /// ```
    pub fn raw_value(&self) -> serde_json::Result<Value> {
        serde_json::from_str(self.raw_json())
    }

    /// The CLI's session id, if the message carries a non-empty one.
    pub fn session_id(&self) -> Option<&str> {
        by_variant!(
            self,
            m => (!m.session_id.is_empty()).then_some(m.session_id.as_str()),
            system s => s.session_id(),
            unknown u => u.field_str("session_id").filter(|s| !s.is_empty())
        )
    }

    /// The message's id (`uuid`), if it carries one.
    pub fn uuid(&self) -> Option<&str> {
        by_variant!(self, m => m.uuid.as_deref(), system s => s.uuid(), unknown u => u.field_str("uuid"))
    }

    /// The `type` as spelled on the wire (`"assistant"`, `"system"`, …; for
    /// [`Message::Unknown`] whatever was sent, or `""`).
    pub fn type_name(&self) -> &str {
        match self {
            Message::System(_) => "system",
            Message::Assistant(_) => "assistant",
            Message::User(_) => "user",
            Message::Result(_) => "result",
            Message::StreamEvent(_) => "stream_event",
            Message::ToolProgress(_) => "tool_progress",
            Message::ToolUseSummary(_) => "tool_use_summary",
            Message::AuthStatus(_) => "auth_status",
            Message::RateLimit(_) => "rate_limit_event",
            Message::PromptSuggestion(_) => "prompt_suggestion",
            Message::ConversationReset(_) => "conversation_reset",
            Message::CommandLifecycle(_) => "command_lifecycle",
            Message::TranscriptMirror(_) => "transcript_mirror",
            Message::Unknown(unknown) => unknown.message_type().unwrap_or(""),
        }
    }

    /// The message as a [`ResultMessage`], if it is one.
    pub fn as_result(&self) -> Option<&ResultMessage> {
        match self {
            Message::Result(result) => Some(result),
            _ => None,
        }
    }

    /// The message as an [`AssistantMessage`], if it is one.
    pub fn as_assistant(&self) -> Option<&AssistantMessage> {
        match self {
            Message::Assistant(reply) => Some(reply),
            _ => None,
        }
    }
}

/// A message this crate could not decode into a typed struct: an unknown `type`, a known type
/// whose fields changed shape, or JSON that is not an object.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct UnknownMessage {
    /// The whole message.
    pub value: Value,
    pub(crate) raw: RawJson,
}

impl UnknownMessage {
    pub(crate) fn new(value: Value, raw: RawJson) -> Self {
        UnknownMessage { value, raw }
    }

    /// The `type` field, if present.
    pub fn message_type(&self) -> Option<&str> {
        self.field_str("type")
    }

    /// The exact JSON line this message was parsed from.
    pub fn raw_json(&self) -> &str {
        self.raw.as_str()
    }

    fn field_str(&self, key: &str) -> Option<&str> {
        self.value.get(key).and_then(Value::as_str)
    }
}
