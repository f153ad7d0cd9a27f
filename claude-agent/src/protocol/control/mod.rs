//! The SDK's control requests ([`ControlRequest`]) and their typed answers (`initialize`,
//! `mcp_status`, …).
//!
//! All of them decode leniently: absent or `null` fields take their defaults and unknown fields
//! are ignored.

mod initialize;
mod mcp;
mod request;
mod runtime;
mod session;

pub use initialize::{
    AccountInfo, AgentInfo, InitializeResponse, ManifestParking, ModelInfo, SlashCommand,
};
pub use mcp::{McpServerInfo, McpServerStatus, McpSetServersResult, McpStatus, McpToolInfo};
pub use request::ControlRequest;
pub use runtime::{
    InterruptReceipt, McpResourceContent, ReadMcpResourceResult, ReloadOutputStylesResult,
    ReloadPluginsResult, ReloadSkillsResult,
};
pub use session::{ContextCategory, ContextUsage, RewindFilesResult};
