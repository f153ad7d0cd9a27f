//! The VCR-style mode switch: replay when the cassette exists, record when it does not and a
//! key is at hand, never the network in CI.

use std::io;
use std::path::PathBuf;

use super::format::Cassette;
use crate::options::Secret;
use crate::testing::ScriptedModel;

/// What a [`Vcr`] decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CassetteMode {
    /// Forward to the upstream and write the cassette.
    Record,
    /// Serve the existing cassette; no network.
    Replay,
}

/// Chooses between recording and replaying a cassette, like VCR-style libraries:
///
/// - the cassette file exists → [replay](CassetteMode::Replay);
/// - it is missing, `CI` is not set, and an upstream and an API key are given →
///   [record](CassetteMode::Record);
/// - otherwise an error that says which cassette is missing and why it was not recorded (in CI:
///   record it locally and commit it).
///
/// The key defaults to `ANTHROPIC_API_KEY` of this process; `CI` is read from this process's
/// environment unless set with [`ci`](Self::ci).
///
/// # Examples
///
/// ```
/// use claude_agent::testing::{CassetteMode, Vcr};
///
/// let dir = tempfile::tempdir()?;
/// let vcr = Vcr::new(dir.path().join("missing.json"))
///     .upstream("http://127.0.0.1:8080")
///     .api_key(Some("sk-test-key".into()))
///     .ci(false);
/// assert_eq!(vcr.mode()?, CassetteMode::Record);
/// assert!(vcr.ci(true).mode().is_err(), "never record in CI");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Vcr {
    path: PathBuf,
    upstream: Option<String>,
    api_key: Option<Secret>,
    ci: bool,
}

impl Vcr {
    /// A switch for the cassette at `path`.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            upstream: None,
            api_key: std::env::var("ANTHROPIC_API_KEY")
                .ok()
                .filter(|k| !k.is_empty())
                .map(Secret::new),
            ci: std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false" && v != "0"),
        }
    }

    /// The upstream Messages API to record from (plain `http://`).
    #[must_use]
    pub fn upstream(mut self, url: impl Into<String>) -> Self {
        self.upstream = Some(url.into());
        self
    }

    /// The key for the upstream (`None`: never record).
    #[must_use]
    pub fn api_key(mut self, key: Option<Secret>) -> Self {
        self.api_key = key;
        self
    }

    /// Whether this runs in CI (then it never records).
    #[must_use]
    pub fn ci(mut self, ci: bool) -> Self {
        self.ci = ci;
        self
    }

    /// The decision.
    ///
    /// # Errors
    ///
    /// `NotFound` when the cassette is missing and cannot be recorded here.
    pub fn mode(&self) -> io::Result<CassetteMode> {
        if self.path.is_file() {
            return Ok(CassetteMode::Replay);
        }
        let missing = |why: &str| {
            io::Error::new(
                io::ErrorKind::NotFound,
                format!(
                    "cassette {} is missing and {why}; record it locally (with an API key and an \
                     upstream) and commit it",
                    self.path.display()
                ),
            )
        };
        if self.ci {
            return Err(missing("CI is set, so nothing is recorded"));
        }
        if self.api_key.is_none() {
            return Err(missing("no API key is set (ANTHROPIC_API_KEY)"));
        }
        if self.upstream.is_none() {
            return Err(missing("no upstream to record from is set"));
        }
        Ok(CassetteMode::Record)
    }

    /// Configures `model` for the decision: replaying the cassette, or recording it.
    ///
    /// # Errors
    ///
    /// As [`mode`](Self::mode), or the cassette cannot be read.
    pub fn apply(&self, model: ScriptedModel) -> io::Result<ScriptedModel> {
        match self.mode()? {
            CassetteMode::Replay => Ok(model.replay(Cassette::load(&self.path)?)),
            CassetteMode::Record => {
                let upstream = self.upstream.clone().unwrap_or_default();
                let mut model = model.record(upstream, self.path.clone());
                if let Some(key) = &self.api_key {
                    model = model.upstream_api_key(key.clone());
                }
                Ok(model)
            }
        }
    }
}
