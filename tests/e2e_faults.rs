//! Faults with the real CLI: a session dropped mid-turn (with an MCP server grandchild), the
//! version the suite runs against, and control methods observed in what reaches the model.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::time::{Duration, Instant};

use claude_agent::mcp::McpServerConfig;
use claude_agent::protocol::SystemMessage;
use claude_agent::testing::{Reply, ScriptedModel};
use claude_agent::{Client, Message, query};
use common::{Offline, installed_version, processes_in, within};
use futures::StreamExt;

#[tokio::test]
async fn dropping_a_query_mid_turn_ends_the_cli_and_its_mcp_server_within_a_second() {
    // The model starts answering and never finishes: the CLI is mid-turn until stopped.
    let offline = Offline::start(ScriptedModel::new().fallback(Reply::hang())).await;
    let server = common::stdio_example().to_string_lossy().into_owned();
    let options = offline
        .options()
        .mcp_server("ext", McpServerConfig::stdio(server, Vec::<String>::new()))
        .build();
    let mut stream = query("think forever", options);
    // system/init comes once the MCP servers are connected; then wait for the model request.
    let init = within(stream.next()).await;
    assert!(matches!(init, Some(Ok(Message::System(_)))), "{init:?}");
    within(async {
        while offline.server.message_requests().is_empty() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await;
    let cwd = offline.env.cwd().to_path_buf();
    let running = processes_in(&cwd);
    assert!(
        running.len() >= 2,
        "the CLI and its MCP server run in the session's directory: {running:?}"
    );
    let dropped = Instant::now();
    drop(stream);
    let left = loop {
        let left = processes_in(&cwd);
        if left.is_empty() || dropped.elapsed() > Duration::from_secs(5) {
            break left;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    };
    let took = dropped.elapsed();
    eprintln!("real CLI: drop mid-turn -> all gone in {took:?}");
    assert!(left.is_empty(), "left behind: {left:?}");
    assert!(took < Duration::from_secs(1), "took {took:?}");
}

#[tokio::test]
async fn the_suite_runs_against_the_version_the_cli_reports() {
    let installed = installed_version();
    let offline = Offline::start(ScriptedModel::new().fallback(Reply::text("ok"))).await;
    let client = within(Client::connect(offline.options().build()))
        .await
        .unwrap();
    // The initialize answer names the version since 2.1.330; 2.1.197 names it only in
    // `system/init`. Exact on both: no branch accepts a missing version on a newer CLI.
    let reported = client.initialization_result().claude_code_version.clone();
    let expected_in_initialize = (installed != "2.1.197").then(|| installed.clone());
    assert_eq!(
        reported, expected_in_initialize,
        "initialize must name the version of the CLI that answered it (2.1.330+)"
    );
    client.send("hello").await.unwrap();
    let mut in_init = None;
    let mut stream = client.receive_response();
    while let Some(message) = within(stream.next()).await {
        if let Message::System(SystemMessage::Init(init)) = message.unwrap() {
            in_init = init.claude_code_version.clone();
        }
    }
    drop(stream);
    assert_eq!(
        in_init.as_deref(),
        Some(installed.as_str()),
        "system/init names it"
    );
    within(client.close()).await.unwrap();
}

#[tokio::test]
async fn set_max_thinking_tokens_and_set_model_reach_the_model_request() {
    let model = ScriptedModel::new().fallback(Reply::text("ok"));
    let offline = Offline::start(model).await;
    let client = within(Client::connect(offline.options().build()))
        .await
        .unwrap();
    within(client.set_model(Some("claude-haiku-4-5")))
        .await
        .unwrap();
    within(client.set_max_thinking_tokens(Some(3000), None))
        .await
        .unwrap();
    client.send("hello").await.unwrap();
    let mut stream = client.receive_response();
    while let Some(message) = within(stream.next()).await {
        message.unwrap();
    }
    drop(stream);
    let requests = offline.server.message_requests();
    let last = requests.last().expect("a model request");
    assert_eq!(last.model.as_deref(), Some("claude-haiku-4-5"));
    eprintln!("thinking field: {}", last.body["thinking"]);
    assert_eq!(
        last.body["thinking"]["budget_tokens"], 3000,
        "{}",
        last.body["thinking"]
    );
    within(client.close()).await.unwrap();
}
