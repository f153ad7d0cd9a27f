//! `#[agent]` against the real CLI and the scripted model: a declared subagent is announced,
//! started through the Agent tool with its own prompt and tools, and seen by the
//! SubagentStart/SubagentStop hooks; a main agent's options reach the CLI; its typed answer
//! arrives as a Rust value, and a model that never fits the schema gives the typed error.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::sync::{Arc, Mutex};

use claude_agent::agents::agent;
use claude_agent::hooks::{HookOutput, HookRegistry, SubagentStart, SubagentStop, hook_fn};
use claude_agent::protocol::{ResultSubtype, SystemMessage};
use claude_agent::structured::OutputError;
use claude_agent::testing::{Match, Reply, STRUCTURED_OUTPUT_TOOL, ScriptedModel};
use claude_agent::tools::tool;
use claude_agent::{Client, Error, Message};
use common::{Offline, within};
use futures::StreamExt;
use serde::Deserialize;
use serde_json::json;

const REVIEWER_MARKER: &str = "REVIEWER-7f3a";
const ENGINEER_MARKER: &str = "ENGINEER-91c2";

/// Counts the words of a text.
#[tool(server = "text")]
async fn word_count(text: String) -> String {
    text.split_whitespace().count().to_string()
}

/// REVIEWER-7f3a: you review code for bugs and answer in one line.
#[agent(description = "Reviews code for bugs", tools = ["Read", word_count])]
struct Reviewer;

/// You summarize text.
#[agent(description = "Summarizes text", tools = ["Read"])]
struct Summarizer;

/// ENGINEER-91c2: you are a careful engineer.
#[agent(
    main,
    model = "haiku",
    max_turns = 4,
    tools = ["Read", "Grep"],
    disallowed_tools = ["WebFetch"],
    subagents = [Reviewer]
)]
struct Engineer;

/// A code review.
#[derive(Debug, PartialEq, Deserialize, schemars::JsonSchema)]
struct Review {
    /// One line per problem found.
    findings: Vec<String>,
    /// Whether the change can be merged as it is.
    approve: bool,
}

/// You judge code changes.
#[agent(main, output = Review)]
struct Judge;

/// The main turn starts the reviewer; the reviewer answers; the main turn ends.
fn delegating_model() -> ScriptedModel {
    ScriptedModel::new()
        .on(
            Match::any().system_contains(REVIEWER_MARKER),
            Reply::text("LGTM"),
        )
        .on(
            // Only the user's prompt starts the reviewer, not the later notification that it
            // finished (2.1.330 runs subagents in the background and reports back in a new turn).
            Match::any().custom(|r| r.messages().iter().all(|m| m["role"] != "assistant")),
            Reply::tool_use(
                "Agent",
                json!({
                    "description": "Review the change",
                    "prompt": "Review src/lib.rs",
                    "subagent_type": "reviewer"
                }),
            ),
        )
        .fallback(Reply::text("The reviewer says LGTM."))
}

/// What the subagent hooks saw: (`start` | `stop`, the agent type).
type Seen = Arc<Mutex<Vec<(String, Option<String>)>>>;

/// Reads the current turn to its result.
async fn turn(client: &mut Client) -> Vec<Message> {
    let mut messages = Vec::new();
    let mut stream = client.receive_response();
    while let Some(message) = within(stream.next()).await {
        messages.push(message.unwrap());
    }
    assert!(
        matches!(messages.last(), Some(Message::Result(r)) if !r.is_error),
        "the turn ended without a successful result: {messages:?}"
    );
    messages
}

fn init_agents(messages: &[Message]) -> Vec<String> {
    messages
        .iter()
        .find_map(|m| match m {
            Message::System(SystemMessage::Init(init)) => Some(init.agents.clone()),
            _ => None,
        })
        .expect("a system/init message")
}

