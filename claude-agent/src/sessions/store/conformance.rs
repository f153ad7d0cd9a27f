//! A conformance suite for [`SessionStore`] implementations.
//!
//! Run [`check`] against your store in a test. It writes only under fresh random project keys,
//! so it can run against a store that already holds data, and it cleans up after itself.
//!
//! # Examples
//!
//! ```
//! use claude_agent::sessions::store::{MemorySessionStore, conformance};
//!
//! # #[tokio::main(flavor = "current_thread")] async fn main() {
//! conformance::check(&MemorySessionStore::new()).await.unwrap();
//! # }
//! ```

use serde_json::{Value, json};

use super::{SessionKey, SessionStore};
use crate::sessions::time::millis_of;
use crate::{Error, Result};

macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(Error::store(format!("conformance: {}", format!($($msg)+))));
        }
    };
}

fn fresh_project() -> String {
    format!("-conformance-{}", uuid::Uuid::new_v4())
}

fn fresh_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

fn entry(kind: &str, uuid: Option<&str>, text: &str) -> Value {
    let mut e = json!({"type": kind, "text": text, "timestamp": "2026-01-01T00:00:00.000Z"});
    if let (Some(u), Some(obj)) = (uuid, e.as_object_mut()) {
        obj.insert("uuid".into(), Value::String(u.to_owned()));
    }
    e
}

/// Checks every rule of the [`SessionStore`] contract; the error says which one failed.
pub async fn check(store: &dyn SessionStore) -> Result<()> {
    load_of_unknown_key_is_none(store).await?;
    appends_accumulate_in_order(store).await?;
    uuids_are_idempotency_keys(store).await?;
    keys_are_independent(store).await?;
    listing_and_subkeys(store).await?;
    delete_semantics(store).await?;
    payloads_round_trip(store).await?;
    Ok(())
}

async fn load_of_unknown_key_is_none(store: &dyn SessionStore) -> Result<()> {
    let key = SessionKey::new(fresh_project(), fresh_id());
    ensure!(
        store.load(&key).await?.is_none(),
        "load of a key never written must be None"
    );
    store.append(&key, &[]).await?;
    ensure!(
        store.load(&key).await?.is_none(),
        "appending nothing must not create the key"
    );
    Ok(())
}

async fn appends_accumulate_in_order(store: &dyn SessionStore) -> Result<()> {
    let key = SessionKey::new(fresh_project(), fresh_id());
    let first = [entry("user", Some("u1"), "a"), entry("mode", None, "b")];
    let second = [entry("assistant", Some("a1"), "c")];
    store.append(&key, &first).await?;
    store.append(&key, &second).await?;
    let loaded = store.load(&key).await?.unwrap_or_default();
    let expected: Vec<Value> = first.iter().chain(&second).cloned().collect();
    ensure!(
        loaded == expected,
        "load must return the appended entries in order, got {loaded:?}"
    );
    store.delete(&key).await
}

async fn uuids_are_idempotency_keys(store: &dyn SessionStore) -> Result<()> {
    let key = SessionKey::new(fresh_project(), fresh_id());
    let batch = [entry("user", Some("u1"), "a"), entry("tag", None, "t")];
    store.append(&key, &batch).await?;
    store.append(&key, &batch).await?;
    let loaded = store.load(&key).await?.unwrap_or_default();
    let with_uuid = loaded.iter().filter(|e| e["uuid"] == "u1").count();
    let without = loaded.iter().filter(|e| e["type"] == "tag").count();
    ensure!(
        with_uuid == 1,
        "an entry whose uuid is already stored must be ignored ({with_uuid} copies)"
    );
    ensure!(
        without == 2,
        "entries without a uuid must always be appended ({without} copies)"
    );
    store.delete(&key).await
}

async fn keys_are_independent(store: &dyn SessionStore) -> Result<()> {
    let project = fresh_project();
    let a = SessionKey::new(&project, fresh_id());
    let b = SessionKey::new(&project, fresh_id());
    let other = SessionKey::new(fresh_project(), a.session_id.clone());
    let sub = a.clone().with_subpath("subagents/agent-x");
    store
        .append(&a, &[entry("user", Some("same"), "a")])
        .await?;
    store
        .append(&b, &[entry("user", Some("same"), "b")])
        .await?;
    store
        .append(&other, &[entry("user", Some("same"), "o")])
        .await?;
    store
        .append(&sub, &[entry("user", Some("same"), "s")])
        .await?;
    for (key, text) in [(&a, "a"), (&b, "b"), (&other, "o"), (&sub, "s")] {
        let loaded = store.load(key).await?.unwrap_or_default();
        ensure!(
            loaded.len() == 1 && loaded[0]["text"] == text,
            "keys must not mix: {key:?} holds {loaded:?}"
        );
    }
    for key in [&a, &b, &other] {
        store.delete(key).await?;
    }
    Ok(())
}

