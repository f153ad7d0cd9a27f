//! Every stdout line of the recorded CLI 2.1.197 and 2.1.330 runs, and of the lines observed for
//! the newer message types, decodes into its typed variant.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::options::PermissionMode;
use crate::permissions::PermissionRequest;
use crate::protocol::{
    ContentBlock, ContextUsage, FastModeDisabledReason, FastModeState, InboundRequest, Incoming,
    InitializeResponse, McpServerStatus, McpSetServersResult, McpStatus, Message, MessageContent,
    ResultSubtype, SessionState, SystemMessage, TerminalReason, parse_incoming,
};

const CLI_2_1_197: &str = include_str!("../../../tests/fixtures/transcripts/cli-2.1.197.jsonl");
const CLI_2_1_330: &str = include_str!("../../../tests/fixtures/transcripts/cli-2.1.330.jsonl");
const OBSERVED_2_1_197: &str = include_str!("../../../tests/fixtures/observed/cli-2.1.197.jsonl");
const OBSERVED_2_1_330: &str = include_str!("../../../tests/fixtures/observed/cli-2.1.330.jsonl");

/// `(cli version, line, line as a JSON value)` for every fixture line.
fn fixture_lines() -> Vec<(&'static str, &'static str, Value)> {
    [
        ("2.1.197", CLI_2_1_197),
        ("2.1.330", CLI_2_1_330),
        ("2.1.197", OBSERVED_2_1_197),
        ("2.1.330", OBSERVED_2_1_330),
    ]
    .into_iter()
    .flat_map(|(version, text)| {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(move |l| (version, l))
    })
    .map(|(version, line)| (version, line, serde_json::from_str(line).unwrap()))
    .collect()
}

fn incoming(line: &str) -> Incoming {
    parse_incoming(line).unwrap_or_else(|err| panic!("{err}: {line}"))
}

fn str_of<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("no string {key} in {value}"))
}

#[test]
fn fixtures_cover_both_versions_and_every_recorded_type() {
    let lines = fixture_lines();
    assert!(lines.iter().filter(|(v, ..)| *v == "2.1.197").count() > 100);
    assert!(lines.iter().filter(|(v, ..)| *v == "2.1.330").count() > 100);
    let types: BTreeSet<&str> = lines.iter().map(|(_, _, v)| str_of(v, "type")).collect();
    for expected in [
        "assistant",
        "user",
        "result",
        "system",
        "stream_event",
        "command_lifecycle",
        "control_request",
        "control_response",
        "control_cancel_request",
    ] {
        assert!(types.contains(expected), "fixtures lack {expected}");
    }
}

#[test]
fn every_fixture_message_decodes_typed_and_keeps_its_raw_json() {
    for (version, line, value) in fixture_lines() {
        let ty = str_of(&value, "type");
        if ty.starts_with("control_") {
            continue;
        }
        let Incoming::Message(message) = incoming(line) else {
            panic!("{version}: not a message: {line}");
        };
        assert!(
            !matches!(message, Message::Unknown(_)),
            "{version}: fell back to Unknown: {line}"
        );
        if let Message::System(system) = &message {
            assert!(
                !matches!(system, SystemMessage::Unknown(_)),
                "{version}: unknown system: {line}"
            );
            assert_eq!(system.subtype(), str_of(&value, "subtype"));
        }
        assert_eq!(message.type_name(), ty);
        assert_eq!(message.raw_json(), line);
        assert_eq!(
            serde_json::from_str::<Value>(message.raw_json()).unwrap(),
            value
        );
        assert_eq!(message.session_id(), value["session_id"].as_str(), "{line}");
        assert_eq!(message.uuid(), value["uuid"].as_str(), "{line}");
    }
}

#[test]
fn observed_newer_types_are_typed_on_both_versions() {
    let observed = |version: &str, text: &'static str| -> BTreeSet<String> {
        text.lines()
            .map(|line| match incoming(line) {
                Incoming::Message(Message::System(system)) => {
                    assert!(
                        !matches!(system, SystemMessage::Unknown(_)),
                        "{version}: {line}"
                    );
                    system.subtype().to_owned()
                }
                Incoming::Message(Message::Result(result)) => {
                    assert_eq!(result.terminal_reason, Some(TerminalReason::ToolDeferred));
                    let deferred = result.deferred_tool_use.expect("deferred_tool_use");
                    assert_eq!(deferred.name, "Bash", "{version}");
                    assert_eq!(deferred.input["command"], "touch made.txt", "{version}");
                    "result/tool_deferred".to_owned()
                }
                other => panic!("{version}: unexpected {other:?}"),
            })
            .collect()
    };
    let both = [
        "model_refusal_no_fallback",
        "result/tool_deferred",
        "thinking_tokens",
    ];
    assert_eq!(
        observed("2.1.197", OBSERVED_2_1_197),
        BTreeSet::from(both.map(String::from))
    );
    let mut newer = BTreeSet::from(both.map(String::from));
    newer.insert("background_tasks_changed".to_owned());
    assert_eq!(observed("2.1.330", OBSERVED_2_1_330), newer);
    let Incoming::Message(Message::System(SystemMessage::ThinkingTokens(thinking))) =
        incoming(OBSERVED_2_1_330.lines().last().unwrap())
    else {
        panic!("the last observed 2.1.330 line is thinking_tokens")
    };
    assert!(thinking.estimated_tokens >= thinking.estimated_tokens_delta);
    assert!(thinking.estimated_tokens_delta > 0);
}

