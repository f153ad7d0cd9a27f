//! Quickstart: ask Claude Code a question and watch it work.
//!
//! With credentials (`ANTHROPIC_API_KEY`, `CLAUDE_CODE_OAUTH_TOKEN` or `ANTHROPIC_AUTH_TOKEN`)
//! this asks the real model. Without them it runs the same agent against the offline test kit
//! (`claude_agent::testing`): the real CLI, a scripted model. Run it with `scripts/example`.

#[path = "support/demo.rs"]
mod demo;
#[path = "support/narrate.rs"]
mod narrate;

use claude_agent::Options;
use claude_agent::testing::TestEnv;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    if narrate::has_credentials() {
        narrate::run(
            demo::PROMPT,
            Options::builder()
                .allowed_tools(["Bash(ls:*)", "Bash(wc:*)"])
                .build(),
        )
        .await?;
        return Ok(());
    }
    println!(
        "(no API key found: running the real CLI against the offline test kit's scripted model)\n"
    );
    let server = demo::scripted_model().start().await?;
    let env = TestEnv::new(&server)?;
    for file in ["main.rs", "lib.rs", "util.rs"] {
        std::fs::write(env.cwd().join(file), "fn f() {}\n")?;
    }
    narrate::run(demo::PROMPT, env.options()?.build()).await?;
    Ok(())
}
