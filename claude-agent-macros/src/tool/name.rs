//! The tool-name rule, applied to names at compile time.
//!
//! Keep in sync with `claude_agent::tools::validate_tool_name` (the macro crate cannot depend on
//! the runtime crate).

/// Checks `name`: 1 to 64 characters, each an ASCII letter, digit, `_` or `-`.
pub(crate) fn validate_tool_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("a tool name cannot be empty".to_owned());
    }
    let len = name.chars().count();
    if len > 64 {
        return Err(format!(
            "tool name `{name}` is {len} characters long; the limit is 64"
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
    fn rule_matches_the_runtime_rule() {
        assert!(validate_tool_name(&"a".repeat(64)).is_ok());
        assert!(validate_tool_name(&"a".repeat(65)).is_err());
        for bad in ["", "a.b", "a b", "é"] {
            assert!(validate_tool_name(bad).is_err(), "{bad}");
        }
        assert!(validate_tool_name("get_weather-2").is_ok());
    }
}
