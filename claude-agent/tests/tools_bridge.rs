//! The in-process MCP bridge spoken to exactly as the CLI does (see the `mcp_tool_argv` and
//! `mcp_tool_init` transcripts): handshake, listing, calls with `_meta`, the 2.1.197 double
//! handshake with reused ids, cancellation, and failure isolation.
#![cfg(feature = "inventory")] // reads the link-time registry
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use claude_agent::mcp::{McpServerConfig, SdkMcpServer};
use claude_agent::tools::{Json, ToolContext, ToolError, ToolServer, tool};
use serde_json::{Value, json};

/// Add two numbers.
#[tool(server = "calc")]
async fn add(a: f64, b: f64) -> String {
    (a + b).to_string()
}

/// Divide a by b.
#[tool(server = "calc")]
async fn divide(a: f64, b: f64) -> Result<Json<Value>, ToolError> {
    if b == 0.0 {
        return Err(ToolError::from("division by zero"));
    }
    Ok(Json(json!({"quotient": a / b})))
}

/// Always panics.
#[tool(server = "calc")]
async fn explode() -> String {
    panic!("kaboom")
}

/// Sleeps for `ms` milliseconds.
#[tool(server = "calc")]
async fn sleep(ms: u64) -> String {
    tokio::time::sleep(Duration::from_millis(ms)).await;
    format!("slept {ms}")
}

/// Sleeps far past its own time limit.
#[tool(server = "calc", timeout = "100ms")]
async fn too_slow(#[context] cx: ToolContext) -> String {
    let token = cx.cancellation_token().clone();
    tokio::spawn(async move {
        token.cancelled().await;
        CANCELLED_BY_TIMEOUT.fetch_add(1, Ordering::SeqCst);
    });
    tokio::time::sleep(Duration::from_secs(30)).await;
    "never".to_owned()
}

static CANCELLED_BY_TIMEOUT: AtomicUsize = AtomicUsize::new(0);

/// Reports the tool use id the CLI sent.
#[tool(server = "calc")]
async fn whoami(#[context] cx: ToolContext) -> String {
    cx.tool_use_id().unwrap_or("none").to_owned()
}

/// Waits until cancelled, then records it.
#[tool(server = "calc")]
async fn wait_for_cancel(#[context] cx: ToolContext) -> String {
    let token = cx.cancellation_token().clone();
    tokio::spawn(async move {
        token.cancelled().await;
        CANCELLED.fetch_add(1, Ordering::SeqCst);
    });
    std::future::pending::<()>().await;
    "unreachable".to_owned()
}

static CANCELLED: AtomicUsize = AtomicUsize::new(0);

fn calc() -> Arc<dyn SdkMcpServer> {
    let server = ToolServer::from_registered("calc").unwrap();
    match McpServerConfig::from(server) {
        McpServerConfig::Sdk(server) => server,
        other => panic!("expected an sdk server, got {other:?}"),
    }
}

/// `initialize` exactly as CLI 2.1.197 sends it.
fn initialize(id: i64) -> Value {
    json!({"method": "initialize", "params": {"protocolVersion": "2025-11-25", "capabilities": {},
        "clientInfo": {"name": "claude-code", "title": "Claude Code", "version": "2.1.197",
        "description": "Anthropic's agentic coding tool", "websiteUrl": "https://claude.com/claude-code"}},
        "jsonrpc": "2.0", "id": id})
}

fn initialized() -> Value {
    json!({"method": "notifications/initialized", "jsonrpc": "2.0"})
}

fn list(id: i64) -> Value {
    json!({"method": "tools/list", "jsonrpc": "2.0", "id": id})
}

fn call(id: i64, name: &str, arguments: Value) -> Value {
    json!({"method": "tools/call", "params": {"name": name, "arguments": arguments,
        "_meta": {"claudecode/toolUseId": format!("toolu_mock_{id:02}"), "progressToken": id}},
        "jsonrpc": "2.0", "id": id})
}

async fn handshake(server: &Arc<dyn SdkMcpServer>) {
    server.handle(initialize(0)).await.unwrap();
    assert!(server.handle(initialized()).await.is_none());
}

