//! [`ToolHints`]: Claude Code's own per-tool hints, carried in the tool's MCP `_meta`.

use serde_json::{Map, Value};

/// Why [`ToolHints::validate`] refused the hints.
///
/// # Examples
///
/// ```
/// use claude_agent::tools::{ToolHints, ToolHintsError};
///
/// let err = ToolHints::new().max_result_size_chars(0).validate().unwrap_err();
/// assert_eq!(err, ToolHintsError::ZeroMaxResultSize);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ToolHintsError {
    /// `search_hint` has no non-blank word.
    #[error("`search_hint` is blank; give a few words, or leave it out")]
    BlankSearchHint,
    /// `max_result_size_chars` is 0.
    #[error("`max_result_size_chars` must be at least 1")]
    ZeroMaxResultSize,
}

/// `_meta` key: offer the tool to the model directly, never behind `ToolSearch`.
pub(crate) const ALWAYS_LOAD_KEY: &str = "anthropic/alwaysLoad";
/// `_meta` key: words `ToolSearch` matches the tool by.
pub(crate) const SEARCH_HINT_KEY: &str = "anthropic/searchHint";
/// `_meta` key: the result size above which the CLI stores the result in a file.
pub(crate) const MAX_RESULT_SIZE_KEY: &str = "anthropic/maxResultSizeChars";

/// Hints the Claude Code CLI reads from a tool's MCP `_meta` (the `anthropic/...` keys the
/// official SDKs' `tool(..., { alwaysLoad, searchHint })` send). Other MCP clients ignore them.
///
/// - `always_load` (`_meta["anthropic/alwaysLoad"]`): with the CLI's tool search on, offer the
///   tool to the model directly instead of deferring it behind `ToolSearch`. Unset means the
///   server's choice ([`ToolServer::always_load`](super::ToolServer::always_load)), which is
///   `true` unless changed: tools you wrote for your agent are offered directly.
/// - `search_hint` (`_meta["anthropic/searchHint"]`): a few words `ToolSearch` matches the tool
///   by when it is deferred (the CLI collapses whitespace).
/// - `max_result_size_chars` (`_meta["anthropic/maxResultSizeChars"]`): results longer than
///   this are saved to a file and the model gets a `<persisted-output>` block with the file's
///   path and a 2 KB preview instead of the whole text (checked on 2.1.197 and 2.1.330). The
///   CLI caps the value (500,000 characters on 2.1.197).
///
/// All builders are `const`, so hints can live in a [`Tool::HINTS`](super::Tool::HINTS)
/// constant; `#[tool(always_load, search_hint = "...", max_result_size_chars = N)]` sets them.
///
/// # Examples
///
/// ```
/// use claude_agent::tools::ToolHints;
///
/// const HINTS: ToolHints = ToolHints::new()
///     .search_hint("weather forecast temperature")
///     .max_result_size_chars(200_000);
/// assert_eq!(HINTS.always_load, None); // the server decides (default: load directly)
/// assert!(HINTS.validate().is_ok());
/// assert!(ToolHints::new().max_result_size_chars(0).validate().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
#[non_exhaustive]
pub struct ToolHints {
    /// Offer the tool directly (`true`) or let tool search defer it (`false`); `None` leaves
    /// it to the server.
    pub always_load: Option<bool>,
    /// Words tool search matches the tool by.
    pub search_hint: Option<&'static str>,
    /// The result size (in characters) above which the CLI saves the result to a file.
    pub max_result_size_chars: Option<u32>,
}

impl ToolHints {
    /// No hints.
    pub const fn new() -> Self {
        ToolHints {
            always_load: None,
            search_hint: None,
            max_result_size_chars: None,
        }
    }

    /// Sets `anthropic/alwaysLoad`.
    pub const fn always_load(mut self, value: bool) -> Self {
        self.always_load = Some(value);
        self
    }

    /// Sets `anthropic/searchHint`.
    pub const fn search_hint(mut self, hint: &'static str) -> Self {
        self.search_hint = Some(hint);
        self
    }

    /// Sets `anthropic/maxResultSizeChars`.
    pub const fn max_result_size_chars(mut self, chars: u32) -> Self {
        self.max_result_size_chars = Some(chars);
        self
    }

    /// Checks the values: a search hint must have a non-blank word, and a maximum result size
    /// must be positive (the CLI ignores anything else).
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::tools::ToolHints;
    ///
    /// let err = ToolHints::new().search_hint("  ").validate().unwrap_err();
    /// assert!(err.to_string().contains("search_hint"), "{err}");
    /// ```
    ///
    /// # Errors
    ///
    /// [`ToolHintsError`] names the value the CLI would ignore.
    pub fn validate(&self) -> Result<(), ToolHintsError> {
        check_hints(self.search_hint, self.max_result_size_chars)
    }
}

/// The checks behind [`ToolHints::validate`], for owned hints too.
pub(crate) fn check_hints(
    search_hint: Option<&str>,
    max_chars: Option<u32>,
) -> Result<(), ToolHintsError> {
    if search_hint.is_some_and(|hint| hint.trim().is_empty()) {
        return Err(ToolHintsError::BlankSearchHint);
    }
    if max_chars == Some(0) {
        return Err(ToolHintsError::ZeroMaxResultSize);
    }
    Ok(())
}

/// The `_meta` object of a tool. `anthropic/alwaysLoad` is always stated, `false` included: a
/// CLI that loads a whole server directly still defers a tool that says `false`.
pub(crate) fn meta(always_load: bool, search_hint: Option<&str>, max_chars: Option<u32>) -> Value {
    let mut map = Map::new();
    map.insert(ALWAYS_LOAD_KEY.into(), always_load.into());
    if let Some(hint) = search_hint {
        map.insert(SEARCH_HINT_KEY.into(), hint.into());
    }
    if let Some(chars) = max_chars {
        map.insert(MAX_RESULT_SIZE_KEY.into(), chars.into());
    }
    Value::Object(map)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn hints_map_to_the_anthropic_meta_keys() {
        assert_eq!(
            meta(true, Some("find me"), Some(10)),
            json!({"anthropic/alwaysLoad": true, "anthropic/searchHint": "find me",
                   "anthropic/maxResultSizeChars": 10})
        );
        assert_eq!(
            meta(false, None, None),
            json!({"anthropic/alwaysLoad": false})
        );
    }

    #[test]
    fn blank_hints_and_zero_sizes_are_refused() {
        assert!(ToolHints::new().search_hint("").validate().is_err());
        assert!(
            ToolHints::new()
                .max_result_size_chars(0)
                .validate()
                .is_err()
        );
        assert!(ToolHints::new().always_load(false).validate().is_ok());
    }
}
