//! Full round trip of an in-process `#[tool]` call through the engine: the fake CLI writes
//! `mcp_message` control requests (`tools/call`) on the SDK's stdin pipe, the engine dispatches
//! each to the rmcp bridge, and the answer goes back as a `control_response`. The fake CLI times
//! each request from write to answer, first one at a time (latency), then all at once
//! (throughput). Run: `cargo bench --bench tool_roundtrip`.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use claude_agent::tools::{ToolServer, tool};
use claude_agent::{Options, query};
use serde_json::Value;

const FAKE: &str = env!("CARGO_BIN_EXE_fake-claude");
const CALLS: usize = 2_000;

/// Add two numbers.
#[tool(server = "calc")]
async fn add(a: f64, b: f64) -> String {
    (a + b).to_string()
}

#[tokio::main]
async fn main() {
    for round in 0..3 {
        let options = Options::builder()
            .cli_path(FAKE)
            .env("FAKE_CLAUDE_MODE", "tool-bench")
            .env("FAKE_CLAUDE_TOOL_CALLS", CALLS.to_string())
            .tool_server(ToolServer::new("calc").tool(AddTool).unwrap())
            .build();
        let result = query("go", options).result().await.unwrap();
        let stats: Value = serde_json::from_str(result.result.as_deref().unwrap()).unwrap();
        let us = |key: &str| stats[key].as_f64().unwrap();
        println!(
            "round {round}: {CALLS} tools/call one at a time: mean {:.1} µs, p50 {:.1} µs, \
             p99 {:.1} µs; {CALLS} at once: {:.1} µs each ({:.0} calls/s)",
            us("sequential_mean_us"),
            us("sequential_p50_us"),
            us("sequential_p99_us"),
            us("concurrent_total_us") / CALLS as f64,
            CALLS as f64 / (us("concurrent_total_us") / 1e6),
        );
    }
}
