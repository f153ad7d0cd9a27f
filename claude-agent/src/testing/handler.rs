//! The HTTP side of the scripted model: one axum handler that records every request and
//! answers Messages API turns from the script.

use std::collections::VecDeque;
use std::io;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use futures::{StreamExt as _, stream};
use serde_json::{Value, json};
use tokio_util::sync::CancellationToken;

use super::cassette::{CassetteConfig, Recorder, Replayer, serve};
use super::reply::{ReplyKind, Stall};
use super::request::{MESSAGES_PATH, RecordedRequest};
use super::script::{Picked, Script};
use super::sse::{Rendered, estimate_tokens};

/// State shared by the handlers and the `ModelServer` handle.
#[derive(Debug)]
pub(crate) struct Shared {
    state: Mutex<ServerState>,
    /// Cancelled when the server shuts down: ends stalls and the accept loop.
    pub(crate) cancel: CancellationToken,
    max_recorded: usize,
    /// Number of Messages API requests received (and recorded) so far.
    pub(crate) seen: tokio::sync::watch::Sender<usize>,
    /// Set when the server is a recording proxy.
    pub(crate) recorder: Option<Arc<Recorder>>,
}

#[derive(Debug)]
pub(crate) struct ServerState {
    pub(crate) script: Script,
    pub(crate) recorded: VecDeque<RecordedRequest>,
    /// Set when the server replays a cassette.
    pub(crate) replay: Option<Replayer>,
    pub(crate) messages_seen: usize,
    next_tool_id: u64,
}

impl Shared {
    pub(crate) fn new(script: Script, max_recorded: usize, cassette: CassetteConfig) -> Self {
        let (recorder, replay) = match cassette {
            CassetteConfig::Off => (None, None),
            CassetteConfig::Record {
                upstream,
                path,
                api_key,
            } => (Some(Arc::new(Recorder::new(upstream, api_key, path))), None),
            CassetteConfig::Replay(cassette, order) => {
                (None, Some(Replayer::new(&cassette, order)))
            }
        };
        Self {
            state: Mutex::new(ServerState {
                script,
                recorded: VecDeque::new(),
                replay,
                messages_seen: 0,
                next_tool_id: 0,
            }),
            cancel: CancellationToken::new(),
            max_recorded,
            seen: tokio::sync::watch::Sender::new(0),
            recorder,
        }
    }

    /// Locks the state. A handler never panics while holding the lock, but a poisoned lock is
    /// recovered rather than propagated anyway.
    pub(crate) fn lock(&self) -> MutexGuard<'_, ServerState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn record(&self, state: &mut ServerState, req: RecordedRequest) {
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
pub(crate) async fn handle(
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
    if let Some(recorder) = shared.recorder.clone() {
        return serve::proxy(&shared, &recorder, &uri, req, body).await;
    }

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
        let rule = state
            .replay
            .is_some()
            .then(|| state.script.pick_rule(&req))
            .flatten();
        if rule.is_none()
            && let Some(replay) = state.replay.as_mut()
        {
            let outcome = replay.pick(&req);
            req.matched = outcome.is_ok();
            shared.record(&mut state, req);
            shared.seen.send_replace(number);
            drop(state);
            return serve::replayed(outcome);
        }
        let picked = match rule {
            Some(reply) => Picked {
                reply,
                matched: true,
            },
            None => state.script.pick(&req),
        };
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

pub(crate) fn error_body(error_type: &str, message: &str) -> Value {
    json!({"type": "error", "error": {"type": error_type, "message": message}})
}

pub(crate) fn error_response(status: u16, body: &Value, retryable: bool) -> Response {
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
