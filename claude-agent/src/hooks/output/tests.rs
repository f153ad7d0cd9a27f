use super::*;
use crate::permissions::{PermissionRuleValue, PermissionUpdateDestination};
use serde_json::json;

fn wire(out: &HookOutput, event: HookEvent) -> Value {
    out.to_wire(&event)
}

#[test]
fn default_output_is_an_empty_object() {
    assert_eq!(wire(&HookOutput::default(), HookEvent::Stop), json!({}));
}

#[test]
fn pre_tool_use_decisions_use_the_wire_names() {
    assert_eq!(
        wire(&HookOutput::allow(), HookEvent::PreToolUse),
        json!({"hookSpecificOutput": {"hookEventName": "PreToolUse", "permissionDecision": "allow"}})
    );
    assert_eq!(
        wire(
            &HookOutput::deny("blocked by test hook"),
            HookEvent::PreToolUse
        ),
        json!({"hookSpecificOutput": {"hookEventName": "PreToolUse", "permissionDecision": "deny",
               "permissionDecisionReason": "blocked by test hook"}})
    );
    assert_eq!(
        wire(&HookOutput::ask("sure?"), HookEvent::PreToolUse)["hookSpecificOutput"]["permissionDecision"],
        "ask"
    );
    assert_eq!(
        wire(&HookOutput::defer(), HookEvent::PreToolUse),
        json!({"hookSpecificOutput": {"hookEventName": "PreToolUse", "permissionDecision": "defer"}})
    );
}

#[test]
fn allow_with_updated_input_matches_the_hook_allow_transcript() {
    let out = HookOutput::allow().with_updated_input(json!({"command": "echo edited-by-hook"}));
    assert_eq!(
        wire(&out, HookEvent::PreToolUse),
        json!({"hookSpecificOutput": {"hookEventName": "PreToolUse", "permissionDecision": "allow",
               "updatedInput": {"command": "echo edited-by-hook"}}})
    );
}

#[test]
fn top_level_fields_use_the_wire_names() {
    let out = HookOutput::stop("done")
        .suppress_output()
        .with_system_message("hello user");
    assert_eq!(
        wire(&out, HookEvent::Stop),
        json!({"continue": false, "stopReason": "done", "suppressOutput": true, "systemMessage": "hello user"})
    );
    assert_eq!(
        wire(&HookOutput::block("not yet"), HookEvent::Stop),
        json!({"decision": "block", "reason": "not yet"})
    );
    assert_eq!(
        wire(&HookOutput::proceed(), HookEvent::Stop),
        json!({"continue": true})
    );
    assert_eq!(
        wire(
            &HookOutput::async_(Duration::from_millis(1500)),
            HookEvent::Stop
        ),
        json!({"async": true, "asyncTimeout": 1500})
    );
}

#[test]
fn hook_event_name_always_matches_the_registered_event() {
    let mut out = HookOutput::default().with_additional_context("ctx");
    out.specific_mut().hook_event_name = Some("Stop".into());
    assert_eq!(
        wire(&out, HookEvent::UserPromptSubmit),
        json!({"hookSpecificOutput": {"hookEventName": "UserPromptSubmit", "additionalContext": "ctx"}})
    );
}

#[test]
fn post_tool_use_outputs_use_the_wire_names() {
    let out = HookOutput::default()
        .with_additional_context("checked")
        .with_updated_tool_output(json!({"stdout": "redacted"}))
        .with_updated_mcp_tool_output(json!([{"type": "text", "text": "x"}]));
    assert_eq!(
        wire(&out, HookEvent::PostToolUse),
        json!({"hookSpecificOutput": {"hookEventName": "PostToolUse", "additionalContext": "checked",
               "updatedToolOutput": {"stdout": "redacted"},
               "updatedMCPToolOutput": [{"type": "text", "text": "x"}]}})
    );
}

#[test]
fn session_start_fields_use_the_wire_names() {
    let mut out = HookOutput::default().with_additional_context("repo facts");
    let specific = out.specific_mut();
    specific.session_title = Some("T".into());
    specific.initial_user_message = Some("hi".into());
    specific.watch_paths = Some(vec!["/a".into()]);
    specific.reload_skills = Some(true);
    assert_eq!(
        wire(&out, HookEvent::SessionStart),
        json!({"hookSpecificOutput": {"hookEventName": "SessionStart", "additionalContext": "repo facts",
               "sessionTitle": "T", "initialUserMessage": "hi", "watchPaths": ["/a"], "reloadSkills": true}})
    );
}

#[test]
fn permission_request_decisions_become_the_dialog_answer() {
    assert_eq!(
        wire(&HookOutput::allow(), HookEvent::PermissionRequest),
        json!({"hookSpecificOutput": {"hookEventName": "PermissionRequest", "decision": {"behavior": "allow"}}})
    );
    assert_eq!(
        wire(&HookOutput::deny("nope"), HookEvent::PermissionRequest),
        json!({"hookSpecificOutput": {"hookEventName": "PermissionRequest",
               "decision": {"behavior": "deny", "message": "nope"}}})
    );
    let always = HookOutput::allow()
        .with_updated_input(json!({"command": "ls"}))
        .with_updated_permissions([PermissionUpdate::add_rules(
            [PermissionRuleValue::tool("Bash")],
            crate::permissions::PermissionBehavior::Allow,
            PermissionUpdateDestination::Session,
        )]);
    assert_eq!(
        wire(&always, HookEvent::PermissionRequest),
        json!({"hookSpecificOutput": {"hookEventName": "PermissionRequest", "decision": {
            "behavior": "allow", "updatedInput": {"command": "ls"},
            "updatedPermissions": [{"type": "addRules", "rules": [{"toolName": "Bash"}], "behavior": "allow", "destination": "session"}]
        }}})
    );
    // `ask`/`defer` have no dialog answer: the dialog (or can_use_tool) proceeds as usual.
    assert_eq!(
        wire(&HookOutput::defer(), HookEvent::PermissionRequest),
        json!({"hookSpecificOutput": {"hookEventName": "PermissionRequest"}})
    );
}

#[test]
fn outputs_parse_back_including_unknown_fields() {
    let raw = json!({"continue": true, "futureTop": 1,
                     "hookSpecificOutput": {"hookEventName": "PreToolUse", "permissionDecision": "allow", "futureField": 2}});
    let out: HookOutput = serde_json::from_value(raw.clone()).unwrap();
    assert_eq!(out.continue_, Some(true));
    assert_eq!(
        out.hook_specific_output
            .as_ref()
            .unwrap()
            .permission_decision,
        Some(PermissionDecision::Allow)
    );
    assert_eq!(wire(&out, HookEvent::PreToolUse), raw);
}
