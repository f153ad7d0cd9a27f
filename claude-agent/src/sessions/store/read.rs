//! Reading and changing sessions straight from a [`SessionStore`], without a config dir.

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use serde_json::Value;

use super::{SessionKey, SessionStore};
use crate::sessions::MessagesOptions;
use crate::sessions::chain::Visibility;
use crate::sessions::info::{SessionInfo, info_from};
use crate::sessions::jsonl::HeadTail;
use crate::sessions::messages::{SessionMessage, messages_of_bytes};
use crate::sessions::mutate::{tag_entry, title_entry};
use crate::sessions::time::now_iso;
use crate::{Error, Result};

/// The transcript of `key` as JSONL bytes, or [`Error::SessionNotFound`].
async fn bytes_of(store: &dyn SessionStore, key: &SessionKey) -> Result<Vec<u8>> {
    let entries = store
        .load(key)
        .await?
        .ok_or_else(|| Error::SessionNotFound {
            session_id: key.session_id.clone(),
        })?;
    let mut bytes = Vec::new();
    for entry in &entries {
        bytes.extend_from_slice(entry.to_string().as_bytes());
        bytes.push(b'\n');
    }
    Ok(bytes)
}

fn label(key: &SessionKey) -> PathBuf {
    PathBuf::from(&key.project_key).join(format!("{}.jsonl", key.session_id))
}

/// The sessions a store holds for `project_key`, newest first, derived like
/// [`list_sessions`](crate::sessions::list_sessions) (same summary, title, tag, first prompt, ...).
/// [`SessionInfo::path`] is `<project key>/<session id>.jsonl`, relative to the store.
///
/// Each session is loaded whole: stores built for large histories should keep their own index.
///
/// # Examples
///
/// ```
/// use claude_agent::sessions::store::{MemorySessionStore, SessionKey, SessionStore, list_stored_sessions};
/// use serde_json::json;
///
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> claude_agent::Result<()> {
/// let store = MemorySessionStore::new();
/// let key = SessionKey::new("tenant-1", "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");
/// let prompt = json!({"type": "user", "uuid": "u1", "parentUuid": null,
///     "message": {"role": "user", "content": "Plan the release"}});
/// store.append(&key, &[prompt]).await?;
/// let listed = list_stored_sessions(&store, "tenant-1").await?;
/// assert_eq!(listed[0].summary, "Plan the release");
/// # Ok(()) }
/// ```
pub async fn list_stored_sessions(
    store: &dyn SessionStore,
    project_key: &str,
) -> Result<Vec<SessionInfo>> {
    let mut out = Vec::new();
    for stored in store.list_sessions(project_key).await? {
        let key = SessionKey::new(project_key, &stored.session_id);
        let bytes = match bytes_of(store, &key).await {
            Ok(bytes) => bytes,
            Err(Error::SessionNotFound { .. }) => continue,
            Err(e) => return Err(e),
        };
        let modified = SystemTime::UNIX_EPOCH
            + Duration::from_millis(u64::try_from(stored.mtime).unwrap_or(0));
        let ends = HeadTail::of_bytes(&bytes, modified);
        if let Some(info) = info_from(&ends, &label(&key), &key.session_id) {
            out.push(info);
        }
    }
    out.sort_by(|a, b| {
        b.last_modified
            .cmp(&a.last_modified)
            .then_with(|| a.session_id.cmp(&b.session_id))
    });
    Ok(out)
}

/// The conversation of a stored transcript (a main one, or a subagent's with a subpath), like
/// [`get_session_messages`](crate::sessions::get_session_messages). `options.dir` is ignored.
pub async fn get_stored_messages(
    store: &dyn SessionStore,
    key: &SessionKey,
    options: MessagesOptions,
) -> Result<Vec<SessionMessage>> {
    let bytes = bytes_of(store, key).await?;
    let vis = Visibility {
        sidechain: key.subpath.is_some(),
        system: options.include_system,
    };
    Ok(messages_of_bytes(
        &bytes,
        &label(key),
        vis,
        options.window(),
    ))
}

/// Renames a stored session: appends a `custom-title` entry (with a `uuid` and `timestamp`, so
/// stores that deduplicate by uuid keep every rename).
pub async fn rename_stored_session(
    store: &dyn SessionStore,
    key: &SessionKey,
    title: &str,
) -> Result<()> {
    let entry = title_entry(&key.session_id, title)?;
    append_stamped(store, key, entry).await
}

/// Sets (`Some`) or clears (`None`) a stored session's tag: appends a `tag` entry.
pub async fn tag_stored_session(
    store: &dyn SessionStore,
    key: &SessionKey,
    tag: Option<&str>,
) -> Result<()> {
    let entry = tag_entry(&key.session_id, tag)?;
    append_stamped(store, key, entry).await
}

async fn append_stamped(
    store: &dyn SessionStore,
    key: &SessionKey,
    mut entry: Value,
) -> Result<()> {
    if store.load(key).await?.is_none() {
        return Err(Error::SessionNotFound {
            session_id: key.session_id.clone(),
        });
    }
    if let Some(obj) = entry.as_object_mut() {
        obj.insert(
            "uuid".into(),
            Value::String(uuid::Uuid::new_v4().to_string()),
        );
        obj.insert("timestamp".into(), Value::String(now_iso()));
    }
    store.append(key, std::slice::from_ref(&entry)).await
}
