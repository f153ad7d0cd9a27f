use super::*;
use serde_json::json;

fn minimal(event: &str) -> serde_json::Value {
    json!({"session_id": "s", "transcript_path": "/t", "cwd": "/p", "hook_event_name": event,
           "tool_input": {}, "tool_response": {}})
}

#[test]
fn every_known_event_has_a_typed_input_and_a_marker() {
    for event in HookEvent::ALL {
        let input = HookInput::from_value(minimal(event.as_str()));
        assert!(
            !matches!(input, HookInput::Unknown { .. }),
            "{event} has no typed input"
        );
        assert_eq!(&input.event(), event);
        assert_eq!(input.base().map(|b| b.session_id.as_str()), Some("s"));
    }
}

#[test]
fn a_known_event_with_a_malformed_input_is_kept_raw() {
    let raw = json!({"hook_event_name": "Stop", "stop_hook_active": "maybe"});
    assert_eq!(
        HookInput::from_value(raw.clone()),
        HookInput::Unknown {
            event: "Stop".into(),
            raw
        }
    );
}

#[test]
fn hook_input_round_trips_through_json() {
    let raw = json!({"session_id": "s", "transcript_path": "/t", "cwd": "/p", "hook_event_name": "CwdChanged",
                     "old_cwd": "/a", "new_cwd": "/b"});
    let parsed: HookInput = serde_json::from_value(raw.clone()).unwrap();
    assert!(matches!(&parsed, HookInput::CwdChanged(c) if c.new_cwd == "/b"));
    assert_eq!(serde_json::to_value(&parsed).unwrap(), raw);
}

#[test]
fn model_switch_inputs_keep_fields_this_sdk_does_not_name() {
    let parsed = HookInput::from_value(
        json!({"session_id": "s", "hook_event_name": "PreModelSwitch",
                                              "from_model": "a", "to_model": "b"}),
    );
    let HookInput::PreModelSwitch(input) = parsed else {
        panic!("not typed")
    };
    assert_eq!(input.base.session_id, "s");
    assert_eq!(input.extra["to_model"], "b");
    assert!(!input.extra.contains_key("session_id"));
}

#[test]
fn message_display_reads_the_final_flag() {
    let HookInput::MessageDisplay(input) = HookInput::from_value(json!({
        "hook_event_name": "MessageDisplay", "turn_id": "t", "message_id": "m", "index": 2,
        "final": true, "delta": "line\n"
    })) else {
        panic!("not typed")
    };
    assert!(input.is_final);
    assert_eq!(input.index, 2);
}
