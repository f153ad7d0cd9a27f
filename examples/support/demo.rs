//! The agent both `quickstart` and `offline` run, and the scripted model that stands in for the
//! real one when there are no credentials.

use claude_agent::protocol::ContentBlock;
use claude_agent::testing::{Match, Reply, ScriptedModel};
use claude_agent::{Message, Options, query};
use futures::StreamExt;
use serde_json::json;

/// The question the demo asks.
pub const PROMPT: &str = "How many Rust files are in this directory? Use the shell to find out.";

/// Streams one query, printing what happens as it happens.
pub async fn run(options: Options) -> claude_agent::Result<()> {
    let mut stream = query(PROMPT, options);
    while let Some(message) = stream.next().await {
        match message? {
            Message::System(claude_agent::protocol::SystemMessage::Init(init)) => {
                println!(
                    "• session {} on Claude Code {}",
                    init.session_id,
                    init.claude_code_version.as_deref().unwrap_or("?")
                );
            }
            Message::Assistant(assistant) => {
                for block in &assistant.message.content {
                    match block {
                        ContentBlock::Text(text) => println!("claude: {}", text.text),
                        ContentBlock::ToolUse(tool) => println!("  ↳ {} {}", tool.name, tool.input),
                        _ => {}
                    }
                }
            }
            Message::User(user) => {
                if let Some(output) = &user.tool_use_result {
                    let stdout = output
                        .get("stdout")
                        .and_then(|s| s.as_str())
                        .unwrap_or_default();
                    println!("  ↲ {}", stdout.trim());
                }
            }
            Message::Result(result) => {
                println!(
                    "• {} after {} turn(s), {} ms, ${:.4}",
                    if result.is_error { "failed" } else { "done" },
                    result.num_turns,
                    result.duration_ms,
                    result.total_cost_usd
                );
            }
            _ => {}
        }
    }
    Ok(())
}

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
