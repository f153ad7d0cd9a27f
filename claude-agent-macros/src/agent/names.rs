//! Name rules: kebab-case agent names and model aliases.

use crate::suggest::suggestion;

/// Model aliases the CLI understands (a full model id contains `-` and is not checked).
pub(crate) const MODEL_ALIASES: &[&str] = &[
    "sonnet",
    "opus",
    "haiku",
    "inherit",
    "default",
    "best",
    "opusplan",
    "sonnet[1m]",
    "opus[1m]",
];

/// `CodeReviewer` → `code-reviewer`, `HTTPClient` → `http-client`.
pub(crate) fn kebab_case(camel: &str) -> String {
    let chars: Vec<char> = camel.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
            continue;
        }
        if c.is_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if (prev.is_lowercase() || prev.is_ascii_digit() || (prev.is_uppercase() && next_lower))
                && !out.ends_with('-')
            {
                out.push('-');
            }
        }
        out.extend(c.to_lowercase());
    }
    out.trim_end_matches('-').to_owned()
}

/// Checks an agent name: 1 to 64 characters of ASCII letters, digits, `-` and `_`.
pub(crate) fn validate_agent_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("an agent name cannot be empty".to_owned());
    }
    if name.chars().count() > 64 {
        return Err(format!("agent name `{name}` is longer than 64 characters"));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        return Err(format!(
            "agent name `{name}` contains {bad:?}; only ASCII letters, digits, '-' and '_' are allowed"
        ));
    }
    Ok(())
}

/// Checks a model literal: a known alias, or a full model id (it contains `-`).
pub(crate) fn check_model(model: &str) -> Result<(), String> {
    if model.contains('-') || MODEL_ALIASES.contains(&model) {
        return Ok(());
    }
    Err(format!(
        "unknown model alias `{model}`{}; expected one of {} or a full model id such as \
         `claude-sonnet-4-5`",
        suggestion(model, MODEL_ALIASES),
        MODEL_ALIASES.join(", ")
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_splits_words_and_acronyms() {
        assert_eq!(kebab_case("Reviewer"), "reviewer");
        assert_eq!(kebab_case("CodeReviewer"), "code-reviewer");
        assert_eq!(kebab_case("HTTPClient"), "http-client");
        assert_eq!(kebab_case("Tester2Go"), "tester2-go");
        assert_eq!(kebab_case("snake_case_Name"), "snake-case-name");
    }

    #[test]
    fn models_are_aliases_or_full_ids() {
        assert!(check_model("haiku").is_ok());
        assert!(check_model("claude-sonnet-4-5").is_ok());
        let err = check_model("sonet").unwrap_err();
        assert!(err.contains("(did you mean `sonnet`?)"), "{err}");
    }

    #[test]
    fn names_are_checked() {
        assert!(validate_agent_name("code-reviewer").is_ok());
        assert!(validate_agent_name("a b").is_err());
        assert!(validate_agent_name("").is_err());
    }
}
