//! What `hooks` and `permissions` share: the credentials check, a scratch project, and printing a
//! session as it happens.
// Each example uses only part of this module.
#![allow(dead_code)]

use std::path::Path;

use claude_agent::protocol::{ContentBlock, SystemMessage};
use claude_agent::{Message, Options, OptionsBuilder, query};
use futures::StreamExt;

/// Whether a real model can be used (an API key or OAuth token is set).
pub fn has_credentials() -> bool {
    [
        "ANTHROPIC_API_KEY",
        "CLAUDE_CODE_OAUTH_TOKEN",
        "ANTHROPIC_AUTH_TOKEN",
    ]
    .iter()
    .any(|key| std::env::var_os(key).is_some_and(|v| !v.is_empty()))
}

/// Options for the real model working in `project`, with the CLI found from this directory (the
/// repository's `node_modules`), since `project` is elsewhere.
pub fn real_options(project: &Path) -> OptionsBuilder {
    let builder = Options::builder().cwd(project);
    let here = std::env::current_dir().ok();
    match claude_agent::transport::find_cli(None, here.as_deref()) {
        Ok(cli) => builder.cli_path(cli),
        Err(_) => builder,
    }
}

/// Creates `files` (relative paths, parents included) under `dir`.
pub fn create_files(dir: &Path, files: &[&str]) -> std::io::Result<()> {
    for file in files {
        let path = dir.join(file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, "demo\n")?;
    }
    Ok(())
}

/// Runs one query, printing tool calls, tool results and the outcome as they arrive.
pub async fn run(prompt: &str, options: Options) -> claude_agent::Result<()> {
    println!("you: {prompt}");
    let mut stream = query(prompt, options);
    while let Some(message) = stream.next().await {
        match message? {
            Message::System(SystemMessage::Init(init)) => println!(
                "• session on Claude Code {}",
                init.claude_code_version.as_deref().unwrap_or("?")
            ),
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
                for result in user.tool_results() {
                    let mark = if result.is_error() { "✗" } else { "↲" };
                    println!("  {mark} {}", result.text().trim());
                }
            }
            Message::Result(result) => {
                println!(
                    "• {} after {} turn(s); {} call(s) denied",
                    if result.is_error { "failed" } else { "done" },
                    result.num_turns,
                    result.permission_denials.len()
                );
            }
            _ => {}
        }
    }
    Ok(())
}
