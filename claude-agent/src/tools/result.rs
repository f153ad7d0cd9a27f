//! [`ToolResult`] and the conversions from what tools return ([`IntoToolResult`], [`Json`]).

use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use super::{ToolContent, ToolError};

/// The outcome of one tool call: content blocks for the model, optional structured JSON, and
/// whether it is an error.
///
/// # Examples
///
/// ```
/// use claude_agent::tools::{ToolContent, ToolResult};
/// use serde_json::json;
///
/// let ok = ToolResult::text("5");
/// assert_eq!(ok.to_wire(), json!({"content": [{"type": "text", "text": "5"}]}));
///
/// let err = ToolResult::error("division by zero");
/// assert!(err.is_error);
/// assert_eq!(err.to_wire()["isError"], true);
///
/// let both = ToolResult::new(vec![ToolContent::text("see chart"), ToolContent::image("AAAA", "image/png")]);
/// assert_eq!(both.content.len(), 2);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ToolResult {
    /// The blocks the model sees.
    pub content: Vec<ToolContent>,
    /// Machine-readable output (MCP `structuredContent`, a JSON object).
    pub structured: Option<Value>,
    /// Whether the call failed (MCP `isError`).
    pub is_error: bool,
}

impl ToolResult {
    /// A successful result made of `content`.
    pub fn new(content: Vec<ToolContent>) -> Self {
        ToolResult {
            content,
            structured: None,
            is_error: false,
        }
    }

    /// A successful result with one text block.
    pub fn text(text: impl Into<String>) -> Self {
        Self::new(vec![ToolContent::Text(text.into())])
    }

    /// An error result with one text block: the model sees `message` and may retry.
    pub fn error(message: impl fmt::Display) -> Self {
        ToolResult {
            content: vec![ToolContent::Text(message.to_string())],
            structured: None,
            is_error: true,
        }
    }

    /// Adds structured content (MCP requires a JSON object there).
    pub fn with_structured(mut self, structured: Value) -> Self {
        self.structured = Some(structured);
        self
    }

    /// The text of every text block, joined by newlines.
    pub fn text_content(&self) -> String {
        let texts: Vec<&str> = self
            .content
            .iter()
            .filter_map(|c| match c {
                ToolContent::Text(text) => Some(text.as_str()),
                _ => None,
            })
            .collect();
        texts.join("\n")
    }

    /// The MCP `CallToolResult` wire form (`isError` only when true).
    pub fn to_wire(&self) -> Value {
        let mut map = Map::new();
        let content = self.content.iter().map(ToolContent::to_wire).collect();
        map.insert("content".into(), Value::Array(content));
        if let Some(structured) = &self.structured {
            map.insert("structuredContent".into(), structured.clone());
        }
        if self.is_error {
            map.insert("isError".into(), Value::Bool(true));
        }
        Value::Object(map)
    }

    /// Reads a `CallToolResult` wire object (missing fields default; unknown blocks are kept).
    pub fn from_wire(value: &Value) -> Self {
        let content = value
            .get("content")
            .and_then(Value::as_array)
            .map(|blocks| blocks.iter().cloned().map(ToolContent::from_wire).collect())
            .unwrap_or_default();
        ToolResult {
            content,
            structured: value.get("structuredContent").cloned(),
            is_error: value
                .get("isError")
                .and_then(Value::as_bool)
                .unwrap_or(false),
        }
    }
}

/// Values a tool may return.
///
/// | type | result |
/// |---|---|
/// | `String`, `&'static str` | one text block |
/// | `serde_json::Value` | one text block (a JSON string as is, anything else as compact JSON) |
/// | [`Json<T>`] | structured content plus its JSON text |
/// | `()` | no content |
/// | [`ToolResult`] | itself |
/// | `Result<T, E>` with `T` one of these and `E: Display` (e.g. [`ToolError`]) | `Err` becomes an `isError: true` result with `E`'s text |
///
/// # Examples
///
/// ```
/// use claude_agent::tools::{IntoToolResult, ToolError};
///
/// let ok: Result<String, ToolError> = Ok("done".into());
/// assert_eq!(ok.into_tool_result().text_content(), "done");
/// let err: Result<String, std::num::ParseIntError> = "x".parse::<i32>().map(|n| n.to_string());
/// assert!(err.into_tool_result().is_error);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be returned from a tool",
    label = "not a tool result",
    note = "return `String`, `&'static str`, `serde_json::Value`, `Json<T>`, `()`, `ToolResult`, \
            or `Result<T, E>` where `T` is one of these and `E: Display` (e.g. `ToolError`)"
)]
pub trait IntoToolResult {
    /// Converts the value.
    fn into_tool_result(self) -> ToolResult;
}

