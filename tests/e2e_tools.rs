//! `#[tool]` functions served as in-process MCP servers, driven by the real CLI: the registry
//! default, explicit selection, errors and panics, permissions, an external stdio server, the MCP
//! control requests (tool search: `e2e_tool_search.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use claude_agent::mcp::McpServerConfig;
use claude_agent::permissions::{PermissionContext, PermissionRequest, PermissionResult};
use claude_agent::protocol::{McpServerStatus, McpStatus, ResultMessage};
use claude_agent::testing::{Match, Reply, ScriptedModel};
use claude_agent::tools::{Json, ToolError, ToolServer, tool};
use claude_agent::{Client, Error, query};
use common::{Offline, within};
use futures::StreamExt;
use serde_json::json;

/// Add two numbers.
#[tool(server = "calc", read_only)]
async fn add(
    /// The left operand.
    a: f64,
    /// The right operand.
    b: f64,
) -> String {
    (a + b).to_string()
}

/// Divide two numbers.
#[tool(server = "calc")]
async fn divide(a: f64, b: f64) -> Result<String, ToolError> {
    if b == 0.0 {
        return Err(ToolError::new("division by zero"));
    }
    Ok((a / b).to_string())
}

/// Always panics (a bug in a tool must not end the session).
#[tool(server = "calc")]
async fn explode() -> String {
    panic!("kaboom")
}

/// Count and mean of some numbers.
#[derive(serde::Serialize)]
struct Stats {
    count: usize,
    mean: f64,
}

/// Count and mean of a list of numbers, as structured JSON.
#[tool(server = "calc", read_only)]
async fn stats(values: Vec<f64>) -> Json<Stats> {
    let count = values.len();
    let mean = values.iter().sum::<f64>() / count.max(1) as f64;
    Json(Stats { count, mean })
}

/// The tools of the `calc` server declared above, as the CLI names them.
const CALC_TOOLS: [&str; 4] = [
    "mcp__calc__add",
    "mcp__calc__divide",
    "mcp__calc__explode",
    "mcp__calc__stats",
];

/// A model that calls `tool` with `input` once, then answers `done`.
fn calls(tool: &str, input: serde_json::Value) -> ScriptedModel {
    ScriptedModel::new()
        .on(Match::any().no_tool_result(), Reply::tool_use(tool, input))
        .fallback(Reply::text("done"))
}

/// Reads the current turn of `client` to its result.
async fn turn(client: &Client) -> ResultMessage {
    let mut stream = client.receive_response();
    let mut last = None;
    while let Some(message) = within(stream.next()).await {
        last = Some(message.unwrap());
    }
    match last {
        Some(claude_agent::Message::Result(result)) => result,
        other => panic!("the turn ended without a result: {other:?}"),
    }
}

#[tokio::test]
async fn a_registered_tool_is_offered_called_and_its_result_reaches_the_model() {
    let offline = Offline::start(calls("mcp__calc__add", json!({"a": 2, "b": 3}))).await;
    let options = offline.options().allowed_tools(["mcp__calc__add"]).build();
    let result = within(query("add 2 and 3", options).result())
        .await
        .unwrap();
    assert!(result.is_success(), "{result:?}");
    let requests = offline.server.message_requests();
    for name in CALC_TOOLS {
        assert!(requests[0].offers_tool(name), "{:?}", requests[0].tools());
    }
    let results = requests[1].tool_results();
    assert_eq!(results.len(), 1, "{results:?}");
    assert_eq!(results[0].tool_name.as_deref(), Some("mcp__calc__add"));
    assert_eq!(results[0].text, "5");
    assert!(!results[0].is_error);
}

#[tokio::test]
async fn a_tool_returning_err_gives_the_model_an_error_result() {
    let offline = Offline::start(calls("mcp__calc__divide", json!({"a": 1, "b": 0}))).await;
    let options = offline
        .options()
        .allowed_tools(["mcp__calc__divide"])
        .build();
    let result = within(query("divide 1 by 0", options).result())
        .await
        .unwrap();
    assert!(result.is_success(), "the turn goes on: {result:?}");
    let results = offline.server.message_requests()[1].tool_results();
    assert!(results[0].is_error, "{results:?}");
    assert!(results[0].text.contains("division by zero"), "{results:?}");
}

