//! Tool-name rules shared by hand-written tools and `#[tool]`.

/// The longest tool name MCP clients accept.
pub const MAX_TOOL_NAME_LEN: usize = 64;

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
/// assert!(validate_tool_name("no spaces").unwrap_err().contains("' '"));
/// ```
pub fn validate_tool_name(name: &str) -> Result<(), String> {
    // Keep in sync with `claude-agent-macros/src/tool/name.rs` (the macro cannot depend on us).
    if name.is_empty() {
        return Err("a tool name cannot be empty".to_owned());
    }
    let len = name.chars().count();
    if len > MAX_TOOL_NAME_LEN {
        return Err(format!(
            "tool name `{name}` is {len} characters long; the limit is {MAX_TOOL_NAME_LEN}"
        ));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-'))
    {
        return Err(format!(
            "tool name `{name}` contains {bad:?}; only ASCII letters, digits, '_' and '-' are allowed"
        ));
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
        assert!(err.contains("65 characters"), "{err}");
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
