use claude_agent::hooks::{hook, HookOutput, PreToolUse};

#[hook(PreToolUse, matcher = "mcp__(calc")]
async fn guard(input: PreToolUse) -> HookOutput {
    let _ = input;
    HookOutput::proceed()
}

fn main() {}
