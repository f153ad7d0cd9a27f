use claude_agent::hooks::{hook, HookOutput, Stop};

#[hook(Stop, timeout = 0, on_failure = "ignore", name = "")]
async fn on_stop(input: Stop) -> HookOutput {
    let _ = input;
    HookOutput::proceed()
}

fn main() {}
