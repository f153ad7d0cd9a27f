//! A fake `claude` CLI for the faults the real one will not produce on demand: garbage lines, a
//! huge line, a crash mid-stream, an exit before `initialize`, a hang, and protocol corner cases.
//!
//! The behaviour is chosen with `FAKE_CLAUDE_MODE`; `--version` prints `FAKE_CLAUDE_VERSION`
//! (default `2.1.330 (Claude Code)`). With `FAKE_CLAUDE_PID_FILE` it appends its pid (and those of
//! the children it starts) to that file; with `FAKE_CLAUDE_IGNORE_TERM` it ignores SIGTERM. Everything else speaks just enough stream-json to drive the
//! SDK: it answers `initialize`, and on each user message runs the mode's script.
//!
//! `hook-bench` times the SDK's hook round trip: on the first user message it sends
//! `FAKE_CLAUDE_HOOKS` (default 2000) `hook_callback` requests for the first registered callback,
//! one after another, timing each from the write of the request to the read of its answer, and
//! reports `n=.. p50_us=.. p99_us=.. mean_us=.. max_us=..` as the `result` text.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
// The `hang` mode leaves a grandchild running on purpose: the SDK must remove it.
#![allow(clippy::zombie_processes)]

use std::io::{BufRead, Write};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const SESSION: &str = "00000000-0000-4000-8000-000000000000";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if std::env::var_os("FAKE_CLAUDE_IGNORE_TERM").is_some() {
        ignore_sigterm(&args);
    }
    record_pid(std::process::id());
    if args.iter().any(|a| a == "--version") {
        let version =
            std::env::var("FAKE_CLAUDE_VERSION").unwrap_or_else(|_| "2.1.330 (Claude Code)".into());
        println!("{version}");
        return;
    }
    let mode = std::env::var("FAKE_CLAUDE_MODE").unwrap_or_default();
    if let Ok(path) = std::env::var("FAKE_CLAUDE_ARGS_FILE") {
        std::fs::write(path, args.join("\n")).unwrap();
    }
    match mode.as_str() {
        "stdin-closed" => {
            std::thread::sleep(Duration::from_millis(300));
            eprintln!("fake CLI: stdin was closed early");
            return;
        }
        "exit-before-init" => {
            eprintln!("Error: fake CLI refuses to start");
            std::process::exit(1);
        }
        "mcp-first" => {
            // Like the real CLI: an mcp_message before the initialize response; initialize is only
            // answered after the SDK answered ours.
            let mut lines = stdin_lines();
            let init = lines.next().unwrap();
            emit(
                &json!({"type": "control_request", "request_id": "cli-1", "request": {"subtype": "mcp_message", "server_name": "nobody", "message": {"jsonrpc": "2.0", "id": 0, "method": "tools/list"}}}),
            );
            let reply = lines.next().unwrap();
            answer_initialize(&init);
            run_turns(lines, |_| {
                vec![
                    assistant("saw mcp reply"),
                    result_with(&reply["response"]["response"].to_string()),
                ]
            });
            return;
        }
        _ => {}
    }
    let mut lines = stdin_lines();
    let Some(init) = lines.next() else { return };
    if mode == "never-init" {
        std::thread::sleep(Duration::from_secs(600));
        return;
    }
    answer_initialize(&init);
    if mode == "close-stdin" {
        // Stops reading for good: the same process goes on with /dev/null as stdin, so the pipe's
        // read end is closed and the SDK's next write fails (EPIPE); a moment later it exits 0.
        use std::os::unix::process::CommandExt;
        let err = std::process::Command::new(std::env::current_exe().unwrap())
            .args(&args)
            .env("FAKE_CLAUDE_MODE", "stdin-closed")
            .stdin(std::process::Stdio::null())
            .exec();
        panic!("exec failed: {err}");
    }
    match mode.as_str() {
        "tool-bench" => tool_bench(lines),
        "garbage" => run_turns(lines, |_| {
            println!("this line is not JSON at all");
            println!("{{\"type\": \"assistant\", broken");
            vec![assistant("still here"), result_with("survived garbage")]
        }),
        "huge-line" => run_turns(lines, |_| {
            let size: usize = std::env::var("FAKE_CLAUDE_HUGE")
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(50 << 20);
            let mut out = std::io::stdout().lock();
            out.write_all(b"{\"type\":\"assistant\",\"padding\":\"")
                .unwrap();
            out.write_all(&vec![b'x'; size]).unwrap();
            out.write_all(b"\"}\n").unwrap();
            out.flush().unwrap();
            vec![result_with("after the huge line")]
        }),
        "crash" => run_turns(lines, |_| {
            emit(&assistant("about to crash"));
            eprintln!("fatal: the fake CLI crashed on purpose");
            std::process::exit(3);
        }),
        "hang" => run_turns(lines, |_| {
            // A grandchild in our process group that ignores SIGTERM: only the SDK's SIGKILL of
            // the whole group removes it. Its pid goes to a file so tests can check.
            let child = std::process::Command::new("sh")
                .args(["-c", "trap '' TERM; while :; do sleep 1; done"])
                .spawn()
                .unwrap();
            record_pid(child.id());
            emit(&assistant("thinking forever"));
            loop {
                std::thread::sleep(Duration::from_secs(60));
            }
        }),
        "unknown-request" => {
            emit(
                &json!({"type": "control_request", "request_id": "cli-9", "request": {"subtype": "brand_new_request", "x": 1}}),
            );
            // The prompt may arrive before the answer: wait for the answer, then run the turn.
            let mut reply = None;
            let mut prompted = false;
            for line in lines.by_ref() {
                match line["type"].as_str() {
                    Some("control_response") if line["response"]["request_id"] == "cli-9" => {
                        reply = Some(line)
                    }
                    Some("user") => prompted = true,
                    _ => {}
                }
                if prompted && reply.is_some() {
                    break;
                }
            }
            emit(&result_with(&reply.unwrap_or_default().to_string()));
            run_turns(lines, |_| vec![result_with("ok")]);
        }
        "hook-bench" => hook_bench(&init, lines),
        "unknown-types" => run_turns(lines, |_| {
            vec![
                json!({"type": "brand_new_type", "session_id": SESSION, "payload": {"a": 1}}),
                json!({"type": "system", "subtype": "brand_new_subtype", "session_id": SESSION, "x": true}),
                json!({"type": "assistant", "session_id": SESSION, "uuid": "u1", "parent_tool_use_id": null,
                       "message": {"id": "m1", "type": "message", "role": "assistant", "model": "fake",
                                   "content": [{"type": "hologram", "data": 42}, {"type": "text", "text": "known"}]}}),
                result_with("after unknowns"),
            ]
        }),
        "truncated" => run_turns(lines, |_| {
            emit(&assistant("before the cut"));
            let mut out = std::io::stdout().lock();
            out.write_all(b"{\"type\":\"assistant\",\"session_id\":\"")
                .unwrap();
            out.flush().unwrap();
            std::process::exit(0);
        }),
        "stderr-flood" => run_turns(lines, |_| {
            // Far more than any pipe buffer: a reader that stopped draining stderr would
            // deadlock this write.
            let mut err = std::io::stderr().lock();
            let chunk = "warning: the fake CLI is noisy on stderr\n".repeat(1000);
            for _ in 0..500 {
                err.write_all(chunk.as_bytes()).unwrap();
            }
            err.write_all(b"last words on stderr\n").unwrap();
            vec![
                assistant("after the flood"),
                result_with("stderr flood survived"),
            ]
        }),
        "hang-silent" => run_turns(lines, |_| {
            loop {
                // Mid-turn, nothing at all: no message, no exit.
                std::thread::sleep(Duration::from_secs(60));
            }
        }),
        "flood" => run_turns(lines, |_| {
            flood();
            vec![result_with("flood done")]
        }),
        _ => run_turns(lines, |_| {
            vec![assistant("hello from the fake CLI"), result_with("ok")]
        }),
    }
}

