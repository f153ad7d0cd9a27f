use claude_agent::agents::agent;

/// You run the test suite.
#[agent(description = "Runs tests", tools = ["Read", "Bash"])]
struct Tester;

/// You are a careful engineer who never runs shell commands.
#[agent(main, disallowed_tools = ["Bash"], subagents = [Tester])]
struct Engineer;

fn main() {}
