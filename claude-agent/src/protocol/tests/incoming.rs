//! Control frames from the CLI (protocol.md §2.1, §2.4).

use serde_json::json;

use crate::protocol::incoming::ControlResponse;
use crate::protocol::{ControlFailure, InboundRequest, Incoming, parse_incoming};

fn request(line: &str) -> (String, InboundRequest) {
    match parse_incoming(line).unwrap() {
        Incoming::ControlRequest {
            request_id,
            request,
        } => (request_id, request),
        other => panic!("not a control request: {other:?}"),
    }
}

fn response(line: &str) -> ControlResponse {
    match parse_incoming(line).unwrap() {
        Incoming::ControlResponse(response) => response,
        other => panic!("not a control response: {other:?}"),
    }
}

#[test]
fn can_use_tool_carries_the_whole_request_object() {
    let (id, req) = request(
        r#"{"type":"control_request","request_id":"bc1d","request":{"subtype":"can_use_tool","tool_name":"Bash",
        "input":{"command":"touch x"},"permission_suggestions":[],"tool_use_id":"toolu_1","future_field":1}}"#,
    );
    assert_eq!(id, "bc1d");
    let InboundRequest::CanUseTool(body) = req else {
        panic!("{req:?}")
    };
    assert_eq!(body["tool_name"], "Bash");
    assert_eq!(body["subtype"], "can_use_tool");
    assert_eq!(body["future_field"], 1);
}

#[test]
fn hook_callback_extracts_callback_input_and_tool_use_id() {
    let (_, req) = request(
        r#"{"type":"control_request","request_id":"e8","request":{"subtype":"hook_callback","callback_id":"hook_0",
        "input":{"hook_event_name":"Stop","stop_hook_active":false}}}"#,
    );
    assert_eq!(
        req,
        InboundRequest::HookCallback {
            callback_id: "hook_0".into(),
            input: json!({"hook_event_name":"Stop","stop_hook_active":false}),
            tool_use_id: None,
        }
    );
}

#[test]
fn mcp_message_extracts_server_and_json_rpc_message() {
    let (_, req) = request(
        r#"{"type":"control_request","request_id":"31","request":{"subtype":"mcp_message","server_name":"calc",
        "message":{"method":"tools/list","jsonrpc":"2.0","id":1}}}"#,
    );
    assert_eq!(
        req,
        InboundRequest::McpMessage {
            server_name: "calc".into(),
            message: json!({"method":"tools/list","jsonrpc":"2.0","id":1}),
        }
    );
}

#[test]
fn elicitation_and_unknown_subtypes_are_passed_on_whole() {
    let (_, req) = request(
        r#"{"type":"control_request","request_id":"1","request":{"subtype":"elicitation","mcp_server_name":"s","message":"Pick"}}"#,
    );
    assert!(matches!(req, InboundRequest::Elicitation(ref body) if body["mcp_server_name"] == "s"));

    let (_, req) = request(
        r#"{"type":"control_request","request_id":"2","request":{"subtype":"oauth_token_refresh","x":1}}"#,
    );
    assert_eq!(
        req,
        InboundRequest::Other {
            subtype: "oauth_token_refresh".into(),
            body: json!({"subtype":"oauth_token_refresh","x":1}),
        }
    );

    let (_, req) = request(r#"{"type":"control_request","request_id":"3","request":{}}"#);
    assert_eq!(
        req,
        InboundRequest::Other {
            subtype: String::new(),
            body: json!({})
        }
    );
}

#[test]
fn known_subtypes_missing_fields_become_other_with_the_body_intact() {
    let (_, req) = request(
        r#"{"type":"control_request","request_id":"1","request":{"subtype":"hook_callback","input":{}}}"#,
    );
    assert_eq!(
        req,
        InboundRequest::Other {
            subtype: "hook_callback".into(),
            body: json!({"subtype":"hook_callback","input":{}})
        }
    );

    let (_, req) = request(
        r#"{"type":"control_request","request_id":"1","request":{"subtype":"mcp_message","server_name":"calc"}}"#,
    );
    assert_eq!(
        req,
        InboundRequest::Other {
            subtype: "mcp_message".into(),
            body: json!({"subtype":"mcp_message","server_name":"calc"})
        }
    );
}

#[test]
fn success_response_without_payload_means_empty_object() {
    let absent = response(
        r#"{"type":"control_response","response":{"subtype":"success","request_id":"req_2"}}"#,
    );
    assert_eq!(
        absent,
        ControlResponse {
            request_id: "req_2".into(),
            outcome: Ok(json!({}))
        }
    );

    let null = response(
        r#"{"type":"control_response","response":{"subtype":"success","request_id":"r","response":null}}"#,
    );
    assert_eq!(null.outcome, Ok(json!({})));

    let given = response(
        r#"{"type":"control_response","response":{"subtype":"success","request_id":"r","response":{"mode":"plan"},"pending_permission_requests":[]}}"#,
    );
    assert_eq!(given.outcome, Ok(json!({"mode":"plan"})));
}

#[test]
fn error_response_carries_message_and_optional_code() {
    let old = response(
        r#"{"type":"control_response","response":{"subtype":"error","request_id":"r8","error":"File rewinding is not enabled."}}"#,
    );
    assert_eq!(
        old.outcome,
        Err(ControlFailure {
            message: "File rewinding is not enabled.".into(),
            code: None
        })
    );

    let new = response(
        r#"{"type":"control_response","response":{"subtype":"error","request_id":"r4","error":"bad mode","error_code":"invalid_mode"}}"#,
    );
    assert_eq!(
        new.outcome,
        Err(ControlFailure {
            message: "bad mode".into(),
            code: Some("invalid_mode".into())
        })
    );

    let structured = response(
        r#"{"type":"control_response","response":{"subtype":"error","request_id":"r","error":{"why":"x"}}}"#,
    );
    assert_eq!(
        structured.outcome,
        Err(ControlFailure {
            message: r#"{"why":"x"}"#.into(),
            code: None
        })
    );
}

#[test]
fn unknown_response_subtype_is_an_error_only_when_it_carries_one() {
    let ok = response(
        r#"{"type":"control_response","response":{"subtype":"partial","request_id":"r","response":{"a":1}}}"#,
    );
    assert_eq!(ok.outcome, Ok(json!({"a":1})));
    let failed = response(
        r#"{"type":"control_response","response":{"subtype":"refused","request_id":"r","error":"no"}}"#,
    );
    assert!(matches!(failed.outcome, Err(ControlFailure { ref message, .. }) if message == "no"));
}

#[test]
fn numeric_request_ids_are_accepted_as_text() {
    let (id, _) =
        request(r#"{"type":"control_request","request_id":17,"request":{"subtype":"x"}}"#);
    assert_eq!(id, "17");
    assert_eq!(
        response(r#"{"type":"control_response","response":{"subtype":"success","request_id":5}}"#)
            .request_id,
        "5"
    );
}

#[test]
fn cancel_request_names_the_withdrawn_request() {
    let incoming =
        parse_incoming(r#"{"type":"control_cancel_request","request_id":"09b2"}"#).unwrap();
    assert_eq!(
        incoming,
        Incoming::ControlCancel {
            request_id: "09b2".into()
        }
    );
}
