//! File tools: `Read`, `Write`, `Edit`, `Glob`, `Grep`, `NotebookEdit`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::tool_input;
use crate::wire::opt_count;
use crate::wire::wire_enum;

/// Input of the `Read` tool.
///
/// # Examples
///
/// ```
/// let input: claude_agent::builtin::ReadInput =
///     serde_json::from_value(serde_json::json!({"file_path": "/a.rs", "offset": 10})).unwrap();
/// assert_eq!((input.file_path.as_str(), input.offset), ("/a.rs", Some(10)));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ReadInput {
    /// Absolute path of the file.
    pub file_path: String,
    /// First line to read.
    #[serde(
        deserialize_with = "opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub offset: Option<u64>,
    /// How many lines to read.
    #[serde(
        deserialize_with = "opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub limit: Option<u64>,
    /// Page range of a PDF, e.g. `"1-5"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<String>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
tool_input!(ReadInput, "Read");

/// Input of the `Write` tool.
///
/// # Examples
///
/// ```
/// let input: claude_agent::builtin::WriteInput =
///     serde_json::from_value(serde_json::json!({"file_path": "/a", "content": "x"})).unwrap();
/// assert_eq!(input.content, "x");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct WriteInput {
    /// Absolute path of the file.
    pub file_path: String,
    /// The new content.
    pub content: String,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
tool_input!(WriteInput, "Write");

/// Input of the `Edit` tool: an exact string replacement.
///
/// # Examples
///
/// ```
/// let input: claude_agent::builtin::EditInput = serde_json::from_value(serde_json::json!({
///     "file_path": "/a", "old_string": "x", "new_string": "y", "replace_all": true
/// })).unwrap();
/// assert_eq!(input.replace_all, Some(true));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct EditInput {
    /// Absolute path of the file.
    pub file_path: String,
    /// The text to replace.
    pub old_string: String,
    /// The replacement.
    pub new_string: String,
    /// Replace every occurrence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replace_all: Option<bool>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
tool_input!(EditInput, "Edit");

/// Input of the `Glob` tool.
///
/// # Examples
///
/// ```
/// let input: claude_agent::builtin::GlobInput =
///     serde_json::from_value(serde_json::json!({"pattern": "**/*.rs"})).unwrap();
/// assert_eq!(input.path, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct GlobInput {
    /// The glob pattern.
    pub pattern: String,
    /// The directory to search in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
tool_input!(GlobInput, "Glob");

wire_enum! {
    default;
    /// What `Grep` prints.
    pub enum GrepOutputMode {
        /// Matching lines.
        Content = "content",
        /// Names of matching files.
        FilesWithMatches = "files_with_matches",
        /// Match counts.
        Count = "count",
    }
}

/// Input of the `Grep` tool (ripgrep).
///
/// # Examples
///
/// ```
/// use claude_agent::builtin::{GrepInput, GrepOutputMode};
///
/// let input: GrepInput = serde_json::from_value(serde_json::json!({
///     "pattern": "fn main", "-i": true, "output_mode": "count"
/// })).unwrap();
/// assert_eq!(input.case_insensitive, Some(true));
/// assert_eq!(input.output_mode, Some(GrepOutputMode::Count));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct GrepInput {
    /// The regular expression.
    pub pattern: String,
    /// File or directory to search.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Only files matching this glob.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub glob: Option<String>,
    /// Only files of this ripgrep type.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub file_type: Option<String>,
    /// What to print.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output_mode: Option<GrepOutputMode>,
    /// `-i`: case insensitive.
    #[serde(rename = "-i", skip_serializing_if = "Option::is_none")]
    pub case_insensitive: Option<bool>,
    /// `-n`: line numbers.
    #[serde(rename = "-n", skip_serializing_if = "Option::is_none")]
    pub line_numbers: Option<bool>,
    /// `-B`: lines of context before.
    #[serde(
        rename = "-B",
        deserialize_with = "opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub before: Option<u64>,
    /// `-A`: lines of context after.
    #[serde(
        rename = "-A",
        deserialize_with = "opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub after: Option<u64>,
    /// `-C`: lines of context around.
    #[serde(
        rename = "-C",
        deserialize_with = "opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub around: Option<u64>,
    /// Lines of context around (long spelling of `-C`).
    #[serde(
        deserialize_with = "opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub context: Option<u64>,
    /// Keep only the first N results.
    #[serde(
        deserialize_with = "opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub head_limit: Option<u64>,
    /// Skip the first N results.
    #[serde(
        deserialize_with = "opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub offset: Option<u64>,
    /// Let patterns span lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub multiline: Option<bool>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
tool_input!(GrepInput, "Grep");

wire_enum! {
    default;
    /// A notebook cell's kind.
    pub enum CellType {
        /// Code.
        Code = "code",
        /// Markdown.
        Markdown = "markdown",
    }
}

wire_enum! {
    default;
    /// What `NotebookEdit` does to the cell.
    pub enum NotebookEditMode {
        /// Replace its source.
        Replace = "replace",
        /// Insert a new cell.
        Insert = "insert",
        /// Delete it.
        Delete = "delete",
    }
}

/// Input of the `NotebookEdit` tool.
///
/// # Examples
///
/// ```
/// use claude_agent::builtin::{NotebookEditInput, NotebookEditMode};
///
/// let input: NotebookEditInput = serde_json::from_value(serde_json::json!({
///     "notebook_path": "/a.ipynb", "new_source": "print(1)", "edit_mode": "insert"
/// })).unwrap();
/// assert_eq!(input.edit_mode, Some(NotebookEditMode::Insert));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct NotebookEditInput {
    /// Absolute path of the notebook.
    pub notebook_path: String,
    /// The cell to edit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell_id: Option<String>,
    /// The cell's new source.
    pub new_source: String,
    /// The cell's kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell_type: Option<CellType>,
    /// What to do.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edit_mode: Option<NotebookEditMode>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
tool_input!(NotebookEditInput, "NotebookEdit");
