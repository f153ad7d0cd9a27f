//! Tools defined at run time ([`DynamicTool`]) next to `#[tool]` functions in one server, driven
//! by the real CLI; Claude Code's per-tool hints in `_meta` (direct loading under tool search,
//! maximum result size); and tool input schemas free of Rust-specific formats as the model
//! receives them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use claude_agent::testing::{Match, RecordedRequest, Reply, ScriptedModel, cli_path};
use claude_agent::tools::{DynamicTool, ToolContext, ToolError, ToolServer, tool};
use claude_agent::{Options, OptionsBuilder, query};
use common::{Offline, within};
use serde_json::{Value, json};

/// Multiply two numbers.
#[tool(server = "mixed", read_only, search_hint = "arithmetic product")]
async fn multiply(
    /// The left factor.
    a: f64,
    /// The right factor.
    b: f64,
    /// How many digits to keep (unused; it gives the schema a `uint8`).
    digits: Option<u8>,
) -> String {
    let _ = digits;
    (a * b).to_string()
}

/// A run-time tool whose name and answer come from data (here: a greeting table).
fn greeter(name: &str, greeting: &'static str) -> DynamicTool {
    DynamicTool::new(
        name,
        format!("Greets someone with \"{greeting}\"."),
        json!({
            "type": "object",
            "properties": {"who": {"type": "string", "description": "Whom to greet."},
                           "times": {"type": "integer", "format": "uint32", "minimum": 1}},
            "required": ["who"]
        }),
        move |args: Value, cx: ToolContext| async move {
            let who = args["who"]
                .as_str()
                .ok_or(ToolError::from("`who` must be a string"))?;
            let id = cx.tool_use_id().unwrap_or("none").to_owned();
            Ok::<_, ToolError>(format!("{greeting}, {who}! ({id})"))
        },
    )
    .unwrap()
}

fn mixed_server() -> ToolServer {
    ToolServer::new("mixed")
        .tool(MultiplyTool)
        .unwrap()
        .dynamic_tool(greeter("greet", "Hello"))
        .unwrap()
}

/// The `tools` entry the model received for `name`.
fn tool_definition(request: &RecordedRequest, name: &str) -> Value {
    request.body["tools"]
        .as_array()
        .and_then(|tools| tools.iter().find(|t| t["name"] == name))
        .cloned()
        .unwrap_or_else(|| panic!("`{name}` not offered: {:?}", request.tools()))
}

#[tokio::test]
async fn a_run_time_tool_is_called_and_its_result_reaches_the_model_next_to_a_macro_tool() {
    let model = ScriptedModel::new()
        .on_sequence(
            Match::any().request_number(1),
            [Reply::tool_use("mcp__mixed__greet", json!({"who": "Ada"}))],
        )
        .on(
            Match::any().tool_result_for_tool("mcp__mixed__greet"),
            Reply::tool_use("mcp__mixed__multiply", json!({"a": 6, "b": 7})),
        )
        .fallback(Reply::text("done"));
    let offline = Offline::start(model).await;
    let options = offline
        .options()
        .tool_server(mixed_server())
        .allowed_tools(["mcp__mixed__greet", "mcp__mixed__multiply"])
        .build();
    let result = within(query("greet Ada, then multiply", options).result())
        .await
        .unwrap();
    assert!(result.is_success(), "{result:?}");

    let requests = offline.server.message_requests();
    let greeted = &requests[1].tool_results()[0];
    assert_eq!(greeted.tool_name.as_deref(), Some("mcp__mixed__greet"));
    assert!(!greeted.is_error, "{greeted:?}");
    // The CLI's tool_use id reaches the closure through the context.
    assert_eq!(
        greeted.text,
        format!("Hello, Ada! ({})", greeted.tool_use_id),
        "{greeted:?}"
    );
    let multiplied = &requests[2].tool_results()[0];
    assert_eq!(
        (multiplied.text.as_str(), multiplied.is_error),
        ("42", false)
    );

    // What the model was told about both tools: descriptions and schemas as defined, without
    // schemars' Rust-specific formats (`double`, `uint8`) nor the run-time schema's `uint32`.
    let greet = tool_definition(&requests[0], "mcp__mixed__greet");
    assert!(
        greet["description"]
            .as_str()
            .unwrap()
            .contains("Greets someone with \"Hello\"."),
        "{greet}"
    );
    assert_eq!(greet["input_schema"]["required"], json!(["who"]), "{greet}");
    let multiply = tool_definition(&requests[0], "mcp__mixed__multiply");
    assert_eq!(
        multiply["input_schema"]["properties"]["a"]["description"], "The left factor.",
        "{multiply}"
    );
    for schema in [&greet["input_schema"], &multiply["input_schema"]] {
        let text = schema.to_string();
        assert!(!text.contains("\"format\""), "{text}");
    }
}

