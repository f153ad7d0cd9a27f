//! [`SdkBridge`]: an rmcp service loop fed through in-memory channels, exposed as an
//! [`SdkMcpServer`] that answers one tunnelled JSON-RPC message at a time.
//!
//! The CLI sends each JSON-RPC message of an in-process server inside an `mcp_message` control
//! request and waits for the reply in the control response. rmcp speaks MCP over a stream of
//! messages instead, so the bridge correlates the two:
//!
//! - every request gets a fresh internal id before it enters the loop, and its reply gets the
//!   client's id back: the CLI reuses ids (2.1.197 runs the handshake twice with ids 0 and 1);
//! - `notifications/cancelled` is answered for rmcp, which sends nothing for a cancelled request:
//!   the bridge replies `-32800` to the cancelled `mcp_message` and lets rmcp cancel the handler;
//! - notifications that arrive before any `initialize` are dropped (rmcp ends its loop on them),
//!   and a loop that ended is started again, replaying the last `initialize` handshake;
//! - requests the server itself sends (sampling, elicitation) cannot travel back through an
//!   `mcp_message` reply, so they are refused at once instead of hanging the handler.

use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};

use futures::StreamExt;
use futures::channel::mpsc::{UnboundedReceiver, UnboundedSender, unbounded};
use futures::channel::oneshot;
use futures::future::BoxFuture;
use rmcp::ServiceExt;
use rmcp::model::{ClientJsonRpcMessage, ServerJsonRpcMessage};
use serde_json::{Value, json};

use super::SdkMcpServer;
use super::jsonrpc::{
    INTERNAL_ERROR, INVALID_REQUEST, METHOD_NOT_FOUND, REQUEST_CANCELLED, error_response,
};

type ServeFn = dyn Fn(
        UnboundedSender<ServerJsonRpcMessage>,
        UnboundedReceiver<ClientJsonRpcMessage>,
    ) -> BoxFuture<'static, ()>
    + Send
    + Sync;

/// An in-process MCP server backed by an rmcp service loop.
///
/// Usually you do not build one yourself: converting a [`ToolServer`](crate::tools::ToolServer)
/// into an [`McpServerConfig`](super::McpServerConfig) does it. Build one directly to serve any
/// [`rmcp::ServerHandler`] (for example a server written with rmcp's own macros) through the
/// CLI's `mcp_message` tunnel; use the [`rmcp`](super::rmcp) version re-exported by this crate.
///
/// The loop starts on the first message (inside the caller's tokio runtime) and every request
/// runs concurrently.
///
/// # Examples
///
/// ```rust,standalone_crate
/// use claude_agent::mcp::{SdkBridge, SdkMcpServer};
/// use claude_agent::tools::{ToolContext, ToolServer, tool};
/// use serde_json::json;
///
/// /// Add two numbers.
/// #[tool(server = "calc")]
/// async fn add(a: f64, b: f64) -> String {
///     (a + b).to_string()
/// }
///
/// # tokio::runtime::Runtime::new().unwrap().block_on(async {
/// let bridge = SdkBridge::from_tools(ToolServer::new("calc").tool(AddTool).unwrap());
/// let init = json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
///     "protocolVersion": "2025-11-25", "capabilities": {},
///     "clientInfo": {"name": "claude-code", "version": "2.1.330"}}});
/// let reply = bridge.handle(init).await.unwrap();
/// assert_eq!(reply["result"]["serverInfo"]["name"], "calc");
/// assert!(bridge.handle(json!({"jsonrpc": "2.0", "method": "notifications/initialized"})).await.is_none());
/// let call = json!({"jsonrpc": "2.0", "id": 2, "method": "tools/call",
///                   "params": {"name": "add", "arguments": {"a": 2, "b": 3}}});
/// let reply = bridge.handle(call).await.unwrap();
/// assert_eq!(reply["result"]["content"][0]["text"], "5");
/// # });
/// ```
#[derive(Clone)]
pub struct SdkBridge {
    inner: Arc<Inner>,
}

struct Inner {
    serve: Box<ServeFn>,
    next_id: AtomicI64,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    generation: u64,
    session: Option<Session>,
    /// The last `initialize` request seen, replayed when a loop is restarted.
    last_initialize: Option<Value>,
    pending: HashMap<i64, Pending>,
}

struct Session {
    generation: u64,
    inbound: UnboundedSender<ClientJsonRpcMessage>,
    /// Whether this loop has seen `initialize` (notifications before it would end the loop).
    handshaken: bool,
}

struct Pending {
    client_id: Value,
    generation: u64,
    /// `None` for requests the bridge made itself (a replayed `initialize`).
    reply: Option<oneshot::Sender<Value>>,
}

impl SdkBridge {
    /// Serves `server`'s tools.
    pub fn from_tools(server: crate::tools::ToolServer) -> Self {
        Self::from_rmcp(super::handler::ToolHandler::new(server))
    }

