//! [`OptionsBuilder`] setter for mirroring transcripts into a session store.

use std::sync::Arc;
use std::time::Duration;

use crate::options::{Opaque, OptionsBuilder};
use crate::sessions::store::SessionStore;

/// The hidden CLI flag that makes it stream `transcript_mirror` messages.
const SESSION_MIRROR_FLAG: &str = "--session-mirror";

impl OptionsBuilder {
    /// Streams every batch of entries the CLI writes to its session file as a
    /// [`Message::TranscriptMirror`](crate::Message::TranscriptMirror) (`--session-mirror`), for a
    /// [`SessionMirror`](crate::sessions::store::SessionMirror) to store. The CLI still writes
    /// the file (so this cannot be combined with `persist_session(false)`).
    ///
    /// Verified on Claude Code 2.1.197 and 2.1.330.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::Options;
    ///
    /// let options = Options::builder().session_mirror(true).build();
    /// assert!(options.cli_args()?.iter().any(|a| a == "--session-mirror"));
    /// # Ok::<(), claude_agent::Error>(())
    /// ```
    pub fn session_mirror(mut self, enabled: bool) -> Self {
        self.options
            .extra_args
            .retain(|(flag, _)| flag != SESSION_MIRROR_FLAG);
        if enabled {
            self.options
                .extra_args
                .push((SESSION_MIRROR_FLAG.to_owned(), None));
        }
        self
    }

    /// Keeps every session of these options in `store` as well (the TypeScript SDK's
    /// `sessionStore`): the CLI mirrors each transcript batch (`--session-mirror`) and the SDK
    /// appends it to the store in order, off the message path; a stream ends only once its
    /// batches are stored. With [`resume`](Self::resume), the stored session is first written
    /// into the CLI's config dir, so a machine that never saw the session's files resumes it.
    /// A failed append is logged (`tracing`) and the session goes on.
    ///
    /// # Examples
    ///
    /// ```no_run
    /// use std::sync::Arc;
    /// use claude_agent::sessions::store::MemorySessionStore;
    /// use claude_agent::{Options, query};
    ///
    /// # async fn run() -> claude_agent::Result<()> {
    /// let store = Arc::new(MemorySessionStore::new());
    /// let first = query("Remember 7.", Options::builder().session_store(store.clone()).build())
    ///     .result()
    ///     .await?;
    /// // Later, anywhere with the same store:
    /// let options = Options::builder().session_store(store).resume(&first.session_id).build();
    /// let answer = query("Which number?", options).text().await?;
    /// # Ok(()) }
    /// ```
    pub fn session_store(mut self, store: Arc<dyn SessionStore>) -> Self {
        self.options.runtime.session_store = Some(Opaque(store));
        self
    }

    /// The project key sessions are stored and looked up under in the
    /// [`session_store`](Self::session_store) (e.g. a tenant or user id). Default: the CLI's
    /// project directory name for the working directory, so a resume elsewhere must run in the
    /// same directory path; with a fixed key it may run anywhere.
    pub fn session_store_project(mut self, project_key: impl Into<String>) -> Self {
        self.options.runtime.session_store_project = Some(project_key.into());
        self
    }

    /// How long restoring a session from the [`session_store`](Self::session_store) may take
    /// before the start fails (default 60 s; the TypeScript SDK's `loadTimeoutMs`).
    pub fn session_store_load_timeout(mut self, timeout: Duration) -> Self {
        self.options.runtime.session_store_load_timeout = Some(timeout);
        self
    }
}
