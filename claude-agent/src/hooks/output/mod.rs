//! [`HookOutput`]: a hook's answer, serialised with the CLI's exact field names.

mod specific;

use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::HookEvent;
use crate::permissions::{PermissionResult, PermissionUpdate};

pub use specific::{
    HookDecision, HookSpecificOutput, PermissionDecision, PermissionRequestDecision,
};

/// A hook's answer (the CLI's "hook JSON output").
///
/// Build it with the constructors and chain the `with_*` methods; the event-specific part goes to
/// `hookSpecificOutput`, whose `hookEventName` is filled in by [`HookOutput::to_wire`] (the typed
/// hook adapter does this for you).
///
/// # Examples
///
/// ```
/// use claude_agent::hooks::{HookEvent, HookOutput};
/// use serde_json::json;
///
/// let out = HookOutput::deny("no rm -rf").with_system_message("blocked a command");
/// assert_eq!(out.to_wire(&HookEvent::PreToolUse), json!({
///     "systemMessage": "blocked a command",
///     "hookSpecificOutput": {
///         "hookEventName": "PreToolUse",
///         "permissionDecision": "deny",
///         "permissionDecisionReason": "no rm -rf"
///     }
/// }));
/// assert_eq!(HookOutput::proceed().to_wire(&HookEvent::Stop), json!({"continue": true}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct HookOutput {
    /// `false` stops Claude entirely after the hook (`stopReason` says why).
    #[serde(rename = "continue", skip_serializing_if = "Option::is_none")]
    pub continue_: Option<bool>,
    /// Hide the hook's output from the transcript.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppress_output: Option<bool>,
    /// Shown to the user when `continue` is `false`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stop_reason: Option<String>,
    /// `block` refuses what the event is about (see [`HookOutput::block`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<HookDecision>,
    /// A message shown to the user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system_message: Option<String>,
    /// Why the decision was made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The event-specific part.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hook_specific_output: Option<HookSpecificOutput>,
    /// Run asynchronously: the CLI does not wait for the hook.
    #[serde(rename = "async", skip_serializing_if = "Option::is_none")]
    pub async_: Option<bool>,
    /// With `async`: how long the CLI lets the hook run, in milliseconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub async_timeout: Option<u64>,
    /// Fields this SDK version does not name, sent verbatim.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl HookOutput {
    /// `{"continue": true}`: no decision, carry on.
    pub fn proceed() -> Self {
        HookOutput {
            continue_: Some(true),
            ..HookOutput::default()
        }
    }

    /// `PreToolUse`: run the tool without asking (`PermissionRequest`: allow it).
    pub fn allow() -> Self {
        Self::decide(PermissionDecision::Allow, None)
    }

    /// `PreToolUse`: refuse the tool; `reason` goes to the model (`PermissionRequest`: deny it).
    pub fn deny(reason: impl Into<String>) -> Self {
        Self::decide(PermissionDecision::Deny, Some(reason.into()))
    }

    /// `PreToolUse`: ask the user (or the permission callback); `reason` is shown to them.
    pub fn ask(reason: impl Into<String>) -> Self {
        Self::decide(PermissionDecision::Ask, Some(reason.into()))
    }

    /// `PreToolUse`: stop the run here and hand the call to the application (observed on CLI
    /// 2.1.197 and 2.1.330): the tool does not run, the turn ends with a `success` result whose
    /// [`terminal_reason`](crate::protocol::ResultMessage::terminal_reason) is `tool_deferred`
    /// and whose [`deferred_tool_use`](crate::protocol::ResultMessage::deferred_tool_use) names
    /// the call. Resuming the session decides that call once more (usually through the
    /// permission callback rather than the hooks).
    pub fn defer() -> Self {
        Self::decide(PermissionDecision::Defer, None)
    }

    fn decide(decision: PermissionDecision, reason: Option<String>) -> Self {
        let mut out = HookOutput::default();
        let specific = out.specific_mut();
        specific.permission_decision = Some(decision);
        specific.permission_decision_reason = reason;
        out
    }

    /// `PermissionRequest`: answer the permission dialog with a [`PermissionResult`].
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::hooks::{HookEvent, HookOutput};
    /// use claude_agent::permissions::PermissionResult;
    ///
    /// let out = HookOutput::permission(PermissionResult::deny_and_interrupt("no"));
    /// assert_eq!(out.to_wire(&HookEvent::PermissionRequest)["hookSpecificOutput"]["decision"],
    ///            serde_json::json!({"behavior": "deny", "message": "no", "interrupt": true}));
    /// ```
    pub fn permission(result: PermissionResult) -> Self {
        let mut out = HookOutput::default();
        out.specific_mut().decision = Some(result.into());
        out
    }

    /// `{"continue": false, "stopReason": reason}`: stop Claude after this hook.
    pub fn stop(reason: impl Into<String>) -> Self {
        HookOutput {
            continue_: Some(false),
            stop_reason: Some(reason.into()),
            ..HookOutput::default()
        }
    }

    /// `{"decision": "block", "reason": reason}`: refuse the prompt (`UserPromptSubmit`), keep
    /// the agent going (`Stop`, `SubagentStop`; `reason` tells it what to do), or flag a tool
    /// result to the model (`PostToolUse`).
    pub fn block(reason: impl Into<String>) -> Self {
        HookOutput {
            decision: Some(HookDecision::Block),
            reason: Some(reason.into()),
            ..HookOutput::default()
        }
    }

    /// `{"async": true, "asyncTimeout": ms}`: the CLI does not wait for this hook.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::time::Duration;
    /// use claude_agent::hooks::{HookEvent, HookOutput};
    ///
    /// let out = HookOutput::async_(Duration::from_secs(30));
    /// assert_eq!(out.to_wire(&HookEvent::PostToolUse), serde_json::json!({"async": true, "asyncTimeout": 30000}));
    /// ```
    pub fn async_(timeout: Duration) -> Self {
        HookOutput {
            async_: Some(true),
            async_timeout: Some(u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX)),
            ..HookOutput::default()
        }
    }

    /// Hides the hook's output from the transcript.
    pub fn suppress_output(mut self) -> Self {
        self.suppress_output = Some(true);
        self
    }

    /// Adds a message shown to the user.
    pub fn with_system_message(mut self, message: impl Into<String>) -> Self {
        self.system_message = Some(message.into());
        self
    }

    /// Adds context for the model (`PreToolUse`, `PostToolUse`, `UserPromptSubmit`,
    /// `SessionStart`, `Stop`, ...).
    pub fn with_additional_context(mut self, context: impl Into<String>) -> Self {
        self.specific_mut().additional_context = Some(context.into());
        self
    }

    /// `PreToolUse` / `PermissionRequest`: replace the tool's input.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::hooks::{HookEvent, HookOutput};
    /// use serde_json::json;
    ///
    /// let out = HookOutput::allow().with_updated_input(json!({"command": "echo edited-by-hook"}));
    /// assert_eq!(out.to_wire(&HookEvent::PreToolUse)["hookSpecificOutput"]["updatedInput"]["command"], "echo edited-by-hook");
    /// assert_eq!(out.to_wire(&HookEvent::PermissionRequest)["hookSpecificOutput"],
    ///            json!({"hookEventName": "PermissionRequest",
    ///                   "decision": {"behavior": "allow", "updatedInput": {"command": "echo edited-by-hook"}}}));
    /// ```
    pub fn with_updated_input(mut self, input: Value) -> Self {
        self.specific_mut().updated_input = Some(input);
        self
    }

    /// `PermissionRequest`: permission updates to apply with an allow.
    pub fn with_updated_permissions(
        mut self,
        updates: impl IntoIterator<Item = PermissionUpdate>,
    ) -> Self {
        let specific = self.specific_mut();
        let updates: Vec<_> = updates.into_iter().collect();
        match &mut specific.decision {
            Some(PermissionRequestDecision::Allow {
                updated_permissions,
                ..
            }) => updated_permissions
                .get_or_insert_with(Vec::new)
                .extend(updates),
            _ => {
                specific.decision = Some(PermissionRequestDecision::Allow {
                    updated_input: None,
                    updated_permissions: Some(updates),
                })
            }
        }
        self
    }

    /// `PostToolUse`: replace the tool's output before the model sees it.
    pub fn with_updated_tool_output(mut self, output: Value) -> Self {
        self.specific_mut().updated_tool_output = Some(output);
        self
    }

    /// `PostToolUse`: replace an MCP tool's output (older CLIs only know this one).
    pub fn with_updated_mcp_tool_output(mut self, output: Value) -> Self {
        self.specific_mut().updated_mcp_tool_output = Some(output);
        self
    }

    /// The event-specific part, created empty if absent, for fields without a builder.
    pub fn specific_mut(&mut self) -> &mut HookSpecificOutput {
        self.hook_specific_output
            .get_or_insert_with(HookSpecificOutput::default)
    }

    /// The wire JSON for a hook registered on `event`: `hookEventName` is set to the event
    /// (the CLI rejects a mismatch), and for `PermissionRequest` an allow/deny decision and
    /// `updatedInput` are moved into the dialog answer (`decision`).
    pub fn to_wire(&self, event: &HookEvent) -> Value {
        let mut out = self.clone();
        if let Some(specific) = &mut out.hook_specific_output {
            specific.hook_event_name = Some(event.as_str().to_owned());
            if *event == HookEvent::PermissionRequest {
                to_dialog_answer(specific);
            }
        }
        serde_json::to_value(&out).unwrap_or_else(|_| Value::Object(Map::new()))
    }
}

/// Moves `permissionDecision`/`updatedInput` into a `PermissionRequest` `decision`.
fn to_dialog_answer(specific: &mut HookSpecificOutput) {
    let decision = specific.permission_decision.take();
    let reason = specific.permission_decision_reason.take();
    let input = specific.updated_input.take();
    match (&mut specific.decision, decision) {
        (None, Some(PermissionDecision::Allow)) => {
            specific.decision = Some(PermissionRequestDecision::Allow {
                updated_input: input,
                updated_permissions: None,
            })
        }
        (None, Some(PermissionDecision::Deny)) => {
            specific.decision = Some(PermissionRequestDecision::Deny {
                message: reason,
                interrupt: None,
            })
        }
        (None, None) if input.is_some() => {
            specific.decision = Some(PermissionRequestDecision::Allow {
                updated_input: input,
                updated_permissions: None,
            })
        }
        (
            Some(PermissionRequestDecision::Allow {
                updated_input: updated_input @ None,
                ..
            }),
            _,
        ) => *updated_input = input,
        _ => {}
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;
