//! Typed structured output (`query_as`) against the real CLI and the scripted model.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use claude_agent::protocol::ResultSubtype;
use claude_agent::structured::{OutputError, output_schema};
use claude_agent::testing::{Match, Reply, STRUCTURED_OUTPUT_TOOL, ScriptedModel};
use claude_agent::{Error, query_as};
use common::{Offline, within};
use serde::Deserialize;
use serde_json::{Value, json};

/// A code review.
#[derive(Debug, PartialEq, Deserialize, schemars::JsonSchema)]
struct Review {
    /// One line per problem found.
    findings: Vec<String>,
    /// Whether the change can be merged as it is.
    approve: bool,
    /// Confidence from 0 to 100.
    confidence: u32,
}

#[tokio::test]
async fn query_as_returns_the_answer_typed() {
    let answer = json!({"findings": ["unwrap on user input"], "approve": false, "confidence": 80});
    let model = ScriptedModel::new()
        .on(
            Match::any().no_tool_result(),
            Reply::structured_output(answer),
        )
        .fallback(Reply::text("done"));
    let offline = Offline::start(model).await;
    let review: Review = within(query_as("Review src/lib.rs", offline.options().build()))
        .await
        .unwrap();
    assert_eq!(
        review,
        Review {
            findings: vec!["unwrap on user input".into()],
            approve: false,
            confidence: 80
        }
    );
    // The model was offered the StructuredOutput tool with exactly our schema.
    let first = &offline.server.message_requests()[0];
    let tool = first.body["tools"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == STRUCTURED_OUTPUT_TOOL)
        .expect("a StructuredOutput tool");
    assert_eq!(
        tool["input_schema"]["properties"],
        Value::Object(output_schema::<Review>())["properties"]
    );
}

#[tokio::test]
async fn an_answer_that_never_fits_the_schema_is_a_typed_error() {
    let bad = json!({"findings": "not a list", "approve": "maybe"});
    let model = ScriptedModel::new().on(Match::any(), Reply::structured_output(bad));
    let offline = Offline::start(model).await;
    let err = within(query_as::<Review>(
        "Review src/lib.rs",
        offline.options().build(),
    ))
    .await
    .unwrap_err();
    let Error::StructuredOutput(OutputError::RetriesExhausted { result }) = err else {
        panic!("expected RetriesExhausted, got {err:?}")
    };
    assert_eq!(
        result.subtype,
        ResultSubtype::ErrorMaxStructuredOutputRetries,
        "{result:?}"
    );
    // The CLI told the model what was wrong each time.
    let retried = offline.server.message_requests();
    assert!(retried.len() > 1);
    assert!(retried[1].tool_results()[0].is_error);
}
