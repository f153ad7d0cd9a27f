//! CLI → SDK control requests: each runs on its own task, concurrently with everything else, and
//! is always answered (an unknown subtype gets an error response; the CLI would hang otherwise),
//! unless the CLI withdraws it with `control_cancel_request`.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use futures::FutureExt;
use serde_json::{Value, json};
use tokio_util::sync::CancellationToken;
use tracing::Instrument;

use crate::hooks::{HookCallback, HookContext};
use crate::mcp::{SdkMcpServer, jsonrpc};
use crate::panic_payload::panic_message;
use crate::permissions::{
    CanUseTool, ElicitationHandler, ElicitationResponse, PermissionContext, PermissionRequest,
    UserDialogHandler,
};
use crate::protocol::{self, InboundRequest};
use crate::transport::Writer;

/// How long a callback whose request was withdrawn may run on to clean up after its
/// cancellation token fired; then its future is dropped.
pub(crate) const CANCEL_GRACE: Duration = Duration::from_secs(1);

/// What the CLI can call back into.
#[derive(Default)]
pub(crate) struct Handlers {
    pub(crate) can_use_tool: Option<Arc<dyn CanUseTool>>,
    pub(crate) hooks: HashMap<String, Arc<dyn HookCallback>>,
    pub(crate) mcp_servers: RwLock<HashMap<String, Arc<dyn SdkMcpServer>>>,
    pub(crate) elicitation: Option<Arc<dyn ElicitationHandler>>,
    pub(crate) user_dialog: Option<Arc<dyn UserDialogHandler>>,
}

impl std::fmt::Debug for Handlers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Handlers")
            .field("can_use_tool", &self.can_use_tool.is_some())
            .field("hooks", &self.hooks.len())
            .finish_non_exhaustive()
    }
}

/// Dispatches inbound requests and tracks them so they can be cancelled.
#[derive(Debug)]
pub(crate) struct Dispatcher {
    handlers: Arc<Handlers>,
    writer: Writer,
    /// By request id: which dispatch owns the id now (ids can be reused once withdrawn), and its
    /// cancellation.
    in_flight: Arc<Mutex<HashMap<String, (u64, CancellationToken)>>>,
    next_dispatch: AtomicU64,
}

/// The answer to one inbound request.
enum Reply {
    Success(Value),
    Error(String),
    /// Withdrawn by the CLI: send nothing.
    Cancelled,
}

impl Dispatcher {
    pub(crate) fn new(handlers: Arc<Handlers>, writer: Writer) -> Self {
        Dispatcher {
            handlers,
            writer,
            in_flight: Arc::default(),
            next_dispatch: AtomicU64::new(0),
        }
    }

    /// Serves more in-process MCP servers (replacing any of the same name).
    pub(crate) fn add_mcp_servers(
        &self,
        servers: impl IntoIterator<Item = (String, Arc<dyn SdkMcpServer>)>,
    ) {
        if let Ok(mut table) = self.handlers.mcp_servers.write() {
            table.extend(servers);
        }
    }