impl IntoToolResult for ToolResult {
    fn into_tool_result(self) -> ToolResult {
        self
    }
}

impl IntoToolResult for String {
    fn into_tool_result(self) -> ToolResult {
        ToolResult::text(self)
    }
}

impl IntoToolResult for &'static str {
    fn into_tool_result(self) -> ToolResult {
        ToolResult::text(self)
    }
}

impl IntoToolResult for () {
    fn into_tool_result(self) -> ToolResult {
        ToolResult::new(Vec::new())
    }
}

impl IntoToolResult for Value {
    fn into_tool_result(self) -> ToolResult {
        match self {
            Value::String(text) => ToolResult::text(text),
            other => ToolResult::text(other.to_string()),
        }
    }
}

impl<T: IntoToolResult, E: fmt::Display> IntoToolResult for Result<T, E> {
    fn into_tool_result(self) -> ToolResult {
        match self {
            Ok(value) => value.into_tool_result(),
            Err(error) => ToolResult::error(error),
        }
    }
}

/// Returns `T` as structured JSON: the result carries it as `structuredContent` (when it
/// serializes to an object) and as JSON text for clients that read only text.
///
/// # Examples
///
/// ```
/// use claude_agent::tools::{IntoToolResult, Json};
/// use serde_json::json;
///
/// #[derive(serde::Serialize)]
/// struct Sum { total: f64 }
///
/// let result = Json(Sum { total: 5.0 }).into_tool_result();
/// assert_eq!(result.structured, Some(json!({"total": 5.0})));
/// assert_eq!(result.text_content(), r#"{"total":5.0}"#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Json<T>(pub T);

impl<T: Serialize> IntoToolResult for Json<T> {
    fn into_tool_result(self) -> ToolResult {
        match serde_json::to_value(&self.0) {
            Ok(value) => {
                let text = ToolResult::text(value.to_string());
                if value.is_object() {
                    text.with_structured(value)
                } else {
                    text
                }
            }
            Err(error) => ToolResult::error(ToolError::new(format!(
                "the tool's output could not be serialized: {error}"
            ))),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn plain_values_become_one_text_block() {
        assert_eq!("a".into_tool_result(), ToolResult::text("a"));
        assert_eq!(String::from("b").into_tool_result(), ToolResult::text("b"));
        assert_eq!(json!("c").into_tool_result(), ToolResult::text("c"));
        assert_eq!(
            json!({"k": 1}).into_tool_result(),
            ToolResult::text(r#"{"k":1}"#)
        );
        assert!(().into_tool_result().content.is_empty());
    }

    #[test]
    fn err_becomes_is_error_with_display_text() {
        let r: Result<String, ToolError> = Err("nope".into());
        let result = r.into_tool_result();
        assert!(result.is_error);
        assert_eq!(result.text_content(), "nope");
        assert_eq!(
            result.to_wire(),
            json!({"content": [{"type": "text", "text": "nope"}], "isError": true})
        );
    }

    #[test]
    fn json_of_a_non_object_has_no_structured_content() {
        let result = Json(vec![1, 2]).into_tool_result();
        assert_eq!(result.structured, None);
        assert_eq!(result.text_content(), "[1,2]");
    }

    #[test]
    fn json_that_cannot_serialize_is_an_error_result() {
        let mut map = std::collections::HashMap::new();
        map.insert(vec![1u8], 1);
        assert!(Json(map).into_tool_result().is_error);
    }

    #[test]
    fn wire_form_round_trips() {
        let result = ToolResult::text("x").with_structured(json!({"x": 1}));
        assert_eq!(ToolResult::from_wire(&result.to_wire()), result);
    }
}