#[tokio::test]
async fn a_run_time_tool_error_reaches_the_model_as_an_error_result() {
    let model = ScriptedModel::new()
        .on(
            Match::any().no_tool_result(),
            Reply::tool_use("mcp__mixed__greet", json!({"who": 5})),
        )
        .fallback(Reply::text("done"));
    let offline = Offline::start(model).await;
    let options = offline
        .options()
        .tool_server(mixed_server())
        .allowed_tools(["mcp__mixed__greet"])
        .build();
    let result = within(query("greet", options).result()).await.unwrap();
    assert!(result.is_success(), "{result:?}");
    let seen = &offline.server.message_requests()[1].tool_results()[0];
    assert!(seen.is_error, "{seen:?}");
    assert!(seen.text.contains("`who` must be a string"), "{seen:?}");
}

/// Names of the tools offered to the model directly: without `defer_loading` (2.1.330 lists a
/// deferred placeholder with `defer_loading: true`; deferred tools are otherwise left out).
fn direct_tools(request: &RecordedRequest) -> Vec<String> {
    request.body["tools"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| t["defer_loading"] != true)
        .filter_map(|t| t["name"].as_str().map(str::to_owned))
        .collect()
}

/// The tools offered directly in the first model request of a session with `options`.
async fn first_request_tools(
    configure: impl FnOnce(OptionsBuilder) -> OptionsBuilder,
) -> Vec<String> {
    let offline = Offline::start(ScriptedModel::new().fallback(Reply::text("hi"))).await;
    let vars = offline.env.env_vars();
    // Without TestEnv's ENABLE_TOOL_SEARCH=false: the session's own choice applies.
    let options = Options::builder()
        .cli_path(cli_path().unwrap())
        .cwd(offline.env.cwd())
        .envs(vars.into_iter().filter(|(k, _)| k != "ENABLE_TOOL_SEARCH"));
    within(query("hello", configure(options).build()).result())
        .await
        .unwrap();
    direct_tools(&offline.server.message_requests()[0])
}

#[tokio::test]
async fn with_tool_search_on_our_tools_are_offered_directly_and_the_rest_is_deferred() {
    let server = || {
        mixed_server()
            .dynamic_tool(greeter("greet_later", "Later").always_load(false))
            .unwrap()
    };
    let searching = first_request_tools(|o| o.tool_server(server()).tool_search(true)).await;
    let everything = first_request_tools(|o| o.tool_server(server()).tool_search(false)).await;

    // Tool search is on: the model gets ToolSearch, and fewer tools up front.
    assert!(searching.iter().any(|t| t == "ToolSearch"), "{searching:?}");
    assert!(
        searching.len() < everything.len(),
        "{searching:?} vs {everything:?}"
    );
    // Our tools are offered directly (`_meta["anthropic/alwaysLoad"]`), except the one that
    // asked to be deferred; with tool search off every tool is offered.
    for name in ["mcp__mixed__greet", "mcp__mixed__multiply"] {
        assert!(searching.iter().any(|t| t == name), "{name}: {searching:?}");
    }
    assert!(
        !searching.iter().any(|t| t == "mcp__mixed__greet_later"),
        "{searching:?}"
    );
    assert!(
        everything.iter().any(|t| t == "mcp__mixed__greet_later"),
        "{everything:?}"
    );
    assert!(
        !everything.iter().any(|t| t == "ToolSearch"),
        "{everything:?}"
    );
}

#[tokio::test]
async fn a_result_longer_than_max_result_size_chars_reaches_the_model_as_a_preview() {
    let long = "0123456789".repeat(500); // 5,000 characters
    let tool = |name: &str, limit: Option<u32>| {
        let long = long.clone();
        let tool = DynamicTool::new(name, "Returns a long text.", json!({}), move |_, _| {
            let long = long.clone();
            async move { long }
        })
        .unwrap();
        match limit {
            Some(limit) => tool.max_result_size_chars(limit),
            None => tool,
        }
    };
    let server = ToolServer::new("big")
        .dynamic_tool(tool("capped", Some(1_000)))
        .unwrap()
        .dynamic_tool(tool("uncapped", None))
        .unwrap();
    let model = ScriptedModel::new()
        .on_sequence(
            Match::any().request_number(1),
            [Reply::tool_use("mcp__big__capped", json!({}))],
        )
        .on(
            Match::any().tool_result_for_tool("mcp__big__capped"),
            Reply::tool_use("mcp__big__uncapped", json!({})),
        )
        .fallback(Reply::text("done"));
    let offline = Offline::start(model).await;
    let options = offline
        .options()
        .tool_server(server)
        .allowed_tools(["mcp__big__capped", "mcp__big__uncapped"])
        .build();
    let result = within(query("read both", options).result()).await.unwrap();
    assert!(result.is_success(), "{result:?}");
    let requests = offline.server.message_requests();
    let capped = &requests[1].tool_results()[0];
    let uncapped = &requests[2].tool_results()[0];
    // Under the CLI's default limit the whole text arrives; over the tool's own limit the CLI
    // saves it to a file and the model gets the path and a preview (both 2.1.197 and 2.1.330).
    assert_eq!(uncapped.text, long);
    assert!(!capped.is_error, "{capped:?}");
    assert!(capped.text.len() < long.len(), "{capped:?}");
    assert!(capped.text.contains("<persisted-output>"), "{capped:?}");
    assert!(capped.text.contains("Full output saved to"), "{capped:?}");
    assert!(capped.text.contains("0123456789"), "a preview: {capped:?}");
}
