//! The link-time registry: sorting, grouping by server, the default server name, and explicit
//! registration.
#![cfg(feature = "inventory")] // reads the link-time registry
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use claude_agent::tools::{
    Tool, ToolDescriptor, ToolServer, registered_servers, registered_tools, tool,
};

/// Zeta, registered first in the file but sorted last.
#[tool(server = "beta")]
async fn zeta() -> &'static str {
    "z"
}

/// Alpha.
#[tool(server = "beta")]
async fn alpha() -> &'static str {
    "a"
}

/// In the default server.
#[tool]
async fn plain() -> &'static str {
    "p"
}

/// Also in alpha-server.
#[tool(server = "alpha")]
async fn omega() -> &'static str {
    "o"
}

#[test]
fn registered_tools_are_sorted_by_server_then_name() {
    let found: Vec<(&str, &str)> = registered_tools()
        .iter()
        .map(|d| (d.server, d.name))
        .collect();
    assert_eq!(
        found,
        [
            ("alpha", "omega"),
            ("beta", "alpha"),
            ("beta", "zeta"),
            ("tools", "plain")
        ]
    );
    let zeta = registered_tools()
        .into_iter()
        .find(|d| d.name == "zeta")
        .unwrap();
    assert!(
        zeta.defined_at.0.ends_with("tools_registry.rs"),
        "{:?}",
        zeta.defined_at
    );
    assert_eq!(zeta.defined_at.1, 11); // the `#[tool]` line
}

#[test]
fn registered_servers_group_tools_and_use_the_default_server_name() {
    let servers = registered_servers().unwrap();
    let shape: Vec<(&str, Vec<&str>)> = servers
        .iter()
        .map(|s| (s.name(), s.tool_names().collect()))
        .collect();
    assert_eq!(
        shape,
        [
            ("alpha", vec!["omega"]),
            ("beta", vec!["alpha", "zeta"]),
            ("tools", vec!["plain"])
        ]
    );
    assert_eq!(ToolDescriptor::DEFAULT_SERVER, "tools");
    assert_eq!(PlainTool::NAME, "plain");
}

#[test]
fn from_registered_takes_one_server_and_names_the_others_when_missing() {
    let beta = ToolServer::from_registered("beta").unwrap();
    assert_eq!(beta.tool_names().collect::<Vec<_>>(), ["alpha", "zeta"]);
    let err = ToolServer::from_registered("gamma")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("`gamma`") && err.contains("alpha, beta, tools"),
        "{err}"
    );
}

#[test]
fn explicit_servers_reject_duplicates_naming_both_places() {
    let err = ToolServer::new("x")
        .tool(AlphaTool)
        .unwrap()
        .tool(AlphaTool)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("duplicate tool `alpha` in server `x`"),
        "{err}"
    );
    let places = err.matches("tools_registry.rs:").count();
    assert_eq!(places, 2, "{err}");
}

#[test]
fn explicit_servers_may_mix_tools_from_any_registered_server() {
    let mixed = ToolServer::new("mixed")
        .tool(ZetaTool)
        .unwrap()
        .tool(OmegaTool)
        .unwrap();
    assert_eq!(mixed.tool_names().collect::<Vec<_>>(), ["zeta", "omega"]);
    assert_eq!(mixed.len(), 2);
}
