use claude_agent::tools::tool;

/// Echoes anything.
#[tool]
async fn echo<T: ToString>(value: T) -> String {
    value.to_string()
}

fn main() {}
