use claude_agent::hooks::{hook, HookOutput, Stop};

struct Auditor;

impl Auditor {
    #[hook(Stop)]
    async fn on_stop(&self, input: Stop) -> HookOutput {
        let _ = input;
        HookOutput::proceed()
    }
}

fn main() {}
