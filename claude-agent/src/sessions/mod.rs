//! Past sessions: list, read, rename, tag, fork and delete them, and keep them in a
//! [`store::SessionStore`] of your own.
//!
//! The CLI writes every session to `<config>/projects/<project>/<session id>.jsonl`, where
//! `<config>` is `$CLAUDE_CONFIG_DIR` or `~/.claude` and `<project>` is the session's working
//! directory with every character outside `[A-Za-z0-9]` replaced by `-` ([`project_dir_name`]).
//! This module reads those files the way the CLI and the official SDKs do:
//!
//! - listing reads only the first and last 64 KiB of each file, so it does not slow down as
//!   transcripts grow;
//! - reading never fails on content: unknown entry types, a truncated last line, a line being
//!   written, or bytes that are not UTF-8 are skipped (with a `tracing` warning);
//! - [`rename_session`] and [`tag_session`] append the same entries the CLI appends, so the CLI
//!   shows the change and still resumes the file.
//!
//! The free functions use the config dir of the environment; [`Sessions`] works on any config dir.
//! Resume or fork a session you found with [`OptionsBuilder::resume`](crate::OptionsBuilder::resume),
//! [`fork_session`](crate::OptionsBuilder::fork_session) and
//! [`resume_session_at`](crate::OptionsBuilder::resume_session_at).
//!
//! # Examples
//!
//! ```no_run
//! use claude_agent::sessions::{self, ListSessionsOptions, MessagesOptions};
//! use claude_agent::{Options, query};
//!
//! # async fn run() -> claude_agent::Result<()> {
//! let recent = sessions::list_sessions(ListSessionsOptions::new().dir(".").limit(10)).await?;
//! let Some(last) = recent.first() else { return Ok(()) };
//! println!("{}: {}", last.session_id, last.summary);
//! for m in sessions::get_session_messages(&last.session_id, MessagesOptions::new().last(4)).await? {
//!     println!("{:?}", m.message);
//! }
//! let answer = query("And then?", Options::builder().resume(&last.session_id).build()).text().await?;
//! # Ok(()) }
//! ```

mod chain;
mod fork;
mod info;
mod jsonl;
mod list;
mod messages;
mod mutate;
mod options;
mod paths;
mod subagents;
mod time;

pub mod store;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

pub use info::SessionInfo;
pub use messages::SessionMessage;
pub use mutate::sanitize_tag;
pub use options::{ForkOptions, ListSessionsOptions, MessagesOptions};
pub use paths::project_dir_name;
pub use subagents::SubagentInfo;

use crate::{Error, Result};
use chain::Visibility;

/// The sessions of one CLI config directory.
///
/// # Examples
///
/// ```
/// use claude_agent::sessions::Sessions;
///
/// let sessions = Sessions::new("/tmp/my-config");
/// assert_eq!(sessions.projects_dir(), std::path::Path::new("/tmp/my-config/projects"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sessions {
    config_dir: PathBuf,
}

/// The result of [`fork_session`]: the new session, ready to resume.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ForkedSession {
    /// The new session id.
    pub session_id: String,
    /// Its transcript file.
    pub path: PathBuf,
}

impl Sessions {
    /// Sessions under `config_dir` (what the CLI calls `CLAUDE_CONFIG_DIR`).
    pub fn new(config_dir: impl Into<PathBuf>) -> Self {
        Sessions {
            config_dir: config_dir.into(),
        }
    }

    /// Sessions under `$CLAUDE_CONFIG_DIR`, else `$HOME/.claude`.
    ///
    /// Fails with [`Error::InvalidArgument`] when neither variable is set.
    pub fn from_env() -> Result<Self> {
        paths::default_config_dir().map(Self::new).ok_or_else(|| {
            Error::invalid_argument("config_dir", "neither CLAUDE_CONFIG_DIR nor HOME is set")
        })
    }

    /// The config directory.
    pub fn config_dir(&self) -> &Path {
        &self.config_dir
    }

    /// `<config>/projects`, the parent of every project directory.
    pub fn projects_dir(&self) -> PathBuf {
        self.config_dir.join("projects")
    }

    /// Sessions, newest first; see [`list_sessions`].
    pub async fn list(&self, options: ListSessionsOptions) -> Result<Vec<SessionInfo>> {
        let this = self.clone();
        blocking(move || Ok(this.list_blocking(&options))).await
    }

