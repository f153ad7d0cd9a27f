//! End-to-end stream benchmark: the fake CLI writes 100,000 realistic messages as fast as the pipe
//! takes them; the SDK frames, routes and parses them into typed messages. Prints messages per
//! second and this process's peak RSS, beside a raw baseline measured in the same run (no SDK:
//! a blocking pipe, `serde_json::Value` per line), so the SDK's figure reads as a ratio.
//! Run: `cargo bench --bench stream`.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Instant;

use claude_agent::{Message, Options, query};
use futures::StreamExt;

const FAKE: &str = env!("CARGO_BIN_EXE_fake-claude");
const COUNT: usize = 100_000;

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The same stream read with no SDK: one blocking pipe, one `Value` per line.
fn raw_baseline() -> f64 {
    let started = Instant::now();
    let mut child = Command::new(FAKE)
        .args([
            "--output-format",
            "stream-json",
            "--input-format",
            "stream-json",
            "--verbose",
        ])
        .env("FAKE_CLAUDE_MODE", "flood")
        .env("FAKE_CLAUDE_FLOOD", COUNT.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(
        stdin,
        r#"{{"type":"control_request","request_id":"r1","request":{{"subtype":"initialize"}}}}"#
    )
    .unwrap();
    writeln!(
        stdin,
        r#"{{"type":"user","message":{{"role":"user","content":"go"}}}}"#
    )
    .unwrap();
    let mut messages = 0usize;
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let value: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        match value["type"].as_str() {
            Some("control_response") => {}
            Some("result") => {
                messages += 1;
                break;
            }
            _ => messages += 1,
        }
    }
    drop(stdin);
    child.wait().unwrap();
    assert!(messages > COUNT, "{messages}");
    messages as f64 / started.elapsed().as_secs_f64()
}

#[tokio::main]
async fn main() {
    let baseline = (0..3).map(|_| raw_baseline()).fold(0.0, f64::max);
    println!("raw baseline (no SDK): {baseline:.0} messages/s");
    let rss_before = peak_rss_kib();
    let mut best = f64::MAX;
    for round in 0..3 {
        let options = Options::builder()
            .cli_path(FAKE)
            .env("FAKE_CLAUDE_MODE", "flood")
            .env("FAKE_CLAUDE_FLOOD", COUNT.to_string())
            .build();
        let started = Instant::now();
        let mut stream = query("go", options);
        let (mut messages, mut bytes, mut results) = (0usize, 0usize, 0usize);
        while let Some(message) = stream.next().await {
            let message = message.unwrap();
            messages += 1;
            bytes += message.raw_json().len();
            if matches!(message, Message::Result(_)) {
                results += 1;
            }
        }
        let elapsed = started.elapsed().as_secs_f64();
        assert_eq!(results, 1);
        assert_eq!(messages, COUNT + 1);
        best = best.min(elapsed);
        println!(
            "round {round}: {messages} messages ({:.1} MB) in {elapsed:.3} s = {:.0} messages/s",
            bytes as f64 / 1e6,
            messages as f64 / elapsed
        );
    }
    let sdk = (COUNT + 1) as f64 / best;
    println!(
        "best: {sdk:.0} messages/s = {:.2} x the raw baseline",
        sdk / baseline
    );
    if let (Some(before), Some(after)) = (rss_before, peak_rss_kib()) {
        println!(
            "peak RSS: {:.1} MiB (before the runs: {:.1} MiB)",
            after as f64 / 1024.0,
            before as f64 / 1024.0
        );
    }
}
