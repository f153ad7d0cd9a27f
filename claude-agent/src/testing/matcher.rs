//! Choosing a reply by request content: [`Match`].

use std::fmt;
use std::sync::Arc;

use super::request::RecordedRequest;

type Predicate = Arc<dyn Fn(&RecordedRequest) -> bool + Send + Sync>;

/// Conditions on a Messages API request; a request matches when it meets every condition added.
///
/// Start from [`Match::any`] and chain conditions. The CLI interleaves requests (subagent turns,
/// retries, side queries), so matching by content is sturdier than matching by order.
///
/// # Examples
///
/// ```
/// use claude_agent::testing::{Match, RecordedRequest};
/// use serde_json::json;
///
/// // A subagent's turn: its system prompt carries the agent's prompt and it only gets `Read`.
/// let subagent = Match::any().system_contains("You review code").offers_tool("Read");
/// // The main turn after a failed Bash call.
/// let bash_failed = Match::any().tool_result_for_tool("Bash").tool_result_is_error(true);
///
/// let req = RecordedRequest::messages_request(json!({
///     "system": "You review code.",
///     "tools": [{"name": "Read"}],
///     "messages": [{"role": "user", "content": "review"}],
/// }));
/// assert!(subagent.matches(&req));
/// assert!(!bash_failed.matches(&req));
/// ```
#[derive(Clone, Default)]
pub struct Match {
    tool_result: Option<ToolResultCond>,
    no_tool_result: bool,
    user_text: Vec<String>,
    user_full_text: Vec<String>,
    system: Vec<String>,
    tools: Vec<String>,
    number: Option<usize>,
    predicates: Vec<Predicate>,
}

/// Conditions that one and the same `tool_result` block must meet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct ToolResultCond {
    id: Option<String>,
    tool: Option<String>,
    is_error: Option<bool>,
}

impl Match {
    /// Matches every request; add conditions with the other methods.
    pub fn any() -> Self {
        Self::default()
    }

    /// The last user message contains a `tool_result` block. Combined with
    /// [`tool_result_for_id`](Self::tool_result_for_id),
    /// [`tool_result_for_tool`](Self::tool_result_for_tool) and
    /// [`tool_result_is_error`](Self::tool_result_is_error), one block must meet them all.
    #[must_use]
    pub fn tool_result(mut self) -> Self {
        self.tool_result.get_or_insert_with(ToolResultCond::default);
        self
    }

    /// The last user message contains a `tool_result` for this `tool_use` id.
    #[must_use]
    pub fn tool_result_for_id(mut self, tool_use_id: impl Into<String>) -> Self {
        self.tool_result
            .get_or_insert_with(ToolResultCond::default)
            .id = Some(tool_use_id.into());
        self
    }

    /// The last user message contains a `tool_result` answering a `tool_use` of this tool.
    #[must_use]
    pub fn tool_result_for_tool(mut self, tool_name: impl Into<String>) -> Self {
        self.tool_result
            .get_or_insert_with(ToolResultCond::default)
            .tool = Some(tool_name.into());
        self
    }

    /// The last user message contains a `tool_result` whose `is_error` flag is `is_error`.
    #[must_use]
    pub fn tool_result_is_error(mut self, is_error: bool) -> Self {
        self.tool_result
            .get_or_insert_with(ToolResultCond::default)
            .is_error = Some(is_error);
        self
    }

    /// The last user message contains no `tool_result` block (a fresh prompt, not a tool turn).
    #[must_use]
    pub fn no_tool_result(mut self) -> Self {
        self.no_tool_result = true;
        self
    }

    /// The text of the last user message contains `needle`
    /// (see [`RecordedRequest::last_user_text`]).
    #[must_use]
    pub fn user_text_contains(mut self, needle: impl Into<String>) -> Self {
        self.user_text.push(needle.into());
        self
    }

    /// Any text of the last user message, `<system-reminder>` blocks included, contains
    /// `needle` (see [`RecordedRequest::last_user_full_text`]); for example
    /// `"<task-notification>"`, how the CLI reports a finished background agent.
    #[must_use]
    pub fn user_message_contains(mut self, needle: impl Into<String>) -> Self {
        self.user_full_text.push(needle.into());
        self
    }

    /// The system prompt contains `needle` (see [`RecordedRequest::system_text`]).
    #[must_use]
    pub fn system_contains(mut self, needle: impl Into<String>) -> Self {
        self.system.push(needle.into());
        self
    }

    /// The tools offered include one named `name`.
    #[must_use]
    pub fn offers_tool(mut self, name: impl Into<String>) -> Self {
        self.tools.push(name.into());
        self
    }

    /// The request is the `n`-th Messages API request the server received (1-based).
    #[must_use]
    pub fn request_number(mut self, n: usize) -> Self {
        self.number = Some(n);
        self
    }

    /// Any other condition, as a function of the request.
    #[must_use]
    pub fn custom(
        mut self,
        predicate: impl Fn(&RecordedRequest) -> bool + Send + Sync + 'static,
    ) -> Self {
        self.predicates.push(Arc::new(predicate));
        self
    }

