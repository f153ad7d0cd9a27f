//! Newer run-time options against the real CLI: external MCP servers delivered through
//! `initialize` (their secrets stay out of the process list) and verbatim prompts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeMap;

use claude_agent::mcp::McpServerConfig;
use claude_agent::options::Delivery;
use claude_agent::testing::{Match, Reply, ScriptedModel};
use claude_agent::{Client, Error, Message};
use common::{Offline, within};
use futures::StreamExt;
use serde_json::json;

const SECRET: &str = "sk-test-do-not-leak-4711";

fn external_server() -> McpServerConfig {
    McpServerConfig::Stdio {
        command: common::stdio_example().to_string_lossy().into_owned(),
        args: Vec::new(),
        env: BTreeMap::from([("EXT_API_TOKEN".to_owned(), SECRET.to_owned())]),
    }
}

fn cmdline(pid: u32) -> String {
    std::fs::read(format!("/proc/{pid}/cmdline"))
        .map(|raw| String::from_utf8_lossy(&raw).replace('\0', " "))
        .unwrap()
}

#[tokio::test]
async fn external_mcp_secrets_stay_out_of_argv_where_the_cli_reads_initialize() {
    let model = ScriptedModel::new()
        .on(
            Match::any().no_tool_result(),
            Reply::tool_use("mcp__ext__multiply", json!({"a": 6, "b": 7})),
        )
        .fallback(Reply::text("done"));
    let offline = Offline::start(model).await;
    let options = offline
        .options()
        .mcp_server("ext", external_server())
        .allowed_tools(["mcp__ext__multiply"])
        .build();
    let client = within(Client::connect(options)).await.unwrap();
    let argv = cmdline(client.pid().unwrap());
    let newer = client.initialization_result().claude_code_version.is_some();
    if newer {
        // 2.1.330: the server travelled in `initialize`; argv has no trace of it.
        assert!(!argv.contains(SECRET), "{argv}");
        assert!(!argv.contains("--mcp-config"), "{argv}");
        assert!(argv.contains("--await-initialize"), "{argv}");
    } else {
        // 2.1.197 cannot read servers from `initialize`: Auto falls back to --mcp-config.
        assert!(argv.contains("--mcp-config"), "{argv}");
    }
    // Either way the server works: the tool runs and its result reaches the model.
    client.send("multiply 6 by 7").await.unwrap();
    let items = within(client.receive_response().collect::<Vec<_>>()).await;
    let result = common::results(&items)[0].clone();
    assert!(result.is_success(), "{result:?}");
    let requests = offline.server.message_requests();
    assert_eq!(requests[1].tool_results()[0].text, "42");
    within(client.close()).await.unwrap();
}

#[tokio::test]
async fn forcing_initialize_delivery_on_an_old_cli_is_a_typed_error() {
    let offline = Offline::start(ScriptedModel::new().fallback(Reply::text("ok"))).await;
    let options = offline
        .options()
        .mcp_server("ext", external_server())
        .mcp_servers_delivery(Delivery::Initialize)
        .build();
    let connected = within(Client::connect(options)).await;
    let version = claude_agent::testing::cli_path()
        .map(|path| {
            std::process::Command::new(path)
                .arg("--version")
                .output()
                .unwrap()
        })
        .unwrap();
    let old = String::from_utf8_lossy(&version.stdout).starts_with("2.1.197");
    match connected {
        Ok(client) => {
            assert!(!old, "2.1.197 cannot read MCP servers from initialize");
            within(client.close()).await.unwrap();
        }
        Err(Error::InvalidOption { option, .. }) => {
            assert!(old);
            assert_eq!(option, "mcp_servers_delivery");
        }
        Err(other) => panic!("{other}"),
    }
}

#[tokio::test]
async fn verbatim_prompts_reach_the_model_undispatched_on_newer_clis() {
    let offline = Offline::start(ScriptedModel::new().fallback(Reply::text("seen"))).await;
    let options = offline.options().verbatim_prompts(true).build();
    let client = within(Client::connect(options)).await.unwrap();
    let newer = client.initialization_result().claude_code_version.is_some();
    // `/context` is a local command: dispatched, it never asks the model.
    client.send("/context").await.unwrap();
    let items = within(client.receive_response().collect::<Vec<_>>()).await;
    assert!(items.iter().all(Result::is_ok), "{items:?}");
    let requests = offline.server.message_requests();
    if newer {
        assert_eq!(requests.len(), 1, "sent to the model as text");
        assert!(requests[0].last_user_full_text().contains("/context"));
        assert!(items.iter().any(|m| matches!(m, Ok(Message::Assistant(_)))));
    } else {
        // 2.1.197 ignores `client_composed` and runs the command locally.
        assert!(requests.is_empty(), "{} requests", requests.len());
    }
    within(client.close()).await.unwrap();
}