    /// One session's info; see [`get_session_info`].
    pub async fn info(&self, session_id: &str, dir: Option<&Path>) -> Result<SessionInfo> {
        let (this, id, dir) = (
            self.clone(),
            session_id.to_owned(),
            dir.map(Path::to_path_buf),
        );
        blocking(move || this.info_blocking(&id, dir.as_deref())).await
    }

    /// A session's conversation; see [`get_session_messages`].
    pub async fn messages(
        &self,
        session_id: &str,
        options: MessagesOptions,
    ) -> Result<Vec<SessionMessage>> {
        let (this, id) = (self.clone(), session_id.to_owned());
        blocking(move || {
            let path = this.find_file(&id, options.dir.as_deref())?;
            let vis = Visibility {
                sidechain: false,
                system: options.include_system,
            };
            options.read(&path, vis)
        })
        .await
    }

    /// A session's subagent transcripts; see [`list_subagents`].
    pub async fn subagents(
        &self,
        session_id: &str,
        dir: Option<&Path>,
    ) -> Result<Vec<SubagentInfo>> {
        let (this, id, dir) = (
            self.clone(),
            session_id.to_owned(),
            dir.map(Path::to_path_buf),
        );
        blocking(move || {
            let path = this.find_file(&id, dir.as_deref())?;
            Ok(subagents::find_subagents(&path.with_extension("")))
        })
        .await
    }

    /// One subagent's conversation; see [`get_subagent_messages`].
    pub async fn subagent_messages(
        &self,
        session_id: &str,
        agent_id: &str,
        options: MessagesOptions,
    ) -> Result<Vec<SessionMessage>> {
        let (this, id, agent) = (self.clone(), session_id.to_owned(), agent_id.to_owned());
        blocking(move || {
            let path = this.find_file(&id, options.dir.as_deref())?;
            let found = subagents::find_subagents(&path.with_extension(""))
                .into_iter()
                .find(|s| s.agent_id == agent)
                .ok_or_else(|| {
                    Error::invalid_argument(
                        "agent_id",
                        format!("no subagent {agent} in session {id}"),
                    )
                })?;
            let vis = Visibility {
                sidechain: true,
                system: options.include_system,
            };
            options.read(&found.path, vis)
        })
        .await
    }

    /// Sets a session's title; see [`rename_session`].
    pub async fn rename(&self, session_id: &str, title: &str, dir: Option<&Path>) -> Result<()> {
        let entry = mutate::title_entry(session_id, title)?;
        self.append(session_id, dir, entry).await
    }

    /// Sets or clears a session's tag; see [`tag_session`].
    pub async fn tag(&self, session_id: &str, tag: Option<&str>, dir: Option<&Path>) -> Result<()> {
        let entry = mutate::tag_entry(session_id, tag)?;
        self.append(session_id, dir, entry).await
    }

    /// Deletes a session; see [`delete_session`].
    pub async fn delete(&self, session_id: &str, dir: Option<&Path>) -> Result<()> {
        let (this, id, dir) = (
            self.clone(),
            session_id.to_owned(),
            dir.map(Path::to_path_buf),
        );
        blocking(move || mutate::delete_files(&this.find_file(&id, dir.as_deref())?)).await
    }

    /// Forks a session offline; see [`fork_session`].
    pub async fn fork(&self, session_id: &str, options: ForkOptions) -> Result<ForkedSession> {
        let (this, id) = (self.clone(), session_id.to_owned());
        blocking(move || {
            let path = this.find_file(&id, options.dir.as_deref())?;
            let title = match options.title {
                Some(title) => title,
                None => info::read_info(&path, &id)
                    .map_err(|e| Error::session_file(&path, e))?
                    .map(|i| i.summary)
                    .unwrap_or_else(|| id.clone()),
            };
            let (session_id, path) = fork::fork_file(&path, &id, options.up_to.as_deref(), &title)?;
            Ok(ForkedSession { session_id, path })
        })
        .await
    }

    async fn append(
        &self,
        session_id: &str,
        dir: Option<&Path>,
        entry: serde_json::Value,
    ) -> Result<()> {
        let (this, id, dir) = (
            self.clone(),
            session_id.to_owned(),
            dir.map(Path::to_path_buf),
        );
        blocking(move || mutate::append_entry(&this.find_file(&id, dir.as_deref())?, &entry)).await
    }
}

