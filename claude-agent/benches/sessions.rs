//! Session history at scale: listing 1,000 sessions (the cost must not grow with file size) and
//! reading the last 20 messages of a 50 MB transcript.
//!
//! Run with `cargo bench -p claude-agent --bench sessions`. The data (about 1 GB) is generated
//! into a temporary directory, shaped like the CLI's files: chained user/assistant entries with
//! the CLI's fields, `last-prompt` entries after each turn. Files are in the page cache, so the
//! figures are CPU cost, not disk latency.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::hint::black_box;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

use claude_agent::sessions::{ListSessionsOptions, MessagesOptions, Sessions};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use serde_json::json;

const PROJECT: &str = "-home-dev-bench";

fn session_id(i: usize) -> String {
    format!("{i:08x}-0000-4000-8000-000000000000")
}

/// Writes a transcript of about `bytes` bytes: turns of a user prompt and an assistant answer.
fn write_transcript(dir: &Path, id: &str, bytes: usize) {
    let mut out =
        std::io::BufWriter::new(std::fs::File::create(dir.join(format!("{id}.jsonl"))).unwrap());
    let filler = "lorem ipsum dolor sit amet ".repeat(80);
    let (mut written, mut parent, mut turn) = (0usize, serde_json::Value::Null, 0usize);
    while written < bytes {
        let prompt = format!("Please do task {turn}.");
        let user_uuid = format!("{turn:08x}-1111-4000-8000-{:012x}", turn);
        let asst_uuid = format!("{turn:08x}-2222-4000-8000-{:012x}", turn);
        let common = json!({"isSidechain": false, "userType": "external", "entrypoint": "sdk-rust",
            "cwd": "/home/dev/bench", "sessionId": id, "version": "2.1.330", "gitBranch": "main",
            "timestamp": "2026-11-21T17:09:40.754Z"});
        let mut user = common.clone();
        user.as_object_mut().unwrap().extend(
            json!({"type": "user", "uuid": user_uuid, "parentUuid": parent,
                "message": {"role": "user", "content": prompt}})
            .as_object()
            .unwrap()
            .clone(),
        );
        let mut asst = common;
        asst.as_object_mut().unwrap().extend(
            json!({"type": "assistant", "uuid": asst_uuid, "parentUuid": user_uuid,
                "message": {"id": format!("msg_{turn}"), "role": "assistant", "type": "message",
                    "model": "claude-opus-5-5", "content": [{"type": "text", "text": filler}],
                    "stop_reason": "end_turn", "usage": {"input_tokens": 10, "output_tokens": 500}}})
            .as_object()
            .unwrap()
            .clone(),
        );
        let last = json!({"type": "last-prompt", "lastPrompt": prompt, "leafUuid": asst_uuid, "sessionId": id});
        for line in [user, asst, last] {
            let text = line.to_string();
            written += text.len() + 1;
            writeln!(out, "{text}").unwrap();
        }
        parent = json!(asst_uuid);
        turn += 1;
    }
    out.flush().unwrap();
}

/// A config dir with `count` sessions of `bytes` bytes each.
fn config_with(count: usize, bytes: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("projects").join(PROJECT);
    std::fs::create_dir_all(&project).unwrap();
    for i in 0..count {
        write_transcript(&project, &session_id(i), bytes);
    }
    dir
}

fn bench_listing(c: &mut Criterion, rt: &tokio::runtime::Runtime) {
    let mut group = c.benchmark_group("list_sessions 1000");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for (label, bytes) in [
        ("16 KB each", 16 * 1024),
        ("256 KB each", 256 * 1024),
        ("1 MB each", 1024 * 1024),
    ] {
        let dir = config_with(1000, bytes);
        let sessions = Sessions::new(dir.path());
        let listed = rt
            .block_on(sessions.list(ListSessionsOptions::new()))
            .unwrap();
        assert_eq!(listed.len(), 1000);
        group.bench_with_input(BenchmarkId::from_parameter(label), &sessions, |b, s| {
            b.iter(|| black_box(rt.block_on(s.list(ListSessionsOptions::new())).unwrap()));
        });
    }
    group.finish();
}

fn bench_big_transcript(c: &mut Criterion, rt: &tokio::runtime::Runtime) {
    let dir = config_with(1, 50 * 1024 * 1024);
    let sessions = Sessions::new(dir.path());
    let id = session_id(0);
    let last = rt
        .block_on(sessions.messages(&id, MessagesOptions::new().last(20)))
        .unwrap();
    assert_eq!(last.len(), 20);
    let mut group = c.benchmark_group("50 MB transcript");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(15));
    group.bench_function("last 20 messages", |b| {
        b.iter(|| {
            black_box(
                rt.block_on(sessions.messages(&id, MessagesOptions::new().last(20)))
                    .unwrap(),
            )
        });
    });
    group.bench_function("session info", |b| {
        b.iter(|| black_box(rt.block_on(sessions.info(&id, None)).unwrap()));
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    bench_listing(c, &rt);
    bench_big_transcript(c, &rt);
}

criterion_group!(sessions_benches, benches);
criterion_main!(sessions_benches);
