//! Between a config dir and a store: live mirroring, import, and restore for resume.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;

use super::{SessionKey, SessionStore};
use crate::sessions::jsonl::read_entries;
use crate::sessions::paths::project_dir_name;
use crate::sessions::subagents::find_subagents;
use crate::sessions::{Sessions, fork::write_new_file};
use crate::{Error, Message, Result};

/// How many entries [`import_session`] appends per call.
const IMPORT_BATCH: usize = 500;

/// The store key of a transcript file under a config dir's `projects/` directory:
/// `projects/<project>/<id>.jsonl` is the main transcript, `projects/<project>/<id>/<sub>.jsonl`
/// a subagent's (subpath `<sub>`).
///
/// # Examples
///
/// ```
/// use claude_agent::sessions::store::key_for_transcript;
/// use std::path::Path;
///
/// let key = key_for_transcript(Path::new(
///     "/home/me/.claude/projects/-work/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee/subagents/agent-a1.jsonl",
/// ))
/// .unwrap();
/// assert_eq!(key.project_key, "-work");
/// assert_eq!(key.subpath.as_deref(), Some("subagents/agent-a1"));
/// ```
pub fn key_for_transcript(path: &Path) -> Option<SessionKey> {
    let parts: Vec<&str> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect();
    let at = parts.iter().rposition(|p| *p == "projects")?;
    let rest = parts.get(at + 1..)?;
    let key = match rest {
        [project, file] => SessionKey::new(*project, file.strip_suffix(".jsonl")?),
        [project, id, sub @ ..] if !sub.is_empty() => {
            let joined = sub.join("/");
            SessionKey::new(*project, *id).with_subpath(joined.strip_suffix(".jsonl")?)
        }
        _ => return None,
    };
    key.validate().ok().map(|()| key)
}

/// Feeds the CLI's `transcript_mirror` messages into a [`SessionStore`].
///
/// Turn mirroring on with
/// [`OptionsBuilder::session_mirror`](crate::OptionsBuilder::session_mirror) and pass every
/// message of the session to [`observe`](Self::observe). Batches can arrive after the `result`
/// of a turn, so keep observing until the stream ends (or the next turn).
///
/// # Examples
///
/// ```no_run
/// use std::sync::Arc;
/// use claude_agent::sessions::store::{FileSessionStore, SessionMirror};
/// use claude_agent::{Options, query};
///
/// # async fn run() -> claude_agent::Result<()> {
/// let mirror = SessionMirror::new(Arc::new(FileSessionStore::new("/srv/transcripts")));
/// let messages = query("Hi", Options::builder().session_mirror(true).build()).messages().await?;
/// for message in &messages {
///     mirror.observe(message).await?;
/// }
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct SessionMirror {
    store: Arc<dyn SessionStore>,
    project_key: Option<String>,
}

impl std::fmt::Debug for SessionMirror {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionMirror")
            .field("project_key", &self.project_key)
            .finish_non_exhaustive()
    }
}

impl SessionMirror {
    /// Mirrors into `store`, keyed by each file's project directory name.
    pub fn new(store: Arc<dyn SessionStore>) -> Self {
        SessionMirror {
            store,
            project_key: None,
        }
    }

    /// Uses `project_key` (e.g. a tenant id) instead of the project directory name.
    #[must_use]
    pub fn project_key(mut self, project_key: impl Into<String>) -> Self {
        self.project_key = Some(project_key.into());
        self
    }

    /// Stores the entries of a [`Message::TranscriptMirror`]; returns whether `message` was one.
    /// Other messages are ignored.
    pub async fn observe(&self, message: &Message) -> Result<bool> {
        let Message::TranscriptMirror(mirror) = message else {
            return Ok(false);
        };
        let mut key = key_for_transcript(Path::new(&mirror.file_path)).ok_or_else(|| {
            Error::Protocol(format!(
                "a transcript_mirror names a file outside a projects directory: {}",
                mirror.file_path
            ))
        })?;
        if let Some(project) = &self.project_key {
            key.project_key.clone_from(project);
        }
        self.store.append(&key, &mirror.entries).await?;
        Ok(true)
    }
}

