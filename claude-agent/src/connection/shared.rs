//! What the tasks serving one CLI process share, and the operations every handle performs on
//! it: control requests, user messages, turn bookkeeping, and the error for a closed session.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use serde_json::{Map, Value};
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use crate::control::{Dispatcher, Pending};
use crate::protocol::{
    CommandState, ControlRequest, InitializeResponse, Message, SystemMessage, TaskStatus, UserInput,
};
use crate::transport::Writer;
use crate::transport::{ExitInfo, StderrTail};
use crate::{Error, Result};

/// What the tasks of one session share.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) writer: Writer,
    pub(crate) pending: Pending,
    pub(crate) dispatcher: Dispatcher,
    /// Asks for the graceful shutdown sequence (the owner is gone or closed the session).
    pub(crate) stop: CancellationToken,
    /// Skips the graceful part of the shutdown: SIGTERM at once (the owner left mid-turn).
    pub(crate) stop_now: CancellationToken,
    /// Ends the session at once, from anywhere: readers get [`Error::Aborted`].
    pub(crate) abort: CancellationToken,
    pub(crate) exit: watch::Receiver<Option<ExitInfo>>,
    pub(crate) stderr: StderrTail,
    pub(crate) control_timeout: Duration,
    pub(crate) grace: Duration,
    pub(crate) pid: Option<u32>,
    /// The `initialize` request as sent, for [`reinitialize`](crate::SessionHandle::reinitialize).
    pub(crate) initialize_request: Map<String, Value>,
    pub(crate) init: OnceLock<Arc<InitializeResponse>>,
    pub(crate) state: Mutex<State>,
    /// [`end_input`](Shared::end_input) was called.
    pub(crate) input_closed: AtomicBool,
    /// A one-shot query has sent every prompt it was given.
    pub(crate) input_done: AtomicBool,
    /// Send every prompt with `client_composed` (the `verbatim_prompts` option).
    pub(crate) verbatim_prompts: bool,
}

/// Turn and task bookkeeping, updated by the reader and the writers.
#[derive(Debug, Default)]
pub(crate) struct State {
    pub(crate) session_id: Option<String>,
    /// Prompts sent that ask for a turn.
    prompts_sent: u64,
    /// `result` messages received.
    results: u64,
    /// Prompts of ours that the CLI dropped before they ran (they get no result).
    cancelled: u64,
    /// The uuids of the prompts sent, to recognise cancellations of ours.
    sent_uuids: HashSet<String>,
    /// Background agents and workflows still running.
    background: HashSet<String>,
    last_result_error: bool,
}

impl State {
    fn turn_open(&self) -> bool {
        self.results + self.cancelled < self.prompts_sent
    }

    fn cancel(&mut self, uuid: &str) {
        if self.sent_uuids.remove(uuid) {
            self.cancelled += 1;
        }
    }
}

impl Shared {
    /// Bookkeeping on every message the reader forwards.
    pub(crate) fn observe(&self, message: &Message) {
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        if let Some(id) = message.session_id()
            && state.session_id.as_deref() != Some(id)
        {
            state.session_id = Some(id.to_owned());
        }
        match message {
            Message::Result(result) => {
                state.results += 1;
                state.last_result_error = result.is_error;
            }
            Message::CommandLifecycle(lifecycle)
                if lifecycle.state == Some(CommandState::Cancelled) =>
            {
                state.cancel(&lifecycle.command_uuid);
            }
            Message::System(SystemMessage::TaskStarted(task))
                if matches!(
                    task.task_type.as_deref(),
                    Some("local_agent" | "local_workflow")
                ) =>
            {
                state.background.insert(task.task_id.clone());
            }
            Message::System(SystemMessage::TaskNotification(task)) => {
                state.background.remove(&task.task_id);
            }
            Message::System(SystemMessage::TaskUpdated(task))
                if task.status().is_some_and(|s| is_terminal(&s)) =>
            {
                state.background.remove(&task.task_id);
            }
            _ => {}
        }
    }

    /// Prompts the CLI reported cancelled (an interrupt receipt's `cancelled` list).
    pub(crate) fn cancelled(&self, uuids: &[String]) {
        if let Ok(mut state) = self.state.lock() {
            for uuid in uuids {
                state.cancel(uuid);
            }
        }
    }

    /// Whether every prompt sent so far has its result (or was cancelled).
    pub(crate) fn turns_complete(&self) -> bool {
        self.state.lock().map(|s| !s.turn_open()).unwrap_or(true)
    }

    /// Whether background agents or workflows are still running.
    pub(crate) fn background_running(&self) -> bool {
        self.state
            .lock()
            .map(|s| !s.background.is_empty())
            .unwrap_or(false)
    }

    /// The session id reported so far.
    pub(crate) fn session_id(&self) -> Option<String> {
        self.state.lock().ok().and_then(|s| s.session_id.clone())
    }

