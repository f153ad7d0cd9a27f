//! What the CLI sent: [`RecordedRequest`] and the views tests assert on.

use std::fmt;

use serde_json::Value;

/// Path of the Messages API endpoint (the CLI appends `?beta=true`).
pub(crate) const MESSAGES_PATH: &str = "/v1/messages";

/// One HTTP request the scripted model server received, with helpers to read the Messages API
/// body the CLI sent.
///
/// # Examples
///
/// ```
/// use claude_agent::testing::RecordedRequest;
/// use serde_json::json;
///
/// let req = RecordedRequest::messages_request(json!({
///     "model": "claude-test",
///     "stream": true,
///     "system": [{"type": "text", "text": "You are a test."}],
///     "tools": [{"name": "Bash", "input_schema": {}}],
///     "messages": [{"role": "user", "content": "hi"}],
/// }));
/// assert_eq!(req.system_text(), "You are a test.");
/// assert_eq!(req.tools(), ["Bash"]);
/// assert_eq!(req.last_user_text(), "hi");
/// ```
///
/// Its `Debug` output is a summary (prompt, tool results, tools, the start of the system prompt)
/// rather than the whole body, which is tens of kilobytes for a CLI turn; print
/// [`body`](Self::body) for everything.
#[derive(Clone, PartialEq)]
pub struct RecordedRequest {
    /// 1-based number among `POST /v1/messages` requests; `None` for any other request.
    pub number: Option<usize>,
    /// HTTP method (`POST`, `GET`, ...).
    pub method: String,
    /// Request path without the query string (`/v1/messages`).
    pub path: String,
    /// Query string without the `?` (the CLI sends `beta=true`), if any.
    pub query: Option<String>,
    /// Request headers, names lower-cased, in the order received.
    pub headers: Vec<(String, String)>,
    /// The JSON body (`Value::Null` when empty or not JSON).
    pub body: Value,
    /// The `model` field of the body.
    pub model: Option<String>,
    /// The `stream` field of the body (`false` when absent).
    pub stream: bool,
    /// `false` when no scripted rule matched and the fallback answered (message requests only).
    pub matched: bool,
}

/// A `tool_result` block found in the last user message of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToolResultSeen {
    /// The `tool_use_id` it answers.
    pub tool_use_id: String,
    /// The name of the tool, found from the matching `tool_use` in an earlier assistant message.
    pub tool_name: Option<String>,
    /// The `is_error` flag (`false` when absent).
    pub is_error: bool,
    /// The result text: the string content, or the text blocks joined with newlines.
    pub text: String,
}

impl RecordedRequest {
    /// A `POST /v1/messages?beta=true` request with this body, as the server would record it
    /// (number 1). Useful to unit-test a [`Match`](super::Match) without a server.
    pub fn messages_request(body: Value) -> Self {
        Self::new(
            "POST",
            MESSAGES_PATH,
            Some("beta=true".into()),
            Vec::new(),
            body,
        )
        .numbered(1)
    }

    pub(crate) fn new(
        method: &str,
        path: &str,
        query: Option<String>,
        headers: Vec<(String, String)>,
        body: Value,
    ) -> Self {
        let model = body.get("model").and_then(Value::as_str).map(str::to_owned);
        let stream = body.get("stream").and_then(Value::as_bool).unwrap_or(false);
        Self {
            number: None,
            method: method.to_owned(),
            path: path.to_owned(),
            query,
            headers,
            body,
            model,
            stream,
            matched: true,
        }
    }

    pub(crate) fn numbered(mut self, number: usize) -> Self {
        self.number = Some(number);
        self
    }

    /// Whether this is a `POST /v1/messages` request (a model turn).
    pub fn is_messages(&self) -> bool {
        self.method == "POST" && self.path == MESSAGES_PATH
    }

