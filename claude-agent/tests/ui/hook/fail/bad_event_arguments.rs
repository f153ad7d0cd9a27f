use claude_agent::hooks::{hook, HookOutput, Stop};

#[hook(matcher = "Bash")]
async fn no_event(input: Stop) -> HookOutput {
    let _ = input;
    HookOutput::proceed()
}

#[hook(Stop, SubagentStop, timeout = 1, timeout = 2)]
async fn two_events(input: Stop) -> HookOutput {
    let _ = input;
    HookOutput::proceed()
}

#[hook(event::Stop)]
async fn event_path(input: Stop) -> HookOutput {
    let _ = input;
    HookOutput::proceed()
}

fn main() {}
