use claude_agent::tools::tool;

/// Adds.
#[tool(server = "a", server = "b")]
async fn add(a: i32, b: i32) -> String {
    (a + b).to_string()
}

fn main() {}
