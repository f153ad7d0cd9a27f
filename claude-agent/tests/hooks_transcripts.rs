//! Every `hook_callback` and `can_use_tool` request recorded from real CLIs (2.1.197 and 2.1.330,
//! see `fixtures/hooks/`) parses into the typed inputs, and the answers the reference driver sent
//! are what our builders produce.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use claude_agent::builtin::{BashInput, BashOutput, BuiltinToolInput};
use claude_agent::hooks::{HookEvent, HookInput, HookOutput, PostToolUse, PreToolUse, Stop};
use claude_agent::permissions::{
    PermissionBehavior, PermissionRequest, PermissionResult, PermissionRuleValue, PermissionUpdate,
    PermissionUpdateDestination,
};
use serde_json::{Value, json};

fn records(file: &str) -> Vec<(String, Value)> {
    file.lines()
        .map(|line| {
            let record: Value = serde_json::from_str(line).unwrap();
            (
                record["scenario"].as_str().unwrap().to_owned(),
                record["request"].clone(),
            )
        })
        .collect()
}

fn hook_requests() -> Vec<(String, Value)> {
    records(include_str!("fixtures/hooks/hook_callback_requests.jsonl"))
}

#[test]
fn every_recorded_hook_input_parses_into_its_typed_event() {
    let requests = hook_requests();
    assert!(
        requests.len() >= 20,
        "fixture too small: {}",
        requests.len()
    );
    for (scenario, request) in requests {
        let raw = request["input"].clone();
        let input = HookInput::from_value(raw.clone());
        let base = input
            .base()
            .unwrap_or_else(|| panic!("{scenario}: not typed: {raw}"));
        assert_eq!(base.session_id, raw["session_id"], "{scenario}");
        assert_eq!(base.cwd, raw["cwd"], "{scenario}");
        assert_eq!(base.transcript_path, raw["transcript_path"], "{scenario}");
        assert_eq!(
            base.permission_mode.as_deref(),
            Some("default"),
            "{scenario}"
        );
        assert!(base.prompt_id.is_some(), "{scenario}");
        match &input {
            HookInput::PreToolUse(pre) => {
                assert_eq!(pre.tool_use_id, raw["tool_use_id"], "{scenario}");
                assert_eq!(pre.tool_use_id, request["tool_use_id"], "{scenario}");
                assert_eq!(
                    base.effort.as_ref().map(|e| !e.level.is_empty()),
                    Some(true)
                );
                match pre.builtin_input() {
                    BuiltinToolInput::Bash(bash) => {
                        assert_eq!(bash.command, raw["tool_input"]["command"], "{scenario}")
                    }
                    BuiltinToolInput::Other { name, input } => {
                        assert!(name.starts_with("mcp__"), "{scenario}: {name}");
                        assert_eq!(input, raw["tool_input"]);
                    }
                    other => panic!("{scenario}: unexpected tool {other:?}"),
                }
            }
            HookInput::PostToolUse(post) => assert!(post.duration_ms.is_some(), "{scenario}"),
            HookInput::UserPromptSubmit(submit) => assert_eq!(submit.prompt, raw["prompt"]),
            HookInput::Stop(stop) => {
                assert!(!stop.stop_hook_active);
                assert!(stop.last_assistant_message.is_some(), "{scenario}");
            }
            other => panic!("{scenario}: unexpected event {:?}", other.event()),
        }
        // Nothing known is lost on the way back.
        let back = input.to_value();
        for key in [
            "session_id",
            "hook_event_name",
            "tool_name",
            "tool_input",
            "prompt",
        ] {
            assert_eq!(back.get(key), raw.get(key), "{scenario}: {key}");
        }
    }
}

