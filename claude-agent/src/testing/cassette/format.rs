//! The cassette file: one JSON document of recorded Messages API interactions, readable by
//! people (streamed responses are kept as a list of events, not as raw text).

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Headers that carry credentials: never written to a cassette.
const SECRET_HEADERS: &[&str] = &[
    "x-api-key",
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
];
/// Request headers worth keeping (they change what the API does).
const KEPT_REQUEST_HEADERS: &[&str] = &["anthropic-version", "anthropic-beta", "content-type"];
/// Response headers replayed to the CLI.
const KEPT_RESPONSE_HEADERS: &[&str] = &[
    "content-type",
    "x-should-retry",
    "retry-after",
    "request-id",
];
/// What a scrubbed value is replaced with.
pub(crate) const SCRUBBED: &str = "<scrubbed>";

/// A recorded session: every Messages API request the CLI made and the response it got, in order.
///
/// Written by a recording [`ScriptedModel`](crate::testing::ScriptedModel) (see
/// [`ScriptedModel::record`](crate::testing::ScriptedModel::record)), served back by
/// [`ScriptedModel::replay`](crate::testing::ScriptedModel::replay). API keys and
/// authentication headers are never stored.
///
/// # Examples
///
/// ```
/// use claude_agent::testing::Cassette;
///
/// let cassette: Cassette = serde_json::from_str(r#"{"version": 1, "interactions": []}"#)?;
/// assert!(cassette.interactions.is_empty());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Cassette {
    /// Format version (1).
    pub version: u32,
    /// The interactions, in the order they happened.
    pub interactions: Vec<Interaction>,
}

impl Default for Cassette {
    fn default() -> Self {
        Self {
            version: 1,
            interactions: Vec::new(),
        }
    }
}

/// One request and its response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Interaction {
    /// What the CLI asked.
    pub request: CassetteRequest,
    /// What the API answered.
    pub response: CassetteResponse,
}

/// A recorded request (credentials scrubbed; the `tools` of the body reduced to their names).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CassetteRequest {
    /// HTTP method.
    pub method: String,
    /// Path without the query string.
    pub path: String,
    /// Query string, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// The headers that matter (`anthropic-version`, `anthropic-beta`, `content-type`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<String, String>,
    /// The JSON body.
    pub body: Value,
}

/// A recorded response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CassetteResponse {
    /// HTTP status.
    pub status: u16,
    /// The headers replayed (`content-type`, `x-should-retry`, `retry-after`, `request-id`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<String, String>,
    /// The body.
    pub body: ResponseBody,
}

/// A response body: server-sent events, JSON, or other text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ResponseBody {
    /// A `text/event-stream`, one entry per event.
    Events(Vec<SseEvent>),
    /// A JSON document.
    Json(Value),
    /// Anything else.
    Text(String),
}

/// One server-sent event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SseEvent {
    /// The `event:` name.
    pub event: String,
    /// The `data:` payload (JSON when it parses, else a string).
    pub data: Value,
}

impl Cassette {
    /// Reads a cassette file.
    ///
    /// # Errors
    ///
    /// The file cannot be read or is not a cassette (`InvalidData`, naming the file).
    pub fn load(path: impl AsRef<Path>) -> io::Result<Self> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path)?;
        serde_json::from_str(&text).map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{} is not a cassette: {e}", path.display()),
            )
        })
    }

    /// Writes the cassette as pretty JSON, atomically (a temporary file renamed into place).
    ///
    /// # Errors
    ///
    /// The file cannot be written.
    pub fn save(&self, path: impl AsRef<Path>) -> io::Result<()> {
        let path = path.as_ref();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let text = serde_json::to_string_pretty(self).map_err(io::Error::other)?;
        let staged = path.with_extension(format!("tmp-{}", std::process::id()));
        std::fs::write(&staged, text + "\n")?;
        std::fs::rename(&staged, path)
    }

    /// The Messages API interactions (`POST /v1/messages`).
    pub fn message_interactions(&self) -> impl Iterator<Item = &Interaction> {
        self.interactions.iter().filter(|i| {
            i.request.method == "POST" && i.request.path == super::super::request::MESSAGES_PATH
        })
    }
}

impl CassetteRequest {
    /// Builds the stored form of a request.
    pub(crate) fn capture(
        method: &str,
        path: &str,
        query: Option<String>,
        headers: &[(String, String)],
        body: &Value,
    ) -> Self {
        let headers = headers
            .iter()
            .filter(|(k, _)| KEPT_REQUEST_HEADERS.contains(&k.to_ascii_lowercase().as_str()))
            .map(|(k, v)| (k.to_ascii_lowercase(), v.clone()))
            .collect();
        let mut body = body.clone();
        if let Some(tools) = body.get_mut("tools").and_then(Value::as_array_mut) {
            for tool in tools.iter_mut() {
                if let Some(name) = tool.get("name").cloned() {
                    *tool = name;
                }
            }
        }
        Self {
            method: method.to_owned(),
            path: path.to_owned(),
            query,
            headers,
            body,
        }
    }
}

