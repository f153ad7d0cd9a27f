//! [`ToolContext`]: what a tool call knows besides its arguments.

use serde_json::{Map, Value};
use tokio_util::sync::CancellationToken;

/// The `_meta` key under which the CLI sends the id of the model's `tool_use` block.
pub(crate) const TOOL_USE_ID_KEY: &str = "claudecode/toolUseId";

/// Per-call context handed to a tool: the CLI's tool use id and a cancellation token.
///
/// With `#[tool]`, ask for it with a parameter marked `#[context]`:
/// `#[context] cx: ToolContext`.
///
/// # Examples
///
/// ```
/// use claude_agent::tools::ToolContext;
///
/// let cx = ToolContext::new().with_tool_use_id("toolu_01");
/// assert_eq!(cx.tool_use_id(), Some("toolu_01"));
/// assert!(!cx.is_cancelled());
/// cx.cancellation_token().cancel();
/// assert!(cx.is_cancelled());
/// ```
#[derive(Debug, Clone, Default)]
pub struct ToolContext {
    tool_use_id: Option<String>,
    meta: Map<String, Value>,
    cancellation: CancellationToken,
}

impl ToolContext {
    /// A context with no tool use id and a fresh cancellation token (handy in tests).
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds the context from a request's `_meta` object (reads `claudecode/toolUseId`).
    pub fn from_meta(meta: Map<String, Value>, cancellation: CancellationToken) -> Self {
        let tool_use_id = meta
            .get(TOOL_USE_ID_KEY)
            .and_then(Value::as_str)
            .map(str::to_owned);
        ToolContext {
            tool_use_id,
            meta,
            cancellation,
        }
    }

    /// Sets the tool use id.
    pub fn with_tool_use_id(mut self, id: impl Into<String>) -> Self {
        self.tool_use_id = Some(id.into());
        self
    }

    /// Replaces the cancellation token.
    pub fn with_cancellation(mut self, token: CancellationToken) -> Self {
        self.cancellation = token;
        self
    }

    /// The id of the model's `tool_use` block this call answers (`_meta["claudecode/toolUseId"]`),
    /// when the client sent one.
    pub fn tool_use_id(&self) -> Option<&str> {
        self.tool_use_id.as_deref()
    }

    /// The request's whole `_meta` object (e.g. `progressToken`).
    pub fn meta(&self) -> &Map<String, Value> {
        &self.meta
    }

    /// The token cancelled when the client cancels the call or it times out.
    pub fn cancellation_token(&self) -> &CancellationToken {
        &self.cancellation
    }

    /// Whether the call was cancelled.
    pub fn is_cancelled(&self) -> bool {
        self.cancellation.is_cancelled()
    }

    /// Completes when the call is cancelled; use it in `tokio::select!` in long-running tools.
    pub async fn cancelled(&self) {
        self.cancellation.cancelled().await;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn tool_use_id_is_read_from_the_cli_meta_key() {
        let meta = json!({"claudecode/toolUseId": "toolu_mock_01", "progressToken": 2});
        let Value::Object(meta) = meta else { panic!() };
        let cx = ToolContext::from_meta(meta, CancellationToken::new());
        assert_eq!(cx.tool_use_id(), Some("toolu_mock_01"));
        assert_eq!(cx.meta()["progressToken"], 2);
    }

    #[test]
    fn missing_or_non_string_id_is_none() {
        let Value::Object(meta) = json!({"claudecode/toolUseId": 7}) else {
            panic!()
        };
        assert_eq!(
            ToolContext::from_meta(meta, CancellationToken::new()).tool_use_id(),
            None
        );
    }
}
