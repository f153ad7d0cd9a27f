//! What a newer (or odd) CLI may print: unknown types, subtypes, blocks and fields, changed
//! shapes, `null`s; and what must still fail (text that is not JSON).

use serde_json::{Value, json};

use super::message;
use crate::protocol::{
    AssistantError, ContentBlock, Incoming, Message, ResultSubtype, SessionState, SystemMessage,
    parse_incoming,
};

#[test]
fn unknown_type_becomes_unknown_message_with_its_json() {
    let line = r#"{"type":"voice_transcript","text":"hi","session_id":"s9","uuid":"u9"}"#;
    let Message::Unknown(unknown) = message(line) else {
        panic!("not unknown")
    };
    assert_eq!(unknown.message_type(), Some("voice_transcript"));
    assert_eq!(unknown.value["text"], "hi");
    assert_eq!(unknown.raw_json(), line);

    let message = message(line);
    assert_eq!(message.type_name(), "voice_transcript");
    assert_eq!(message.session_id(), Some("s9"));
    assert_eq!(message.uuid(), Some("u9"));
    assert_eq!(message.raw_json(), line);
}

#[test]
fn unknown_system_subtype_keeps_subtype_and_json() {
    let line =
        r#"{"type":"system","subtype":"voice_level","tokens":12,"session_id":"s","uuid":"u"}"#;
    let Message::System(SystemMessage::Unknown(unknown)) = message(line) else {
        panic!("not unknown system")
    };
    assert_eq!(unknown.subtype, "voice_level");
    assert_eq!(unknown.value["tokens"], 12);
    assert_eq!(unknown.raw_json(), line);
    assert_eq!(message(line).session_id(), Some("s"));
}

#[test]
fn system_without_subtype_is_unknown_system_with_empty_subtype() {
    let Message::System(system) = message(r#"{"type":"system"}"#) else {
        panic!()
    };
    assert!(matches!(system, SystemMessage::Unknown(_)));
    assert_eq!(system.subtype(), "");
}

#[test]
fn unknown_content_block_is_kept_inside_a_typed_message() {
    let line = r#"{"type":"assistant","message":{"id":"m","model":"x","role":"assistant","content":[
        {"type":"text","text":"a"},{"type":"mcp_tool_use","id":"x","server":"s"},{"type":"text","text":"b"}]},
        "session_id":"s","uuid":"u"}"#;
    let Message::Assistant(reply) = message(line) else {
        panic!("not assistant")
    };
    assert_eq!(reply.text(), "ab");
    assert_eq!(
        reply.message.content[1],
        ContentBlock::Unknown(json!({"type":"mcp_tool_use","id":"x","server":"s"}))
    );
}

#[test]
fn extra_fields_everywhere_are_ignored() {
    let line = r#"{"type":"result","subtype":"success","is_error":false,"duration_ms":1,"duration_api_ms":1,
        "num_turns":1,"session_id":"s","total_cost_usd":0.5,"usage":{"input_tokens":1,"output_tokens":2,
        "brand_new_counter":9},"modelUsage":{"m":{"costUSD":0.5,"newField":true}},"permission_denials":[],
        "result":"ok","future":{"nested":[1,2,3]},"uuid":"u"}"#;
    let Message::Result(result) = message(line) else {
        panic!("not result")
    };
    assert!(result.is_success());
    assert_eq!(result.usage.output_tokens, 2);
    assert_eq!(result.model_usage["m"].cost_usd, 0.5);
    assert_eq!(message(line).raw_value().unwrap()["future"]["nested"][2], 3);
}