#[tokio::test]
async fn a_json_result_reaches_the_model_as_json_text() {
    let offline = Offline::start(calls("mcp__calc__stats", json!({"values": [1, 2, 6]}))).await;
    let options = offline
        .options()
        .allowed_tools(["mcp__calc__stats"])
        .build();
    let result = within(query("stats", options).result()).await.unwrap();
    assert!(result.is_success(), "{result:?}");
    let results = offline.server.message_requests()[1].tool_results();
    assert!(!results[0].is_error, "{results:?}");
    let sent: serde_json::Value = serde_json::from_str(&results[0].text).unwrap();
    // (The CLI may re-render the JSON: compare values, not text.)
    assert_eq!(sent["count"], 3, "{sent}");
    assert_eq!(sent["mean"].as_f64(), Some(3.0), "{sent}");
}

#[tokio::test]
async fn bad_arguments_give_an_error_result_not_a_failed_session() {
    let offline = Offline::start(calls("mcp__calc__add", json!({"a": "two", "b": 3}))).await;
    let options = offline.options().allowed_tools(["mcp__calc__add"]).build();
    let result = within(query("add", options).result()).await.unwrap();
    assert!(result.is_success(), "{result:?}");
    let results = offline.server.message_requests()[1].tool_results();
    assert!(results[0].is_error, "{results:?}");
}

#[tokio::test]
async fn a_panicking_tool_does_not_end_the_session() {
    let model = ScriptedModel::new()
        .on_sequence(
            Match::any().request_number(1),
            [Reply::tool_use("mcp__calc__explode", json!({}))],
        )
        .on(
            Match::any().tool_result_for_tool("mcp__calc__explode"),
            Reply::tool_use("mcp__calc__add", json!({"a": 2, "b": 3})),
        )
        .on(
            Match::any().tool_result_for_tool("mcp__calc__add"),
            Reply::text("survived"),
        )
        .fallback(Reply::text("second turn"));
    let offline = Offline::start(model).await;
    let options = offline
        .options()
        .allowed_tools(["mcp__calc__explode", "mcp__calc__add"])
        .build();
    let client = within(Client::connect(options)).await.unwrap();
    client.send("explode, then add").await.unwrap();
    let first = turn(&client).await;
    assert_eq!(first.result.as_deref(), Some("survived"), "{first:?}");
    client.send("still there?").await.unwrap();
    let second = turn(&client).await;
    assert_eq!(second.result.as_deref(), Some("second turn"));

    let requests = offline.server.message_requests();
    let exploded = &requests[1].tool_results()[0];
    assert!(exploded.is_error, "{exploded:?}");
    assert!(exploded.text.contains("kaboom"), "{exploded:?}");
    let added = &requests[2].tool_results()[0];
    assert_eq!((added.text.as_str(), added.is_error), ("5", false));
    within(client.close()).await.unwrap();
}

#[tokio::test]
async fn the_permission_callback_sees_the_mcp_tool_and_its_input_before_it_runs() {
    let model = ScriptedModel::new()
        .on(
            Match::any().no_tool_result(),
            Reply::tool_use("mcp__calc__add", json!({"a": 1, "b": 1})),
        )
        .on_sequence(
            Match::any().tool_result_for_tool("mcp__calc__add"),
            [
                Reply::tool_use("mcp__calc__add", json!({"a": 2, "b": 3})),
                Reply::text("done"),
            ],
        );
    let offline = Offline::start(model).await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = seen.clone();
    let options = offline
        .options()
        .can_use_tool(move |req: PermissionRequest, _cx: PermissionContext| {
            let first = req.input["a"] == 1;
            record.lock().unwrap().push((req.tool_name, req.input));
            async move {
                if first {
                    PermissionResult::deny("not one plus one")
                } else {
                    PermissionResult::allow()
                }
            }
        })
        .build();
    let result = within(query("add twice", options).result()).await.unwrap();
    assert!(result.is_success(), "{result:?}");
    let seen = seen.lock().unwrap().clone();
    assert_eq!(
        seen,
        [
            ("mcp__calc__add".to_owned(), json!({"a": 1, "b": 1})),
            ("mcp__calc__add".to_owned(), json!({"a": 2, "b": 3})),
        ]
    );
    let requests = offline.server.message_requests();
    let denied = &requests[1].tool_results()[0];
    assert!(denied.is_error, "{denied:?}");
    assert!(denied.text.contains("not one plus one"), "{denied:?}");
    let allowed = &requests[2].tool_results()[0];
    assert_eq!((allowed.text.as_str(), allowed.is_error), ("5", false));
    assert_eq!(result.permission_denials.len(), 1);
    assert_eq!(result.permission_denials[0].tool_name, "mcp__calc__add");
}

