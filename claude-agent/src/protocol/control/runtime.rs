//! Responses to the run-time control requests: interrupt receipts, MCP resources, reloads.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::initialize::{AgentInfo, SlashCommand};
use super::mcp::McpServerStatus;
use crate::protocol::PluginInfo;
use crate::wire::{nullable, opt_count};

/// What an `interrupt` left behind (CLIs with the `interrupt_receipt_v1` capability; older CLIs
/// answer with an empty receipt).
///
/// Only prompts sent with a [`uuid`](crate::protocol::UserInput::uuid) can be listed; the SDK
/// stamps one on every prompt sent while a turn runs (a prompt the CLI queues), so every
/// cancellable prompt is listed.
///
/// # Examples
///
/// ```
/// use claude_agent::protocol::InterruptReceipt;
///
/// let receipt: InterruptReceipt =
///     serde_json::from_str(r#"{"still_queued":["u2"],"cancelled":[]}"#).unwrap();
/// assert_eq!(receipt.still_queued, ["u2"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InterruptReceipt {
    /// Prompts that survive the interrupt and will still run.
    #[serde(default, deserialize_with = "nullable")]
    pub still_queued: Vec<String>,
    /// Prompts the interrupt cancelled (only when it was asked to cancel queued prompts).
    #[serde(default, deserialize_with = "nullable")]
    pub cancelled: Vec<String>,
}

/// The contents of an MCP resource (`mcp_read_resource`). (The `ListMcpResources` tool's
/// items are [`builtin::McpResource`](crate::builtin::McpResource).)
///
/// # Examples
///
/// ```
/// use claude_agent::protocol::ReadMcpResourceResult;
///
/// let resource: ReadMcpResourceResult = serde_json::from_str(
///     r#"{"contents":[{"uri":"file:///notes.md","mimeType":"text/markdown","text":"hi"}]}"#,
/// ).unwrap();
/// assert_eq!(resource.contents[0].text.as_deref(), Some("hi"));
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReadMcpResourceResult {
    /// The resource's content items.
    #[serde(default, deserialize_with = "nullable")]
    pub contents: Vec<McpResourceContent>,
}

/// One content item of an [`ReadMcpResourceResult`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct McpResourceContent {
    /// The item's URI.
    #[serde(default, deserialize_with = "nullable")]
    pub uri: String,
    /// Its MIME type.
    #[serde(default, rename = "mimeType", skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
    /// Text content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Binary content, base64.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blob: Option<String>,
    /// The server's `_meta` for the item.
    #[serde(default, rename = "_meta", skip_serializing_if = "Option::is_none")]
    pub meta: Option<Map<String, Value>>,
}

/// The result of `reload_plugins`: what the session offers after reloading.
///
/// # Examples
///
/// ```
/// use claude_agent::protocol::ReloadPluginsResult;
///
/// let result: ReloadPluginsResult = serde_json::from_str(
///     r#"{"commands":[],"agents":[],"plugins":[{"name":"p","path":"/p"}],"mcpServers":[],"error_count":0}"#,
/// ).unwrap();
/// assert_eq!(result.plugins[0].name, "p");
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReloadPluginsResult {
    /// Slash commands now available.
    #[serde(default, deserialize_with = "nullable")]
    pub commands: Vec<SlashCommand>,
    /// Subagents now available.
    #[serde(default, deserialize_with = "nullable")]
    pub agents: Vec<AgentInfo>,
    /// Plugins loaded.
    #[serde(default, deserialize_with = "nullable")]
    pub plugins: Vec<PluginInfo>,
    /// MCP servers after the reload.
    #[serde(default, rename = "mcpServers", deserialize_with = "nullable")]
    pub mcp_servers: Vec<McpServerStatus>,
    /// How many plugins failed to load.
    #[serde(default, deserialize_with = "opt_count")]
    pub error_count: Option<u64>,
}

/// The result of `reload_skills`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReloadSkillsResult {
    /// The skills now available.
    #[serde(default, deserialize_with = "nullable")]
    pub skills: Vec<SlashCommand>,
}

/// The result of `reload_output_styles`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReloadOutputStylesResult {
    /// The output styles now available.
    #[serde(default, deserialize_with = "nullable")]
    pub available_output_styles: Vec<String>,
}
