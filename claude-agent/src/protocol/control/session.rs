//! Responses about the session's state: file rewinds and context usage.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::wire::{count, nullable, opt_count, opt_number};

/// The result of `rewind_files` (camelCase on the wire).
///
/// # Examples
///
/// ```
/// use claude_agent::protocol::RewindFilesResult;
///
/// let result: RewindFilesResult = serde_json::from_str(
///     r#"{"canRewind":true,"filesChanged":["src/main.rs"],"insertions":3,"deletions":1}"#,
/// ).unwrap();
/// assert!(result.can_rewind);
/// assert_eq!(result.files_changed, ["src/main.rs"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RewindFilesResult {
    /// Whether the files can be (or were) rewound.
    #[serde(default, deserialize_with = "nullable")]
    pub can_rewind: bool,
    /// Why not, if they cannot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Files that change.
    #[serde(default, deserialize_with = "nullable")]
    pub files_changed: Vec<String>,
    /// Lines added.
    #[serde(
        default,
        deserialize_with = "opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub insertions: Option<u64>,
    /// Lines removed.
    #[serde(
        default,
        deserialize_with = "opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub deletions: Option<u64>,
}

/// The result of `get_context_usage`: how full the context window is, and with what.
///
/// The headline figures are typed; the detailed breakdown (`gridRows`, `memoryFiles`,
/// `mcpTools`, `messageBreakdown`, …) is in [`raw`](Self::raw).
///
/// # Examples
///
/// ```
/// use claude_agent::protocol::ContextUsage;
///
/// let usage: ContextUsage = serde_json::from_value(serde_json::json!({
///     "categories": [{"name": "Messages", "tokens": 10, "color": "purple"}],
///     "totalTokens": 1492, "maxTokens": 1000000, "percentage": 0, "model": "claude-opus-4-8",
///     "gridRows": []
/// })).unwrap();
/// assert_eq!(usage.total_tokens, Some(1492));
/// assert_eq!(usage.categories[0].tokens, 10);
/// assert!(usage.raw.get("gridRows").is_some());
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[non_exhaustive]
pub struct ContextUsage {
    /// Tokens in use.
    pub total_tokens: Option<u64>,
    /// The usable context size.
    pub max_tokens: Option<u64>,
    /// Percentage of the context in use.
    pub percentage: Option<f64>,
    /// The model the figures are for.
    pub model: Option<String>,
    /// Usage by category (system prompt, tools, messages, free space, …).
    pub categories: Vec<ContextCategory>,
    /// The whole response, as sent.
    #[serde(skip)]
    pub raw: Value,
}

/// One category of [`ContextUsage`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContextCategory {
    /// A display name, e.g. `Messages`.
    #[serde(default, deserialize_with = "nullable")]
    pub name: String,
    /// Tokens in this category.
    #[serde(default, deserialize_with = "count")]
    pub tokens: u64,
    /// A stable id, on newer CLIs (e.g. `free_space`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `used`, `buffer` or `free`, on newer CLIs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ContextUsageFields {
    #[serde(default, deserialize_with = "opt_count")]
    total_tokens: Option<u64>,
    #[serde(default, deserialize_with = "opt_count")]
    max_tokens: Option<u64>,
    #[serde(default, deserialize_with = "opt_number")]
    percentage: Option<f64>,
    #[serde(default)]
    model: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    categories: Vec<ContextCategory>,
}

impl<'de> Deserialize<'de> for ContextUsage {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Value::deserialize(deserializer)?;
        let fields = ContextUsageFields::deserialize(&raw).map_err(serde::de::Error::custom)?;
        Ok(ContextUsage {
            total_tokens: fields.total_tokens,
            max_tokens: fields.max_tokens,
            percentage: fields.percentage,
            model: fields.model,
            categories: fields.categories,
            raw,
        })
    }
}
