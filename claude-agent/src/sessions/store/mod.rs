//! Keeping transcripts in storage of your own: the [`SessionStore`] trait, three stores, the
//! [`conformance`] suite, and the glue that mirrors a live session into a store and restores it
//! for resume on another machine.
//!
//! # How mirroring works
//!
//! The simple way: [`OptionsBuilder::session_store`](crate::OptionsBuilder::session_store) (the
//! TypeScript SDK's `sessionStore`). The CLI (`--session-mirror`) still writes its session file,
//! and also streams every batch of entries it wrote as a
//! [`Message::TranscriptMirror`](crate::Message::TranscriptMirror); the SDK appends each batch to
//! the store in order, keyed by [`SessionKey`] (project key, session id, subagent subpath), and a
//! stream ends only once its batches are stored. With `resume` as well, the stored session is
//! written into the CLI's config dir before the CLI starts, so a machine that never saw the
//! session's files resumes it.
//! [`session_store_project`](crate::OptionsBuilder::session_store_project) pins the project key
//! (default: the project directory name of the working directory).
//!
//! By hand, for full control: [`OptionsBuilder::session_mirror`](crate::OptionsBuilder::session_mirror)
//! turns on the CLI's mirroring, [`SessionMirror::observe`] stores a batch (and returns a failed
//! `append` to you), and [`restore_session`] writes a stored transcript into a config dir (an
//! empty scratch one is fine) where the CLI's `--resume` finds it. [`import_session`] copies a
//! session that already exists on disk into a store. [`list_stored_sessions`],
//! [`get_stored_messages`], [`rename_stored_session`] and [`tag_stored_session`] work on the store
//! directly.
//!
//! # Differences from the TypeScript SDK
//!
//! - A failed `append` under the `session_store` option is logged through `tracing` and the
//!   session goes on (the TypeScript SDK retries three times, then drops the batch and emits a
//!   `mirror_error` message). Retrying by hand is safe: stores ignore uuids they hold.
//! - Batches are appended as they arrive; there is no batching (`sessionStoreFlush`) knob.
//! - The CLI only resumes from a file in its config dir; it has no flag to read a transcript from
//!   anywhere else, so a restore writes that file (as the TypeScript SDK does).
//! - The CLI writes entries first and mirrors them after, so a batch can arrive after the turn's
//!   `result`; with a [`Client`](crate::Client) and manual mirroring, keep observing the next
//!   turn's messages (the last batch of a session arrives before its stream ends).
//!
//! # Examples
//!
//! ```no_run
//! use std::sync::Arc;
//! use claude_agent::sessions::store::{MemorySessionStore, SessionMirror};
//! use claude_agent::{Options, query};
//! use futures::StreamExt;
//!
//! # async fn run() -> claude_agent::Result<()> {
//! let store = Arc::new(MemorySessionStore::new());
//! let mirror = SessionMirror::new(store.clone());
//! let mut messages = query("Hello", Options::builder().session_mirror(true).build());
//! while let Some(message) = messages.next().await {
//!     mirror.observe(&message?).await?;
//! }
//! # Ok(()) }
//! ```

mod file;
mod memory;
mod mirror;
mod read;
#[cfg(feature = "sqlite")]
mod sqlite;

pub mod conformance;

use futures::future::BoxFuture;
use serde_json::Value;

pub use file::FileSessionStore;
pub use memory::MemorySessionStore;
pub use mirror::{SessionMirror, import_session, key_for_transcript, restore_session};
pub use read::{
    get_stored_messages, list_stored_sessions, rename_stored_session, tag_stored_session,
};
#[cfg(feature = "sqlite")]
#[cfg_attr(docsrs, doc(cfg(feature = "sqlite")))]
pub use sqlite::SqliteSessionStore;

use crate::{Error, Result};

/// The future a [`SessionStore`] method returns.
pub type StoreFuture<'a, T> = BoxFuture<'a, Result<T>>;

/// Which transcript a batch of entries belongs to.
///
/// # Examples
///
/// ```
/// use claude_agent::sessions::store::SessionKey;
///
/// let main = SessionKey::new("-home-me-app", "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");
/// let agent = main.clone().with_subpath("subagents/agent-a1b2");
/// assert_eq!(agent.subpath.as_deref(), Some("subagents/agent-a1b2"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub struct SessionKey {
    /// The scope: by default the project directory name of the session's cwd; a multi-tenant
    /// service may use a tenant id instead. A single path segment.
    pub project_key: String,
    /// The session id.
    pub session_id: String,
    /// `None` for the main transcript; for a subagent transcript its path below the session's
    /// directory, without `.jsonl` (e.g. `subagents/agent-a1b2`).
    pub subpath: Option<String>,
}

