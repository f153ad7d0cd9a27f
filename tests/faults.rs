//! Faults the real CLI will not produce on demand, driven through the fake CLI in
//! `tests/bin/fake_claude.rs`: garbage and huge lines, crashes, exits before `initialize`,
//! hangs, unknown control requests, and too-old versions.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use claude_agent::{Client, Error, Message, Options, OptionsBuilder, query};
use futures::StreamExt;

const FAKE: &str = env!("CARGO_BIN_EXE_fake-claude");

fn fake(mode: &str) -> OptionsBuilder {
    Options::builder()
        .cli_path(FAKE)
        .env("FAKE_CLAUDE_MODE", mode)
        .shutdown_timeout(Duration::from_millis(500))
        .control_timeout(Duration::from_secs(10))
}

async fn collect(options: Options) -> Vec<Result<Message, Error>> {
    tokio::time::timeout(
        Duration::from_secs(30),
        query("go", options).collect::<Vec<_>>(),
    )
    .await
    .expect("the query finished in time")
}

fn result_text(items: &[Result<Message, Error>]) -> String {
    items
        .iter()
        .find_map(|m| match m {
            Ok(Message::Result(r)) => r.result.clone(),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no result in {items:?}"))
}

#[tokio::test]
async fn garbage_lines_are_skipped_or_reported_and_the_stream_goes_on() {
    let items = collect(fake("garbage").build()).await;
    let decode_errors: Vec<_> = items
        .iter()
        .filter_map(|m| match m {
            Err(Error::JsonDecode { line, .. }) => Some(line.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(decode_errors.len(), 1, "{items:?}");
    assert!(
        decode_errors[0].contains("broken"),
        "the error carries the line: {decode_errors:?}"
    );
    assert!(
        !format!("{items:?}").contains("not JSON at all"),
        "non-JSON lines are skipped"
    );
    assert_eq!(result_text(&items), "survived garbage");
}

#[tokio::test]
async fn a_50_mb_line_is_a_typed_error_not_an_oom() {
    let options = fake("huge-line").max_line_bytes(16 << 20).build();
    let items = collect(options).await;
    assert!(
        items
            .iter()
            .any(|m| matches!(m, Err(Error::LineTooLong { limit }) if *limit == 16 << 20)),
        "{items:?}"
    );
    assert_eq!(result_text(&items), "after the huge line");
}

#[tokio::test]
async fn a_crash_mid_stream_reports_exit_code_and_stderr() {
    let items = collect(fake("crash").build()).await;
    let last = items.last().expect("some items");
    match last {
        Err(Error::ProcessExited { code, stderr_tail }) => {
            assert_eq!(*code, Some(3));
            assert!(stderr_tail.contains("crashed on purpose"), "{stderr_tail}");
        }
        other => panic!("expected ProcessExited, got {other:?} in {items:?}"),
    }
    assert!(
        matches!(items.first(), Some(Ok(Message::Assistant(_)))),
        "{items:?}"
    );
}

#[tokio::test]
async fn exit_before_initialize_is_a_process_error_with_stderr() {
    let err = Client::connect(fake("exit-before-init").build())
        .await
        .unwrap_err();
    match err {
        Error::ProcessExited { code, stderr_tail } => {
            assert_eq!(code, Some(1));
            assert!(stderr_tail.contains("refuses to start"), "{stderr_tail}");
        }
        other => panic!("expected ProcessExited, got {other:?}"),
    }
}

#[tokio::test]
async fn an_unanswered_initialize_times_out() {
    let options = fake("never-init")
        .initialize_timeout(Duration::from_millis(800))
        .build();
    let started = std::time::Instant::now();
    let err = Client::connect(options).await.unwrap_err();
    assert!(
        matches!(err, Error::ControlTimeout { ref subtype, .. } if subtype == "initialize"),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[tokio::test]
async fn unknown_cli_requests_get_an_error_response() {
    let items = collect(fake("unknown-request").build()).await;
    let reply: serde_json::Value = serde_json::from_str(&result_text(&items)).unwrap();
    assert_eq!(reply["type"], "control_response");
    assert_eq!(reply["response"]["subtype"], "error");
    assert_eq!(reply["response"]["request_id"], "cli-9");
    assert_eq!(
        reply["response"]["error"],
        "Unsupported control request subtype: brand_new_request"
    );
}

#[tokio::test]
async fn requests_before_the_initialize_answer_are_served_concurrently() {
    let items = collect(fake("mcp-first").build()).await;
    let reply: serde_json::Value = serde_json::from_str(&result_text(&items)).unwrap();
    assert_eq!(reply["mcp_response"]["error"]["code"], -32601, "{reply}");
    assert_eq!(
        reply["mcp_response"]["error"]["message"],
        "Server 'nobody' not found"
    );
}

#[tokio::test]
async fn a_too_old_cli_is_refused_with_a_typed_error() {
    // A copy at its own path: the version probe is cached per executable.
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("claude");
    std::fs::copy(FAKE, &old).unwrap();
    let options = fake("default")
        .cli_path(&old)
        .env("FAKE_CLAUDE_VERSION", "2.0.14 (Claude Code)")
        .build();
    let err = Client::connect(options).await.unwrap_err();
    match err {
        Error::UnsupportedCliVersion {
            found,
            minimum,
            path,
        } => {
            assert_eq!(found, "2.0.14 (Claude Code)");
            assert_eq!(minimum, "2.1.197");
            assert_eq!(path, old);
        }
        other => panic!("expected UnsupportedCliVersion, got {other:?}"),
    }
}

#[tokio::test]
async fn a_missing_cli_path_is_a_typed_error_saying_how_to_install() {
    let err = Client::connect(Options::builder().cli_path("/nonexistent/claude").build())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::CliNotFound { ref searched } if searched == &[PathBuf::from("/nonexistent/claude")])
    );
    assert!(
        err.to_string()
            .contains("npm install -g @anthropic-ai/claude-code")
    );
}

fn alive(pid: i32) -> bool {
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None).is_ok()
}

async fn wait_gone(pids: &[i32]) -> bool {
    for _ in 0..100 {
        if pids.iter().all(|&p| !alive(p)) {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    false
}

fn read_pids(path: &Path) -> Vec<i32> {
    std::fs::read_to_string(path)
        .unwrap()
        .split_whitespace()
        .map(|p| p.parse().unwrap())
        .collect()
}

#[tokio::test]
async fn dropping_a_query_mid_turn_leaves_no_process_behind() {
    let dir = tempfile::tempdir().unwrap();
    let pid_file = dir.path().join("pids");
    let options = fake("hang")
        .env("FAKE_CLAUDE_PID_FILE", pid_file.to_str().unwrap())
        .build();
    let mut stream = query("go", options);
    let first = tokio::time::timeout(Duration::from_secs(20), stream.next())
        .await
        .unwrap();
    assert!(
        matches!(first, Some(Ok(Message::Assistant(_)))),
        "{first:?}"
    );
    let pids = read_pids(&pid_file);
    assert_eq!(pids.len(), 2, "the CLI and its SIGTERM-ignoring grandchild");
    assert!(pids.iter().all(|&p| alive(p)));
    drop(stream);
    assert!(wait_gone(&pids).await, "processes left behind: {pids:?}");
}

#[tokio::test]
async fn closing_a_client_mid_turn_escalates_to_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let pid_file = dir.path().join("pids");
    let options = fake("hang")
        .env("FAKE_CLAUDE_PID_FILE", pid_file.to_str().unwrap())
        .build();
    let client = Client::connect(options).await.unwrap();
    client.send("go").await.unwrap();
    let first = tokio::time::timeout(Duration::from_secs(20), client.receive_response().next())
        .await
        .unwrap();
    assert!(
        matches!(first, Some(Ok(Message::Assistant(_)))),
        "{first:?}"
    );
    let pids = read_pids(&pid_file);
    let started = std::time::Instant::now();
    tokio::time::timeout(Duration::from_secs(10), client.close())
        .await
        .unwrap()
        .unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "close took {:?}",
        started.elapsed()
    );
    // close() returns after the CLI is reaped; the grandchild goes with the group's SIGKILL.
    assert!(!alive(pids[0]), "the CLI was reaped");
    assert!(wait_gone(&pids).await, "processes left behind: {pids:?}");
}
