//! The permission callback (`can_use_tool`) driven by the real CLI: typed requests, denials in
//! the result, "always allow" rules, cancellation by interrupt, and one-shot queries.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::Poll;
use std::time::Duration;

use claude_agent::builtin::{BashInput, BuiltinToolInput};
use claude_agent::permissions::{
    PermissionContext, PermissionRequest, PermissionResult, PermissionUpdate,
    PermissionUpdateDestination,
};
use claude_agent::protocol::{ResultMessage, ResultSubtype};
use claude_agent::testing::{Match, Reply, ScriptedModel};
use claude_agent::transport::{LocalSpawner, SpawnCommand, SpawnedProcess, Spawner};
use claude_agent::{Client, Message, query};
use common::{Offline, within};
use futures::StreamExt;
use serde_json::json;
use tokio::io::AsyncWrite;

/// The CLI asks before `touch` (unlike read-only commands such as `echo`).
const TOUCH: &str = "touch made_by_tool.txt";

fn touch() -> Reply {
    Reply::tool_use(
        "Bash",
        json!({"command": TOUCH, "description": "Create a file"}),
    )
}

#[tokio::test]
async fn a_deny_is_listed_in_the_result_with_the_typed_request() {
    let model = ScriptedModel::new()
        .on(Match::any().no_tool_result(), touch())
        .fallback(Reply::text("understood"));
    let offline = Offline::start(model).await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = seen.clone();
    let options = offline
        .options()
        .can_use_tool(move |req: PermissionRequest, _cx: PermissionContext| {
            let bash: BashInput = req.typed().unwrap();
            assert!(matches!(req.tool_input(), BuiltinToolInput::Bash(_)));
            record.lock().unwrap().push(req.clone());
            async move { PermissionResult::deny(format!("`{}` is not allowed here", bash.command)) }
        })
        .build();
    let result = within(query("make a file", options).result())
        .await
        .unwrap();

    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 1, "{seen:?}");
    let req = &seen[0];
    assert_eq!(req.tool_name, "Bash");
    assert_eq!(req.typed::<BashInput>().unwrap().command, TOUCH);
    assert_eq!(req.description.as_deref(), Some("Create a file"));
    assert!(
        req.suggestions
            .iter()
            .any(|s| matches!(s, PermissionUpdate::AddRules { .. })),
        "the CLI suggests an \"always allow\" rule: {:?}",
        req.suggestions
    );
    assert!(!offline.env.cwd().join("made_by_tool.txt").exists());

    let tool_results = offline.server.message_requests()[1].tool_results();
    assert!(tool_results[0].is_error);
    assert_eq!(
        tool_results[0].text,
        "`touch made_by_tool.txt` is not allowed here"
    );
    assert!(result.is_success(), "the turn goes on after a deny");
    assert_eq!(result.permission_denials.len(), 1, "{result:?}");
    let denial = &result.permission_denials[0];
    assert_eq!(denial.tool_name, "Bash");
    assert_eq!(Some(&denial.tool_use_id), req.tool_use_id.as_ref());
    assert_eq!(denial.tool_input["command"], TOUCH);
}

#[tokio::test]
async fn an_allow_with_a_session_rule_is_not_asked_again_for_the_same_call() {
    let model = ScriptedModel::new()
        .then(touch())
        .then(touch())
        .then(Reply::text("made it twice"));
    let offline = Offline::start(model).await;
    let calls = Arc::new(AtomicUsize::new(0));
    let count = calls.clone();
    let options = offline
        .options()
        .can_use_tool(move |req: PermissionRequest, _cx: PermissionContext| {
            count.fetch_add(1, Ordering::SeqCst);
            // "Always allow" as the CLI suggests it, but for this session only.
            let rules: Vec<PermissionUpdate> = req
                .suggestions
                .iter()
                .filter(|s| matches!(s, PermissionUpdate::AddRules { .. }))
                .map(|s| {
                    s.clone()
                        .with_destination(PermissionUpdateDestination::Session)
                })
                .collect();
            assert_eq!(rules.len(), 1, "{:?}", req.suggestions);
            async move { PermissionResult::allow().with_updated_permissions(rules) }
        })
        .build();
    let result = within(query("make a file twice", options).result())
        .await
        .unwrap();
    assert_eq!(
        result.result.as_deref(),
        Some("made it twice"),
        "{result:?}"
    );
    assert_eq!(calls.load(Ordering::SeqCst), 1, "asked once for two calls");
    let requests = offline.server.message_requests();
    assert_eq!(requests.len(), 3);
    for request in &requests[1..] {
        let tool_results = request.tool_results();
        assert!(!tool_results[0].is_error, "{tool_results:?}");
    }
    assert!(offline.env.cwd().join("made_by_tool.txt").exists());
    // Nothing was written to the project's settings.
    assert!(!offline.env.cwd().join(".claude").exists());
}

/// Starts the CLI like the default spawner, keeping a copy of everything the SDK writes to its
/// stdin.
#[derive(Debug, Default, Clone)]
struct Tapping(Arc<Mutex<Vec<u8>>>);

impl Tapping {
    /// The JSON lines written so far.
    fn lines(&self) -> Vec<serde_json::Value> {
        let bytes = self.0.lock().unwrap().clone();
        String::from_utf8(bytes)
            .unwrap()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
    }
}

impl Spawner for Tapping {
    fn spawn(&self, command: SpawnCommand) -> std::io::Result<SpawnedProcess> {
        let mut spawned = LocalSpawner.spawn(command)?;
        spawned.stdin = Box::new(Tap {
            inner: spawned.stdin,
            copy: self.0.clone(),
        });
        Ok(spawned)
    }
}

