//! Name rules and suggestions: kebab-case agent names, model aliases, "did you mean".

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

/// `"; did you mean `x`?"` for the closest candidate within a small edit distance, else `""`.
pub(crate) fn did_you_mean(word: &str, candidates: &[&str]) -> String {
    closest(word, candidates)
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_default()
}

/// `" (did you mean `x`?)"` for the closest candidate, else `""`: for use mid-sentence.
pub(crate) fn suggestion(word: &str, candidates: &[&str]) -> String {
    closest(word, candidates)
        .map(|c| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default()
}

fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (distance(word, c), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min()
        .map(|(_, c)| c)
}

/// Levenshtein distance.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
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
    fn suggestions_pick_the_closest_key() {
        assert_eq!(
            did_you_mean("descripton", &["description", "prompt"]),
            "; did you mean `description`?"
        );
        assert_eq!(did_you_mean("xyz", &["description"]), "");
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
