//! Two `#[tool]`s registered under one name in one server: every session that includes the
//! registry refuses to start, naming both definitions. (Its own test binary: the duplicate is in
//! this binary's registry for good.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use claude_agent::testing::{Reply, ScriptedModel};
use claude_agent::{Client, Error, query};
use common::{Offline, within};

mod first {
    use claude_agent::tools::tool;

    /// One definition.
    #[tool(server = "dup")]
    pub async fn same() -> String {
        "first".into()
    }
}

mod second {
    use claude_agent::tools::tool;

    /// Another definition with the same name.
    #[tool(server = "dup")]
    pub async fn same() -> String {
        "second".into()
    }
}

#[tokio::test]
async fn duplicate_registered_tools_are_a_clear_startup_error() {
    let offline = Offline::start(ScriptedModel::new().fallback(Reply::text("hi"))).await;
    let err = within(Client::connect(offline.options().build()))
        .await
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
    assert!(
        text.contains("duplicate tool `same` in server `dup`"),
        "{text}"
    );
    assert_eq!(
        text.matches("tests/e2e_tools_duplicates.rs:").count(),
        2,
        "both definitions are named: {text}"
    );
    let err = within(query("hello", offline.options().build()).result())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidOption { .. }), "{err:?}");
    assert!(
        offline.server.message_requests().is_empty(),
        "no CLI was started"
    );
    // Leaving the registry out (or selecting explicitly) starts normally.
    let answer = within(query("hello", offline.options().no_registered().build()).text())
        .await
        .unwrap();
    assert_eq!(answer, "hi");
}
