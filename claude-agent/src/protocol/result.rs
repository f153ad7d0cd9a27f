//! `result` messages: the end of every turn.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::RawJson;
use super::fast_mode::{FastModeDisabledReason, FastModeState};
use super::raw::impl_raw;
use super::usage::{ModelUsage, Usage};
use crate::wire::wire_enum;
use crate::wire::{count, nullable, number, opt_count};

/// `{"type":"result"}`: the end of a turn, with its outcome, cost and usage.
///
/// Success carries the final text in [`result`](Self::result); the error subtypes carry
/// [`errors`](Self::errors) instead. An API failure arrives as subtype `success` with
/// `is_error: true` and [`api_error_status`](Self::api_error_status) set, so check
/// [`is_success`](Self::is_success) rather than the subtype alone. `total_cost_usd` and
/// `model_usage` are cumulative for the CLI process; `usage` is for this turn.
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
/// use claude_agent::protocol::ResultSubtype;
///
/// let line = r#"{"type":"result","subtype":"error_max_turns","is_error":true,"duration_ms":868,
///   "duration_api_ms":345,"num_turns":2,"session_id":"s1","total_cost_usd":0.00023,
///   "usage":{"input_tokens":11,"output_tokens":7},"modelUsage":{},"permission_denials":[],
///   "errors":["Reached maximum number of turns (1)"],"uuid":"u9"}"#;
/// let Message::Result(result) = Message::from_json(line).unwrap() else { panic!() };
/// assert_eq!(result.subtype, ResultSubtype::ErrorMaxTurns);
/// assert!(!result.is_success());
/// assert_eq!(result.error_message().as_deref(), Some("Reached maximum number of turns (1)"));
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct ResultMessage {
    /// How the turn ended.
    pub subtype: ResultSubtype,
    /// Whether the turn ended in an error (also set for API failures reported as `success`).
    #[serde(default, deserialize_with = "nullable")]
    pub is_error: bool,
    /// Wall-clock duration of the turn in milliseconds.
    #[serde(default, deserialize_with = "count")]
    pub duration_ms: u64,
    /// Time spent in API calls in milliseconds.
    #[serde(default, deserialize_with = "count")]
    pub duration_api_ms: u64,
    /// Model round trips in the turn.
    #[serde(default, deserialize_with = "count")]
    pub num_turns: u64,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// Total cost of the CLI process so far, in US dollars.
    #[serde(default, deserialize_with = "number")]
    pub total_cost_usd: f64,
    /// Token usage of this turn.
    #[serde(default, deserialize_with = "nullable")]
    pub usage: Usage,
    /// Cumulative usage per model (wire `modelUsage`).
    #[serde(default, rename = "modelUsage", deserialize_with = "nullable")]
    pub model_usage: BTreeMap<String, ModelUsage>,
    /// Tool calls that were denied during the turn.
    #[serde(default, deserialize_with = "nullable")]
    pub permission_denials: Vec<PermissionDenial>,
    /// The final text (success only; for an API failure, the error prose).
    #[serde(default)]
    pub result: Option<String>,
    /// Error descriptions (error subtypes only).
    #[serde(default, deserialize_with = "nullable")]
    pub errors: Vec<String>,
    /// The last model stop reason (`end_turn`, `tool_use`, …).
    #[serde(default)]
    pub stop_reason: Option<String>,
    /// Why the turn loop ended; absent when no loop ran (a local slash command) and from CLIs
    /// older than the field.
    #[serde(default)]
    pub terminal_reason: Option<TerminalReason>,
    /// The tool call a `PreToolUse` hook deferred (`permissionDecision: "defer"`): the turn
    /// stopped before running it.
    ///
    /// Observed on CLI 2.1.197 and 2.1.330 (`tests/e2e_defer.rs`): the hook's `defer` ends the
    /// turn at once, without running the tool and without asking the permission callback. The
    /// result is subtype `success` with `is_error: false`, an empty `result`, `stop_reason` and
    /// [`terminal_reason`](Self::terminal_reason) `tool_deferred`
    /// ([`TerminalReason::ToolDeferred`]), and this field naming the call. A one-shot query ends
    /// there. Resuming the session (`resume(session_id)`) decides the deferred call first, once:
    /// in some runs through the `PreToolUse` hooks again, in most runs (on both versions)
    /// through the permission callback (`can_use_tool`) with the hooks skipped, so answer it in
    /// both places. Without a permission callback that second path refuses the call as needing
    /// approval. The tool's result then goes to the model in a turn of its own (with its own
    /// result) before the new prompt is answered.
    #[serde(default)]
    pub deferred_tool_use: Option<DeferredToolUse>,
    /// Fast-mode state at the end of the turn.
    #[serde(default)]
    pub fast_mode_state: Option<FastModeState>,
    /// Why fast mode could not serve, if something blocked it.
    #[serde(default)]
    pub fast_mode_disabled_reason: Option<FastModeDisabledReason>,
    /// The validated structured output, when a JSON schema was given.
    #[serde(default)]
    pub structured_output: Option<Value>,
    /// The HTTP status of a failed API call.
    #[serde(default, deserialize_with = "opt_count")]
    pub api_error_status: Option<u64>,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

impl_raw!(ResultMessage);

impl ResultMessage {
    /// Whether the turn succeeded: subtype `success` and not `is_error`.
    pub fn is_success(&self) -> bool {
        self.subtype == ResultSubtype::Success && !self.is_error
    }

    /// A description of the failure, or `None` for a successful turn.
    ///
    /// Uses, in order: the `errors` joined by `"; "`, the `result` text, `API error (HTTP n)`,
    /// and finally the subtype.
    pub fn error_message(&self) -> Option<String> {
        if self.is_success() {
            return None;
        }
        if !self.errors.is_empty() {
            return Some(self.errors.join("; "));
        }
        if let Some(text) = self.result.as_deref().filter(|t| !t.is_empty()) {
            return Some(text.to_owned());
        }
        if let Some(status) = self.api_error_status {
            return Some(format!("API error (HTTP {status})"));
        }
        Some(self.subtype.to_string())
    }
}

wire_enum! {
    /// How a turn ended ([`ResultMessage::subtype`]).
    pub enum ResultSubtype {
        /// The turn completed (check `is_error` for API failures).
        Success = "success",
        /// The turn failed or was interrupted.
        ErrorDuringExecution = "error_during_execution",
        /// The turn hit the `max_turns` limit.
        ErrorMaxTurns = "error_max_turns",
        /// The session hit the `max_budget_usd` limit.
        ErrorMaxBudgetUsd = "error_max_budget_usd",
        /// The model failed to produce schema-valid structured output.
        ErrorMaxStructuredOutputRetries = "error_max_structured_output_retries",
    }
}

#[allow(clippy::derivable_impls)] // the enum is generated by `wire_enum!`
impl Default for ResultSubtype {
    fn default() -> Self {
        ResultSubtype::Success
    }
}

wire_enum! {
    /// Why a turn's loop ended ([`ResultMessage::terminal_reason`]).
    pub enum TerminalReason {
        /// The model finished its answer.
        Completed = "completed",
        /// The `max_turns` limit was reached.
        MaxTurns = "max_turns",
        /// The `max_budget_usd` limit was reached.
        BudgetExhausted = "budget_exhausted",
        /// Interrupted while the model was streaming.
        AbortedStreaming = "aborted_streaming",
        /// Interrupted while tools were running.
        AbortedTools = "aborted_tools",
        /// A `PreToolUse` hook deferred a tool call; see [`ResultMessage::deferred_tool_use`].
        ToolDeferred = "tool_deferred",
        /// A tool call was deferred but cannot be resumed here.
        ToolDeferredUnavailable = "tool_deferred_unavailable",
        /// A `Stop` hook kept the turn from ending normally.
        StopHookPrevented = "stop_hook_prevented",
        /// A hook stopped the turn (`continue: false`).
        HookStopped = "hook_stopped",
        /// The context was over its limit.
        BlockingLimit = "blocking_limit",
        /// A rate-limit breaker tripped.
        RapidRefillBreaker = "rapid_refill_breaker",
        /// The prompt was too long for the model.
        PromptTooLong = "prompt_too_long",
        /// An image could not be processed.
        ImageError = "image_error",
        /// The model call failed.
        ModelError = "model_error",
        /// The API returned an error.
        ApiError = "api_error",
        /// The model kept producing malformed tool calls.
        MalformedToolUseExhausted = "malformed_tool_use_exhausted",
        /// The turn was moved to the background.
        BackgroundRequested = "background_requested",
        /// The model failed to produce schema-valid structured output.
        StructuredOutputRetryExhausted = "structured_output_retry_exhausted",
        /// The turn could not be set up.
        TurnSetupFailed = "turn_setup_failed",
    }
}

/// The tool call a hook deferred ([`ResultMessage::deferred_tool_use`]): what the model asked
/// for and was not run.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DeferredToolUse {
    /// The tool call's id.
    #[serde(default, deserialize_with = "nullable")]
    pub id: String,
    /// The tool's name.
    #[serde(default, deserialize_with = "nullable")]
    pub name: String,
    /// The input the tool would have received.
    #[serde(default)]
    pub input: Value,
}

/// A tool call denied during the turn (by a permission callback, a hook or a rule).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PermissionDenial {
    /// The tool's name.
    #[serde(default, deserialize_with = "nullable")]
    pub tool_name: String,
    /// The denied call's id.
    #[serde(default, deserialize_with = "nullable")]
    pub tool_use_id: String,
    /// The input the tool would have received.
    #[serde(default)]
    pub tool_input: Value,
}