#[tokio::test]
async fn a_declared_subagent_runs_with_its_prompt_and_only_its_tools() {
    let offline = Offline::start(delegating_model()).await;
    let seen: Seen = Arc::default();
    let (on_start, on_stop) = (Arc::clone(&seen), Arc::clone(&seen));
    let hooks = HookRegistry::new()
        .adapter(hook_fn(move |input: SubagentStart| {
            let seen = Arc::clone(&on_start);
            async move {
                let entry = ("start".to_owned(), input.base.agent_type.clone());
                seen.lock().unwrap().push(entry);
                HookOutput::default()
            }
        }))
        .adapter(hook_fn(move |input: SubagentStop| {
            let seen = Arc::clone(&on_stop);
            async move {
                let entry = ("stop".to_owned(), input.base.agent_type.clone());
                seen.lock().unwrap().push(entry);
                HookOutput::default()
            }
        }));
    let options = offline.options().hooks(hooks).build();
    let mut client = within(Client::connect(options)).await.unwrap();

    // Announced: in the initialize response and in system/init (every registered agent).
    let supported: Vec<&str> = client
        .supported_agents()
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert!(supported.contains(&"reviewer"), "{supported:?}");
    assert!(supported.contains(&"summarizer"), "{supported:?}");
    client.send("Have the change reviewed.").await.unwrap();
    let messages = turn(&mut client).await;
    let announced = init_agents(&messages);
    assert!(announced.contains(&"reviewer".to_owned()), "{announced:?}");

    // The subagent's request: its own system prompt, only its tools.
    let requests = offline.server.message_requests();
    let sub = requests
        .iter()
        .find(|r| r.system_text().contains(REVIEWER_MARKER))
        .expect("a request for the reviewer");
    let mut tools = sub.tools();
    tools.sort();
    assert_eq!(tools, ["Read", "mcp__text__word_count"]);
    let main = &requests[0];
    assert!(main.offers_tool("Agent"), "{:?}", main.tools());
    assert!(!main.system_text().contains(REVIEWER_MARKER));
    // (Newer CLIs run the subagent in the background and report its answer later, so the
    // main turn's own requests are not checked for it.)

    // SubagentStart and SubagentStop fired with the subagent's type (the subagent may still be
    // finishing in the background when the main turn ends).
    let reviewer = Some("reviewer".to_owned());
    let stopped = ("stop".to_owned(), reviewer.clone());
    for _ in 0..200 {
        if seen.lock().unwrap().contains(&stopped) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let seen = seen.lock().unwrap().clone();
    let reviewer = Some("reviewer".to_owned());
    assert!(
        seen.contains(&("start".to_owned(), reviewer.clone())),
        "{seen:?}"
    );
    assert!(seen.contains(&stopped), "{seen:?}");
    within(client.close()).await.unwrap();
}

#[tokio::test]
async fn a_main_agents_options_reach_the_cli() {
    let offline = Offline::start(delegating_model()).await;
    let options = Engineer::configure(offline.options()).build();
    let args = options.cli_args().unwrap();
    assert!(
        args.windows(2).any(|w| w == ["--max-turns", "4"]),
        "{args:?}"
    );
    let mut client = within(Client::connect(options)).await.unwrap();
    // `subagents = [Reviewer]` selects: the other registered agent is not sent.
    let supported: Vec<&str> = client
        .supported_agents()
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert!(supported.contains(&"reviewer"), "{supported:?}");
    assert!(!supported.contains(&"summarizer"), "{supported:?}");
    client.send("Have the change reviewed.").await.unwrap();
    let messages = turn(&mut client).await;
    assert!(!init_agents(&messages).contains(&"summarizer".to_owned()));

    let requests = offline.server.message_requests();
    let main = &requests[0];
    // The doc comment is the system prompt; the model alias was resolved by the CLI.
    assert!(main.system_text().contains(ENGINEER_MARKER));
    let model = main.body["model"].as_str().unwrap_or_default();
    assert!(model.contains("haiku"), "{model}");
    // Built-in tools restricted to Read and Grep, plus Agent to start the subagent.
    let mut builtins: Vec<String> = main
        .tools()
        .into_iter()
        .filter(|t| !t.starts_with("mcp__"))
        .collect();
    builtins.sort();
    assert_eq!(builtins, ["Agent", "Grep", "Read"]);
    // The subagent ran with its own prompt.
    assert!(
        requests
            .iter()
            .any(|r| r.system_text().contains(REVIEWER_MARKER))
    );
    within(client.close()).await.unwrap();
}

#[tokio::test]
async fn ask_returns_the_typed_answer() {
    let answer = json!({"findings": ["unwrap on user input"], "approve": false});
    let model = ScriptedModel::new()
        .on(
            Match::any().no_tool_result(),
            Reply::structured_output(answer),
        )
        .fallback(Reply::text("done"));
    let offline = Offline::start(model).await;
    let review = within(Judge::ask_with(offline.options(), "Review the change"))
        .await
        .unwrap();
    assert_eq!(
        review,
        Review {
            findings: vec!["unwrap on user input".into()],
            approve: false
        }
    );
    let first = &offline.server.message_requests()[0];
    assert!(first.system_text().contains("You judge code changes."));
}

#[tokio::test]
async fn ask_gives_the_typed_error_when_the_model_gives_up() {
    let bad = json!({"findings": "not a list", "approve": "maybe"});
    let offline =
        Offline::start(ScriptedModel::new().on(Match::any(), Reply::structured_output(bad))).await;
    let err = within(Judge::ask_with(offline.options(), "Review the change"))
        .await
        .unwrap_err();
    let Error::StructuredOutput(OutputError::RetriesExhausted { result }) = err else {
        panic!("expected RetriesExhausted, got {err:?}")
    };
    assert_eq!(
        result.subtype,
        ResultSubtype::ErrorMaxStructuredOutputRetries
    );
}

#[tokio::test]
async fn receive_as_reads_one_typed_answer_per_turn() {
    let model = ScriptedModel::new()
        .on(
            Match::any()
                .no_tool_result()
                .offers_tool(STRUCTURED_OUTPUT_TOOL)
                .user_text_contains("first"),
            Reply::structured_output(json!({"findings": [], "approve": true})),
        )
        .on(
            // The CLI sends the new prompt in the same user message as the previous turn's
            // StructuredOutput tool result, so this request does carry a tool result.
            Match::any()
                .offers_tool(STRUCTURED_OUTPUT_TOOL)
                .user_text_contains("second"),
            Reply::structured_output(json!({"findings": ["typo"], "approve": false})),
        )
        .fallback(Reply::text("done"));
    let offline = Offline::start(model).await;
    let options = Judge::configure(offline.options()).build();
    let mut client = within(Client::connect(options)).await.unwrap();
    client.send("Review the first change.").await.unwrap();
    let first: Review = within(client.receive_as()).await.unwrap();
    client.send("Review the second change.").await.unwrap();
    let second: Review = within(client.receive_as()).await.unwrap();
    assert!(first.approve && first.findings.is_empty(), "{first:?}");
    assert_eq!(second.findings, ["typo"]);
    within(client.close()).await.unwrap();
}

#[tokio::test]
async fn receive_as_keeps_a_value_that_does_not_decode() {
    // The session's schema is Review's, but the caller asks for another type.
    #[derive(Debug, Deserialize, schemars::JsonSchema)]
    struct Other {
        #[allow(dead_code)]
        score: u32,
    }
    let answer = json!({"findings": [], "approve": true});
    let model = ScriptedModel::new()
        .on(
            Match::any().no_tool_result(),
            Reply::structured_output(answer.clone()),
        )
        .fallback(Reply::text("done"));
    let offline = Offline::start(model).await;
    let options = Judge::configure(offline.options()).build();
    let mut client = within(Client::connect(options)).await.unwrap();
    client.send("Review the change.").await.unwrap();
    let err = within(client.receive_as::<Other>()).await.unwrap_err();
    let Error::StructuredOutput(OutputError::Decode { value, .. }) = err else {
        panic!("expected Decode, got {err:?}")
    };
    assert_eq!(value, answer);
    within(client.close()).await.unwrap();
}
