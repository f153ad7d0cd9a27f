use claude_agent::hooks::{hook, HookOutput, PreToolUse};

#[hook(PreTooUse)]
async fn guard(input: PreToolUse) -> HookOutput {
    let _ = input;
    HookOutput::proceed()
}

fn main() {}
