use claude_agent::agents::agent;

struct Helper;

/// You are a careful engineer.
#[agent(main, subagents = [Helper])]
struct Engineer;

fn main() {}
