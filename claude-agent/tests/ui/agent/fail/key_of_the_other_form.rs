use claude_agent::agents::agent;

/// You review code.
#[agent(description = "Reviews code", subagents = [Reviewer])]
struct Reviewer;

/// You are a careful engineer.
#[agent(main, prompt = "Be careful.")]
struct Engineer;

fn main() {}
