use super::*;
use crate::builtin::BashInput;
use crate::hooks::{PermissionRequestInput, PreToolUse, Stop, event};
use serde_json::json;

fn pre_tool_use_input(command: &str) -> Value {
    json!({
        "session_id": "s", "transcript_path": "/t.jsonl", "cwd": "/p", "permission_mode": "default",
        "hook_event_name": "PreToolUse", "tool_name": "Bash",
        "tool_input": {"command": command}, "tool_use_id": "toolu_1"
    })
}

fn stop_input() -> Value {
    json!({"session_id": "s", "transcript_path": "/t", "cwd": "/p", "hook_event_name": "Stop",
           "stop_hook_active": false})
}

async fn call<H: Hook>(adapter: &HookAdapter<H>, input: Value) -> Result<Value, String> {
    HookCallback::call(adapter, input, HookContext::new(Some("toolu_1".into()))).await
}

fn deny_reason(wire: &Value) -> &str {
    assert_eq!(
        wire["hookSpecificOutput"]["permissionDecision"], "deny",
        "{wire}"
    );
    assert_eq!(
        wire["hookSpecificOutput"]["hookEventName"], "PreToolUse",
        "{wire}"
    );
    wire["hookSpecificOutput"]["permissionDecisionReason"]
        .as_str()
        .unwrap_or_default()
}

#[tokio::test]
async fn a_successful_hook_answers_for_its_event() {
    let guard = hook_fn(|input: PreToolUse<BashInput>| async move {
        if input.tool_input.command.contains("rm") {
            HookOutput::deny("no rm")
        } else {
            HookOutput::allow()
        }
    });
    let wire = call(&guard, pre_tool_use_input("rm -rf /")).await.unwrap();
    assert_eq!(deny_reason(&wire), "no rm");
    let wire = call(&guard, pre_tool_use_input("ls")).await.unwrap();
    assert_eq!(
        wire,
        json!({"hookSpecificOutput": {"hookEventName": "PreToolUse", "permissionDecision": "allow"}})
    );
}

#[tokio::test]
async fn pre_tool_use_hook_returning_an_error_denies() {
    let guard =
        hook_fn(|_: PreToolUse<BashInput>| async { Err::<HookOutput, _>("database unreachable") })
            .name("guard");
    let wire = call(&guard, pre_tool_use_input("ls")).await.unwrap();
    assert_eq!(
        deny_reason(&wire),
        "hook `guard` failed: database unreachable"
    );
}

#[tokio::test]
async fn pre_tool_use_hook_that_panics_denies() {
    let guard = hook_fn(|input: PreToolUse<BashInput>| async move {
        if !input.tool_input.command.is_empty() {
            panic!("boom {}", 42);
        }
        HookOutput::allow()
    })
    .name("guard");
    let wire = call(&guard, pre_tool_use_input("ls")).await.unwrap();
    assert_eq!(deny_reason(&wire), "hook `guard` panicked: boom 42");
}

#[derive(Default)]
struct PanicsBeforeItsFuture;

impl Hook for PanicsBeforeItsFuture {
    type Event = event::PreToolUse;
    type Input = Value;
    type Output = HookOutput;
    const NAME: &'static str = "eager";

    #[allow(clippy::manual_async_fn)]
    fn call(&self, _input: Value, _cx: HookContext) -> impl Future<Output = HookOutput> + Send {
        panic!("panicked while building the future");
        #[allow(unreachable_code)]
        async {
            HookOutput::allow()
        }
    }
}

#[tokio::test]
async fn a_panic_in_the_synchronous_part_of_call_is_caught_too() {
    let adapter = HookAdapter::new(PanicsBeforeItsFuture);
    let wire = call(&adapter, pre_tool_use_input("ls")).await.unwrap();
    assert_eq!(
        deny_reason(&wire),
        "hook `eager` panicked: panicked while building the future"
    );
}