#[tokio::test]
async fn cli_sequence_initialize_list_call_matches_the_transcript() {
    let server = calc();
    let init = server.handle(initialize(0)).await.unwrap();
    assert_eq!(init["jsonrpc"], "2.0");
    assert_eq!(init["id"], 0);
    assert_eq!(init["result"]["protocolVersion"], "2025-11-25");
    assert_eq!(
        init["result"]["serverInfo"],
        json!({"name": "calc", "version": "1.0.0"})
    );
    assert!(
        init["result"]["capabilities"]["tools"].is_object(),
        "{init}"
    );

    assert_eq!(server.handle(initialized()).await, None);

    let listing = server.handle(list(1)).await.unwrap();
    assert_eq!(listing["id"], 1);
    let tools = listing["result"]["tools"].as_array().unwrap();
    let names: Vec<&str> = tools.iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "add",
            "divide",
            "explode",
            "sleep",
            "too_slow",
            "wait_for_cancel",
            "whoami"
        ]
    );
    assert_eq!(
        tools[0],
        json!({"name": "add", "description": "Add two numbers.", "inputSchema": {
            "type": "object",
            "properties": {"a": {"type": "number"}, "b": {"type": "number"}},
            "required": ["a", "b"]},
            "_meta": {"anthropic/alwaysLoad": true}})
    );

    let reply = server
        .handle(call(2, "add", json!({"a": 2, "b": 3})))
        .await
        .unwrap();
    assert_eq!(
        reply,
        json!({"jsonrpc": "2.0", "id": 2, "result": {"content": [{"type": "text", "text": "5"}]}})
    );
}

#[tokio::test]
async fn the_tool_use_id_from_meta_reaches_the_tool() {
    let server = calc();
    handshake(&server).await;
    let reply = server.handle(call(5, "whoami", json!({}))).await.unwrap();
    assert_eq!(reply["result"]["content"][0]["text"], "toolu_mock_05");
}

#[tokio::test]
async fn cli_2_1_197_double_handshake_with_reused_ids_is_answered() {
    // mcp_tool_argv__cli2.1.197: initialize(0), initialized, initialize(0), tools/list(1),
    // initialized, tools/list(1), tools/call(2).
    let server = calc();
    let first = server.handle(initialize(0)).await.unwrap();
    assert_eq!(first["id"], 0);
    assert!(server.handle(initialized()).await.is_none());
    let second = server.handle(initialize(0)).await.unwrap();
    assert_eq!(second["id"], 0);
    assert_eq!(second["result"]["serverInfo"]["name"], "calc", "{second}");
    let list_a = server.handle(list(1)).await.unwrap();
    assert!(server.handle(initialized()).await.is_none());
    let list_b = server.handle(list(1)).await.unwrap();
    assert_eq!(list_a, list_b);
    assert_eq!(list_b["id"], 1);
    let reply = server
        .handle(call(2, "add", json!({"a": 2, "b": 3})))
        .await
        .unwrap();
    assert_eq!(reply["id"], 2);
    assert_eq!(reply["result"]["content"][0]["text"], "5");
}

#[tokio::test]
async fn concurrent_requests_may_reuse_an_id() {
    let server = calc();
    handshake(&server).await;
    let slow = server.handle(call(9, "sleep", json!({"ms": 150})));
    let fast = server.handle(call(9, "add", json!({"a": 1, "b": 1})));
    let (slow, fast) = tokio::join!(slow, fast);
    assert_eq!(slow.unwrap()["result"]["content"][0]["text"], "slept 150");
    assert_eq!(fast.unwrap()["result"]["content"][0]["text"], "2");
}

#[tokio::test]
async fn a_notification_before_initialize_does_not_kill_the_server() {
    let server = calc();
    assert!(server.handle(initialized()).await.is_none());
    assert!(
        server
            .handle(json!({"jsonrpc": "2.0", "method": "notifications/cancelled", "params": {"requestId": 3}}))
            .await
            .is_none()
    );
    handshake(&server).await;
    let reply = server
        .handle(call(1, "add", json!({"a": 1, "b": 2})))
        .await
        .unwrap();
    assert_eq!(reply["result"]["content"][0]["text"], "3");
}