struct Tap {
    inner: Box<dyn AsyncWrite + Send + Unpin>,
    copy: Arc<Mutex<Vec<u8>>>,
}

impl AsyncWrite for Tap {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let written = Pin::new(&mut self.inner).poll_write(cx, buf);
        if let Poll::Ready(Ok(n)) = written {
            self.copy.lock().unwrap().extend_from_slice(&buf[..n]);
        }
        written
    }

    fn poll_flush(
        mut self: Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(
        mut self: Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[tokio::test]
async fn interrupt_while_a_permission_request_is_pending_cancels_the_callback() {
    let model = ScriptedModel::new()
        .on(
            Match::any().user_text_contains("afterwards"),
            Reply::text("still here"),
        )
        .on(Match::any().no_tool_result(), touch())
        .fallback(Reply::text("should not be reached"));
    let offline = Offline::start(model).await;
    let (asked_tx, mut asked_rx) = tokio::sync::mpsc::unbounded_channel();
    let stdin = Tapping::default();
    let cleaned_up = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let cleanup = cleaned_up.clone();
    let options = offline
        .options()
        .spawner(stdin.clone())
        .can_use_tool(move |req: PermissionRequest, cx: PermissionContext| {
            asked_tx.send((req, cx.cancellation.clone())).unwrap();
            let cleanup = cleanup.clone();
            async move {
                // A person who never clicks: wait until the CLI withdraws the request, clean up
                // (an await of its own), then answer anyway (the SDK must not send it).
                cx.cancellation.cancelled().await;
                tokio::time::sleep(Duration::from_millis(50)).await;
                cleanup.store(true, std::sync::atomic::Ordering::SeqCst);
                PermissionResult::allow()
            }
        })
        .build();
    let client = within(Client::connect(options)).await.unwrap();
    client.send("make a file").await.unwrap();
    let (req, token) = within(asked_rx.recv()).await.unwrap();
    assert_eq!(req.typed::<BashInput>().unwrap().command, TOUCH);
    assert!(!token.is_cancelled());
    within(client.interrupt()).await.unwrap();
    within(token.cancelled()).await;

    let mut messages = Vec::new();
    let mut stream = client.receive_response();
    while let Some(message) = within(stream.next()).await {
        messages.push(message.unwrap());
    }
    drop(stream);
    let Some(Message::Result(interrupted)) = messages.last() else {
        panic!("no result: {messages:?}")
    };
    assert_eq!(
        interrupted.subtype,
        ResultSubtype::ErrorDuringExecution,
        "{interrupted:?}"
    );
    // The CLI answered the tool call itself, with its standard rejection.
    let rejection = tool_result_texts(&messages);
    assert_eq!(rejection.len(), 1, "{messages:?}");
    assert!(
        rejection[0].contains("doesn't want to proceed"),
        "{rejection:?}"
    );
    assert!(!offline.env.cwd().join("made_by_tool.txt").exists());

    client.send("afterwards").await.unwrap();
    let next = next_result(&client).await;
    assert_eq!(next.result.as_deref(), Some("still here"));
    within(client.close()).await.unwrap();
    // The callback observed its cancellation and finished its cleanup (it was not dropped).
    assert!(cleaned_up.load(std::sync::atomic::Ordering::SeqCst));

    // The SDK wrote the interrupt, but never an answer to the withdrawn request (the only
    // request the CLI made of it).
    let written = stdin.lines();
    assert!(
        written
            .iter()
            .any(|l| l["request"]["subtype"] == "interrupt"),
        "{written:?}"
    );
    let answers: Vec<_> = written
        .iter()
        .filter(|l| l["type"] == "control_response")
        .collect();
    assert!(answers.is_empty(), "{answers:?}");
}

fn tool_result_texts(messages: &[Message]) -> Vec<String> {
    messages
        .iter()
        .filter_map(|m| match m {
            Message::User(user) => Some(user.tool_results().map(|r| r.text())),
            _ => None,
        })
        .flatten()
        .collect()
}

async fn next_result(client: &Client) -> ResultMessage {
    let mut stream = client.receive_response();
    while let Some(message) = within(stream.next()).await {
        if let Message::Result(result) = message.unwrap() {
            return result;
        }
    }
    panic!("the turn ended without a result")
}

#[tokio::test]
async fn a_one_shot_query_keeps_stdin_open_for_a_slow_permission_callback() {
    let model = ScriptedModel::new()
        .on(Match::any().no_tool_result(), touch())
        .fallback(Reply::text("file made"));
    let offline = Offline::start(model).await;
    let options = offline
        .options()
        .can_use_tool(|_req: PermissionRequest, _cx: PermissionContext| async {
            // Long after the prompt was written: a one-shot query must not have closed stdin.
            tokio::time::sleep(Duration::from_millis(1500)).await;
            PermissionResult::allow()
        })
        .build();
    let result = within(query("make a file", options).result())
        .await
        .unwrap();
    assert_eq!(result.result.as_deref(), Some("file made"), "{result:?}");
    let tool_results = offline.server.message_requests()[1].tool_results();
    assert!(!tool_results[0].is_error, "{tool_results:?}");
    assert!(!tool_results[0].text.contains("Stream closed"));
    assert!(offline.env.cwd().join("made_by_tool.txt").exists());
    assert!(result.permission_denials.is_empty());
}
