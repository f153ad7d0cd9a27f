//! Web tools: `WebFetch`, `WebSearch`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::tool_input;
use crate::wire::count;

/// Input of the `WebFetch` tool.
///
/// # Examples
///
/// ```
/// let input: claude_agent::builtin::WebFetchInput = serde_json::from_value(serde_json::json!({
///     "url": "https://example.com", "prompt": "Summarise"
/// })).unwrap();
/// assert_eq!(input.url, "https://example.com");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct WebFetchInput {
    /// The URL to fetch.
    pub url: String,
    /// What to extract from the page.
    pub prompt: String,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
tool_input!(WebFetchInput, "WebFetch");

/// Output of the `WebFetch` tool.
///
/// # Examples
///
/// ```
/// let out: claude_agent::builtin::WebFetchOutput = serde_json::from_value(serde_json::json!({
///     "bytes": 10, "code": 200, "codeText": "OK", "result": "r", "durationMs": 5, "url": "u"
/// })).unwrap();
/// assert_eq!(out.code, 200);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct WebFetchOutput {
    /// Size of the page.
    #[serde(deserialize_with = "count")]
    pub bytes: u64,
    /// HTTP status code.
    #[serde(deserialize_with = "count")]
    pub code: u64,
    /// HTTP status text.
    pub code_text: String,
    /// What the model extracted.
    pub result: String,
    /// How long it took.
    pub duration_ms: f64,
    /// The URL fetched.
    pub url: String,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Input of the `WebSearch` tool.
///
/// # Examples
///
/// ```
/// let input: claude_agent::builtin::WebSearchInput = serde_json::from_value(serde_json::json!({
///     "query": "rust serde", "allowed_domains": ["docs.rs"]
/// })).unwrap();
/// assert_eq!(input.allowed_domains, Some(vec!["docs.rs".to_owned()]));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct WebSearchInput {
    /// The search query.
    pub query: String,
    /// Only results from these domains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_domains: Option<Vec<String>>,
    /// No results from these domains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked_domains: Option<Vec<String>>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
tool_input!(WebSearchInput, "WebSearch");

/// One entry of [`WebSearchOutput::results`]: a batch of hits, or a text commentary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum WebSearchHit {
    /// Hits of one search call.
    Hits {
        /// The search call's id.
        tool_use_id: String,
        /// The hits (`title`, `url`).
        content: Vec<Map<String, Value>>,
    },
    /// Text between searches.
    Text(String),
    /// A shape this SDK version does not know.
    Other(Value),
}

/// Output of the `WebSearch` tool.
///
/// # Examples
///
/// ```
/// use claude_agent::builtin::{WebSearchHit, WebSearchOutput};
///
/// let out: WebSearchOutput = serde_json::from_value(serde_json::json!({
///     "query": "q", "durationSeconds": 1.5,
///     "results": ["Searching", {"tool_use_id": "s1", "content": [{"title": "T", "url": "U"}]}]
/// })).unwrap();
/// assert!(matches!(&out.results[1], WebSearchHit::Hits { content, .. } if content[0]["url"] == "U"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct WebSearchOutput {
    /// The query run.
    pub query: String,
    /// Hits and commentary, in order.
    pub results: Vec<WebSearchHit>,
    /// How long it took.
    pub duration_seconds: f64,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
