use claude_agent::agents::agent;

/// You review code.
#[agent(description = "Reviews code", model = "sonet")]
struct Reviewer;

fn main() {}
