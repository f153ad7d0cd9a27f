//! Tool-name rules shared by hand-written tools and `#[tool]`.

/// The longest tool name MCP clients accept.
pub const MAX_TOOL_NAME_LEN: usize = 64;

/// Why [`validate_tool_name`] refused a name.
///
/// # Examples
///
/// ```
/// use claude_agent::tools::{ToolNameError, validate_tool_name};
///
/// assert_eq!(validate_tool_name(""), Err(ToolNameError::Empty));
/// let err = validate_tool_name("a.b").unwrap_err();
/// assert!(matches!(err, ToolNameError::InvalidChar { found: '.', .. }));
/// assert!(err.to_string().contains("'.'"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ToolNameError {
    /// The name is empty.
    #[error("a tool name cannot be empty")]
    Empty,
    /// The name is longer than [`MAX_TOOL_NAME_LEN`] characters.
    #[error("tool name `{name}` is {len} characters long; the limit is {MAX_TOOL_NAME_LEN}")]
    TooLong {
        /// The name given.
        name: String,
        /// Its length in characters.
        len: usize,
    },
    /// The name holds a character other than an ASCII letter, digit, `_` or `-`.
    #[error(
        "tool name `{name}` contains {found:?}; only ASCII letters, digits, '_' and '-' are allowed"
    )]
    InvalidChar {
        /// The name given.
        name: String,
        /// The first character not allowed.
        found: char,
    },
}

/// Checks a tool name against the rules MCP clients (and the Messages API) enforce: 1 to 64
/// characters, each an ASCII letter, digit, `_` or `-`.
///
/// `#[tool]` applies the same rule to names at compile time; [`ToolServer`](super::ToolServer)
/// applies it to hand-written tools at run time. The model sees the tool as
/// `mcp__<server>__<name>`, so keep server names short too.
///
/// # Examples
///
/// ```
/// use claude_agent::tools::validate_tool_name;
///
/// assert!(validate_tool_name("get_weather-v2").is_ok());
/// assert!(validate_tool_name("").is_err());
/// assert!(validate_tool_name("no spaces").unwrap_err().to_string().contains("' '"));
/// ```
///
/// # Errors
///
/// [`ToolNameError`] says which rule the name breaks.
pub fn validate_tool_name(name: &str) -> Result<(), ToolNameError> {
    // Keep in sync with `claude-agent-macros/src/tool/name.rs` (the macro cannot depend on us).
    if name.is_empty() {
        return Err(ToolNameError::Empty);
    }
    let len = name.chars().count();
    if len > MAX_TOOL_NAME_LEN {
        return Err(ToolNameError::TooLong {
            name: name.to_owned(),
            len,
        });
    }
    if let Some(found) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-'))
    {
        return Err(ToolNameError::InvalidChar {
            name: name.to_owned(),
            found,
        });
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn names_at_the_length_limit_pass_and_beyond_fail() {
        assert!(validate_tool_name(&"a".repeat(64)).is_ok());
        let err = validate_tool_name(&"a".repeat(65)).unwrap_err();
        assert!(matches!(err, ToolNameError::TooLong { len: 65, .. }));
        assert!(err.to_string().contains("65 characters"), "{err}");
    }

    #[test]
    fn dots_slashes_and_non_ascii_are_rejected() {
        for name in ["a.b", "a/b", "é", "a b", "add!"] {
            assert!(validate_tool_name(name).is_err(), "{name}");
        }
        for name in ["A", "_", "-", "add_2-x", "0"] {
            assert!(validate_tool_name(name).is_ok(), "{name}");
        }
    }
}
