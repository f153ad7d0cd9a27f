//! A tool written by hand against the public `Tool` trait and the same tool written with
//! `#[tool]` produce the same descriptor, schema and results.
#![cfg(feature = "inventory")] // reads the link-time registry
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use claude_agent::tools::{
    Tool, ToolAnnotations, ToolContext, ToolDescriptor, ToolError, ToolServer, registered_tools,
    tool,
};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::json;

/// Greet someone by name.
#[tool(server = "greeter", name = "greet", read_only, timeout = 5)]
async fn greet_macro(
    /// Who to greet.
    name: String,
    /// How many exclamation marks.
    excitement: Option<u8>,
) -> Result<String, ToolError> {
    greeting(name, excitement)
}

fn greeting(name: String, excitement: Option<u8>) -> Result<String, ToolError> {
    if name.is_empty() {
        return Err("no name given".into());
    }
    Ok(format!(
        "Hello, {name}{}",
        "!".repeat(excitement.unwrap_or(1).into())
    ))
}

#[derive(Deserialize, JsonSchema)]
struct GreetInput {
    /// Who to greet.
    name: String,
    /// How many exclamation marks.
    excitement: Option<u8>,
}

#[derive(Default)]
struct GreetByHand;

impl Tool for GreetByHand {
    const NAME: &'static str = "greet";
    const DESCRIPTION: &'static str = "Greet someone by name.";
    const ANNOTATIONS: ToolAnnotations = ToolAnnotations::new().read_only(true);
    const TIMEOUT: Option<Duration> = Some(Duration::from_secs(5));
    type Input = GreetInput;
    type Output = Result<String, ToolError>;

    async fn call(&self, input: GreetInput, _cx: ToolContext) -> Self::Output {
        greeting(input.name, input.excitement)
    }
}

static BY_HAND: ToolDescriptor = ToolDescriptor::of::<GreetByHand>("greeter", file!(), line!());

#[tokio::test]
async fn descriptors_schemas_and_results_match() {
    let by_macro = registered_tools()
        .into_iter()
        .find(|d| d.name == "greet")
        .unwrap();
    assert_eq!(
        (by_macro.server, by_macro.name, by_macro.description),
        (BY_HAND.server, BY_HAND.name, BY_HAND.description)
    );
    assert_eq!(by_macro.annotations, BY_HAND.annotations);
    assert_eq!(by_macro.timeout, BY_HAND.timeout);
    assert_eq!((by_macro.schema)(), (BY_HAND.schema)());
    assert_eq!(
        serde_json::Value::Object((BY_HAND.schema)()),
        json!({"type": "object", "properties": {
            "name": {"type": "string", "description": "Who to greet."},
            "excitement": {"type": ["integer", "null"], "minimum": 0, "maximum": 255,
                           "description": "How many exclamation marks."}},
            "required": ["name"]})
    );

    for args in [
        json!({"name": "Ada", "excitement": 3}),
        json!({"name": ""}),
        json!({"nom": 1}),
    ] {
        let a = (by_macro.call)(args.clone(), ToolContext::new()).await;
        let b = (BY_HAND.call)(args.clone(), ToolContext::new()).await;
        assert_eq!(a.is_error, b.is_error, "{args}");
        if args.get("nom").is_none() {
            assert_eq!(a, b, "{args}");
        }
    }
    let hello = (BY_HAND.call)(json!({"name": "Ada", "excitement": 3}), ToolContext::new()).await;
    assert_eq!(hello.text_content(), "Hello, Ada!!!");
}

#[test]
fn both_list_identically_in_a_server() {
    let by_macro = ToolServer::new("a").tool(GreetMacroTool).unwrap().list();
    let by_hand = ToolServer::new("b").tool(GreetByHand).unwrap().list();
    assert_eq!(by_macro, by_hand);
    assert_eq!(by_hand[0]["annotations"], json!({"readOnlyHint": true}));
}
