//! Typed answers: a main agent declared with `#[agent(main, output = Review)]` answers with a
//! `Review`, a Rust value, instead of text. The output type's doc comments, the descriptions of
//! its enum values and an example all reach the model through the JSON Schema.
//!
//! With credentials this asks the real model; without, it runs the real CLI against the offline
//! test kit's scripted model, which answers through the structured-output tool. Run it with
//! `cargo run --example structured_output` (after `scripts/install-cli.sh`).

#[path = "support/narrate.rs"]
mod narrate;

use claude_agent::agents::agent;
use claude_agent::structured::output_schema;
use claude_agent::testing::{Match, Reply, STRUCTURED_OUTPUT_TOOL, ScriptedModel, TestEnv};
use serde::Deserialize;
use serde_json::json;

const PROMPT: &str = "Review src/lib.rs.";

/// How serious a finding is.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
enum Severity {
    /// Style or naming; never blocks a merge.
    Nit,
    /// A bug that must be fixed before merging.
    Blocker,
}

/// One problem found.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[schemars(extend("examples" = [{"line": 12, "severity": "nit", "note": "name `x` says nothing"}]))]
struct Finding {
    /// The line the finding is about (1-based).
    #[schemars(range(min = 1))]
    line: u32,
    severity: Severity,
    /// What is wrong, in one sentence.
    note: String,
}

/// A code review.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
struct Review {
    /// Every problem found, most serious first.
    findings: Vec<Finding>,
    /// Whether the change can be merged as it is.
    approve: bool,
}

/// You review Rust code. Read the files you are pointed at and answer with a review.
#[agent(main, output = Review, tools = ["Read"], max_turns = 5)]
struct Judge;

/// Plays the model: answers through the structured-output tool.
fn scripted_model() -> ScriptedModel {
    ScriptedModel::new()
        .on(
            Match::any()
                .no_tool_result()
                .offers_tool(STRUCTURED_OUTPUT_TOOL),
            Reply::structured_output(json!({
                "findings": [
                    {"line": 1, "severity": "blocker", "note": "`f` is never called"},
                    {"line": 1, "severity": "nit", "note": "`f` is not a descriptive name"}
                ],
                "approve": false
            })),
        )
        .fallback(Reply::text("done"))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let schema = serde_json::Value::Object(output_schema::<Review>());
    println!(
        "what the model learns about `severity`: {}\n",
        schema["properties"]["findings"]["items"]["properties"]["severity"]
    );
    let review = if narrate::has_credentials() {
        let project = tempfile::tempdir()?;
        narrate::create_files(project.path(), &["src/lib.rs"])?;
        Judge::ask_with(narrate::real_options(project.path()), PROMPT).await?
    } else {
        println!(
            "(no API key found: running the real CLI against the offline test kit's scripted model)\n"
        );
        let server = scripted_model().start().await?;
        let env = TestEnv::new(&server)?;
        narrate::create_files(env.cwd(), &["src/lib.rs"])?;
        Judge::ask_with(env.options()?, PROMPT).await?
    };
    println!("approve: {}", review.approve);
    for finding in &review.findings {
        println!(
            "  line {} [{:?}] {}",
            finding.line, finding.severity, finding.note
        );
    }
    Ok(())
}
