use claude_agent::tools::tool;

/// Has a name longer than 64 characters.
#[tool(name = "a_very_long_tool_name_that_goes_on_and_on_past_the_limit_of_sixty_four")]
async fn long() -> String {
    String::new()
}

fn main() {}
