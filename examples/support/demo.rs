//! The question `quickstart` and `offline` ask, and the scripted model that stands in for the real
//! one when there are no credentials. (Printing the session is `narrate.rs`'s job.)

use claude_agent::testing::{Match, Reply, ScriptedModel};
use serde_json::json;

/// The question the demo asks.
pub const PROMPT: &str = "How many Rust files are in this directory? Use the shell to find out.";

/// A model that answers the demo question the way Claude would: run a command, read its output,
/// answer.
pub fn scripted_model() -> ScriptedModel {
    ScriptedModel::new()
        .on(
            Match::any().no_tool_result(),
            Reply::tool_use(
                "Bash",
                json!({"command": "ls *.rs | wc -l", "description": "Count Rust files"}),
            ),
        )
        .fallback(Reply::text(
            "I counted the `.rs` files with `ls *.rs | wc -l`; the number is shown above.",
        ))
}
