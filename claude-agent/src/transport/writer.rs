//! The single writer of the CLI's stdin: every outgoing line goes through one task, in order;
//! lines queued together go out in one write.

use tokio::io::{AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;

enum Command {
    Line(String),
    Close,
}

/// A handle that queues lines for the CLI's stdin.
#[derive(Debug, Clone)]
pub(crate) struct Writer {
    tx: mpsc::UnboundedSender<Command>,
}

impl std::fmt::Debug for Command {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Command::Line(_) => f.write_str("Line"),
            Command::Close => f.write_str("Close"),
        }
    }
}

/// stdin is closed (or was never writable).
#[derive(Debug)]
pub(crate) struct Closed;

impl Writer {
    /// Starts the writer task over `stdin`.
    pub(crate) fn spawn(mut stdin: Box<dyn AsyncWrite + Send + Unpin>) -> Writer {
        let (tx, mut rx) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            // Everything queued by the time the task runs goes out in one write.
            let mut buf = Vec::with_capacity(8 * 1024);
            let mut closing = false;
            while let Some(command) = rx.recv().await {
                let mut next = Some(command);
                while let Some(command) = next.take() {
                    match command {
                        Command::Line(line) => {
                            buf.extend_from_slice(line.as_bytes());
                            buf.push(b'\n');
                        }
                        Command::Close => {
                            closing = true;
                            break;
                        }
                    }
                    next = rx.try_recv().ok();
                }
                if !buf.is_empty() {
                    let written = async {
                        stdin.write_all(&buf).await?;
                        stdin.flush().await
                    };
                    if let Err(err) = written.await {
                        tracing::debug!("writing to the CLI's stdin failed: {err}");
                        break;
                    }
                    buf.clear();
                    // A burst can leave a large buffer behind; keep the steady-state one small.
                    buf.shrink_to(64 * 1024);
                }
                if closing {
                    break;
                }
            }
            rx.close();
            let _ = stdin.shutdown().await;
            // Dropping `stdin` here closes the pipe: the CLI sees end of input.
        });
        Writer { tx }
    }

    /// Queues one line (without its newline).
    pub(crate) fn send(&self, line: String) -> Result<(), Closed> {
        self.tx.send(Command::Line(line)).map_err(|_| Closed)
    }

    /// Closes stdin after the lines already queued.
    pub(crate) fn close(&self) {
        let _ = self.tx.send(Command::Close);
    }
}
