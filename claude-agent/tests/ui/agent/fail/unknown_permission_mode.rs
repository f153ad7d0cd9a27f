use claude_agent::agents::agent;

/// You are a careful engineer.
#[agent(main, permission_mode = "acceptEdit")]
struct Engineer;

fn main() {}
