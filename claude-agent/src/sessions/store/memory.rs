//! [`MemorySessionStore`]: a store in a `HashMap`, for tests and development.

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, MutexGuard};

use serde_json::Value;

use super::{SessionKey, SessionStore, StoreFuture, StoredSession};
use crate::sessions::time::millis_of;
use crate::{Error, Result};

/// A [`SessionStore`] in memory; everything is lost when it is dropped.
///
/// # Examples
///
/// ```
/// use claude_agent::sessions::store::{MemorySessionStore, SessionKey, SessionStore};
/// use serde_json::json;
///
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> claude_agent::Result<()> {
/// let store = MemorySessionStore::new();
/// let key = SessionKey::new("-work", "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");
/// store.append(&key, &[json!({"type": "user", "uuid": "u1"})]).await?;
/// assert_eq!(store.load(&key).await?.map(|e| e.len()), Some(1));
/// # Ok(()) }
/// ```
#[derive(Debug, Default)]
pub struct MemorySessionStore {
    transcripts: Mutex<HashMap<SessionKey, Transcript>>,
}

#[derive(Debug, Default)]
struct Transcript {
    entries: Vec<Value>,
    uuids: HashSet<String>,
    mtime: i64,
}

impl MemorySessionStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> Result<MutexGuard<'_, HashMap<SessionKey, Transcript>>> {
        self.transcripts
            .lock()
            .map_err(|_| Error::store("the in-memory store's lock is poisoned"))
    }
}

impl SessionStore for MemorySessionStore {
    fn append<'a>(&'a self, key: &'a SessionKey, entries: &'a [Value]) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            key.validate()?;
            if entries.is_empty() {
                return Ok(());
            }
            let mut map = self.lock()?;
            let t = map.entry(key.clone()).or_default();
            for entry in entries {
                if let Some(uuid) = entry["uuid"].as_str()
                    && !t.uuids.insert(uuid.to_owned())
                {
                    continue;
                }
                t.entries.push(entry.clone());
            }
            t.mtime = millis_of(std::time::SystemTime::now());
            Ok(())
        })
    }

    fn load<'a>(&'a self, key: &'a SessionKey) -> StoreFuture<'a, Option<Vec<Value>>> {
        Box::pin(async move { Ok(self.lock()?.get(key).map(|t| t.entries.clone())) })
    }

    fn list_sessions<'a>(&'a self, project_key: &'a str) -> StoreFuture<'a, Vec<StoredSession>> {
        Box::pin(async move {
            Ok(self
                .lock()?
                .iter()
                .filter(|(k, _)| k.project_key == project_key && k.subpath.is_none())
                .map(|(k, t)| StoredSession::new(&k.session_id, t.mtime))
                .collect())
        })
    }

    fn delete<'a>(&'a self, key: &'a SessionKey) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let mut map = self.lock()?;
            if key.subpath.is_some() {
                map.remove(key);
            } else {
                map.retain(|k, _| {
                    !(k.project_key == key.project_key && k.session_id == key.session_id)
                });
            }
            Ok(())
        })
    }

    fn list_subkeys<'a>(
        &'a self,
        project_key: &'a str,
        session_id: &'a str,
    ) -> StoreFuture<'a, Vec<String>> {
        Box::pin(async move {
            Ok(self
                .lock()?
                .keys()
                .filter(|k| k.project_key == project_key && k.session_id == session_id)
                .filter_map(|k| k.subpath.clone())
                .collect())
        })
    }
}