#[tokio::test]
async fn an_external_stdio_server_built_from_tools_is_used_by_the_cli() {
    let offline = Offline::start(calls("mcp__ext__multiply", json!({"a": 6, "b": 7}))).await;
    let server = common::stdio_example().to_string_lossy().into_owned();
    let options = offline
        .options()
        .mcp_server("ext", McpServerConfig::stdio(server, Vec::<String>::new()))
        .allowed_tools(["mcp__ext__multiply"])
        .build();
    let result = within(query("multiply 6 by 7", options).result())
        .await
        .unwrap();
    assert!(result.is_success(), "{result:?}");
    let requests = offline.server.message_requests();
    assert!(
        requests[0].offers_tool("mcp__ext__multiply"),
        "{:?}",
        requests[0].tools()
    );
    let results = requests[1].tool_results();
    assert_eq!(
        (results[0].text.as_str(), results[0].is_error),
        ("42", false)
    );
}

fn server<'a>(statuses: &'a [McpServerStatus], name: &str) -> &'a McpServerStatus {
    statuses
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no server `{name}` in {statuses:?}"))
}

#[tokio::test]
async fn mcp_server_status_reports_the_tool_server_with_its_tools_and_annotations() {
    let offline = Offline::start(ScriptedModel::new().fallback(Reply::text("hi"))).await;
    let client = within(Client::connect(offline.options().build()))
        .await
        .unwrap();
    // 2.1.197 reports no servers before the first user message: ask after a turn.
    client.send("hello").await.unwrap();
    turn(&client).await;
    let statuses = within(client.mcp_server_status()).await.unwrap();
    let calc = server(&statuses, "calc");
    assert_eq!(calc.status, McpStatus::Connected, "{calc:?}");
    let mut tools: Vec<&str> = calc.tools.iter().map(|t| t.name.as_str()).collect();
    tools.sort_unstable();
    assert_eq!(tools, ["add", "divide", "explode", "stats"]);
    let add = calc.tools.iter().find(|t| t.name == "add").unwrap();
    let annotations = add.annotations.clone().unwrap_or_default();
    assert_eq!(annotations["readOnly"], true, "{add:?}");
    if let Some(info) = &calc.server_info {
        assert_eq!(info.name, "calc");
    }
    within(client.close()).await.unwrap();
}

#[tokio::test]
async fn set_mcp_servers_adds_a_tool_server_the_model_can_call_then_removes_it() {
    let model = ScriptedModel::new()
        .on(
            Match::any()
                .no_tool_result()
                .user_text_contains("use extra"),
            Reply::tool_use("mcp__extra__add", json!({"a": 20, "b": 22})),
        )
        .fallback(Reply::text("ok"));
    let offline = Offline::start(model).await;
    let options = offline.options().allowed_tools(["mcp__extra__add"]).build();
    let client = within(Client::connect(options)).await.unwrap();
    client.send("hello").await.unwrap();
    turn(&client).await;

    let extra = ToolServer::new("extra").tool(AddTool).unwrap();
    let servers = BTreeMap::from([("extra".to_owned(), McpServerConfig::from(extra))]);
    let added = within(client.set_mcp_servers(servers)).await.unwrap();
    // The set replaces every dynamic server, including those the session started with.
    assert_eq!(added.added, ["extra"], "{added:?}");
    assert_eq!(added.removed, ["calc"], "{added:?}");
    assert!(added.errors.is_empty(), "{added:?}");

    client.send("use extra").await.unwrap();
    let result = turn(&client).await;
    assert!(result.is_success(), "{result:?}");
    let last = offline.server.message_requests();
    let results = last
        .iter()
        .flat_map(|r| r.tool_results())
        .find(|r| r.tool_name.as_deref() == Some("mcp__extra__add"))
        .expect("a result for mcp__extra__add");
    assert_eq!((results.text.as_str(), results.is_error), ("42", false));

    let removed = within(client.set_mcp_servers(BTreeMap::new()))
        .await
        .unwrap();
    assert_eq!(removed.removed, ["extra"], "{removed:?}");
    assert!(removed.added.is_empty(), "{removed:?}");
    let statuses = within(client.mcp_server_status()).await.unwrap();
    assert!(statuses.iter().all(|s| s.name != "extra"), "{statuses:?}");
    within(client.close()).await.unwrap();
}

