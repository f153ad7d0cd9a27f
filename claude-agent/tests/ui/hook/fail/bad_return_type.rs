use claude_agent::hooks::{hook, Stop};

#[hook(Stop)]
async fn on_stop(input: Stop) -> String {
    let _ = input;
    String::new()
}

fn main() {}
