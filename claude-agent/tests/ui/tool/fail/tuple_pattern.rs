use claude_agent::tools::tool;

/// Adds a pair.
#[tool]
async fn add_pair((a, b): (i32, i32)) -> String {
    (a + b).to_string()
}

fn main() {}