    /// Whether `req` meets every condition.
    pub fn matches(&self, req: &RecordedRequest) -> bool {
        if self.number.is_some_and(|n| req.number != Some(n)) {
            return false;
        }
        if !self.system.is_empty() {
            let system = req.system_text();
            if !self.system.iter().all(|s| system.contains(s.as_str())) {
                return false;
            }
        }
        if !self.user_text.is_empty() {
            let text = req.last_user_text();
            if !self.user_text.iter().all(|s| text.contains(s.as_str())) {
                return false;
            }
        }
        if !self.user_full_text.is_empty() {
            let text = req.last_user_full_text();
            if !self
                .user_full_text
                .iter()
                .all(|s| text.contains(s.as_str()))
            {
                return false;
            }
        }
        if !self.tools.is_empty() {
            let offered = req.tools();
            if !self.tools.iter().all(|t| offered.contains(t)) {
                return false;
            }
        }
        if self.no_tool_result || self.tool_result.is_some() {
            let results = req.tool_results();
            if self.no_tool_result && !results.is_empty() {
                return false;
            }
            if let Some(cond) = &self.tool_result {
                let found = results.iter().any(|r| {
                    cond.id.as_ref().is_none_or(|id| *id == r.tool_use_id)
                        && cond
                            .tool
                            .as_ref()
                            .is_none_or(|t| r.tool_name.as_ref() == Some(t))
                        && cond.is_error.is_none_or(|e| e == r.is_error)
                });
                if !found {
                    return false;
                }
            }
        }
        self.predicates.iter().all(|p| p(req))
    }
}

impl fmt::Debug for Match {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Match")
            .field("tool_result", &self.tool_result)
            .field("no_tool_result", &self.no_tool_result)
            .field("user_text", &self.user_text)
            .field("user_full_text", &self.user_full_text)
            .field("system", &self.system)
            .field("tools", &self.tools)
            .field("number", &self.number)
            .field("custom_predicates", &self.predicates.len())
            .finish()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use serde_json::json;

    fn after_tools() -> RecordedRequest {
        RecordedRequest::messages_request(json!({
            "system": [{"type": "text", "text": "billing"}, {"type": "text", "text": "You are main."}],
            "tools": [{"name": "Bash"}, {"name": "Agent"}],
            "messages": [
                {"role": "user", "content": "list files"},
                {"role": "assistant", "content": [
                    {"type": "tool_use", "id": "toolu_a", "name": "Bash", "input": {}},
                    {"type": "tool_use", "id": "toolu_b", "name": "Read", "input": {}}
                ]},
                {"role": "user", "content": [
                    {"type": "tool_result", "tool_use_id": "toolu_a", "content": "ok"},
                    {"type": "tool_result", "tool_use_id": "toolu_b", "content": "boom", "is_error": true}
                ]}
            ]
        }))
        .numbered(3)
    }

    #[test]
    fn any_matches_everything() {
        assert!(Match::any().matches(&after_tools()));
        assert!(Match::any().matches(&RecordedRequest::messages_request(json!(null))));
    }

    #[test]
    fn tool_result_conditions_apply_to_one_block() {
        let req = after_tools();
        assert!(Match::any().tool_result().matches(&req));
        assert!(Match::any().tool_result_for_id("toolu_a").matches(&req));
        assert!(!Match::any().tool_result_for_id("toolu_z").matches(&req));
        assert!(
            Match::any()
                .tool_result_for_tool("Read")
                .tool_result_is_error(true)
                .matches(&req)
        );
        // Bash succeeded and Read failed: no single block is a failed Bash result.
        assert!(
            !Match::any()
                .tool_result_for_tool("Bash")
                .tool_result_is_error(true)
                .matches(&req)
        );
        assert!(!Match::any().no_tool_result().matches(&req));
    }

    #[test]
    fn fresh_prompt_has_no_tool_result() {
        let req = RecordedRequest::messages_request(json!({
            "messages": [{"role": "user", "content": [{"type": "text", "text": "hi there"}]}]
        }));
        assert!(Match::any().no_tool_result().matches(&req));
        assert!(!Match::any().tool_result().matches(&req));
        assert!(
            Match::any()
                .user_text_contains("hi")
                .user_text_contains("there")
                .matches(&req)
        );
        assert!(!Match::any().user_text_contains("bye").matches(&req));
    }

    #[test]
    fn reminders_count_only_for_the_full_user_message() {
        let req = RecordedRequest::messages_request(json!({
            "messages": [{"role": "user", "content": [
                {"type": "text", "text": "<system-reminder>\n<task-notification>done</task-notification>\n</system-reminder>"}
            ]}]
        }));
        assert!(
            Match::any()
                .user_message_contains("<task-notification>")
                .matches(&req)
        );
        assert!(
            !Match::any()
                .user_text_contains("<task-notification>")
                .matches(&req)
        );
    }

    #[test]
    fn system_tools_number_and_custom_all_must_hold() {
        let req = after_tools();
        assert!(Match::any().system_contains("You are main").matches(&req));
        assert!(!Match::any().system_contains("reviewer").matches(&req));
        assert!(
            Match::any()
                .offers_tool("Bash")
                .offers_tool("Agent")
                .matches(&req)
        );
        assert!(
            !Match::any()
                .offers_tool("Bash")
                .offers_tool("Write")
                .matches(&req)
        );
        assert!(Match::any().request_number(3).matches(&req));
        assert!(!Match::any().request_number(1).matches(&req));
        assert!(
            Match::any()
                .custom(|r| r.messages().len() == 3)
                .matches(&req)
        );
        assert!(
            !Match::any()
                .offers_tool("Bash")
                .custom(|_| false)
                .matches(&req)
        );
        let dbg = format!("{:?}", Match::any().custom(|_| true));
        assert!(dbg.contains("custom_predicates: 1"), "{dbg}");
    }
}
