//! Permissions: a `can_use_tool` callback that reads the tool input typed, allows `touch` and
//! remembers that for the session (an "always allow" rule, so the CLI stops asking), and denies
//! `rm`.
//!
//! The CLI only asks for what its own rules do not settle: read-only commands such as `ls` run
//! without a question. With credentials this asks the real model; without, it runs the real CLI
//! against the offline test kit's scripted model. Either way it works in a scratch directory.
//! Run it with `cargo run --example permissions`
//! (after `scripts/install-cli.sh`).

#[path = "support/narrate.rs"]
mod narrate;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use claude_agent::builtin::BuiltinToolInput;
use claude_agent::permissions::{
    PermissionBehavior, PermissionContext, PermissionRequest, PermissionResult,
    PermissionRuleValue, PermissionUpdate, PermissionUpdateDestination,
};
use claude_agent::testing::{Reply, ScriptedModel, TestEnv};
use serde_json::json;

const PROMPT: &str =
    "Create a.txt and b.txt with touch, one command each, then delete a.txt with rm.";

/// The permission policy: typed input in, decision out.
fn decide(request: &PermissionRequest) -> PermissionResult {
    match request.tool_input() {
        BuiltinToolInput::Bash(bash) if bash.command.starts_with("touch ") => {
            println!(
                "  [permission] allow `{}`, and any `touch` from now on",
                bash.command
            );
            PermissionResult::allow().with_updated_permissions([PermissionUpdate::add_rules(
                [PermissionRuleValue::new("Bash", "touch:*")],
                PermissionBehavior::Allow,
                PermissionUpdateDestination::Session,
            )])
        }
        BuiltinToolInput::Bash(bash) if bash.command.starts_with("rm ") => {
            println!("  [permission] deny `{}`", bash.command);
            PermissionResult::deny("Deleting files is not allowed in this demo.")
        }
        other => {
            println!(
                "  [permission] deny {} (not part of this demo)",
                other.tool_name()
            );
            PermissionResult::deny("Only touch is allowed in this demo.")
        }
    }
}

/// Plays the model: the three commands of the prompt, then an answer.
fn scripted_model() -> ScriptedModel {
    let bash = |command: &str| Reply::tool_use("Bash", json!({"command": command}));
    ScriptedModel::new()
        .then(bash("touch a.txt"))
        .then(bash("touch b.txt"))
        .then(bash("rm a.txt"))
        .then(Reply::text(
            "I created a.txt and b.txt; deleting a.txt was not permitted, so both are still there.",
        ))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let asked = Arc::new(AtomicUsize::new(0));
    let count = asked.clone();
    let callback = move |request: PermissionRequest, _cx: PermissionContext| {
        count.fetch_add(1, Ordering::SeqCst);
        let decision = decide(&request);
        async move { decision }
    };

    // Without credentials: the scripted model, and the test kit's isolated environment.
    let offline = if narrate::has_credentials() {
        None
    } else {
        println!(
            "(no API key found: running the real CLI against the offline test kit's scripted model)\n"
        );
        let server = scripted_model().start().await?;
        let env = TestEnv::new(&server)?;
        Some((server, env))
    };
    let project = tempfile::tempdir()?;
    let (options, cwd) = match &offline {
        Some((_, env)) => (env.options()?, env.cwd().to_owned()),
        None => (
            narrate::real_options(project.path()),
            project.path().to_owned(),
        ),
    };
    narrate::run(PROMPT, options.can_use_tool(callback).build()).await?;

    let exists = |name: &str| cwd.join(name).exists();
    println!(
        "\nthe callback was asked {} time(s); a.txt exists: {}, b.txt exists: {}",
        asked.load(Ordering::SeqCst),
        exists("a.txt"),
        exists("b.txt")
    );
    Ok(())
}
