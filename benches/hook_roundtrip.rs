//! Hook round-trip benchmark: the fake CLI sends `hook_callback` requests one after another and
//! times each from writing the request to reading the SDK's answer (pipe, framing, parsing,
//! dispatch, the callback, encoding, pipe). Compares a raw JSON closure, a typed `hook_fn` and a
//! `#[hook]` (typed input decoding, the failure-policy guard and output encoding on top).
//! Run: `cargo bench --bench hook_roundtrip` (`HOOK_BENCH_N` sets the calls per run).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use claude_agent::builtin::BashInput;
use claude_agent::hooks::{
    HookContext, HookEvent, HookMatcher, HookOutput, HookRegistry, PreToolUse, hook, hook_fn,
};
use claude_agent::{Options, OptionsBuilder, query};
use serde_json::{Value, json};

const FAKE: &str = env!("CARGO_BIN_EXE_fake-claude");

/// The `#[hook]` variant: included by default, like any registered hook.
#[hook(PreToolUse, matcher = "Bash")]
async fn bench_guard(input: PreToolUse<BashInput>) -> HookOutput {
    if input.tool_input.command.contains("rm -rf") {
        HookOutput::deny("no")
    } else {
        HookOutput::proceed()
    }
}

fn fake(calls: usize) -> OptionsBuilder {
    Options::builder()
        .cli_path(FAKE)
        .env("FAKE_CLAUDE_MODE", "hook-bench")
        .env("FAKE_CLAUDE_HOOKS", calls.to_string())
}

async fn run(label: &str, calls: usize, options: impl Fn(usize) -> Options) {
    // A short warm-up run first (process start, allocator, caches), then the measured one.
    query("go", options(200)).result().await.unwrap();
    let result = query("go", options(calls)).result().await.unwrap();
    let figures = result.result.unwrap_or_default();
    assert!(figures.starts_with("n="), "{figures}");
    println!("{label:<28} {figures}");
}

#[tokio::main]
async fn main() {
    let calls: usize = std::env::var("HOOK_BENCH_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5000);
    println!("hook_callback round trip, {calls} sequential calls per run (times in µs)");
    run("raw closure (JSON)", calls, |n| {
        fake(n)
            .no_registered()
            .hook(
                HookEvent::PreToolUse,
                HookMatcher::new(Some("Bash"), |_input: Value, _cx: HookContext| async {
                    Ok::<_, String>(json!({"continue": true}))
                }),
            )
            .build()
    })
    .await;
    run("typed hook_fn", calls, |n| {
        let guard = hook_fn(|input: PreToolUse<BashInput>| async move {
            if input.tool_input.command.contains("rm -rf") {
                HookOutput::deny("no")
            } else {
                HookOutput::proceed()
            }
        })
        .matcher("Bash");
        fake(n).hooks(HookRegistry::new().adapter(guard)).build()
    })
    .await;
    run("#[hook] (registered)", calls, |n| fake(n).build()).await;
}
