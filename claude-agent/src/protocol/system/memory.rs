//! `system/memory_recall`: memories the CLI surfaced into a turn.

use serde::{Deserialize, Serialize};

use crate::protocol::RawJson;
use crate::protocol::raw::impl_raw;
use crate::wire::nullable;
use crate::wire::wire_enum;

/// `system/memory_recall`: memory files (or a synthesis of them) were recalled into the turn
/// (CLI 2.1.197+), the "Recalled from memory" line of the terminal UI.
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
/// use claude_agent::protocol::{MemoryRecallMode, MemoryScope, SystemMessage};
///
/// let line = r#"{"type":"system","subtype":"memory_recall","mode":"select",
///   "memories":[{"path":"/home/me/.claude/memory/style.md","scope":"personal"}],
///   "uuid":"u","session_id":"s"}"#;
/// let Message::System(SystemMessage::MemoryRecall(recall)) = Message::from_json(line).unwrap() else { panic!() };
/// assert_eq!(recall.mode, MemoryRecallMode::Select);
/// assert_eq!(recall.memories[0].scope, MemoryScope::Personal);
/// assert_eq!(recall.memories[0].content, None);
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct MemoryRecall {
    /// Whether whole files were selected or a paragraph was synthesised from many.
    #[serde(default, deserialize_with = "nullable")]
    pub mode: MemoryRecallMode,
    /// The memories recalled.
    #[serde(default, deserialize_with = "nullable")]
    pub memories: Vec<RecalledMemory>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

impl_raw!(MemoryRecall);

/// One entry of [`MemoryRecall::memories`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RecalledMemory {
    /// The memory file's absolute path; `<synthesis:DIR>` in `synthesize` mode; an https URL
    /// for `organization` scope.
    #[serde(default, deserialize_with = "nullable")]
    pub path: String,
    /// Whose memory it is.
    #[serde(default, deserialize_with = "nullable")]
    pub scope: MemoryScope,
    /// The memory's text; absent for file-backed `select` entries (read the file at `path`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
}

wire_enum! {
    default;
    /// [`MemoryRecall::mode`].
    pub enum MemoryRecallMode {
        /// Whole memory files chosen by a selector.
        Select = "select",
        /// One paragraph distilled from many small memories.
        Synthesize = "synthesize",
    }
}

wire_enum! {
    default;
    /// [`RecalledMemory::scope`].
    pub enum MemoryScope {
        /// The user's own memory.
        Personal = "personal",
        /// Shared with the team.
        Team = "team",
        /// The organisation's.
        Organization = "organization",
    }
}
