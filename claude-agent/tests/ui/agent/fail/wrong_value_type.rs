use claude_agent::agents::agent;

/// You review code.
#[agent(description = "Reviews code", max_turns = "5")]
struct Reviewer;

fn main() {}
