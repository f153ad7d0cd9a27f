//! The process's life: exits and hangs at start and mid-turn, and how the SDK ends it (drop,
//! close, a CLI that ignores SIGTERM), always leaving no process behind.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use claude_agent::{Client, Error, Message, Options, query};
use futures::StreamExt;

use crate::{FAKE, Procs, running};

#[tokio::test]
async fn exit_before_initialize_is_a_process_error_with_stderr() {
    let procs = Procs::new();
    let err = Client::connect(procs.fake("exit-before-init").build())
        .await
        .unwrap_err();
    match err {
        Error::ProcessExited { code, stderr_tail } => {
            assert_eq!(code, Some(1));
            assert!(stderr_tail.contains("refuses to start"), "{stderr_tail}");
        }
        other => panic!("expected ProcessExited, got {other:?}"),
    }
    procs.assert_none_left().await;
}

#[tokio::test]
async fn an_unanswered_initialize_times_out_and_the_cli_is_not_leaked() {
    let procs = Procs::new();
    let options = procs
        .fake("never-init")
        .initialize_timeout(Duration::from_millis(800))
        .build();
    let started = Instant::now();
    let err = Client::connect(options).await.unwrap_err();
    assert!(
        matches!(err, Error::ControlTimeout { ref subtype, .. } if subtype == "initialize"),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    // The CLI hangs (it ignores stdin closing): only the SDK's shutdown removes it.
    procs.assert_none_left().await;
}

#[tokio::test]
async fn a_too_old_cli_is_refused_with_a_typed_error() {
    let procs = Procs::new();
    // A copy at its own path: the version probe is cached per executable.
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("claude");
    std::fs::copy(FAKE, &old).unwrap();
    let options = procs
        .fake("default")
        .cli_path(&old)
        .skip_version_check(false)
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
    // The CLI did not report its version in `initialize`, so the `--version` probe that ran
    // beside the start-up decided: both processes ran, and both are gone.
    assert_eq!(procs.pids().len(), 2, "{:?}", procs.pids());
    procs.assert_none_left().await;
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
    // Nothing was started, so there is nothing to check for leftovers.
}

/// Starts a query in `hang` mode (the CLI never finishes its turn and starts a grandchild that
/// ignores SIGTERM) and returns it after the first message.
async fn mid_turn(procs: &Procs, ignore_term: bool) -> claude_agent::Query {
    let mut options = procs.fake("hang");
    if ignore_term {
        options = options.env("FAKE_CLAUDE_IGNORE_TERM", "1");
    }
    let mut stream = query("go", options.build());
    let first = tokio::time::timeout(Duration::from_secs(20), stream.next())
        .await
        .unwrap();
    assert!(
        matches!(first, Some(Ok(Message::Assistant(_)))),
        "{first:?}"
    );
    let pids = procs.pids();
    // The CLI and its grandchild.
    assert_eq!(pids.len(), 2, "{pids:?}");
    assert!(pids.iter().all(|&p| running(p)));
    stream
}

#[tokio::test]
async fn dropping_a_query_mid_turn_leaves_nothing_within_a_second() {
    let procs = Procs::new();
    let stream = mid_turn(&procs, false).await;
    drop(stream);
    let took = procs.gone_within(Duration::from_secs(3)).await;
    let took = took.unwrap_or_else(|left| panic!("processes left behind: {left:?}"));
    eprintln!("drop mid-turn -> all gone: {took:?}");
    assert!(took < Duration::from_secs(1), "took {took:?}");
}

#[tokio::test]
async fn dropping_a_query_mid_turn_kills_a_cli_that_ignores_sigterm_after_the_grace() {
    let procs = Procs::new();
    let stream = mid_turn(&procs, true).await;
    drop(stream);
    // SIGTERM at once (ignored), SIGKILL one grace (500 ms) later.
    let took = procs.gone_within(Duration::from_secs(3)).await;
    let took = took.unwrap_or_else(|left| panic!("processes left behind: {left:?}"));
    assert!(
        took >= Duration::from_millis(450),
        "took {took:?}: SIGTERM ignored?"
    );
    assert!(took < Duration::from_millis(1500), "took {took:?}");
}

#[tokio::test]
async fn close_escalates_to_sigkill_when_the_cli_ignores_sigterm() {
    let procs = Procs::new();
    let options = procs
        .fake("hang")
        .env("FAKE_CLAUDE_IGNORE_TERM", "1")
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
    let cli = procs.pids()[0];
    let started = Instant::now();
    // stdin closed (ignored mid-turn), 500 ms, SIGTERM (ignored), 500 ms, SIGKILL.
    tokio::time::timeout(Duration::from_secs(10), client.close())
        .await
        .expect("close() returned: the SIGKILL step ran")
        .unwrap();
    let took = started.elapsed();
    assert!(took >= Duration::from_millis(900), "close took {took:?}");
    assert!(took < Duration::from_secs(3), "close took {took:?}");
    // close() returns after the CLI is reaped.
    assert!(!running(cli), "the CLI was reaped");
    procs.assert_none_left().await;
}

#[tokio::test]
async fn a_cli_silent_mid_turn_times_out_control_calls_and_is_removed() {
    let procs = Procs::new();
    let options = procs
        .fake("hang-silent")
        .control_timeout(Duration::from_millis(500))
        .build();
    let client = Client::connect(options).await.unwrap();
    client.send("go").await.unwrap();
    let err = client.interrupt().await.unwrap_err();
    assert!(
        matches!(err, Error::ControlTimeout { ref subtype, .. } if subtype == "interrupt"),
        "{err:?}"
    );
    drop(client);
    procs.assert_none_left().await;
}

#[tokio::test]
async fn a_cli_that_closes_its_stdin_early_gives_typed_errors() {
    let procs = Procs::new();
    let client = Client::connect(procs.fake("close-stdin").build())
        .await
        .unwrap();
    // The CLI stops reading right after initialize: what the SDK writes next cannot arrive.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let _ = client.send("go").await; // queued, or refused once the writer saw EPIPE
    let mut stream = client.receive_response();
    let mut errors = Vec::new();
    while let Some(item) = tokio::time::timeout(Duration::from_secs(10), stream.next())
        .await
        .expect("the stream ends")
    {
        if let Err(err) = item {
            errors.push(err);
        }
    }
    drop(stream);
    // The CLI exited mid-turn: a typed error with its stderr, then the end.
    assert!(
        matches!(errors.as_slice(), [Error::ProcessExited { stderr_tail, .. }] if stderr_tail.contains("stdin was closed early")),
        "{errors:?}"
    );
    // Later writes are refused with a typed error, not a panic.
    assert!(
        matches!(
            client.send("again").await,
            Err(Error::ProcessExited { .. } | Error::ConnectionClosed)
        ),
        "a send after the CLI is gone"
    );
    client.close().await.unwrap();
    procs.assert_none_left().await;
}
