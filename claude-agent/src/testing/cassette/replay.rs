//! Serving a cassette: matching each request of the CLI to a recorded interaction by content,
//! and explaining with a diff when none fits.

use std::fmt;

use serde_json::{Value, json};

use super::format::{Cassette, CassetteResponse, Interaction};
use crate::testing::RecordedRequest;

/// How replay picks the recorded interaction for a request.
///
/// # Examples
///
/// ```
/// use claude_agent::testing::ReplayOrder;
/// assert_eq!(ReplayOrder::default(), ReplayOrder::InOrder);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReplayOrder {
    /// Each request must match the next unused interaction (the default).
    #[default]
    InOrder,
    /// Each request takes the first unused interaction that matches it, wherever it is (for
    /// sessions whose subagent turns interleave differently from run to run).
    AnyOrder,
}

/// The CLI asked for something the cassette does not have. `Display` shows what was expected
/// and what came, as a line diff of the matched content.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CassetteMismatch {
    /// The request's number among Messages API requests (1-based).
    pub number: usize,
    /// The matched content of the interaction expected next, as pretty JSON (`None`: the
    /// cassette ran out).
    pub expected: Option<String>,
    /// The matched content of the request that came, as pretty JSON.
    pub actual: String,
}

impl fmt::Display for CassetteMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let actual = &self.actual;
        match &self.expected {
            None => write!(
                f,
                "request #{} is not in the cassette (all its interactions were used); it asked:\n{actual}",
                self.number
            ),
            Some(expected) => {
                writeln!(
                    f,
                    "request #{} does not match the cassette (- recorded, + requested):",
                    self.number
                )?;
                f.write_str(&line_diff(expected, actual))
            }
        }
    }
}

impl std::error::Error for CassetteMismatch {}

/// What a request is matched on: the model, streaming, the number of messages, the last user
/// message's own text and the `tool_result`s it carries (ids and error flags). Volatile parts
/// (paths, dates, session ids in the system prompt and metadata, tool output) are left out.
pub(crate) fn match_key(req: &RecordedRequest) -> Value {
    let results: Vec<Value> = req
        .tool_results()
        .iter()
        .map(|r| json!({"tool_use_id": r.tool_use_id, "is_error": r.is_error}))
        .collect();
    json!({
        "model": req.model,
        "stream": req.stream,
        "messages": req.messages().len(),
        "last_user_text": req.last_user_text(),
        "tool_results": results,
    })
}

fn interaction_key(interaction: &Interaction) -> Value {
    let mut req = RecordedRequest::messages_request(interaction.request.body.clone());
    req.query = interaction.request.query.clone();
    match_key(&req)
}

/// The replay state of one server.
#[derive(Debug)]
pub(crate) struct Replayer {
    interactions: Vec<(Value, CassetteResponse)>,
    used: Vec<bool>,
    order: ReplayOrder,
    pub(crate) mismatches: Vec<CassetteMismatch>,
}

impl Replayer {
    pub(crate) fn new(cassette: &Cassette, order: ReplayOrder) -> Self {
        let interactions: Vec<_> = cassette
            .message_interactions()
            .map(|i| (interaction_key(i), i.response.clone()))
            .collect();
        Self {
            used: vec![false; interactions.len()],
            interactions,
            order,
            mismatches: Vec::new(),
        }
    }

    /// The recorded response for `req`, or the mismatch (also kept for the test to report).
    pub(crate) fn pick(
        &mut self,
        req: &RecordedRequest,
    ) -> Result<CassetteResponse, CassetteMismatch> {
        let key = match_key(req);
        let next = self.used.iter().position(|u| !u);
        let found = match self.order {
            ReplayOrder::InOrder => next.filter(|&i| self.interactions[i].0 == key),
            ReplayOrder::AnyOrder => (0..self.interactions.len())
                .find(|&i| !self.used[i] && self.interactions[i].0 == key),
        };
        if let Some(i) = found {
            self.used[i] = true;
            return Ok(self.interactions[i].1.clone());
        }
        let mismatch = CassetteMismatch {
            number: req.number.unwrap_or_default(),
            expected: next.map(|i| pretty(&self.interactions[i].0)),
            actual: pretty(&key),
        };
        self.mismatches.push(mismatch.clone());
        Err(mismatch)
    }

