//! [`SessionInfo`]: what a listing shows of one session, derived from the two ends of its file.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::jsonl::{HeadTail, decode_line, read_head_tail};
use super::time::{millis_of, parse_millis};

/// One past session, as [`list_sessions`](super::list_sessions) shows it.
///
/// Derived like the CLI and the official SDKs do, from the first and last 64 KiB of the file.
///
/// # Examples
///
/// ```no_run
/// # async fn run() -> claude_agent::Result<()> {
/// for info in claude_agent::sessions::list_sessions(Default::default()).await? {
///     println!("{} {} ({} bytes)", info.session_id, info.summary, info.file_size);
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SessionInfo {
    /// The session id (the file name without `.jsonl`).
    pub session_id: String,
    /// What to show: the custom title, else the last prompt, else a generated summary, else the
    /// first prompt.
    pub summary: String,
    /// Modification time of the file, in milliseconds since the Unix epoch.
    pub last_modified: i64,
    /// Size of the file in bytes.
    pub file_size: u64,
    /// The title set with [`rename_session`](super::rename_session), the `title` option or the
    /// CLI (else an AI-generated title, where the CLI wrote one).
    pub custom_title: Option<String>,
    /// The first real prompt of the session (at most 200 characters, then `…`).
    pub first_prompt: Option<String>,
    /// The git branch the session last ran on.
    pub git_branch: Option<String>,
    /// The working directory of the session.
    pub cwd: Option<String>,
    /// The tag set with [`tag_session`](super::tag_session).
    pub tag: Option<String>,
    /// When the session started, in milliseconds since the Unix epoch.
    pub created_at: Option<i64>,
    /// The session file.
    pub path: PathBuf,
}

/// The fields of a line that listing looks at; the rest is skipped unparsed.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Line {
    #[serde(rename = "type", deserialize_with = "string")]
    kind: Option<String>,
    #[serde(deserialize_with = "string")]
    custom_title: Option<String>,
    #[serde(deserialize_with = "string")]
    ai_title: Option<String>,
    #[serde(deserialize_with = "string")]
    last_prompt: Option<String>,
    #[serde(deserialize_with = "string")]
    summary: Option<String>,
    #[serde(deserialize_with = "string")]
    git_branch: Option<String>,
    #[serde(deserialize_with = "string")]
    cwd: Option<String>,
    #[serde(deserialize_with = "string")]
    tag: Option<String>,
    #[serde(deserialize_with = "string")]
    timestamp: Option<String>,
}

/// Accepts any JSON value, keeps it only when it is a string.
fn string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => Some(s),
        _ => None,
    })
}

/// Reads the info of the session file at `path`; `None` when it is not a listable session
/// (a sidechain file, an empty file, no summary at all).
pub(crate) fn read_info(path: &Path, session_id: &str) -> std::io::Result<Option<SessionInfo>> {
    let ends = read_head_tail(path)?;
    Ok(info_from(&ends, path, session_id))
}

pub(crate) fn info_from(ends: &HeadTail, path: &Path, session_id: &str) -> Option<SessionInfo> {
    let head_raw = ends.head_lines();
    if head_raw
        .first()
        .is_some_and(|l| contains(l, b"\"isSidechain\":true"))
    {
        return None;
    }
    let head = decode_head(&head_raw, path);
    let tail = decode_tail(&ends.tail_lines(), path);
    let last_in = |lines: &[Line], f: &dyn Fn(&Line) -> Option<String>| {
        lines
            .iter()
            .rev()
            .find_map(|l| f(l).filter(|s| !s.is_empty()))
    };
    let title = |l: &Line| {
        (l.kind.as_deref() == Some("custom-title"))
            .then(|| l.custom_title.clone())
            .flatten()
    };
    let ai_title = |l: &Line| {
        (l.kind.as_deref() == Some("ai-title"))
            .then(|| l.ai_title.clone())
            .flatten()
    };
    let custom_title = last_in(&tail, &title)
        .or_else(|| last_in(&head, &title))
        .or_else(|| last_in(&tail, &ai_title))
        .or_else(|| last_in(&head, &ai_title));
    let first_prompt = first_prompt(&head_raw, path);
    let summary = custom_title
        .clone()
        .or_else(|| last_in(&tail, &|l: &Line| l.last_prompt.clone()))
        .or_else(|| {
            last_in(&tail, &|l: &Line| {
                (l.kind.as_deref() == Some("summary"))
                    .then(|| l.summary.clone())
                    .flatten()
            })
        })
        .or_else(|| first_prompt.clone())?;
    let tag_of =
        |l: &Line| (l.kind.as_deref() == Some("tag")).then(|| l.tag.clone().unwrap_or_default());
    let tag = tail
        .iter()
        .rev()
        .find_map(tag_of)
        .or_else(|| head.iter().rev().find_map(tag_of))
        .filter(|t| !t.is_empty());
    Some(SessionInfo {
        session_id: session_id.to_owned(),
        summary,
        last_modified: millis_of(ends.modified),
        file_size: ends.size,
        custom_title,
        first_prompt,
        git_branch: last_in(&tail, &|l: &Line| l.git_branch.clone())
            .or_else(|| head.iter().find_map(|l| l.git_branch.clone())),
        cwd: head.iter().find_map(|l| l.cwd.clone()),
        tag,
        created_at: head
            .iter()
            .find_map(|l| l.timestamp.as_deref().and_then(parse_millis)),
        path: path.to_path_buf(),
    })
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(haystack, needle).is_some()
}

/// Keys of entries that are rare and matter wherever they are (titles, tags, summaries).
const RARE_KEYS: &[&[u8]] = &[
    b"\"customTitle\"",
    b"\"aiTitle\"",
    b"\"lastPrompt\"",
    b"\"type\":\"tag\"",
    b"\"type\":\"summary\"",
];

