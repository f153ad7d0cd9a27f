//! Subagent transcripts: `<project>/<session id>/subagents/**/agent-<agentId>.jsonl`.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;

/// A subagent run of a session, as [`list_subagents`](super::list_subagents) finds it.
///
/// # Examples
///
/// ```no_run
/// # async fn run(id: &str) -> claude_agent::Result<()> {
/// for agent in claude_agent::sessions::list_subagents(id, None).await? {
///     println!("{} spawned by tool call {:?}", agent.agent_id, agent.tool_use_id);
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SubagentInfo {
    /// The agent id (the file is `agent-<agent_id>.jsonl`).
    pub agent_id: String,
    /// The transcript file.
    pub path: PathBuf,
    /// Where the file sits below `subagents/` (e.g. `workflows/<runId>`), empty at the top.
    pub subpath: String,
    /// The id of the `Agent` tool call that spawned it (from the `.meta.json` sidecar).
    pub tool_use_id: Option<String>,
    /// The agent's type, e.g. the name of an
    /// [`agent_definition`](crate::OptionsBuilder::agent_definition) (from the sidecar).
    pub agent_type: Option<String>,
    /// The agent that spawned it, for nested agents (from the sidecar).
    pub parent_agent_id: Option<String>,
    /// The whole sidecar, when there is one.
    pub meta: Option<Value>,
}

/// Every subagent transcript under `session_dir/subagents`, sorted by path.
pub(crate) fn find_subagents(session_dir: &Path) -> Vec<SubagentInfo> {
    let root = session_dir.join("subagents");
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(path);
                continue;
            }
            let Some(agent_id) = path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_prefix("agent-"))
                .and_then(|n| n.strip_suffix(".jsonl"))
                .map(str::to_owned)
            else {
                continue;
            };
            let meta: Option<Value> = std::fs::read(path.with_extension("meta.json"))
                .ok()
                .and_then(|b| serde_json::from_slice(&b).ok());
            let field = |k: &str| meta.as_ref().and_then(|m| m[k].as_str()).map(str::to_owned);
            out.push(SubagentInfo {
                tool_use_id: field("toolUseId"),
                parent_agent_id: field("parentAgentId"),
                agent_type: field("agentType"),
                subpath: dir
                    .strip_prefix(&root)
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                agent_id,
                path,
                meta,
            });
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}
