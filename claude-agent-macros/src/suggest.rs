//! "Did you mean": the closest known word to a misspelt key, event or value.

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
    fn suggestions_pick_the_closest_word() {
        assert_eq!(
            did_you_mean("descripton", &["description", "prompt"]),
            "; did you mean `description`?"
        );
        assert_eq!(did_you_mean("xyz", &["description"]), "");
        assert_eq!(
            suggestion("sonet", &["sonnet"]),
            " (did you mean `sonnet`?)"
        );
    }
}
