//! The scripted Messages API server: [`ScriptedModel`] (the builder) and [`ModelServer`]
//! (the running server).

use std::collections::VecDeque;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use futures::{StreamExt as _, stream};
use serde_json::{Value, json};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use super::matcher::Match;
use super::reply::{Reply, ReplyKind, Stall};
use super::request::{MESSAGES_PATH, RecordedRequest};
use super::script::Script;
use super::sse::{Rendered, estimate_tokens};

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
        let shared = Arc::new(Shared {
            state: Mutex::new(ServerState {
                script: self.script,
                recorded: VecDeque::new(),
                messages_seen: 0,
                next_tool_id: 0,
            }),
            cancel: CancellationToken::new(),
            max_recorded: self.max_recorded,
            seen: tokio::sync::watch::Sender::new(0),
        });
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
    shared: Arc<Shared>,
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

/// State shared by the handlers and the [`ModelServer`] handle.
#[derive(Debug)]
struct Shared {
    state: Mutex<ServerState>,
    cancel: CancellationToken,
    max_recorded: usize,
    /// Number of Messages API requests received (and recorded) so far.
    seen: tokio::sync::watch::Sender<usize>,
}

#[derive(Debug)]
struct ServerState {
    script: Script,
    recorded: VecDeque<RecordedRequest>,
    messages_seen: usize,
    next_tool_id: u64,
}

impl Shared {
    /// Locks the state. A handler never panics while holding the lock, but a poisoned lock is
    /// recovered rather than propagated anyway.
    fn lock(&self) -> MutexGuard<'_, ServerState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn record(&self, state: &mut ServerState, req: RecordedRequest) {
        if self.max_recorded == 0 {
            return;
        }
        while state.recorded.len() >= self.max_recorded {
            state.recorded.pop_front();
        }
        state.recorded.push_back(req);
    }
}

/// What to send for one Messages API request, decided under the lock.
enum Plan {
    Message {
        rendered: Rendered,
        stream: bool,
    },
    Error {
        status: u16,
        body: Value,
        retryable: bool,
    },
}

/// The one handler: dispatches on method and path so that every request is recorded.
async fn handle(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path().to_owned();
    let query = uri.query().map(str::to_owned);
    let headers: Vec<(String, String)> = headers
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let json_body: Option<Value> = if body.is_empty() {
        Some(Value::Null)
    } else {
        serde_json::from_slice(&body).ok()
    };
    let req = RecordedRequest::new(
        method.as_str(),
        &path,
        query,
        headers,
        json_body.clone().unwrap_or(Value::Null),
    );
    tracing::debug!(method = %method, path = %path, "scripted model request");

    match (method, path.as_str()) {
        (Method::POST, MESSAGES_PATH) if json_body.as_ref().is_some_and(Value::is_object) => {
            messages(&shared, req, body.len()).await
        }
        (Method::POST, MESSAGES_PATH) => {
            shared.record(&mut shared.lock(), req);
            error_response(
                400,
                &error_body(
                    "invalid_request_error",
                    "request body must be a JSON object",
                ),
                false,
            )
        }
        (Method::POST, "/v1/messages/count_tokens") => {
            shared.record(&mut shared.lock(), req);
            json_response(
                StatusCode::OK,
                &json!({"input_tokens": estimate_tokens(body.len())}),
            )
        }
        (Method::GET | Method::HEAD, "/") => {
            shared.record(&mut shared.lock(), req);
            json_response(StatusCode::OK, &json!({}))
        }
        (method, other) => {
            tracing::warn!(%method, path = %other, "scripted model: unexpected request");
            shared.record(&mut shared.lock(), req);
            let msg = format!("scripted model: no such endpoint {method} {other}");
            json_response(StatusCode::NOT_FOUND, &error_body("not_found_error", &msg))
        }
    }
}

/// Answers one model turn from the script.
async fn messages(shared: &Shared, req: RecordedRequest, body_len: usize) -> Response {
    let (plan, stall) = {
        let mut state = shared.lock();
        state.messages_seen += 1;
        let number = state.messages_seen;
        let mut req = req.numbered(number);
        let picked = state.script.pick(&req);
        req.matched = picked.matched;
        if !picked.matched {
            tracing::warn!(
                number,
                "scripted model: no reply matched request; sending the fallback"
            );
        }
        let plan = match picked.reply.kind {
            ReplyKind::Message {
                blocks,
                stop_reason,
            } => {
                let model = req
                    .model
                    .clone()
                    .unwrap_or_else(|| "scripted-model".to_owned());
                let next_tool_id = &mut state.next_tool_id;
                let rendered = Rendered::new(
                    format!("msg_scripted_{number}"),
                    model,
                    &blocks,
                    stop_reason.as_deref(),
                    estimate_tokens(body_len),
                    || {
                        *next_tool_id += 1;
                        format!("toolu_{next_tool_id}")
                    },
                );
                Plan::Message {
                    rendered,
                    stream: req.stream,
                }
            }
            ReplyKind::Error {
                status,
                error_type,
                message,
                retryable,
            } => Plan::Error {
                status,
                body: error_body(&error_type, &message),
                retryable,
            },
        };
        shared.record(&mut state, req);
        shared.seen.send_replace(number);
        (plan, picked.reply.stall)
    };

    match plan {
        Plan::Message {
            rendered,
            stream: true,
        } => sse_response(&rendered, stall, shared.cancel.clone()),
        Plan::Message {
            rendered,
            stream: false,
        } => {
            if !pause(stall, &shared.cancel).await {
                return shutting_down();
            }
            json_response(StatusCode::OK, &rendered.message_json())
        }
        Plan::Error {
            status,
            body,
            retryable,
        } => {
            if !pause(stall, &shared.cancel).await {
                return shutting_down();
            }
            error_response(status, &body, retryable)
        }
    }
}

/// Streams `rendered` as server-sent events, pausing after `message_start` for `stall`.
fn sse_response(rendered: &Rendered, stall: Stall, cancel: CancellationToken) -> Response {
    let (head, tail) = rendered.sse_frames();
    let interrupted = || io::Error::other("scripted model server shut down during a stalled reply");
    let pause = stream::once(async move { pause(stall, &cancel).await })
        .filter_map(move |done| futures::future::ready((!done).then(|| Err(interrupted()))));
    let frames = stream::iter(head.into_iter().map(Ok::<_, io::Error>))
        .chain(pause)
        .chain(stream::iter(tail.into_iter().map(Ok)));
    (
        [
            (header::CONTENT_TYPE, "text/event-stream"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        Body::from_stream(frames),
    )
        .into_response()
}

/// Waits out a stall. Returns `false` if the server shut down first.
async fn pause(stall: Stall, cancel: &CancellationToken) -> bool {
    match stall {
        Stall::None => true,
        Stall::For(delay) => tokio::select! {
            () = tokio::time::sleep(delay) => true,
            () = cancel.cancelled() => false,
        },
        Stall::Forever => {
            cancel.cancelled().await;
            false
        }
    }
}

fn error_body(error_type: &str, message: &str) -> Value {
    json!({"type": "error", "error": {"type": error_type, "message": message}})
}

fn error_response(status: u16, body: &Value, retryable: bool) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = json_response(status, body);
    if !retryable {
        response
            .headers_mut()
            .insert("x-should-retry", header::HeaderValue::from_static("false"));
    }
    response
}

fn shutting_down() -> Response {
    error_response(
        503,
        &error_body("api_error", "scripted model server is shutting down"),
        false,
    )
}

fn json_response(status: StatusCode, body: &Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}