    /// How many recorded interactions were not asked for.
    pub(crate) fn unused(&self) -> usize {
        self.used.iter().filter(|u| !**u).count()
    }
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// A minimal line diff (longest common subsequence): `  ` same, `- ` only in `a`, `+ ` only in `b`.
fn line_diff(a: &str, b: &str) -> String {
    let a: Vec<&str> = a.lines().collect();
    let b: Vec<&str> = b.lines().collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = String::new();
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push_str(&format!("  {}\n", a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push_str(&format!("- {}\n", a[i]));
            i += 1;
        } else {
            out.push_str(&format!("+ {}\n", b[j]));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::super::format::{CassetteRequest, ResponseBody};
    use super::*;

    fn interaction(prompt: &str, answer: &str) -> Interaction {
        let body = json!({"model": "m", "stream": true, "messages": [{"role": "user", "content": prompt}]});
        Interaction {
            request: CassetteRequest::capture("POST", "/v1/messages", None, &[], &body),
            response: CassetteResponse::capture(200, &[], answer.as_bytes()),
        }
    }

    fn request(n: usize, prompt: &str) -> RecordedRequest {
        let mut req = RecordedRequest::messages_request(
            json!({"model": "m", "stream": true, "messages": [{"role": "user", "content": prompt}]}),
        );
        req.number = Some(n);
        req
    }

    fn cassette(pairs: &[(&str, &str)]) -> Cassette {
        Cassette {
            interactions: pairs.iter().map(|(p, a)| interaction(p, a)).collect(),
            ..Cassette::default()
        }
    }

    #[test]
    fn in_order_replay_serves_each_interaction_once() {
        let mut r = Replayer::new(
            &cassette(&[("one", "\"1\""), ("two", "\"2\"")]),
            ReplayOrder::InOrder,
        );
        assert_eq!(
            r.pick(&request(1, "one")).unwrap().body,
            ResponseBody::Json(json!("1"))
        );
        // Out of order is a mismatch in the default mode.
        let err = r.pick(&request(2, "three")).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("request #2 does not match"), "{text}");
        assert!(text.contains("-   \"last_user_text\": \"two\","), "{text}");
        assert!(
            text.contains("+   \"last_user_text\": \"three\","),
            "{text}"
        );
        assert!(text.contains("    \"model\": \"m\","), "{text}");
        let minus = text.find("-   \"last_user_text\"").unwrap();
        let plus = text.find("+   \"last_user_text\"").unwrap();
        assert!(minus < plus, "the recorded line comes first: {text}");
        assert_eq!(
            r.pick(&request(3, "two")).unwrap().body,
            ResponseBody::Json(json!("2"))
        );
        let err = r.pick(&request(4, "two")).unwrap_err();
        assert!(
            err.to_string().contains("all its interactions were used"),
            "{err}"
        );
        assert_eq!(r.mismatches.len(), 2);
        assert_eq!(r.unused(), 0);
    }

    #[test]
    fn any_order_replay_finds_the_matching_interaction() {
        let mut r = Replayer::new(
            &cassette(&[("one", "\"1\""), ("two", "\"2\"")]),
            ReplayOrder::AnyOrder,
        );
        assert_eq!(
            r.pick(&request(1, "two")).unwrap().body,
            ResponseBody::Json(json!("2"))
        );
        assert_eq!(r.unused(), 1);
        assert_eq!(
            r.pick(&request(2, "one")).unwrap().body,
            ResponseBody::Json(json!("1"))
        );
    }
}
