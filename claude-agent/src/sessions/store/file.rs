//! [`FileSessionStore`]: transcripts as JSONL files, in the CLI's own layout.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde_json::Value;

use super::{SessionKey, SessionStore, StoreFuture, StoredSession};
use crate::sessions::jsonl::read_entries;
use crate::sessions::time::millis_of;
use crate::{Error, Result};

/// A [`SessionStore`] of JSONL files: `<root>/<project key>/<session id>.jsonl`, subagent
/// transcripts at `<root>/<project key>/<session id>/<subpath>.jsonl`.
///
/// That is the layout of the CLI's `<config>/projects` directory, so a store rooted on a shared
/// volume can be copied (or pointed at) as a config dir's `projects/`.
///
/// # Examples
///
/// ```
/// use claude_agent::sessions::store::{FileSessionStore, SessionKey, SessionStore};
/// use serde_json::json;
///
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> claude_agent::Result<()> {
/// let dir = tempfile::tempdir()?;
/// let store = FileSessionStore::new(dir.path());
/// let key = SessionKey::new("-work", "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");
/// store.append(&key, &[json!({"type": "mode", "mode": "normal"})]).await?;
/// assert!(dir.path().join("-work/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee.jsonl").is_file());
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct FileSessionStore {
    root: PathBuf,
    /// The uuids each transcript holds, read from its file on first append.
    seen: Arc<Mutex<HashMap<PathBuf, HashSet<String>>>>,
}

impl FileSessionStore {
    /// A store under `root` (created on first append).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        FileSessionStore {
            root: root.into(),
            seen: Arc::default(),
        }
    }

    /// The root directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn path_of(&self, key: &SessionKey) -> Result<PathBuf> {
        key.validate()?;
        let project = self.root.join(&key.project_key);
        Ok(match &key.subpath {
            None => project.join(format!("{}.jsonl", key.session_id)),
            Some(sub) => project.join(&key.session_id).join(format!("{sub}.jsonl")),
        })
    }

    fn append_blocking(&self, path: &Path, entries: &[Value]) -> Result<()> {
        let err = |e| Error::session_file(path, e);
        let mut seen = self
            .seen
            .lock()
            .map_err(|_| Error::store("the file store's lock is poisoned"))?;
        if !seen.contains_key(path) {
            let known = match read_entries(path) {
                Ok(old) => old
                    .iter()
                    .filter_map(|e| e["uuid"].as_str().map(str::to_owned))
                    .collect(),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => HashSet::new(),
                Err(e) => return Err(err(e)),
            };
            seen.insert(path.to_path_buf(), known);
        }
        let known = seen.entry(path.to_path_buf()).or_default();
        let mut text = String::new();
        for entry in entries {
            if let Some(uuid) = entry["uuid"].as_str()
                && !known.insert(uuid.to_owned())
            {
                continue;
            }
            text.push_str(&entry.to_string());
            text.push('\n');
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(err)?;
        }
        let mut options = std::fs::OpenOptions::new();
        options.create(true).append(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        options
            .open(path)
            .and_then(|mut f| f.write_all(text.as_bytes()))
            .map_err(err)
    }

    fn forget(&self, prefix: &Path) {
        if let Ok(mut seen) = self.seen.lock() {
            seen.retain(|p, _| !p.starts_with(prefix));
        }
    }
}

async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| Error::Io(std::io::Error::other(e)))?
}

impl SessionStore for FileSessionStore {
    fn append<'a>(&'a self, key: &'a SessionKey, entries: &'a [Value]) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let path = self.path_of(key)?;
            if entries.is_empty() {
                return Ok(());
            }
            let (this, entries) = (self.clone(), entries.to_vec());
            blocking(move || this.append_blocking(&path, &entries)).await
        })
    }

    fn load<'a>(&'a self, key: &'a SessionKey) -> StoreFuture<'a, Option<Vec<Value>>> {
        Box::pin(async move {
            let path = self.path_of(key)?;
            blocking(move || match read_entries(&path) {
                Ok(entries) => Ok(Some(entries)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(Error::session_file(&path, e)),
            })
            .await
        })
    }

    fn list_sessions<'a>(&'a self, project_key: &'a str) -> StoreFuture<'a, Vec<StoredSession>> {
        Box::pin(async move {
            SessionKey::new(project_key, "x").validate()?;
            let dir = self.root.join(project_key);
            blocking(move || {
                let Ok(entries) = std::fs::read_dir(&dir) else {
                    return Ok(Vec::new());
                };
                Ok(entries
                    .flatten()
                    .filter_map(|e| {
                        let name = e.file_name().into_string().ok()?;
                        let id = name.strip_suffix(".jsonl")?.to_owned();
                        let meta = e.metadata().ok().filter(|m| m.is_file())?;
                        Some(StoredSession::new(
                            id,
                            meta.modified().map(millis_of).unwrap_or(0),
                        ))
                    })
                    .collect())
            })
            .await
        })
    }

    fn delete<'a>(&'a self, key: &'a SessionKey) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let path = self.path_of(key)?;
            let dir = self.root.join(&key.project_key).join(&key.session_id);
            let main = key.subpath.is_none();
            self.forget(if main { &dir } else { &path });
            self.forget(&path);
            blocking(move || {
                let gone = |r: std::io::Result<()>, p: &Path| match r {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                        Err(Error::session_file(p, e))
                    }
                    _ => Ok(()),
                };
                gone(std::fs::remove_file(&path), &path)?;
                if main {
                    gone(std::fs::remove_dir_all(&dir), &dir)?;
                }
                Ok(())
            })
            .await
        })
    }

    fn list_subkeys<'a>(
        &'a self,
        project_key: &'a str,
        session_id: &'a str,
    ) -> StoreFuture<'a, Vec<String>> {
        Box::pin(async move {
            SessionKey::new(project_key, session_id).validate()?;
            let dir = self.root.join(project_key).join(session_id);
            blocking(move || {
                let mut out = Vec::new();
                let mut stack = vec![dir.clone()];
                while let Some(d) = stack.pop() {
                    let Ok(entries) = std::fs::read_dir(&d) else {
                        continue;
                    };
                    for e in entries.flatten() {
                        let p = e.path();
                        if e.file_type().is_ok_and(|t| t.is_dir()) {
                            stack.push(p);
                        } else if let Some(rel) = p
                            .strip_prefix(&dir)
                            .ok()
                            .and_then(|r| r.to_str())
                            .and_then(|r| r.strip_suffix(".jsonl"))
                        {
                            out.push(rel.to_owned());
                        }
                    }
                }
                out.sort();
                Ok(out)
            })
            .await
        })
    }
}
