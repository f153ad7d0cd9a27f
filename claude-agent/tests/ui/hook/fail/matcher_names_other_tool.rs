use claude_agent::builtin::EditInput;
use claude_agent::hooks::{hook, HookOutput, PreToolUse};

#[hook(PreToolUse, matcher = "Bash")]
async fn guard(input: PreToolUse<EditInput>) -> HookOutput {
    let _ = input;
    HookOutput::proceed()
}

fn main() {}