fn has_rare_key(line: &[u8]) -> bool {
    RARE_KEYS.iter().any(|k| contains(line, k))
}

/// Decodes the head lines that matter: the first ones up to the first `cwd`, `timestamp` and
/// `gitBranch`, and any line with a rare key. A substring search skips the rest unparsed.
fn decode_head(lines: &[&[u8]], path: &Path) -> Vec<Line> {
    let (mut cwd, mut time, mut branch) = (false, false, false);
    let mut out = Vec::new();
    for line in lines {
        let needed = !(cwd && time && branch);
        if !needed && !has_rare_key(line) {
            continue;
        }
        if let Some(decoded) = decode_line::<Line>(line, path) {
            cwd |= decoded.cwd.is_some();
            time |= decoded.timestamp.is_some();
            branch |= decoded.git_branch.is_some();
            out.push(decoded);
        }
    }
    out
}

/// Decodes the tail lines that matter: the last with a `gitBranch`, and any with a rare key.
fn decode_tail(lines: &[&[u8]], path: &Path) -> Vec<Line> {
    let mut branch = false;
    let mut out = Vec::new();
    for line in lines.iter().rev() {
        let wanted = has_rare_key(line) || (!branch && contains(line, b"\"gitBranch\""));
        if !wanted {
            continue;
        }
        if let Some(decoded) = decode_line::<Line>(line, path) {
            branch |= decoded.git_branch.is_some();
            out.push(decoded);
        }
    }
    out.reverse();
    out
}

/// Prompts the CLI injects itself; they are never a session's first prompt.
const SKIPPED_PREFIXES: &[&str] = &[
    "<local-command-stdout>",
    "<session-start-hook>",
    "<tick>",
    "<goal>",
    "[Request interrupted by user",
];

/// The first real prompt among the head's lines.
fn first_prompt(lines: &[&[u8]], path: &Path) -> Option<String> {
    let mut command_fallback = None;
    for line in lines {
        if !contains(line, b"\"type\":\"user\"") {
            continue;
        }
        let Some(entry) = decode_line::<Value>(line, path) else {
            continue;
        };
        if entry["type"] != "user" || entry["isMeta"] == true || entry["isCompactSummary"] == true {
            continue;
        }
        let texts: Vec<&str> = match &entry["message"]["content"] {
            Value::String(s) => vec![s.as_str()],
            Value::Array(blocks) => {
                if blocks.iter().any(|b| b["type"] == "tool_result") {
                    continue;
                }
                blocks
                    .iter()
                    .filter(|b| b["type"] == "text")
                    .filter_map(|b| b["text"].as_str())
                    .collect()
            }
            _ => continue,
        };
        for text in texts {
            let text = text.replace(['\n', '\r'], " ");
            let text = text.trim();
            if text.is_empty()
                || SKIPPED_PREFIXES.iter().any(|p| text.starts_with(p))
                || only_ide_tags(text)
            {
                continue;
            }
            if let Some(name) = command_name(text) {
                command_fallback.get_or_insert(name);
                continue;
            }
            return Some(truncate_prompt(text));
        }
    }
    command_fallback
}

/// Whether `text` is nothing but `<ide_opened_file>…` / `<ide_selection>…` elements.
fn only_ide_tags(text: &str) -> bool {
    let mut rest = text.trim();
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        let Some(tag) = ["ide_opened_file", "ide_selection"]
            .into_iter()
            .find(|t| rest.starts_with(&format!("<{t}>")))
        else {
            return false;
        };
        let close = format!("</{tag}>");
        let Some(end) = rest.find(&close) else {
            return false;
        };
        rest = rest[end + close.len()..].trim_start();
    }
    true
}

/// `x` of a slash-command message `<command-name>x</command-name>…`.
fn command_name(text: &str) -> Option<String> {
    let start = text.find("<command-name>")? + "<command-name>".len();
    let len = text[start..].find("</command-name>")?;
    Some(text[start..start + len].trim().to_owned())
}

fn truncate_prompt(text: &str) -> String {
    match text.char_indices().nth(200) {
        Some((at, _)) => format!("{}…", text[..at].trim_end()),
        None => text.to_owned(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn prompt_of(lines: &[&str]) -> Option<String> {
        let bytes: Vec<&[u8]> = lines.iter().map(|l| l.as_bytes()).collect();
        first_prompt(&bytes, Path::new("x"))
    }

    #[test]
    fn first_prompt_skips_injected_and_meta_messages() {
        let p = prompt_of(&[
            r#"{"type":"user","isMeta":true,"message":{"content":"meta"}}"#,
            r#"{"type":"user","message":{"content":"<local-command-stdout>x"}}"#,
            r#"{"type":"user","message":{"content":"<ide_opened_file>a</ide_opened_file> <ide_selection>b</ide_selection>"}}"#,
            r#"{"type":"user","message":{"content":[{"type":"tool_result","tool_use_id":"t"}]}}"#,
            r#"{"type":"user","message":{"content":[{"type":"text","text":"Fix\nthe bug"}]}}"#,
        ]);
        assert_eq!(p.as_deref(), Some("Fix the bug"));
    }

    #[test]
    fn slash_commands_are_only_a_fallback_and_long_prompts_are_cut() {
        let p = prompt_of(&[
            r#"{"type":"user","message":{"content":"<command-name>/review</command-name>"}}"#,
        ]);
        assert_eq!(p.as_deref(), Some("/review"));
        let long = format!(
            r#"{{"type":"user","message":{{"content":"{}"}}}}"#,
            "a".repeat(300)
        );
        let p = prompt_of(&[&long]).unwrap();
        assert_eq!(p.chars().count(), 201);
        assert!(p.ends_with('…'));
    }
}
