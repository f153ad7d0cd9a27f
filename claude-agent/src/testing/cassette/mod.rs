//! Recorded sessions ("cassettes"): the scripted server as a recording proxy toward a real (or
//! any) Messages API, and replaying what it recorded without any upstream.
//!
//! - **Record**: [`ScriptedModel::record`] forwards every request of the CLI to an upstream API
//!   and writes each `POST /v1/messages` exchange to a JSON [`Cassette`] (API keys and
//!   authentication headers scrubbed; streamed responses kept as readable event lists).
//! - **Replay**: [`ScriptedModel::replay`] answers from a cassette: each request must match the
//!   next recorded one by content (model, streaming, message count, the last user text and its
//!   `tool_result` ids; see [`ReplayOrder`] for matching out of order). Rules added with
//!   [`ScriptedModel::on`] still come first. A request the cassette does not have gets an error
//!   reply, and [`ModelServer::check_cassette`] returns a [`CassetteMismatch`] whose `Display`
//!   is a diff of what was recorded and what was asked.
//! - **VCR**: [`Vcr`] picks the mode: replay when the cassette exists, record when it is missing
//!   and an API key is at hand, and never touch the network when `CI` is set.
//!
//! The recording proxy speaks plain HTTP to its upstream (hyper's HTTP/1 client, no TLS), so the
//! upstream is another local server; to record from `https://api.anthropic.com`, run a local
//! TLS-terminating forwarder and point the recorder at it.
//!
//! # Examples
//!
//! ```no_run
//! use claude_agent::testing::{Cassette, ScriptedModel, TestEnv};
//!
//! # #[tokio::main] async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // Record against some upstream Messages API...
//! let proxy = ScriptedModel::new()
//!     .record("http://127.0.0.1:8080", "tests/cassettes/hello.json")
//!     .start()
//!     .await?;
//! let env = TestEnv::new(&proxy)?;
//! let recorded = claude_agent::query("Say hi", env.options()?.build()).text().await?;
//! drop(proxy);
//! // ...and replay it later, offline.
//! let server = ScriptedModel::new()
//!     .replay(Cassette::load("tests/cassettes/hello.json")?)
//!     .start()
//!     .await?;
//! let env = TestEnv::new(&server)?;
//! let replayed = claude_agent::query("Say hi", env.options()?.build()).text().await?;
//! assert_eq!(recorded, replayed);
//! server.check_cassette()?;
//! # Ok(()) }
//! ```

mod format;
mod record;
mod replay;
pub(crate) mod serve;
mod vcr;

use std::path::PathBuf;

pub use format::{
    Cassette, CassetteRequest, CassetteResponse, Interaction, ResponseBody, SseEvent,
};
pub(crate) use record::Recorder;
pub(crate) use replay::Replayer;
pub use replay::{CassetteMismatch, ReplayOrder};
pub use vcr::{CassetteMode, Vcr};

use super::server::{ModelServer, ScriptedModel};
use crate::options::Secret;

/// How a [`ScriptedModel`] uses a cassette.
#[derive(Debug, Clone, Default)]
pub(crate) enum CassetteConfig {
    /// Scripted replies only.
    #[default]
    Off,
    /// Forward to `upstream` and record into `path`.
    Record {
        upstream: String,
        path: PathBuf,
        api_key: Option<Secret>,
    },
    /// Serve the cassette.
    Replay(Box<Cassette>, ReplayOrder),
}

impl ScriptedModel {
    /// Turns the server into a recording proxy: every request goes to the Messages API at
    /// `upstream` (a plain `http://` base URL), and each `POST /v1/messages` exchange is written
    /// to the cassette file at `path` (rewritten after every exchange, credentials scrubbed).
    /// Scripted replies are not used.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::testing::ScriptedModel;
    ///
    /// let proxy = ScriptedModel::new().record("http://127.0.0.1:9999", "/tmp/session.json");
    /// # let _ = proxy;
    /// ```
    #[must_use]
    pub fn record(mut self, upstream: impl Into<String>, path: impl Into<PathBuf>) -> Self {
        let api_key = match std::mem::take(&mut self.cassette) {
            CassetteConfig::Record { api_key, .. } => api_key,
            _ => None,
        };
        self.cassette = CassetteConfig::Record {
            upstream: upstream.into(),
            path: path.into(),
            api_key,
        };
        self
    }

    /// When recording, authenticate to the upstream with this key (sent as `x-api-key` in place
    /// of whatever the CLI sent), so the real key never reaches the CLI. It is scrubbed from the
    /// cassette.
    #[must_use]
    pub fn upstream_api_key(mut self, key: impl Into<Secret>) -> Self {
        if let CassetteConfig::Record { api_key, .. } = &mut self.cassette {
            *api_key = Some(key.into());
        }
        self
    }

    /// Answers from `cassette` instead of the queued replies (rules added with
    /// [`on`](Self::on) still come first), matching requests in order.
    #[must_use]
    pub fn replay(self, cassette: Cassette) -> Self {
        self.replay_with(cassette, ReplayOrder::InOrder)
    }

    /// [`replay`](Self::replay) with another [`ReplayOrder`].
    #[must_use]
    pub fn replay_with(mut self, cassette: Cassette, order: ReplayOrder) -> Self {
        self.cassette = CassetteConfig::Replay(Box::new(cassette), order);
        self
    }
}

impl ModelServer {
    /// The cassette recorded so far (recording servers only; credentials scrubbed).
    pub fn recorded_cassette(&self) -> Option<Cassette> {
        self.shared.recorder.as_ref().map(|r| r.cassette())
    }

    /// The requests a replaying server could not find in its cassette, in order.
    pub fn cassette_mismatches(&self) -> Vec<CassetteMismatch> {
        let state = self.shared.lock();
        state
            .replay
            .as_ref()
            .map(|r| r.mismatches.clone())
            .unwrap_or_default()
    }

    /// How many recorded interactions a replaying server has not served (yet).
    pub fn unused_interactions(&self) -> usize {
        let state = self.shared.lock();
        state.replay.as_ref().map_or(0, Replayer::unused)
    }

    /// `Err` with the first request the cassette did not have (its `Display` is a readable
    /// diff); `Ok` when every request was found. Call it at the end of a replayed test.
    ///
    /// # Errors
    ///
    /// The first [`CassetteMismatch`].
    pub fn check_cassette(&self) -> Result<(), CassetteMismatch> {
        match self.cassette_mismatches().into_iter().next() {
            Some(mismatch) => Err(mismatch),
            None => Ok(()),
        }
    }
}