/// Runs blocking file work off the async executor.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| Error::Io(std::io::Error::other(e)))?
}

/// Lists past sessions, newest first (by file modification time).
///
/// With [`dir`](ListSessionsOptions::dir), only the sessions run in that directory (and, by
/// default, in the other worktrees of its git repository); without, every project's. Each file
/// is read at its two ends only. Sessions with nothing to show (no prompt, no title) are left out.
///
/// # Examples
///
/// ```no_run
/// use claude_agent::sessions::{ListSessionsOptions, list_sessions};
///
/// # async fn run() -> claude_agent::Result<()> {
/// let page = list_sessions(ListSessionsOptions::new().limit(20).offset(20)).await?;
/// # Ok(()) }
/// ```
pub async fn list_sessions(options: ListSessionsOptions) -> Result<Vec<SessionInfo>> {
    Sessions::from_env()?.list(options).await
}

/// The info of one session; `dir` narrows the search to that directory's project (and its git
/// worktrees). Fails with [`Error::SessionNotFound`] when there is no such session.
pub async fn get_session_info(session_id: &str, dir: Option<&Path>) -> Result<SessionInfo> {
    Sessions::from_env()?.info(session_id, dir).await
}

/// A session's conversation in order: the chain of `parentUuid` links from the newest message
/// back to the first, without meta, sidechain and injected entries, then offset / limit.
pub async fn get_session_messages(
    session_id: &str,
    options: MessagesOptions,
) -> Result<Vec<SessionMessage>> {
    Sessions::from_env()?.messages(session_id, options).await
}

/// The subagent transcripts of a session.
pub async fn list_subagents(session_id: &str, dir: Option<&Path>) -> Result<Vec<SubagentInfo>> {
    Sessions::from_env()?.subagents(session_id, dir).await
}

/// One subagent's conversation (see [`list_subagents`] for the ids).
pub async fn get_subagent_messages(
    session_id: &str,
    agent_id: &str,
    options: MessagesOptions,
) -> Result<Vec<SessionMessage>> {
    Sessions::from_env()?
        .subagent_messages(session_id, agent_id, options)
        .await
}

/// Sets a session's title: appends a `custom-title` entry, as the CLI's rename does. The title
/// is trimmed and must not be empty.
///
/// # Examples
///
/// ```no_run
/// # async fn run(id: &str) -> claude_agent::Result<()> {
/// claude_agent::sessions::rename_session(id, "Refactor the parser", None).await?;
/// # Ok(()) }
/// ```
pub async fn rename_session(session_id: &str, title: &str, dir: Option<&Path>) -> Result<()> {
    Sessions::from_env()?.rename(session_id, title, dir).await
}

/// Sets (`Some`) or clears (`None`) a session's tag: appends a `tag` entry, as the CLI does. The
/// tag is [sanitized](sanitize_tag) and must not end up empty.
pub async fn tag_session(session_id: &str, tag: Option<&str>, dir: Option<&Path>) -> Result<()> {
    Sessions::from_env()?.tag(session_id, tag, dir).await
}

/// Deletes a session's file and its subagent transcripts.
pub async fn delete_session(session_id: &str, dir: Option<&Path>) -> Result<()> {
    Sessions::from_env()?.delete(session_id, dir).await
}

/// Forks a session without running the CLI: writes a new session whose history is a copy of this
/// one's (up to [`ForkOptions::up_to`]), with fresh uuids and the title `"<title> (fork)"`.
/// Resume it with [`OptionsBuilder::resume`](crate::OptionsBuilder::resume).
///
/// # Examples
///
/// ```no_run
/// use claude_agent::sessions::{ForkOptions, fork_session};
/// use claude_agent::{Options, query};
///
/// # async fn run(id: &str, uuid: &str) -> claude_agent::Result<()> {
/// let fork = fork_session(id, ForkOptions::new().up_to(uuid)).await?;
/// let text = query("Try another way.", Options::builder().resume(&fork.session_id).build())
///     .text()
///     .await?;
/// # Ok(()) }
/// ```
pub async fn fork_session(session_id: &str, options: ForkOptions) -> Result<ForkedSession> {
    Sessions::from_env()?.fork(session_id, options).await
}
