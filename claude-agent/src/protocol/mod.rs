//! Wire types: the messages the CLI prints, the frames the SDK sends, and the typed answers to
//! control requests.
//!
//! The CLI speaks newline-delimited JSON ("stream-json"). Each stdout line is either a
//! [`Message`] (what a session yields to you) or a control frame (handled inside the session).
//!
//! # Forward compatibility
//!
//! CLI versions add message types, subtypes, content blocks and fields all the time. Decoding
//! never fails on valid JSON:
//!
//! - an unknown `type` becomes [`Message::Unknown`], an unknown `system` subtype
//!   [`SystemMessage::Unknown`], an unknown content block [`ContentBlock::Unknown`];
//! - unknown fields are ignored, optional fields may be absent or `null`;
//! - a known type whose fields changed shape falls back to the matching `Unknown` variant, with a
//!   `tracing` warning, instead of failing;
//! - string enums ([`ResultSubtype`], [`McpStatus`], …) keep unknown values in `Other(String)`.
//!
//! # Raw JSON
//!
//! Every parsed message keeps the exact line it came from ([`Message::raw_json`], and
//! `raw_json()` on each message struct), so fields this crate does not model are never lost. The
//! line is stored once per message behind an `Arc` ([`RawJson`]); cloning a message does not copy
//! it.
//!
//! # Examples
//!
//! ```
//! use claude_agent::Message;
//! use claude_agent::protocol::SystemMessage;
//!
//! let line = r#"{"type":"system","subtype":"session_state_changed","state":"idle","session_id":"s1"}"#;
//! let message = Message::from_json(line).unwrap();
//! assert!(matches!(message, Message::System(SystemMessage::SessionStateChanged(_))));
//! assert_eq!(message.session_id(), Some("s1"));
//! assert_eq!(message.raw_json(), line);
//! ```

mod assistant;
mod content;
mod content_de;
pub mod control;
mod events;
mod fast_mode;
mod incoming;
mod message;
mod message_content;
mod outgoing;
mod parse;
pub(crate) mod raw;
mod result;
mod system;
mod usage;
mod user;

#[cfg(test)]
mod tests;

pub use assistant::{ApiMessage, AssistantError, AssistantMessage};
pub use content::{
    ContentBlock, DocumentBlock, ImageBlock, RedactedThinkingBlock, ServerToolResultBlock,
    ServerToolUseBlock, TextBlock, ThinkingBlock, ToolResultBlock, ToolUseBlock,
};
pub use control::{
    AccountInfo, AgentInfo, ContextCategory, ContextUsage, ControlRequest, InitializeResponse,
    InterruptReceipt, ManifestParking, McpResourceContent, McpServerInfo, McpServerStatus,
    McpSetServersResult, McpStatus, McpToolInfo, ModelInfo, ReadMcpResourceResult,
    ReloadOutputStylesResult, ReloadPluginsResult, ReloadSkillsResult, RewindFilesResult,
    SlashCommand,
};
pub use events::{
    AuthStatus, CommandLifecycle, CommandState, ConversationReset, PromptSuggestion,
    RateLimitEvent, RateLimitInfo, RateLimitStatus, StreamEvent, ToolProgress, ToolUseSummary,
    TranscriptMirror,
};
pub use fast_mode::{FastModeDisabledReason, FastModeState};
pub(crate) use incoming::{
    ControlFailure, InboundRequest, Incoming, parse_incoming, parse_incoming_raw,
};
pub use message::{Message, UnknownMessage};
pub use message_content::{MessageContent, ToolResultContent};
pub use outgoing::{Priority, UserInput};
pub(crate) use outgoing::{
    control_cancel_line, control_error_line, control_request_line, control_success_line,
};
pub use raw::RawJson;
pub use result::{DeferredToolUse, PermissionDenial, ResultMessage, ResultSubtype, TerminalReason};
pub use system::{
    ApiRetry, BackgroundTask, BackgroundTasksChanged, CommandsChanged, CompactBoundary,
    CompactMetadata, CompactTrigger, ControlProgressStatus, ControlRequestProgress,
    ElicitationComplete, FailedFile, FilesPersisted, HookOutcome, HookProgress, HookResponse,
    HookStarted, Informational, InitMcpServer, LocalCommandOutput, LostWrite, MemoryRecall,
    MemoryRecallMode, MemoryScope, MirrorError, MirrorKey, ModelRefusalFallback,
    ModelRefusalNoFallback, PermissionDenied, PersistedFile, PluginInfo, PluginInstall,
    PluginInstallStatus, RecalledMemory, RefusalDirection, RefusalScope, SessionState,
    SessionStateChanged, SessionTitleChanged, SessionWritesLost, StatusMessage, SystemInit,
    SystemMessage, SystemNotification, TaskNotification, TaskProgress, TaskStarted, TaskStatus,
    TaskUpdated, TaskUsage, ThinkingTokens, UnknownSystem, WorkerShuttingDown, WriteErrorCode,
};
pub use usage::{ModelUsage, ServerToolUsage, Usage};
pub use user::{UserMessage, UserMessageBody};
