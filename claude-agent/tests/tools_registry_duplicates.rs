//! Two registered tools with one name in one server: grouping fails and names both places.
//! (A separate test binary: the duplicate poisons every registry lookup in it.)
#![cfg(feature = "inventory")] // reads the link-time registry
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use claude_agent::tools::{ToolServer, registered_servers, registered_tools, tool};

mod one {
    use super::tool;

    /// The first `lookup`.
    #[tool(server = "dup")]
    pub async fn lookup() -> &'static str {
        "one"
    }
}

mod two {
    use super::tool;

    /// The second `lookup`.
    #[tool(server = "dup")]
    pub async fn lookup() -> &'static str {
        "two"
    }
}

/// Unrelated.
#[tool(server = "fine")]
async fn other() -> &'static str {
    "ok"
}

#[test]
fn duplicate_registered_names_fail_with_both_locations() {
    assert_eq!(registered_tools().len(), 3);
    let err = registered_servers().unwrap_err().to_string();
    assert!(
        err.contains("duplicate tool `lookup` in server `dup`"),
        "{err}"
    );
    assert!(err.contains("tools_registry_duplicates.rs:12"), "{err}");
    assert!(err.contains("tools_registry_duplicates.rs:22"), "{err}");
    assert!(ToolServer::from_registered("dup").is_err());
    assert_eq!(ToolServer::from_registered("fine").unwrap().len(), 1);
    let _ = (one::lookup, two::lookup, other);
}