    /// Serves any rmcp server handler. A fresh clone of `handler` serves each (re)started loop.
    pub fn from_rmcp<H>(handler: H) -> Self
    where
        H: rmcp::ServerHandler + Clone,
    {
        let serve = move |out: UnboundedSender<ServerJsonRpcMessage>,
                          inbound: UnboundedReceiver<ClientJsonRpcMessage>|
              -> BoxFuture<'static, ()> {
            let handler = handler.clone();
            Box::pin(async move {
                match handler.serve((out, inbound)).await {
                    Ok(running) => {
                        if let Err(error) = running.waiting().await {
                            tracing::warn!(%error, "in-process MCP server loop failed");
                        }
                    }
                    Err(error) => tracing::debug!(%error, "in-process MCP server loop ended"),
                }
            })
        };
        Self::with_serve(Box::new(serve))
    }

    fn with_serve(serve: Box<ServeFn>) -> Self {
        SdkBridge {
            inner: Arc::new(Inner {
                serve,
                next_id: AtomicI64::new(1),
                state: Mutex::new(State::default()),
            }),
        }
    }

    /// Ends the current loop as if it had died (tests of the restart path).
    #[cfg(test)]
    fn kill_loop(&self) {
        if let Some(session) = self.inner.lock().session.as_ref() {
            session.inbound.close_channel();
        }
    }
}

impl SdkMcpServer for SdkBridge {
    fn handle(&self, message: Value) -> BoxFuture<'static, Option<Value>> {
        let inner = Arc::clone(&self.inner);
        Box::pin(async move {
            if tokio::runtime::Handle::try_current().is_err() {
                let id = message.get("id").cloned().unwrap_or(Value::Null);
                return is_request(&message).then(|| {
                    error_response(id, INTERNAL_ERROR, "the MCP bridge needs a tokio runtime")
                });
            }
            inner.handle(message).await
        })
    }
}

impl fmt::Debug for SdkBridge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.inner.lock();
        f.debug_struct("SdkBridge")
            .field("generation", &state.generation)
            .field("pending", &state.pending.len())
            .finish_non_exhaustive()
    }
}

fn is_request(message: &Value) -> bool {
    message.get("method").is_some() && message.get("id").is_some()
}

impl Inner {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    async fn handle(self: Arc<Self>, message: Value) -> Option<Value> {
        let method = message
            .get("method")
            .and_then(Value::as_str)
            .map(str::to_owned);
        match (method, message.get("id").cloned()) {
            (Some(method), Some(id)) => Some(self.request(message, &method, id).await),
            (Some(method), None) => {
                self.notify(message, &method);
                None
            }
            (None, Some(_))
                if message.get("result").is_some() || message.get("error").is_some() =>
            {
                // A client response to a server request; the bridge refuses those requests
                // itself, so there is nothing waiting for it.
                None
            }
            (None, id) => Some(error_response(
                id.unwrap_or(Value::Null),
                INVALID_REQUEST,
                "not a JSON-RPC request or notification",
            )),
        }
    }

    async fn request(self: Arc<Self>, mut message: Value, method: &str, client_id: Value) -> Value {
        let (reply_tx, reply_rx) = oneshot::channel();
        {
            let mut state = self.lock();
            if method == "initialize" {
                state.last_initialize = Some(message.clone());
            }
            let generation = self.ensure_session(&mut state, method == "initialize");
            let internal = self.next_id.fetch_add(1, Ordering::Relaxed);
            message["id"] = internal.into();
            let parsed = match serde_json::from_value::<ClientJsonRpcMessage>(message) {
                Ok(parsed) => parsed,
                Err(error) => {
                    return error_response(
                        client_id,
                        INVALID_REQUEST,
                        &format!("invalid request: {error}"),
                    );
                }
            };
            state.pending.insert(
                internal,
                Pending {
                    client_id: client_id.clone(),
                    generation,
                    reply: Some(reply_tx),
                },
            );
            let sent = state
                .session
                .as_mut()
                .map(|session| {
                    session.handshaken |= method == "initialize";
                    session.inbound.unbounded_send(parsed).is_ok()
                })
                .unwrap_or(false);
            if !sent {
                state.pending.remove(&internal);
                return error_response(
                    client_id,
                    INTERNAL_ERROR,
                    "the in-process MCP server is not running",
                );
            }
        }
        match reply_rx.await {
            Ok(mut response) => {
                response["id"] = client_id;
                response
            }
            Err(_) => error_response(
                client_id,
                INTERNAL_ERROR,
                "the in-process MCP server stopped",
            ),
        }
    }

