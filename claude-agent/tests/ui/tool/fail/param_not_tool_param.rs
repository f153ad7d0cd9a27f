use claude_agent::tools::tool;

struct Point {
    x: f64,
}

/// Takes a point.
#[tool]
async fn take_point(point: Point) -> String {
    point.x.to_string()
}

fn main() {}
