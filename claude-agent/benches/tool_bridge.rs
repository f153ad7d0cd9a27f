//! Round trip of one `tools/call` through the in-process MCP bridge (rmcp service loop over
//! in-memory channels), as the engine drives it for each `mcp_message` control request.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use claude_agent::mcp::McpServerConfig;
use claude_agent::tools::{ToolContext, ToolServer, tool};
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::json;

/// Add two numbers.
#[tool(server = "calc")]
async fn add(a: f64, b: f64) -> String {
    (a + b).to_string()
}

fn bench_tool_call(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let McpServerConfig::Sdk(server) = ToolServer::new("calc").tool(AddTool).unwrap().into_config()
    else {
        panic!("not an sdk server");
    };
    runtime.block_on(async {
        let init = json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
            "protocolVersion": "2025-11-25", "capabilities": {},
            "clientInfo": {"name": "claude-code", "version": "2.1.330"}}});
        server.handle(init).await.unwrap();
        server
            .handle(json!({"jsonrpc": "2.0", "method": "notifications/initialized"}))
            .await;
    });
    let call = json!({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {
        "name": "add", "arguments": {"a": 2, "b": 3},
        "_meta": {"claudecode/toolUseId": "toolu_bench", "progressToken": 2}}});

    c.bench_function("bridge tools/call round trip", |b| {
        b.iter(|| {
            runtime
                .block_on(server.handle(black_box(call.clone())))
                .unwrap()
        })
    });

    let direct = ToolServer::new("calc").tool(AddTool).unwrap();
    c.bench_function("ToolServer::call without MCP", |b| {
        b.iter(|| {
            runtime.block_on(
                direct
                    .call(
                        "add",
                        black_box(json!({"a": 2, "b": 3})),
                        ToolContext::new(),
                    )
                    .unwrap(),
            )
        })
    });
}

criterion_group!(benches, bench_tool_call);
criterion_main!(benches);
