//! [`ToolError`]: a failure the model is told about.

use std::fmt;

/// A tool failure whose message is shown to the model (as an `isError: true` tool result), so it
/// can correct its call or try something else. It is not a [`crate::Error`]: the session goes on.
///
/// Build one from a `String` or `&str`, or from any displayable error with [`ToolError::new`].
///
/// # Examples
///
/// ```
/// use claude_agent::tools::ToolError;
///
/// fn parse(n: &str) -> Result<i64, ToolError> {
///     if n.is_empty() {
///         return Err("empty input".into());
///     }
///     n.parse::<i64>().map_err(ToolError::new)
/// }
/// assert_eq!(parse("").unwrap_err().to_string(), "empty input");
/// assert!(parse("x").unwrap_err().message().contains("invalid digit"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToolError {
    message: String,
}

impl ToolError {
    /// A tool error whose message is `error`'s `Display` text.
    pub fn new(error: impl fmt::Display) -> Self {
        ToolError {
            message: error.to_string(),
        }
    }

    /// The text the model will see.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ToolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ToolError {}

impl From<String> for ToolError {
    fn from(message: String) -> Self {
        ToolError { message }
    }
}

impl From<&str> for ToolError {
    fn from(message: &str) -> Self {
        ToolError {
            message: message.to_owned(),
        }
    }
}
