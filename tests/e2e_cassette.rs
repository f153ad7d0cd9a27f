//! Cassettes offline with the real CLI: record a session through the recording proxy whose
//! upstream is a scripted model, replay the cassette with no upstream at all, and get the same
//! messages, tool calls and result; a request the cassette lacks fails with a diff.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::path::Path;

use claude_agent::testing::{
    Cassette, CassetteMode, OFFLINE_API_KEY, Reply, ResponseBody, ScriptedModel, TestEnv, Vcr,
};
use claude_agent::{Message, query};
use common::within;
use futures::StreamExt;
use serde_json::json;

/// A scripted "real" model: one Bash call, then an answer.
fn upstream_model() -> ScriptedModel {
    ScriptedModel::new()
        .then(Reply::tool_use(
            "Bash",
            json!({"command": "echo cassette-ok", "description": "Print a marker"}),
        ))
        .then(Reply::text("The command printed cassette-ok."))
}

/// Runs the session against `server`'s URL; returns what a test would assert on: assistant
/// text, tool calls, tool results and the result, one line each.
async fn run_session(base_url: String, prompt: &str) -> Vec<String> {
    let env = TestEnv::with_base_url(base_url).unwrap();
    let options = env.options().unwrap().allowed_tools(["Bash"]).build();
    let messages: Vec<_> = within(query(prompt, options).collect::<Vec<_>>()).await;
    let mut lines = Vec::new();
    for message in messages {
        match message.unwrap() {
            Message::Assistant(a) => {
                let text = a.text();
                if !text.is_empty() {
                    lines.push(format!("text: {text}"));
                }
                for call in a.tool_uses() {
                    lines.push(format!(
                        "tool_use {} {}: {}",
                        call.id, call.name, call.input
                    ));
                }
            }
            Message::User(u) => {
                for r in u.tool_results() {
                    lines.push(format!(
                        "tool_result {}: {} error={}",
                        r.tool_use_id,
                        r.text().trim(),
                        r.is_error()
                    ));
                }
            }
            Message::Result(r) => {
                lines.push(format!(
                    "result {:?}: {}",
                    r.subtype,
                    r.result.clone().unwrap_or_default()
                ));
            }
            _ => {}
        }
    }
    lines
}

async fn record(path: &Path, prompt: &str) -> Vec<String> {
    let upstream = upstream_model().start().await.unwrap();
    let proxy = ScriptedModel::new()
        .record(upstream.base_url(), path)
        .start()
        .await
        .unwrap();
    let seen = run_session(proxy.base_url(), prompt).await;
    assert_eq!(
        upstream.message_requests().len(),
        2,
        "the upstream answered both turns"
    );
    assert_eq!(
        proxy.message_requests().len(),
        2,
        "the proxy saw both turns"
    );
    assert_eq!(proxy.recorded_cassette().unwrap().interactions.len(), 2);
    seen
}

#[tokio::test]
async fn a_recorded_session_replays_offline_with_the_same_messages_tool_calls_and_result() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cassettes/bash.json");
    let recorded = record(&path, "Run the marker command").await;
    assert!(
        recorded.iter().any(|l| l.contains("tool_use toolu_1 Bash")),
        "{recorded:?}"
    );
    assert!(
        recorded
            .iter()
            .any(|l| l.contains("tool_result toolu_1: cassette-ok")),
        "{recorded:?}"
    );
    assert!(
        recorded
            .last()
            .unwrap()
            .starts_with("result Success: The command printed"),
        "{recorded:?}"
    );

    // The cassette is readable JSON without credentials.
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        !text.contains(OFFLINE_API_KEY),
        "the API key leaked into the cassette"
    );
    assert!(!text.to_ascii_lowercase().contains("x-api-key"));
    let cassette = Cassette::load(&path).unwrap();
    let ResponseBody::Events(events) = &cassette.interactions[0].response.body else {
        panic!(
            "a streamed response is stored as events: {:?}",
            cassette.interactions[0].response
        )
    };
    assert_eq!(events.first().unwrap().event, "message_start");
    assert_eq!(
        cassette.interactions[0].request.body["tools"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| *t == "Bash")
            .count(),
        1
    );

    // Replay: no upstream exists any more; a fresh environment (other paths, other session).
    let server = ScriptedModel::new().replay(cassette).start().await.unwrap();
    let replayed = run_session(server.base_url(), "Run the marker command").await;
    assert_eq!(replayed, recorded);
    server.check_cassette().unwrap();
    assert_eq!(server.unused_interactions(), 0);
}

#[tokio::test]
async fn a_request_the_cassette_lacks_fails_with_a_readable_diff() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bash.json");
    record(&path, "Run the marker command").await;

    let server = ScriptedModel::new()
        .replay(Cassette::load(&path).unwrap())
        .start()
        .await
        .unwrap();
    let seen = run_session(server.base_url(), "Something else entirely").await;
    assert!(
        seen.last().unwrap().contains("cassette replay"),
        "the CLI's result names the mismatch: {seen:?}"
    );
    let mismatch = server.check_cassette().unwrap_err();
    let diff = mismatch.to_string();
    assert!(
        diff.contains("request #1 does not match the cassette"),
        "{diff}"
    );
    assert!(
        diff.contains("-   \"last_user_text\": \"Run the marker command\""),
        "{diff}"
    );
    assert!(
        diff.contains("+   \"last_user_text\": \"Something else entirely\""),
        "{diff}"
    );
}

#[tokio::test]
async fn vcr_records_when_missing_then_replays_and_never_records_in_ci() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vcr.json");
    let upstream = upstream_model().start().await.unwrap();
    let vcr = Vcr::new(&path)
        .upstream(upstream.base_url())
        .api_key(Some("sk-ant-vcr-SECRET-0001".into()));

    let in_ci = vcr.clone().ci(true).mode().unwrap_err().to_string();
    assert!(
        in_ci.contains("CI is set") && in_ci.contains("vcr.json"),
        "{in_ci}"
    );
    assert!(vcr.clone().ci(false).api_key(None).mode().is_err());

    let vcr = vcr.ci(false);
    assert_eq!(vcr.mode().unwrap(), CassetteMode::Record);
    let proxy = vcr
        .apply(ScriptedModel::new())
        .unwrap()
        .start()
        .await
        .unwrap();
    let recorded = run_session(proxy.base_url(), "Run the marker command").await;
    drop(proxy);
    // The upstream got the VCR's key, not the CLI's; neither is in the cassette.
    assert_eq!(
        upstream.message_requests()[0].header("x-api-key"),
        Some("sk-ant-vcr-SECRET-0001")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("SECRET") && !text.contains(OFFLINE_API_KEY));
    upstream.shutdown().await;

    // Now the cassette exists: replay, even in CI.
    let vcr = vcr.ci(true);
    assert_eq!(vcr.mode().unwrap(), CassetteMode::Replay);
    let server = vcr
        .apply(ScriptedModel::new())
        .unwrap()
        .start()
        .await
        .unwrap();
    let replayed = run_session(server.base_url(), "Run the marker command").await;
    assert_eq!(replayed, recorded);
    server.check_cassette().unwrap();
}