#[test]
fn recorded_tool_inputs_decode_into_the_builtin_types() {
    for (scenario, request) in hook_requests() {
        let raw = &request["input"];
        match raw["hook_event_name"].as_str() {
            Some("PreToolUse") if raw["tool_name"] == "Bash" => {
                let typed: PreToolUse<BashInput> = serde_json::from_value(raw.clone()).unwrap();
                assert!(!typed.tool_input.command.is_empty(), "{scenario}");
                assert_eq!(
                    typed.tool_input.description.as_deref(),
                    raw["tool_input"]["description"].as_str()
                );
            }
            Some("PreToolUse") => {
                let typed: PreToolUse = serde_json::from_value(raw.clone()).unwrap();
                let server = typed.mcp_server.as_ref();
                if scenario.contains("2.1.330") {
                    assert_eq!(server.map(|s| s.name.as_str()), Some("calc"), "{scenario}");
                }
            }
            Some("PostToolUse") => {
                let typed: PostToolUse<BashInput, BashOutput> =
                    serde_json::from_value(raw.clone()).unwrap();
                assert_eq!(typed.tool_response.stdout, "hi");
                assert_eq!(typed.tool_response.no_output_expected, Some(false));
            }
            Some("Stop") => {
                let typed: Stop = serde_json::from_value(raw.clone()).unwrap();
                assert!(typed.background_tasks.is_empty());
            }
            _ => {}
        }
    }
}

#[test]
fn every_recorded_permission_request_parses_with_typed_suggestions() {
    let requests = records(include_str!("fixtures/hooks/can_use_tool_requests.jsonl"));
    assert!(requests.len() >= 10);
    for (scenario, raw) in requests {
        let request: PermissionRequest = serde_json::from_value(raw.clone()).unwrap();
        assert_eq!(request.tool_name, raw["tool_name"], "{scenario}");
        assert_eq!(request.tool_use_id.as_deref(), Some("toolu_mock_01"));
        assert!(request.display_name.is_some(), "{scenario}");
        assert!(!request.suggestions.is_empty(), "{scenario}");
        assert!(
            request
                .suggestions
                .iter()
                .all(|s| !matches!(s, PermissionUpdate::Unknown(_))),
            "{scenario}: {:?}",
            request.suggestions
        );
        assert_eq!(
            serde_json::to_value(&request.suggestions).unwrap(),
            raw["permission_suggestions"],
            "{scenario}"
        );
        if request.tool_name == "Bash" {
            assert_eq!(
                request.typed::<BashInput>().unwrap().command,
                "touch made_by_tool.txt"
            );
            assert!(request.blocked_path.is_some());
        }
    }
}

#[test]
fn builders_reproduce_the_answers_the_reference_driver_sent() {
    // bash_hook_deny
    assert_eq!(
        HookOutput::deny("blocked by test hook").to_wire(&HookEvent::PreToolUse),
        json!({"hookSpecificOutput": {"hookEventName": "PreToolUse", "permissionDecision": "deny",
               "permissionDecisionReason": "blocked by test hook"}})
    );
    // bash_hook_allow
    let mut allow = HookOutput::allow().with_updated_input(
        json!({"command": "echo edited-by-hook", "description": "Create a file"}),
    );
    allow.specific_mut().permission_decision_reason = Some("allowed by test hook".into());
    assert_eq!(
        allow.to_wire(&HookEvent::PreToolUse),
        json!({"hookSpecificOutput": {"hookEventName": "PreToolUse", "permissionDecision": "allow",
               "permissionDecisionReason": "allowed by test hook",
               "updatedInput": {"command": "echo edited-by-hook", "description": "Create a file"}}})
    );
    // hooks_many
    assert_eq!(
        HookOutput::proceed()
            .with_additional_context("post hook context")
            .to_wire(&HookEvent::PostToolUse),
        json!({"continue": true, "hookSpecificOutput": {"hookEventName": "PostToolUse",
               "additionalContext": "post hook context"}})
    );
    // bash_allow_always (the driver did not echo toolUseID; we do, as the TS SDK does)
    let request: PermissionRequest = serde_json::from_value(json!({
        "tool_name": "Bash", "input": {"command": "touch made_by_tool.txt", "description": "Create a file"},
        "tool_use_id": "toolu_mock_01"
    }))
    .unwrap();
    let always = PermissionResult::allow().with_updated_permissions([PermissionUpdate::add_rules(
        [PermissionRuleValue::new("Bash", "touch made_by_tool.txt")],
        PermissionBehavior::Allow,
        PermissionUpdateDestination::Session,
    )]);
    assert_eq!(
        always.to_wire(&request),
        json!({"behavior": "allow",
               "updatedInput": {"command": "touch made_by_tool.txt", "description": "Create a file"},
               "updatedPermissions": [{"type": "addRules", "rules": [{"toolName": "Bash", "ruleContent": "touch made_by_tool.txt"}],
                                       "behavior": "allow", "destination": "session"}],
               "toolUseID": "toolu_mock_01"})
    );
}