#[tokio::test]
async fn toggle_and_reconnect_of_an_in_process_server_answer_with_typed_results() {
    let offline = Offline::start(ScriptedModel::new().fallback(Reply::text("hi"))).await;
    let client = within(Client::connect(offline.options().build()))
        .await
        .unwrap();
    client.send("hello").await.unwrap();
    turn(&client).await;

    // Every CLI version refuses to reconnect an in-process server.
    let err = within(client.reconnect_mcp_server("calc"))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Control { subtype, .. } if subtype == "mcp_reconnect"),
        "{err:?}"
    );

    // 2.1.197 does not report its version in `initialize`; 2.1.330 does.
    let newer = client.initialization_result().claude_code_version.is_some();
    within(client.toggle_mcp_server("calc", false))
        .await
        .unwrap();
    let statuses = within(client.mcp_server_status()).await.unwrap();
    let calc = server(&statuses, "calc");
    assert!(calc.tools.is_empty(), "{calc:?}");
    if newer {
        assert_eq!(calc.status, McpStatus::Disabled, "{calc:?}");
    }
    // Enabling again: 2.1.330 runs a new handshake through the bridge; 2.1.197 refuses.
    match within(client.toggle_mcp_server("calc", true)).await {
        Ok(()) => {
            let statuses = within(client.mcp_server_status()).await.unwrap();
            let calc = server(&statuses, "calc");
            assert_eq!(calc.status, McpStatus::Connected, "{calc:?}");
            assert_eq!(calc.tools.len(), CALC_TOOLS.len(), "{calc:?}");
        }
        Err(err) => {
            assert!(!newer, "2.1.330 re-enables in-process servers: {err:?}");
            assert!(
                matches!(&err, Error::Control { subtype, .. } if subtype == "mcp_toggle"),
                "{err:?}"
            );
        }
    }
    within(client.close()).await.unwrap();
}

#[tokio::test]
async fn an_explicit_tool_server_replaces_the_registered_ones() {
    let offline = Offline::start(calls("mcp__x__add", json!({"a": 1, "b": 2}))).await;
    let options = offline
        .options()
        .tool_server(ToolServer::new("x").tool(AddTool).unwrap())
        .allowed_tools(["mcp__x__add"])
        .build();
    within(query("add", options).result()).await.unwrap();
    let requests = offline.server.message_requests();
    assert!(requests[0].offers_tool("mcp__x__add"));
    for name in CALC_TOOLS {
        assert!(!requests[0].offers_tool(name), "{:?}", requests[0].tools());
    }
    assert_eq!(requests[1].tool_results()[0].text, "3");
}

#[tokio::test]
async fn no_registered_leaves_the_registered_tools_out() {
    let offline = Offline::start(ScriptedModel::new().fallback(Reply::text("hi"))).await;
    let options = offline.options().no_registered().build();
    within(query("hello", options).result()).await.unwrap();
    let tools = offline.server.message_requests()[0].tools();
    assert!(tools.iter().all(|t| !t.starts_with("mcp__")), "{tools:?}");
}

#[test]
fn a_duplicate_tool_name_in_one_server_is_refused() {
    let err = ToolServer::new("x")
        .tool(AddTool)
        .unwrap()
        .tool(AddTool)
        .unwrap_err();
    let text = err.to_string();
    assert!(
        matches!(
            err,
            Error::InvalidOption {
                option: "tools",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(text.contains("duplicate tool `add`"), "{text}");
}
