//! Append-only mutations (rename, tag) and deletion, done the way the CLI does them.

use std::fs::OpenOptions;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

use serde_json::{Value, json};
use unicode_normalization::UnicodeNormalization;

use crate::{Error, Result};

/// Appends one compact JSON entry and a newline to an existing, non-empty session file.
///
/// The file is opened for appending without creating it; if its last line was cut (no final
/// newline) the entry starts on a fresh line so it stays readable.
pub(crate) fn append_entry(path: &Path, entry: &Value) -> Result<()> {
    let err = |e| Error::session_file(path, e);
    let mut file = OpenOptions::new()
        .read(true)
        .append(true)
        .open(path)
        .map_err(err)?;
    let len = file.metadata().map_err(err)?.len();
    let mut line = String::new();
    if len > 0 {
        let mut last = [0u8; 1];
        file.seek(SeekFrom::Start(len - 1)).map_err(err)?;
        file.read_exact(&mut last).map_err(err)?;
        if last[0] != b'\n' {
            line.push('\n');
        }
    }
    line.push_str(&entry.to_string());
    line.push('\n');
    file.write_all(line.as_bytes()).map_err(err)
}

/// The `custom-title` entry the CLI appends for a rename.
pub(crate) fn title_entry(session_id: &str, title: &str) -> Result<Value> {
    let title = title.trim();
    if title.is_empty() {
        return Err(Error::invalid_argument("title", "the title is empty"));
    }
    Ok(json!({"type": "custom-title", "customTitle": title, "sessionId": session_id}))
}

/// The `tag` entry the CLI appends; `None` clears the tag (`"tag":""`).
pub(crate) fn tag_entry(session_id: &str, tag: Option<&str>) -> Result<Value> {
    let tag = match tag {
        Some(tag) => {
            let clean = sanitize_tag(tag);
            if clean.is_empty() {
                return Err(Error::invalid_argument(
                    "tag",
                    "the tag is empty once invisible characters are removed",
                ));
            }
            clean
        }
        None => String::new(),
    };
    Ok(json!({"type": "tag", "tag": tag, "sessionId": session_id}))
}

/// NFKC-normalizes `tag`, drops invisible and private characters, trims.
///
/// Dropped: control characters, format characters (zero-width, bidi controls, BOM, soft hyphen,
/// tag characters, ...), private-use characters and noncharacters. Unlike the official SDKs,
/// unassigned code points are kept (that needs the Unicode character database).
pub fn sanitize_tag(tag: &str) -> String {
    tag.nfkc()
        .filter(|c| !is_invisible(*c))
        .collect::<String>()
        .trim()
        .to_owned()
}

fn is_invisible(c: char) -> bool {
    let n = u32::from(c);
    c.is_control()
        || matches!(n,
            0x00AD | 0x0600..=0x0605 | 0x061C | 0x06DD | 0x070F | 0x0890..=0x0891 | 0x08E2
            | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F
            | 0xFEFF | 0xFFF9..=0xFFFB | 0x110BD | 0x110CD | 0x13430..=0x1343F
            | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A | 0xE0001 | 0xE0020..=0xE007F
            | 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD
            | 0xFDD0..=0xFDEF)
        || (n & 0xFFFE) == 0xFFFE
}

/// Removes `<id>.jsonl` and the sibling `<id>/` directory (subagent transcripts).
pub(crate) fn delete_files(path: &Path) -> Result<()> {
    std::fs::remove_file(path).map_err(|e| Error::session_file(path, e))?;
    let dir = path.with_extension("");
    if dir.is_dir() {
        std::fs::remove_dir_all(&dir).map_err(|e| Error::session_file(&dir, e))?;
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn tags_lose_invisible_characters() {
        assert_eq!(sanitize_tag("  \u{200B}re\u{202E}view\u{FEFF} "), "review");
        assert_eq!(sanitize_tag("ｆｕｌｌ"), "full");
        assert_eq!(sanitize_tag("\u{E000}"), "");
        assert!(tag_entry("s", Some("\u{200B}")).is_err());
        assert_eq!(tag_entry("s", None).unwrap()["tag"], "");
        assert!(title_entry("s", "   ").is_err());
        assert_eq!(title_entry("s", " T ").unwrap()["customTitle"], "T");
    }

    #[test]
    fn append_starts_a_fresh_line_after_a_cut_one_and_never_creates() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.jsonl");
        assert!(append_entry(&path, &json!({"a":1})).is_err());
        std::fs::write(&path, "{\"x\":1}\n{\"cut\":").unwrap();
        append_entry(&path, &json!({"a":1})).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.ends_with("{\"cut\":\n{\"a\":1}\n"), "{text}");
    }
}
