//! Typed hooks (`#[hook]`, `hook_fn`) driven by the real CLI: decisions, updated input, context
//! for the model, typed inputs, registration and selection, and the failure policy (a panicking
//! or hung hook denies and the session goes on).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use claude_agent::builtin::{BashInput, BashOutput};
use claude_agent::hooks::{
    HookOutput, HookRegistry, PostToolUse, PreToolUse, Stop, UserPromptSubmit, hook, hook_fn,
};
use claude_agent::permissions::{PermissionContext, PermissionRequest, PermissionResult};
use claude_agent::protocol::ResultMessage;
use claude_agent::testing::{Match, Reply, ScriptedModel};
use claude_agent::{Client, Message, query};
use common::{Offline, bash_then_text, within};
use futures::StreamExt;
use serde_json::json;

/// Refuses `rm -rf`. Declared with `#[hook]`, so every session of this test binary includes it
/// unless the options say otherwise; other commands get no opinion from it.
#[hook(PreToolUse, matcher = "Bash")]
async fn refuse_rm_rf(input: PreToolUse<BashInput>) -> HookOutput {
    if input.tool_input.command.contains("rm -rf") {
        HookOutput::deny(format!(
            "refuse_rm_rf: `{}` is destructive",
            input.tool_input.command
        ))
    } else {
        HookOutput::proceed()
    }
}

/// A directory the `rm -rf` would remove.
fn precious(offline: &Offline) -> std::path::PathBuf {
    let dir = offline.env.cwd().join("precious");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("keep.txt"), "keep me").unwrap();
    dir.join("keep.txt")
}

/// Records what a callback saw.
fn recorder<T>() -> Arc<Mutex<Vec<T>>> {
    Arc::new(Mutex::new(Vec::new()))
}

#[tokio::test]
async fn a_registered_hook_is_included_by_default_and_its_deny_reaches_the_model() {
    assert!(
        claude_agent::hooks::registered_hooks()
            .iter()
            .any(|h| h.name == "refuse_rm_rf"),
        "the #[hook] of this file is registered"
    );
    let offline = Offline::start(bash_then_text("rm -rf precious")).await;
    let keep = precious(&offline);
    let result = within(query("clean up", offline.options().build()).result())
        .await
        .unwrap();
    assert!(keep.exists(), "the denied command did not run");
    let tool_results = offline.server.message_requests()[1].tool_results();
    assert!(tool_results[0].is_error, "{tool_results:?}");
    assert!(
        tool_results[0]
            .text
            .contains("refuse_rm_rf: `rm -rf precious` is destructive"),
        "{tool_results:?}"
    );
    assert_eq!(result.permission_denials.len(), 1, "{result:?}");
    let denial = &result.permission_denials[0];
    assert_eq!(denial.tool_name, "Bash");
    assert_eq!(denial.tool_input["command"], "rm -rf precious");
    assert!(denial.tool_use_id.starts_with("toolu_"), "{denial:?}");
}

/// A permission callback that records the commands it is asked about and denies them.
fn recording_denier(
    seen: &Arc<Mutex<Vec<String>>>,
) -> impl Fn(PermissionRequest, PermissionContext) -> std::future::Ready<PermissionResult> + use<> {
    let seen = seen.clone();
    move |req: PermissionRequest, _cx: PermissionContext| {
        seen.lock()
            .unwrap()
            .push(req.typed::<BashInput>().unwrap().command);
        std::future::ready(PermissionResult::deny("the permission callback refused"))
    }
}

#[tokio::test]
async fn no_registered_leaves_the_registered_hook_out() {
    let offline = Offline::start(bash_then_text("rm -rf precious")).await;
    let keep = precious(&offline);
    let asked = recorder();
    let options = offline
        .options()
        .no_registered()
        .can_use_tool(recording_denier(&asked))
        .build();
    within(query("clean up", options).result()).await.unwrap();
    // Without the hook the CLI's own flow asks the permission callback.
    assert_eq!(*asked.lock().unwrap(), ["rm -rf precious"]);
    assert!(keep.exists());
    let text = &offline.server.message_requests()[1].tool_results()[0].text;
    assert!(text.contains("the permission callback refused"), "{text}");
    assert!(!text.contains("refuse_rm_rf"), "{text}");
}

