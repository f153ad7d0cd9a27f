//! A consumer that does not keep up: memory stays bounded (the scripted CLI is made to wait),
//! nothing is lost, and a control call made meanwhile still gets its answer.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures::StreamExt;
use serde_json::json;

use super::{MemorySpawner, Peer, Signals};
use crate::{Client, Message, Options};

const FLOOD: usize = 4_000;

/// An assistant message of about 1 KB.
fn assistant(i: usize) -> serde_json::Value {
    json!({"type": "assistant", "message": {"id": format!("m{i}"), "type": "message",
        "role": "assistant", "model": "m", "content": [{"type": "text", "text": "x".repeat(900)}],
        "stop_reason": null, "usage": {"input_tokens": 1, "output_tokens": 1}},
        "parent_tool_use_id": null, "session_id": "s", "uuid": format!("u{i}")})
}

/// Floods `FLOOD` messages (far more than the buffer holds) then a result, counting what it managed to write in `written`;
/// meanwhile answers control requests (the output is shared, message by message).
fn flood(written: Arc<AtomicUsize>, buffer: usize) -> Options {
    let script = move |peer: Peer| -> futures::future::BoxFuture<'static, ()> {
        let written = written.clone();
        Box::pin(async move {
            let Peer { mut input, output } = peer;
            let output = Arc::new(tokio::sync::Mutex::new(output));
            let first = input.next_line().await.unwrap().unwrap();
            let init: serde_json::Value = serde_json::from_str(&first).unwrap();
            let answer = |id: serde_json::Value| {
                let line = json!({"type": "control_response", "response":
                    {"subtype": "success", "request_id": id, "response": {}}});
                format!("{line}\n")
            };
            write(&output, answer(init["request_id"].clone())).await;
            let responder = {
                let output = output.clone();
                tokio::spawn(async move {
                    while let Ok(Some(line)) = input.next_line().await {
                        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
                        if value["type"] == "control_request" {
                            write(&output, answer(value["request_id"].clone())).await;
                        }
                    }
                })
            };
            for i in 0..FLOOD {
                write(&output, format!("{}\n", assistant(i))).await;
                written.store(i + 1, Ordering::SeqCst);
            }
            let result = json!({"type": "result", "subtype": "success", "is_error": false,
                "result": "done", "session_id": "s"});
            write(&output, format!("{result}\n")).await;
            let _ = responder.await;
        })
    };
    Options::builder()
        .spawner(MemorySpawner(Arc::new(script), Signals::default()))
        .no_registered()
        .shutdown_timeout(Duration::from_millis(200))
        .message_buffer_bytes(buffer)
        .build()
}

async fn write(
    output: &tokio::sync::Mutex<tokio::io::WriteHalf<tokio::io::DuplexStream>>,
    line: String,
) {
    use tokio::io::AsyncWriteExt;
    let _ = output.lock().await.write_all(line.as_bytes()).await;
}

#[tokio::test(start_paused = true)]
async fn a_slow_consumer_pauses_the_cli_and_loses_nothing() {
    let written = Arc::new(AtomicUsize::new(0));
    let client = Client::connect(flood(written.clone(), 256 * 1024))
        .await
        .unwrap();
    client.send("go").await.unwrap();
    // Nobody reads: the reader stops once the buffer is full, and the CLI's writes block.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let ahead = written.load(Ordering::SeqCst);
    assert!(
        ahead > 100 && ahead < 1_500,
        "with 256 KiB of buffer the CLI got {ahead} messages of ~1 KB ahead"
    );
    let mut stream = client.receive_response();
    let mut assistants = 0;
    while let Some(message) = stream.next().await {
        if let Message::Assistant(a) = message.unwrap() {
            assert_eq!(
                a.message.id,
                format!("m{assistants}"),
                "in order, none lost"
            );
            assistants += 1;
        }
    }
    assert_eq!(assistants, FLOOD);
}

#[tokio::test(start_paused = true)]
async fn a_control_call_while_the_buffer_is_full_gets_its_answer() {
    let written = Arc::new(AtomicUsize::new(0));
    let client = Client::connect(flood(written.clone(), 64 * 1024))
        .await
        .unwrap();
    client.send("go").await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let before = written.load(Ordering::SeqCst);
    assert!(before < FLOOD, "the buffer is full: the CLI waits");
    // Not reading the stream, a control call still completes: the reader reads on meanwhile.
    tokio::time::timeout(Duration::from_secs(10), client.set_model(Some("haiku")))
        .await
        .expect("no deadlock")
        .unwrap();
    let mut stream = client.receive_response();
    let mut assistants = 0;
    while let Some(message) = stream.next().await {
        if matches!(message.unwrap(), Message::Assistant(_)) {
            assistants += 1;
        }
    }
    assert_eq!(assistants, FLOOD);
}