/// Writes `FAKE_CLAUDE_FLOOD` (default 100,000) realistic messages as fast as the pipe takes
/// them: partial-message deltas, assistant blocks, tool results, status frames.
fn flood() {
    let count: usize = std::env::var("FAKE_CLAUDE_FLOOD")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let mix = [
        json!({"type": "stream_event", "session_id": SESSION, "uuid": "e1", "parent_tool_use_id": null,
               "event": {"type": "content_block_delta", "index": 0,
                         "delta": {"type": "text_delta", "text": "Streaming a few more words of the answer"}}}),
        assistant(
            "Here is a paragraph of the model's answer, long enough to look like real prose in a transcript line.",
        ),
        json!({"type": "user", "session_id": SESSION, "uuid": "u2", "parent_tool_use_id": null,
               "timestamp": "2026-11-21T00:00:00Z",
               "message": {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_1",
                                                       "content": "file.rs\nlib.rs\nmain.rs", "is_error": false}]},
               "tool_use_result": {"stdout": "file.rs\nlib.rs\nmain.rs", "stderr": "", "interrupted": false}}),
        json!({"type": "system", "subtype": "status", "session_id": SESSION, "uuid": "s1", "status": null,
               "permissionMode": "default"}),
    ];
    let lines: Vec<String> = mix.iter().map(Value::to_string).collect();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    for i in 0..count {
        out.write_all(lines[i % lines.len()].as_bytes()).unwrap();
        out.write_all(b"\n").unwrap();
    }
    out.flush().unwrap();
}