    /// Writes a user message, counting the turn it asks for. A prompt sent while a turn runs
    /// (so the CLI queues it) gets a uuid if it has none, so that an interrupt that cancels it
    /// can be recognised; prompts sent while idle are left as they are (a uuid makes newer CLIs
    /// report `command_lifecycle` frames for the prompt).
    pub(crate) async fn send(&self, input: &UserInput) -> Result<()> {
        if self.abort.is_cancelled() {
            return Err(Error::Aborted);
        }
        let verbatim;
        let input = if self.verbatim_prompts && input.is_client_composed().is_none() {
            verbatim = input.clone().client_composed(true);
            &verbatim
        } else {
            input
        };
        let expects_turn = input.expects_turn();
        let queued = self.state.lock().map(|s| s.turn_open()).unwrap_or(false);
        let (line, uuid) = match input.message_uuid() {
            Some(uuid) => (input.to_line(), Some(uuid.to_owned())),
            None if queued && expects_turn => {
                let uuid = new_uuid();
                (input.to_line_with_uuid(&uuid), Some(uuid))
            }
            None => (input.to_line(), None),
        };
        if expects_turn && let Ok(mut state) = self.state.lock() {
            state.prompts_sent += 1;
            state.sent_uuids.extend(uuid.clone());
        }
        if self.writer.send(line).is_err() {
            if expects_turn && let Ok(mut state) = self.state.lock() {
                state.prompts_sent -= 1;
                if let Some(uuid) = &uuid {
                    state.sent_uuids.remove(uuid);
                }
            }
            if self.input_closed.load(Ordering::SeqCst) && !self.abort.is_cancelled() {
                return Err(Error::InputClosed);
            }
            return Err(self.closed_error().await);
        }
        Ok(())
    }

    /// Closes stdin after what is queued: the CLI finishes its work and exits.
    pub(crate) fn end_input(&self) {
        self.input_closed.store(true, Ordering::SeqCst);
        self.writer.close();
    }

    /// Whether a one-shot query may close the input now: every prompt has its result and no
    /// background agent still needs answers.
    pub(crate) fn input_may_close(&self) -> bool {
        self.turns_complete() && !self.background_running()
    }

    /// Sends a control request with the configured timeout.
    pub(crate) async fn request(&self, request: &ControlRequest) -> Result<Value> {
        self.request_with(request, self.control_timeout).await
    }

    /// Sends a control request and waits at most `timeout` for its answer; an abort ends the
    /// wait (and withdraws the request).
    pub(crate) async fn request_with(
        &self,
        request: &ControlRequest,
        timeout: Duration,
    ) -> Result<Value> {
        if self.abort.is_cancelled() {
            return Err(Error::Aborted);
        }
        let answer = tokio::select! {
            answer = self.pending.request(&self.writer, request, timeout) => answer,
            () = self.abort.cancelled() => return Err(Error::Aborted),
        };
        match answer {
            Err(Error::ConnectionClosed) => Err(self.closed_error().await),
            other => other,
        }
    }

    /// The error to report once stdout has closed, if the exit was not a normal one.
    pub(crate) async fn exit_error(&self) -> Option<Error> {
        let info = self.wait_exit().await;
        if self.stop.is_cancelled() || self.abort.is_cancelled() {
            return None; // we asked it to stop
        }
        let (turn_open, last_error) = self
            .state
            .lock()
            .map(|s| (s.turn_open(), s.last_result_error))
            .unwrap_or((false, false));
        let expected = match info.code {
            Some(0) => !turn_open,
            // The CLI exits 1 after stdin closes when the last result was an error.
            Some(1) => !turn_open && last_error,
            _ => false,
        };
        (!expected).then(|| Error::ProcessExited {
            code: info.code,
            stderr_tail: self.stderr.text(),
        })
    }

    /// Waits for the exit status; if the process lingers after closing stdout, stops it.
    async fn wait_exit(&self) -> ExitInfo {
        let mut exit = self.exit.clone();
        let timed_out = tokio::time::timeout(self.grace, exit.wait_for(Option::is_some))
            .await
            .is_err();
        if timed_out {
            tracing::warn!("the CLI closed stdout but kept running; stopping it");
            self.stop.cancel();
        }
        let info = exit.wait_for(Option::is_some).await.ok().and_then(|v| *v);
        info.unwrap_or(ExitInfo::new(None))
    }

    /// The error for "the session is gone": aborted, the exit code and stderr when the CLI
    /// died on its own, or closed.
    pub(crate) async fn closed_error(&self) -> Error {
        if self.abort.is_cancelled() {
            return Error::Aborted;
        }
        let mut exit = self.exit.clone();
        let known =
            tokio::time::timeout(Duration::from_secs(2), exit.wait_for(Option::is_some)).await;
        match known.ok().and_then(|r| r.ok().and_then(|v| *v)) {
            _ if self.abort.is_cancelled() => Error::Aborted,
            Some(info) if !self.stop.is_cancelled() => Error::ProcessExited {
                code: info.code,
                stderr_tail: self.stderr.text(),
            },
            _ => Error::ConnectionClosed,
        }
    }
}

fn is_terminal(status: &TaskStatus) -> bool {
    matches!(
        status,
        TaskStatus::Completed | TaskStatus::Failed | TaskStatus::Killed | TaskStatus::Stopped
    )
}

/// A random (version 4) UUID, from the standard library's randomly seeded hasher.
pub(crate) fn new_uuid() -> String {
    use std::hash::{BuildHasher, RandomState};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let hasher = RandomState::new();
    let high = hasher.hash_one((n, std::time::SystemTime::now()));
    let low = hasher.hash_one((high, n));
    let bytes = ((u128::from(high) << 64) | u128::from(low)) & !(0xF << 76) & !(0x3 << 62);
    let bytes = bytes | (0x4 << 76) | (0x2 << 62);
    let hex = format!("{bytes:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_version_4_and_distinct() {
        let a = new_uuid();
        let b = new_uuid();
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4", "{a}");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"), "{a}");
    }
}