impl CassetteResponse {
    /// Builds the stored form of a response.
    pub(crate) fn capture(status: u16, headers: &[(String, String)], body: &[u8]) -> Self {
        let headers: BTreeMap<String, String> = headers
            .iter()
            .filter(|(k, _)| KEPT_RESPONSE_HEADERS.contains(&k.to_ascii_lowercase().as_str()))
            .map(|(k, v)| (k.to_ascii_lowercase(), v.clone()))
            .collect();
        let text = String::from_utf8_lossy(body);
        let is_sse = headers
            .get("content-type")
            .is_some_and(|t| t.starts_with("text/event-stream"));
        let body = if is_sse {
            ResponseBody::Events(parse_sse(&text))
        } else if let Ok(json) = serde_json::from_str(&text) {
            ResponseBody::Json(json)
        } else {
            ResponseBody::Text(text.into_owned())
        };
        Self {
            status,
            headers,
            body,
        }
    }

    /// The body as sent on the wire.
    pub(crate) fn body_bytes(&self) -> String {
        match &self.body {
            ResponseBody::Events(events) => events
                .iter()
                .map(|e| match &e.data {
                    Value::String(s) => format!("event: {}\ndata: {s}\n\n", e.event),
                    other => super::super::sse::frame(&e.event, other),
                })
                .collect(),
            ResponseBody::Json(json) => json.to_string(),
            ResponseBody::Text(text) => text.clone(),
        }
    }
}

/// Parses a `text/event-stream` body into its events.
fn parse_sse(text: &str) -> Vec<SseEvent> {
    let text = text.replace("\r\n", "\n");
    text.split("\n\n")
        .filter_map(|block| {
            let mut event = String::from("message");
            let mut data: Vec<&str> = Vec::new();
            for line in block.lines() {
                if let Some(name) = line.strip_prefix("event:") {
                    event = name.trim().to_owned();
                } else if let Some(d) = line.strip_prefix("data:") {
                    data.push(d.strip_prefix(' ').unwrap_or(d));
                }
            }
            if data.is_empty() {
                return None;
            }
            let data = data.join("\n");
            let data = serde_json::from_str(&data).unwrap_or(Value::String(data));
            Some(SseEvent { event, data })
        })
        .collect()
}

/// Whether a header carries credentials.
pub(crate) fn is_secret_header(name: &str) -> bool {
    SECRET_HEADERS.contains(&name.to_ascii_lowercase().as_str())
}

/// Replaces every occurrence of each secret in the cassette's JSON text.
pub(crate) fn scrub(cassette: &Cassette, secrets: &[String]) -> io::Result<Cassette> {
    let mut text = serde_json::to_string(cassette).map_err(io::Error::other)?;
    for secret in secrets.iter().filter(|s| s.len() >= 8) {
        let escaped = serde_json::to_string(secret).map_err(io::Error::other)?;
        let inner = escaped.trim_matches('"');
        text = text.replace(inner, SCRUBBED);
    }
    serde_json::from_str(&text).map_err(io::Error::other)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sse_bodies_become_event_lists_and_back() {
        let wire = "event: message_start\ndata: {\"type\":\"message_start\"}\n\nevent: ping\ndata: {\"type\": \"ping\"}\n\n";
        let headers = [
            ("Content-Type".to_owned(), "text/event-stream".to_owned()),
            ("x-api-key".to_owned(), "k".to_owned()),
        ];
        let response = CassetteResponse::capture(200, &headers, wire.as_bytes());
        let ResponseBody::Events(events) = &response.body else {
            panic!("{response:?}")
        };
        assert_eq!(events.len(), 2);
        assert_eq!(events[1].data, json!({"type": "ping"}));
        assert_eq!(response.headers.len(), 1);
        let again = CassetteResponse::capture(200, &headers, response.body_bytes().as_bytes());
        assert_eq!(again, response);
    }

    #[test]
    fn requests_keep_tool_names_and_drop_credentials() {
        let headers = [
            ("x-api-key".to_owned(), "sk-secret".to_owned()),
            ("Authorization".to_owned(), "Bearer t".to_owned()),
            ("anthropic-version".to_owned(), "2023-06-01".to_owned()),
        ];
        let body = json!({"tools": [{"name": "Bash", "input_schema": {}}], "messages": []});
        let req = CassetteRequest::capture("POST", "/v1/messages", None, &headers, &body);
        assert_eq!(req.body["tools"], json!(["Bash"]));
        assert_eq!(
            req.headers.keys().collect::<Vec<_>>(),
            ["anthropic-version"]
        );
        assert!(is_secret_header("X-Api-Key") && !is_secret_header("anthropic-beta"));
    }

    #[test]
    fn scrub_removes_secrets_anywhere_and_save_load_round_trips() {
        let mut cassette = Cassette::default();
        cassette.interactions.push(Interaction {
            request: CassetteRequest::capture(
                "POST",
                "/v1/messages",
                None,
                &[],
                &json!({"note": "key sk-ant-12345678 here"}),
            ),
            response: CassetteResponse::capture(200, &[], b"{\"ok\":true}"),
        });
        let clean = scrub(&cassette, &["sk-ant-12345678".to_owned()]).unwrap();
        assert_eq!(
            clean.interactions[0].request.body["note"],
            json!("key <scrubbed> here")
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/c.json");
        clean.save(&path).unwrap();
        assert_eq!(Cassette::load(&path).unwrap(), clean);
        std::fs::write(&path, "[]").unwrap();
        let err = Cassette::load(&path).unwrap_err();
        assert!(err.to_string().contains("is not a cassette"), "{err}");
    }
}
