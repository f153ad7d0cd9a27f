//! The stdout reader: frames lines, routes control frames, and forwards messages.

use std::sync::Arc;

use tokio::io::{AsyncRead, BufReader};
use tokio::sync::mpsc;

use super::Shared;
use crate::protocol::{self, Incoming, Message};
use crate::transport::LineReader;
use crate::{Error, Result};

/// Reads stdout to its end, then reports how the process ended.
pub(super) async fn run(
    stdout: impl AsyncRead + Unpin,
    shared: Arc<Shared>,
    messages: mpsc::UnboundedSender<Result<Message>>,
    max_line: usize,
    mirroring: Option<super::mirror::Mirroring>,
) {
    let mut lines = LineReader::new(BufReader::with_capacity(64 * 1024, stdout), max_line);
    while let Some(line) = lines.next_line().await {
        let line = match line {
            Ok(line) => line,
            Err(err @ Error::LineTooLong { .. }) => {
                tracing::warn!("{err}");
                let _ = messages.send(Err(err));
                continue;
            }
            Err(err) => {
                tracing::debug!("reading the CLI's stdout failed: {err}");
                break;
            }
        };
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            continue;
        }
        if !trimmed.starts_with('{') {
            tracing::warn!(line = %crate::error::truncate(trimmed, 200), "ignored a non-JSON line from the CLI");
            continue;
        }
        match protocol::parse_incoming(&line) {
            Ok(Incoming::Message(message)) => {
                shared.observe(&message);
                if let Some(mirroring) = &mirroring {
                    mirroring.observe(&message);
                }
                let _ = messages.send(Ok(message));
            }
            Ok(Incoming::ControlRequest {
                request_id,
                request,
            }) => {
                shared.dispatcher.dispatch(request_id, request);
            }
            Ok(Incoming::ControlResponse(response)) => {
                shared
                    .pending
                    .complete(&response.request_id, response.outcome);
            }
            Ok(Incoming::ControlCancel { request_id }) => shared.dispatcher.cancel(&request_id),
            Err(err) => {
                tracing::warn!("undecodable line from the CLI: {err}");
                let _ = messages.send(Err(Error::json_decode(&line, err)));
            }
        }
    }
    // The last transcript batches reach the store before the stream can end.
    if let Some(mirroring) = mirroring {
        mirroring.finish(std::time::Duration::from_secs(30)).await;
    }
    // stdout is closed: nobody will answer what is pending, and the process is ending.
    shared.pending.fail_all();
    shared.dispatcher.cancel_all();
    if let Some(err) = shared.exit_error().await {
        let _ = messages.send(Err(err));
    }
}
