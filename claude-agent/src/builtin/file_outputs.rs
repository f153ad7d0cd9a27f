//! Outputs of the file tools, as a `PostToolUse` hook receives them in `tool_response`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::files::{CellType, GrepOutputMode};
use crate::wire::count;

/// One hunk of a structured diff.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct PatchHunk {
    /// First line in the old file.
    #[serde(deserialize_with = "count")]
    pub old_start: u64,
    /// Lines in the old file.
    #[serde(deserialize_with = "count")]
    pub old_lines: u64,
    /// First line in the new file.
    #[serde(deserialize_with = "count")]
    pub new_start: u64,
    /// Lines in the new file.
    #[serde(deserialize_with = "count")]
    pub new_lines: u64,
    /// The hunk's lines, prefixed with ` `, `-` or `+`.
    pub lines: Vec<String>,
}

/// A git view of a file change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct GitDiff {
    /// The file.
    pub filename: String,
    /// `modified` or `added`.
    pub status: String,
    /// Lines added.
    #[serde(deserialize_with = "count")]
    pub additions: u64,
    /// Lines removed.
    #[serde(deserialize_with = "count")]
    pub deletions: u64,
    /// Lines changed.
    #[serde(deserialize_with = "count")]
    pub changes: u64,
    /// The unified diff.
    pub patch: String,
}

/// Output of the `Edit` tool.
///
/// # Examples
///
/// ```
/// let out: claude_agent::builtin::EditOutput = serde_json::from_value(serde_json::json!({
///     "filePath": "/a", "oldString": "x", "newString": "y", "originalFile": "x",
///     "structuredPatch": [{"oldStart": 1, "oldLines": 1, "newStart": 1, "newLines": 1, "lines": ["-x", "+y"]}],
///     "userModified": false, "replaceAll": false
/// })).unwrap();
/// assert_eq!(out.structured_patch[0].lines, ["-x", "+y"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct EditOutput {
    /// The edited file.
    pub file_path: String,
    /// The replaced text.
    pub old_string: String,
    /// The replacement.
    pub new_string: String,
    /// The file before the edit.
    pub original_file: String,
    /// The change as diff hunks.
    pub structured_patch: Vec<PatchHunk>,
    /// Whether the user changed the edit before accepting it.
    pub user_modified: bool,
    /// Whether every occurrence was replaced.
    pub replace_all: bool,
    /// The change as git sees it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub git_diff: Option<GitDiff>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Output of the `Write` tool.
///
/// # Examples
///
/// ```
/// let out: claude_agent::builtin::WriteOutput = serde_json::from_value(serde_json::json!({
///     "type": "create", "filePath": "/a", "content": "x", "structuredPatch": [], "originalFile": null
/// })).unwrap();
/// assert_eq!((out.kind.as_str(), out.original_file), ("create", None));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct WriteOutput {
    /// `create` or `update`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The written file.
    pub file_path: String,
    /// The new content.
    pub content: String,
    /// The change as diff hunks.
    pub structured_patch: Vec<PatchHunk>,
    /// The file before the write (`None` for a new file).
    pub original_file: Option<String>,
    /// The change as git sees it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub git_diff: Option<GitDiff>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Output of the `Read` tool, by the kind of file read.
///
/// # Examples
///
/// ```
/// use claude_agent::builtin::ReadOutput;
///
/// let out: ReadOutput = serde_json::from_value(serde_json::json!({
///     "type": "text",
///     "file": {"filePath": "/a", "content": "x", "numLines": 1, "startLine": 1, "totalLines": 1}
/// })).unwrap();
/// assert!(matches!(out, ReadOutput::Text { ref content, .. } if content == "x"));
/// let odd: ReadOutput = serde_json::from_value(serde_json::json!({"type": "hologram"})).unwrap();
/// assert!(matches!(odd, ReadOutput::Other(_)));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ReadOutput {
    /// A text file.
    Text {
        /// The file.
        file_path: String,
        /// The lines read.
        content: String,
        /// How many lines were read.
        num_lines: u64,
        /// The first line read.
        start_line: u64,
        /// The file's length in lines.
        total_lines: u64,
    },
    /// An image, base64-encoded (`file` as sent: `base64`, `type`, `originalSize`, `dimensions`).
    Image(Map<String, Value>),
    /// A Jupyter notebook (`file`: `filePath`, `cells`).
    Notebook(Map<String, Value>),
    /// A PDF (`file`: `filePath`, `base64`, `originalSize`).
    Pdf(Map<String, Value>),
    /// A PDF split into parts (`file`: `filePath`, `originalSize`, `count`, `outputDir`).
    Parts(Map<String, Value>),
    /// A kind this SDK version does not know, verbatim.
    Other(Value),
}

