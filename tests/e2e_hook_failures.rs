//! What the real CLI does with each way an SDK hook can fail, recorded per failure policy:
//! a typed `PreToolUse` hook with `on_failure = Error` (the SDK answers the CLI with an error), a
//! raw hook that panics (the dispatcher answers with an error), and a failing `PermissionRequest`
//! hook (its default policy answers with a deny, which the CLI applies). In every case the session goes on to a result
//! and nothing panics in the SDK.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use claude_agent::builtin::BashInput;
use claude_agent::hooks::{
    FailurePolicy, HookContext, HookEvent, HookMatcher, HookOutput, HookRegistry,
    PermissionRequestInput, PreToolUse, hook_fn,
};

use claude_agent::{OptionsBuilder, query};
use common::{Offline, bash_then_text, within};
use serde_json::{Value, json};

/// Runs one session and reports: did the command run, what tool result the model saw.
async fn run(offline: &Offline, options: OptionsBuilder) -> (bool, bool, String) {
    let result = within(query("go", options.build()).result()).await.unwrap();
    assert_eq!(result.result.as_deref(), Some("done"), "{result:?}");
    let ran = offline.env.cwd().join("ran.txt").exists();
    let requests = offline.server.message_requests();
    let seen = requests[1].tool_results();
    let first = seen.first().expect("the model saw a tool result");
    eprintln!(
        "OBSERVED ran={ran} is_error={} text={:?}",
        first.is_error, first.text
    );
    (ran, first.is_error, first.text.clone())
}

#[tokio::test]
async fn a_pre_tool_use_hook_failing_with_the_error_policy() {
    let offline = Offline::start(bash_then_text("touch ran.txt")).await;
    let failing = hook_fn(|_: PreToolUse<BashInput>| async { Err::<HookOutput, _>("boom") })
        .matcher("Bash")
        .name("strict")
        .on_failure(FailurePolicy::Error);
    let options = offline
        .options()
        .no_registered()
        .allowed_tools(["Bash"])
        .hooks(HookRegistry::new().adapter(failing));
    let (ran, is_error, text) = run(&offline, options).await;
    // Observed on 2.1.197 and 2.1.330: the CLI treats a hook callback answered with an error as
    // a failed (non-blocking) hook: the tool still runs.
    assert!(ran, "the tool ran despite the hook's error ({text})");
    assert!(!is_error, "{text}");
}

#[tokio::test]
async fn a_raw_hook_that_panics() {
    let offline = Offline::start(bash_then_text("touch ran.txt")).await;
    let options = offline
        .options()
        .no_registered()
        .allowed_tools(["Bash"])
        .hook(
            HookEvent::PreToolUse,
            HookMatcher::new(Some("Bash"), |_input: Value, _cx: HookContext| async {
                if true {
                    panic!("raw hook boom");
                }
                Ok::<_, String>(json!({}))
            }),
        );
    let (ran, is_error, text) = run(&offline, options).await;
    // Observed: the panic is caught and answered as an error; the CLI goes on as for a failed
    // hook, so the tool runs.
    assert!(ran, "{text}");
    assert!(!is_error, "{text}");
}

#[tokio::test]
async fn a_failing_permission_request_hook_denies() {
    // A command that needs a permission and writes no file (2.1.197 blocks writes into the test's
    // temp directory with its own path check, before any permission request).
    let model = bash_then_text("python3 -c 'print(6*7)'");
    let offline = Offline::start(model).await;
    let calls = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = calls.clone();
    let failing = hook_fn(move |_: PermissionRequestInput<Value>| {
        counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        async { Err::<HookOutput, _>("boom") }
    })
    .name("gate");
    let options = offline
        .options()
        .no_registered()
        .hooks(HookRegistry::new().adapter(failing));
    let result = within(query("go", options.build()).result()).await.unwrap();
    assert_eq!(result.result.as_deref(), Some("done"), "{result:?}");
    let seen = offline.server.message_requests()[1].tool_results();
    eprintln!("OBSERVED calls={calls:?} seen={seen:?}");
    // Both versions refuse the command.
    assert!(seen[0].is_error, "{seen:?}");
    assert!(!seen[0].text.contains("42"), "the command ran: {seen:?}");
    let calls = calls.load(std::sync::atomic::Ordering::SeqCst);
    if common::installed_version() == "2.1.197" {
        // 2.1.197 asks no PermissionRequest hook in a non-interactive session without a permission
        // prompt tool: it refuses by itself.
        assert_eq!(calls, 0);
        assert!(seen[0].text.contains("requires approval"), "{seen:?}");
    } else {
        // Newer CLIs ask the hook; its default policy (deny) answers, and the model reads the
        // hook's failure as the reason.
        assert_eq!(calls, 1);
        assert!(
            seen[0].text.contains("hook `gate` failed: boom"),
            "{seen:?}"
        );
    }
}
