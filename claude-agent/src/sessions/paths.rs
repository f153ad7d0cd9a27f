//! Where session files live: the config dir, project-directory names, session file names.

use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

/// Project-directory names longer than this are cut and suffixed with a hash.
const MAX_PROJECT_DIR_LEN: usize = 200;

/// The CLI's config directory: `$CLAUDE_CONFIG_DIR`, else `$HOME/.claude`.
pub(crate) fn default_config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("CLAUDE_CONFIG_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(|home| PathBuf::from(home).join(".claude"))
}

/// The name of the project directory the CLI uses for sessions run in `cwd`.
///
/// Every UTF-16 code unit outside `[A-Za-z0-9]` of the (NFC-normalized) path becomes `-`, as the
/// CLI's JavaScript does. Names longer than 200 characters keep their first 200 characters and get
/// `-<hash>` appended.
///
/// # Examples
///
/// ```
/// use claude_agent::sessions::project_dir_name;
///
/// assert_eq!(
///     project_dir_name("/home/dev/proj/bash_tool__cli2.1.197"),
///     "-home-dev-proj-bash-tool--cli2-1-197"
/// );
/// ```
pub fn project_dir_name(cwd: impl AsRef<Path>) -> String {
    let text: String = cwd.as_ref().to_string_lossy().nfc().collect();
    let mut name = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c);
        } else {
            for _ in 0..c.len_utf16() {
                name.push('-');
            }
        }
    }
    if name.len() <= MAX_PROJECT_DIR_LEN {
        return name;
    }
    // `name` is ASCII, so byte and character positions agree.
    format!("{}-{}", &name[..MAX_PROJECT_DIR_LEN], js_string_hash(&text))
}

/// A 32-bit JavaScript-style string hash (`h = h * 31 + unit`, wrapped), absolute value, base 36.
fn js_string_hash(text: &str) -> String {
    let mut hash: i32 = 0;
    for unit in text.encode_utf16() {
        hash = hash.wrapping_mul(31).wrapping_add(i32::from(unit));
    }
    let mut n = hash.unsigned_abs();
    if n == 0 {
        return "0".to_owned();
    }
    let mut digits = Vec::new();
    while n > 0 {
        let d = (n % 36) as u8;
        digits.push(if d < 10 { b'0' + d } else { b'a' + d - 10 });
        n /= 36;
    }
    digits.reverse();
    String::from_utf8_lossy(&digits).into_owned()
}

/// Whether the name of a cut project directory (longer than 200 characters) matches `name`.
pub(crate) fn matches_long_name(candidate: &str, name: &str) -> bool {
    name.len() > MAX_PROJECT_DIR_LEN
        && candidate.len() > MAX_PROJECT_DIR_LEN
        && candidate.as_bytes()[..MAX_PROJECT_DIR_LEN] == name.as_bytes()[..MAX_PROJECT_DIR_LEN]
}

/// Whether `text` is a UUID in its canonical textual form (any version, either case).
pub(crate) fn is_uuid(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// The session id of a `<uuid>.jsonl` file name.
pub(crate) fn session_id_of(path: &Path) -> Option<&str> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_suffix(".jsonl")?;
    is_uuid(stem).then_some(stem)
}

/// Canonicalizes `dir` (falls back to the path as given when it does not exist).
pub(crate) fn canonical(dir: &Path) -> PathBuf {
    dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn names_match_the_cli() {
        assert_eq!(
            project_dir_name("/tmp/claude-agent-test-SgAtnO/work"),
            "-tmp-claude-agent-test-SgAtnO-work"
        );
        assert_eq!(project_dir_name("/a/é"), "-a--");
        assert_eq!(project_dir_name("/a/😀"), "-a---");
    }

    #[test]
    fn long_names_are_cut_and_hashed() {
        let long = format!("/{}", "x".repeat(300));
        let name = project_dir_name(&long);
        assert!(name.len() > 200 && name.len() < 215, "{name}");
        assert!(name.starts_with(&format!("-{}", "x".repeat(199))));
        assert!(matches_long_name(
            &name,
            &format!("{}-otherhash", &name[..200])
        ));
        assert!(!matches_long_name("short", &name));
    }

    #[test]
    fn uuids_are_recognised() {
        assert!(is_uuid("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"));
        assert!(!is_uuid("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeeX"));
        assert!(!is_uuid("../../etc/passwd"));
        assert_eq!(
            session_id_of(Path::new("/x/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee.jsonl")),
            Some("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee")
        );
        assert_eq!(session_id_of(Path::new("/x/notes.jsonl")), None);
    }
}
