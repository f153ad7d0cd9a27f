//! The process supervisor: owns the CLI's [`ProcessHandle`], reaps it, and runs the shutdown
//! sequence: for an idle session close stdin, wait, SIGTERM the process group, wait, SIGKILL,
//! reap; for a session stopped mid-turn (the CLI ignores stdin closing while a turn runs) the
//! same from SIGTERM on, at once.

use std::time::Duration;

use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use super::{ExitInfo, ProcessHandle, ShutdownSignal, Writer};

/// Owns the handle; if dropped before the process was reaped (the runtime is shutting down, or
/// the supervisor task was aborted), kills the process group synchronously.
struct Owned {
    handle: Box<dyn ProcessHandle>,
    reaped: bool,
}

impl Drop for Owned {
    fn drop(&mut self) {
        if self.reaped {
            return;
        }
        let _ = self.handle.signal(ShutdownSignal::Kill);
        for _ in 0..100 {
            match self.handle.try_wait() {
                Ok(Some(_)) | Err(_) => return,
                Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            }
        }
        tracing::warn!(pid = ?self.handle.id(), "the CLI did not exit after SIGKILL");
    }
}

enum Outcome {
    Exited(std::io::Result<ExitInfo>),
    StopRequested,
    Terminate,
}

/// What asks the supervisor to end the process.
#[derive(Debug, Clone, Default)]
pub(crate) struct StopTokens {
    /// The graceful sequence: close stdin, wait `grace`, then SIGTERM, SIGKILL.
    pub(crate) stop: CancellationToken,
    /// SIGTERM at once (then SIGKILL after `grace`), without reporting an abort: the owner went
    /// away while a turn was running.
    pub(crate) now: CancellationToken,
    /// The session was aborted: SIGTERM at once, like `now`.
    pub(crate) abort: CancellationToken,
}

/// Starts the supervisor; the exit status is published on the returned channel once the process
/// is reaped.
pub(crate) fn supervise(
    handle: Box<dyn ProcessHandle>,
    writer: Writer,
    tokens: StopTokens,
    grace: Duration,
) -> watch::Receiver<Option<ExitInfo>> {
    let StopTokens { stop, now, abort } = tokens;
    let (tx, rx) = watch::channel(None);
    tokio::spawn(async move {
        let mut owned = Owned {
            handle,
            reaped: false,
        };
        let outcome = tokio::select! {
            // An owner dropped mid-turn cancels `now` and `stop` together: `now` wins.
            biased;
            () = now.cancelled() => Outcome::Terminate,
            () = abort.cancelled() => Outcome::Terminate,
            () = stop.cancelled() => Outcome::StopRequested,
            status = owned.handle.wait() => Outcome::Exited(status),
        };
        let status = match outcome {
            Outcome::Exited(status) => status,
            Outcome::StopRequested => shut_down(owned.handle.as_mut(), &writer, grace).await,
            Outcome::Terminate => {
                writer.close();
                terminate(owned.handle.as_mut(), grace).await
            }
        };
        owned.reaped = true;
        // The CLI is gone; anything it left in its process group (an MCP server that ignored its
        // stdin closing, a background shell) goes with it.
        let _ = owned.handle.signal(ShutdownSignal::Kill);
        let info = status.unwrap_or_else(|err| {
            tracing::warn!("waiting for the CLI failed: {err}");
            ExitInfo::new(None)
        });
        tracing::debug!(code = ?info.code, "the CLI exited");
        let _ = tx.send(Some(info));
    });
    rx
}

async fn shut_down(
    handle: &mut dyn ProcessHandle,
    writer: &Writer,
    grace: Duration,
) -> std::io::Result<ExitInfo> {
    writer.close();
    if let Ok(status) = tokio::time::timeout(grace, handle.wait()).await {
        return status;
    }
    tracing::debug!("the CLI did not exit after stdin closed; sending SIGTERM");
    terminate(handle, grace).await
}

/// SIGTERM, wait, SIGKILL, reap.
async fn terminate(handle: &mut dyn ProcessHandle, grace: Duration) -> std::io::Result<ExitInfo> {
    handle.signal(ShutdownSignal::Terminate)?;
    if let Ok(status) = tokio::time::timeout(grace, handle.wait()).await {
        return status;
    }
    tracing::warn!("the CLI ignored SIGTERM; sending SIGKILL");
    handle.signal(ShutdownSignal::Kill)?;
    handle.wait().await
}
