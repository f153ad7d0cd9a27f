//! The CLI's tool search with in-process tools, on the real CLI: the SDK leaves tool search to
//! the CLI, and our tools are offered directly through `_meta["anthropic/alwaysLoad"]` unless a
//! server opts out. Version-aware: 2.1.330 has tool search on by default, 2.1.197 off.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use claude_agent::testing::{Reply, ScriptedModel, cli_path};
use claude_agent::tools::{ToolServer, tool};
use claude_agent::{Options, OptionsBuilder, query};
use common::{Offline, within};

/// Add two numbers.
#[tool(server = "calc", read_only)]
async fn add(a: f64, b: f64) -> String {
    (a + b).to_string()
}

/// Subtract b from a.
#[tool(server = "calc")]
async fn subtract(a: f64, b: f64) -> String {
    (a - b).to_string()
}

/// The tools of the `calc` server declared above, as the CLI names them.
const CALC_TOOLS: [&str; 2] = ["mcp__calc__add", "mcp__calc__subtract"];

/// Options for the real CLI in `offline`'s environment without `TestEnv`'s
/// `ENABLE_TOOL_SEARCH=false`: what a user's session gets by default.
fn options_with_default_tool_search(offline: &Offline) -> OptionsBuilder {
    let vars = offline.env.env_vars();
    Options::builder()
        .cli_path(cli_path().unwrap())
        .cwd(offline.env.cwd())
        .envs(vars.into_iter().filter(|(k, _)| k != "ENABLE_TOOL_SEARCH"))
}

/// Whether the CLI under test is 2.1.197 (`claude --version` prints `2.1.197 (Claude Code)`).
fn cli_is_2_1_197() -> bool {
    let output = std::process::Command::new(cli_path().unwrap())
        .arg("--version")
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout).starts_with("2.1.197")
}

/// Tool names in the first model request that are offered directly (2.1.330 adds a
/// `defer_loading` placeholder when it defers tools).
fn offered_directly(offline: &Offline) -> Vec<String> {
    let first = &offline.server.message_requests()[0];
    first.body["tools"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| t["defer_loading"] != true)
        .filter_map(|t| t["name"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn in_process_tools_are_offered_directly_by_default_while_tool_search_stays_on() {
    let offline = Offline::start(ScriptedModel::new().fallback(Reply::text("hi"))).await;
    let options = options_with_default_tool_search(&offline).build();
    within(query("hello", options).result()).await.unwrap();
    let by_default = offered_directly(&offline);

    let offline = Offline::start(ScriptedModel::new().fallback(Reply::text("hi"))).await;
    let options = options_with_default_tool_search(&offline)
        .tool_search(false)
        .build();
    within(query("hello", options).result()).await.unwrap();
    let everything = offered_directly(&offline);

    // Ours are offered directly in both sessions: the SDK no longer turns tool search off.
    for name in CALC_TOOLS {
        assert!(
            by_default.iter().any(|t| t == name),
            "{name}: {by_default:?}"
        );
        assert!(
            everything.iter().any(|t| t == name),
            "{name}: {everything:?}"
        );
    }
    assert!(
        !everything.iter().any(|t| t == "ToolSearch"),
        "{everything:?}"
    );
    if cli_is_2_1_197() {
        // 2.1.197 leaves tool search off by default (here, with a local ANTHROPIC_BASE_URL).
        assert_eq!(by_default, everything);
    } else {
        // 2.1.330 keeps tool search on for the built-in tools: fewer of them, plus ToolSearch
        // (e.g. 10 built-ins + ToolSearch + ours instead of 21 built-ins + ours).
        assert!(
            by_default.iter().any(|t| t == "ToolSearch"),
            "{by_default:?}"
        );
        assert!(
            by_default.len() < everything.len(),
            "{by_default:?} vs {everything:?}"
        );
        for deferred in ["WebFetch", "WebSearch", "NotebookEdit"] {
            assert!(everything.iter().any(|t| t == deferred), "{everything:?}");
            assert!(!by_default.iter().any(|t| t == deferred), "{by_default:?}");
        }
    }
}

#[tokio::test]
async fn with_tool_search_on_a_server_that_opts_out_of_direct_loading_is_deferred() {
    let offline = Offline::start(ScriptedModel::new().fallback(Reply::text("hi"))).await;
    // Overrides TestEnv's ENABLE_TOOL_SEARCH=false; `always_load(false)` sends
    // `_meta["anthropic/alwaysLoad"]: false`, so the CLI defers the server's tools.
    let calc = ToolServer::from_registered("calc")
        .unwrap()
        .always_load(false);
    let options = offline
        .options()
        .tool_server(calc)
        .tool_search(true)
        .build();
    within(query("hello", options).result()).await.unwrap();
    let first = &offline.server.message_requests()[0];
    assert!(first.offers_tool("ToolSearch"), "{:?}", first.tools());
    assert!(!first.offers_tool("mcp__calc__add"), "{:?}", first.tools());
}
