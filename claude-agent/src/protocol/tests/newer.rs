//! The `system` subtypes and result fields newer CLIs added, decoded from lines shaped as the
//! TypeScript SDK's `sdk.d.ts` declares them (observed lines are in `fixtures.rs`).

use super::message;
use crate::protocol::{
    ControlProgressStatus, FastModeDisabledReason, FastModeState, LostWrite, MemoryRecallMode,
    MemoryScope, Message, PluginInstallStatus, RefusalDirection, RefusalScope, SystemMessage,
    TerminalReason, WriteErrorCode,
};

fn system(line: &str) -> SystemMessage {
    match message(line) {
        Message::System(system) => system,
        other => panic!("not a system message: {other:?}"),
    }
}

/// One minimal line per new subtype: each decodes typed, and keeps its subtype, ids and line.
#[test]
fn every_new_subtype_is_typed_and_keeps_subtype_ids_and_raw_json() {
    for subtype in [
        "background_tasks_changed",
        "thinking_tokens",
        "model_refusal_fallback",
        "model_refusal_no_fallback",
        "memory_recall",
        "elicitation_complete",
        "plugin_install",
        "control_request_progress",
        "worker_shutting_down",
        "session_writes_lost",
        "mirror_error",
    ] {
        let line = format!(
            r#"{{"type":"system","subtype":"{subtype}","uuid":"u-{subtype}","session_id":"s1"}}"#
        );
        let system = system(&line);
        assert!(
            !matches!(system, SystemMessage::Unknown(_)),
            "{subtype} fell back to Unknown"
        );
        assert_eq!(system.subtype(), subtype);
        assert_eq!(system.session_id(), Some("s1"));
        assert_eq!(system.uuid(), Some(format!("u-{subtype}").as_str()));
        assert_eq!(system.raw_json(), line);
    }
}

#[test]
fn a_new_subtype_whose_fields_changed_shape_falls_back_to_unknown() {
    for line in [
        r#"{"type":"system","subtype":"background_tasks_changed","tasks":"all of them"}"#,
        r#"{"type":"system","subtype":"thinking_tokens","estimated_tokens":"many"}"#,
        r#"{"type":"system","subtype":"memory_recall","memories":[{"path":7}]}"#,
        r#"{"type":"system","subtype":"mirror_error","key":"p/s"}"#,
    ] {
        let SystemMessage::Unknown(unknown) = system(line) else {
            panic!("typed despite a changed shape: {line}")
        };
        assert_eq!(unknown.raw_json(), line);
    }
}

#[test]
fn background_tasks_changed_lists_every_live_task() {
    let line = r#"{"type":"system","subtype":"background_tasks_changed","tasks":[
        {"task_id":"a1","run_id":"r1","task_type":"local_agent","subagent_type":"Explore",
         "description":"Look around","parent_task_id":"p0","ambient":true},
        {"task_id":"b2","task_type":"local_bash","description":"npm test"}],
        "uuid":"u","session_id":"s"}"#;
    let SystemMessage::BackgroundTasksChanged(changed) = system(line) else {
        panic!()
    };
    let [agent, bash] = &changed.tasks[..] else {
        panic!("{changed:?}")
    };
    assert_eq!(agent.run_id.as_deref(), Some("r1"));
    assert_eq!(agent.subagent_type.as_deref(), Some("Explore"));
    assert_eq!(agent.parent_task_id.as_deref(), Some("p0"));
    assert!(agent.ambient);
    assert_eq!(
        (bash.task_id.as_str(), bash.description.as_str()),
        ("b2", "npm test")
    );
    assert_eq!((bash.run_id.as_ref(), bash.ambient), (None, false));
}

#[test]
fn refusal_fallback_fields_and_scope_default() {
    let line = r#"{"type":"system","subtype":"model_refusal_fallback","trigger":"refusal",
        "direction":"sticky","original_model":"a","fallback_model":"b","request_id":null,
        "api_refusal_category":"bio","api_refusal_explanation":null,"content":"Switched",
        "uuid":"u","session_id":"s"}"#;
    let SystemMessage::ModelRefusalFallback(fallback) = system(line) else {
        panic!()
    };
    assert_eq!(fallback.trigger, "refusal");
    assert_eq!(fallback.direction, RefusalDirection::Sticky);
    assert_eq!(fallback.scope, None);
    assert_eq!(
        fallback.scope(),
        RefusalScope::Session,
        "absent means session"
    );
    assert_eq!(fallback.api_refusal_category.as_deref(), Some("bio"));
    assert!(fallback.retracted_message_uuids.is_empty());
    assert_eq!(fallback.refused_user_message_uuid, None);

    let local = line.replace(
        r#""direction":"sticky""#,
        r#""direction":"sideways","scope":"local""#,
    );
    let SystemMessage::ModelRefusalFallback(fallback) = system(&local) else {
        panic!()
    };
    assert_eq!(fallback.scope(), RefusalScope::Local);
    assert_eq!(
        fallback.direction,
        RefusalDirection::Other("sideways".into())
    );
}