#[test]
fn known_type_with_changed_shape_falls_back_to_unknown() {
    // `message` became a string.
    let line = r#"{"type":"assistant","message":"oops","session_id":"s"}"#;
    let Message::Unknown(unknown) = message(line) else {
        panic!("not unknown")
    };
    assert_eq!(unknown.message_type(), Some("assistant"));
    assert_eq!(unknown.raw_json(), line);

    // `tools` became an object: a known system subtype falls back to SystemMessage::Unknown.
    let line = r#"{"type":"system","subtype":"init","tools":{"Bash":true},"session_id":"s"}"#;
    let Message::System(SystemMessage::Unknown(unknown)) = message(line) else {
        panic!("not unknown system")
    };
    assert_eq!(unknown.subtype, "init");
    assert_eq!(unknown.value["tools"]["Bash"], true);

    // `subtype` is required for results. (Wire enums decode any value: an odd subtype is kept
    // as `ResultSubtype::Other`, so only a structural change makes the message unknown.)
    assert!(matches!(
        message(r#"{"type":"result","is_error":false}"#),
        Message::Unknown(_)
    ));
    assert!(matches!(
        message(r#"{"type":"result","subtype":"success","permission_denials":{"not":"a list"}}"#),
        Message::Unknown(_)
    ));
    match message(r#"{"type":"result","subtype":7}"#) {
        Message::Result(result) => assert_eq!(result.subtype, ResultSubtype::Other("7".into())),
        other => panic!("an odd subtype is still a result: {other:?}"),
    }
}

#[test]
fn non_string_type_or_non_object_json_is_unknown_not_an_error() {
    for line in [
        r#"{"type":5}"#,
        "[1,2]",
        r#""text""#,
        "42",
        "null",
        "{}",
        r#"{"type":"system","subtype":["x"]}"#,
    ] {
        let message = message(line);
        assert!(
            matches!(message, Message::Unknown(_)),
            "{line}: {message:?}"
        );
        assert_eq!(message.raw_json(), line);
    }
}

#[test]
fn text_that_is_not_json_is_an_error() {
    for line in [
        "",
        "   ",
        "not json",
        "{",
        r#"{"type":"assistant""#,
        r#"{"type":"user"} trailing"#,
        "[Sandbox] starting",
    ] {
        assert!(parse_incoming(line).is_err(), "{line:?} parsed");
        assert!(
            matches!(
                Message::from_json(line),
                Err(crate::Error::JsonDecode { .. })
            ),
            "{line:?}"
        );
    }
}

#[test]
fn unknown_wire_enum_values_are_kept() {
    let line =
        r#"{"type":"result","subtype":"error_new_limit","is_error":true,"errors":["limit"]}"#;
    let Message::Result(result) = message(line) else {
        panic!("not result")
    };
    assert_eq!(
        result.subtype,
        ResultSubtype::Other("error_new_limit".into())
    );
    assert!(!result.is_success());
    assert_eq!(result.error_message().as_deref(), Some("limit"));

    let line = r#"{"type":"assistant","message":{"content":[]},"error":"quota_exhausted"}"#;
    let Message::Assistant(reply) = message(line) else {
        panic!("not assistant")
    };
    assert_eq!(
        reply.error,
        Some(AssistantError::Other("quota_exhausted".into()))
    );

    let line = r#"{"type":"system","subtype":"session_state_changed","state":"hibernating"}"#;
    let Message::System(SystemMessage::SessionStateChanged(state)) = message(line) else {
        panic!()
    };
    assert_eq!(state.state, Some(SessionState::Other("hibernating".into())));
}

#[test]
fn nulls_and_number_variants_decode() {
    let line = r#"{"type":"result","subtype":"success","is_error":null,"duration_ms":12.0,"duration_api_ms":null,
        "num_turns":"3","session_id":null,"total_cost_usd":1,"usage":null,"modelUsage":null,
        "permission_denials":null,"errors":null,"result":null,"api_error_status":"529"}"#;
    let Message::Result(result) = message(line) else {
        panic!("not result")
    };
    assert_eq!(
        (result.duration_ms, result.duration_api_ms, result.num_turns),
        (12, 0, 3)
    );
    assert_eq!(result.total_cost_usd, 1.0);
    assert_eq!(result.api_error_status, Some(529));
    assert!(result.is_success());
    assert_eq!(message(line).session_id(), None);

    let line = r#"{"type":"user","message":{"role":"user","content":null},"isReplay":null,"session_id":"s"}"#;
    let Message::User(user) = message(line) else {
        panic!("not user")
    };
    assert!(!user.is_replay);
    assert_eq!(user.text(), "");
}

#[test]
fn api_failure_reported_as_success_is_not_a_success() {
    let line = r#"{"type":"result","subtype":"success","is_error":true,"api_error_status":401,"session_id":"s"}"#;
    let Message::Result(result) = message(line) else {
        panic!("not result")
    };
    assert!(!result.is_success());
    assert_eq!(
        result.error_message().as_deref(),
        Some("API error (HTTP 401)")
    );
}

#[test]
fn malformed_control_frames_become_unknown_messages() {
    for line in [
        r#"{"type":"control_request","request":{"subtype":"can_use_tool"}}"#,
        r#"{"type":"control_request","request_id":"r1","request":"nope"}"#,
        r#"{"type":"control_response","response":{"subtype":"success"}}"#,
        r#"{"type":"control_cancel_request"}"#,
    ] {
        let Ok(Incoming::Message(Message::Unknown(unknown))) = parse_incoming(line) else {
            panic!("{line} was not unknown");
        };
        assert_eq!(unknown.raw_json(), line);
        assert_eq!(serde_json::from_str::<Value>(line).unwrap(), unknown.value);
    }
}

#[test]
fn every_top_level_type_decodes_from_a_minimal_line() {
    for (ty, expected) in [
        ("tool_progress", "ToolProgress"),
        ("tool_use_summary", "ToolUseSummary"),
        ("auth_status", "AuthStatus"),
        ("rate_limit_event", "RateLimit"),
        ("prompt_suggestion", "PromptSuggestion"),
        ("conversation_reset", "ConversationReset"),
        ("command_lifecycle", "CommandLifecycle"),
        ("transcript_mirror", "TranscriptMirror"),
        ("stream_event", "StreamEvent"),
    ] {
        let line = format!(r#"{{"type":"{ty}","session_id":"s","uuid":"u"}}"#);
        let message = message(&line);
        assert!(
            format!("{message:?}").starts_with(expected),
            "{ty}: {message:?}"
        );
        assert_eq!(message.type_name(), ty);
        assert_eq!(message.session_id(), Some("s"));
        assert_eq!(message.raw_json(), line);
    }
}

#[test]
fn every_system_subtype_decodes_from_a_minimal_line() {
    for subtype in [
        "init",
        "status",
        "compact_boundary",
        "session_state_changed",
        "hook_started",
        "hook_progress",
        "hook_response",
        "task_started",
        "task_progress",
        "task_updated",
        "task_notification",
        "files_persisted",
        "local_command_output",
        "api_retry",
        "commands_changed",
        "notification",
        "permission_denied",
        "informational",
        "session_title_changed",
    ] {
        let line =
            format!(r#"{{"type":"system","subtype":"{subtype}","session_id":"s","uuid":"u"}}"#);
        let Message::System(system) = message(&line) else {
            panic!("{subtype}: not system")
        };
        assert!(
            !matches!(system, SystemMessage::Unknown(_)),
            "{subtype} fell back"
        );
        assert_eq!(system.subtype(), subtype);
        assert_eq!(system.raw_json(), line);
        assert_eq!((system.session_id(), system.uuid()), (Some("s"), Some("u")));
    }
}

#[test]
fn documented_system_shapes_decode_their_fields() {
    let task = message(
        r#"{"type":"system","subtype":"task_notification","task_id":"t1","status":"completed",
        "output_file":"/tmp/o","summary":"done","usage":{"total_tokens":5,"tool_uses":1,"duration_ms":9}}"#,
    );
    let Message::System(SystemMessage::TaskNotification(task)) = task else {
        panic!()
    };
    assert_eq!(task.status, Some(crate::protocol::TaskStatus::Completed));
    assert_eq!(task.usage.map(|u| u.duration_ms), Some(9));

    let updated = message(
        r#"{"type":"system","subtype":"task_updated","task_id":"t1","patch":{"status":"killed"}}"#,
    );
    let Message::System(SystemMessage::TaskUpdated(updated)) = updated else {
        panic!()
    };
    assert_eq!(updated.status(), Some(crate::protocol::TaskStatus::Killed));

    let files = message(
        r#"{"type":"system","subtype":"files_persisted","files":[{"filename":"a","file_id":"f1"}],
        "failed":[{"filename":"b","error":"disk"}],"processed_at":"2026-01-01T00:00:00Z"}"#,
    );
    let Message::System(SystemMessage::FilesPersisted(files)) = files else {
        panic!()
    };
    assert_eq!(
        (
            files.files[0].file_id.as_str(),
            files.failed[0].error.as_str()
        ),
        ("f1", "disk")
    );

    let compact = message(
        r#"{"type":"system","subtype":"compact_boundary","compact_metadata":{"trigger":"manual","pre_tokens":18,"post_tokens":594}}"#,
    );
    let Message::System(SystemMessage::CompactBoundary(compact)) = compact else {
        panic!()
    };
    assert_eq!(compact.compact_metadata.pre_tokens, 18);
    assert_eq!(
        compact.compact_metadata.trigger,
        Some(crate::protocol::CompactTrigger::Manual)
    );

    let rate = message(
        r#"{"type":"rate_limit_event","rate_limit_info":{"status":"allowed_warning","resetsAt":1767225600,"utilization":0.9}}"#,
    );
    let Message::RateLimit(rate) = rate else {
        panic!()
    };
    assert_eq!(
        rate.rate_limit_info.status,
        Some(crate::protocol::RateLimitStatus::AllowedWarning)
    );
    assert_eq!(rate.rate_limit_info.resets_at, Some(1_767_225_600.0));
}

#[test]
fn routing_does_not_depend_on_key_order_spacing_or_escapes() {
    let lines = [
        r#"{"type":"system","subtype":"status","status":"compacting","session_id":"s"}"#,
        r#"{"session_id":"s","status":"compacting","subtype":"status","type":"system"}"#,
        r#"{"type":"system","session_id":"s","status":"compacting","subtype":"status"}"#,
        r#"{ "type" : "system" , "subtype" : "status", "status": "compacting", "session_id": "s" }"#,
        r#"{"type":"sys\u0074em","subtype":"st\u0061tus","status":"compacting","session_id":"s"}"#,
    ];
    for line in lines {
        let Message::System(SystemMessage::Status(status)) = message(line) else {
            panic!("{line}")
        };
        assert_eq!(status.status.as_deref(), Some("compacting"), "{line}");
        assert_eq!(status.raw_json(), line);
    }
    let Message::Result(result) =
        message(r#"{"duration_ms":5,"type":"result","subtype":"success","is_error":false}"#)
    else {
        panic!("result with type not first")
    };
    assert_eq!(result.duration_ms, 5);
}

#[test]
fn a_broken_line_of_a_known_type_is_an_error_not_an_unknown_message() {
    for line in [
        r#"{"type":"assistant","message":{"content":[}"#,
        r#"{"type":"system","subtype":"init","tools":["a",]}"#,
        r#"{"type":"control_request","request_id":"1","request":{"subtype":"x"}"#,
        r#"{"type":"result","subtype":"success"}}"#,
    ] {
        assert!(parse_incoming(line).is_err(), "{line}");
    }
}
