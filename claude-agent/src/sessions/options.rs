//! The options of listing, reading and forking sessions.

use std::path::{Path, PathBuf};

use super::chain::Visibility;
use super::messages::{SessionMessage, read_messages};
use crate::Result;

/// What [`list_sessions`](super::list_sessions) returns.
///
/// # Examples
///
/// ```
/// use claude_agent::sessions::ListSessionsOptions;
///
/// let options = ListSessionsOptions::new().dir("/work/app").limit(10).include_worktrees(false);
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ListSessionsOptions {
    /// Only sessions run in this directory (default: every project).
    pub dir: Option<PathBuf>,
    /// At most this many (default: all).
    pub limit: Option<usize>,
    /// Skip this many of the newest first (default 0).
    pub offset: usize,
    /// With [`dir`](Self::dir) in a git repository, also the sessions of its other worktrees
    /// (default `true`).
    pub include_worktrees: bool,
}

impl Default for ListSessionsOptions {
    fn default() -> Self {
        ListSessionsOptions {
            dir: None,
            limit: None,
            offset: 0,
            include_worktrees: true,
        }
    }
}

impl ListSessionsOptions {
    /// All sessions of all projects.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only sessions run in `dir`.
    #[must_use]
    pub fn dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.dir = Some(dir.into());
        self
    }

    /// At most `limit` sessions.
    #[must_use]
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Skips the `offset` newest sessions.
    #[must_use]
    pub fn offset(mut self, offset: usize) -> Self {
        self.offset = offset;
        self
    }

    /// Whether to include the other git worktrees of [`dir`](Self::dir).
    #[must_use]
    pub fn include_worktrees(mut self, include: bool) -> Self {
        self.include_worktrees = include;
        self
    }
}

/// Which messages [`get_session_messages`](super::get_session_messages) returns.
///
/// # Examples
///
/// ```
/// use claude_agent::sessions::MessagesOptions;
///
/// let first_page = MessagesOptions::new().limit(50);
/// let last_twenty = MessagesOptions::new().last(20);
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct MessagesOptions {
    /// Look for the session in this directory's project only (default: every project).
    pub dir: Option<PathBuf>,
    /// At most this many (default: all).
    pub limit: Option<usize>,
    /// Skip this many from the start (default 0).
    pub offset: usize,
    /// Only the last this many (applied instead of offset / limit).
    pub last: Option<usize>,
    /// Also return `system` entries (compact boundaries, ...), as [`Message::System`](crate::Message::System).
    pub include_system: bool,
}

impl MessagesOptions {
    /// The whole conversation.
    pub fn new() -> Self {
        Self::default()
    }

    /// Looks for the session in `dir`'s project only.
    #[must_use]
    pub fn dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.dir = Some(dir.into());
        self
    }

    /// At most `limit` messages.
    #[must_use]
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Skips the first `offset` messages.
    #[must_use]
    pub fn offset(mut self, offset: usize) -> Self {
        self.offset = offset;
        self
    }

    /// Only the last `count` messages.
    #[must_use]
    pub fn last(mut self, count: usize) -> Self {
        self.last = Some(count);
        self
    }

    /// Also returns `system` entries.
    #[must_use]
    pub fn include_system(mut self, include: bool) -> Self {
        self.include_system = include;
        self
    }

    pub(crate) fn read(&self, path: &Path, vis: Visibility) -> Result<Vec<SessionMessage>> {
        read_messages(path, vis, self.window())
    }

    pub(crate) fn window(&self) -> Window {
        match self.last {
            Some(count) => Window::Last(count),
            None => Window::Range(self.offset, self.limit),
        }
    }
}

/// Which part of a conversation to decode.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Window {
    /// Offset and optional limit from the start.
    Range(usize, Option<usize>),
    /// The last n.
    Last(usize),
}

/// How [`fork_session`](super::fork_session) forks.
///
/// # Examples
///
/// ```
/// use claude_agent::sessions::ForkOptions;
///
/// let options = ForkOptions::new().up_to("3f1c…message uuid").title("Second attempt");
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ForkOptions {
    /// Look for the session in this directory's project only (default: every project).
    pub dir: Option<PathBuf>,
    /// Copy the history up to and including this message uuid (default: all of it).
    pub up_to: Option<String>,
    /// The fork's title before `" (fork)"` (default: the session's title or summary).
    pub title: Option<String>,
}

impl ForkOptions {
    /// Forks the whole history.
    pub fn new() -> Self {
        Self::default()
    }

    /// Looks for the session in `dir`'s project only.
    #[must_use]
    pub fn dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.dir = Some(dir.into());
        self
    }

    /// Copies the history up to and including message `uuid`.
    #[must_use]
    pub fn up_to(mut self, uuid: impl Into<String>) -> Self {
        self.up_to = Some(uuid.into());
        self
    }

    /// Titles the fork `"<title> (fork)"`.
    #[must_use]
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
}
