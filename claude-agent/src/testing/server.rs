//! The scripted Messages API server: [`ScriptedModel`] (the builder) and [`ModelServer`]
//! (the running server).

use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use tokio::task::JoinHandle;

use super::cassette::CassetteConfig;
use super::handler::{Shared, handle};
use super::matcher::Match;
use super::reply::Reply;
use super::request::RecordedRequest;
use super::script::Script;

/// Largest request body accepted (the CLI sends every tool schema with each turn).
const MAX_BODY_BYTES: usize = 64 * 1024 * 1024;
/// Default cap on the number of recorded requests kept (oldest dropped first).
const DEFAULT_MAX_RECORDED: usize = 1000;
/// How long [`ModelServer::shutdown`] waits for open connections before giving up on them.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// Builder of a scripted Anthropic Messages API server for running the real Claude Code CLI
/// offline.
///
/// Each Messages API request gets the reply of the first rule (added with [`on`](Self::on) or
/// [`on_sequence`](Self::on_sequence), in the order added) that matches it and still has a
/// reply; if none does, the next reply queued with [`then`](Self::then); if the queue is empty,
/// the [`fallback`](Self::fallback), by default the text
/// `"[scripted model: no reply matched request #N]"` (recorded with `matched == false`).
///
/// # Examples
///
/// ```
/// use claude_agent::testing::{Match, Reply, ScriptedModel};
/// use serde_json::json;
///
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> std::io::Result<()> {
/// let server = ScriptedModel::new()
///     // A subagent's turns are recognised by their system prompt, wherever they come.
///     .on(Match::any().system_contains("You are a reviewer"), Reply::text("LGTM"))
///     // The main conversation, one reply per request, in order.
///     .then(Reply::tool_use("Bash", json!({"command": "echo hi"})))
///     .then(Reply::text("done"))
///     .start()
///     .await?;
/// let url = server.base_url(); // give it to the CLI as ANTHROPIC_BASE_URL
/// assert!(url.starts_with("http://127.0.0.1:"));
/// assert!(server.requests().is_empty());
/// server.shutdown().await;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct ScriptedModel {
    script: Script,
    max_recorded: usize,
    pub(in crate::testing) cassette: CassetteConfig,
}

impl Default for ScriptedModel {
    fn default() -> Self {
        Self::new()
    }
}

impl ScriptedModel {
    /// An empty script: every request gets the fallback reply.
    pub fn new() -> Self {
        Self {
            script: Script::default(),
            max_recorded: DEFAULT_MAX_RECORDED,
            cassette: CassetteConfig::Off,
        }
    }

    /// Queues a reply: the queued replies answer the requests no rule takes, each once, in order.
    #[must_use]
    pub fn then(mut self, reply: Reply) -> Self {
        self.script.push_then(reply);
        self
    }

    /// Answers every request that `matcher` matches with `reply` (the rule never runs out).
    #[must_use]
    pub fn on(mut self, matcher: Match, reply: Reply) -> Self {
        self.script.push_rule(matcher, reply);
        self
    }

    /// Answers the requests that `matcher` matches with `replies`, one each, in order; once they
    /// are used up the rule no longer matches.
    #[must_use]
    pub fn on_sequence(mut self, matcher: Match, replies: impl IntoIterator<Item = Reply>) -> Self {
        self.script.push_sequence_rule(matcher, replies);
        self
    }

    /// The reply when nothing else answers (such requests are recorded with `matched == false`).
    #[must_use]
    pub fn fallback(mut self, reply: Reply) -> Self {
        self.script.set_fallback(reply);
        self
    }

    /// How many requests to keep for [`ModelServer::requests`] (default 1000; the oldest are
    /// dropped first).
    #[must_use]
    pub fn max_recorded(mut self, max: usize) -> Self {
        self.max_recorded = max;
        self
    }

