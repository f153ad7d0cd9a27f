//! `#[hook]`: the function stays callable, the handle implements `Hook`, and the hook is
//! registered for `hooks::registered_hooks()`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use claude_agent::builtin::BashInput;
use claude_agent::hooks::{
    self, FailurePolicy, Hook, HookContext, HookEvent, HookInput, HookOutput, PostToolUse,
    PreToolUse, Stop, UserPromptSubmit, hook,
};
use serde_json::{Value, json};

/// Refuses destructive commands.
#[hook(PreToolUse, matcher = "Bash", timeout = 5)]
async fn guard(input: PreToolUse<BashInput>) -> HookOutput {
    if input.tool_input.command.contains("rm -rf") {
        HookOutput::deny("destructive")
    } else {
        HookOutput::proceed()
    }
}

#[hook(UserPromptSubmit, name = "prompt-audit", on_failure = "error")]
async fn audit(input: UserPromptSubmit) -> Result<HookOutput, String> {
    if input.prompt.is_empty() {
        return Err("empty prompt".into());
    }
    Ok(HookOutput::default().with_additional_context("audited"))
}

#[hook(Stop, crate = ::claude_agent)]
async fn on_stop(_input: Stop) -> HookOutput {
    HookOutput::proceed()
}

#[hook(PostToolUse)]
async fn any_tool(input: PostToolUse) -> HookOutput {
    HookOutput::default().with_additional_context(format!("{} ran", input.tool_name))
}

#[hook(Notification, matcher = "mcp__.*")]
async fn raw_notification(input: Value) -> HookOutput {
    let _ = input;
    HookOutput::proceed()
}

#[hook(PreToolUse, matcher = "Task")]
async fn agent_alias(input: PreToolUse<claude_agent::builtin::AgentInput>) -> HookOutput {
    let _ = input.tool_input.prompt;
    HookOutput::proceed()
}

#[hook(SessionEnd)]
async fn any_input(input: HookInput) -> HookOutput {
    let _ = input.event();
    HookOutput::proceed()
}

/// A hand-written input type for an MCP tool: no `ToolInput` impl, so no tool check applies.
#[derive(serde::Deserialize)]
struct CalcArgs {
    a: f64,
    b: f64,
}

#[hook(PreToolUse, matcher = "mcp__calc__add")]
async fn calc_limit(input: PreToolUse<CalcArgs>) -> HookOutput {
    if input.tool_input.a + input.tool_input.b > 100.0 {
        HookOutput::deny("too big")
    } else {
        HookOutput::allow()
    }
}

fn pre_tool_use(command: &str) -> Value {
    json!({"session_id": "s", "transcript_path": "/t", "cwd": "/p", "hook_event_name": "PreToolUse",
           "tool_name": "Bash", "tool_input": {"command": command}, "tool_use_id": "toolu_1"})
}

#[tokio::test]
async fn hook_function_is_still_directly_callable() {
    let input: PreToolUse<BashInput> = serde_json::from_value(pre_tool_use("rm -rf /")).unwrap();
    let out = guard(input).await;
    assert_eq!(out, HookOutput::deny("destructive"));
}

#[test]
fn handle_carries_the_attribute_settings() {
    assert_eq!(GuardHook::NAME, "guard");
    assert_eq!(GuardHook::MATCHER, Some("Bash"));
    assert_eq!(GuardHook::TIMEOUT, Some(Duration::from_secs(5)));
    assert_eq!(GuardHook::ON_FAILURE, None);
    assert_eq!(AuditHook::NAME, "prompt-audit");
    assert_eq!(AuditHook::ON_FAILURE, Some(FailurePolicy::Error));
}

#[test]
fn hooks_are_registered_sorted_with_their_location() {
    let registered = hooks::registered_hooks();
    let names: Vec<&str> = registered.iter().map(|d| d.name).collect();
    for expected in [
        "guard",
        "prompt-audit",
        "on_stop",
        "any_tool",
        "raw_notification",
        "agent_alias",
        "any_input",
        "calc_limit",
    ] {
        assert!(
            names.contains(&expected),
            "{expected} missing from {names:?}"
        );
    }
    let guard = registered.iter().find(|d| d.name == "guard").unwrap();
    assert_eq!(guard.event, HookEvent::PreToolUse);
    assert_eq!(guard.matcher, Some("Bash"));
    assert!(
        guard.defined_at.0.ends_with("hooks_macro.rs"),
        "{:?}",
        guard.defined_at
    );
    let events: Vec<&HookEvent> = registered.iter().map(|d| &d.event).collect();
    let mut sorted = events.clone();
    sorted.sort();
    assert_eq!(events, sorted);
}

#[tokio::test]
async fn registered_hooks_run_through_the_adapter() {
    let map = hooks::registered_matchers().unwrap();
    let matchers = &map[&HookEvent::PreToolUse];
    let bash = matchers
        .iter()
        .find(|m| m.matcher.as_deref() == Some("Bash"))
        .unwrap();
    assert_eq!(bash.timeout, Some(Duration::from_secs(5)));
    let wire = bash.callbacks[0]
        .call(pre_tool_use("rm -rf /tmp/x"), HookContext::new(None))
        .await
        .unwrap();
    assert_eq!(
        wire,
        json!({"hookSpecificOutput": {"hookEventName": "PreToolUse", "permissionDecision": "deny",
               "permissionDecisionReason": "destructive"}})
    );
}

#[tokio::test]
async fn an_err_from_a_hook_follows_its_policy() {
    let matcher = (hooks::registered_hooks()
        .into_iter()
        .find(|d| d.name == "prompt-audit")
        .unwrap()
        .make)();
    let input = json!({"session_id": "s", "transcript_path": "/t", "cwd": "/p",
                       "hook_event_name": "UserPromptSubmit", "prompt": ""});
    let err = matcher.callbacks[0]
        .call(input, HookContext::new(None))
        .await
        .unwrap_err();
    assert_eq!(err, "hook `prompt-audit` failed: empty prompt");
}
