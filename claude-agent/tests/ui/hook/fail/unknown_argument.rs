use claude_agent::hooks::{hook, HookOutput, PreToolUse};

#[hook(PreToolUse, mather = "Bash")]
async fn guard(input: PreToolUse) -> HookOutput {
    let _ = input;
    HookOutput::proceed()
}

fn main() {}
