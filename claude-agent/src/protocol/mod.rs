//! Wire types: messages the CLI prints and control frames both ways. (Stub; being written.)
use serde_json::Value;

/// One message from the CLI. (Stub.)
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Message {
    /// The end of a turn.
    Result(ResultMessage),
    /// Anything else.
    Unknown(Value),
}
/// Stub.
#[derive(Debug, Clone)]
pub struct ResultMessage {
    /// Stub.
    pub is_error: bool,
}
/// Stub.
#[derive(Debug, Clone)]
pub enum ContentBlock {}
