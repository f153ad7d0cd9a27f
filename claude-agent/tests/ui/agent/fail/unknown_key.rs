use claude_agent::agents::agent;

/// You review code.
#[agent(descripton = "Reviews code")]
struct Reviewer;

fn main() {}
