//! The multi-turn `Client` and its control methods against the real CLI and the scripted model.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::time::Duration;

use claude_agent::options::PermissionMode;
use claude_agent::protocol::{ResultMessage, ResultSubtype, SystemMessage};
use claude_agent::testing::{Match, Reply, ScriptedModel};
use claude_agent::{Client, Error, Message};
use common::{Offline, within};
use futures::StreamExt;

/// Reads the current turn to its result.
async fn turn(client: &Client) -> (Vec<Message>, ResultMessage) {
    let mut messages = Vec::new();
    let mut stream = client.receive_response();
    while let Some(message) = within(stream.next()).await {
        messages.push(message.unwrap());
    }
    match messages.last() {
        Some(Message::Result(result)) => {
            let result = result.clone();
            (messages, result)
        }
        _ => panic!("the turn ended without a result: {messages:?}"),
    }
}

#[tokio::test]
async fn multi_turn_keeps_one_session_and_cumulative_cost() {
    let offline = Offline::start(
        ScriptedModel::new()
            .then(Reply::text("Noted: 7."))
            .then(Reply::text("It was 7.")),
    )
    .await;
    let client = within(Client::connect(offline.options().build()))
        .await
        .unwrap();
    client.send("Remember 7.").await.unwrap();
    let (_, first) = turn(&client).await;
    client.send("Which number?").await.unwrap();
    let (_, second) = turn(&client).await;
    assert_eq!(first.result.as_deref(), Some("Noted: 7."));
    assert_eq!(second.result.as_deref(), Some("It was 7."));
    assert_eq!(first.session_id, second.session_id);
    assert_eq!(
        client.session_id().as_deref(),
        Some(first.session_id.as_str())
    );
    assert!(first.total_cost_usd > 0.0, "the scripted usage has a cost");
    assert!(
        second.total_cost_usd > first.total_cost_usd,
        "cost is cumulative: {} then {}",
        first.total_cost_usd,
        second.total_cost_usd
    );
    // The second request carries the first exchange: one process, one conversation.
    let requests = offline.server.message_requests();
    assert_eq!(requests.len(), 2);
    assert!(requests[1].messages().len() > requests[0].messages().len());
    let pid = client.pid().unwrap();
    within(client.close()).await.unwrap();
    assert!(!common::exists(pid), "close() reaps the CLI");
}

#[tokio::test]
async fn interrupt_while_the_model_stalls_then_the_client_is_still_usable() {
    // The CLI folds the interrupted prompt into the next request's user message, so match the
    // stall by request number, not by text.
    let model = ScriptedModel::new()
        .on(Match::any().request_number(1), Reply::hang())
        .fallback(Reply::text("Back again."));
    let offline = Offline::start(model).await;
    let client = within(Client::connect(offline.options().build()))
        .await
        .unwrap();
    client.send("please stall").await.unwrap();
    within(offline.server.wait_for_message_requests(1)).await;
    // Interrupt mid-generation. (Within a few ms of the request's start, CLI 2.1.330 sometimes
    // re-sends the request instead of aborting; a person cannot click that fast.)
    tokio::time::sleep(Duration::from_millis(500)).await;
    within(client.interrupt()).await.unwrap();
    let (_, interrupted) = turn(&client).await;
    assert_eq!(
        interrupted.subtype,
        ResultSubtype::ErrorDuringExecution,
        "{interrupted:?}"
    );
    client.send("again").await.unwrap();
    let (_, result) = turn(&client).await;
    assert_eq!(result.result.as_deref(), Some("Back again."));
    within(client.close()).await.unwrap();
}

