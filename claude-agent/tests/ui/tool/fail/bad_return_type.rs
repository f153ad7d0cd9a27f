use claude_agent::tools::tool;

/// Returns a number.
#[tool]
async fn number() -> i32 {
    4
}

fn main() {}