#[tokio::test(start_paused = true)]
async fn pre_tool_use_hook_that_exceeds_its_timeout_denies_before_the_cli_gives_up() {
    let slow = hook_fn(|_: PreToolUse<BashInput>| async {
        tokio::time::sleep(Duration::from_secs(3600)).await;
        HookOutput::allow()
    })
    .name("slow")
    .timeout(Duration::from_secs(5));
    let started = tokio::time::Instant::now();
    let wire = call(&slow, pre_tool_use_input("ls")).await.unwrap();
    assert_eq!(deny_reason(&wire), "hook `slow` timed out after 4.5s");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn input_that_does_not_decode_counts_as_a_failure() {
    let guard = hook_fn(|_: PreToolUse<BashInput>| async { HookOutput::allow() }).name("guard");
    let mut input = pre_tool_use_input("ls");
    input["tool_input"] = json!("not an object");
    let wire = call(&guard, input).await.unwrap();
    let reason = deny_reason(&wire);
    assert!(
        reason.starts_with("hook `guard` could not decode its PreToolUse input as `"),
        "{reason}"
    );
    assert!(reason.contains("BashInput"), "{reason}");
}

#[tokio::test]
async fn stop_hook_failures_continue() {
    let failing = hook_fn(|_: Stop| async { Err::<HookOutput, _>("nope") });
    assert_eq!(
        call(&failing, stop_input()).await.unwrap(),
        json!({"continue": true})
    );
    let panicking = hook_fn(|input: Stop| async move {
        assert!(input.stop_hook_active, "stop hook not active");
        HookOutput::proceed()
    });
    assert_eq!(
        call(&panicking, stop_input()).await.unwrap(),
        json!({"continue": true})
    );
    // Undecodable input (stop_hook_active must be a bool) also continues.
    let mut bad = stop_input();
    bad["stop_hook_active"] = json!("yes");
    let typed = hook_fn(|_: Stop| async { HookOutput::block("should not run") });
    assert_eq!(call(&typed, bad).await.unwrap(), json!({"continue": true}));
}

#[tokio::test(start_paused = true)]
async fn stop_hook_timeouts_continue() {
    let slow = hook_fn(|_: Stop| async {
        tokio::time::sleep(Duration::from_secs(3600)).await;
        HookOutput::block("too late")
    })
    .timeout(Duration::from_secs(2));
    assert_eq!(
        call(&slow, stop_input()).await.unwrap(),
        json!({"continue": true})
    );
}

#[tokio::test]
async fn the_policy_can_be_changed_per_hook() {
    let failing = || hook_fn(|_: Stop| async { Err::<HookOutput, _>("broken") }).name("audit");
    let strict = failing().on_failure(FailurePolicy::Deny);
    assert_eq!(
        call(&strict, stop_input()).await.unwrap(),
        json!({"continue": false, "stopReason": "hook `audit` failed: broken"})
    );
    let loud = failing().on_failure(FailurePolicy::Error);
    assert_eq!(
        call(&loud, stop_input()).await.unwrap_err(),
        "hook `audit` failed: broken"
    );
    let lenient = hook_fn(|_: PreToolUse| async { Err::<HookOutput, _>("broken") })
        .on_failure(FailurePolicy::Continue);
    assert_eq!(
        call(&lenient, pre_tool_use_input("ls")).await.unwrap(),
        json!({"continue": true})
    );
}

#[tokio::test]
async fn permission_request_hook_failures_deny_the_dialog() {
    let hook =
        hook_fn(|_: PermissionRequestInput| async { Err::<HookOutput, _>("boom") }).name("gate");
    let input = json!({"session_id": "s", "transcript_path": "/t", "cwd": "/p",
                       "hook_event_name": "PermissionRequest", "tool_name": "Bash", "tool_input": {}});
    assert_eq!(
        call(&hook, input).await.unwrap(),
        json!({"hookSpecificOutput": {"hookEventName": "PermissionRequest",
               "decision": {"behavior": "deny", "message": "hook `gate` failed: boom"}}})
    );
}

/// Waits for the CLI's cancellation, then records that its cleanup ran.
struct CleansUp(Arc<std::sync::atomic::AtomicBool>);

impl Hook for CleansUp {
    type Event = event::Stop;
    type Input = Stop;
    type Output = HookOutput;
    const NAME: &'static str = "cleans_up";

    async fn call(&self, _input: Stop, cx: HookContext) -> HookOutput {
        cx.cancellation.cancelled().await;
        tokio::task::yield_now().await;
        self.0.store(true, std::sync::atomic::Ordering::SeqCst);
        HookOutput::proceed()
    }
}

#[tokio::test]
async fn a_cancelled_hook_is_not_dropped_before_it_can_clean_up() {
    let cleaned = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let hook = HookAdapter::new(CleansUp(cleaned.clone()));
    let token = tokio_util::sync::CancellationToken::new();
    let cx = HookContext::new(None).with_cancellation(token.clone());
    let pending = HookCallback::call(&hook, stop_input(), cx);
    token.cancel();
    // The adapter does not race the hook against the token (the dispatcher bounds the wait and
    // sends nothing for a cancelled request): the hook observes it and finishes its cleanup.
    tokio::time::timeout(std::time::Duration::from_secs(5), pending)
        .await
        .expect("the hook ends after seeing the token")
        .unwrap();
    assert!(cleaned.load(std::sync::atomic::Ordering::SeqCst));
}

#[test]
fn matcher_carries_the_timeout_the_cli_is_told() {
    let default = hook_fn(|_: Stop| async { HookOutput::proceed() }).into_matcher();
    assert_eq!(default.timeout, Some(DEFAULT_HOOK_TIMEOUT));
    assert_eq!(default.matcher, None);
    assert_eq!(default.callbacks.len(), 1);
}

#[test]
fn the_sdk_deadline_leaves_the_cli_a_margin() {
    assert_eq!(
        sdk_deadline(Duration::from_secs(60)),
        Duration::from_secs(59)
    );
    assert_eq!(
        sdk_deadline(Duration::from_secs(5)),
        Duration::from_millis(4500)
    );
    assert_eq!(sdk_deadline(Duration::ZERO), Duration::ZERO);
}

#[test]
fn hook_fn_for_accepts_raw_inputs_for_any_event() {
    let raw = hook_fn_for::<event::SessionEnd, _, _, _>(|_: Value| async { HookOutput::proceed() });
    assert_eq!(raw.event(), HookEvent::SessionEnd);
    assert_eq!(raw.failure_policy(), FailurePolicy::Continue);
    assert_eq!(raw.hook_name(), "closure");
}
