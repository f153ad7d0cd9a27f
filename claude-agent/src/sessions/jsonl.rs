//! Lenient JSONL reading: head and tail reads for listing, whole-file reads for messages.
//!
//! Session files are written while we read them, may end in a truncated line, and may hold
//! garbage. Bad lines are skipped with a `tracing` warning; reading never fails on content.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;
use std::time::SystemTime;

use serde::de::DeserializeOwned;
use serde_json::Value;

/// How much of each end of a file listing reads.
pub(crate) const CHUNK: u64 = 64 * 1024;

/// The two ends of a session file.
#[derive(Debug)]
pub(crate) struct HeadTail {
    /// The first [`CHUNK`] bytes.
    pub head: Vec<u8>,
    /// The last [`CHUNK`] bytes (empty when the head already holds the whole file).
    pub tail: Vec<u8>,
    /// The file size when it was opened.
    pub size: u64,
    /// The modification time.
    pub modified: SystemTime,
}

impl HeadTail {
    /// The complete lines of the head, in order. The last fragment counts only when the head is
    /// the whole file (it is then the file's possibly truncated last line).
    pub fn head_lines(&self) -> Vec<&[u8]> {
        let whole = self.size <= CHUNK;
        complete_lines(&self.head, false, !whole)
    }

    /// The complete lines of the tail, in order (the whole file's lines when the file is small).
    pub fn tail_lines(&self) -> Vec<&[u8]> {
        if self.tail.is_empty() {
            return self.head_lines();
        }
        complete_lines(&self.tail, true, false)
    }
}

impl HeadTail {
    /// The two ends of a transcript held in memory.
    pub fn of_bytes(bytes: &[u8], modified: SystemTime) -> HeadTail {
        let size = bytes.len() as u64;
        let chunk = CHUNK as usize;
        HeadTail {
            head: bytes[..bytes.len().min(chunk)].to_vec(),
            tail: if bytes.len() > chunk {
                bytes[bytes.len() - chunk..].to_vec()
            } else {
                Vec::new()
            },
            size,
            modified,
        }
    }
}

/// Reads the first and last [`CHUNK`] bytes of `path`, never more.
pub(crate) fn read_head_tail(path: &Path) -> io::Result<HeadTail> {
    let mut file = File::open(path)?;
    let meta = file.metadata()?;
    let size = meta.len();
    let modified = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
    let mut head = Vec::with_capacity(CHUNK.min(size) as usize);
    (&mut file).take(CHUNK).read_to_end(&mut head)?;
    let mut tail = Vec::new();
    if size > CHUNK {
        file.seek(SeekFrom::Start(size - CHUNK))?;
        file.take(CHUNK).read_to_end(&mut tail)?;
    }
    Ok(HeadTail {
        head,
        tail,
        size,
        modified,
    })
}

/// Splits `bytes` into lines, dropping empty ones; `skip_first` drops the first fragment (it
/// starts mid-line), `skip_last` the last one when no newline ends it.
fn complete_lines(bytes: &[u8], skip_first: bool, skip_last: bool) -> Vec<&[u8]> {
    let mut parts: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
    if skip_first && !parts.is_empty() {
        parts.remove(0);
    }
    if skip_last && !bytes.ends_with(b"\n") {
        parts.pop();
    }
    parts.retain(|l| !l.iter().all(u8::is_ascii_whitespace));
    parts
}

/// Decodes one line as `T`, or `None` with a warning (bad UTF-8, bad JSON, wrong shape).
pub(crate) fn decode_line<T: DeserializeOwned>(line: &[u8], path: &Path) -> Option<T> {
    match serde_json::from_slice::<T>(line) {
        Ok(value) => Some(value),
        Err(err) => {
            tracing::warn!(
                path = %path.display(),
                error = %err,
                "skipping an unreadable line of a session file"
            );
            None
        }
    }
}

/// Every decodable line of `bytes`; the last line may be truncated (skipped if it is).
pub(crate) fn decode_all<T: DeserializeOwned>(bytes: &[u8], path: &Path) -> Vec<T> {
    complete_lines(bytes, false, false)
        .into_iter()
        .filter_map(|line| decode_line(line, path))
        .collect()
}

/// Every decodable JSON object of the file at `path`.
pub(crate) fn read_entries(path: &Path) -> io::Result<Vec<Value>> {
    let bytes = std::fs::read(path)?;
    Ok(decode_all::<Value>(&bytes, path)
        .into_iter()
        .filter(Value::is_object)
        .collect())
}

/// The lines of `bytes` with their byte ranges (for parsing each line twice cheaply).
pub(crate) fn line_ranges(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            if i > start {
                out.push(start..i);
            }
            start = i + 1;
        }
    }
    if start < bytes.len() {
        out.push(start..bytes.len());
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn truncated_and_garbage_lines_are_skipped() {
        let bytes = b"{\"a\":1}\n\xff\xfe garbage\nnot json\n{\"b\":2}\n{\"c\":";
        let values: Vec<Value> = decode_all(bytes, Path::new("x"));
        assert_eq!(
            values,
            vec![serde_json::json!({"a":1}), serde_json::json!({"b":2})]
        );
    }

    #[test]
    fn head_and_tail_of_a_big_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.jsonl");
        let line = format!("{{\"pad\":\"{}\"}}\n", "x".repeat(1000));
        let mut text = String::from("{\"first\":true}\n");
        for _ in 0..200 {
            text.push_str(&line);
        }
        text.push_str("{\"last\":true}\n");
        std::fs::write(&path, &text).unwrap();
        let ht = read_head_tail(&path).unwrap();
        assert_eq!(ht.size, text.len() as u64);
        assert_eq!(ht.head.len() as u64, CHUNK);
        let head = ht.head_lines();
        assert_eq!(head[0], b"{\"first\":true}");
        assert!(
            head.iter()
                .all(|l| serde_json::from_slice::<Value>(l).is_ok())
        );
        let tail = ht.tail_lines();
        assert_eq!(*tail.last().unwrap(), b"{\"last\":true}");
        assert!(
            tail.iter()
                .all(|l| serde_json::from_slice::<Value>(l).is_ok())
        );
    }

    #[test]
    fn small_file_tail_is_its_head() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.jsonl");
        std::fs::write(&path, "{\"a\":1}\n{\"b\":").unwrap();
        let ht = read_head_tail(&path).unwrap();
        assert_eq!(
            ht.tail_lines().len(),
            2,
            "the truncated last line is kept for the caller"
        );
        assert_eq!(line_ranges(b"ab\n\ncd"), vec![0..2, 4..6]);
    }
}