async fn listing_and_subkeys(store: &dyn SessionStore) -> Result<()> {
    let project = fresh_project();
    let before = millis_of(std::time::SystemTime::now()) - 1000;
    let a = SessionKey::new(&project, fresh_id());
    let b = SessionKey::new(&project, fresh_id());
    store.append(&a, &[entry("user", Some("1"), "a")]).await?;
    store.append(&b, &[entry("user", Some("2"), "b")]).await?;
    store
        .append(
            &a.clone().with_subpath("subagents/agent-1"),
            &[entry("user", Some("3"), "s")],
        )
        .await?;
    store
        .append(
            &a.clone().with_subpath("subagents/workflows/run/agent-2"),
            &[entry("user", Some("4"), "t")],
        )
        .await?;
    let mut ids: Vec<String> = store
        .list_sessions(&project)
        .await?
        .into_iter()
        .map(|s| s.session_id)
        .collect();
    ids.sort();
    let mut want = vec![a.session_id.clone(), b.session_id.clone()];
    want.sort();
    ensure!(
        ids == want,
        "list_sessions must return the main transcripts of the project only: {ids:?}"
    );
    let listed = store.list_sessions(&project).await?;
    ensure!(
        listed.iter().all(|s| s.mtime >= before),
        "mtime must be the append time in milliseconds since the epoch: {listed:?}"
    );
    let mut subs = store.list_subkeys(&project, &a.session_id).await?;
    subs.sort();
    ensure!(
        subs == ["subagents/agent-1", "subagents/workflows/run/agent-2"],
        "list_subkeys must return the session's subpaths: {subs:?}"
    );
    ensure!(
        store
            .list_subkeys(&project, &b.session_id)
            .await?
            .is_empty(),
        "a session without subagents has no subkeys"
    );
    ensure!(
        store.list_sessions(&fresh_project()).await?.is_empty(),
        "an unknown project lists nothing"
    );
    store.delete(&a).await?;
    store.delete(&b).await
}

async fn delete_semantics(store: &dyn SessionStore) -> Result<()> {
    let project = fresh_project();
    let a = SessionKey::new(&project, fresh_id());
    let sub1 = a.clone().with_subpath("subagents/agent-1");
    let sub2 = a.clone().with_subpath("subagents/agent-2");
    store.append(&a, &[entry("user", Some("1"), "a")]).await?;
    store
        .append(&sub1, &[entry("user", Some("2"), "s")])
        .await?;
    store
        .append(&sub2, &[entry("user", Some("3"), "t")])
        .await?;
    store.delete(&sub1).await?;
    ensure!(
        store.load(&sub1).await?.is_none(),
        "a deleted subpath must load as None"
    );
    ensure!(
        store.load(&a).await?.is_some(),
        "deleting a subpath must keep the main transcript"
    );
    ensure!(
        store.load(&sub2).await?.is_some(),
        "deleting a subpath must keep the other subpaths"
    );
    store.delete(&a).await?;
    ensure!(
        store.load(&a).await?.is_none(),
        "a deleted session must load as None"
    );
    ensure!(
        store.load(&sub2).await?.is_none(),
        "deleting a session must delete its subpaths"
    );
    ensure!(
        store.list_sessions(&project).await?.is_empty(),
        "a deleted session must not be listed"
    );
    store.delete(&a).await?;
    store
        .append(&a, &[entry("user", Some("1"), "again")])
        .await?;
    let again = store.load(&a).await?.unwrap_or_default();
    ensure!(
        again.len() == 1,
        "after delete, a uuid may be appended again: {again:?}"
    );
    store.delete(&a).await
}

async fn payloads_round_trip(store: &dyn SessionStore) -> Result<()> {
    let key = SessionKey::new(fresh_project(), fresh_id());
    let big = "x".repeat(1 << 20);
    let odd = json!({"type": "assistant", "uuid": "odd", "message": {"content": [
        {"type": "text", "text": "héllo 😀 \u{0} \"quoted\" \n newline"}]},
        "nested": {"n": 1.5, "neg": -3, "null": null, "list": [true, false, {}]}});
    let batch = [odd, entry("user", Some("big"), &big)];
    store.append(&key, &batch).await?;
    let loaded = store.load(&key).await?.unwrap_or_default();
    ensure!(
        loaded == batch,
        "entries must round-trip deep-equal (unicode, NUL, 1 MiB strings)"
    );
    let bad = SessionKey::new("../escape", fresh_id());
    ensure!(
        store.append(&bad, &batch).await.is_err(),
        "a project key that is not a single path segment must be refused"
    );
    store.delete(&key).await
}
