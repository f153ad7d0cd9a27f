use claude_agent::hooks::{hook, HookContext, HookOutput, Stop};

#[hook(Stop)]
async fn no_input() -> HookOutput {
    HookOutput::proceed()
}

#[hook(Stop)]
async fn two_inputs(input: Stop, cx: HookContext) -> HookOutput {
    let _ = (input, cx);
    HookOutput::proceed()
}

fn main() {}
