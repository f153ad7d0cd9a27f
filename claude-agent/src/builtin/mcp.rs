//! MCP resource tools: `ListMcpResources`, `ReadMcpResource`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::tool_input;

/// Input of the `ListMcpResources` tool.
///
/// # Examples
///
/// ```
/// let input: claude_agent::builtin::ListMcpResourcesInput =
///     serde_json::from_value(serde_json::json!({})).unwrap();
/// assert_eq!(input.server, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ListMcpResourcesInput {
    /// Only this server's resources.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
tool_input!(ListMcpResourcesInput, "ListMcpResources");

/// One resource listed by `ListMcpResources` (its output is a list of these).
///
/// # Examples
///
/// ```
/// let list: Vec<claude_agent::builtin::McpResource> = serde_json::from_value(serde_json::json!([
///     {"uri": "file:///a", "name": "a", "server": "fs"}
/// ])).unwrap();
/// assert_eq!(list[0].server, "fs");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct McpResource {
    /// The resource's URI.
    pub uri: String,
    /// Its name.
    pub name: String,
    /// Its MIME type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
    /// Its description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The server offering it.
    pub server: String,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Input of the `ReadMcpResource` tool.
///
/// # Examples
///
/// ```
/// let input: claude_agent::builtin::ReadMcpResourceInput =
///     serde_json::from_value(serde_json::json!({"server": "fs", "uri": "file:///a"})).unwrap();
/// assert_eq!(input.uri, "file:///a");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ReadMcpResourceInput {
    /// The server.
    pub server: String,
    /// The resource's URI.
    pub uri: String,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
tool_input!(ReadMcpResourceInput, "ReadMcpResource");

/// One content item of [`ReadMcpResourceOutput`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct McpResourceContents {
    /// The resource's URI.
    pub uri: String,
    /// Its MIME type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
    /// Its text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Fields this SDK version does not know (e.g. `blob`).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Output of the `ReadMcpResource` tool.
///
/// # Examples
///
/// ```
/// let out: claude_agent::builtin::ReadMcpResourceOutput = serde_json::from_value(serde_json::json!({
///     "contents": [{"uri": "file:///a", "text": "hello"}]
/// })).unwrap();
/// assert_eq!(out.contents[0].text.as_deref(), Some("hello"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ReadMcpResourceOutput {
    /// The contents.
    pub contents: Vec<McpResourceContents>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