#[derive(Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[derive(Default)]
struct TextFile {
    file_path: String,
    content: String,
    #[serde(deserialize_with = "count")]
    num_lines: u64,
    #[serde(deserialize_with = "count")]
    start_line: u64,
    #[serde(deserialize_with = "count")]
    total_lines: u64,
}

impl ReadOutput {
    fn from_value(value: Value) -> Self {
        let kind = value
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let file = value.get("file").and_then(Value::as_object).cloned();
        match (kind, file) {
            ("text", Some(file)) => match serde_json::from_value::<TextFile>(Value::Object(file)) {
                Ok(f) => ReadOutput::Text {
                    file_path: f.file_path,
                    content: f.content,
                    num_lines: f.num_lines,
                    start_line: f.start_line,
                    total_lines: f.total_lines,
                },
                Err(_) => ReadOutput::Other(value),
            },
            ("image", Some(file)) => ReadOutput::Image(file),
            ("notebook", Some(file)) => ReadOutput::Notebook(file),
            ("pdf", Some(file)) => ReadOutput::Pdf(file),
            ("parts", Some(file)) => ReadOutput::Parts(file),
            _ => ReadOutput::Other(value),
        }
    }

    fn to_value(&self) -> Value {
        match self {
            ReadOutput::Text {
                file_path,
                content,
                num_lines,
                start_line,
                total_lines,
            } => json!({"type": "text", "file": {
                "filePath": file_path, "content": content, "numLines": num_lines,
                "startLine": start_line, "totalLines": total_lines,
            }}),
            ReadOutput::Image(file) => json!({"type": "image", "file": file}),
            ReadOutput::Notebook(file) => json!({"type": "notebook", "file": file}),
            ReadOutput::Pdf(file) => json!({"type": "pdf", "file": file}),
            ReadOutput::Parts(file) => json!({"type": "parts", "file": file}),
            ReadOutput::Other(value) => value.clone(),
        }
    }
}

impl Serialize for ReadOutput {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_value().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ReadOutput {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(ReadOutput::from_value(Value::deserialize(deserializer)?))
    }
}

/// Output of the `Glob` tool.
///
/// # Examples
///
/// ```
/// let out: claude_agent::builtin::GlobOutput = serde_json::from_value(serde_json::json!({
///     "durationMs": 3, "numFiles": 1, "filenames": ["a.rs"], "truncated": false
/// })).unwrap();
/// assert_eq!(out.filenames, ["a.rs"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct GlobOutput {
    /// How long the search took.
    pub duration_ms: f64,
    /// How many files matched.
    #[serde(deserialize_with = "count")]
    pub num_files: u64,
    /// The matching paths, newest first.
    pub filenames: Vec<String>,
    /// Whether the list was cut short.
    pub truncated: bool,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Output of the `Grep` tool; which fields are set depends on the mode.
///
/// # Examples
///
/// ```
/// let out: claude_agent::builtin::GrepOutput = serde_json::from_value(serde_json::json!({
///     "mode": "files_with_matches", "numFiles": 2, "filenames": ["a", "b"]
/// })).unwrap();
/// assert_eq!(out.num_files, 2);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct GrepOutput {
    /// The output mode used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<GrepOutputMode>,
    /// How many files matched.
    #[serde(deserialize_with = "count")]
    pub num_files: u64,
    /// The matching files.
    pub filenames: Vec<String>,
    /// The matching lines (content mode).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// How many lines were printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub num_lines: Option<u64>,
    /// How many matches were counted (count mode).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub num_matches: Option<u64>,
    /// The `head_limit` applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applied_limit: Option<u64>,
    /// The `offset` applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applied_offset: Option<u64>,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Output of the `NotebookEdit` tool.
///
/// # Examples
///
/// ```
/// let out: claude_agent::builtin::NotebookEditOutput = serde_json::from_value(serde_json::json!({
///     "new_source": "x", "cell_type": "code", "language": "python", "edit_mode": "replace",
///     "notebook_path": "/a.ipynb", "original_file": "{}", "updated_file": "{}"
/// })).unwrap();
/// assert_eq!(out.language, "python");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct NotebookEditOutput {
    /// The cell's new source.
    pub new_source: String,
    /// The edited cell.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell_id: Option<String>,
    /// The cell's kind.
    pub cell_type: CellType,
    /// The notebook's language.
    pub language: String,
    /// What was done.
    pub edit_mode: String,
    /// Why the edit failed, if it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The notebook.
    pub notebook_path: String,
    /// The notebook before the edit.
    pub original_file: String,
    /// The notebook after the edit.
    pub updated_file: String,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
