//! Throughput of the stdout line parser (`parse_incoming`) on real CLI output.
//!
//! Run with `cargo bench -p claude-agent --bench parse`. The lines come from
//! `tests/fixtures/transcripts/` (every stdout line of the recorded CLI 2.1.197 and 2.1.330 runs).

use std::hint::black_box;
use std::time::Duration;

use claude_agent::__private::bench::parse_line;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const FIXTURES: [&str; 2] = [
    include_str!("../tests/fixtures/transcripts/cli-2.1.197.jsonl"),
    include_str!("../tests/fixtures/transcripts/cli-2.1.330.jsonl"),
];

fn all_lines() -> Vec<&'static str> {
    FIXTURES
        .iter()
        .flat_map(|text| text.lines())
        .filter(|line| !line.trim().is_empty())
        .collect()
}

/// Lines containing `needle` (a cheap textual selection by message type).
fn lines_with(lines: &[&'static str], needle: &str) -> Vec<&'static str> {
    lines
        .iter()
        .copied()
        .filter(|line| line.contains(needle))
        .collect()
}

fn bench_lines(c: &mut Criterion, name: &str, lines: &[&'static str]) {
    assert!(!lines.is_empty(), "no fixture lines for {name}");
    let bytes: usize = lines.iter().map(|line| line.len()).sum();
    let mut group = c.benchmark_group("parse_incoming");
    group.throughput(Throughput::Elements(lines.len() as u64));
    group.bench_function(
        format!("{name} ({} lines, {} KiB)", lines.len(), bytes / 1024),
        |b| {
            b.iter(|| {
                for line in lines {
                    let kind = parse_line(black_box(line));
                    black_box(kind).ok();
                }
            });
        },
    );
    group.finish();
}

fn parse(c: &mut Criterion) {
    let lines = all_lines();
    for line in &lines {
        assert!(
            parse_line(line).is_ok(),
            "fixture line does not parse: {line}"
        );
    }
    // A whole session's output: every recorded line, in recording order.
    bench_lines(c, "mixed", &lines);
    // The common per-turn frames, without the large one-off `initialize` responses.
    let turn: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|line| !line.contains(r#""commands":["#))
        .collect();
    bench_lines(c, "turn frames", &turn);
    bench_lines(
        c,
        "assistant",
        &lines_with(&lines, r#"{"type":"assistant""#),
    );
    bench_lines(
        c,
        "stream_event",
        &lines_with(&lines, r#"{"type":"stream_event""#),
    );
    bench_lines(c, "result", &lines_with(&lines, r#""type":"result""#));
    bench_lines(c, "system/init", &lines_with(&lines, r#""subtype":"init""#));
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30);
    targets = parse
}
criterion_main!(benches);
