use claude_agent::tools::tool;

/// Not a function.
#[tool]
struct Thing;

fn main() {}