    /// The value of a header (name compared case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The system prompt: a string `system`, or the text of every `system` block joined with
    /// newlines (the CLI's first block is its `x-anthropic-billing-header` line).
    pub fn system_text(&self) -> String {
        match self.body.get("system") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Array(blocks)) => join_texts(blocks),
            _ => String::new(),
        }
    }

    /// Names of the tools offered to the model, in order.
    pub fn tools(&self) -> Vec<String> {
        self.body
            .get("tools")
            .and_then(Value::as_array)
            .map(|tools| {
                tools
                    .iter()
                    .filter_map(|t| t.get("name").and_then(Value::as_str).map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether a tool with this name is offered.
    pub fn offers_tool(&self, name: &str) -> bool {
        self.tools().iter().any(|t| t == name)
    }

    /// The `messages` array (empty when absent).
    pub fn messages(&self) -> &[Value] {
        self.body
            .get("messages")
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice)
    }

    /// The last message whose role is `user` (the CLI may put `system` turns after it).
    pub fn last_user_message(&self) -> Option<&Value> {
        self.messages()
            .iter()
            .rev()
            .find(|m| m.get("role").and_then(Value::as_str) == Some("user"))
    }

    /// The text of the last user message: its string content, or its text blocks joined with
    /// newlines, leaving out the `<system-reminder>` blocks the CLI injects. Empty if none.
    pub fn last_user_text(&self) -> String {
        match self.last_user_message().and_then(|m| m.get("content")) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Array(blocks)) => {
                let prompt_blocks: Vec<Value> = blocks
                    .iter()
                    .filter(|b| !block_text(b).is_some_and(|t| t.starts_with("<system-reminder>")))
                    .cloned()
                    .collect();
                join_texts(&prompt_blocks)
            }
            _ => String::new(),
        }
    }

    /// Every text block of the last user message joined with newlines, including the
    /// `<system-reminder>` blocks the CLI injects (where it reports background-task
    /// notifications, for example). Empty if none.
    pub fn last_user_full_text(&self) -> String {
        match self.last_user_message().and_then(|m| m.get("content")) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Array(blocks)) => join_texts(blocks),
            _ => String::new(),
        }
    }

    /// The `tool_result` blocks of the last user message, in order.
    pub fn tool_results(&self) -> Vec<ToolResultSeen> {
        let Some(Value::Array(blocks)) = self.last_user_message().and_then(|m| m.get("content"))
        else {
            return Vec::new();
        };
        blocks
            .iter()
            .filter(|b| b.get("type").and_then(Value::as_str) == Some("tool_result"))
            .map(|b| {
                let tool_use_id = b
                    .get("tool_use_id")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned();
                let text = match b.get("content") {
                    Some(Value::String(s)) => s.clone(),
                    Some(Value::Array(parts)) => join_texts(parts),
                    _ => String::new(),
                };
                ToolResultSeen {
                    tool_name: self.tool_name_of(&tool_use_id),
                    is_error: b.get("is_error").and_then(Value::as_bool).unwrap_or(false),
                    tool_use_id,
                    text,
                }
            })
            .collect()
    }

    /// The name of the tool of an earlier `tool_use` block with this id.
    fn tool_name_of(&self, tool_use_id: &str) -> Option<String> {
        self.messages()
            .iter()
            .rev()
            .filter(|m| m.get("role").and_then(Value::as_str) == Some("assistant"))
            .filter_map(|m| m.get("content").and_then(Value::as_array))
            .flatten()
            .find(|b| {
                b.get("type").and_then(Value::as_str) == Some("tool_use")
                    && b.get("id").and_then(Value::as_str) == Some(tool_use_id)
            })
            .and_then(|b| b.get("name").and_then(Value::as_str).map(str::to_owned))
    }
}

/// Characters of the system prompt shown by `Debug`.
const DEBUG_SYSTEM_CHARS: usize = 160;

impl fmt::Debug for RecordedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("RecordedRequest");
        s.field("number", &self.number)
            .field("method", &self.method)
            .field("path", &self.path)
            .field("matched", &self.matched);
        if self.is_messages() {
            let system = self.system_text();
            let mut head: String = system.chars().take(DEBUG_SYSTEM_CHARS).collect();
            if head.len() < system.len() {
                head.push_str("...");
            }
            s.field("model", &self.model)
                .field("stream", &self.stream)
                .field("messages", &self.messages().len())
                .field("last_user_text", &self.last_user_text())
                .field("tool_results", &self.tool_results())
                .field("tools", &self.tools())
                .field("system", &head);
        } else {
            s.field("body", &self.body);
        }
        s.finish_non_exhaustive()
    }
}

fn block_text(block: &Value) -> Option<&str> {
    if block.get("type").and_then(Value::as_str) == Some("text") {
        block.get("text").and_then(Value::as_str)
    } else {
        None
    }
}

