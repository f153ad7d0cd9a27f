//! [`Answer`] (a type a session can answer with) and [`OutputError`] (why it could not).

use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::protocol::{ResultMessage, ResultSubtype};
use crate::{Error, Result};

/// A type the model can answer with: decoded from JSON, described by a JSON Schema. Implemented
/// for every `T: DeserializeOwned + JsonSchema`.
///
/// The schema is what the model sees, so put there what it needs to know:
///
/// - field and type descriptions: doc comments;
/// - what each value of an enum means: doc comments on the variants (unit variants with docs
///   become `oneOf` entries, each a `const` with its `description`);
/// - examples: `#[schemars(example = ..)]` on a type or field (an expression evaluating to a
///   value that serializes as the example, e.g. a function call);
/// - anything else JSON Schema can say (`minimum`, `pattern`, ...): `#[schemars(range(..))]`,
///   `#[schemars(regex(..))]`, or `#[schemars(extend("key" = value))]`.
///
/// # Examples
///
/// ```
/// use claude_agent::structured::{Answer, output_schema};
///
/// /// How severe a finding is.
/// #[derive(serde::Deserialize, schemars::JsonSchema)]
/// #[serde(rename_all = "lowercase")]
/// enum Severity {
///     /// Style or naming; never blocks a merge.
///     Nit,
///     /// A bug that must be fixed before merging.
///     Blocker,
/// }
///
/// /// A code review.
/// #[derive(serde::Deserialize, schemars::JsonSchema)]
/// #[schemars(extend("examples" = [{"severity": "nit", "line": 3}]))]
/// struct Finding {
///     severity: Severity,
///     /// The line the finding is about.
///     #[schemars(range(min = 1))]
///     line: u32,
/// }
///
/// fn takes<T: Answer>() {}
/// takes::<Finding>();
/// let schema = serde_json::Value::Object(output_schema::<Finding>());
/// assert_eq!(schema["examples"][0]["severity"], "nit");
/// let severities = schema["properties"]["severity"]["oneOf"].as_array().unwrap();
/// assert_eq!(severities[1]["const"], "blocker");
/// assert_eq!(severities[1]["description"], "A bug that must be fixed before merging.");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a typed answer",
    label = "needs `serde::Deserialize` and `schemars::JsonSchema`",
    note = "derive both on your type: `#[derive(serde::Deserialize, schemars::JsonSchema)]`"
)]
pub trait Answer: DeserializeOwned + JsonSchema {}

impl<T: DeserializeOwned + JsonSchema> Answer for T {}

/// Why a typed answer could not be produced
/// ([`Error::StructuredOutput`](crate::Error::StructuredOutput)).
///
/// # Examples
///
/// ```
/// use claude_agent::Error;
/// use claude_agent::structured::OutputError;
///
/// fn explain(err: &Error) -> String {
///     match err {
///         Error::StructuredOutput(OutputError::RetriesExhausted { .. }) => "the model never fit the schema".into(),
///         Error::StructuredOutput(OutputError::Decode { value, .. }) => format!("could not read {value}"),
///         other => other.to_string(),
///     }
/// }
/// # let _ = explain;
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OutputError {
    /// The CLI gave up: the model's answers did not fit the schema within the CLI's retries
    /// (`error_max_structured_output_retries`).
    #[error("the model gave no answer that fits the schema within the CLI's retries")]
    RetriesExhausted {
        /// The `result` message.
        result: Box<ResultMessage>,
    },
    /// The turn ended successfully but without structured output (was the session started with
    /// an output schema?).
    #[error("the result carries no structured output")]
    Missing {
        /// The `result` message.
        result: Box<ResultMessage>,
    },
    /// The structured output does not decode into the requested type.
    #[error("the structured output does not decode into `{type_name}`: {source}")]
    Decode {
        /// The requested type.
        type_name: &'static str,
        /// The value the CLI returned, kept as it came.
        value: Value,
        /// The decoder's error.
        #[source]
        source: serde_json::Error,
    },
}

/// The typed answer carried by `result`, or why there is none.
pub(crate) fn decode<T: Answer>(result: ResultMessage) -> Result<T> {
    if result.subtype == ResultSubtype::ErrorMaxStructuredOutputRetries {
        return Err(OutputError::RetriesExhausted {
            result: Box::new(result),
        }
        .into());
    }
    if result.is_error {
        return Err(Error::turn_failed(result));
    }
    let Some(value) = result.structured_output.clone() else {
        return Err(OutputError::Missing {
            result: Box::new(result),
        }
        .into());
    };
    serde_json::from_value(value.clone()).map_err(|source| {
        OutputError::Decode {
            type_name: std::any::type_name::<T>(),
            value,
            source,
        }
        .into()
    })
}
