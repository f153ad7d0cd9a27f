//! Steering a running session from other tasks, against the real CLI: interrupt, model changes,
//! queued prompts, cancelling queued prompts, and aborting (cancellation token and handle).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::sync::Arc;
use std::time::Duration;

use claude_agent::protocol::ResultSubtype;
use claude_agent::testing::{Match, Reply, ScriptedModel};
use claude_agent::{CancellationToken, Client, Error, Message, SessionHandle, query};
use common::{Offline, within};
use futures::StreamExt;

/// Reads one turn to its result, collecting every item.
async fn turn(client: &Client) -> Vec<Result<Message, Error>> {
    within(client.receive_response().collect::<Vec<_>>()).await
}

fn result_of(items: &[Result<Message, Error>]) -> &claude_agent::protocol::ResultMessage {
    common::results(items)
        .last()
        .copied()
        .expect("the turn ends with a result")
}

/// Interrupts through `handle` once the model has received `requests` requests (plus a pause:
/// within a few ms of the request's start, CLI 2.1.330 sometimes retries instead of aborting).
fn interrupt_later(
    offline: &Arc<Offline>,
    handle: SessionHandle,
    requests: usize,
) -> tokio::task::JoinHandle<()> {
    let offline = offline.clone();
    tokio::spawn(async move {
        offline.server.wait_for_message_requests(requests).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        handle.interrupt().await.unwrap();
    })
}

#[tokio::test]
async fn a_timer_task_interrupts_a_client_turn_while_it_streams() {
    let model = ScriptedModel::new()
        .on(Match::any().request_number(1), Reply::hang())
        .fallback(Reply::text("Back again."));
    let offline = Arc::new(Offline::start(model).await);
    let client = within(Client::connect(offline.options().build()))
        .await
        .unwrap();
    client.send("please stall").await.unwrap();
    let timer = interrupt_later(&offline, client.handle(), 1);
    let items = turn(&client).await;
    timer.await.unwrap();
    assert_eq!(
        result_of(&items).subtype,
        ResultSubtype::ErrorDuringExecution
    );
    client.send("again").await.unwrap();
    let items = turn(&client).await;
    assert_eq!(result_of(&items).result.as_deref(), Some("Back again."));
    within(client.close()).await.unwrap();
}

#[tokio::test]
async fn a_query_is_interrupted_through_its_handle_and_leaves_no_process() {
    let offline = Arc::new(Offline::start(ScriptedModel::new().fallback(Reply::hang())).await);
    let stream = query("please stall", offline.options().build());
    let handle = stream.handle();
    assert!(handle.pid().is_none(), "not started before it is polled");
    let timer = interrupt_later(&offline, handle.clone(), 1);
    let items = within(stream.collect::<Vec<_>>()).await;
    timer.await.unwrap();
    assert_eq!(
        result_of(&items).subtype,
        ResultSubtype::ErrorDuringExecution
    );
    assert!(items.iter().all(Result::is_ok), "{items:?}");
    assert!(handle.pid().is_some());
    common::no_processes_left(offline.env.cwd()).await.unwrap();
    // The session is over: the handle says so.
    assert!(matches!(
        handle.set_model(None).await,
        Err(Error::ConnectionClosed | Error::InputClosed | Error::ProcessExited { .. })
    ));
}

