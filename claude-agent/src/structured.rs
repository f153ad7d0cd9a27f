//! Typed structured output: ask for an answer of your own type and get it decoded.

mod answer;
mod receive;

use schemars::JsonSchema;
use serde_json::{Map, Value};

pub use answer::{Answer, OutputError};

#[cfg(doc)]
use crate::Error;
use crate::{Options, Prompt, Result, query};

/// Runs `prompt` and returns the final answer as a `T`.
///
/// The JSON Schema of `T` (from [`schemars`](https://docs.rs/schemars)) is sent as the session's
/// output format; the CLI then gives the model a `StructuredOutput` tool with that schema,
/// validates what the model passes to it (asking again, up to five times, when it does not fit),
/// and ends the turn with it. `T` must be a struct (an object schema): wrap a list or a scalar in a
/// field.
///
/// For several typed answers in one session, see [`Client::receive_as`](crate::Client::receive_as);
/// for what the schema can tell the model (descriptions, enum values, examples), see [`Answer`].
///
/// Errors: [`Error::StructuredOutput`] with an [`OutputError`]: the CLI gave up after its retries
/// (`error_max_structured_output_retries`), the result carries no structured output, or the value
/// does not decode into `T` (kept raw); [`Error::TurnFailed`] when the turn ends with another
/// error result; and every error [`query`] can give.
///
/// # Examples
///
/// ```no_run
/// use schemars::JsonSchema;
/// use serde::Deserialize;
///
/// /// A code review.
/// #[derive(Debug, Deserialize, JsonSchema)]
/// struct Review {
///     /// One line per problem found.
///     findings: Vec<String>,
///     /// Whether the change can be merged as it is.
///     approve: bool,
/// }
///
/// # async fn run() -> claude_agent::Result<()> {
/// let review: Review = claude_agent::query_as("Review src/lib.rs", claude_agent::Options::default()).await?;
/// println!("{} finding(s); approve: {}", review.findings.len(), review.approve);
/// # Ok(()) }
/// ```
pub async fn query_as<T: Answer>(prompt: impl Into<Prompt>, options: Options) -> Result<T> {
    let options = options
        .to_builder()
        .json_schema(Value::Object(output_schema::<T>()))
        .build();
    let result = query(prompt, options).result().await?;
    answer::decode(result)
}

/// The JSON Schema [`query_as`] sends for `T`: subschemas inlined, no `$schema`/title, and only
/// the standard `format`s kept (schemars adds Rust-specific ones such as `uint32` or `double`
/// that JSON Schema validators do not know).
///
/// It is exactly a tool's [`input_schema`](crate::tools::input_schema): both go through the one
/// shaping function, [`shape_schema`](crate::tools::shape_schema).
///
/// # Examples
///
/// ```
/// #[derive(schemars::JsonSchema)]
/// #[allow(dead_code)]
/// struct Answer {
///     value: u32,
/// }
/// let schema = claude_agent::structured::output_schema::<Answer>();
/// assert_eq!(schema["type"], "object");
/// assert!(schema["properties"]["value"].get("format").is_none());
/// ```
pub fn output_schema<T: JsonSchema>() -> Map<String, Value> {
    crate::tools::input_schema::<T>()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]
mod tests {
    use super::*;

    #[derive(JsonSchema)]
    struct Inner {
        ratio: f64,
        when: String,
    }

    #[derive(JsonSchema)]
    struct Outer {
        count: u32,
        items: Vec<Inner>,
        #[schemars(extend("format" = "date-time"))]
        stamp: String,
    }

    #[test]
    fn only_standard_formats_survive_at_every_depth() {
        let schema = Value::Object(output_schema::<Outer>());
        let text = schema.to_string();
        assert!(
            !text.contains("uint32") && !text.contains("double"),
            "{text}"
        );
        assert_eq!(schema["properties"]["stamp"]["format"], "date-time");
        assert_eq!(
            schema["properties"]["items"]["items"]["properties"]["ratio"]["type"],
            "number"
        );
    }
}
