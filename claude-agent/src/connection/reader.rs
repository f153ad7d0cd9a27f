//! The stdout reader: frames lines, routes control frames, and hands messages over in batches.

use std::sync::Arc;

use futures::FutureExt;
use tokio::io::{AsyncRead, BufReader};

use super::Shared;
use super::inbox::{Batch, Inbox, error_weight};
use crate::protocol::{self, Incoming, RawJson};
use crate::transport::LineReader;
use crate::{Error, Result};

/// The most message JSON one batch carries before it is handed over.
const BATCH_BYTES: usize = 32 * 1024;

/// What one line turned into.
enum Step {
    /// Keep reading.
    Next,
    /// stdout failed or ended.
    End,
}

/// Reads stdout to its end, then reports how the process ended.
pub(super) async fn run(
    stdout: impl AsyncRead + Unpin,
    shared: Arc<Shared>,
    inbox: Arc<Inbox>,
    max_line: usize,
    mirroring: Option<super::mirror::Mirroring>,
) {
    let mut lines = LineReader::new(BufReader::with_capacity(64 * 1024, stdout), max_line);
    let mut batch = Batch::default();
    'read: loop {
        // Wait for one line, then take every line already readable without waiting again, so
        // one wake-up of the consumer carries them all.
        let mut next = lines.next_line().await;
        loop {
            if let Step::End = route(next, &shared, &mut batch, mirroring.as_ref()) {
                inbox.push(&mut batch);
                break 'read;
            }
            if batch.bytes() >= BATCH_BYTES {
                break;
            }
            match lines.next_line().now_or_never() {
                Some(line) => next = line,
                None => break,
            }
        }
        inbox.push(&mut batch);
        // Backpressure: a full inbox pauses reading, unless a control call awaits its answer.
        inbox
            .room(|| shared.pending.is_waiting(), &shared.pending.started)
            .await;
    }
    // The last transcript batches reach the store before the stream can end.
    if let Some(mirroring) = mirroring {
        mirroring.finish(std::time::Duration::from_secs(30)).await;
    }
    // stdout is closed: nobody will answer what is pending, and the process is ending.
    shared.pending.fail_all();
    shared.dispatcher.cancel_all();
    if let Some(err) = shared.exit_error().await {
        inbox.push_one(Err(err), 0);
    }
    inbox.close();
}

fn route(
    line: Option<Result<String>>,
    shared: &Shared,
    batch: &mut Batch,
    mirroring: Option<&super::mirror::Mirroring>,
) -> Step {
    let line = match line {
        None => return Step::End,
        Some(Ok(line)) => line,
        Some(Err(err @ Error::LineTooLong { .. })) => {
            tracing::warn!("{err}");
            batch.push(Err(err), 0);
            return Step::Next;
        }
        Some(Err(err)) => {
            tracing::debug!("reading the CLI's stdout failed: {err}");
            return Step::End;
        }
    };
    let trimmed = line.trim_start();
    if trimmed.is_empty() {
        return Step::Next;
    }
    if !trimmed.starts_with('{') {
        tracing::warn!(line = %crate::error::truncate(trimmed, 200), "ignored a non-JSON line from the CLI");
        return Step::Next;
    }
    let weight = line.len();
    // The line becomes the message's raw JSON as it is, without a copy.
    let raw = RawJson::from_string(line);
    match protocol::parse_incoming_raw(&raw) {
        Ok(Incoming::Message(message)) => {
            shared.observe(&message);
            if let Some(mirroring) = mirroring {
                mirroring.observe(&message);
            }
            batch.push(Ok(message), weight);
        }
        Ok(Incoming::ControlRequest {
            request_id,
            request,
        }) => shared.dispatcher.dispatch(request_id, request),
        Ok(Incoming::ControlResponse(response)) => {
            shared
                .pending
                .complete(&response.request_id, response.outcome);
        }
        Ok(Incoming::ControlCancel { request_id }) => shared.dispatcher.cancel(&request_id),
        Err(err) => {
            tracing::warn!("undecodable line from the CLI: {err}");
            let err = Error::json_decode(raw.as_str(), err);
            let weight = error_weight(&err);
            batch.push(Err(err), weight);
        }
    }
    Step::Next
}