#[tokio::test]
async fn a_query_handle_queues_a_prompt_and_switches_the_model_mid_run() {
    let model = ScriptedModel::new()
        .on(
            Match::any().request_number(1),
            Reply::text("one").stall(Duration::from_millis(1500)),
        )
        .fallback(Reply::text("two"));
    let offline = Arc::new(Offline::start(model).await);
    let mut stream = query("first", offline.options().build());
    let handle = stream.handle();
    let steer = tokio::spawn({
        let offline = offline.clone();
        async move {
            offline.server.wait_for_message_requests(1).await;
            handle.set_model(Some("claude-haiku-4-5")).await.unwrap();
            handle.send("second").await.unwrap();
        }
    });
    let mut answers = Vec::new();
    while let Some(message) = within(stream.next()).await {
        if let Message::Result(result) = message.unwrap() {
            answers.push(result.result.unwrap_or_default());
        }
    }
    steer.await.unwrap();
    assert_eq!(
        answers,
        ["one", "two"],
        "one result per prompt, then the end"
    );
    let requests = offline.server.message_requests();
    let last = requests.last().unwrap();
    assert_eq!(last.model.as_deref(), Some("claude-haiku-4-5"));
    assert!(last.last_user_full_text().contains("second"));
    common::no_processes_left(offline.env.cwd()).await.unwrap();
}

#[tokio::test]
async fn a_cancellation_token_aborts_a_query_and_leaves_no_process() {
    let offline = Arc::new(Offline::start(ScriptedModel::new().fallback(Reply::hang())).await);
    let token = CancellationToken::new();
    let options = offline
        .options()
        .cancellation_token(token.clone())
        .shutdown_timeout(Duration::from_secs(2))
        .build();
    let mut stream = query("please stall", options);
    let cancel = tokio::spawn({
        let offline = offline.clone();
        async move {
            offline.server.wait_for_message_requests(1).await;
            token.cancel();
        }
    });
    let mut items = Vec::new();
    while let Some(item) = within(stream.next()).await {
        items.push(item);
    }
    cancel.await.unwrap();
    assert!(
        matches!(items.last(), Some(Err(Error::Aborted))),
        "{items:?}"
    );
    assert_eq!(
        items.iter().filter(|i| i.is_err()).count(),
        1,
        "Aborted once, then the end"
    );
    common::no_processes_left(offline.env.cwd()).await.unwrap();
}

#[tokio::test]
async fn a_token_cancelled_before_the_start_spawns_nothing() {
    let offline = Arc::new(Offline::start(ScriptedModel::new().fallback(Reply::text("no"))).await);
    let token = CancellationToken::new();
    token.cancel();
    let options = offline.options().cancellation_token(token).build();
    let items = within(query("hi", options).collect::<Vec<_>>()).await;
    assert!(
        matches!(items.as_slice(), [Err(Error::Aborted)]),
        "{items:?}"
    );
    assert!(offline.server.message_requests().is_empty());
    assert!(common::processes_in(offline.env.cwd()).is_empty());
}

#[tokio::test]
async fn aborting_a_client_through_a_handle_ends_its_reader_and_calls() {
    let offline = Arc::new(Offline::start(ScriptedModel::new().fallback(Reply::hang())).await);
    let client = within(Client::connect(offline.options().build()))
        .await
        .unwrap();
    client.send("please stall").await.unwrap();
    let handle = client.handle();
    let abort = tokio::spawn({
        let offline = offline.clone();
        async move {
            offline.server.wait_for_message_requests(1).await;
            handle.abort();
        }
    });
    let items = turn(&client).await;
    abort.await.unwrap();
    assert!(
        matches!(items.last(), Some(Err(Error::Aborted))),
        "{items:?}"
    );
    assert!(matches!(client.set_model(None).await, Err(Error::Aborted)));
    assert!(matches!(client.send("more").await, Err(Error::Aborted)));
    common::no_processes_left(offline.env.cwd()).await.unwrap();
    within(client.close()).await.unwrap();
}

