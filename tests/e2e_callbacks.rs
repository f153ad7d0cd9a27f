//! The CLI → SDK dispatch points (`can_use_tool`, `hook_callback`, `mcp_message`) with simple
//! callbacks, driven by the real CLI. Their full typed surfaces have their own suites.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::sync::{Arc, Mutex};

use claude_agent::hooks::{HookContext, HookEvent, HookMatcher};
use claude_agent::mcp::{McpServerConfig, SdkMcpServer};
use claude_agent::permissions::{PermissionContext, PermissionRequest, PermissionResult};
use claude_agent::query;
use claude_agent::testing::{Match, Reply, ScriptedModel};
use common::{Offline, within};
use futures::future::BoxFuture;
use serde_json::{Value, json};

fn touch_then_text() -> ScriptedModel {
    ScriptedModel::new()
        .on(
            Match::any().no_tool_result(),
            Reply::tool_use(
                "Bash",
                json!({"command": "touch made_by_tool.txt", "description": "Create a file"}),
            ),
        )
        .fallback(Reply::text("finished"))
}

#[tokio::test]
async fn can_use_tool_deny_reaches_the_model_and_the_result() {
    let offline = Offline::start(touch_then_text()).await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = seen.clone();
    let options = offline
        .options()
        .can_use_tool(move |req: PermissionRequest, _cx: PermissionContext| {
            record
                .lock()
                .unwrap()
                .push((req.tool_name.clone(), req.input.clone()));
            async move { PermissionResult::deny("not in this test") }
        })
        .build();
    let result = within(query("make a file", options).result())
        .await
        .unwrap();
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert_eq!(seen[0].0, "Bash");
    assert_eq!(seen[0].1["command"], "touch made_by_tool.txt");
    assert!(
        !offline.env.cwd().join("made_by_tool.txt").exists(),
        "the denied command did not run"
    );
    let tool_results = offline.server.message_requests()[1].tool_results();
    assert!(tool_results[0].is_error);
    assert!(
        tool_results[0].text.contains("not in this test"),
        "{tool_results:?}"
    );
    assert_eq!(result.permission_denials.len(), 1);
    assert_eq!(result.permission_denials[0].tool_name, "Bash");
}

#[tokio::test]
async fn can_use_tool_allow_runs_the_tool() {
    let offline = Offline::start(touch_then_text()).await;
    let options = offline
        .options()
        .can_use_tool(|_req: PermissionRequest, _cx: PermissionContext| async {
            PermissionResult::allow()
        })
        .build();
    let result = within(query("make a file", options).result())
        .await
        .unwrap();
    assert!(result.is_success(), "{result:?}");
    assert!(
        offline.env.cwd().join("made_by_tool.txt").exists(),
        "the allowed command ran"
    );
}

#[tokio::test]
async fn a_raw_pre_tool_use_hook_blocks_a_bash_call() {
    let offline = Offline::start(touch_then_text()).await;
    let calls = Arc::new(Mutex::new(Vec::new()));
    let record = calls.clone();
    let hook = HookMatcher::new(Some("Bash"), move |input: Value, _cx: HookContext| {
        record.lock().unwrap().push(input);
        async move {
            Ok::<_, String>(json!({"hookSpecificOutput": {
                "hookEventName": "PreToolUse",
                "permissionDecision": "deny",
                "permissionDecisionReason": "blocked by the raw hook"
            }}))
        }
    });
    let options = offline.options().hook(HookEvent::PreToolUse, hook).build();
    let result = within(query("make a file", options).result())
        .await
        .unwrap();
    let calls = calls.lock().unwrap().clone();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0]["hook_event_name"], "PreToolUse");
    assert_eq!(calls[0]["tool_input"]["command"], "touch made_by_tool.txt");
    assert!(!offline.env.cwd().join("made_by_tool.txt").exists());
    let tool_results = offline.server.message_requests()[1].tool_results();
    assert!(
        tool_results[0].text.contains("blocked by the raw hook"),
        "{tool_results:?}"
    );
    assert_eq!(result.permission_denials.len(), 1);
}

/// A hand-written in-process MCP server speaking just enough JSON-RPC for one tool.
struct Calc;

impl SdkMcpServer for Calc {
    fn handle(&self, message: Value) -> BoxFuture<'static, Option<Value>> {
        Box::pin(async move {
            let id = message.get("id")?.clone();
            let result = match message["method"].as_str()? {
                "initialize" => json!({
                    "protocolVersion": message["params"]["protocolVersion"],
                    "capabilities": {"tools": {}},
                    "serverInfo": {"name": "calc", "version": "1.0.0"}
                }),
                "tools/list" => json!({"tools": [{
                    "name": "add",
                    "description": "Add two numbers",
                    "inputSchema": {"type": "object", "properties": {"a": {"type": "number"}, "b": {"type": "number"}}, "required": ["a", "b"]}
                }]}),
                "tools/call" => {
                    let args = &message["params"]["arguments"];
                    let sum = args["a"].as_f64().unwrap_or(0.0) + args["b"].as_f64().unwrap_or(0.0);
                    json!({"content": [{"type": "text", "text": sum.to_string()}]})
                }
                _ => {
                    return Some(
                        json!({"jsonrpc": "2.0", "id": id, "error": {"code": -32601, "message": "no such method"}}),
                    );
                }
            };
            Some(json!({"jsonrpc": "2.0", "id": id, "result": result}))
        })
    }
}

#[tokio::test]
async fn an_in_process_mcp_server_answers_the_clis_tool_call() {
    let model = ScriptedModel::new()
        .on(
            Match::any().no_tool_result(),
            Reply::tool_use("mcp__calc__add", json!({"a": 2, "b": 3})),
        )
        .fallback(Reply::text("the sum is 5"));
    let offline = Offline::start(model).await;
    let options = offline
        .options()
        .mcp_server("calc", McpServerConfig::sdk(Calc))
        .allowed_tools(["mcp__calc__add"])
        .build();
    let answer = within(query("add 2 and 3", options).text()).await.unwrap();
    assert_eq!(answer, "the sum is 5");
    let requests = offline.server.message_requests();
    assert!(
        requests[0].offers_tool("mcp__calc__add"),
        "tools offered: {:?}",
        requests[0].tools()
    );
    let tool_results = requests[1].tool_results();
    assert_eq!(tool_results[0].text, "5");
    assert!(!tool_results[0].is_error);
}
