//! Typed answers to the SDK's control requests (`initialize`, `mcp_status`, …).
//!
//! All of them decode leniently: absent or `null` fields take their defaults and unknown fields
//! are ignored.

mod initialize;
mod mcp;
mod session;

pub use initialize::{
    AccountInfo, AgentInfo, InitializeResponse, ManifestParking, ModelInfo, SlashCommand,
};
pub use mcp::{McpServerInfo, McpServerStatus, McpSetServersResult, McpStatus, McpToolInfo};
pub use session::{ContextCategory, ContextUsage, RewindFilesResult};