#[tokio::test]
async fn interrupt_and_cancel_queued_drops_the_queued_prompt_where_the_cli_supports_it() {
    let model = ScriptedModel::new()
        .on(Match::any().request_number(1), Reply::hang())
        .fallback(Reply::text("later answer"));
    let offline = Arc::new(Offline::start(model).await);
    let stream = query("please stall", offline.options().build());
    let handle = stream.handle();
    let steer = tokio::spawn({
        let offline = offline.clone();
        let handle = handle.clone();
        async move {
            offline.server.wait_for_message_requests(1).await;
            handle.send("queued prompt").await.unwrap();
            tokio::time::sleep(Duration::from_millis(500)).await;
            handle.interrupt_and_cancel_queued().await.unwrap()
        }
    });
    // The query ends by itself: the cancelled prompt is not waited for.
    let items = within(stream.collect::<Vec<_>>()).await;
    let receipt = steer.await.unwrap();
    let results = common::results(&items);
    let supports = handle
        .initialization_result()
        .unwrap()
        .claude_code_version
        .is_some();
    if supports {
        // 2.1.330 (interrupt_cancel_queued_v1): one result, the queued prompt never ran.
        assert_eq!(receipt.cancelled.len(), 1, "{receipt:?}");
        assert_eq!(results.len(), 1, "{items:?}");
        assert_eq!(results[0].subtype, ResultSubtype::ErrorDuringExecution);
    } else {
        // 2.1.197 ignores cancel_queued: the queued prompt runs after the interrupt.
        assert!(receipt.cancelled.is_empty());
        assert_eq!(results.len(), 2, "{items:?}");
        assert_eq!(results[1].result.as_deref(), Some("later answer"));
    }
    common::no_processes_left(offline.env.cwd()).await.unwrap();
}

#[tokio::test]
async fn newer_control_requests_are_typed_on_both_cli_versions() {
    use claude_agent::options::SettingSource;
    use claude_agent::{McpPermissionOverride, SettingsFile};
    let offline = Arc::new(Offline::start(ScriptedModel::new().fallback(Reply::text("ok"))).await);
    let options = offline
        .options()
        .setting_sources([SettingSource::Local])
        .build();
    let client = within(Client::connect(options)).await.unwrap();
    let newer = client.initialization_result().claude_code_version.is_some();
    let unsupported = |result: Result<_, Error>| match result {
        Err(Error::Control { message, .. }) => message.contains("Unsupported control request"),
        _ => false,
    };

    let fresh = within(client.reinitialize()).await.unwrap();
    assert!(!fresh.commands.is_empty());
    assert!(
        !within(client.reload_skills())
            .await
            .unwrap()
            .skills
            .is_empty()
    );
    within(client.reload_plugins()).await.unwrap();
    let warning =
        within(client.set_mcp_permission_mode_override(
            "no-such-server",
            Some(McpPermissionOverride::Default),
        ))
        .await
        .unwrap();
    assert!(warning.unwrap().contains("no-such-server"));
    within(client.background_tasks(None)).await.unwrap();

    // A flag setting changes the model of the next request.
    let mut model = serde_json::Map::new();
    model.insert("model".into(), "claude-haiku-4-5".into());
    within(client.apply_flag_settings(model)).await.unwrap();
    client.send("hi").await.unwrap();
    turn(&client).await;
    let requests = offline.server.message_requests();
    assert_eq!(
        requests.last().unwrap().model.as_deref(),
        Some("claude-haiku-4-5")
    );

    let styles = within(client.reload_output_styles()).await;
    let resource = within(client.read_mcp_resource("tools", "ui://nothing")).await;
    let mut style = serde_json::Map::new();
    style.insert("outputStyle".into(), "Concise".into());
    let update = within(client.update_settings(SettingsFile::Local, style)).await;
    if newer {
        let styles = styles.unwrap().available_output_styles;
        assert!(styles.iter().any(|s| s == "default"), "{styles:?}");
        assert!(
            matches!(resource, Err(Error::Control { .. })),
            "{resource:?}"
        );
        update.unwrap();
        let written =
            std::fs::read_to_string(offline.env.cwd().join(".claude/settings.local.json")).unwrap();
        assert!(written.contains("Concise"), "{written}");
    } else {
        // 2.1.197 has no such requests: typed refusals, and the session goes on.
        assert!(unsupported(styles.map(drop)));
        assert!(unsupported(resource.map(drop)));
        assert!(unsupported(update));
    }
    within(client.close()).await.unwrap();
}
