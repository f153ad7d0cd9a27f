use claude_agent::tools::tool;

#[tool]
async fn undocumented(a: i32) -> String {
    a.to_string()
}

fn main() {}
