//! Running one tool call: time limit, panic isolation, tracing span.

use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::Duration;

use futures::FutureExt;
use serde_json::Value;
use tracing::Instrument;

use super::server::ToolEntry;
use super::{ToolContext, ToolResult};
use crate::panic_payload::panic_message;

/// Runs `entry` once. A panic or an elapsed `timeout` becomes an `isError` result; on timeout the
/// call's cancellation token is cancelled before its future is dropped.
pub(crate) async fn run(
    entry: Arc<ToolEntry>,
    timeout: Option<Duration>,
    args: Value,
    cx: ToolContext,
) -> ToolResult {
    let span = tracing::info_span!(
        "claude_agent.tool",
        tool.name = %entry.name,
        call_id = cx.tool_use_id().unwrap_or(""),
    );
    let token = cx.cancellation_token().clone();
    let call = AssertUnwindSafe((entry.call)(args, cx))
        .catch_unwind()
        .instrument(span.clone());
    let outcome = match timeout {
        Some(limit) => match tokio::time::timeout(limit, call).await {
            Ok(outcome) => outcome,
            Err(_) => {
                token.cancel();
                tracing::warn!(parent: &span, ?limit, "tool call timed out");
                return ToolResult::error(format!(
                    "tool `{}` timed out after {limit:?}",
                    entry.name
                ));
            }
        },
        None => call.await,
    };
    outcome.unwrap_or_else(|payload| {
        let message = panic_message(payload.as_ref());
        tracing::error!(parent: &span, panic = %message, "tool panicked");
        ToolResult::error(format!("tool `{}` panicked: {message}", entry.name))
    })
}
