//! What a `PreToolUse` hook answering `permissionDecision: "defer"` does on the real CLI.
//!
//! Observed on CLI 2.1.197 and 2.1.330 alike (the expectations below hold for both; each assertion
//! names the version it ran against): the turn stops before the tool runs, the result reports
//! `terminal_reason: "tool_deferred"` and the call in `deferred_tool_use`, and resuming the
//! session decides the deferred call again (through the `PreToolUse` hooks, or, in most runs,
//! through the permission callback alone) and gives its result to the model in a turn of its own
//! before the new prompt.
//!
//! The hook answers with raw JSON through the raw callback layer ([`HookMatcher`]), so the test
//! shows the wire answer the CLI reacts to.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::sync::{Arc, Mutex};

use claude_agent::hooks::{HookContext, HookEvent, HookMatcher};
use claude_agent::permissions::{PermissionContext, PermissionRequest, PermissionResult};
use claude_agent::protocol::{ResultSubtype, SystemMessage, TerminalReason};
use claude_agent::testing::{Match, Reply, ScriptedModel};
use claude_agent::{Message, query};
use common::{Offline, within};
use futures::StreamExt;
use serde_json::{Value, json};

const TOOL_USE_ID: &str = "toolu_deferred_1";
const COMMAND: &str = "touch made_by_deferred_call.txt";

/// The first request asks for `Bash(touch …)`; every later one answers `done`.
fn touch_once() -> ScriptedModel {
    ScriptedModel::new()
        .on(
            Match::any().request_number(1),
            Reply::tool_use_with_id(
                TOOL_USE_ID,
                "Bash",
                json!({"command": COMMAND, "description": "Create a file"}),
            ),
        )
        .fallback(Reply::text("done"))
}

/// A raw `PreToolUse` hook on `Bash` that answers `decision` and records the inputs it saw.
fn raw_hook(decision: &'static str, seen: &Arc<Mutex<Vec<Value>>>) -> HookMatcher {
    let seen = seen.clone();
    HookMatcher::new(Some("Bash"), move |input: Value, _cx: HookContext| {
        seen.lock().unwrap().push(input);
        async move {
            Ok::<_, String>(json!({"hookSpecificOutput": {
                "hookEventName": "PreToolUse",
                "permissionDecision": decision
            }}))
        }
    })
}

/// Every message of a run (an error fails the test).
async fn collect(run: claude_agent::Query) -> Vec<Message> {
    within(run.collect::<Vec<_>>())
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect()
}

fn cli_version(messages: &[Message]) -> String {
    messages
        .iter()
        .find_map(|m| match m {
            Message::System(SystemMessage::Init(init)) => init.claude_code_version.clone(),
            _ => None,
        })
        .expect("system/init names the CLI version")
}

#[tokio::test]
async fn defer_stops_the_run_before_the_tool_and_reports_the_deferred_call() {
    let offline = Offline::start(touch_once()).await;
    let hook_inputs = Arc::new(Mutex::new(Vec::new()));
    let asked = Arc::new(Mutex::new(0_usize));
    let count = asked.clone();
    let options = offline
        .options()
        .hook(HookEvent::PreToolUse, raw_hook("defer", &hook_inputs))
        .can_use_tool(move |_req: PermissionRequest, _cx: PermissionContext| {
            *count.lock().unwrap() += 1;
            std::future::ready(PermissionResult::allow())
        })
        .build();
    let messages = collect(query("make a file", options)).await;
    let all: Vec<_> = messages.iter().filter_map(Message::as_result).collect();
    let version = cli_version(&messages);

    assert_eq!(hook_inputs.lock().unwrap().len(), 1, "{version}");
    assert_eq!(
        *asked.lock().unwrap(),
        0,
        "{version}: defer does not fall through to the permission callback"
    );
    assert!(
        !offline.env.cwd().join("made_by_deferred_call.txt").exists(),
        "{version}: the deferred call did not run"
    );
    assert_eq!(
        offline.server.message_requests().len(),
        1,
        "{version}: no tool result went back to the model"
    );
    assert!(
        !messages.iter().any(|m| matches!(m, Message::User(_))),
        "{version}: no tool_result message: {messages:?}"
    );

    assert_eq!(all.len(), 1, "{version}: one result ends the run");
    let result = all[0];
    assert_eq!(result.subtype, ResultSubtype::Success, "{version}");
    assert!(
        !result.is_error && result.is_success(),
        "{version}: {result:?}"
    );
    assert_eq!(result.result.as_deref(), Some(""), "{version}");
    assert_eq!(
        result.stop_reason.as_deref(),
        Some("tool_deferred"),
        "{version}"
    );
    assert_eq!(
        result.terminal_reason,
        Some(TerminalReason::ToolDeferred),
        "{version}"
    );
    assert_eq!(result.num_turns, 1, "{version}");
    assert!(result.permission_denials.is_empty(), "{version}");
    let deferred = result
        .deferred_tool_use
        .as_ref()
        .unwrap_or_else(|| panic!("{version}: deferred_tool_use is set: {result:?}"));
    assert_eq!(deferred.id, TOOL_USE_ID, "{version}");
    assert_eq!(deferred.name, "Bash", "{version}");
    assert_eq!(deferred.input["command"], COMMAND, "{version}");
}

