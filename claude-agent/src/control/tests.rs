//! The dispatcher in memory: inbound requests in, answer lines out, no process.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, BufReader, DuplexStream};

use super::{Dispatcher, Handlers};
use crate::permissions::{
    ElicitationRequest, ElicitationResponse, PermissionContext, UserDialogRequest,
    UserDialogResponse,
};
use crate::protocol::InboundRequest;
use crate::transport::Writer;

fn serve(handlers: Handlers) -> (Dispatcher, BufReader<DuplexStream>) {
    let (ours, theirs) = tokio::io::duplex(64 * 1024);
    let writer = Writer::spawn(Box::new(ours));
    (
        Dispatcher::new(Arc::new(handlers), writer),
        BufReader::new(theirs),
    )
}

async fn next_line(lines: &mut BufReader<DuplexStream>) -> Value {
    let mut line = String::new();
    tokio::time::timeout(Duration::from_secs(5), lines.read_line(&mut line))
        .await
        .expect("an answer within 5 s")
        .unwrap();
    serde_json::from_str(&line).unwrap()
}

fn elicitation() -> InboundRequest {
    InboundRequest::Elicitation(json!({
        "subtype": "elicitation", "mcp_server_name": "github", "message": "Your name?",
        "mode": "form", "requested_schema": {"type": "object"}
    }))
}

#[tokio::test(start_paused = true)]
async fn elicitations_are_declined_without_a_handler() {
    let (dispatcher, mut lines) = serve(Handlers::default());
    dispatcher.dispatch("e1".into(), elicitation());
    let answer = next_line(&mut lines).await;
    assert_eq!(answer["response"]["request_id"], "e1");
    assert_eq!(answer["response"]["response"], json!({"action": "decline"}));
}

#[tokio::test(start_paused = true)]
async fn an_elicitation_handler_answers_with_typed_input() {
    let handlers = Handlers {
        elicitation: Some(Arc::new(
            |request: ElicitationRequest, _: PermissionContext| async move {
                assert_eq!(request.server_name, "github");
                ElicitationResponse::accept(json!({"name": request.message.len()}))
            },
        )),
        ..Handlers::default()
    };
    let (dispatcher, mut lines) = serve(handlers);
    dispatcher.dispatch("e2".into(), elicitation());
    let answer = next_line(&mut lines).await;
    assert_eq!(
        answer["response"]["response"],
        json!({"action": "accept", "content": {"name": 10}})
    );
}

#[tokio::test(start_paused = true)]
async fn user_dialogs_are_answered_by_the_handler_and_not_at_all_without_one() {
    let dialog = || {
        InboundRequest::UserDialog(json!({
            "subtype": "request_user_dialog", "dialog_kind": "refusal_fallback_prompt",
            "payload": {"model": "x"}, "tool_use_id": "toolu_1"
        }))
    };
    // No handler: silence (the CLI bounds the dialog itself); the next request is answered.
    let (dispatcher, mut lines) = serve(Handlers::default());
    dispatcher.dispatch("d0".into(), dialog());
    dispatcher.dispatch("e0".into(), elicitation());
    assert_eq!(next_line(&mut lines).await["response"]["request_id"], "e0");

    let handlers = Handlers {
        user_dialog: Some(Arc::new(
            |request: UserDialogRequest, _: PermissionContext| async move {
                assert_eq!(request.kind, "refusal_fallback_prompt");
                assert_eq!(request.payload["model"], "x");
                UserDialogResponse::Completed(json!({"choice": "retry"}))
            },
        )),
        ..Handlers::default()
    };
    let (dispatcher, mut lines) = serve(handlers);
    dispatcher.dispatch("d1".into(), dialog());
    let answer = next_line(&mut lines).await;
    assert_eq!(
        answer["response"]["response"],
        json!({"behavior": "completed", "result": {"choice": "retry"}})
    );
}

