//! Many sessions, one after another and at once: no file descriptor, process or memory may
//! accumulate.

use std::time::{Duration, Instant};

use claude_agent::query;
use futures::StreamExt;

use crate::{Procs, in_child, open_fds, result_text, run_isolated};

/// Resident memory of this process, kB.
fn rss_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

async fn one(procs: &Procs) {
    let items: Vec<_> = query("go", procs.fake("default").build()).collect().await;
    assert_eq!(result_text(&items), "ok");
    assert!(items.iter().all(Result::is_ok), "{items:?}");
}

#[tokio::test]
async fn a_thousand_sequential_queries_leak_nothing() {
    run_isolated("load::child_a_thousand_sequential_queries").await;
}

#[tokio::test]
async fn fifty_concurrent_sessions_leak_nothing() {
    run_isolated("load::child_fifty_concurrent_sessions").await;
}

#[tokio::test]
#[ignore = "run by a_thousand_sequential_queries_leak_nothing"]
async fn child_a_thousand_sequential_queries() {
    if !in_child() {
        return;
    }
    let procs = Procs::new();
    // Warm up (lazy statics, the runtime's blocking pool) before the baseline.
    for _ in 0..20 {
        one(&procs).await;
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (fds, rss) = (open_fds(), rss_kb());
    let started = Instant::now();
    for _ in 0..1000 {
        one(&procs).await;
    }
    println!("MEASURED 1000 sequential queries: {:?}", started.elapsed());
    procs.assert_none_left().await;
    assert_eq!(procs.pids().len(), 1020);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (fds_after, rss_after) = (open_fds(), rss_kb());
    assert!(fds_after <= fds + 2, "fds: {fds} -> {fds_after}");
    assert!(
        rss_after < rss + 8 * 1024,
        "RSS grew by {} kB over 1000 queries",
        rss_after.saturating_sub(rss)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "run by fifty_concurrent_sessions_leak_nothing"]
async fn child_fifty_concurrent_sessions() {
    if !in_child() {
        return;
    }
    let procs = std::sync::Arc::new(Procs::new());
    one(&procs).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let fds = open_fds();
    let started = Instant::now();
    for _round in 0..2 {
        let sessions: Vec<_> = (0..50)
            .map(|_| {
                let procs = procs.clone();
                tokio::spawn(async move { one(&procs).await })
            })
            .collect();
        for session in sessions {
            tokio::time::timeout(Duration::from_secs(60), session)
                .await
                .expect("all 50 sessions finished")
                .unwrap();
        }
    }
    println!(
        "MEASURED 2 x 50 concurrent sessions: {:?}",
        started.elapsed()
    );
    procs.assert_none_left().await;
    assert_eq!(procs.pids().len(), 101);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let fds_after = open_fds();
    assert!(fds_after <= fds + 2, "fds: {fds} -> {fds_after}");
}
