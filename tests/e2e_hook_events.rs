//! Which hook events the real CLI fires for an SDK session: a recording hook on every
//! [`HookEvent`], and a session with a prompt, a permission prompt, parallel Bash calls (one
//! failing), a foreground subagent, a manual compaction and a close.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use claude_agent::hooks::{
    CompactTrigger, HookContext, HookEvent, HookInput, HookMatcher, SessionStartSource,
};
use claude_agent::options::{AgentDefinition, SettingSource};
use claude_agent::permissions::{PermissionContext, PermissionRequest, PermissionResult};
use claude_agent::testing::{Block, Match, Reply, ScriptedModel};
use claude_agent::{Client, Message};
use common::{Offline, within};
use futures::StreamExt;
use serde_json::{Value, json};

const SUBAGENT_PROMPT: &str = "You are the probe subagent.";

fn model() -> ScriptedModel {
    ScriptedModel::new()
        .on(
            Match::any().system_contains(SUBAGENT_PROMPT),
            Reply::text("subagent done"),
        )
        .on(
            Match::any().user_text_contains("probe everything"),
            Reply::message([
                Block::tool_use(
                    "Bash",
                    json!({"command": "touch probe.txt", "description": "Create a file"}),
                ),
                Block::tool_use(
                    "Bash",
                    json!({"command": "touch denied.txt", "description": "Create a file"}),
                ),
                Block::tool_use(
                    "Bash",
                    json!({"command": "ls /no-such-dir-for-the-probe", "description": "List"}),
                ),
                Block::tool_use(
                    "Bash",
                    json!({"command": "cd probe-sub", "description": "Change directory"}),
                ),
            ]),
        )
        .on(
            Match::any().tool_result_for_tool("Bash"),
            Reply::tool_use(
                "Agent",
                json!({"description": "Probe", "prompt": "Say done", "subagent_type": "probe",
                       "run_in_background": false}),
            ),
        )
        .on(
            Match::any().tool_result_for_tool("Agent"),
            Reply::text("probe finished"),
        )
        .on(
            Match::any().user_text_contains("make it fail"),
            Reply::invalid_request("scripted failure"),
        )
        .fallback(Reply::text("Summary of the conversation so far."))
}

/// Reads the current turn to its result.
async fn turn(client: &Client) -> Vec<Message> {
    let mut messages = Vec::new();
    let mut stream = client.receive_response();
    while let Some(message) = within(stream.next()).await {
        messages.push(message.unwrap());
    }
    messages
}