impl SessionKey {
    /// The main transcript of `session_id` in `project_key`.
    pub fn new(project_key: impl Into<String>, session_id: impl Into<String>) -> Self {
        SessionKey {
            project_key: project_key.into(),
            session_id: session_id.into(),
            subpath: None,
        }
    }

    /// The same session's transcript at `subpath` (a subagent's).
    #[must_use]
    pub fn with_subpath(mut self, subpath: impl Into<String>) -> Self {
        self.subpath = Some(subpath.into());
        self
    }

    /// Refuses keys that cannot name files safely (empty parts, `/` in the project key or id,
    /// `..`, absolute subpaths).
    pub fn validate(&self) -> Result<()> {
        let segment = |what: &'static str, s: &str| {
            if s.is_empty() || s == "." || s == ".." || s.contains(['/', '\\', '\0']) {
                Err(Error::invalid_argument(
                    what,
                    format!("{s:?} is not a single path segment"),
                ))
            } else {
                Ok(())
            }
        };
        segment("project_key", &self.project_key)?;
        segment("session_id", &self.session_id)?;
        if let Some(sub) = &self.subpath {
            if sub.is_empty() || sub.starts_with('/') || sub.contains(['\\', '\0']) {
                return Err(Error::invalid_argument(
                    "subpath",
                    format!("{sub:?} is not a relative path"),
                ));
            }
            for part in sub.split('/') {
                segment("subpath", part)?;
            }
        }
        Ok(())
    }
}

/// A session a store holds, as [`SessionStore::list_sessions`] returns it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct StoredSession {
    /// The session id.
    pub session_id: String,
    /// When it was last appended to, in milliseconds since the Unix epoch.
    pub mtime: i64,
}

impl StoredSession {
    /// A listing entry.
    pub fn new(session_id: impl Into<String>, mtime: i64) -> Self {
        StoredSession {
            session_id: session_id.into(),
            mtime,
        }
    }
}

/// Storage for session transcripts (the TypeScript SDK's `SessionStore`).
///
/// Entries are transcript lines as JSON objects, passed through untouched. The contract, which
/// [`conformance::check`] verifies:
///
/// - [`append`](Self::append) keeps entries in call order; an entry whose `uuid` the key already
///   holds is ignored (so retries and re-imports do not duplicate), entries without a `uuid`
///   (titles, tags, modes) are always appended; appending nothing changes nothing;
/// - [`load`](Self::load) returns exactly what was appended (deep-equal), or `None` for a key
///   never written;
/// - keys are independent: project keys, session ids and subpaths never mix;
/// - [`list_sessions`](Self::list_sessions) returns the main transcripts of one project key with
///   their last append time; [`list_subkeys`](Self::list_subkeys) the subpaths of one session;
/// - [`delete`](Self::delete) of a main key removes the session with all its subpaths, of a
///   subpath only that transcript; deleting what is not there succeeds.
///
/// Methods return boxed futures so that `dyn SessionStore` works; write them as
/// `Box::pin(async move { ... })`.
pub trait SessionStore: Send + Sync {
    /// Appends `entries` to the transcript `key`.
    fn append<'a>(&'a self, key: &'a SessionKey, entries: &'a [Value]) -> StoreFuture<'a, ()>;

    /// The whole transcript `key`, or `None` if it was never written.
    fn load<'a>(&'a self, key: &'a SessionKey) -> StoreFuture<'a, Option<Vec<Value>>>;

    /// The sessions of `project_key` (main transcripts only), in any order.
    fn list_sessions<'a>(&'a self, project_key: &'a str) -> StoreFuture<'a, Vec<StoredSession>>;

    /// Deletes the transcript `key` (with its subpaths, for a main key).
    fn delete<'a>(&'a self, key: &'a SessionKey) -> StoreFuture<'a, ()>;

    /// The subpaths stored for a session (its subagent transcripts).
    fn list_subkeys<'a>(
        &'a self,
        project_key: &'a str,
        session_id: &'a str,
    ) -> StoreFuture<'a, Vec<String>>;
}
