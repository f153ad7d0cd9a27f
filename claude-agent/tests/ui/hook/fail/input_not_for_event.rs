use claude_agent::hooks::{hook, HookOutput, Stop};

#[hook(PreToolUse)]
async fn guard(input: Stop) -> HookOutput {
    let _ = input;
    HookOutput::proceed()
}

fn main() {}
