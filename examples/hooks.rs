//! Hooks: a `#[hook]` guard that refuses destructive shell commands before they run, and a
//! `PostToolUse` hook that adds a note for the model after each command.
//!
//! Both are declared with `#[hook]`, so every session of this program includes them without
//! being told. With credentials this asks the real model; without, it runs the real CLI against
//! the offline test kit's scripted model, which tries `rm -rf build` first. Either way it works in
//! a scratch directory. Run it with `cargo run --example hooks` (after
//! `scripts/install-cli.sh`).

#[path = "support/narrate.rs"]
mod narrate;

use claude_agent::builtin::{BashInput, BashOutput};
use claude_agent::hooks::{HookOutput, PostToolUse, PreToolUse, hook};
use claude_agent::testing::{Match, Reply, ScriptedModel, TestEnv};
use serde_json::json;

const PROMPT: &str = "Remove the build directory, then tell me what is in it.";

/// Command fragments the guard refuses.
const DESTRUCTIVE: &[&str] = &["rm -rf", "rm -fr", "git reset --hard", "mkfs", "dd if="];

/// Refuses destructive shell commands; the reason goes back to the model as the tool result.
#[hook(PreToolUse, matcher = "Bash", timeout = 5)]
async fn guard(input: PreToolUse<BashInput>) -> HookOutput {
    let command = &input.tool_input.command;
    if DESTRUCTIVE
        .iter()
        .any(|fragment| command.contains(fragment))
    {
        println!("  [guard] refused `{command}`");
        HookOutput::deny(format!(
            "`{command}` is destructive and not allowed here; inspect instead"
        ))
    } else {
        println!("  [guard] no objection to `{command}`");
        HookOutput::proceed()
    }
}

/// Tells the model how much the command printed (the model sees it with the tool result).
#[hook(PostToolUse, matcher = "Bash")]
async fn line_count(input: PostToolUse<BashInput, BashOutput>) -> HookOutput {
    let lines = input.tool_response.stdout.lines().count();
    println!(
        "  [line_count] `{}` printed {lines} line(s)",
        input.tool_input.command
    );
    HookOutput::default().with_additional_context(format!(
        "Note from a hook: `{}` printed {lines} line(s).",
        input.tool_input.command
    ))
}

/// Plays the model: tries `rm -rf`, then looks instead, then answers.
fn scripted_model() -> ScriptedModel {
    ScriptedModel::new()
        .on(
            Match::any().no_tool_result(),
            Reply::tool_use(
                "Bash",
                json!({"command": "rm -rf build", "description": "Remove the build directory"}),
            ),
        )
        .on(
            Match::any().tool_result_is_error(true),
            Reply::tool_use(
                "Bash",
                json!({"command": "ls build", "description": "List the build directory"}),
            ),
        )
        .fallback(Reply::text(
            "I was not allowed to delete build/, so I listed it instead: it holds `app` and `app.o`.",
        ))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let registered: Vec<_> = claude_agent::hooks::registered_hooks()
        .iter()
        .map(|h| format!("{} on {}", h.name, h.event))
        .collect();
    println!("registered hooks: {}\n", registered.join(", "));
    if narrate::has_credentials() {
        let project = tempfile::tempdir()?;
        narrate::create_files(project.path(), &["build/app", "build/app.o"])?;
        let options = narrate::real_options(project.path())
            .allowed_tools(["Bash(ls:*)", "Bash(rm:*)"])
            .build();
        narrate::run(PROMPT, options).await?;
        return Ok(());
    }
    println!(
        "(no API key found: running the real CLI against the offline test kit's scripted model)\n"
    );
    let server = scripted_model().start().await?;
    let env = TestEnv::new(&server)?;
    narrate::create_files(env.cwd(), &["build/app", "build/app.o"])?;
    narrate::run(PROMPT, env.options()?.build()).await?;
    println!(
        "\nbuild/ still exists: {}",
        env.cwd().join("build/app.o").exists()
    );
    if let Some(last) = server.message_requests().last() {
        let sent = serde_json::to_string(last.messages())?;
        println!(
            "the model's last request carried the hook's note: {}",
            sent.contains("Note from a hook")
        );
    }
    Ok(())
}
