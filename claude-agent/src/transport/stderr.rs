//! Draining the CLI's stderr: always read (a full pipe would block the CLI), keep a bounded tail
//! for error messages, and pass each line to an optional callback.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncRead, BufReader};

use super::lines::LineReader;

/// The callback type for stderr lines.
pub(crate) type StderrCallback = Arc<dyn Fn(&str) + Send + Sync>;

const TAIL_LINES: usize = 40;
const TAIL_BYTES: usize = 8 * 1024;
const MAX_LINE: usize = 64 * 1024;

/// The last lines the CLI wrote to stderr.
#[derive(Debug, Clone, Default)]
pub(crate) struct StderrTail(Arc<Mutex<VecDeque<String>>>);

impl StderrTail {
    fn push(&self, line: String) {
        let Ok(mut tail) = self.0.lock() else { return };
        tail.push_back(crate::error::truncate(&line, TAIL_BYTES));
        while tail.len() > TAIL_LINES || tail.iter().map(String::len).sum::<usize>() > TAIL_BYTES {
            if tail.pop_front().is_none() {
                break;
            }
        }
    }

    /// The tail as one string.
    pub(crate) fn text(&self) -> String {
        self.0
            .lock()
            .map(|t| t.iter().cloned().collect::<Vec<_>>().join("\n"))
            .unwrap_or_default()
    }
}

/// Reads `stderr` to its end.
pub(crate) async fn drain(
    stderr: impl AsyncRead + Unpin,
    tail: StderrTail,
    callback: Option<StderrCallback>,
) {
    let mut lines = LineReader::new(BufReader::new(stderr), MAX_LINE);
    while let Some(line) = lines.next_line().await {
        let Ok(line) = line else { continue };
        tracing::debug!(target: "claude_agent::cli_stderr", "{line}");
        if let Some(callback) = &callback {
            callback(&line);
        }
        tail.push(line);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn keeps_a_bounded_tail_and_calls_back() {
        let input: String = (0..100).map(|i| format!("line {i}\n")).collect();
        let tail = StderrTail::default();
        let seen = Arc::new(Mutex::new(0));
        let counter = seen.clone();
        let cb: StderrCallback = Arc::new(move |_line| *counter.lock().unwrap() += 1);
        drain(input.as_bytes(), tail.clone(), Some(cb)).await;
        assert_eq!(*seen.lock().unwrap(), 100);
        let text = tail.text();
        assert!(text.ends_with("line 99"), "{text}");
        assert!(!text.contains("line 59\n"), "{text}");
        assert_eq!(text.lines().count(), TAIL_LINES);
    }
}
