//! Uses `#[tool]` and `#[hook]` with claude-agent renamed to `renamed` in Cargo.toml; prints
//! what registered so the test can check the macros' code ran, not just compiled.

use renamed::hooks::{HookOutput, PreToolUse, Stop, hook};
use renamed::tools::{ToolServer, tool};

/// Adds two numbers (the macro finds the runtime through Cargo.toml's rename).
#[tool(server = "math")]
async fn add(a: i64, b: i64) -> String {
    (a + b).to_string()
}

/// Doubles a number (the runtime named explicitly).
#[tool(server = "math", crate = renamed)]
async fn twice(n: i64) -> String {
    (n * 2).to_string()
}

/// Lets every Bash call through.
#[hook(PreToolUse, matcher = "Bash")]
async fn guard(_input: PreToolUse) -> HookOutput {
    HookOutput::proceed()
}

/// Does nothing when the agent stops.
#[hook(Stop, crate = renamed)]
async fn on_stop(_input: Stop) -> HookOutput {
    HookOutput::proceed()
}

fn main() -> Result<(), renamed::Error> {
    let tools: Vec<&str> = renamed::tools::registered_tools()
        .iter()
        .map(|d| d.name)
        .collect();
    let hooks: Vec<&str> = renamed::hooks::registered_hooks()
        .iter()
        .map(|d| d.name)
        .collect();
    let server = ToolServer::new("math").tool(AddTool)?.tool(TwiceTool)?;
    let from_registry = ToolServer::from_registered("math")?;
    println!(
        "tools={tools:?} hooks={hooks:?} server={} registered={}",
        server.len(),
        from_registry.len()
    );
    Ok(())
}