#[test]
fn memory_recall_synthesis_carries_content() {
    let line = r#"{"type":"system","subtype":"memory_recall","mode":"synthesize","memories":[
        {"path":"<synthesis:/m>","scope":"team","content":"Prefer tabs."},
        {"path":"https://example.invalid/m","scope":"organization","content":"Be kind."},
        {"path":"/x","scope":"galaxy"}],"uuid":"u","session_id":"s"}"#;
    let SystemMessage::MemoryRecall(recall) = system(line) else {
        panic!()
    };
    assert_eq!(recall.mode, MemoryRecallMode::Synthesize);
    let scopes: Vec<_> = recall.memories.iter().map(|m| m.scope.clone()).collect();
    assert_eq!(
        scopes,
        [
            MemoryScope::Team,
            MemoryScope::Organization,
            MemoryScope::Other("galaxy".into())
        ]
    );
    assert_eq!(recall.memories[0].content.as_deref(), Some("Prefer tabs."));
}

#[test]
fn host_subtypes_decode_their_fields() {
    let SystemMessage::ControlRequestProgress(progress) = system(
        r#"{"type":"system","subtype":"control_request_progress","request_id":"r1","status":"started","uuid":"u","session_id":"s"}"#,
    ) else {
        panic!()
    };
    assert_eq!(progress.status, ControlProgressStatus::Started);
    assert_eq!((progress.attempt, progress.error_status), (None, None));

    let SystemMessage::PluginInstall(install) = system(
        r#"{"type":"system","subtype":"plugin_install","status":"completed","uuid":"u","session_id":"s"}"#,
    ) else {
        panic!()
    };
    assert_eq!(install.status, PluginInstallStatus::Completed);
    assert_eq!(install.name, None);

    let SystemMessage::SessionWritesLost(lost) = system(
        r#"{"type":"system","subtype":"session_writes_lost","error_code":"EDQUOT","lost":["global_config","transcript"],"transcript_session_ids":["s0","s"],"uuid":"u","session_id":"s"}"#,
    ) else {
        panic!()
    };
    assert_eq!(lost.error_code, WriteErrorCode::Edquot);
    assert_eq!(lost.lost, [LostWrite::GlobalConfig, LostWrite::Transcript]);
    assert_eq!(lost.transcript_session_ids, ["s0", "s"]);

    let SystemMessage::MirrorError(mirror) = system(
        r#"{"type":"system","subtype":"mirror_error","error":"append rejected","key":{"projectKey":"p","sessionId":"s","subpath":"subagents/a1"},"uuid":"u","session_id":"s"}"#,
    ) else {
        panic!()
    };
    assert_eq!(mirror.error, "append rejected");
    assert_eq!(mirror.key.session_id, "s");
    assert_eq!(mirror.key.subpath.as_deref(), Some("subagents/a1"));

    let SystemMessage::ElicitationComplete(done) = system(
        r#"{"type":"system","subtype":"elicitation_complete","mcp_server_name":"gh","elicitation_id":"e1","uuid":"u","session_id":"s"}"#,
    ) else {
        panic!()
    };
    assert_eq!(done.elicitation_id, "e1");
}

