use claude_agent::agents::agent;

struct Review {
    approve: bool,
}

/// You review code.
#[agent(main, output = Review)]
struct Engineer;

fn main() {
    let _ = Review { approve: true }.approve;
}
