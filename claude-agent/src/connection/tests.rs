//! The engine in memory: a [`Spawner`] whose "CLI" is a scripted task on duplex pipes, so
//! turn bookkeeping, stdin closing and control timeouts are tested without a process.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::StreamExt;
use futures::future::BoxFuture;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, DuplexStream, Lines, WriteHalf};
use tokio::sync::watch;

use crate::transport::{
    ExitInfo, ProcessHandle, ShutdownSignal, SpawnCommand, SpawnedProcess, Spawner,
};
use crate::{Error, Message, Options, query};

mod backpressure;

type Script = Arc<dyn Fn(Peer) -> BoxFuture<'static, ()> + Send + Sync>;

/// Spawns the scripted peer instead of a process.
#[derive(Clone)]
struct MemorySpawner(Script, Signals);

/// The signals the runtime sent, when, and whether the "process" ignores SIGTERM.
#[derive(Clone, Default)]
struct Signals {
    sent: Arc<Mutex<Vec<(ShutdownSignal, std::time::Instant)>>>,
    ignore_terminate: bool,
}

impl std::fmt::Debug for MemorySpawner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MemorySpawner")
    }
}

/// The scripted side: reads what the SDK writes, writes what a CLI would print.
struct Peer {
    input: Lines<BufReader<DuplexStream>>,
    output: WriteHalf<DuplexStream>,
}

impl Peer {
    /// The next line the SDK wrote, or `None` at end of input.
    async fn read(&mut self) -> Option<Value> {
        let line = self.input.next_line().await.ok()??;
        Some(serde_json::from_str(&line).unwrap())
    }

    async fn write(&mut self, value: Value) {
        let mut line = value.to_string();
        line.push('\n');
        let _ = self.output.write_all(line.as_bytes()).await;
    }

    /// Answers the initialize request.
    async fn handshake(&mut self) {
        let request = self.read().await.unwrap();
        assert_eq!(request["request"]["subtype"], "initialize");
        let id = request["request_id"].clone();
        self.write(json!({"type": "control_response",
            "response": {"subtype": "success", "request_id": id, "response": {}}}))
            .await;
    }

    async fn result(&mut self) {
        self.write(
            json!({"type": "result", "subtype": "success", "is_error": false,
            "result": "done", "session_id": "s"}),
        )
        .await;
    }
}

struct MemoryHandle {
    exit: watch::Receiver<Option<ExitInfo>>,
    kill: Option<tokio::task::AbortHandle>,
    killed: watch::Sender<Option<ExitInfo>>,
    signals: Signals,
}

impl ProcessHandle for MemoryHandle {
    fn id(&self) -> Option<u32> {
        None
    }

    fn signal(&mut self, signal: ShutdownSignal) -> io::Result<()> {
        if self.exit.borrow().is_none() {
            let now = std::time::Instant::now();
            self.signals.sent.lock().unwrap().push((signal, now));
        }
        if signal == ShutdownSignal::Terminate && self.signals.ignore_terminate {
            return Ok(());
        }
        if let Some(task) = self.kill.take() {
            task.abort();
            let _ = self.killed.send(Some(ExitInfo::new(None)));
        }
        Ok(())
    }

    fn wait(&mut self) -> BoxFuture<'_, io::Result<ExitInfo>> {
        Box::pin(async move {
            let exit = self.exit.wait_for(Option::is_some).await;
            Ok(exit.ok().and_then(|e| *e).unwrap_or(ExitInfo::new(None)))
        })
    }

    fn try_wait(&mut self) -> io::Result<Option<ExitInfo>> {
        Ok(*self.exit.borrow())
    }
}

impl Spawner for MemorySpawner {
    fn spawn(&self, _command: SpawnCommand) -> io::Result<SpawnedProcess> {
        let (sdk_stdin, peer_stdin) = tokio::io::duplex(1 << 16);
        let (peer_stdout, sdk_stdout) = tokio::io::duplex(1 << 16);
        let (_, peer_out) = tokio::io::split(peer_stdout);
        let peer = Peer {
            input: BufReader::new(peer_stdin).lines(),
            output: peer_out,
        };
        let (tx, exit) = watch::channel(None);
        let script = (self.0)(peer);
        let done = tx.clone();
        let task = tokio::spawn(async move {
            script.await;
            let _ = done.send(Some(ExitInfo::new(Some(0))));
        });
        let handle = MemoryHandle {
            exit,
            kill: Some(task.abort_handle()),
            killed: tx,
            signals: self.1.clone(),
        };
        Ok(SpawnedProcess::new(sdk_stdin, sdk_stdout, None, handle))
    }
}

