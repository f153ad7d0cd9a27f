//! The protocol types as a user of the crate sees them: `Message::from_json` on real CLI output,
//! the public response types, and building user input.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use claude_agent::Message;
use claude_agent::protocol::{
    ContentBlock, ContextUsage, InitializeResponse, McpServerStatus, MessageContent, Priority,
    ResultSubtype, SystemMessage, UserInput,
};
use serde_json::Value;

fn fixture(version: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/transcripts/cli-{version}.jsonl"));
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

fn all_lines() -> Vec<String> {
    let mut lines = fixture("2.1.197");
    lines.extend(fixture("2.1.330"));
    lines
}

#[test]
fn from_json_decodes_every_recorded_message_and_keeps_the_line() {
    let mut turns = 0;
    for line in all_lines() {
        let value: Value = serde_json::from_str(&line).unwrap();
        let message = Message::from_json(&line).unwrap();
        assert_eq!(message.raw_json(), line);
        assert_eq!(message.raw_value().unwrap(), value);
        let is_control = value["type"].as_str().unwrap().starts_with("control_");
        // Control frames are routed inside sessions; on their own they are unknown messages.
        assert_eq!(matches!(message, Message::Unknown(_)), is_control, "{line}");
        match &message {
            Message::Result(result) => {
                assert_eq!(result.raw_json(), line);
                if result.subtype == ResultSubtype::Success && !result.is_error {
                    assert!(result.result.is_some());
                    turns += 1;
                }
            }
            Message::System(SystemMessage::Init(init)) => {
                assert!(init.claude_code_version.is_some())
            }
            Message::System(SystemMessage::Unknown(unknown)) => {
                panic!("unknown system {}", unknown.subtype)
            }
            _ => {}
        }
    }
    assert!(turns > 40);
}

#[test]
fn public_response_types_decode_recorded_control_answers() {
    let payloads: Vec<Value> = all_lines()
        .iter()
        .map(|line| serde_json::from_str::<Value>(line).unwrap())
        .filter(|v| v["type"] == "control_response" && v["response"]["subtype"] == "success")
        .filter_map(|v| v["response"].get("response").cloned())
        .collect();

    let init = payloads
        .iter()
        .find(|p| p.get("commands").is_some())
        .unwrap();
    let init: InitializeResponse = serde_json::from_value(init.clone()).unwrap();
    assert!(init.commands.iter().any(|c| c.name == "compact"));
    assert!(init.agents.iter().any(|a| a.name == "Explore"));

    let usage = payloads
        .iter()
        .find(|p| p.get("totalTokens").is_some())
        .unwrap();
    let usage: ContextUsage = serde_json::from_value(usage.clone()).unwrap();
    assert!(usage.percentage.is_some() && usage.max_tokens.is_some_and(|m| m > 0));

    let servers = payloads.iter().find_map(|p| {
        p.get("mcpServers")
            .filter(|s| s.as_array().is_some_and(|a| !a.is_empty()))
    });
    let servers: Vec<McpServerStatus> = serde_json::from_value(servers.unwrap().clone()).unwrap();
    assert_eq!(servers[0].name, "calc");
    assert!(servers[0].status.is_connected());
}

#[test]
fn user_input_is_built_from_text_or_blocks() {
    let text = UserInput::from("hello").uuid("u-1").priority(Priority::Now);
    assert_eq!(text.content(), &MessageContent::Text("hello".into()));
    assert_eq!(text.message_uuid(), Some("u-1"));

    let blocks = UserInput::blocks(["a", "b"]);
    assert_eq!(blocks.content().text(), "ab");
    assert_eq!(
        blocks.content().blocks(),
        [ContentBlock::text("a"), ContentBlock::text("b")]
    );
}

#[test]
fn non_json_is_a_decode_error_carrying_the_line() {
    let err = Message::from_json("[Sandbox] starting").unwrap_err();
    let claude_agent::Error::JsonDecode { line, .. } = err else {
        panic!("{err}")
    };
    assert_eq!(line, "[Sandbox] starting");
}