#[test]
fn every_result_line_has_its_typed_subtype_and_figures() {
    let mut subtypes = BTreeSet::new();
    for (version, line, value) in fixture_lines()
        .into_iter()
        .filter(|(.., v)| v["type"] == "result")
    {
        let Incoming::Message(Message::Result(result)) = incoming(line) else {
            panic!("{version}: not a result: {line}");
        };
        assert!(!matches!(result.subtype, ResultSubtype::Other(_)), "{line}");
        assert_eq!(result.subtype.as_str(), str_of(&value, "subtype"));
        subtypes.insert(result.subtype.as_str().to_owned());

        assert_eq!(result.is_error, value["is_error"].as_bool().unwrap());
        assert_eq!(
            result.is_success(),
            value["subtype"] == "success" && value["is_error"] == false
        );
        assert_eq!(Some(result.num_turns), value["num_turns"].as_u64());
        assert_eq!(Some(result.duration_ms), value["duration_ms"].as_u64());
        assert_eq!(
            Some(result.duration_api_ms),
            value["duration_api_ms"].as_u64()
        );
        assert_eq!(
            Some(result.total_cost_usd),
            value["total_cost_usd"].as_f64()
        );
        assert_eq!(
            Some(result.usage.input_tokens),
            value["usage"]["input_tokens"].as_u64()
        );
        assert_eq!(result.result.as_deref(), value["result"].as_str());
        assert_eq!(
            result.terminal_reason.as_ref().map(TerminalReason::as_str),
            value["terminal_reason"].as_str()
        );
        assert!(
            !matches!(result.terminal_reason, Some(TerminalReason::Other(_))),
            "{line}"
        );
        assert_eq!(
            result.fast_mode_state.as_ref().map(FastModeState::as_str),
            value["fast_mode_state"].as_str()
        );
        assert_eq!(
            result.deferred_tool_use.as_ref().map(|d| d.id.as_str()),
            value["deferred_tool_use"]["id"].as_str()
        );
        assert_eq!(
            result.structured_output.as_ref(),
            value.get("structured_output")
        );
        let errors: Vec<&str> = value["errors"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        assert_eq!(result.errors, errors);
        assert_eq!(
            result.permission_denials.len(),
            value["permission_denials"].as_array().unwrap().len()
        );
        for (denial, wire) in result
            .permission_denials
            .iter()
            .zip(value["permission_denials"].as_array().unwrap())
        {
            assert_eq!(denial.tool_name, str_of(wire, "tool_name"));
            assert_eq!(denial.tool_input, wire["tool_input"]);
        }
        let models: BTreeSet<&String> = value["modelUsage"].as_object().unwrap().keys().collect();
        assert_eq!(result.model_usage.keys().collect::<BTreeSet<_>>(), models);
        for (model, usage) in &result.model_usage {
            assert_eq!(
                Some(usage.cost_usd),
                value["modelUsage"][model]["costUSD"].as_f64()
            );
            assert_eq!(
                Some(usage.output_tokens),
                value["modelUsage"][model]["outputTokens"].as_u64()
            );
        }
        if !result.is_success() {
            assert!(
                result.error_message().is_some_and(|m| !m.is_empty()),
                "{line}"
            );
        }
    }
    let expected = [
        "error_during_execution",
        "error_max_budget_usd",
        "error_max_structured_output_retries",
        "error_max_turns",
        "success",
    ];
    assert_eq!(subtypes, expected.into_iter().map(String::from).collect());
}

#[test]
fn system_init_lines_report_the_cli_version_and_configuration() {
    let mut seen = 0;
    for (version, line, value) in fixture_lines()
        .into_iter()
        .filter(|(.., v)| v["subtype"] == "init")
    {
        let Incoming::Message(Message::System(SystemMessage::Init(init))) = incoming(line) else {
            panic!("{version}: not init: {line}");
        };
        assert_eq!(init.claude_code_version.as_deref(), Some(version));
        assert_eq!(init.cwd, str_of(&value, "cwd"));
        assert_eq!(init.model.as_deref(), Some(str_of(&value, "model")));
        assert_eq!(
            init.permission_mode.as_deref(),
            value["permissionMode"].as_str()
        );
        assert_eq!(init.api_key_source.as_deref(), Some("ANTHROPIC_API_KEY"));
        assert_eq!(init.tools.len(), value["tools"].as_array().unwrap().len());
        assert!(!init.tools.is_empty());
        assert!(!init.slash_commands.is_empty());
        for (server, wire) in init
            .mcp_servers
            .iter()
            .zip(value["mcp_servers"].as_array().unwrap())
        {
            assert_eq!(server.name, str_of(wire, "name"));
            assert!(!matches!(server.status, McpStatus::Other(_)), "{wire}");
        }
        seen += 1;
    }
    assert!(seen > 50);
}

#[test]
fn assistant_and_user_content_blocks_are_all_known() {
    let mut tool_uses = 0;
    let mut tool_results = 0;
    for (version, line, value) in fixture_lines() {
        match incoming(line) {
            Incoming::Message(Message::Assistant(reply)) => {
                assert_eq!(reply.message.id, str_of(&value["message"], "id"));
                assert_eq!(
                    reply.message.content.len(),
                    value["message"]["content"].as_array().unwrap().len()
                );
                for block in &reply.message.content {
                    assert!(
                        !matches!(block, ContentBlock::Unknown(_)),
                        "{version}: {line}"
                    );
                }
                for tool_use in reply.tool_uses() {
                    assert!(tool_use.id.starts_with("toolu_"));
                    assert!(tool_use.input.is_object());
                    tool_uses += 1;
                }
                assert!(reply.message.usage.is_some());
            }
            Incoming::Message(Message::User(user)) => {
                assert_eq!(user.is_replay, value["isReplay"] == true);
                assert_eq!(user.is_synthetic, value["isSynthetic"] == true);
                assert_eq!(user.tool_use_result.as_ref(), value.get("tool_use_result"));
                match (&user.message.content, &value["message"]["content"]) {
                    (MessageContent::Text(text), Value::String(wire)) => assert_eq!(text, wire),
                    (MessageContent::Blocks(blocks), Value::Array(wire)) => {
                        assert_eq!(blocks.len(), wire.len());
                        assert!(
                            blocks
                                .iter()
                                .all(|b| !matches!(b, ContentBlock::Unknown(_))),
                            "{line}"
                        );
                    }
                    (content, wire) => {
                        panic!("{version}: content {content:?} does not match {wire}")
                    }
                }
                for result in user.tool_results() {
                    assert!(result.tool_use_id.starts_with("toolu_"));
                    tool_results += 1;
                }
            }
            _ => {}
        }
    }
    assert!(
        tool_uses > 40 && tool_results > 40,
        "{tool_uses} tool uses, {tool_results} results"
    );
}

#[test]
fn control_requests_route_by_subtype() {
    let mut subtypes = BTreeSet::new();
    for (version, line, value) in fixture_lines()
        .into_iter()
        .filter(|(.., v)| v["type"] == "control_request")
    {
        let Incoming::ControlRequest {
            request_id,
            request,
        } = incoming(line)
        else {
            panic!("{version}: not a control request: {line}");
        };
        assert_eq!(request_id, str_of(&value, "request_id"));
        let wire = &value["request"];
        match request {
            InboundRequest::CanUseTool(body) => {
                assert_eq!(&body, wire);
                let typed: PermissionRequest = serde_json::from_value(body).unwrap();
                assert_eq!(typed.tool_name, str_of(wire, "tool_name"));
                subtypes.insert("can_use_tool");
            }
            InboundRequest::HookCallback {
                callback_id,
                input,
                tool_use_id,
            } => {
                assert_eq!(callback_id, str_of(wire, "callback_id"));
                assert_eq!(input, wire["input"]);
                assert_eq!(tool_use_id.as_deref(), wire["tool_use_id"].as_str());
                subtypes.insert("hook_callback");
            }
            InboundRequest::McpMessage {
                server_name,
                message,
            } => {
                assert_eq!(server_name, str_of(wire, "server_name"));
                assert_eq!(message, wire["message"]);
                subtypes.insert("mcp_message");
            }
            other => panic!("{version}: unexpected routing {other:?} for {line}"),
        }
    }
    assert_eq!(
        subtypes,
        BTreeSet::from(["can_use_tool", "hook_callback", "mcp_message"])
    );
}

#[test]
fn control_responses_and_cancels_keep_ids_and_payloads() {
    let (mut successes, mut failures, mut cancels) = (0, 0, 0);
    for (version, line, value) in fixture_lines() {
        match incoming(line) {
            Incoming::ControlResponse(response) => {
                let wire = &value["response"];
                assert_eq!(response.request_id, str_of(wire, "request_id"));
                match (&response.outcome, str_of(wire, "subtype")) {
                    (Ok(payload), "success") => {
                        let expected = wire
                            .get("response")
                            .cloned()
                            .unwrap_or_else(|| serde_json::json!({}));
                        assert_eq!(payload, &expected);
                        successes += 1;
                    }
                    (Err(failure), "error") => {
                        assert_eq!(failure.message, str_of(wire, "error"));
                        assert_eq!(failure.code.as_deref(), wire["error_code"].as_str());
                        failures += 1;
                    }
                    (outcome, subtype) => panic!("{version}: {outcome:?} for subtype {subtype}"),
                }
            }
            Incoming::ControlCancel { request_id } => {
                assert_eq!(request_id, str_of(&value, "request_id"));
                cancels += 1;
            }
            _ => {}
        }
    }
    assert!(
        successes > 50 && failures >= 8 && cancels == 2,
        "{successes}/{failures}/{cancels}"
    );
}

#[test]
fn control_response_payloads_decode_into_the_public_response_types() {
    let (mut inits, mut contexts, mut statuses, mut set_servers) = (0, 0, 0, 0);
    for (version, line, _) in fixture_lines() {
        let Incoming::ControlResponse(response) = incoming(line) else {
            continue;
        };
        let Ok(payload) = response.outcome else {
            continue;
        };
        if payload.get("commands").is_some() {
            let init: InitializeResponse = serde_json::from_value(payload.clone()).unwrap();
            assert!(
                !init.commands.is_empty() && !init.models.is_empty() && !init.agents.is_empty()
            );
            assert!(
                init.models
                    .iter()
                    .all(|m| !m.value.is_empty() && !m.display_name.is_empty())
            );
            let account = init.account.as_ref().unwrap();
            assert_eq!(account.api_key_source.as_deref(), Some("ANTHROPIC_API_KEY"));
            assert_eq!(InitializeResponse::from_value(payload.clone()), init);
            assert_eq!(init.output_style, "default");
            assert!(init.pid.is_some());
            assert_eq!(init.raw, payload);
            if version == "2.1.330" {
                assert_eq!(init.claude_code_version.as_deref(), Some("2.1.330"));
                assert!(!init.capabilities.is_empty());
                // Every answer of the recordings: the typed newer fields match the payload.
                assert_eq!(init.fast_mode_state, Some(FastModeState::Off));
                assert_eq!(
                    init.fast_mode_disabled_reason,
                    Some(FastModeDisabledReason::SdkOptInRequired)
                );
                assert_eq!(
                    init.current_permission_mode.as_ref().map(|m| m.as_str()),
                    payload["current_permission_mode"].as_str()
                );
                assert!(
                    !matches!(
                        init.current_permission_mode,
                        None | Some(PermissionMode::Other(_))
                    ),
                    "{payload}"
                );
                assert!(
                    !matches!(init.session_state, None | Some(SessionState::Other(_))),
                    "{payload}"
                );
                assert_eq!(init.hook_on_failure_supported, Some(true));
                assert_eq!(init.hooks_applied, payload["hooks_applied"].as_bool());
            } else {
                // 2.1.197 sends none of the newer fields.
                assert_eq!(init.fast_mode_state, None);
                assert_eq!(init.session_state, None);
                assert_eq!(init.hooks_applied, None);
            }
            inits += 1;
        } else if payload.get("totalTokens").is_some() {
            let usage: ContextUsage = serde_json::from_value(payload).unwrap();
            let (total, max) = (usage.total_tokens.unwrap(), usage.max_tokens.unwrap());
            assert!(total > 0 && max >= total && usage.percentage.is_some());
            assert!(usage.categories.iter().any(|c| c.name == "Messages"));
            contexts += 1;
        } else if payload.get("mcpServers").is_some() {
            let servers: Vec<McpServerStatus> =
                serde_json::from_value(payload["mcpServers"].clone()).unwrap();
            assert!(
                servers
                    .iter()
                    .all(|s| !s.name.is_empty() && !matches!(s.status, McpStatus::Other(_)))
            );
            statuses += 1;
        } else if payload.get("removed").is_some() {
            let result: McpSetServersResult = serde_json::from_value(payload).unwrap();
            assert_eq!(result.removed, ["calc"]);
            set_servers += 1;
        }
    }
    assert!(inits > 50, "{inits} initialize responses");
    assert_eq!((contexts, set_servers), (2, 2));
    assert_eq!(statuses, 6);
}
