//! The stores pass the conformance suite; mirroring, import and restore round-trip a session.

use std::sync::Arc;

use serde_json::json;

use super::fixtures::config_with_fixtures;
use crate::Message;
use crate::sessions::store::{
    FileSessionStore, MemorySessionStore, SessionKey, SessionMirror, SessionStore, conformance,
    import_session, key_for_transcript, restore_session,
};
use crate::sessions::{MessagesOptions, Sessions};

#[tokio::test]
async fn memory_store_conforms() {
    conformance::check(&MemorySessionStore::new())
        .await
        .unwrap();
}

#[tokio::test]
async fn file_store_conforms() {
    let dir = tempfile::tempdir().unwrap();
    conformance::check(&FileSessionStore::new(dir.path()))
        .await
        .unwrap();
}

#[cfg(feature = "sqlite")]
#[tokio::test]
async fn sqlite_store_conforms_in_memory_and_on_disk() {
    use crate::sessions::store::SqliteSessionStore;
    conformance::check(&SqliteSessionStore::open_in_memory().unwrap())
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let store = SqliteSessionStore::open(&path).unwrap();
    conformance::check(&store).await.unwrap();
    let key = SessionKey::new("p", "s");
    store
        .append(&key, &[json!({"type":"x","uuid":"1"})])
        .await
        .unwrap();
    drop(store);
    let reopened = SqliteSessionStore::open(&path).unwrap();
    assert_eq!(
        reopened.load(&key).await.unwrap().unwrap().len(),
        1,
        "data survives reopening"
    );
}

/// A store that breaks one rule: it forgets ordering. The suite must catch it.
#[derive(Default)]
struct Reversing(MemorySessionStore);

impl SessionStore for Reversing {
    fn append<'a>(
        &'a self,
        key: &'a SessionKey,
        entries: &'a [serde_json::Value],
    ) -> super::super::store::StoreFuture<'a, ()> {
        self.0.append(key, entries)
    }
    fn load<'a>(
        &'a self,
        key: &'a SessionKey,
    ) -> super::super::store::StoreFuture<'a, Option<Vec<serde_json::Value>>> {
        Box::pin(async move {
            Ok(self.0.load(key).await?.map(|mut v| {
                v.reverse();
                v
            }))
        })
    }
    fn list_sessions<'a>(
        &'a self,
        p: &'a str,
    ) -> super::super::store::StoreFuture<'a, Vec<super::super::store::StoredSession>> {
        self.0.list_sessions(p)
    }
    fn delete<'a>(&'a self, key: &'a SessionKey) -> super::super::store::StoreFuture<'a, ()> {
        self.0.delete(key)
    }
    fn list_subkeys<'a>(
        &'a self,
        p: &'a str,
        s: &'a str,
    ) -> super::super::store::StoreFuture<'a, Vec<String>> {
        self.0.list_subkeys(p, s)
    }
}

#[tokio::test]
async fn conformance_catches_a_broken_store() {
    let err = conformance::check(&Reversing::default()).await.unwrap_err();
    assert!(err.to_string().contains("in order"), "{err}");
}

#[test]
fn transcript_paths_map_to_keys() {
    let k = key_for_transcript(std::path::Path::new("/c/projects/-w/abc.jsonl")).unwrap();
    assert_eq!(k, SessionKey::new("-w", "abc"));
    assert!(key_for_transcript(std::path::Path::new("/c/elsewhere/abc.jsonl")).is_none());
    assert!(key_for_transcript(std::path::Path::new("/c/projects/-w/abc.txt")).is_none());
}