fn options(script: impl Fn(Peer) -> BoxFuture<'static, ()> + Send + Sync + 'static) -> Options {
    options_with(script, Signals::default())
}

fn options_with(
    script: impl Fn(Peer) -> BoxFuture<'static, ()> + Send + Sync + 'static,
    signals: Signals,
) -> Options {
    Options::builder()
        .spawner(MemorySpawner(Arc::new(script), signals))
        .no_registered()
        .shutdown_timeout(Duration::from_millis(200))
        .build()
}

async fn collect(stream: crate::Query) -> Vec<crate::Result<Message>> {
    tokio::time::timeout(Duration::from_secs(10), stream.collect())
        .await
        .expect("the query ends")
}

#[tokio::test(start_paused = true)]
async fn a_one_shot_query_keeps_stdin_open_while_a_background_agent_runs() {
    let open_at_notification = Arc::new(Mutex::new(None));
    let seen = open_at_notification.clone();
    let options = options(move |mut peer| {
        let seen = seen.clone();
        Box::pin(async move {
            peer.handshake().await;
            assert_eq!(peer.read().await.unwrap()["type"], "user");
            peer.write(
                json!({"type": "system", "subtype": "task_started", "task_id": "t1",
                "task_type": "local_agent", "description": "review", "session_id": "s"}),
            )
            .await;
            peer.result().await;
            // After the result, the background agent still runs (and could ask for a hook).
            tokio::time::sleep(Duration::from_millis(300)).await;
            let open = tokio::time::timeout(Duration::from_millis(50), peer.read()).await;
            *seen.lock().unwrap() = Some(open.is_err()); // nothing read: still open
            peer.write(json!({"type": "system", "subtype": "task_notification",
                "task_id": "t1", "status": "completed", "session_id": "s"}))
                .await;
            assert!(
                peer.read().await.is_none(),
                "stdin closes after the notification"
            );
        })
    });
    let messages = collect(query("go", options)).await;
    assert!(messages.iter().all(Result::is_ok), "{messages:?}");
    assert_eq!(*open_at_notification.lock().unwrap(), Some(true));
}

