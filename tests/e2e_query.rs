//! One-shot `query` against the real CLI and the scripted model.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use claude_agent::protocol::{ResultSubtype, SystemMessage, UserInput};
use claude_agent::testing::{Reply, ScriptedModel};
use claude_agent::{Message, Prompt, query};
use common::{Offline, results, within};
use futures::StreamExt;
use serde_json::json;

#[tokio::test]
async fn one_shot_text_query_returns_the_scripted_answer() {
    let offline = Offline::start(ScriptedModel::new().then(Reply::text("Four."))).await;
    let answer = within(query("What is 2 + 2?", offline.options().build()).text())
        .await
        .unwrap();
    assert_eq!(answer, "Four.");
    let requests = offline.server.message_requests();
    assert_eq!(requests.len(), 1);
    assert!(requests[0].last_user_text().contains("What is 2 + 2?"));
}

#[tokio::test]
async fn messages_arrive_typed_and_in_order() {
    let offline = Offline::start(ScriptedModel::new().then(Reply::text("Hello there"))).await;
    let messages = within(query("hi", offline.options().build()).collect::<Vec<_>>()).await;
    let messages: Vec<Message> = messages.into_iter().map(Result::unwrap).collect();
    let init = messages
        .iter()
        .find_map(|m| match m {
            Message::System(SystemMessage::Init(init)) => Some(init),
            _ => None,
        })
        .expect("a system/init message");
    assert!(init.claude_code_version.is_some());
    let text: String = messages
        .iter()
        .filter_map(|m| match m {
            Message::Assistant(a) => Some(a.text()),
            _ => None,
        })
        .collect();
    assert_eq!(text, "Hello there");
    // The result ends the turn: only session-state events (2.1.330) may follow it.
    let at = messages
        .iter()
        .position(|m| matches!(m, Message::Result(_)))
        .expect("a result");
    assert!(
        messages[at + 1..]
            .iter()
            .all(|m| matches!(m, Message::System(SystemMessage::SessionStateChanged(_)))),
        "{messages:?}"
    );
    let Message::Result(result) = &messages[at] else {
        unreachable!()
    };
    assert_eq!(result.subtype, ResultSubtype::Success);
    assert_eq!(result.session_id, init.session_id);
    assert!(messages.iter().all(|m| !m.raw_json().is_empty()));
}

#[tokio::test]
async fn streaming_input_runs_one_turn_per_message_in_one_session() {
    let offline = Offline::start(
        ScriptedModel::new()
            .then(Reply::text("first"))
            .then(Reply::text("second")),
    )
    .await;
    let prompts = futures::stream::iter([UserInput::text("one"), UserInput::text("two")]);
    let messages =
        within(query(Prompt::stream(prompts), offline.options().build()).collect::<Vec<_>>()).await;
    let results = results(&messages);
    assert_eq!(results.len(), 2, "{messages:?}");
    assert_eq!(results[0].result.as_deref(), Some("first"));
    assert_eq!(results[1].result.as_deref(), Some("second"));
    assert_eq!(results[0].session_id, results[1].session_id);
    let requests = offline.server.message_requests();
    assert_eq!(requests.len(), 2);
    assert!(requests[1].last_user_text().contains("two"));
}

#[tokio::test]
async fn max_turns_ends_with_an_error_max_turns_result() {
    let model = ScriptedModel::new()
        .then(Reply::tool_use(
            "Bash",
            json!({"command": "echo hi", "description": "Say hi"}),
        ))
        .then(Reply::text("done"));
    let offline = Offline::start(model).await;
    let result = within(query("go", offline.options().max_turns(1).build()).result())
        .await
        .unwrap();
    assert_eq!(result.subtype, ResultSubtype::ErrorMaxTurns, "{result:?}");
    assert!(result.is_error);
    assert!(
        result
            .errors
            .iter()
            .any(|e| e.contains("maximum number of turns")),
        "{:?}",
        result.errors
    );
}

#[tokio::test]
async fn max_budget_ends_with_an_error_max_budget_result() {
    let model = ScriptedModel::new()
        .then(Reply::tool_use(
            "Bash",
            json!({"command": "echo hi", "description": "Say hi"}),
        ))
        .then(Reply::text("done"));
    let offline = Offline::start(model).await;
    let options = offline.options().max_budget_usd(0.000_001).build();
    let err = within(query("go", options).text()).await.unwrap_err();
    let claude_agent::Error::TurnFailed { result, .. } = err else {
        panic!("expected TurnFailed, got {err:?}")
    };
    assert_eq!(
        result.subtype,
        ResultSubtype::ErrorMaxBudgetUsd,
        "{result:?}"
    );
    assert!(
        result.errors.iter().any(|e| e.contains("maximum budget")),
        "{:?}",
        result.errors
    );
}

#[tokio::test]
async fn dropping_a_stream_mid_turn_leaves_no_process_behind() {
    let offline = Offline::start(ScriptedModel::new().then(Reply::hang())).await;
    let mut stream = query("wait forever", offline.options().build());
    // system/init arrives before the model is asked; then the model hangs.
    loop {
        let message = within(stream.next()).await.unwrap().unwrap();
        if matches!(message, Message::System(SystemMessage::Init(_))) {
            break;
        }
    }
    within(offline.server.wait_for_message_requests(1)).await;
    assert!(
        !common::processes_in(offline.env.cwd()).is_empty(),
        "the CLI runs in the test's cwd"
    );
    drop(stream);
    common::no_processes_left(offline.env.cwd())
        .await
        .expect("no process left behind");
}

/// Runs the CLI through the default spawner, counting launches: the shape of a container or ssh
/// spawner.
#[derive(Debug, Default, Clone)]
struct Counting(std::sync::Arc<std::sync::atomic::AtomicUsize>);

impl claude_agent::transport::Spawner for Counting {
    fn spawn(
        &self,
        command: claude_agent::transport::SpawnCommand,
    ) -> std::io::Result<claude_agent::transport::SpawnedProcess> {
        self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        assert!(command.args.iter().any(|a| a == "stream-json"));
        claude_agent::transport::LocalSpawner.spawn(command)
    }
}

#[tokio::test]
async fn a_custom_spawner_starts_the_cli() {
    let offline = Offline::start(ScriptedModel::new().then(Reply::text("spawned"))).await;
    let spawner = Counting::default();
    let options = offline.options().spawner(spawner.clone()).build();
    let answer = within(query("hi", options).text()).await.unwrap();
    assert_eq!(answer, "spawned");
    assert_eq!(spawner.0.load(std::sync::atomic::Ordering::SeqCst), 1);
}