fn join_texts(blocks: &[Value]) -> String {
    blocks
        .iter()
        .filter_map(block_text)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use serde_json::json;

    fn tool_turn() -> RecordedRequest {
        RecordedRequest::messages_request(json!({
            "model": "m",
            "messages": [
                {"role": "user", "content": [
                    {"type": "text", "text": "<system-reminder>\nnoise\n</system-reminder>"},
                    {"type": "text", "text": "run it"}
                ]},
                {"role": "assistant", "content": [
                    {"type": "text", "text": "ok"},
                    {"type": "tool_use", "id": "toolu_1", "name": "Bash", "input": {}},
                    {"type": "tool_use", "id": "toolu_2", "name": "Read", "input": {}}
                ]},
                {"role": "user", "content": [
                    {"type": "tool_result", "tool_use_id": "toolu_1", "content": "hi\n"},
                    {"type": "tool_result", "tool_use_id": "toolu_2", "is_error": true,
                     "content": [{"type": "text", "text": "no"}, {"type": "text", "text": "such file"}]},
                    {"type": "tool_result", "tool_use_id": "toolu_unknown", "content": []}
                ]},
                {"role": "system", "content": [{"type": "text", "text": "late system turn"}]}
            ]
        }))
    }

    #[test]
    fn tool_results_come_from_the_last_user_message_with_names() {
        let results = tool_turn().tool_results();
        assert_eq!(
            results,
            vec![
                ToolResultSeen {
                    tool_use_id: "toolu_1".into(),
                    tool_name: Some("Bash".into()),
                    is_error: false,
                    text: "hi\n".into()
                },
                ToolResultSeen {
                    tool_use_id: "toolu_2".into(),
                    tool_name: Some("Read".into()),
                    is_error: true,
                    text: "no\nsuch file".into()
                },
                ToolResultSeen {
                    tool_use_id: "toolu_unknown".into(),
                    tool_name: None,
                    is_error: false,
                    text: String::new()
                },
            ]
        );
        assert_eq!(tool_turn().last_user_text(), "");
    }

    #[test]
    fn user_text_skips_system_reminders() {
        let req = RecordedRequest::messages_request(json!({
            "messages": [{"role": "user", "content": [
                {"type": "text", "text": "<system-reminder>\nx\n</system-reminder>"},
                {"type": "text", "text": "hello"}
            ]}, {"role": "system", "content": "env"}]
        }));
        assert_eq!(req.last_user_text(), "hello");
        assert_eq!(
            req.last_user_full_text(),
            "<system-reminder>\nx\n</system-reminder>\nhello"
        );
        assert!(req.tool_results().is_empty());
    }

    #[test]
    fn debug_is_a_summary_not_the_body() {
        let long_system = "S".repeat(10_000);
        let req = RecordedRequest::messages_request(json!({
            "system": long_system,
            "tools": [{"name": "Bash", "input_schema": {"huge": "B".repeat(10_000)}}],
            "messages": [{"role": "user", "content": "hi"}]
        }));
        let dbg = format!("{req:?}");
        assert!(dbg.len() < 1_000, "{}", dbg.len());
        assert!(
            dbg.contains("last_user_text: \"hi\"") && dbg.contains("\"Bash\""),
            "{dbg}"
        );
        let other = RecordedRequest::new("GET", "/x", None, vec![], json!({"a": 1}));
        assert!(format!("{other:?}").contains("body: Object"), "{other:?}");
    }

    #[test]
    fn missing_fields_give_empty_views() {
        let req = RecordedRequest::new("GET", "/", None, vec![], Value::Null);
        assert!(!req.is_messages());
        assert!(req.messages().is_empty());
        assert!(req.tools().is_empty());
        assert_eq!(req.system_text(), "");
        assert_eq!(req.last_user_text(), "");
        assert!(req.model.is_none());
        assert!(!req.stream);
    }

    #[test]
    fn system_blocks_and_headers_are_readable() {
        let mut req = RecordedRequest::messages_request(json!({
            "system": [{"type": "text", "text": "a"}, {"type": "text", "text": "b", "cache_control": {}}],
            "stream": true,
            "model": "claude-x"
        }));
        req.headers.push(("x-api-key".into(), "sk".into()));
        assert_eq!(req.system_text(), "a\nb");
        assert_eq!(req.header("X-API-Key"), Some("sk"));
        assert!(req.stream);
        assert_eq!(req.model.as_deref(), Some("claude-x"));
        assert!(req.is_messages());
        assert_eq!(req.number, Some(1));
    }
}