/// Appends `pid` to `FAKE_CLAUDE_PID_FILE`, so tests can check that nothing is left running.
fn record_pid(pid: u32) {
    if let Ok(path) = std::env::var("FAKE_CLAUDE_PID_FILE") {
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .unwrap();
        // One write per record: with O_APPEND it lands whole even when fifty fakes append at
        // once (`writeln!` may split the number and the newline into two writes).
        file.write_all(format!("{pid}\n").as_bytes()).unwrap();
    }
}

/// Re-executes this program, as the same process, with SIGTERM ignored (an ignored signal
/// stays ignored across `exec`): a CLI only SIGKILL can stop, without unsafe code.
fn ignore_sigterm(args: &[String]) {
    use std::os::unix::process::CommandExt;
    let me = std::env::current_exe().unwrap();
    let err = std::process::Command::new("/bin/sh")
        .arg("-c")
        .arg("trap '' TERM; exec \"$0\" \"$@\"")
        .arg(me)
        .args(args)
        .env_remove("FAKE_CLAUDE_IGNORE_TERM")
        .exec();
    panic!("re-exec failed: {err}");
}

fn stdin_lines() -> impl Iterator<Item = Value> {
    std::io::stdin()
        .lock()
        .lines()
        .map_while(Result::ok)
        .filter_map(|line| serde_json::from_str::<Value>(&line).ok())
}

fn emit(value: &Value) {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{value}").unwrap();
    out.flush().unwrap();
}

fn answer_initialize(request: &Value) {
    let id = request["request_id"].clone();
    emit(
        &json!({"type": "control_response", "response": {"subtype": "success", "request_id": id,
        "response": {"commands": [], "agents": [], "models": [], "account": {}, "output_style": "default",
                     "available_output_styles": ["default"], "pid": std::process::id()}}}),
    );
}

/// Answers control requests with empty successes and runs `turn` for each user message; exits 0
/// at end of input.
fn run_turns(lines: impl Iterator<Item = Value>, mut turn: impl FnMut(&Value) -> Vec<Value>) {
    for line in lines {
        match line["type"].as_str() {
            Some("user") => {
                for message in turn(&line) {
                    emit(&message);
                }
            }
            Some("control_request") => emit(&json!({"type": "control_response", "response": {
                "subtype": "success", "request_id": line["request_id"], "response": {}}})),
            _ => {}
        }
    }
}

/// `tool-bench`: on each user message, sends `FAKE_CLAUDE_TOOL_CALLS` (default 1000) `tools/call`
/// requests for `add` to the in-process server `calc` as `mcp_message` control requests, first
/// one at a time, then all at once, and puts the timings (µs, measured here: write to reply) in
/// the result text as JSON.
fn tool_bench(mut lines: impl Iterator<Item = Value>) {
    let calls: usize = std::env::var("FAKE_CLAUDE_TOOL_CALLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000)
        .max(1);
    let mut next = 0u64;
    let mut send = |message: Value| {
        next += 1;
        let id = format!("bench-{next}");
        emit(&json!({"type": "control_request", "request_id": id,
                     "request": {"subtype": "mcp_message", "server_name": "calc", "message": message}}));
        id
    };
    // Reads until the answer to `id` and returns its JSON-RPC response.
    let answer = |lines: &mut dyn Iterator<Item = Value>, ids: &mut Vec<String>| -> Value {
        for line in &mut *lines {
            if line["type"] == "control_response" {
                let id = line["response"]["request_id"].as_str().unwrap_or_default();
                if let Some(at) = ids.iter().position(|p| p == id) {
                    ids.swap_remove(at);
                    return line["response"]["response"]["mcp_response"].clone();
                }
            }
        }
        panic!("stdin closed while waiting for an mcp_message answer");
    };
    let call = |n: u64| {
        json!({"jsonrpc": "2.0", "id": n, "method": "tools/call",
                               "params": {"name": "add", "arguments": {"a": 2, "b": 3}}})
    };
    let check = |response: &Value| {
        assert_eq!(response["result"]["content"][0]["text"], "5", "{response}");
    };
    while let Some(line) = lines.next() {
        if line["type"] != "user" {
            continue;
        }
        let init = json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
            "protocolVersion": "2025-11-25", "capabilities": {},
            "clientInfo": {"name": "fake-claude", "version": "0"}}});
        let mut ids = vec![send(init)];
        answer(&mut lines, &mut ids);
        let mut ids = vec![send(
            json!({"jsonrpc": "2.0", "method": "notifications/initialized"}),
        )];
        answer(&mut lines, &mut ids);

        let mut sequential = Vec::with_capacity(calls);
        for n in 0..calls as u64 {
            let started = std::time::Instant::now();
            let mut ids = vec![send(call(n + 1))];
            check(&answer(&mut lines, &mut ids));
            sequential.push(started.elapsed().as_secs_f64() * 1e6);
        }
        let started = std::time::Instant::now();
        let mut ids: Vec<String> = (0..calls as u64).map(|n| send(call(n + 1))).collect();
        while !ids.is_empty() {
            check(&answer(&mut lines, &mut ids));
        }
        let concurrent_total = started.elapsed().as_secs_f64() * 1e6;
        sequential.sort_by(f64::total_cmp);
        let at = |q: f64| sequential[((sequential.len() - 1) as f64 * q) as usize];
        let mean = sequential.iter().sum::<f64>() / sequential.len().max(1) as f64;
        let stats = json!({"calls": calls, "sequential_mean_us": mean, "sequential_p50_us": at(0.5),
                           "sequential_p99_us": at(0.99), "concurrent_total_us": concurrent_total});
        emit(&result_with(&stats.to_string()));
    }
}

