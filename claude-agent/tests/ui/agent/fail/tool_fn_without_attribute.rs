use claude_agent::agents::agent;

#[allow(dead_code)]
async fn lint(path: String) -> String {
    path
}

/// You review code.
#[agent(description = "Reviews code", tools = [lint])]
struct Reviewer;

fn main() {}
