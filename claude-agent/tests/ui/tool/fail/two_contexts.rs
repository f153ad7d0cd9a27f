use claude_agent::tools::{ToolContext, tool};

/// Two contexts.
#[tool]
async fn twice(#[context] a: ToolContext, #[context] b: ToolContext) -> String {
    let _ = (a, b);
    String::new()
}

fn main() {}