#[tokio::test]
async fn resuming_decides_the_deferred_call_again_then_runs_the_new_prompt() {
    let offline = Offline::start(touch_once()).await;
    let first_inputs = Arc::new(Mutex::new(Vec::new()));
    let options = offline
        .options()
        .hook(HookEvent::PreToolUse, raw_hook("defer", &first_inputs))
        .build();
    let deferred = within(query("make a file", options).result())
        .await
        .unwrap();
    assert_eq!(deferred.terminal_reason, Some(TerminalReason::ToolDeferred));

    let resumed_inputs = Arc::new(Mutex::new(Vec::new()));
    let asked = Arc::new(Mutex::new(Vec::new()));
    let record = asked.clone();
    let options = offline
        .options()
        .hook(HookEvent::PreToolUse, raw_hook("allow", &resumed_inputs))
        .can_use_tool(move |req: PermissionRequest, _cx: PermissionContext| {
            record.lock().unwrap().push(req.tool_use_id.clone());
            std::future::ready(PermissionResult::allow())
        })
        .resume(deferred.session_id.clone())
        .build();
    let messages = collect(query("carry on", options)).await;
    let all: Vec<_> = messages.iter().filter_map(Message::as_result).collect();
    let version = cli_version(&messages);

    // The deferred call is decided once more, by the `PreToolUse` hooks or (in most runs on
    // both versions) by the permission callback alone, with the hooks skipped.
    let resumed_inputs = resumed_inputs.lock().unwrap().clone();
    let asked = asked.lock().unwrap().clone();
    let decided_by: Vec<String> = resumed_inputs
        .iter()
        .map(|input| format!("hook:{}", input["tool_use_id"].as_str().unwrap_or("")))
        .chain(
            asked
                .iter()
                .map(|id| format!("can_use_tool:{}", id.as_deref().unwrap_or(""))),
        )
        .collect();
    assert!(
        decided_by == [format!("hook:{TOOL_USE_ID}")]
            || decided_by == [format!("can_use_tool:{TOOL_USE_ID}")],
        "{version}: decided exactly once: {decided_by:?}"
    );
    if let Some(input) = resumed_inputs.first() {
        assert_eq!(input["tool_input"]["command"], COMMAND, "{version}");
    }
    assert!(
        offline.env.cwd().join("made_by_deferred_call.txt").exists(),
        "{version}: the allowed deferred call ran"
    );

    // The tool result goes to the model in a turn of its own, before the new prompt.
    let requests = offline.server.message_requests();
    assert_eq!(requests.len(), 3, "{version}");
    let tool_results = requests[1].tool_results();
    assert_eq!(tool_results.len(), 1, "{version}: {tool_results:?}");
    assert_eq!(tool_results[0].tool_use_id, TOOL_USE_ID, "{version}");
    assert!(!tool_results[0].is_error, "{version}: {tool_results:?}");
    assert!(
        !requests[1].last_user_text().contains("carry on"),
        "{version}"
    );
    assert!(
        requests[2].last_user_text().contains("carry on"),
        "{version}"
    );

    assert_eq!(all.len(), 2, "{version}: one result per turn: {all:?}");
    for result in &all {
        assert!(result.is_success(), "{version}: {result:?}");
        assert_eq!(
            result.terminal_reason,
            Some(TerminalReason::Completed),
            "{version}"
        );
        assert_eq!(result.deferred_tool_use, None, "{version}");
        assert_eq!(result.session_id, deferred.session_id, "{version}");
    }
}
