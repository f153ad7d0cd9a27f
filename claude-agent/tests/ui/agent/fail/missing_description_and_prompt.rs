use claude_agent::agents::agent;

#[agent(model = "haiku")]
struct Reviewer;

fn main() {}
