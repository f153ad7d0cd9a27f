use claude_agent::tools::tool;

#[tool(colour = "blue")]
async fn messy<T>(s: &str, (x, y): (u8, u8)) -> String {
    String::new()
}

fn main() {}
