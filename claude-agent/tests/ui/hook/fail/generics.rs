use claude_agent::hooks::{hook, HookOutput};

#[hook(Stop)]
async fn on_stop<T: serde::de::DeserializeOwned>(input: T) -> HookOutput {
    let _ = input;
    HookOutput::proceed()
}

fn main() {}
