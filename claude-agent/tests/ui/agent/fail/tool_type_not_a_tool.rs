use claude_agent::agents::agent;

struct Helper;

/// You review code.
#[agent(description = "Reviews code", tools = ["Read", Helper])]
struct Reviewer;

fn main() {}
