//! The `session_store` option at work: transcript batches the CLI mirrors (`--session-mirror`)
//! are appended to the store in order, off the reader's path; and a session to resume is
//! restored from the store into the CLI's config dir before the CLI starts.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use crate::protocol::Message;
use crate::sessions::Sessions;
use crate::sessions::project_dir_name;
use crate::sessions::store::{SessionKey, SessionMirror, SessionStore, restore_session};
use crate::{Error, Result};

/// Appends mirrored transcript batches to a store, in arrival order, on its own task.
#[derive(Debug)]
pub(crate) struct Mirroring {
    tx: mpsc::UnboundedSender<Message>,
    task: JoinHandle<()>,
}

impl Mirroring {
    pub(crate) fn start(store: Arc<dyn SessionStore>, project: Option<&str>) -> Mirroring {
        let (tx, mut rx) = mpsc::unbounded_channel::<Message>();
        let mut mirror = SessionMirror::new(store);
        if let Some(project) = project {
            mirror = mirror.project_key(project);
        }
        let task = tokio::spawn(async move {
            while let Some(message) = rx.recv().await {
                if let Err(err) = mirror.observe(&message).await {
                    tracing::warn!(
                        "mirroring a transcript batch to the session store failed: {err}"
                    );
                }
            }
        });
        Mirroring { tx, task }
    }

    /// Queues `message` if it is a transcript batch.
    pub(crate) fn observe(&self, message: &Message) {
        if matches!(message, Message::TranscriptMirror(_)) {
            let _ = self.tx.send(message.clone());
        }
    }

    /// Waits (at most `limit`) until every queued batch is in the store.
    pub(crate) async fn finish(self, limit: Duration) {
        drop(self.tx);
        if tokio::time::timeout(limit, self.task).await.is_err() {
            tracing::warn!(
                "the session store did not take the last transcript batches in {limit:?}"
            );
        }
    }
}

/// The CLI's config dir for a session with environment `env` (applied over this process's).
fn config_dir(env: &[(String, Option<String>)]) -> Option<PathBuf> {
    let var = |key: &str| match env.iter().rev().find(|(k, _)| k == key) {
        Some((_, value)) => value.clone(),
        None => std::env::var(key).ok(),
    };
    match var("CLAUDE_CONFIG_DIR").filter(|v| !v.is_empty()) {
        Some(dir) => Some(dir.into()),
        None => var("HOME").map(|home| Path::new(&home).join(".claude")),
    }
}

/// Writes the stored session `session_id` into the CLI's config dir before it resumes it. A
/// session the store does not hold is left to the CLI (it may be on disk already).
pub(crate) async fn restore_for_resume(
    store: &dyn SessionStore,
    session_id: &str,
    env: &[(String, Option<String>)],
    cwd: Option<&Path>,
    project: Option<&str>,
    limit: Duration,
) -> Result<()> {
    let Some(config) = config_dir(env) else {
        return Err(Error::invalid_option(
            "session_store",
            "cannot restore a session: neither CLAUDE_CONFIG_DIR nor HOME is set",
        ));
    };
    let cwd = match cwd {
        Some(cwd) => cwd.to_path_buf(),
        None => std::env::current_dir()?,
    };
    let canonical = cwd.canonicalize().unwrap_or_else(|_| cwd.clone());
    let project = match project {
        Some(project) => project.to_owned(),
        None => project_dir_name(&canonical),
    };
    let key = SessionKey::new(project, session_id);
    let sessions = Sessions::new(config);
    let restore = restore_session(store, &key, &sessions, &cwd);
    match tokio::time::timeout(limit, restore).await {
        Ok(Ok(path)) => {
            tracing::debug!(path = %path.display(), "restored the session from the store");
            Ok(())
        }
        Ok(Err(Error::SessionNotFound { .. })) => Ok(()),
        Ok(Err(err)) => Err(err),
        Err(_) => Err(Error::invalid_option(
            "session_store",
            format!("loading session {session_id} from the store took longer than {limit:?}"),
        )),
    }
}
