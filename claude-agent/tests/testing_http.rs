//! The scripted model server over plain HTTP, without the CLI: framing, endpoints, errors,
//! stalls, shutdown and concurrency. Run with `--features testing`.
#![cfg(feature = "testing")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use claude_agent::testing::{Match, ModelServer, Reply, ScriptedModel};
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::time::timeout;

const LIMIT: Duration = Duration::from_secs(10);

struct HttpResponse {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl HttpResponse {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// The SSE events as (name, data) pairs.
    fn events(&self) -> Vec<(String, Value)> {
        self.body
            .split_terminator("\n\n")
            .map(|frame| {
                let (event, data) = frame.split_once('\n').unwrap();
                let event = event.strip_prefix("event: ").unwrap().to_owned();
                let data = serde_json::from_str(data.strip_prefix("data: ").unwrap()).unwrap();
                (event, data)
            })
            .collect()
    }
}

fn request_bytes(method: &str, path: &str, body: Option<&Value>) -> Vec<u8> {
    let body = body.map(Value::to_string).unwrap_or_default();
    format!(
        "{method} {path} HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\
         content-type: application/json\r\nx-api-key: sk-test\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// Reads a response head; the reader is left at the start of the body.
async fn read_head(reader: &mut BufReader<TcpStream>) -> (u16, Vec<(String, String)>) {
    let mut line = String::new();
    reader.read_line(&mut line).await.unwrap();
    let status = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    let mut headers = Vec::new();
    loop {
        line.clear();
        reader.read_line(&mut line).await.unwrap();
        let trimmed = line.trim_end();
        if trimmed.is_empty() {
            break;
        }
        let (k, v) = trimmed.split_once(':').unwrap();
        headers.push((k.trim().to_ascii_lowercase(), v.trim().to_owned()));
    }
    (status, headers)
}

/// Reads one chunk of a chunked body (`None` at the terminating chunk).
async fn read_chunk(reader: &mut BufReader<TcpStream>) -> Option<Vec<u8>> {
    let mut size_line = String::new();
    if reader.read_line(&mut size_line).await.unwrap() == 0 {
        return None;
    }
    let size = usize::from_str_radix(size_line.trim(), 16).unwrap();
    let mut data = vec![0; size + 2];
    reader.read_exact(&mut data).await.unwrap();
    data.truncate(size);
    (size > 0).then_some(data)
}

async fn send(addr: SocketAddr, method: &str, path: &str, body: Option<&Value>) -> HttpResponse {
    timeout(LIMIT, async {
        let mut stream = TcpStream::connect(addr).await.unwrap();
        stream
            .write_all(&request_bytes(method, path, body))
            .await
            .unwrap();
        let mut reader = BufReader::new(stream);
        let (status, headers) = read_head(&mut reader).await;
        let chunked = headers
            .iter()
            .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"));
        let mut raw = Vec::new();
        if chunked {
            while let Some(chunk) = read_chunk(&mut reader).await {
                raw.extend(chunk);
            }
        } else {
            reader.read_to_end(&mut raw).await.unwrap();
        }
        HttpResponse {
            status,
            headers,
            body: String::from_utf8(raw).unwrap(),
        }
    })
    .await
    .expect("response in time")
}

fn turn(text: &str, stream: bool) -> Value {
    json!({
        "model": "claude-test-1",
        "stream": stream,
        "max_tokens": 1000,
        "system": [{"type": "text", "text": "You are a test."}],
        "tools": [{"name": "Bash", "input_schema": {"type": "object"}}],
        "messages": [{"role": "user", "content": [{"type": "text", "text": text}]}],
    })
}

async fn start(model: ScriptedModel) -> ModelServer {
    timeout(LIMIT, model.start()).await.unwrap().unwrap()
}

#[tokio::test]
async fn non_streamed_request_gets_the_json_message() {
    let server = start(ScriptedModel::new().then(Reply::tool_use_with_id(
        "toolu_x",
        "Bash",
        json!({"command": "ls"}),
    )))
    .await;
    let resp = send(
        server.addr(),
        "POST",
        "/v1/messages?beta=true",
        Some(&turn("hi", false)),
    )
    .await;
    assert_eq!(resp.status, 200);
    assert_eq!(resp.header("content-type"), Some("application/json"));
    let msg = resp.json();
    assert_eq!(msg["type"], "message");
    assert_eq!(msg["role"], "assistant");
    assert_eq!(msg["model"], "claude-test-1");
    assert_eq!(msg["stop_reason"], "tool_use");
    assert_eq!(
        msg["content"],
        json!([{"type": "tool_use", "id": "toolu_x", "name": "Bash", "input": {"command": "ls"}}])
    );
    assert!(msg["usage"]["input_tokens"].as_u64().unwrap() > 0);

    let recorded = server.requests();
    assert_eq!(recorded.len(), 1);
    let req = &recorded[0];
    assert_eq!(req.number, Some(1));
    assert_eq!(
        (req.method.as_str(), req.path.as_str()),
        ("POST", "/v1/messages")
    );
    assert_eq!(req.query.as_deref(), Some("beta=true"));
    assert_eq!(req.header("x-api-key"), Some("sk-test"));
    assert!(!req.stream);
    assert!(req.matched);
    assert_eq!(req.last_user_text(), "hi");
    assert_eq!(server.remaining_replies(), 0);
}

#[tokio::test]
async fn streamed_request_gets_server_sent_events() {
    let server = start(ScriptedModel::new().then(Reply::message([
        claude_agent::testing::Block::text("Running it now."),
        claude_agent::testing::Block::tool_use(
            "Bash",
            json!({"command": "echo hi", "description": "greet"}),
        ),
    ])))
    .await;
    let resp = send(
        server.addr(),
        "POST",
        "/v1/messages?beta=true",
        Some(&turn("hi", true)),
    )
    .await;
    assert_eq!(resp.status, 200);
    assert_eq!(resp.header("content-type"), Some("text/event-stream"));
    let events = resp.events();
    let names: Vec<&str> = events.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(&names[..2], ["message_start", "ping"]);
    assert_eq!(&names[names.len() - 2..], ["message_delta", "message_stop"]);
    for (name, data) in &events {
        assert_eq!(data["type"], name.as_str());
    }
    assert_eq!(events[0].1["message"]["model"], "claude-test-1");
    assert!(
        events[0].1["message"]["usage"]["input_tokens"]
            .as_u64()
            .unwrap()
            > 0
    );

    let starts: Vec<&Value> = events
        .iter()
        .filter(|(n, _)| n == "content_block_start")
        .map(|(_, d)| &d["content_block"])
        .collect();
    assert_eq!(starts[0], &json!({"type": "text", "text": ""}));
    assert_eq!(starts[1]["id"], "toolu_1");
    assert_eq!(starts[1]["input"], json!({}));

    let json_parts: Vec<&str> = events
        .iter()
        .filter(|(_, d)| d["delta"]["type"] == "input_json_delta")
        .map(|(_, d)| d["delta"]["partial_json"].as_str().unwrap())
        .collect();
    assert!(json_parts.len() >= 2, "{json_parts:?}");
    let input: Value = serde_json::from_str(&json_parts.concat()).unwrap();
    assert_eq!(input, json!({"command": "echo hi", "description": "greet"}));
    let text: String = events
        .iter()
        .filter(|(_, d)| d["delta"]["type"] == "text_delta")
        .map(|(_, d)| d["delta"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(text, "Running it now.");

    let delta = &events[events.len() - 2].1;
    assert_eq!(delta["delta"]["stop_reason"], "tool_use");
    assert!(delta["usage"]["output_tokens"].as_u64().unwrap() > 0);
    assert!(server.requests()[0].stream);
}

#[tokio::test]
async fn count_tokens_and_other_paths_are_answered_and_recorded() {
    let server = start(ScriptedModel::new()).await;
    let count = send(
        server.addr(),
        "POST",
        "/v1/messages/count_tokens?beta=true",
        Some(&turn("x", false)),
    )
    .await;
    assert_eq!(count.status, 200);
    assert!(count.json()["input_tokens"].as_u64().unwrap() > 0);
    let root = send(server.addr(), "GET", "/", None).await;
    assert_eq!((root.status, root.json()), (200, json!({})));
    let missing = send(server.addr(), "GET", "/v1/models", None).await;
    assert_eq!(missing.status, 404);
    assert_eq!(missing.json()["error"]["type"], "not_found_error");
    let bad = send(
        server.addr(),
        "POST",
        "/v1/messages",
        Some(&json!(["not", "an", "object"])),
    )
    .await;
    assert_eq!(bad.status, 400);
    assert_eq!(bad.json()["error"]["type"], "invalid_request_error");

    let recorded = server.requests();
    let paths: Vec<&str> = recorded.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/v1/messages/count_tokens",
            "/",
            "/v1/models",
            "/v1/messages"
        ]
    );
    assert!(recorded.iter().all(|r| r.number.is_none()));
    let messages = server.message_requests();
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].body, json!(["not", "an", "object"]));
}

#[tokio::test]
async fn errors_carry_status_body_and_retry_header() {
    let server = start(
        ScriptedModel::new()
            .then(Reply::overloaded())
            .then(Reply::server_error().retryable(true))
            .then(Reply::invalid_request("prompt is too long")),
    )
    .await;
    let addr = server.addr();
    let overloaded = send(addr, "POST", "/v1/messages", Some(&turn("a", true))).await;
    assert_eq!(overloaded.status, 529);
    assert_eq!(overloaded.header("x-should-retry"), Some("false"));
    assert_eq!(
        overloaded.json(),
        json!({"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}})
    );
    let retryable = send(addr, "POST", "/v1/messages", Some(&turn("b", true))).await;
    assert_eq!(retryable.status, 500);
    assert_eq!(retryable.header("x-should-retry"), None);
    let invalid = send(addr, "POST", "/v1/messages", Some(&turn("c", true))).await;
    assert_eq!(invalid.status, 400);
    assert_eq!(invalid.json()["error"]["message"], "prompt is too long");
}

#[tokio::test]
async fn unmatched_requests_get_a_clear_fallback() {
    let server = start(
        ScriptedModel::new().on(Match::any().user_text_contains("known"), Reply::text("yes")),
    )
    .await;
    let addr = server.addr();
    let known = send(
        addr,
        "POST",
        "/v1/messages",
        Some(&turn("known thing", false)),
    )
    .await;
    assert_eq!(known.json()["content"][0]["text"], "yes");
    let unknown = send(addr, "POST", "/v1/messages", Some(&turn("other", false))).await;
    assert_eq!(
        unknown.json()["content"][0]["text"],
        "[scripted model: no reply matched request #2]"
    );
    let unmatched = server.unmatched_requests();
    assert_eq!(unmatched.len(), 1);
    assert_eq!(unmatched[0].number, Some(2));
    assert_eq!(unmatched[0].last_user_text(), "other");
}

#[tokio::test]
async fn many_concurrent_requests_are_all_answered() {
    let server = start(ScriptedModel::new().on(Match::any(), Reply::text("ok"))).await;
    let addr = server.addr();
    let tasks: Vec<_> = (0..40)
        .map(|i| {
            tokio::spawn(async move {
                send(
                    addr,
                    "POST",
                    "/v1/messages",
                    Some(&turn(&format!("n{i}"), i % 2 == 0)),
                )
                .await
            })
        })
        .collect();
    for task in tasks {
        let resp = timeout(LIMIT, task).await.unwrap().unwrap();
        assert_eq!(resp.status, 200);
    }
    timeout(LIMIT, server.wait_for_message_requests(40))
        .await
        .expect("all 40 counted");
    let mut numbers: Vec<usize> = server
        .message_requests()
        .iter()
        .filter_map(|r| r.number)
        .collect();
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=40).collect::<Vec<_>>());
}

#[tokio::test]
async fn recording_is_bounded() {
    let server = start(
        ScriptedModel::new()
            .max_recorded(3)
            .on(Match::any(), Reply::text("ok")),
    )
    .await;
    for i in 0..5 {
        send(
            server.addr(),
            "POST",
            "/v1/messages",
            Some(&turn(&format!("m{i}"), false)),
        )
        .await;
    }
    let numbers: Vec<Option<usize>> = server.requests().iter().map(|r| r.number).collect();
    assert_eq!(numbers, [Some(3), Some(4), Some(5)]);
}

#[tokio::test]
async fn stall_delays_the_rest_of_the_stream() {
    let delay = Duration::from_millis(400);
    let server = start(ScriptedModel::new().then(Reply::text("late").stall(delay))).await;
    let began = Instant::now();
    let resp = send(
        server.addr(),
        "POST",
        "/v1/messages",
        Some(&turn("x", true)),
    )
    .await;
    assert!(began.elapsed() >= delay, "{:?}", began.elapsed());
    assert_eq!(resp.events().last().unwrap().0, "message_stop");
}

/// Opens a streamed request that hangs and returns the reader positioned after `message_start`.
async fn open_hanging_stream(addr: SocketAddr) -> BufReader<TcpStream> {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(&request_bytes(
            "POST",
            "/v1/messages",
            Some(&turn("x", true)),
        ))
        .await
        .unwrap();
    let mut reader = BufReader::new(stream);
    let (status, _) = timeout(LIMIT, read_head(&mut reader)).await.unwrap();
    assert_eq!(status, 200);
    let first = timeout(LIMIT, read_chunk(&mut reader))
        .await
        .unwrap()
        .unwrap();
    let first = String::from_utf8(first).unwrap();
    assert!(first.starts_with("event: message_start\n"), "{first}");
    reader
}

#[tokio::test]
async fn hang_ends_when_the_server_shuts_down() {
    let server = start(ScriptedModel::new().on(Match::any(), Reply::hang())).await;
    let mut reader = open_hanging_stream(server.addr()).await;
    // After message_start (and a ping) nothing comes while the reply hangs.
    let mut rest = Vec::new();
    assert!(
        timeout(Duration::from_millis(300), reader.read_to_end(&mut rest))
            .await
            .is_err(),
        "the hanging reply must not finish on its own"
    );
    let began = Instant::now();
    timeout(LIMIT, server.shutdown())
        .await
        .expect("shutdown in time");
    assert!(began.elapsed() < Duration::from_secs(3));
    // The connection is closed without a message_stop.
    let mut rest = Vec::new();
    let _ = timeout(LIMIT, reader.read_to_end(&mut rest))
        .await
        .expect("connection closed");
    assert!(!String::from_utf8_lossy(&rest).contains("message_stop"));
}

#[tokio::test]
async fn a_client_leaving_a_hang_does_not_block_the_server() {
    let server = start(
        ScriptedModel::new()
            .on(Match::any().user_text_contains("x"), Reply::hang())
            .on(Match::any(), Reply::text("still here")),
    )
    .await;
    let reader = open_hanging_stream(server.addr()).await;
    drop(reader);
    let resp = send(
        server.addr(),
        "POST",
        "/v1/messages",
        Some(&turn("after", false)),
    )
    .await;
    assert_eq!(resp.json()["content"][0]["text"], "still here");
    timeout(LIMIT, server.shutdown())
        .await
        .expect("shutdown in time");
}

#[tokio::test]
async fn dropping_the_server_stops_it() {
    let server = start(ScriptedModel::new()).await;
    let addr = server.addr();
    drop(server);
    let refused = timeout(LIMIT, async {
        loop {
            if TcpStream::connect(addr).await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await;
    assert!(refused.is_ok(), "the port must stop accepting connections");
}
