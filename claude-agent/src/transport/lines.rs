//! NDJSON framing of the CLI's stdout with a maximum line length.
//!
//! A line longer than the limit is reported once as [`Error::LineTooLong`] and then skipped up to
//! its newline, so memory stays bounded and the stream goes on with the next line.

use tokio::io::{AsyncBufRead, AsyncBufReadExt};

use crate::Error;

/// Reads `\n`-terminated lines of at most `max` bytes.
#[derive(Debug)]
pub(crate) struct LineReader<R> {
    inner: R,
    buf: Vec<u8>,
    max: usize,
    discarding: bool,
}

impl<R: AsyncBufRead + Unpin> LineReader<R> {
    pub(crate) fn new(inner: R, max: usize) -> Self {
        LineReader {
            inner,
            buf: Vec::new(),
            max,
            discarding: false,
        }
    }

    /// The next line without its terminator (`\r\n` or `\n`), an error for an over-long line, or
    /// `None` at end of input. A final unterminated line is returned as a line.
    pub(crate) async fn next_line(&mut self) -> Option<Result<String, Error>> {
        loop {
            let available = match self.inner.fill_buf().await {
                Ok(bytes) => bytes,
                Err(err) => return Some(Err(Error::Io(err))),
            };
            if available.is_empty() {
                if self.discarding || self.buf.is_empty() {
                    self.discarding = false;
                    return None;
                }
                return Some(Ok(self.take_line()));
            }
            match memchr(available) {
                Some(end) => {
                    let was_discarding = std::mem::replace(&mut self.discarding, false);
                    let fits = self.buf.len() + end <= self.max;
                    if !was_discarding && fits {
                        self.buf.extend_from_slice(&available[..end]);
                    }
                    self.inner.consume(end + 1);
                    if was_discarding {
                        continue;
                    }
                    if !fits {
                        self.buf.clear();
                        return Some(Err(Error::LineTooLong { limit: self.max }));
                    }
                    return Some(Ok(self.take_line()));
                }
                None => {
                    let len = available.len();
                    if self.discarding {
                        self.inner.consume(len);
                    } else if self.buf.len() + len > self.max {
                        self.inner.consume(len);
                        self.buf = Vec::new();
                        self.discarding = true;
                        return Some(Err(Error::LineTooLong { limit: self.max }));
                    } else {
                        self.buf.extend_from_slice(available);
                        self.inner.consume(len);
                    }
                }
            }
        }
    }

    fn take_line(&mut self) -> String {
        if self.buf.last() == Some(&b'\r') {
            self.buf.pop();
        }
        let bytes = std::mem::take(&mut self.buf);
        String::from_utf8(bytes)
            .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned())
    }
}

fn memchr(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b'\n', bytes)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use tokio::io::BufReader;

    async fn all(input: &[u8], max: usize, cap: usize) -> Vec<Result<String, String>> {
        let mut reader = LineReader::new(BufReader::with_capacity(cap, input), max);
        let mut out = Vec::new();
        while let Some(item) = reader.next_line().await {
            out.push(item.map_err(|e| e.to_string()));
        }
        out
    }

    #[tokio::test]
    async fn splits_lines_and_keeps_a_final_partial_line() {
        let out = all(b"{\"a\":1}\r\n\n{\"b\":2}\nlast", 100, 4).await;
        assert_eq!(
            out,
            vec![
                Ok("{\"a\":1}".into()),
                Ok(String::new()),
                Ok("{\"b\":2}".into()),
                Ok("last".into())
            ]
        );
    }

    #[tokio::test]
    async fn over_long_line_is_one_error_and_the_stream_goes_on() {
        for cap in [3, 8, 64] {
            let input = format!("ok1\n{}\nok2\n", "x".repeat(50));
            let out = all(input.as_bytes(), 10, cap).await;
            assert_eq!(out.len(), 3, "cap {cap}: {out:?}");
            assert_eq!(out[0], Ok("ok1".into()));
            assert!(out[1].as_ref().unwrap_err().contains("maximum of 10 bytes"));
            assert_eq!(out[2], Ok("ok2".into()));
        }
    }

    #[tokio::test]
    async fn line_of_exactly_the_limit_is_accepted() {
        let out = all(b"0123456789\n", 10, 4).await;
        assert_eq!(out, vec![Ok("0123456789".into())]);
    }
}
