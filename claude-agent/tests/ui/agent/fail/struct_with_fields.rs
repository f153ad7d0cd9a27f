use claude_agent::agents::agent;

/// You review code.
#[agent(description = "Reviews code")]
struct Reviewer {
    strictness: u8,
}

fn main() {}