    /// Handles one request: a callback that answers without waiting (most hooks and permission
    /// callbacks) is answered right here, saving a hop to another task; one that waits goes on
    /// on its own task.
    pub(crate) fn dispatch(&self, request_id: String, request: InboundRequest) {
        let token = CancellationToken::new();
        let dispatch = self.next_dispatch.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut in_flight) = self.in_flight.lock() {
            in_flight.insert(request_id.clone(), (dispatch, token.clone()));
        }
        let handlers = self.handlers.clone();
        let writer = self.writer.clone();
        let in_flight = self.in_flight.clone();
        let span = tracing::debug_span!("claude_agent.inbound", request_id = %request_id);
        let mut task = Box::pin(
            async move {
                let work = AssertUnwindSafe(handle(&handlers, request, token.clone())).catch_unwind();
                let mut work = std::pin::pin!(work);
                let reply = tokio::select! {
                    reply = &mut work => reply.unwrap_or_else(|panic| Reply::Error(format!("SDK callback panicked: {}", panic_message(panic.as_ref())))),
                    () = token.cancelled() => {
                        // The callback sees the same token: let it notice and clean up, within a
                        // bound, before it is dropped. Whatever it returns is not sent.
                        if tokio::time::timeout(CANCEL_GRACE, &mut work).await.is_err() {
                            tracing::debug!(request_id = %request_id, "the cancelled callback did not finish; dropped");
                        }
                        Reply::Cancelled
                    }
                };
                // Only this dispatch's own entry: a withdrawn request whose id the CLI has
                // reused must not take the new request's entry (and answer) with it.
                let still_wanted = in_flight
                    .lock()
                    .map(|mut m| {
                        let ours = m.get(&request_id).is_some_and(|(owner, _)| *owner == dispatch);
                        ours && m.remove(&request_id).is_some()
                    })
                    .unwrap_or(true);
                let line = match reply {
                    _ if !still_wanted || token.is_cancelled() => None,
                    Reply::Cancelled => None,
                    Reply::Success(value) => Some(protocol::control_success_line(&request_id, &value)),
                    Reply::Error(message) => Some(protocol::control_error_line(&request_id, &message)),
                };
                if let Some(line) = line {
                    let _ = writer.send(line);
                }
            }
            .instrument(span),
        );
        if (&mut task).now_or_never().is_none() {
            tokio::spawn(task);
        }
    }

    /// The CLI withdrew request `id`: cancel its handler; no answer is sent.
    pub(crate) fn cancel(&self, id: &str) {
        let token = self.in_flight.lock().ok().and_then(|mut m| m.remove(id));
        if let Some((_, token)) = token {
            tracing::debug!(request_id = id, "CLI cancelled its request");
            token.cancel();
        }
    }

    /// Cancels everything in flight (the connection is closing).
    pub(crate) fn cancel_all(&self) {
        if let Ok(mut in_flight) = self.in_flight.lock() {
            for (_, (_, token)) in in_flight.drain() {
                token.cancel();
            }
        }
    }
}

async fn handle(handlers: &Handlers, request: InboundRequest, token: CancellationToken) -> Reply {
    match request {
        InboundRequest::CanUseTool(body) => {
            let Some(callback) = handlers.can_use_tool.clone() else {
                return Reply::Error(
                    "no can_use_tool callback is registered in this SDK session".into(),
                );
            };
            let request: PermissionRequest = match serde_json::from_value(body) {
                Ok(request) => request,
                Err(err) => return Reply::Error(format!("malformed can_use_tool request: {err}")),
            };
            let result = callback
                .can_use_tool(
                    request.clone(),
                    PermissionContext {
                        cancellation: token,
                    },
                )
                .await;
            Reply::Success(result.to_wire(&request))
        }
        InboundRequest::HookCallback {
            callback_id,
            input,
            tool_use_id,
        } => {
            let Some(callback) = handlers.hooks.get(&callback_id).cloned() else {
                return Reply::Error(format!(
                    "no hook callback registered with id `{callback_id}`"
                ));
            };
            let cx = HookContext {
                tool_use_id,
                cancellation: token,
            };
            match callback.call(input, cx).await {
                Ok(output) => Reply::Success(output),
                Err(message) => Reply::Error(message),
            }
        }
        InboundRequest::McpMessage {
            server_name,
            message,
        } => {
            let server = handlers
                .mcp_servers
                .read()
                .ok()
                .and_then(|s| s.get(&server_name).cloned());
            let response = match server {
                Some(server) => server
                    .handle(message)
                    .await
                    .unwrap_or_else(jsonrpc::empty_result),
                None => jsonrpc::server_not_found(&server_name, &message),
            };
            Reply::Success(json!({ "mcp_response": response }))
        }
        InboundRequest::Elicitation(body) => {
            // Without a handler, decline (the official SDKs' default).
            let Some(handler) = handlers.elicitation.clone() else {
                return Reply::Success(ElicitationResponse::Decline.to_wire());
            };
            match serde_json::from_value(body) {
                Ok(request) => {
                    let cx = PermissionContext {
                        cancellation: token,
                    };
                    Reply::Success(handler.elicit(request, cx).await.to_wire())
                }
                Err(err) => Reply::Error(format!("malformed elicitation request: {err}")),
            }
        }
        InboundRequest::UserDialog(body) => {
            // Without a handler, stay silent: another client of the session may render it,
            // and the CLI bounds an unanswered dialog itself.
            let Some(handler) = handlers.user_dialog.clone() else {
                return Reply::Cancelled;
            };
            match serde_json::from_value(body) {
                Ok(request) => {
                    let cx = PermissionContext {
                        cancellation: token,
                    };
                    Reply::Success(handler.dialog(request, cx).await.to_wire())
                }
                Err(err) => Reply::Error(format!("malformed request_user_dialog: {err}")),
            }
        }
        InboundRequest::Other { subtype, .. } => {
            Reply::Error(format!("Unsupported control request subtype: {subtype}"))
        }
    }
}
