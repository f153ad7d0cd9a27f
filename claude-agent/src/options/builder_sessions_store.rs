//! [`OptionsBuilder`] setter for mirroring transcripts into a session store.

use super::OptionsBuilder;

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
}