fn assistant(text: &str) -> Value {
    json!({"type": "assistant", "session_id": SESSION, "uuid": "a1", "parent_tool_use_id": null,
           "message": {"id": "msg_fake", "type": "message", "role": "assistant", "model": "fake",
                       "content": [{"type": "text", "text": text}], "stop_reason": null}})
}

fn result_with(text: &str) -> Value {
    json!({"type": "result", "subtype": "success", "is_error": false, "duration_ms": 1, "duration_api_ms": 1,
           "num_turns": 1, "result": text, "session_id": SESSION, "total_cost_usd": 0.0, "usage": {},
           "modelUsage": {}, "permission_denials": [], "uuid": "r1", "stop_reason": "end_turn"})
}

/// The `hook-bench` mode (see the crate docs).
fn hook_bench(init: &Value, mut lines: impl Iterator<Item = Value>) {
    let count: usize = std::env::var("FAKE_CLAUDE_HOOKS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let callback = init["request"]["hooks"]
        .as_object()
        .and_then(|events| events.values().next())
        .and_then(|matchers| matchers[0]["hookCallbackIds"][0].as_str())
        .map(str::to_owned);
    // Wait for the prompt.
    for line in lines.by_ref() {
        if line["type"] == "user" {
            break;
        }
    }
    let Some(callback) = callback else {
        emit(&result_with("no hook callback was registered"));
        return run_turns(lines, |_| vec![result_with("ok")]);
    };
    // A PreToolUse input as CLI 2.1.330 sends it.
    let input = json!({
        "session_id": SESSION, "transcript_path": "/tmp/fake/session.jsonl", "cwd": "/tmp/fake",
        "prompt_id": "00000000-0000-4000-8000-000000000001", "permission_mode": "default",
        "effort": {"level": "high"}, "hook_event_name": "PreToolUse", "tool_name": "Bash",
        "tool_input": {"command": "echo hi", "description": "Print hi"}, "tool_use_id": "toolu_bench"
    });
    let mut times = Vec::with_capacity(count);
    for i in 0..count {
        let id = format!("hook-bench-{i}");
        let started = Instant::now();
        emit(
            &json!({"type": "control_request", "request_id": id, "request": {
            "subtype": "hook_callback", "callback_id": callback, "input": input, "tool_use_id": "toolu_bench"}}),
        );
        for line in lines.by_ref() {
            if line["type"] == "control_response" && line["response"]["request_id"] == id.as_str() {
                break;
            }
        }
        times.push(started.elapsed());
    }
    times.sort();
    let micros = |d: Duration| d.as_secs_f64() * 1e6;
    let text = match (times.first(), times.last()) {
        (Some(_), Some(max)) => {
            let total: Duration = times.iter().sum();
            format!(
                "n={} p50_us={:.1} p99_us={:.1} mean_us={:.1} max_us={:.1}",
                times.len(),
                micros(times[times.len() / 2]),
                micros(times[(times.len() * 99 / 100).min(times.len() - 1)]),
                micros(total) / times.len() as f64,
                micros(*max)
            )
        }
        _ => "n=0".to_owned(),
    };
    emit(&result_with(&text));
    run_turns(lines, |_| vec![result_with("ok")]);
}