    /// Starts the server on `127.0.0.1` on a free port. It runs on the current Tokio runtime
    /// until the [`ModelServer`] is dropped or [shut down](ModelServer::shutdown).
    pub async fn start(self) -> io::Result<ModelServer> {
        let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared::new(self.script, self.max_recorded, self.cassette));
        let app = Router::new()
            .fallback(handle)
            .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
            .with_state(Arc::clone(&shared));
        let stop = shared.cancel.clone().cancelled_owned();
        let task = tokio::spawn(async move {
            if let Err(err) = axum::serve(listener, app)
                .with_graceful_shutdown(stop)
                .await
            {
                tracing::warn!(%err, "scripted model server stopped with an error");
            }
        });
        tracing::debug!(%addr, "scripted model server listening");
        Ok(ModelServer {
            addr,
            shared,
            task: Some(task),
        })
    }
}

/// A running scripted model server. Dropping it stops the server.
///
/// # Examples
///
/// ```
/// use claude_agent::testing::{Reply, ScriptedModel};
///
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> std::io::Result<()> {
/// let server = ScriptedModel::new().then(Reply::text("hello")).start().await?;
/// assert_eq!(server.remaining_replies(), 1);
/// // ... run the CLI with ANTHROPIC_BASE_URL = server.base_url() ...
/// for req in server.message_requests() {
///     println!("#{:?} offered {:?}", req.number, req.tools());
/// }
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct ModelServer {
    addr: SocketAddr,
    pub(in crate::testing) shared: Arc<Shared>,
    task: Option<JoinHandle<()>>,
}

impl ModelServer {
    /// The URL to give the CLI as `ANTHROPIC_BASE_URL` (`http://127.0.0.1:<port>`).
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The socket address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Every request received so far (all paths), oldest first.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.lock().recorded.iter().cloned().collect()
    }

    /// The `POST /v1/messages` requests (model turns) received so far, oldest first.
    pub fn message_requests(&self) -> Vec<RecordedRequest> {
        let state = self.shared.lock();
        state
            .recorded
            .iter()
            .filter(|r| r.is_messages())
            .cloned()
            .collect()
    }

    /// The model turns that no rule answered (they got the fallback reply).
    pub fn unmatched_requests(&self) -> Vec<RecordedRequest> {
        let state = self.shared.lock();
        state
            .recorded
            .iter()
            .filter(|r| r.is_messages() && !r.matched)
            .cloned()
            .collect()
    }

    /// Waits until at least `count` Messages API requests have been received (for example to
    /// interrupt a turn once its model request is in flight). Put a timeout around it.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::time::Duration;
    /// use claude_agent::testing::ScriptedModel;
    ///
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> std::io::Result<()> {
    /// let server = ScriptedModel::new().start().await?;
    /// let waited = tokio::time::timeout(Duration::from_millis(10), server.wait_for_message_requests(1)).await;
    /// assert!(waited.is_err(), "nobody asked the model yet");
    /// # Ok(()) }
    /// ```
    pub async fn wait_for_message_requests(&self, count: usize) {
        let mut seen = self.shared.seen.subscribe();
        // The sender lives in `self.shared`, so the channel cannot close while we wait.
        let _ = seen.wait_for(|&n| n >= count).await;
    }

    /// How many one-shot replies (queued with `then` or in `on_sequence` rules) are unused.
    pub fn remaining_replies(&self) -> usize {
        self.shared.lock().script.remaining()
    }

    /// Stops the server: ends stalled replies, closes connections and waits (at most a few
    /// seconds) for it to finish.
    pub async fn shutdown(mut self) {
        self.shared.cancel.cancel();
        if let Some(mut task) = self.task.take()
            && tokio::time::timeout(SHUTDOWN_GRACE, &mut task)
                .await
                .is_err()
        {
            tracing::warn!("scripted model server did not stop in time; aborting it");
            task.abort();
        }
    }
}

impl Drop for ModelServer {
    fn drop(&mut self) {
        self.shared.cancel.cancel();
    }
}
