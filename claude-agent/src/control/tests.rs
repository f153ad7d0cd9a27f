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

#[tokio::test]
async fn elicitations_are_declined_without_a_handler() {
    let (dispatcher, mut lines) = serve(Handlers::default());
    dispatcher.dispatch("e1".into(), elicitation());
    let answer = next_line(&mut lines).await;
    assert_eq!(answer["response"]["request_id"], "e1");
    assert_eq!(answer["response"]["response"], json!({"action": "decline"}));
}

#[tokio::test]
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

#[tokio::test]
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

#[tokio::test]
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
    // The handler either sees its token fire or is dropped mid-way: either way it stops, in time.
    let stopped = wait(seen_rx).await;
    assert!(stopped.is_ok(), "the handler was not stopped");
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
