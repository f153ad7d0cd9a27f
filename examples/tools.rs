//! Tools: Rust functions the model can call, served to Claude Code as an in-process MCP server.
//!
//! Three `#[tool]` functions in the server `weather`: one returns structured JSON (`Json<T>`), one
//! can fail (`Result<_, ToolError>`: the model gets an error result and carries on), one takes no
//! arguments. Every `#[tool]` in the program is included in a session by default; the model sees
//! them as `mcp__weather__forecast`, ... and the permission rules use the same names.
//!
//! With credentials (`ANTHROPIC_API_KEY`, `CLAUDE_CODE_OAUTH_TOKEN` or `ANTHROPIC_AUTH_TOKEN`) this
//! asks the real model. Without them it runs the real CLI against the offline test kit's scripted
//! model, which calls the tools the way Claude would. Run: `cargo run --example tools`.

use claude_agent::Options;
use claude_agent::testing::{Match, Reply, ScriptedModel, TestEnv};
use claude_agent::tools::{Json, ToolError, registered_servers, tool};
use serde::Serialize;
use serde_json::json;

#[path = "support/narrate.rs"]
mod narrate;

const PROMPT: &str = "What will the weather be in Lisbon over the next two days? \
                      Give the temperatures in Fahrenheit too.";

/// A forecast for one city.
#[derive(Serialize)]
struct Forecast {
    city: String,
    days: Vec<Day>,
}

/// One day of a forecast.
#[derive(Serialize)]
struct Day {
    day: u8,
    summary: &'static str,
    high_celsius: f64,
}

/// The weather forecast for a city.
#[tool(server = "weather", read_only)]
async fn forecast(
    /// The city, e.g. "Lisbon".
    city: String,
    /// How many days ahead (1 to 7; default 3).
    days: Option<u8>,
) -> Json<Forecast> {
    let days = (1..=days.unwrap_or(3).clamp(1, 7))
        .map(|day| Day {
            day,
            summary: if day % 2 == 0 { "cloudy" } else { "sunny" },
            high_celsius: 20.0 + f64::from(day),
        })
        .collect();
    Json(Forecast { city, days })
}

/// Converts a temperature from Celsius.
#[tool(server = "weather", read_only, idempotent)]
async fn convert(
    /// The temperature in degrees Celsius.
    celsius: f64,
    /// The unit to convert to: "fahrenheit" or "kelvin".
    to: String,
) -> Result<String, ToolError> {
    match to.to_ascii_lowercase().as_str() {
        "fahrenheit" | "f" => Ok(format!("{:.1} °F", celsius * 9.0 / 5.0 + 32.0)),
        "kelvin" | "k" => Ok(format!("{:.2} K", celsius + 273.15)),
        other => Err(ToolError::new(format!(
            "unknown unit `{other}`: use \"fahrenheit\" or \"kelvin\""
        ))),
    }
}

/// The units `convert` understands.
#[tool(server = "weather", read_only)]
async fn units() -> &'static str {
    "fahrenheit, kelvin"
}

/// Lets the model use the weather tools without asking (the names are `mcp__<server>__<tool>`).
const ALLOWED: [&str; 3] = [
    "mcp__weather__forecast",
    "mcp__weather__convert",
    "mcp__weather__units",
];

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    for server in registered_servers()? {
        let tools: Vec<&str> = server.tool_names().collect();
        println!("registered server `{}`: {tools:?}", server.name());
    }
    if narrate::has_credentials() {
        narrate::run(PROMPT, Options::builder().allowed_tools(ALLOWED).build()).await?;
        return Ok(());
    }
    println!("(no API key found: running the real CLI against a scripted model)\n");
    let server = scripted_model().start().await?;
    let env = TestEnv::new(&server)?;
    narrate::run(PROMPT, env.options()?.allowed_tools(ALLOWED).build()).await?;

    let requests = server.message_requests();
    let offered: Vec<String> = requests[0]
        .tools()
        .into_iter()
        .filter(|t| t.starts_with("mcp__"))
        .collect();
    println!("\nThe model was offered {offered:?}.");
    for request in &requests[1..] {
        for result in request.tool_results() {
            let error = if result.is_error { " (error)" } else { "" };
            println!("It was sent back{error}: {}", result.text);
        }
    }
    Ok(())
}

/// Calls `forecast`, then `convert` with a unit it does not know, corrects itself, and answers.
fn scripted_model() -> ScriptedModel {
    ScriptedModel::new()
        .on(
            Match::any().no_tool_result(),
            Reply::tool_use(
                "mcp__weather__forecast",
                json!({"city": "Lisbon", "days": 2}),
            ),
        )
        .on(
            Match::any().tool_result_for_tool("mcp__weather__forecast"),
            Reply::tool_use(
                "mcp__weather__convert",
                json!({"celsius": 22, "to": "rankine"}),
            ),
        )
        .on(
            Match::any().tool_result_is_error(true),
            Reply::tool_use(
                "mcp__weather__convert",
                json!({"celsius": 22, "to": "fahrenheit"}),
            ),
        )
        .fallback(Reply::text(
            "Lisbon: sunny and 21 °C tomorrow, cloudy and 22 °C (71.6 °F) the day after.",
        ))
}
