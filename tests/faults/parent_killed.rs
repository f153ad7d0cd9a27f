//! The SDK process is SIGKILLed mid-turn: the watchdog must take the CLI and everything it
//! started with it (Linux; see `transport::watchdog` in the crate for other platforms).

use std::time::{Duration, Instant};

use claude_agent::{Message, query};
use futures::StreamExt;
use tokio::io::{AsyncBufReadExt, BufReader};

use crate::{Procs, group_members, in_child, isolated, running};

/// The "SDK process": opens a query in `hang` mode, says `READY` once the turn is running, and
/// waits to be killed.
#[tokio::test]
#[ignore = "run by the_cli_dies_with_a_killed_sdk_process"]
async fn child_sdk_process_mid_turn() {
    if !in_child() {
        return;
    }
    let pid_file = std::env::var("FAULTS_PID_FILE").unwrap();
    let options = claude_agent::Options::builder()
        .cli_path(crate::FAKE)
        .skip_version_check(true)
        .env("FAKE_CLAUDE_MODE", "hang")
        .env("FAKE_CLAUDE_PID_FILE", &pid_file)
        .build();
    let mut stream = query("go", options);
    let first = stream.next().await;
    assert!(
        matches!(first, Some(Ok(Message::Assistant(_)))),
        "{first:?}"
    );
    println!("READY");
    tokio::time::sleep(Duration::from_secs(120)).await;
}

#[tokio::test]
async fn the_cli_dies_with_a_killed_sdk_process() {
    let procs = Procs::new();
    let pid_file = procs.pid_file();
    let mut child = isolated(
        "parent_killed::child_sdk_process_mid_turn",
        &[("FAULTS_PID_FILE", pid_file.to_str().unwrap())],
    );
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    loop {
        let line = tokio::time::timeout(Duration::from_secs(30), lines.next_line())
            .await
            .expect("the child got mid-turn")
            .unwrap()
            .expect("the child said READY");
        if line == "READY" {
            break;
        }
    }
    let pids = procs.pids();
    assert_eq!(pids.len(), 2, "the CLI and its grandchild: {pids:?}");
    let group = group_members(pids[0]);
    // The CLI, the grandchild (and its passing `sleep`), and the watchdog.
    assert!(group.len() >= 3, "{group:?}");
    assert!(
        pids.iter().all(|p| group.contains(p)),
        "{pids:?} in {group:?}"
    );
    assert!(pids.iter().all(|&p| running(p)));

    let killed = Instant::now();
    child.start_kill().unwrap();
    child.wait().await.unwrap();
    let took = procs.gone_within(Duration::from_secs(5)).await;
    let took = took.unwrap_or_else(|left| panic!("left running after the SDK died: {left:?}"));
    eprintln!("SDK SIGKILL -> CLI group gone: {:?}", killed.elapsed());
    assert!(took < Duration::from_secs(2), "took {took:?}");
}
