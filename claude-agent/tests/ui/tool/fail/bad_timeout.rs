use claude_agent::tools::tool;

/// Waits.
#[tool(timeout = "soon")]
async fn wait() -> String {
    String::new()
}

fn main() {}
