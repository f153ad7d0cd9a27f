//! The quickstart agent, run against the offline test kit: the real Claude Code CLI talks to a
//! scripted Messages API on 127.0.0.1, so it works without an API key and gives the same answer
//! every time. The end shows what a test can check: what the CLI sent to the model.

#[path = "support/demo.rs"]
mod demo;
#[path = "support/narrate.rs"]
mod narrate;

use claude_agent::testing::TestEnv;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let server = demo::scripted_model().start().await?;
    let env = TestEnv::new(&server)?;
    for file in ["main.rs", "lib.rs"] {
        std::fs::write(env.cwd().join(file), "fn f() {}\n")?;
    }
    narrate::run(demo::PROMPT, env.options()?.build()).await?;

    let requests = server.message_requests();
    println!("\nThe CLI asked the model {} time(s).", requests.len());
    if let Some(second) = requests.get(1) {
        for result in second.tool_results() {
            println!("Tool result it sent back: {:?}", result.text.trim());
        }
    }
    Ok(())
}
