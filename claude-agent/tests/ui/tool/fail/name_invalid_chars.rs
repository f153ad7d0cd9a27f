use claude_agent::tools::tool;

/// Looks things up.
#[tool(name = "look up")]
async fn lookup() -> String {
    String::new()
}

fn main() {}
