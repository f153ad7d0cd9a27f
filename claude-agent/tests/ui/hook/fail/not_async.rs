use claude_agent::hooks::{hook, HookOutput, Stop};

#[hook(Stop)]
fn on_stop(input: Stop) -> HookOutput {
    let _ = input;
    HookOutput::proceed()
}

fn main() {}