#[tokio::test]
async fn hooks_selects_exactly_the_given_hooks() {
    let offline = Offline::start(bash_then_text("rm -rf precious")).await;
    let keep = precious(&offline);
    let selected = hook_fn(|input: PreToolUse<BashInput>| async move {
        HookOutput::deny(format!(
            "the selected hook saw `{}`",
            input.tool_input.command
        ))
    })
    .name("selected")
    .matcher("Bash");
    let options = offline
        .options()
        .hooks(HookRegistry::new().adapter(selected))
        .build();
    let result = within(query("clean up", options).result()).await.unwrap();
    assert!(keep.exists());
    let text = &offline.server.message_requests()[1].tool_results()[0].text;
    assert!(
        text.contains("the selected hook saw `rm -rf precious`"),
        "{text}"
    );
    assert!(!text.contains("refuse_rm_rf"), "{text}");
    assert_eq!(result.permission_denials.len(), 1);

    // The registered hook can be selected by its handle as well.
    let registry = HookRegistry::new().hook(RefuseRmRfHook);
    assert_eq!(
        registry.get(&claude_agent::hooks::HookEvent::PreToolUse)[0]
            .matcher
            .as_deref(),
        Some("Bash")
    );
}

#[tokio::test]
async fn allow_with_updated_input_changes_the_command_that_runs() {
    let offline = Offline::start(bash_then_text("echo original")).await;
    let edit = hook_fn(|input: PreToolUse<BashInput>| async move {
        let mut bash = input.tool_input;
        bash.command = bash.command.replace("original", "edited-by-hook");
        HookOutput::allow().with_updated_input(serde_json::to_value(bash).unwrap())
    })
    .matcher("Bash");
    let options = offline
        .options()
        .hooks(HookRegistry::new().adapter(edit))
        .build();
    let result = within(query("say something", options).result())
        .await
        .unwrap();
    assert!(result.is_success(), "{result:?}");
    let tool_results = offline.server.message_requests()[1].tool_results();
    assert!(!tool_results[0].is_error, "{tool_results:?}");
    assert_eq!(tool_results[0].text.trim(), "edited-by-hook");
}

#[tokio::test]
async fn post_tool_use_context_reaches_the_models_next_request() {
    let offline = Offline::start(bash_then_text("echo hi")).await;
    let seen = recorder();
    let record = seen.clone();
    let note = hook_fn(move |input: PostToolUse<BashInput, BashOutput>| {
        record.lock().unwrap().push((
            input.tool_name.clone(),
            input.tool_input.command.clone(),
            input.tool_response.stdout.clone(),
        ));
        async move {
            HookOutput::default().with_additional_context(format!(
                "post-hook note: the command printed {}",
                input.tool_response.stdout.trim()
            ))
        }
    })
    .matcher("Bash");
    let options = offline
        .options()
        .hooks(HookRegistry::new().adapter(note))
        .build();
    within(query("say hi", options).result()).await.unwrap();
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert_eq!(seen[0].0, "Bash");
    assert_eq!(seen[0].1, "echo hi");
    assert_eq!(seen[0].2.trim(), "hi");
    let next = &offline.server.message_requests()[1];
    let sent = serde_json::to_string(next.messages()).unwrap();
    assert!(
        sent.contains("post-hook note: the command printed hi"),
        "{sent}"
    );
}

