//! The Rust column of the side-by-side SDK benchmark (`../shared/bench`, see its
//! `drivers/rust/README.md`): `bench_driver SCENARIO` runs one scenario against the CLI named by
//! `BENCH_CLI` and prints one `BENCH_RESULT {...}` line.
//!
//! Scenarios: `stream` (count assistant messages), `hooks` (a `PreToolUse` hook on `Bash` that
//! allows), `permission` (a `can_use_tool` callback that allows), `mcp` (an in-process server
//! `bench` with a tool `add(a, b)`), `concurrency` (`BENCH_CONCURRENCY` streams at once) and `e2e`
//! (`"say hi"` through the real CLI, max one turn).
//!
//! Build it once and run the binary (not `cargo run`, whose own start-up would be timed):
//! `cargo build --release --example bench_driver`, then `RUST_SDK_DIR=<checkout> ./run.sh` in the
//! harness.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use claude_agent::hooks::{HookContext, HookEvent, HookMatcher};
use claude_agent::permissions::{PermissionContext, PermissionRequest, PermissionResult};
use claude_agent::tools::{ToolServer, tool};
use claude_agent::{Message, Options, OptionsBuilder, query};
use futures::StreamExt;
use serde_json::{Value, json};

static TOOL_CALLS: AtomicUsize = AtomicUsize::new(0);

/// Adds two integers (the harness checks the text is `a + b`).
#[tool(server = "bench")]
async fn add(a: i64, b: i64) -> String {
    TOOL_CALLS.fetch_add(1, Ordering::Relaxed);
    (a + b).to_string()
}

/// What one query saw.
#[derive(Default)]
struct Seen {
    assistant: usize,
    ok: bool,
    first_assistant_ms: Option<f64>,
    result_ms: Option<f64>,
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn base() -> OptionsBuilder {
    let mut builder = Options::builder()
        .cli_path(std::env::var("BENCH_CLI").expect("BENCH_CLI names the CLI to launch"))
        .no_registered();
    if let Ok(cwd) = std::env::var("BENCH_CWD") {
        builder = builder.cwd(cwd);
    }
    builder
}

async fn run(prompt: &str, options: Options, started: Instant) -> Seen {
    let mut seen = Seen::default();
    let mut stream = query(prompt, options);
    while let Some(message) = stream.next().await {
        match message {
            Ok(Message::Assistant(_)) => {
                seen.assistant += 1;
                if seen.first_assistant_ms.is_none() {
                    seen.first_assistant_ms = Some(started.elapsed().as_secs_f64() * 1e3);
                }
            }
            Ok(Message::Result(result)) => {
                seen.result_ms = Some(started.elapsed().as_secs_f64() * 1e3);
                seen.ok = !result.is_error;
            }
            Ok(_) => {}
            Err(err) => eprintln!("bench_driver: {err}"),
        }
    }
    seen
}

fn status_kb(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// User + system CPU seconds of this process, from `/proc/self/stat` (fields 14 and 15, in clock
/// ticks; 100 per second on Linux).
fn cpu_self_s() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_name = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn main() {
    // `BENCH_RUNTIME=current_thread` measures the SDK on a single-threaded runtime; the default is
    // the multi-threaded one `#[tokio::main]` builds.
    let mut runtime = match std::env::var("BENCH_RUNTIME").as_deref() {
        Ok("current_thread") => tokio::runtime::Builder::new_current_thread(),
        _ => tokio::runtime::Builder::new_multi_thread(),
    };
    let runtime = runtime.enable_all().build().expect("a tokio runtime");
    runtime.block_on(drive());
}

async fn drive() {
    let scenario = std::env::args().nth(1).unwrap_or_else(|| "stream".into());
    let n = env_usize("BENCH_N", 0);
    let concurrency = env_usize("BENCH_CONCURRENCY", 20);
    let calls = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();

    let (items, ok, seen) = match scenario.as_str() {
        "stream" => {
            let seen = run("go", base().build(), started).await;
            (seen.assistant, seen.ok, seen)
        }
        "hooks" => {
            let counter = calls.clone();
            let matcher = HookMatcher::new(Some("Bash"), move |_input: Value, _cx: HookContext| {
                counter.fetch_add(1, Ordering::Relaxed);
                async {
                    Ok::<_, std::convert::Infallible>(json!({"hookSpecificOutput": {
                        "hookEventName": "PreToolUse", "permissionDecision": "allow"}}))
                }
            });
            let options = base().hook(HookEvent::PreToolUse, matcher).build();
            let seen = run("go", options, started).await;
            (calls.load(Ordering::Relaxed), seen.ok, seen)
        }
        "permission" => {
            let counter = calls.clone();
            let options = base()
                .can_use_tool(move |_request: PermissionRequest, _cx: PermissionContext| {
                    counter.fetch_add(1, Ordering::Relaxed);
                    async { PermissionResult::allow() }
                })
                .build();
            let seen = run("go", options, started).await;
            (calls.load(Ordering::Relaxed), seen.ok, seen)
        }
        "mcp" => {
            let server = ToolServer::new("bench").tool(AddTool).unwrap();
            let seen = run("go", base().tool_server(server).build(), started).await;
            (TOOL_CALLS.load(Ordering::Relaxed), seen.ok, seen)
        }
        "concurrency" => {
            // One task per query, as a server handling sessions would run them.
            let runs = (0..concurrency).map(|_| tokio::spawn(run("go", base().build(), started)));
            let all: Vec<Seen> = futures::future::join_all(runs)
                .await
                .into_iter()
                .map(|joined| joined.unwrap_or_default())
                .collect();
            let items = all.iter().map(|s| s.assistant).sum();
            let ok = all.iter().all(|s| s.ok);
            (items, ok, Seen::default())
        }
        "e2e" => {
            let seen = run("say hi", base().max_turns(1).build(), started).await;
            (seen.assistant, seen.ok, seen)
        }
        other => {
            eprintln!("bench_driver: unknown scenario {other}");
            std::process::exit(2);
        }
    };
    let query_s = started.elapsed().as_secs_f64();
    let expected = if scenario == "concurrency" {
        n * concurrency
    } else {
        n
    };
    let ok = ok && (n == 0 || items == expected);
    let line = json!({
        "sdk": "rust",
        "sdk_version": env!("CARGO_PKG_VERSION"),
        "scenario": scenario,
        "ok": ok,
        "items": items,
        "query_s": query_s,
        "first_assistant_ms": seen.first_assistant_ms,
        "result_ms": seen.result_ms,
        "rss_peak_kb": status_kb("VmHWM:"),
        "cpu_self_s": cpu_self_s(),
    });
    println!("BENCH_RESULT {line}");
    if !ok {
        std::process::exit(1);
    }
}