#[tokio::test(start_paused = true)]
async fn a_cancelled_request_gets_no_answer_and_its_handler_is_stopped() {
    let (started_tx, started_rx) = tokio::sync::oneshot::channel::<()>();
    let (seen_tx, seen_rx) = tokio::sync::oneshot::channel::<()>();
    let channels = std::sync::Mutex::new(Some((started_tx, seen_tx)));
    let handlers = Handlers {
        elicitation: Some(Arc::new(
            move |_: ElicitationRequest, cx: PermissionContext| {
                let pair = channels.lock().unwrap().take();
                async move {
                    let (started, seen) = pair.unwrap();
                    let _ = started.send(());
                    cx.cancellation.cancelled().await;
                    let _ = seen.send(());
                    ElicitationResponse::Cancel
                }
            },
        )),
        ..Handlers::default()
    };
    let (dispatcher, mut lines) = serve(handlers);
    dispatcher.dispatch("c1".into(), elicitation());
    let wait = |rx| tokio::time::timeout(Duration::from_secs(5), rx);
    wait(started_rx).await.unwrap().unwrap();
    dispatcher.cancel("c1");
    // The handler sees its token fire and runs on to its end (a dropped handler would drop
    // `seen` unsent, and the receive would fail).
    let stopped = wait(seen_rx).await;
    assert!(
        matches!(stopped, Ok(Ok(()))),
        "the handler did not get to observe its cancellation: {stopped:?}"
    );
    // Nothing was written for c1: the next line answers a later request.
    dispatcher.dispatch(
        "u1".into(),
        InboundRequest::Other {
            subtype: "brand_new".into(),
            body: json!({}),
        },
    );
    let answer = next_line(&mut lines).await;
    assert_eq!(answer["response"]["request_id"], "u1");
    assert_eq!(answer["response"]["subtype"], "error");
}

fn can_use_tool() -> InboundRequest {
    InboundRequest::CanUseTool(json!({
        "subtype": "can_use_tool", "tool_name": "Bash", "input": {"command": "ls"},
        "tool_use_id": "toolu_1", "permission_suggestions": []
    }))
}

/// The next line written within `wait`, if any.
async fn line_within(lines: &mut BufReader<DuplexStream>, wait: Duration) -> Option<Value> {
    let mut line = String::new();
    match tokio::time::timeout(wait, lines.read_line(&mut line)).await {
        Ok(Ok(n)) if n > 0 => Some(serde_json::from_str(&line).unwrap()),
        _ => None,
    }
}

#[tokio::test(start_paused = true)]
async fn a_withdrawn_permission_callback_runs_its_async_cleanup_and_is_not_answered() {
    let cleaned = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (started_tx, started_rx) = tokio::sync::mpsc::unbounded_channel::<()>();
    let flag = cleaned.clone();
    let handlers = Handlers {
        can_use_tool: Some(Arc::new(
            move |_: crate::permissions::PermissionRequest, cx: PermissionContext| {
                let flag = flag.clone();
                let started = started_tx.clone();
                async move {
                    let _ = started.send(());
                    cx.cancellation.cancelled().await;
                    // Cleanup that itself awaits (closing a dialog, say) must get to finish.
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    flag.store(true, std::sync::atomic::Ordering::SeqCst);
                    crate::permissions::PermissionResult::allow()
                }
            },
        )),
        ..Handlers::default()
    };
    let (dispatcher, mut lines) = serve(handlers);
    let mut started_rx = started_rx;
    // Many rounds: the race the dispatcher used to lose was lost about half the time.
    for round in 0..20 {
        cleaned.store(false, std::sync::atomic::Ordering::SeqCst);
        let id = format!("p{round}");
        dispatcher.dispatch(id.clone(), can_use_tool());
        tokio::time::timeout(Duration::from_secs(5), started_rx.recv())
            .await
            .unwrap()
            .unwrap();
        dispatcher.cancel(&id);
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(
            cleaned.load(std::sync::atomic::Ordering::SeqCst),
            "round {round}: the cleanup did not run"
        );
        // The callback's late `allow` is not sent.
        assert_eq!(
            line_within(&mut lines, Duration::from_millis(10)).await,
            None
        );
    }
}

#[tokio::test(start_paused = true)]
async fn a_withdrawn_callback_that_never_returns_is_dropped_after_the_grace() {
    struct Dropped(Arc<std::sync::atomic::AtomicBool>);
    impl Drop for Dropped {
        fn drop(&mut self) {
            self.0.store(true, std::sync::atomic::Ordering::SeqCst);
        }
    }
    let dropped = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = dropped.clone();
    let handlers = Handlers {
        can_use_tool: Some(Arc::new(
            move |_: crate::permissions::PermissionRequest, _: PermissionContext| {
                let guard = Dropped(flag.clone());
                async move {
                    let _guard = guard;
                    futures::future::pending::<crate::permissions::PermissionResult>().await
                }
            },
        )),
        ..Handlers::default()
    };
    let (dispatcher, mut lines) = serve(handlers);
    dispatcher.dispatch("p1".into(), can_use_tool());
    tokio::time::sleep(Duration::from_millis(10)).await;
    dispatcher.cancel("p1");
    tokio::time::sleep(super::inbound::CANCEL_GRACE - Duration::from_millis(100)).await;
    assert!(
        !dropped.load(std::sync::atomic::Ordering::SeqCst),
        "dropped before the grace"
    );
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        dropped.load(std::sync::atomic::Ordering::SeqCst),
        "kept past the grace"
    );
    assert_eq!(
        line_within(&mut lines, Duration::from_millis(10)).await,
        None
    );
}