    fn notify(&self, mut message: Value, method: &str) {
        let mut state = self.lock();
        let Some(session) = state
            .session
            .as_ref()
            .filter(|s| s.handshaken && !s.inbound.is_closed())
        else {
            tracing::debug!(
                method,
                "dropping an MCP notification that arrived before `initialize`"
            );
            return;
        };
        let generation = session.generation;
        if method == "notifications/cancelled" {
            let Some(target) = message.pointer("/params/requestId").cloned() else {
                return;
            };
            let found = state
                .pending
                .iter()
                .filter(|(_, p)| {
                    p.generation == generation && p.client_id == target && p.reply.is_some()
                })
                .map(|(internal, _)| *internal)
                .max();
            let Some(internal) = found else {
                return; // already answered
            };
            if let Some(pending) = state.pending.remove(&internal) {
                let reason = message
                    .pointer("/params/reason")
                    .and_then(Value::as_str)
                    .unwrap_or("request cancelled");
                let reply = error_response(pending.client_id, REQUEST_CANCELLED, reason);
                if let Some(tx) = pending.reply {
                    let _ = tx.send(reply);
                }
            }
            message["params"]["requestId"] = internal.into();
        }
        match serde_json::from_value::<ClientJsonRpcMessage>(message) {
            Ok(parsed) => {
                if let Some(session) = state.session.as_ref() {
                    let _ = session.inbound.unbounded_send(parsed);
                }
            }
            Err(error) => {
                tracing::debug!(method, %error, "dropping an unparsable MCP notification")
            }
        }
    }

    /// Makes sure a loop is running and returns its generation. A restarted loop first gets the
    /// last `initialize` handshake replayed, unless the message being sent is an `initialize`.
    fn ensure_session(self: &Arc<Self>, state: &mut State, sending_initialize: bool) -> u64 {
        if let Some(session) = state.session.as_ref().filter(|s| !s.inbound.is_closed()) {
            return session.generation;
        }
        let restarted = state.session.is_some() || state.generation > 0;
        state.generation += 1;
        let generation = state.generation;
        let (inbound_tx, inbound_rx) = unbounded();
        let (out_tx, out_rx) = unbounded();
        tokio::spawn((self.serve)(out_tx, inbound_rx));
        tokio::spawn(route(Arc::downgrade(self), generation, out_rx));
        let mut session = Session {
            generation,
            inbound: inbound_tx,
            handshaken: false,
        };
        if restarted {
            tracing::debug!(generation, "restarted the in-process MCP server loop");
        }
        if !sending_initialize && let Some(init) = state.last_initialize.clone() {
            self.replay_handshake(state, &mut session, init);
        }
        state.session = Some(session);
        generation
    }

    fn replay_handshake(&self, state: &mut State, session: &mut Session, mut init: Value) {
        let internal = self.next_id.fetch_add(1, Ordering::Relaxed);
        let client_id = std::mem::replace(&mut init["id"], internal.into());
        let initialized = json!({"jsonrpc": "2.0", "method": "notifications/initialized"});
        let (Ok(init), Ok(initialized)) = (
            serde_json::from_value::<ClientJsonRpcMessage>(init),
            serde_json::from_value::<ClientJsonRpcMessage>(initialized),
        ) else {
            return;
        };
        state.pending.insert(
            internal,
            Pending {
                client_id,
                generation: session.generation,
                reply: None,
            },
        );
        let sent = session.inbound.unbounded_send(init).is_ok()
            && session.inbound.unbounded_send(initialized).is_ok();
        session.handshaken = sent;
    }
}

/// Delivers what one loop sends: responses to their waiting requests; requests from the server
/// are refused; notifications from the server are logged (they have no way back to the CLI
/// through an `mcp_message` reply). When the loop ends, its waiting requests fail.
async fn route(
    inner: Weak<Inner>,
    generation: u64,
    mut out: UnboundedReceiver<ServerJsonRpcMessage>,
) {
    while let Some(message) = out.next().await {
        let Some(inner) = inner.upgrade() else { return };
        let Ok(value) = serde_json::to_value(&message) else {
            continue;
        };
        let id = value.get("id").cloned();
        let method = value.get("method").and_then(Value::as_str);
        match (method, id) {
            (None, Some(id)) => {
                let pending = id.as_i64().and_then(|id| inner.lock().pending.remove(&id));
                if let Some(Pending {
                    reply: Some(tx), ..
                }) = pending
                {
                    let _ = tx.send(value);
                }
            }
            (Some(method), Some(id)) => {
                tracing::debug!(method, "refusing a request from the in-process MCP server");
                let refusal = error_response(
                    id,
                    METHOD_NOT_FOUND,
                    "in-process MCP servers cannot send requests to the client",
                );
                let state = inner.lock();
                if let (Some(session), Ok(refusal)) = (
                    state
                        .session
                        .as_ref()
                        .filter(|s| s.generation == generation),
                    serde_json::from_value::<ClientJsonRpcMessage>(refusal),
                ) {
                    let _ = session.inbound.unbounded_send(refusal);
                }
            }
            (Some(method), None) => {
                tracing::debug!(
                    method,
                    "dropping a notification from the in-process MCP server"
                );
            }
            (None, None) => {}
        }
    }
    if let Some(inner) = inner.upgrade() {
        let mut state = inner.lock();
        // Dropping the reply senders fails the requests still waiting on this loop.
        state.pending.retain(|_, p| p.generation != generation);
        if state
            .session
            .as_ref()
            .is_some_and(|s| s.generation == generation)
        {
            state.session = None;
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;