#[tokio::test]
async fn a_cancelled_request_is_answered_and_its_tool_is_cancelled() {
    let server = calc();
    handshake(&server).await;
    let pending = tokio::spawn(server.handle(call(4, "wait_for_cancel", json!({}))));
    tokio::time::sleep(Duration::from_millis(50)).await;
    let ack = server
        .handle(
            json!({"jsonrpc": "2.0", "method": "notifications/cancelled",
                       "params": {"requestId": 4, "reason": "user interrupted"}}),
        )
        .await;
    assert!(ack.is_none());
    let reply = tokio::time::timeout(Duration::from_secs(5), pending)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert_eq!(
        reply,
        json!({"jsonrpc": "2.0", "id": 4, "error": {"code": -32800, "message": "user interrupted"}})
    );
    // rmcp cancels the handler's token, which the tool observes.
    let deadline = Instant::now() + Duration::from_secs(5);
    while CANCELLED.load(Ordering::SeqCst) == 0 {
        assert!(
            Instant::now() < deadline,
            "the tool's cancellation token was never cancelled"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let next = server
        .handle(call(5, "add", json!({"a": 1, "b": 1})))
        .await
        .unwrap();
    assert_eq!(next["result"]["content"][0]["text"], "2");
}

#[tokio::test]
async fn a_panicking_tool_gives_an_error_result_and_the_next_call_works() {
    let server = calc();
    handshake(&server).await;
    let reply = server.handle(call(2, "explode", json!({}))).await.unwrap();
    assert_eq!(reply["result"]["isError"], true, "{reply}");
    let text = reply["result"]["content"][0]["text"].as_str().unwrap();
    assert!(
        text.contains("panicked") && text.contains("kaboom"),
        "{text}"
    );
    let next = server
        .handle(call(3, "add", json!({"a": 1, "b": 1})))
        .await
        .unwrap();
    assert_eq!(next["result"]["content"][0]["text"], "2");
}

#[tokio::test]
async fn err_and_bad_arguments_become_is_error_results() {
    let server = calc();
    handshake(&server).await;
    let reply = server
        .handle(call(2, "divide", json!({"a": 1, "b": 0})))
        .await
        .unwrap();
    assert_eq!(
        reply["result"],
        json!({"content": [{"type": "text", "text": "division by zero"}], "isError": true})
    );
    let reply = server
        .handle(call(3, "divide", json!({"a": "one"})))
        .await
        .unwrap();
    assert_eq!(reply["result"]["isError"], true);
    let text = reply["result"]["content"][0]["text"].as_str().unwrap();
    assert!(
        text.contains("invalid arguments for tool `divide`"),
        "{text}"
    );
    let ok = server
        .handle(call(4, "divide", json!({"a": 1, "b": 4})))
        .await
        .unwrap();
    assert_eq!(ok["result"]["structuredContent"], json!({"quotient": 0.25}));
    assert_eq!(ok["result"]["content"][0]["text"], r#"{"quotient":0.25}"#);
}

#[tokio::test]
async fn an_unknown_tool_is_a_json_rpc_error() {
    let server = calc();
    handshake(&server).await;
    let reply = server.handle(call(2, "nope", json!({}))).await.unwrap();
    assert_eq!(reply["id"], 2);
    assert_eq!(reply["error"]["code"], -32602, "{reply}");
    assert!(reply["error"]["message"].as_str().unwrap().contains("nope"));
}

#[tokio::test]
async fn a_call_past_its_timeout_is_an_error_result_and_its_token_is_cancelled() {
    let server = calc();
    handshake(&server).await;
    let started = Instant::now();
    let reply = server.handle(call(2, "too_slow", json!({}))).await.unwrap();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(reply["result"]["isError"], true, "{reply}");
    let text = reply["result"]["content"][0]["text"].as_str().unwrap();
    assert!(text.contains("timed out after 100ms"), "{text}");
    let deadline = Instant::now() + Duration::from_secs(5);
    while CANCELLED_BY_TIMEOUT.load(Ordering::SeqCst) == 0 {
        assert!(
            Instant::now() < deadline,
            "the timed-out call's token was never cancelled"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test]
async fn the_server_timeout_applies_to_tools_without_their_own() {
    let server = ToolServer::from_registered("calc")
        .unwrap()
        .timeout(Duration::from_millis(50));
    let reply = server
        .call("sleep", json!({"ms": 2000}), ToolContext::new())
        .unwrap()
        .await;
    assert!(reply.is_error);
    assert!(
        reply.text_content().contains("timed out after 50ms"),
        "{reply:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_slow_calls_run_concurrently() {
    let server = calc();
    handshake(&server).await;
    let started = Instant::now();
    let calls = (10..20).map(|id| server.handle(call(id, "sleep", json!({"ms": 300}))));
    let replies = futures::future::join_all(calls).await;
    let elapsed = started.elapsed();
    for (reply, id) in replies.into_iter().zip(10..) {
        let reply = reply.unwrap();
        assert_eq!(reply["id"], id);
        assert_eq!(reply["result"]["content"][0]["text"], "slept 300");
    }
    assert!(
        elapsed < Duration::from_millis(1500),
        "took {elapsed:?}; calls ran one after another"
    );
}

#[tokio::test]
async fn ping_and_non_json_rpc_messages_are_answered() {
    let server = calc();
    handshake(&server).await;
    let pong = server
        .handle(json!({"jsonrpc": "2.0", "id": 8, "method": "ping"}))
        .await
        .unwrap();
    assert_eq!(pong, json!({"jsonrpc": "2.0", "id": 8, "result": {}}));
    let junk = server.handle(json!({"hello": "world"})).await.unwrap();
    assert_eq!(junk["error"]["code"], -32600);
}