#[test]
fn result_types_terminal_reason_deferred_tool_use_and_fast_mode() {
    let line = r#"{"type":"result","subtype":"success","is_error":false,"result":"",
        "stop_reason":"tool_deferred","num_turns":1,"session_id":"s","total_cost_usd":0.1,
        "usage":{},"modelUsage":{},"permission_denials":[],
        "deferred_tool_use":{"id":"toolu_1","name":"Bash","input":{"command":"ls"}},
        "terminal_reason":"tool_deferred","fast_mode_state":"off",
        "fast_mode_disabled_reason":"sdk_opt_in_required","uuid":"u"}"#;
    let Message::Result(result) = message(line) else {
        panic!()
    };
    assert_eq!(result.terminal_reason, Some(TerminalReason::ToolDeferred));
    let deferred = result.deferred_tool_use.as_ref().unwrap();
    assert_eq!(
        (deferred.id.as_str(), deferred.name.as_str()),
        ("toolu_1", "Bash")
    );
    assert_eq!(deferred.input["command"], "ls");
    assert_eq!(result.fast_mode_state, Some(FastModeState::Off));
    assert_eq!(
        result.fast_mode_disabled_reason,
        Some(FastModeDisabledReason::SdkOptInRequired)
    );

    let newer = line.replace(
        r#""terminal_reason":"tool_deferred""#,
        r#""terminal_reason":"moon_phase""#,
    );
    let Message::Result(result) = message(&newer) else {
        panic!("an unknown terminal reason must not end the stream")
    };
    assert_eq!(
        result.terminal_reason,
        Some(TerminalReason::Other("moon_phase".into()))
    );
}

#[test]
fn every_terminal_reason_of_the_typescript_sdk_is_known() {
    // `TerminalReason` in sdk.d.ts (TypeScript SDK 0.3.330).
    for name in [
        "blocking_limit",
        "rapid_refill_breaker",
        "prompt_too_long",
        "image_error",
        "model_error",
        "api_error",
        "malformed_tool_use_exhausted",
        "aborted_streaming",
        "aborted_tools",
        "stop_hook_prevented",
        "hook_stopped",
        "tool_deferred",
        "max_turns",
        "background_requested",
        "completed",
        "budget_exhausted",
        "structured_output_retry_exhausted",
        "tool_deferred_unavailable",
        "turn_setup_failed",
    ] {
        let reason = TerminalReason::from(name);
        assert!(!matches!(reason, TerminalReason::Other(_)), "{name}");
        assert_eq!(reason.as_str(), name);
    }
    assert_eq!(TerminalReason::ALL.len(), 19);
}

/// Every member of the TypeScript SDK 0.3.330 `SDKMessage` union (by `type` / `subtype`) has a
/// typed variant: a minimal line of each must not land in `Unknown`.
#[test]
fn every_member_of_the_typescript_message_union_decodes_typed() {
    let system_subtypes = [
        "init",
        "compact_boundary",
        "status",
        "api_retry",
        "control_request_progress",
        "model_refusal_fallback",
        "model_refusal_no_fallback",
        "local_command_output",
        "hook_started",
        "hook_progress",
        "hook_response",
        "plugin_install",
        "task_notification",
        "task_started",
        "task_updated",
        "task_progress",
        "background_tasks_changed",
        "thinking_tokens",
        "session_state_changed",
        "worker_shutting_down",
        "commands_changed",
        "notification",
        "files_persisted",
        "memory_recall",
        "elicitation_complete",
        "permission_denied",
        "mirror_error",
        "informational",
        "session_writes_lost",
    ];
    for subtype in system_subtypes {
        let line = format!(r#"{{"type":"system","subtype":"{subtype}","session_id":"s"}}"#);
        let system = system(&line);
        assert!(!matches!(system, SystemMessage::Unknown(_)), "{line}");
        assert_eq!(system.subtype(), subtype);
    }
    for line in [
        r#"{"type":"assistant","message":{"role":"assistant","content":[]}}"#,
        r#"{"type":"user","message":{"role":"user","content":"hi"}}"#,
        r#"{"type":"user","message":{"role":"user","content":"hi"},"isReplay":true}"#,
        r#"{"type":"result","subtype":"success"}"#,
        r#"{"type":"stream_event","event":{"type":"message_stop"}}"#,
        r#"{"type":"tool_progress","tool_use_id":"t","tool_name":"Bash"}"#,
        r#"{"type":"auth_status","isAuthenticating":false,"output":[]}"#,
        r#"{"type":"tool_use_summary","summary":"ran ls"}"#,
        r#"{"type":"rate_limit_event","rate_limit_info":{"status":"allowed"}}"#,
        r#"{"type":"prompt_suggestion","suggestion":"next"}"#,
        r#"{"type":"conversation_reset","new_conversation_id":"c"}"#,
    ] {
        let message = message(line);
        assert!(!matches!(message, Message::Unknown(_)), "{line}");
        assert_eq!(message.raw_json(), line);
    }
}
