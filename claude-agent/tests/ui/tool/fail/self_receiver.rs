use claude_agent::tools::tool;

struct Counter;

impl Counter {
    /// Counts.
    #[tool]
    async fn count(&self) -> String {
        String::new()
    }
}

fn main() {}
