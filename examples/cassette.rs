//! Cassettes: record a session once, replay it in every test run after, offline.
//!
//! 1. A recording proxy (`ScriptedModel::record`) sits between the real CLI and an upstream
//!    Messages API and writes every exchange to a JSON cassette. Here the upstream is a scripted
//!    model, so the example needs no key; in your tests it is the API you record from.
//! 2. A replaying server (`ScriptedModel::replay`) serves the cassette with no upstream at all;
//!    the CLI gets the same answers, so the agent sends the same tool calls and ends with the
//!    same result.
//! 3. `Vcr` picks between the two like VCR-style libraries: replay when the cassette exists,
//!    record when it does not and a key is at hand, never the network in CI.
//!
//! Run it with `cargo run --example cassette` (after `scripts/install-cli.sh`).

use claude_agent::testing::{Reply, ScriptedModel, TestEnv, Vcr};
use claude_agent::{Options, query};
use serde_json::json;

const PROMPT: &str = "How many lines does notes.txt have?";

/// One agent run against the API at `base_url`: the answer.
async fn ask(base_url: String) -> Result<String, Box<dyn std::error::Error>> {
    let env = TestEnv::with_base_url(base_url)?;
    std::fs::write(env.cwd().join("notes.txt"), "one\ntwo\nthree\n")?;
    let options: Options = env.options()?.allowed_tools(["Bash(wc:*)"]).build();
    Ok(query(PROMPT, options).text().await?)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("line-count.json");
    // Stands in for the real API.
    let upstream = ScriptedModel::new()
        .then(Reply::tool_use(
            "Bash",
            json!({"command": "wc -l notes.txt", "description": "Count lines"}),
        ))
        .then(Reply::text("notes.txt has 3 lines."))
        .start()
        .await?;
    let vcr = Vcr::new(&path)
        .upstream(upstream.base_url())
        .api_key(Some("sk-example-key".into()))
        .ci(false);

    println!("1. cassette missing → {:?}", vcr.mode()?);
    let proxy = vcr.apply(ScriptedModel::new())?.start().await?;
    let recorded = ask(proxy.base_url()).await?;
    println!("   recorded answer: {recorded}");
    drop(proxy);
    upstream.shutdown().await;
    let cassette = std::fs::read_to_string(&path)?;
    println!(
        "   {} ({} bytes, {} interactions)",
        path.display(),
        cassette.len(),
        claude_agent::testing::Cassette::load(&path)?
            .interactions
            .len()
    );

    println!(
        "2. cassette present → {:?} (the upstream is gone)",
        vcr.mode()?
    );
    let server = vcr.apply(ScriptedModel::new())?.start().await?;
    let replayed = ask(server.base_url()).await?;
    println!("   replayed answer: {replayed}");
    server.check_cassette()?;
    assert_eq!(recorded, replayed);

    println!("3. a different question is not in the cassette:");
    let server = vcr.apply(ScriptedModel::new())?.start().await?;
    let env = TestEnv::new(&server)?;
    let outcome = query("Something else", env.options()?.build()).text().await;
    println!("   the agent fails: {}", outcome.is_err());
    if let Some(mismatch) = server.cassette_mismatches().first() {
        println!("{mismatch}");
    }
    Ok(())
}
