use claude_agent::agents::agent;

/// You review code.
#[agent(name = "code reviewer", description = "Reviews code")]
struct Reviewer;

fn main() {}
