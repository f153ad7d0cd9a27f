use claude_agent::tools::tool;

/// Shouts.
#[tool]
async fn shout(text: &str) -> String {
    text.to_uppercase()
}

fn main() {}