#[tokio::test]
async fn the_cli_fires_the_core_hook_events_with_typed_inputs() {
    let offline = Offline::start(model()).await;
    let cwd = offline.env.cwd();
    std::fs::create_dir(cwd.join("probe-sub")).unwrap();
    std::fs::write(cwd.join("CLAUDE.md"), "Probe instructions.\n").unwrap();
    std::fs::create_dir_all(cwd.join(".claude/commands")).unwrap();
    std::fs::write(
        cwd.join(".claude/commands/probe-cmd.md"),
        "Say the probe word.\n",
    )
    .unwrap();
    let fired: Arc<Mutex<Vec<Value>>> = Arc::default();
    let mut options = offline
        .options()
        .no_registered()
        .agent_definition(
            "probe",
            AgentDefinition::new("Probes hooks", SUBAGENT_PROMPT).tools(["Read"]),
        )
        .setting_sources([SettingSource::Project])
        .can_use_tool(
            |req: PermissionRequest, _cx: PermissionContext| async move {
                if req.input["command"] == "touch denied.txt" {
                    PermissionResult::deny("the probe denies this one")
                } else {
                    PermissionResult::allow()
                }
            },
        );
    for event in HookEvent::ALL {
        let record = fired.clone();
        options = options.hook(
            event.clone(),
            HookMatcher::new(None, move |input: Value, _cx: HookContext| {
                record.lock().unwrap().push(input);
                async { Ok::<_, String>(json!({})) }
            }),
        );
    }
    let client = within(Client::connect(options.build())).await.unwrap();
    let cli_reports_version = client.initialization_result().claude_code_version.is_some();
    client.send("probe everything").await.unwrap();
    let first = turn(&client).await;
    assert!(
        matches!(first.last(), Some(Message::Result(r)) if r.result.as_deref() == Some("probe finished")),
        "{first:?}"
    );
    within(client.set_model(Some("claude-haiku-4-5")))
        .await
        .unwrap();
    client.send("/probe-cmd").await.unwrap();
    turn(&client).await;
    client.send("/compact").await.unwrap();
    turn(&client).await;
    client.send("make it fail").await.unwrap();
    turn(&client).await;
    within(client.close()).await.unwrap();

    let fired = fired.lock().unwrap().clone();
    let names: BTreeSet<String> = fired
        .iter()
        .map(|i| i["hook_event_name"].as_str().unwrap_or("?").to_owned())
        .collect();
    let silent: Vec<&str> = HookEvent::ALL
        .iter()
        .map(HookEvent::as_str)
        .filter(|e| !names.contains(*e))
        .collect();
    println!("fired: {names:?}\nnot fired: {silent:?}");

    // Every input the CLI sent parses into its event's typed input.
    let typed: Vec<HookInput> = fired.iter().cloned().map(HookInput::from_value).collect();
    for (input, raw) in typed.iter().zip(&fired) {
        assert!(
            !matches!(input, HookInput::Unknown { .. }),
            "untyped input: {raw:#}"
        );
    }
    // Observed on CLI 2.1.330. `SessionStart` and `InstructionsLoaded` only fire after the
    // compaction: the session starts before `initialize` registers the hooks.
    for expected in [
        "UserPromptSubmit",
        "UserPromptExpansion",
        "PreToolUse",
        "PermissionRequest",
        "PostToolUse",
        "PostToolUseFailure",
        "PostToolBatch",
        "SubagentStart",
        "SubagentStop",
        "MessageDisplay",
        "Stop",
        "StopFailure",
        "PreCompact",
        "PostCompact",
        "SessionStart",
        "InstructionsLoaded",
    ] {
        assert!(
            names.contains(expected),
            "{expected} did not fire: {names:?}"
        );
    }
    // The model-switch events are newer than CLI 2.1.197 (which also does not report its version
    // in the initialize response); on newer CLIs they must fire for `set_model`.
    if cli_reports_version {
        for expected in ["PreModelSwitch", "PostModelSwitch"] {
            assert!(
                names.contains(expected),
                "{expected} did not fire: {names:?}"
            );
        }
    }
    let find = |event: HookEvent| typed.iter().filter(move |i| i.event() == event);
    assert!(find(HookEvent::SubagentStart).any(
        |i| matches!(i, HookInput::SubagentStart(s) if s.base.agent_type.as_deref() == Some("probe"))
    ));
    assert!(find(HookEvent::PostToolUseFailure).any(
        |i| matches!(i, HookInput::PostToolUseFailure(f) if f.tool_input["command"] == "ls /no-such-dir-for-the-probe")
    ));
    assert!(
        find(HookEvent::UserPromptExpansion).any(
            |i| matches!(i, HookInput::UserPromptExpansion(e) if e.command_name == "probe-cmd")
        )
    );
    assert!(find(HookEvent::SessionStart).any(
        |i| matches!(i, HookInput::SessionStart(s) if s.source == SessionStartSource::Compact)
    ));
    assert!(
        find(HookEvent::PreCompact)
            .any(|i| matches!(i, HookInput::PreCompact(c) if c.trigger == CompactTrigger::Manual))
    );
    assert!(
        find(HookEvent::StopFailure)
            .any(|i| matches!(i, HookInput::StopFailure(f) if !f.error.is_empty()))
    );
}
