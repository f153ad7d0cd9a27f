use claude_agent::tools::tool;

/// Adds.
#[tool(nmae = "add", read_only)]
async fn add(a: i32, b: i32) -> String {
    (a + b).to_string()
}

fn main() {}
