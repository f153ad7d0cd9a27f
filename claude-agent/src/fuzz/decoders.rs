//! The decoders of hook and permission JSON: hook inputs (typed and [`HookInput`]), hook
//! outputs, permission requests and updates, elicitation and dialog requests.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::builtin::{BashInput, BashOutput, BuiltinToolInput, EditInput};
use crate::hooks::{
    self, HookEvent, HookInput, HookOutput, HookSpecificOutput, PermissionRequestDecision,
    PostToolUse, PreToolUse, SessionStart, Stop, UserPromptSubmit,
};
use crate::permissions::{
    ElicitationRequest, McpServerRef, PermissionRequest, PermissionResult, PermissionUpdate,
    UserDialogRequest,
};

/// Events whose output encoding differs (`PermissionRequest` rewrites decisions).
const EVENTS: &[HookEvent] = &[
    HookEvent::PreToolUse,
    HookEvent::PostToolUse,
    HookEvent::PermissionRequest,
    HookEvent::Stop,
    HookEvent::UserPromptSubmit,
];

/// Decodes `data` (JSON) with every hook and permission decoder and checks what decodes:
/// round trips through the wire form are lossless, encoding never fails, and
/// [`HookInput::from_value`] never loses the input.
///
/// # Panics
///
/// When an invariant breaks.
///
/// # Examples
///
/// ```
/// claude_agent::fuzz::hook_io(br#"{"hook_event_name":"Stop","session_id":"s"}"#);
/// claude_agent::fuzz::hook_io(br#"{"continue":false,"stopReason":"done"}"#);
/// ```
pub fn hook_io(data: &[u8]) {
    let Ok(value) = serde_json::from_slice::<Value>(data) else {
        return;
    };

    // Hook outputs, as a hook written against the raw layer might build them.
    if let Some(output) = round_trip::<HookOutput>(&value) {
        for event in EVENTS {
            let wire = output.to_wire(event);
            assert!(wire.is_object(), "a hook output must encode as an object");
            if let Some(name) = wire.pointer("/hookSpecificOutput/hookEventName") {
                assert_eq!(name, event.as_str());
            }
        }
    }
    round_trip::<HookSpecificOutput>(&value);
    round_trip::<PermissionRequestDecision>(&value);
    round_trip::<PermissionUpdate>(&value);
    round_trip::<Vec<PermissionUpdate>>(&value);
    let _ = serde_json::from_value::<McpServerRef>(value.clone());

    // Hook inputs: the catch-all never fails and keeps the input.
    let input = HookInput::from_value(value.clone());
    let _ = (input.event(), input.base(), input.tool_name());
    match &input {
        HookInput::Unknown { raw, .. } => assert_eq!(raw, &value),
        typed => {
            let again = HookInput::from_value(typed.to_value());
            assert_eq!(
                &again, typed,
                "a typed hook input must survive its own encoding"
            );
        }
    }
    if let Some(pre) = decode::<PreToolUse>(&value) {
        let _ = pre.builtin_input();
        let _ = pre.clone().typed::<BashInput>();
        let _ = pre.typed::<EditInput>();
    }
    if let Some(post) = decode::<PostToolUse>(&value) {
        let _ = post.builtin_input();
    }
    let _ = decode::<PostToolUse<BashInput, BashOutput>>(&value);
    let _ = decode::<hooks::PermissionRequestInput>(&value).map(|p| p.builtin_input());
    let _ = decode::<hooks::PermissionDeniedInput>(&value);
    let _ = decode::<hooks::PostToolUseFailure>(&value);
    let _ = decode::<hooks::PostToolBatch>(&value);
    let _ = decode::<UserPromptSubmit>(&value);
    let _ = decode::<SessionStart>(&value);
    let _ = decode::<Stop>(&value);

    // Permission requests and what a callback answers to them.
    if let Some(request) = decode::<PermissionRequest>(&value) {
        let typed = request.tool_input();
        if let BuiltinToolInput::Other { name, input } = &typed {
            assert_eq!(name, &request.tool_name);
            assert_eq!(input, &request.input);
        }
        let _ = request.typed::<BashInput>();
        let answers = [
            PermissionResult::allow(),
            PermissionResult::allow().with_updated_permissions(request.suggestions.clone()),
            PermissionResult::deny_and_interrupt("no"),
        ];
        for answer in answers {
            let wire = answer.to_wire(&request);
            assert!(wire["behavior"].is_string());
            let decision = PermissionRequestDecision::from(answer);
            round_trip::<PermissionRequestDecision>(&serde_json::to_value(decision).unwrap());
        }
    }
    let _ = decode::<ElicitationRequest>(&value);
    let _ = decode::<UserDialogRequest>(&value);
}

fn decode<T: DeserializeOwned>(value: &Value) -> Option<T> {
    serde_json::from_value(value.clone()).ok()
}

/// Decodes `T`; if it decodes, its encoding must decode to an equal value.
fn round_trip<T>(value: &Value) -> Option<T>
where
    T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug,
{
    let decoded: T = decode(value)?;
    let encoded = serde_json::to_value(&decoded)
        .unwrap_or_else(|err| panic!("{decoded:?} decoded but does not encode: {err}"));
    let again: T = serde_json::from_value(encoded.clone())
        .unwrap_or_else(|err| panic!("{encoded} (from {value}) does not decode again: {err}"));
    assert_eq!(again, decoded, "round trip of {value} through {encoded}");
    Some(decoded)
}
