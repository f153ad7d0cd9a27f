use std::rc::Rc;

use claude_agent::hooks::{hook, HookOutput, Stop};

#[hook(Stop)]
async fn on_stop(input: Stop) -> HookOutput {
    let shared = Rc::new(input);
    std::future::ready(()).await;
    let _ = shared;
    HookOutput::proceed()
}

fn main() {}
