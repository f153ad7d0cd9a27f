//! Token usage and cost figures carried by assistant and result messages.

use serde::{Deserialize, Serialize};

use crate::wire::{count, number, opt_count};

/// Token usage of one API response (`assistant`) or one turn (`result`), in the API's snake_case
/// shape. Fields not modelled here (`cache_creation`, `iterations`, …) are in the message's raw
/// JSON.
///
/// # Examples
///
/// ```
/// use claude_agent::protocol::Usage;
///
/// let usage: Usage = serde_json::from_str(
///     r#"{"input_tokens":11,"output_tokens":7,"cache_read_input_tokens":null}"#,
/// ).unwrap();
/// assert_eq!(usage.input_tokens + usage.output_tokens, 18);
/// assert_eq!(usage.cache_read_input_tokens, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Usage {
    /// Input tokens (not counting cache reads and writes).
    #[serde(default, deserialize_with = "count")]
    pub input_tokens: u64,
    /// Output tokens.
    #[serde(default, deserialize_with = "count")]
    pub output_tokens: u64,
    /// Tokens written to the prompt cache.
    #[serde(
        default,
        deserialize_with = "opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub cache_creation_input_tokens: Option<u64>,
    /// Tokens read from the prompt cache.
    #[serde(
        default,
        deserialize_with = "opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub cache_read_input_tokens: Option<u64>,
    /// Server-side tool calls (web search / fetch) made by the API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_tool_use: Option<ServerToolUsage>,
    /// The service tier that served the request (`standard`, `priority`, `batch`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_tier: Option<String>,
}

/// Server-side tool calls counted in [`Usage`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ServerToolUsage {
    /// Web searches.
    #[serde(default, deserialize_with = "count")]
    pub web_search_requests: u64,
    /// Web fetches.
    #[serde(default, deserialize_with = "count")]
    pub web_fetch_requests: u64,
}

/// Cumulative usage of one model in a session (`result.modelUsage[model]`, camelCase on the wire).
///
/// # Examples
///
/// ```
/// use claude_agent::protocol::ModelUsage;
///
/// let usage: ModelUsage = serde_json::from_str(
///     r#"{"inputTokens":11,"outputTokens":7,"costUSD":0.00023,"contextWindow":1000000}"#,
/// ).unwrap();
/// assert_eq!(usage.context_window, Some(1_000_000));
/// assert!(usage.cost_usd > 0.0);
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ModelUsage {
    /// Input tokens.
    #[serde(default, deserialize_with = "count")]
    pub input_tokens: u64,
    /// Output tokens.
    #[serde(default, deserialize_with = "count")]
    pub output_tokens: u64,
    /// Tokens read from the prompt cache.
    #[serde(default, deserialize_with = "count")]
    pub cache_read_input_tokens: u64,
    /// Tokens written to the prompt cache.
    #[serde(default, deserialize_with = "count")]
    pub cache_creation_input_tokens: u64,
    /// Web searches.
    #[serde(default, deserialize_with = "count")]
    pub web_search_requests: u64,
    /// Cost in US dollars.
    #[serde(rename = "costUSD", default, deserialize_with = "number")]
    pub cost_usd: f64,
    /// The model's context window in tokens.
    #[serde(
        default,
        deserialize_with = "opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub context_window: Option<u64>,
    /// The model's maximum output tokens.
    #[serde(
        default,
        deserialize_with = "opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub max_output_tokens: Option<u64>,
    /// The canonical model id, on newer CLIs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_model: Option<String>,
}