#[tokio::test(start_paused = true)]
async fn the_background_wait_is_bounded() {
    let options = options(|mut peer| {
        Box::pin(async move {
            peer.handshake().await;
            peer.read().await.unwrap();
            peer.write(
                json!({"type": "system", "subtype": "task_started", "task_id": "t1",
                "task_type": "local_workflow", "session_id": "s"}),
            )
            .await;
            peer.result().await;
            // Never finishes; the SDK closes stdin after `background_wait` anyway.
            assert!(peer.read().await.is_none());
        })
    })
    .to_builder()
    .background_wait(Duration::from_millis(200))
    .build();
    let started = std::time::Instant::now();
    let messages = collect(query("go", options)).await;
    assert!(messages.iter().all(Result::is_ok), "{messages:?}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test(start_paused = true)]
async fn an_unanswered_initialize_times_out_and_is_withdrawn() {
    let withdrawn = Arc::new(Mutex::new(None));
    let seen = withdrawn.clone();
    let options = options(move |mut peer| {
        let seen = seen.clone();
        Box::pin(async move {
            let request = peer.read().await.unwrap();
            let cancel = peer.read().await.unwrap();
            *seen.lock().unwrap() = Some((request["request_id"].clone(), cancel));
        })
    })
    .to_builder()
    .initialize_timeout(Duration::from_millis(100))
    .build();
    let messages = collect(query("go", options)).await;
    assert!(
        matches!(messages.as_slice(), [Err(Error::ControlTimeout { subtype, .. })] if subtype == "initialize"),
        "{messages:?}"
    );
    tokio::time::sleep(Duration::from_millis(100)).await;
    let (id, cancel) = withdrawn.lock().unwrap().clone().unwrap();
    assert_eq!(cancel["type"], "control_cancel_request");
    assert_eq!(cancel["request_id"], id);
}

#[tokio::test(start_paused = true)]
async fn control_requests_before_the_initialize_answer_are_served() {
    let answered = Arc::new(Mutex::new(None));
    let seen = answered.clone();
    let options = options(move |mut peer| {
        let seen = seen.clone();
        Box::pin(async move {
            let init = peer.read().await.unwrap();
            // The CLI asks first (an MCP message to a server the SDK does not have)...
            peer.write(json!({"type": "control_request", "request_id": "cli-1",
                "request": {"subtype": "mcp_message", "server_name": "nobody",
                "message": {"jsonrpc": "2.0", "id": 0, "method": "tools/list"}}}))
                .await;
            *seen.lock().unwrap() = peer.read().await;
            // ...and only then answers initialize.
            peer.write(
                json!({"type": "control_response", "response": {"subtype": "success",
                "request_id": init["request_id"], "response": {}}}),
            )
            .await;
            peer.read().await.unwrap();
            peer.result().await;
            assert!(peer.read().await.is_none());
        })
    });
    let messages = collect(query("go", options)).await;
    assert!(messages.iter().all(Result::is_ok), "{messages:?}");
    let answer = answered.lock().unwrap().clone().unwrap();
    assert_eq!(answer["response"]["request_id"], "cli-1");
    assert_eq!(
        answer["response"]["response"]["mcp_response"]["error"]["code"],
        -32601
    );
}

/// A peer that answers `initialize`, reports whether its stdin closed, then never exits on its
/// own (like a CLI mid-turn, or one that hangs).
fn stubborn(eof: Arc<Mutex<Option<std::time::Instant>>>) -> Script {
    Arc::new(move |mut peer: Peer| {
        let eof = eof.clone();
        Box::pin(async move {
            peer.handshake().await;
            while peer.read().await.is_some() {}
            *eof.lock().unwrap() = Some(std::time::Instant::now());
            futures::future::pending::<()>().await;
        })
    })
}

const GRACE: Duration = Duration::from_millis(200);

// Real time: the signal timestamps are measured on the wall clock (about 0.4 s).
#[tokio::test]
async fn close_runs_the_whole_sequence_stdin_then_sigterm_then_sigkill() {
    let eof = Arc::new(Mutex::new(None));
    let signals = Signals {
        ignore_terminate: true,
        ..Signals::default()
    };
    let script = stubborn(eof.clone());
    let options = options_with(move |peer| script(peer), signals.clone());
    let client = crate::Client::connect(options).await.unwrap();
    let started = std::time::Instant::now();
    // A "CLI" that ignores both stdin closing and SIGTERM: close() must still return.
    tokio::time::timeout(Duration::from_secs(5), client.close())
        .await
        .expect("close() escalated to SIGKILL and returned")
        .unwrap();
    let eof_at = eof.lock().unwrap().expect("stdin was closed");
    let sent = signals.sent.lock().unwrap().clone();
    let kinds: Vec<_> = sent.iter().map(|(s, _)| *s).collect();
    assert_eq!(
        kinds,
        [ShutdownSignal::Terminate, ShutdownSignal::Kill],
        "{sent:?}"
    );
    // stdin first, SIGTERM one grace later, SIGKILL one grace after that.
    let (term, kill) = (sent[0].1, sent[1].1);
    assert!(eof_at < term, "stdin closed before SIGTERM");
    assert!(term - started >= GRACE, "SIGTERM waited for the grace");
    assert!(kill - term >= GRACE, "SIGKILL waited for the grace");
    assert!(started.elapsed() < GRACE * 4, "{:?}", started.elapsed());
}

#[tokio::test(start_paused = true)]
async fn dropping_a_client_mid_turn_sends_sigterm_at_once() {
    let eof = Arc::new(Mutex::new(None));
    let signals = Signals::default();
    let script = stubborn(eof.clone());
    let options = options_with(move |peer| script(peer), signals.clone());
    let client = crate::Client::connect(options).await.unwrap();
    client.send("work forever").await.unwrap();
    let dropped = std::time::Instant::now();
    drop(client);
    for _ in 0..100 {
        if !signals.sent.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let sent = signals.sent.lock().unwrap().clone();
    assert_eq!(
        sent.first().map(|s| s.0),
        Some(ShutdownSignal::Terminate),
        "{sent:?}"
    );
    assert!(
        sent[0].1 - dropped < GRACE / 2,
        "SIGTERM came {:?} after the drop, not at once",
        sent[0].1 - dropped
    );
}

#[tokio::test(start_paused = true)]
async fn dropping_an_idle_client_closes_stdin_and_signals_nothing_if_it_exits() {
    let eof = Arc::new(Mutex::new(None));
    let signals = Signals::default();
    let seen = eof.clone();
    let options = options_with(
        move |mut peer| {
            let seen = seen.clone();
            Box::pin(async move {
                peer.handshake().await;
                while peer.read().await.is_some() {}
                *seen.lock().unwrap() = Some(std::time::Instant::now());
            })
        },
        signals.clone(),
    );
    let client = crate::Client::connect(options).await.unwrap();
    drop(client);
    tokio::time::sleep(GRACE * 2).await;
    assert!(eof.lock().unwrap().is_some(), "stdin was closed");
    assert!(
        signals.sent.lock().unwrap().is_empty(),
        "no signal for an idle session that exits"
    );
}