#[tokio::test]
async fn mirror_frames_land_in_the_store_and_restore_resumes_elsewhere() {
    let store = Arc::new(MemorySessionStore::new());
    let mirror = SessionMirror::new(store.clone());
    let id = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    let user = json!({"type":"user","uuid":"u1","parentUuid":null,"sessionId":id,"message":{"role":"user","content":"Hi"}});
    let frame = json!({"type":"transcript_mirror","filePath":format!("/x/projects/-w/{id}.jsonl"),"entries":[user]});
    let message = Message::from_json(&frame.to_string()).unwrap();
    assert!(mirror.observe(&message).await.unwrap());
    assert!(
        mirror.observe(&message).await.unwrap(),
        "replays are harmless"
    );
    let other =
        Message::from_json(r#"{"type":"system","subtype":"init","session_id":"s"}"#).unwrap();
    assert!(!mirror.observe(&other).await.unwrap());
    let key = SessionKey::new("-w", id);
    assert_eq!(store.load(&key).await.unwrap().unwrap().len(), 1);

    let target = tempfile::tempdir().unwrap();
    let sessions = Sessions::new(target.path().join("config"));
    let cwd = target.path().join("work");
    std::fs::create_dir_all(&cwd).unwrap();
    let path = restore_session(store.as_ref(), &key, &sessions, &cwd)
        .await
        .unwrap();
    assert!(path.starts_with(sessions.projects_dir()));
    let m = sessions
        .messages(id, MessagesOptions::new().dir(&cwd))
        .await
        .unwrap();
    assert_eq!(m.len(), 1);
    let missing = SessionKey::new("-w", "00000000-0000-4000-8000-000000000000");
    assert!(
        restore_session(store.as_ref(), &missing, &sessions, &cwd)
            .await
            .is_err()
    );
}

#[tokio::test]
async fn import_copies_a_session_and_its_subagents() {
    let (_dir, sessions) = config_with_fixtures();
    let id = "f5b0ff75-e198-4fb5-aae8-5fb828d153df";
    let file = sessions.find_file(id, None).unwrap();
    let agents = file.with_extension("").join("subagents");
    std::fs::create_dir_all(&agents).unwrap();
    std::fs::write(
        agents.join("agent-a1.jsonl"),
        "{\"type\":\"user\",\"uuid\":\"s1\",\"isSidechain\":true}\n",
    )
    .unwrap();
    let store = MemorySessionStore::new();
    let key = import_session(&sessions, id, None, &store).await.unwrap();
    assert_eq!(key.project_key, "-home-dev-proj-multi-block--cli2-1-197");
    let lines = std::fs::read_to_string(&file).unwrap().lines().count();
    assert_eq!(store.load(&key).await.unwrap().unwrap().len(), lines);
    assert_eq!(
        store.list_subkeys(&key.project_key, id).await.unwrap(),
        ["subagents/agent-a1"]
    );
    import_session(&sessions, id, None, &store).await.unwrap();
    let after = store.load(&key).await.unwrap().unwrap();
    let chain = after.iter().filter(|e| e["uuid"].is_string()).count();
    assert_eq!(
        chain,
        after
            .iter()
            .filter(|e| e["uuid"].is_string())
            .map(|e| e["uuid"].clone())
            .collect::<std::collections::HashSet<_>>()
            .len(),
        "no duplicated uuids"
    );
}

#[tokio::test]
async fn stored_sessions_are_listed_read_renamed_and_tagged_without_a_config_dir() {
    use crate::sessions::store::{
        get_stored_messages, list_stored_sessions, rename_stored_session, tag_stored_session,
    };
    let (_dir, sessions) = config_with_fixtures();
    let store = MemorySessionStore::new();
    let multi = "f5b0ff75-e198-4fb5-aae8-5fb828d153df";
    let key = import_session(&sessions, multi, None, &store)
        .await
        .unwrap();
    let on_disk = sessions.info(multi, None).await.unwrap();
    let listed = list_stored_sessions(&store, &key.project_key)
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].summary, on_disk.summary);
    assert_eq!(listed[0].first_prompt, on_disk.first_prompt);
    assert_eq!(listed[0].created_at, on_disk.created_at);
    let from_store = get_stored_messages(&store, &key, MessagesOptions::new())
        .await
        .unwrap();
    let from_disk = sessions
        .messages(multi, MessagesOptions::new())
        .await
        .unwrap();
    assert_eq!(
        from_store.iter().map(|m| &m.uuid).collect::<Vec<_>>(),
        from_disk.iter().map(|m| &m.uuid).collect::<Vec<_>>()
    );
    rename_stored_session(&store, &key, "Stored title")
        .await
        .unwrap();
    rename_stored_session(&store, &key, "Second title")
        .await
        .unwrap();
    tag_stored_session(&store, &key, Some("kept"))
        .await
        .unwrap();
    let info = &list_stored_sessions(&store, &key.project_key)
        .await
        .unwrap()[0];
    assert_eq!(info.custom_title.as_deref(), Some("Second title"));
    assert_eq!(info.tag.as_deref(), Some("kept"));
    let missing = SessionKey::new(&key.project_key, "00000000-0000-4000-8000-000000000000");
    assert!(rename_stored_session(&store, &missing, "x").await.is_err());
    assert!(
        get_stored_messages(&store, &missing, MessagesOptions::new())
            .await
            .is_err()
    );
}
