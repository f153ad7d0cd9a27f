//! Offline fork: a new session file whose history is a copy of another's, with fresh uuids.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::jsonl::read_entries;
use super::time::now_iso;
use crate::{Error, Result};

/// The entry types that make up a transcript's conversation.
const CHAIN_TYPES: &[&str] = &["user", "assistant", "attachment", "system", "progress"];
/// Fields that tie an entry to the original run and are not copied.
const DROPPED_FIELDS: &[&str] = &["teamName", "agentName", "slug", "sourceToolAssistantUUID"];

/// Builds the entries of a fork of `entries` (session `old_id`) as session `new_id`.
pub(crate) fn fork_entries(
    entries: &[Value],
    old_id: &str,
    new_id: &str,
    up_to: Option<&str>,
    title: &str,
) -> Result<Vec<Value>> {
    let is_chain = |e: &Value| {
        e["type"].as_str().is_some_and(|t| CHAIN_TYPES.contains(&t))
            && e["uuid"].is_string()
            && e["isSidechain"] != true
    };
    let mut chain: Vec<&Value> = entries.iter().filter(|e| is_chain(e)).collect();
    if let Some(at) = up_to {
        let end = chain.iter().position(|e| e["uuid"] == at).ok_or_else(|| {
            Error::invalid_argument("up_to", format!("no message {at} in the session"))
        })?;
        chain.truncate(end + 1);
    }
    // Dropped progress entries are bridged: their children point at their parent.
    let dropped: HashMap<&str, Option<&str>> = chain
        .iter()
        .filter(|e| e["type"] == "progress")
        .filter_map(|e| Some((e["uuid"].as_str()?, e["parentUuid"].as_str())))
        .collect();
    let kept: Vec<&Value> = chain
        .into_iter()
        .filter(|e| e["type"] != "progress")
        .collect();
    let new_uuid: HashMap<&str, String> = kept
        .iter()
        .filter_map(|e| Some((e["uuid"].as_str()?, uuid::Uuid::new_v4().to_string())))
        .collect();
    let remap = |old: Option<&str>| -> Value {
        let mut at = old;
        for _ in 0..=dropped.len() {
            match at {
                Some(u) if dropped.contains_key(u) => at = dropped.get(u).copied().flatten(),
                _ => break,
            }
        }
        at.and_then(|u| new_uuid.get(u))
            .map_or(Value::Null, |u| Value::String(u.clone()))
    };
    let mut out = Vec::with_capacity(kept.len() + 2);
    for e in &kept {
        let mut copy = (*e).clone();
        let Some(obj) = copy.as_object_mut() else {
            continue;
        };
        let old_uuid = e["uuid"].as_str().unwrap_or_default();
        for field in DROPPED_FIELDS {
            obj.remove(*field);
        }
        obj.insert("uuid".into(), remap(Some(old_uuid)));
        obj.insert("parentUuid".into(), remap(e["parentUuid"].as_str()));
        if obj.contains_key("logicalParentUuid") {
            obj.insert(
                "logicalParentUuid".into(),
                remap(e["logicalParentUuid"].as_str()),
            );
        }
        obj.insert("sessionId".into(), Value::String(new_id.to_owned()));
        obj.insert(
            "forkedFrom".into(),
            json!({"sessionId": old_id, "messageUuid": old_uuid}),
        );
        out.push(copy);
    }
    if let Some(last) = out.last_mut().and_then(Value::as_object_mut) {
        last.insert("timestamp".into(), Value::String(now_iso()));
    }
    for e in entries
        .iter()
        .filter(|e| e["type"] == "content-replacement")
    {
        let mut copy = e.clone();
        if let Some(obj) = copy.as_object_mut() {
            obj.insert("sessionId".into(), Value::String(new_id.to_owned()));
        }
        out.push(copy);
    }
    out.push(json!({"type": "custom-title", "customTitle": format!("{title} (fork)"), "sessionId": new_id}));
    Ok(out)
}

/// Forks the session file at `path` into a new file beside it; returns the new id and path.
pub(crate) fn fork_file(
    path: &Path,
    old_id: &str,
    up_to: Option<&str>,
    title: &str,
) -> Result<(String, PathBuf)> {
    let entries = read_entries(path).map_err(|e| Error::session_file(path, e))?;
    let new_id = uuid::Uuid::new_v4().to_string();
    let forked = fork_entries(&entries, old_id, &new_id, up_to, title)?;
    let target = path.with_file_name(format!("{new_id}.jsonl"));
    write_new_file(&target, &forked)?;
    Ok((new_id, target))
}

/// Writes `entries` as JSONL into a new file (mode 0600 on Unix); fails if it exists.
pub(crate) fn write_new_file(path: &Path, entries: &[Value]) -> Result<()> {
    let err = |e| Error::session_file(path, e);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(err)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(err)?;
    let mut text = String::new();
    for entry in entries {
        text.push_str(&entry.to_string());
        text.push('\n');
    }
    file.write_all(text.as_bytes()).map_err(err)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn fork_remaps_uuids_bridges_progress_and_titles_the_copy() {
        let entries = vec![
            json!({"type":"user","uuid":"u1","parentUuid":null,"sessionId":"old","slug":"x"}),
            json!({"type":"progress","uuid":"p","parentUuid":"u1","sessionId":"old"}),
            json!({"type":"assistant","uuid":"a1","parentUuid":"p","sessionId":"old"}),
            json!({"type":"user","uuid":"s","parentUuid":null,"isSidechain":true}),
            json!({"type":"last-prompt","lastPrompt":"x"}),
            json!({"type":"user","uuid":"u2","parentUuid":"a1","sessionId":"old"}),
        ];
        let out = fork_entries(&entries, "old", "new", Some("a1"), "T").unwrap();
        assert_eq!(out.len(), 3, "{out:#?}");
        assert_eq!(out[0]["parentUuid"], Value::Null);
        assert_ne!(out[0]["uuid"], "u1");
        assert_eq!(out[1]["parentUuid"], out[0]["uuid"], "progress is bridged");
        assert_eq!(
            out[1]["forkedFrom"],
            json!({"sessionId":"old","messageUuid":"a1"})
        );
        assert!(out[0].get("slug").is_none());
        assert!(out.iter().all(|e| e["sessionId"] == "new"));
        assert_eq!(out[2]["customTitle"], "T (fork)");
        assert!(fork_entries(&entries, "old", "new", Some("nope"), "T").is_err());
    }
}
