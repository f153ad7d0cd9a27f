//! `ToolServer::serve_stdio`: this test binary re-runs itself as a stdio MCP server and talks
//! to it as an MCP client would (no libtest harness, so stdout carries only the protocol).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Stdio;
use std::time::Duration;

use claude_agent::tools::{ToolServer, tool};
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::Command;

const SERVE: &str = "CLAUDE_AGENT_TEST_SERVE_STDIO";

/// Multiply two numbers.
#[tool(server = "calc")]
async fn multiply(a: f64, b: f64) -> String {
    (a * b).to_string()
}

#[tokio::main]
async fn main() {
    if std::env::var_os(SERVE).is_some() {
        let server = ToolServer::new("calc").tool(MultiplyTool).unwrap();
        server.serve_stdio().await.unwrap();
        return;
    }
    tokio::time::timeout(
        Duration::from_secs(30),
        serves_tools_over_stdio_until_stdin_closes(),
    )
    .await
    .expect("the stdio server did not answer in time");
    println!("tools_stdio: ok");
}

async fn serves_tools_over_stdio_until_stdin_closes() {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .env(SERVE, "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut send = async |message: Value| {
        stdin
            .write_all(format!("{message}\n").as_bytes())
            .await
            .unwrap();
        stdin.flush().await.unwrap();
    };

    send(
        json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "protocolVersion": "2025-11-25", "capabilities": {},
        "clientInfo": {"name": "test-client", "version": "0"}}}),
    )
    .await;
    let init: Value = serde_json::from_str(&lines.next_line().await.unwrap().unwrap()).unwrap();
    assert_eq!(init["id"], 0);
    assert_eq!(init["result"]["serverInfo"]["name"], "calc", "{init}");

    send(json!({"jsonrpc": "2.0", "method": "notifications/initialized"})).await;
    send(json!({"jsonrpc": "2.0", "id": 1, "method": "tools/list"})).await;
    let list: Value = serde_json::from_str(&lines.next_line().await.unwrap().unwrap()).unwrap();
    assert_eq!(list["result"]["tools"][0]["name"], "multiply", "{list}");
    // One schema shaping for every client: no Rust-specific formats (`f64` is not `double`).
    assert!(!list.to_string().contains("\"format\""), "{list}");
    assert_eq!(
        list["result"]["tools"][0]["_meta"]["anthropic/alwaysLoad"], true,
        "{list}"
    );
    assert_eq!(
        list["result"]["tools"][0]["description"],
        "Multiply two numbers."
    );

    send(json!({"jsonrpc": "2.0", "id": 2, "method": "tools/call",
                "params": {"name": "multiply", "arguments": {"a": 6, "b": 7}}}))
    .await;
    let reply: Value = serde_json::from_str(&lines.next_line().await.unwrap().unwrap()).unwrap();
    assert_eq!(reply["id"], 2);
    assert_eq!(reply["result"]["content"][0]["text"], "42", "{reply}");

    drop(stdin);
    let status = child.wait().await.unwrap();
    assert!(
        status.success(),
        "serve_stdio should return Ok when stdin closes: {status}"
    );
}
