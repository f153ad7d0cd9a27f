//! Subagents: a `Reviewer` declared with `#[agent]` (its doc comment is its system prompt, its
//! tools are a built-in and a `#[tool]`), and a main agent `Lead` declared with
//! `#[agent(main, ...)]` that may start it through the Agent tool. A `#[hook]` reports when a
//! subagent starts.
//!
//! With credentials this asks the real model; without, it runs the real CLI against the offline
//! test kit's scripted model, which delegates the review to `reviewer`, and then shows what the
//! CLI sent for the subagent: its own system prompt and only its own tools. Run it with
//! `cargo run --example subagents` (after `scripts/install-cli.sh`).

#[path = "support/narrate.rs"]
mod narrate;

use claude_agent::agents::{Agent, agent};
use claude_agent::hooks::{HookOutput, SubagentStart, hook};
use claude_agent::testing::{Match, Reply, ScriptedModel, TestEnv};
use claude_agent::tools::tool;
use serde_json::json;

const PROMPT: &str = "Have src/lib.rs reviewed and tell me what the reviewer found.";

/// Counts the lines of a text.
#[tool(server = "text", read_only)]
async fn line_count(text: String) -> String {
    text.lines().count().to_string()
}

/// You review Rust code for bugs. Read the file you are given, then answer in one line per
/// problem, quoting the line you mean. Say "no findings" when there is nothing to report.
#[agent(
    description = "Reviews Rust code for bugs; give it a file path",
    tools = ["Read", line_count],
    model = "haiku",
    max_turns = 4
)]
struct Reviewer;

/// You lead a small team. Delegate code reviews to the `reviewer` agent and report its findings.
#[agent(main, subagents = [Reviewer], tools = ["Read"], max_turns = 6)]
struct Lead;

/// Reports every subagent that starts.
#[hook(SubagentStart)]
async fn announce(input: SubagentStart) -> HookOutput {
    let kind = input.base.agent_type.as_deref().unwrap_or("?");
    println!("  [hook] subagent `{kind}` starts");
    HookOutput::default()
}

/// Plays the model: the main agent starts `reviewer`; the reviewer answers; the main agent reports.
fn scripted_model() -> ScriptedModel {
    ScriptedModel::new()
        .on(
            Match::any().system_contains("You review Rust code"),
            Reply::text("src/lib.rs:1 `fn f() {}` is never used."),
        )
        .on(
            // Only the user's prompt starts the reviewer, not the later notification that it
            // finished (newer CLIs run subagents in the background and report back in a new turn).
            Match::any().custom(|r| r.messages().iter().all(|m| m["role"] != "assistant")),
            Reply::tool_use(
                "Agent",
                json!({
                    "description": "Review src/lib.rs",
                    "prompt": "Review src/lib.rs",
                    "subagent_type": Reviewer::NAME
                }),
            ),
        )
        .fallback(Reply::text(
            "I asked the reviewer; its findings will follow.",
        ))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!(
        "subagent `{}`: tools {:?}\n",
        Reviewer::NAME,
        Reviewer::definition().tools.unwrap_or_default()
    );
    if narrate::has_credentials() {
        let project = tempfile::tempdir()?;
        narrate::create_files(project.path(), &["src/lib.rs"])?;
        let options = Lead::configure(narrate::real_options(project.path())).build();
        narrate::run(PROMPT, options).await?;
        return Ok(());
    }
    println!(
        "(no API key found: running the real CLI against the offline test kit's scripted model)\n"
    );
    let server = scripted_model().start().await?;
    let env = TestEnv::new(&server)?;
    narrate::create_files(env.cwd(), &["src/lib.rs"])?;
    narrate::run(PROMPT, Lead::configure(env.options()?).build()).await?;
    let requests = server.message_requests();
    if let Some(sub) = requests
        .iter()
        .find(|r| r.system_text().contains("You review Rust code"))
    {
        println!("\nthe reviewer's request offered only: {:?}", sub.tools());
    }
    Ok(())
}
