//! The single writer of the CLI's stdin: every outgoing line goes through one task, in order.

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
            while let Some(command) = rx.recv().await {
                match command {
                    Command::Line(mut line) => {
                        line.push('\n');
                        let written = async {
                            stdin.write_all(line.as_bytes()).await?;
                            stdin.flush().await
                        };
                        if let Err(err) = written.await {
                            tracing::debug!("writing to the CLI's stdin failed: {err}");
                            break;
                        }
                    }
                    Command::Close => break,
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
