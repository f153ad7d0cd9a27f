use claude_agent::builtin::BashInput;
use claude_agent::hooks::{hook, HookOutput, PreToolUse};

#[hook(PreToolUse)]
async fn guard(input: PreToolUse<BashInput>) -> HookOutput {
    let _ = input;
    HookOutput::proceed()
}

fn main() {}