/// Copies a session that exists on disk (and its subagent transcripts) into `store`; returns
/// the key of its main transcript (project key = its project directory name).
///
/// Entries already in the store (same `uuid`) are skipped by the store, so importing twice is
/// harmless for chain entries.
pub async fn import_session(
    sessions: &Sessions,
    session_id: &str,
    dir: Option<&Path>,
    store: &dyn SessionStore,
) -> Result<SessionKey> {
    let (this, id, dir) = (
        sessions.clone(),
        session_id.to_owned(),
        dir.map(Path::to_path_buf),
    );
    let files = tokio::task::spawn_blocking(move || -> Result<Vec<(SessionKey, Vec<Value>)>> {
        let path = this.find_file(&id, dir.as_deref())?;
        let key = key_for_transcript(&path).ok_or_else(|| {
            Error::invalid_argument(
                "session_id",
                "the session file is not under a projects directory",
            )
        })?;
        let mut out = vec![(
            key.clone(),
            read_entries(&path).map_err(|e| Error::session_file(&path, e))?,
        )];
        let session_dir = path.with_extension("");
        for agent in find_subagents(&session_dir) {
            let Some(sub) = agent
                .path
                .strip_prefix(&session_dir)
                .ok()
                .and_then(|p| p.to_str())
                .and_then(|p| p.strip_suffix(".jsonl"))
            else {
                continue;
            };
            let entries =
                read_entries(&agent.path).map_err(|e| Error::session_file(&agent.path, e))?;
            out.push((key.clone().with_subpath(sub), entries));
        }
        Ok(out)
    })
    .await
    .map_err(|e| Error::Io(std::io::Error::other(e)))??;
    let main = files
        .first()
        .map(|(k, _)| k.clone())
        .ok_or_else(|| Error::SessionNotFound {
            session_id: session_id.to_owned(),
        })?;
    for (key, entries) in &files {
        for batch in entries.chunks(IMPORT_BATCH) {
            store.append(key, batch).await?;
        }
    }
    Ok(main)
}

/// Writes the stored session `key` (with its subagent transcripts) into the config dir of
/// `sessions`, in the project directory of `cwd`, so that a CLI started in `cwd` with that
/// config dir resumes it (`Options::builder().cwd(cwd).resume(&key.session_id)`).
///
/// An existing file of that session is replaced. Returns the main transcript's path; fails with
/// [`Error::SessionNotFound`] when the store does not hold the session.
pub async fn restore_session(
    store: &dyn SessionStore,
    key: &SessionKey,
    sessions: &Sessions,
    cwd: &Path,
) -> Result<PathBuf> {
    key.validate()?;
    let main_key = SessionKey::new(&key.project_key, &key.session_id);
    let main = store
        .load(&main_key)
        .await?
        .ok_or_else(|| Error::SessionNotFound {
            session_id: key.session_id.clone(),
        })?;
    let mut files = vec![(None, main)];
    for sub in store
        .list_subkeys(&key.project_key, &key.session_id)
        .await?
    {
        let sub_key = main_key.clone().with_subpath(&sub);
        sub_key.validate()?;
        if let Some(entries) = store.load(&sub_key).await? {
            files.push((Some(sub), entries));
        }
    }
    let cwd = crate::sessions::paths::canonical(cwd);
    let project = sessions.projects_dir().join(project_dir_name(&cwd));
    let session_id = key.session_id.clone();
    tokio::task::spawn_blocking(move || -> Result<PathBuf> {
        let main_path = project.join(format!("{session_id}.jsonl"));
        for (sub, entries) in files {
            let path = match &sub {
                None => main_path.clone(),
                Some(sub) => project.join(&session_id).join(format!("{sub}.jsonl")),
            };
            let tmp = path.with_extension("jsonl.restoring");
            let _ = std::fs::remove_file(&tmp);
            write_new_file(&tmp, &entries)?;
            std::fs::rename(&tmp, &path).map_err(|e| Error::session_file(&path, e))?;
        }
        Ok(main_path)
    })
    .await
    .map_err(|e| Error::Io(std::io::Error::other(e)))?
}
