//! The conversation of a transcript: the `parentUuid` chain from the newest leaf back to the root.
//!
//! Lines are decoded into a slim [`Node`] (ids and flags only); callers decode the few lines they
//! return in full.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::jsonl::{decode_line, line_ranges};

/// What one transcript line says about its place in the conversation.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct Node {
    #[serde(rename = "type", deserialize_with = "string")]
    pub kind: Option<String>,
    #[serde(deserialize_with = "string")]
    pub uuid: Option<String>,
    #[serde(deserialize_with = "string")]
    pub parent_uuid: Option<String>,
    #[serde(deserialize_with = "string")]
    pub timestamp: Option<String>,
    #[serde(rename = "sourceToolAssistantUUID", deserialize_with = "string")]
    source_tool_assistant_uuid: Option<String>,
    #[serde(deserialize_with = "flag")]
    pub is_sidechain: bool,
    #[serde(deserialize_with = "flag")]
    is_meta: bool,
    #[serde(deserialize_with = "string")]
    team_name: Option<String>,
    message: Option<MessageId>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct MessageId {
    #[serde(deserialize_with = "string")]
    id: Option<String>,
}

fn string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => Some(s),
        _ => None,
    })
}

fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(Value::deserialize(d)? == Value::Bool(true))
}

impl Node {
    fn is(&self, kind: &str) -> bool {
        self.kind.as_deref() == Some(kind)
    }

    fn is_message(&self) -> bool {
        self.is("user") || self.is("assistant")
    }

    fn message_id(&self) -> Option<&str> {
        self.message.as_ref()?.id.as_deref()
    }
}

/// Which entries of the chain to return.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Visibility {
    /// Keep sidechain entries (subagent transcripts are all sidechain).
    pub sidechain: bool,
    /// Keep `system` entries (compact boundaries, ...).
    pub system: bool,
}

/// A chain entry: its node and where its line is.
#[derive(Debug)]
pub(crate) struct Located {
    pub node: Node,
    pub line: Range<usize>,
}

/// The visible entries of the conversation in `bytes`, in conversation order.
pub(crate) fn conversation(bytes: &[u8], path: &Path, vis: Visibility) -> Vec<Located> {
    let entries: Vec<Located> = line_ranges(bytes)
        .into_iter()
        .filter_map(|line| {
            let node: Node = decode_line(&bytes[line.clone()], path)?;
            let chained = ["user", "assistant", "progress", "system", "attachment"]
                .iter()
                .any(|k| node.is(k));
            (chained && node.uuid.is_some()).then_some(Located { node, line })
        })
        .collect();
    let order = chain_order(&entries, vis);
    let mut slots: Vec<Option<Located>> = entries.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|i| slots.get_mut(i).and_then(Option::take))
        .filter(|e| {
            let n = &e.node;
            (n.is_message() || (vis.system && n.is("system")))
                && !n.is_meta
                && (vis.sidechain || !n.is_sidechain)
                && n.team_name.is_none()
        })
        .collect()
}

/// Indices of `entries` along the chosen chain, root first, with parallel tool calls re-inserted.
fn chain_order(entries: &[Located], vis: Visibility) -> Vec<usize> {
    let by_uuid: HashMap<&str, usize> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((e.node.uuid.as_deref()?, i)))
        .collect();
    let referenced: HashSet<&str> = entries
        .iter()
        .filter_map(|e| e.node.parent_uuid.as_deref())
        .collect();
    let parent_of = |i: usize| {
        entries[i]
            .node
            .parent_uuid
            .as_deref()
            .and_then(|p| by_uuid.get(p).copied())
    };
    // From each leaf, the nearest user/assistant entry at or above it.
    let mut best: Option<(bool, usize)> = None;
    for (i, e) in entries.iter().enumerate() {
        if e.node
            .uuid
            .as_deref()
            .is_some_and(|u| referenced.contains(u))
        {
            continue;
        }
        let mut at = Some(i);
        let mut seen = HashSet::new();
        while let Some(j) = at {
            if !seen.insert(j) {
                at = None;
                break;
            }
            if entries[j].node.is_message() {
                break;
            }
            at = parent_of(j);
        }
        let Some(j) = at else { continue };
        let n = &entries[j].node;
        let preferred = (vis.sidechain || !n.is_sidechain) && n.team_name.is_none() && !n.is_meta;
        if best.is_none_or(|(p, k)| (preferred, j) > (p, k)) {
            best = Some((preferred, j));
        }
    }
    let Some((_, leaf)) = best else {
        return Vec::new();
    };
    let mut chain = Vec::new();
    let mut seen = HashSet::new();
    let mut at = Some(leaf);
    while let Some(i) = at {
        if !seen.insert(i) {
            break;
        }
        chain.push(i);
        at = parent_of(i);
    }
    chain.reverse();
    reinsert_parallel_calls(entries, chain)
}