#[tokio::test]
async fn set_model_and_set_permission_mode_take_effect() {
    let offline = Offline::start(ScriptedModel::new().fallback(Reply::text("ok"))).await;
    let client = within(Client::connect(offline.options().build()))
        .await
        .unwrap();
    within(client.set_model(Some("claude-haiku-4-5")))
        .await
        .unwrap();
    within(client.set_permission_mode(PermissionMode::AcceptEdits))
        .await
        .unwrap();
    client.send("hello").await.unwrap();
    let (messages, _) = turn(&client).await;
    let requests = offline.server.message_requests();
    assert_eq!(
        requests.last().unwrap().model.as_deref(),
        Some("claude-haiku-4-5")
    );
    let init = messages
        .iter()
        .find_map(|m| match m {
            Message::System(SystemMessage::Init(init)) => Some(init),
            _ => None,
        })
        .expect("system/init");
    assert_eq!(
        init.permission_mode.as_deref(),
        Some("acceptEdits"),
        "{init:?}"
    );
    assert_eq!(init.model.as_deref(), Some("claude-haiku-4-5"));
    within(client.close()).await.unwrap();
}

#[tokio::test]
async fn initialization_result_lists_models_commands_and_account() {
    let offline = Offline::start(ScriptedModel::new()).await;
    let client = within(Client::connect(offline.options().build()))
        .await
        .unwrap();
    assert!(!client.supported_models().is_empty());
    assert!(!client.supported_commands().is_empty());
    let account = client.account_info().expect("account info");
    assert_eq!(
        account.api_key_source.as_deref(),
        Some("ANTHROPIC_API_KEY"),
        "{account:?}"
    );
    let init = client.initialization_result();
    // Exact per version (see e2e_faults.rs): 2.1.330+ names itself in the initialize answer.
    let installed = common::installed_version();
    assert_eq!(
        init.claude_code_version,
        (installed != "2.1.197").then_some(installed),
        "{init:?}"
    );
    assert!(init.raw.get("commands").is_some(), "{init:?}");
    within(client.close()).await.unwrap();
}

#[tokio::test]
async fn control_requests_round_trip_and_cli_refusals_are_typed_errors() {
    let offline = Offline::start(ScriptedModel::new()).await;
    let client = within(Client::connect(offline.options().build()))
        .await
        .unwrap();
    within(client.mcp_server_status()).await.unwrap();
    let usage = within(client.get_context_usage()).await.unwrap();
    assert!(usage.max_tokens.unwrap_or_default() > 0, "{usage:?}");
    within(client.stop_task("no-such-task")).await.unwrap();
    within(client.interrupt()).await.unwrap(); // idle: a no-op
    within(client.set_max_thinking_tokens(Some(2048), None))
        .await
        .unwrap();
    // A dry run reports that rewinding is off (2.1.330: in the result; 2.1.197: as an error)...
    match within(client.rewind_files("00000000-0000-4000-8000-000000000000", true)).await {
        Ok(dry) => assert!(!dry.can_rewind && dry.error.is_some(), "{dry:?}"),
        Err(err) => assert!(matches!(err, Error::Control { .. }), "{err:?}"),
    }
    // ...and a real rewind fails with a typed error on every version.
    let err = within(client.rewind_files("00000000-0000-4000-8000-000000000000", false))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Control { subtype, message, .. } if subtype == "rewind_files" && message.contains("File rewinding is not enabled")),
        "{err:?}"
    );
    // The pinned CLI refuses an unknown mode (error_code "invalid_mode"; 2.1.197 accepted any
    // string). Unknown modes stay expressible for forward compatibility.
    let refused =
        within(client.set_permission_mode(PermissionMode::Other("not-a-mode".into()))).await;
    let version = common::installed_version();
    match refused {
        Err(Error::Control { subtype, code, .. }) => {
            assert_eq!(subtype, "set_permission_mode");
            assert_eq!(code.as_deref(), Some("invalid_mode"));
        }
        Ok(()) => assert_eq!(version, "2.1.197", "only 2.1.197 accepted an unknown mode"),
        Err(other) => panic!("unexpected {other:?}"),
    }
    within(client.close()).await.unwrap();
}
