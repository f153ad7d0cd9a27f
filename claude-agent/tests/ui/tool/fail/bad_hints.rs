use claude_agent::tools::tool;

/// Looks things up.
#[tool(search_hint = "   ", max_result_size_chars = 0, always_load = "yes")]
async fn lookup(id: u32) -> String {
    id.to_string()
}

/// Looks other things up.
#[tool(max_result_size_chars = 5_000_000_000, search_hint = 3)]
async fn lookup_more(id: u32) -> String {
    id.to_string()
}

fn main() {}