/// The CLI writes one assistant entry per content block of a response (same `message.id`) and
/// hangs each tool result off its own call, so parallel calls fork the chain. Puts the
/// off-chain siblings and their results back, after the response's last on-chain entry.
fn reinsert_parallel_calls(entries: &[Located], chain: Vec<usize>) -> Vec<usize> {
    let on_chain: HashSet<usize> = chain.iter().copied().collect();
    let mut last_pos: HashMap<&str, usize> = HashMap::new();
    for (pos, &i) in chain.iter().enumerate() {
        if let (true, Some(id)) = (
            entries[i].node.is("assistant"),
            entries[i].node.message_id(),
        ) {
            last_pos.insert(id, pos);
        }
    }
    if last_pos.is_empty() {
        return chain;
    }
    let mut response_of_uuid: HashMap<&str, &str> = HashMap::new();
    for e in entries.iter().filter(|e| e.node.is("assistant")) {
        if let (Some(uuid), Some(id)) = (e.node.uuid.as_deref(), e.node.message_id()) {
            response_of_uuid.insert(uuid, id);
        }
    }
    let mut extras: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        if on_chain.contains(&i) {
            continue;
        }
        let response = if e.node.is("assistant") {
            e.node.message_id()
        } else if e.node.is("user") {
            e.node
                .source_tool_assistant_uuid
                .as_deref()
                .and_then(|u| response_of_uuid.get(u).copied())
        } else {
            None
        };
        if let Some(pos) = response.and_then(|r| last_pos.get(r)) {
            extras.entry(*pos).or_default().push(i);
        }
    }
    let mut out = Vec::with_capacity(chain.len());
    for (pos, i) in chain.into_iter().enumerate() {
        out.push(i);
        if let Some(mut more) = extras.remove(&pos) {
            more.sort_by(|a, b| {
                entries[*a]
                    .node
                    .timestamp
                    .cmp(&entries[*b].node.timestamp)
                    .then(a.cmp(b))
            });
            out.extend(more);
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn uuids(text: &str, vis: Visibility) -> Vec<String> {
        conversation(text.as_bytes(), Path::new("x"), vis)
            .into_iter()
            .filter_map(|e| e.node.uuid)
            .collect()
    }

    const MAIN: Visibility = Visibility {
        sidechain: false,
        system: false,
    };

    #[test]
    fn follows_the_newest_branch_and_skips_meta_and_attachments() {
        let text = [
            r#"{"type":"user","uuid":"u1","parentUuid":null,"message":{"content":"hi"}}"#,
            r#"{"type":"attachment","uuid":"at","parentUuid":"u1"}"#,
            r#"{"type":"assistant","uuid":"a1","parentUuid":"at","message":{"id":"m1"}}"#,
            r#"{"type":"user","uuid":"old","parentUuid":"a1","message":{"content":"abandoned"}}"#,
            r#"{"type":"user","uuid":"meta","parentUuid":"a1","isMeta":true}"#,
            r#"{"type":"user","uuid":"u2","parentUuid":"meta","message":{"content":"again"}}"#,
            r#"{"type":"assistant","uuid":"a2","parentUuid":"u2","message":{"id":"m2"}}"#,
            r#"{"type":"last-prompt","lastPrompt":"again"}"#,
            "garbage",
        ]
        .join("\n");
        assert_eq!(uuids(&text, MAIN), ["u1", "a1", "u2", "a2"]);
    }

    #[test]
    fn parallel_tool_calls_are_put_back() {
        let text = [
            r#"{"type":"user","uuid":"u1","parentUuid":null}"#,
            r#"{"type":"assistant","uuid":"c1","parentUuid":"u1","message":{"id":"m"},"timestamp":"1"}"#,
            r#"{"type":"assistant","uuid":"c2","parentUuid":"c1","message":{"id":"m"},"timestamp":"2"}"#,
            r#"{"type":"user","uuid":"r1","parentUuid":"c1","sourceToolAssistantUUID":"c1","timestamp":"3"}"#,
            r#"{"type":"user","uuid":"r2","parentUuid":"c2","sourceToolAssistantUUID":"c2","timestamp":"4"}"#,
            r#"{"type":"assistant","uuid":"a","parentUuid":"r2","message":{"id":"n"},"timestamp":"5"}"#,
        ]
        .join("\n");
        assert_eq!(uuids(&text, MAIN), ["u1", "c1", "c2", "r1", "r2", "a"]);
    }

    #[test]
    fn cycles_and_sidechains_do_not_hang_or_leak() {
        let text = [
            r#"{"type":"user","uuid":"x","parentUuid":"y"}"#,
            r#"{"type":"assistant","uuid":"y","parentUuid":"x"}"#,
            r#"{"type":"user","uuid":"s","parentUuid":null,"isSidechain":true}"#,
        ]
        .join("\n");
        let main = uuids(&text, MAIN);
        assert!(!main.contains(&"s".to_owned()));
        let side = uuids(
            &text,
            Visibility {
                sidechain: true,
                system: false,
            },
        );
        assert_eq!(side, ["s"]);
    }
}
