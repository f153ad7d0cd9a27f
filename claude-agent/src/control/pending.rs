//! SDK → CLI control requests: ids, correlation with responses, timeouts and cancellation.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use serde_json::Value;
use tokio::sync::oneshot;
use tracing::Instrument;

use crate::protocol::{self, ControlFailure, ControlRequest};
use crate::transport::Writer;
use crate::{Error, Result};

type Outcome = std::result::Result<Value, ControlFailure>;

/// Requests the SDK sent and is waiting on.
pub(crate) struct Pending {
    next: AtomicU64,
    salt: u32,
    waiting: Mutex<HashMap<String, oneshot::Sender<Outcome>>>,
    /// Fires when a request starts waiting (the reader must then read past a full inbox).
    pub(crate) started: tokio::sync::Notify,
}

impl std::fmt::Debug for Pending {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let waiting = self.waiting.lock().map(|w| w.len()).unwrap_or(0);
        f.debug_struct("Pending")
            .field("waiting", &waiting)
            .finish()
    }
}

impl Pending {
    pub(crate) fn new() -> Self {
        Pending {
            next: AtomicU64::new(1),
            salt: RandomState::new().hash_one(std::time::SystemTime::now()) as u32,
            waiting: Mutex::default(),
            started: tokio::sync::Notify::new(),
        }
    }

    /// Whether the SDK is waiting for any answer from the CLI.
    pub(crate) fn is_waiting(&self) -> bool {
        self.waiting.lock().map(|w| !w.is_empty()).unwrap_or(false)
    }

    /// Completes the request `id` (a response for an unknown id is ignored, as the CLI does).
    pub(crate) fn complete(&self, id: &str, outcome: Outcome) {
        let sender = self.waiting.lock().ok().and_then(|mut w| w.remove(id));
        match sender {
            Some(sender) => {
                let _ = sender.send(outcome);
            }
            None => tracing::debug!(request_id = id, "control response for no pending request"),
        }
    }

    /// Fails every waiting request: the connection is gone (their senders are dropped).
    pub(crate) fn fail_all(&self) {
        if let Ok(mut waiting) = self.waiting.lock() {
            waiting.clear();
        }
    }

    fn forget(&self, id: &str) -> bool {
        self.waiting
            .lock()
            .map(|mut w| w.remove(id).is_some())
            .unwrap_or(false)
    }

    /// Sends `request` and waits for its response payload.
    ///
    /// On timeout, or if the returned future is dropped, the request is withdrawn with a
    /// `control_cancel_request`. If the connection closes first: [`Error::ConnectionClosed`].
    pub(crate) async fn request(
        &self,
        writer: &Writer,
        request: &ControlRequest,
        timeout: Duration,
    ) -> Result<Value> {
        let subtype = request.subtype().to_owned();
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let id = format!("req_{n}_{:08x}", self.salt);
        let span =
            tracing::debug_span!("claude_agent.control", subtype = %subtype, request_id = %id);
        async {
            let (tx, rx) = oneshot::channel();
            if let Ok(mut waiting) = self.waiting.lock() {
                waiting.insert(id.clone(), tx);
            }
            self.started.notify_waiters();
            // Withdraws the request if this future is dropped before the answer arrives.
            let mut guard = CancelGuard {
                pending: self,
                writer,
                id: &id,
                armed: true,
            };
            if writer
                .send(protocol::control_request_line(&id, &request.to_json()))
                .is_err()
            {
                guard.armed = false;
                self.forget(&id);
                return Err(Error::ConnectionClosed);
            }
            let answer = tokio::time::timeout(timeout, rx).await;
            guard.armed = false;
            match answer {
                Ok(Ok(Ok(value))) => Ok(value),
                Ok(Ok(Err(failure))) => Err(Error::Control {
                    subtype,
                    message: failure.message,
                    code: failure.code,
                }),
                Ok(Err(_)) => Err(Error::ConnectionClosed),
                Err(_) => {
                    if self.forget(&id) {
                        let _ = writer.send(protocol::control_cancel_line(&id));
                    }
                    Err(Error::ControlTimeout { subtype, timeout })
                }
            }
        }
        .instrument(span)
        .await
    }
}

struct CancelGuard<'a> {
    pending: &'a Pending,
    writer: &'a Writer,
    id: &'a str,
    armed: bool,
}

impl Drop for CancelGuard<'_> {
    fn drop(&mut self) {
        if self.armed && self.pending.forget(self.id) {
            let _ = self.writer.send(protocol::control_cancel_line(self.id));
        }
    }
}
