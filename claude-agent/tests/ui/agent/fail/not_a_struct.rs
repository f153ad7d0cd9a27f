use claude_agent::agents::agent;

#[agent(description = "Reviews code")]
fn reviewer() {}

fn main() {}