#[tokio::test]
async fn user_prompt_submit_and_stop_get_their_typed_inputs() {
    let offline = Offline::start(ScriptedModel::new().then(Reply::text("the answer"))).await;
    let prompts = recorder();
    let stops = recorder();
    let (record_prompt, record_stop) = (prompts.clone(), stops.clone());
    let on_prompt = hook_fn(move |input: UserPromptSubmit| {
        record_prompt.lock().unwrap().push(input.clone());
        async { HookOutput::default().with_additional_context("prompt-hook context") }
    });
    let on_stop = hook_fn(move |input: Stop| {
        record_stop.lock().unwrap().push(input);
        async { HookOutput::proceed() }
    });
    let options = offline
        .options()
        .hooks(HookRegistry::new().adapter(on_prompt).adapter(on_stop))
        .build();
    let result = within(query("hello hooks", options).result())
        .await
        .unwrap();
    assert_eq!(result.result.as_deref(), Some("the answer"));

    let prompts = prompts.lock().unwrap().clone();
    assert_eq!(prompts.len(), 1, "{prompts:?}");
    assert_eq!(prompts[0].prompt, "hello hooks");
    assert_eq!(prompts[0].base.hook_event_name, "UserPromptSubmit");
    assert_eq!(prompts[0].base.session_id, result.session_id);
    let request = &offline.server.message_requests()[0];
    let sent = serde_json::to_string(request.messages()).unwrap();
    assert!(sent.contains("prompt-hook context"), "{sent}");

    let stops = stops.lock().unwrap().clone();
    assert_eq!(stops.len(), 1, "{stops:?}");
    assert!(!stops[0].stop_hook_active);
    assert_eq!(
        stops[0].last_assistant_message.as_deref(),
        Some("the answer")
    );
    assert_eq!(stops[0].base.session_id, result.session_id);
}

/// Reads the current turn to its result.
async fn turn(client: &Client) -> ResultMessage {
    let mut stream = client.receive_response();
    while let Some(message) = within(stream.next()).await {
        if let Message::Result(result) = message.unwrap() {
            return result;
        }
    }
    panic!("the turn ended without a result")
}

/// A model for two turns: Bash on the first prompt, then text; `second` answers the second prompt.
fn two_turns() -> ScriptedModel {
    ScriptedModel::new()
        .on(
            Match::any().user_text_contains("second prompt"),
            Reply::text("second turn works"),
        )
        .on(
            Match::any().no_tool_result(),
            Reply::tool_use(
                "Bash",
                json!({"command": "echo from-the-model", "description": "Print"}),
            ),
        )
        .fallback(Reply::text("first turn done"))
}

/// Runs the two turns of [`two_turns`] on one client; returns the first result and the text the
/// model got back for the Bash call.
async fn first_denied_then_second_works(
    offline: &Offline,
    options: claude_agent::Options,
) -> (ResultMessage, String) {
    let client = within(Client::connect(options)).await.unwrap();
    client.send("first prompt").await.unwrap();
    let first = turn(&client).await;
    let tool_results = offline.server.message_requests()[1].tool_results();
    assert!(tool_results[0].is_error, "{tool_results:?}");
    client.send("second prompt").await.unwrap();
    let second = turn(&client).await;
    assert_eq!(second.result.as_deref(), Some("second turn works"));
    within(client.close()).await.unwrap();
    (first, tool_results[0].text.clone())
}

#[tokio::test]
async fn a_panicking_hook_denies_and_the_session_goes_on() {
    let offline = Offline::start(two_turns()).await;
    let exploding = hook_fn(|input: PreToolUse<BashInput>| async move {
        if !input.tool_input.command.is_empty() {
            panic!("boom in the hook");
        }
        HookOutput::proceed()
    })
    .name("exploding")
    .matcher("Bash");
    let options = offline
        .options()
        .hooks(HookRegistry::new().adapter(exploding))
        .build();
    let (first, text) = first_denied_then_second_works(&offline, options).await;
    assert!(
        text.contains("hook `exploding` panicked: boom in the hook"),
        "{text}"
    );
    assert_eq!(first.result.as_deref(), Some("first turn done"));
    assert_eq!(first.permission_denials.len(), 1);
}

#[tokio::test]
async fn a_hook_that_never_returns_times_out_denies_and_the_session_goes_on() {
    let offline = Offline::start(two_turns()).await;
    let stuck = hook_fn(|_input: PreToolUse<BashInput>| async {
        futures::future::pending::<HookOutput>().await
    })
    .name("stuck")
    .matcher("Bash")
    .timeout(Duration::from_secs(2));
    let options = offline
        .options()
        .hooks(HookRegistry::new().adapter(stuck))
        .build();
    let started = std::time::Instant::now();
    let (first, text) = first_denied_then_second_works(&offline, options).await;
    assert!(text.contains("hook `stuck` timed out"), "{text}");
    assert_eq!(first.permission_denials.len(), 1);
    assert!(started.elapsed() < Duration::from_secs(30));
}
