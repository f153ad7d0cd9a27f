//! Lines the SDK writes (protocol.md §1.5, §2.1).

use serde_json::{Value, json};

use crate::protocol::incoming::ControlResponse;
use crate::protocol::{
    ContentBlock, ControlFailure, ImageBlock, InboundRequest, Incoming, Priority, UserInput,
    control_cancel_line, control_error_line, control_request_line, control_success_line,
    parse_incoming,
};

fn json_of(line: &str) -> Value {
    assert!(!line.contains('\n'), "a frame must be one line: {line}");
    serde_json::from_str(line).unwrap()
}

#[test]
fn text_prompt_matches_the_documented_shape() {
    let line = UserInput::text("Please do the task.").to_line();
    assert_eq!(
        json_of(&line),
        json!({"type":"user","session_id":"","message":{"role":"user","content":"Please do the task."},"parent_tool_use_id":null})
    );
}

#[test]
fn block_prompt_sends_content_as_an_array() {
    let line = UserInput::blocks([
        ContentBlock::text("Hello with uuid"),
        ContentBlock::Image(ImageBlock::url("https://example.com/a.png")),
        ContentBlock::from(json!({"type":"document","source":{"type":"text","media_type":"text/plain","data":"x"}})),
    ])
    .to_line();
    assert_eq!(
        json_of(&line)["message"]["content"],
        json!([
            {"type":"text","text":"Hello with uuid"},
            {"type":"image","source":{"type":"url","url":"https://example.com/a.png"}},
            {"type":"document","source":{"type":"text","media_type":"text/plain","data":"x"}}
        ])
    );

    let raw = UserInput::blocks([json!({"type":"future_block","x":1})]).to_line();
    assert_eq!(
        json_of(&raw)["message"]["content"],
        json!([{"type":"future_block","x":1}])
    );
}

#[test]
fn optional_fields_use_their_wire_names_and_are_omitted_when_unset() {
    let line = UserInput::text("/compact")
        .uuid("11111111-2222-4333-8444-555555555555")
        .parent_tool_use_id("toolu_9")
        .priority(Priority::Later)
        .should_query(false)
        .session_id("default")
        .client_composed(true)
        .to_line();
    assert_eq!(
        json_of(&line),
        json!({
            "type":"user","session_id":"default",
            "message":{"role":"user","content":"/compact"},
            "parent_tool_use_id":"toolu_9",
            "uuid":"11111111-2222-4333-8444-555555555555",
            "priority":"later","shouldQuery":false,"client_composed":true
        })
    );
    let plain = json_of(&UserInput::from("x").to_line());
    for key in ["uuid", "priority", "shouldQuery", "client_composed"] {
        assert!(plain.get(key).is_none(), "{key} sent although unset");
    }
}

#[test]
fn text_with_quotes_newlines_and_unicode_stays_one_valid_line() {
    let text = "line 1\nline \"2\"\t\u{1F980} \\ end";
    let line = UserInput::text(text).to_line();
    assert_eq!(json_of(&line)["message"]["content"], text);
}

#[test]
fn control_request_line_wraps_the_request() {
    let line = control_request_line(
        "req_1_f3b2f672",
        &json!({"subtype":"initialize","hooks":null}),
    );
    assert_eq!(
        json_of(&line),
        json!({"type":"control_request","request_id":"req_1_f3b2f672","request":{"subtype":"initialize","hooks":null}})
    );
}

#[test]
fn control_success_and_error_lines_match_the_envelopes() {
    let ok = control_success_line(
        "bd10",
        &json!({"mcp_response":{"jsonrpc":"2.0","id":0,"result":{}}}),
    );
    assert_eq!(
        json_of(&ok),
        json!({"type":"control_response","response":{"subtype":"success","request_id":"bd10",
              "response":{"mcp_response":{"jsonrpc":"2.0","id":0,"result":{}}}}})
    );

    let err = control_error_line("r\"1", "Unsupported control request subtype: \"x\"\n");
    assert_eq!(
        json_of(&err),
        json!({"type":"control_response","response":{"subtype":"error","request_id":"r\"1",
              "error":"Unsupported control request subtype: \"x\"\n"}})
    );

    assert_eq!(
        json_of(&control_cancel_line("req_3")),
        json!({"type":"control_cancel_request","request_id":"req_3"})
    );
}

#[test]
fn lines_the_sdk_writes_are_read_back_by_the_router() {
    let payload = json!({"behavior":"allow","updatedInput":{"command":"ls"}});
    assert_eq!(
        parse_incoming(&control_success_line("id-1", &payload)).unwrap(),
        Incoming::ControlResponse(ControlResponse {
            request_id: "id-1".into(),
            outcome: Ok(payload)
        })
    );
    assert_eq!(
        parse_incoming(&control_error_line("id-2", "boom")).unwrap(),
        Incoming::ControlResponse(ControlResponse {
            request_id: "id-2".into(),
            outcome: Err(ControlFailure {
                message: "boom".into(),
                code: None
            }),
        })
    );
    let request =
        json!({"subtype":"mcp_message","server_name":"calc","message":{"jsonrpc":"2.0","id":3}});
    assert_eq!(
        parse_incoming(&control_request_line("id-3", &request)).unwrap(),
        Incoming::ControlRequest {
            request_id: "id-3".into(),
            request: InboundRequest::McpMessage {
                server_name: "calc".into(),
                message: json!({"jsonrpc":"2.0","id":3})
            },
        }
    );
    assert_eq!(
        parse_incoming(&control_cancel_line("id-4")).unwrap(),
        Incoming::ControlCancel {
            request_id: "id-4".into()
        }
    );
}

#[test]
fn only_should_query_false_suppresses_a_turn() {
    assert!(UserInput::text("go").expects_turn());
    assert!(UserInput::text("go").should_query(true).expects_turn());
    assert!(!UserInput::text("note").should_query(false).expects_turn());
}
