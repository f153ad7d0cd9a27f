//! The control-request dispatcher: every request the CLI sends is answered exactly as the
//! protocol promises, whatever the request contains.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::AsyncReadExt;

use crate::builtin::{BashInput, BuiltinToolInput};
use crate::control::{Dispatcher, Handlers};
use crate::hooks::{
    self, FailurePolicy, HookCallback, HookContext, HookInput, HookOutput, PostToolUse, PreToolUse,
    UserPromptSubmit, event, hook_fn, hook_fn_for,
};
use crate::mcp::{SdkBridge, SdkMcpServer};
use crate::permissions::{
    ElicitationRequest, ElicitationResponse, PermissionContext, PermissionRequest,
    PermissionResult, UserDialogRequest, UserDialogResponse,
};
use crate::protocol::{Incoming, parse_incoming};
use crate::tools::{DynamicTool, ToolServer};
use crate::transport::Writer;

/// At most this many lines of one input are fed to the dispatcher.
const MAX_LINES: usize = 16;
/// Every test handler answers at once; a request unanswered after this long is a lost reply.
const ANSWER_DEADLINE: Duration = Duration::from_secs(10);

thread_local! {
    static RUNTIME: tokio::runtime::Runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a tokio runtime");
}

/// Feeds the lines of `data` (as the CLI's stdout) to a fresh dispatcher: control requests are
/// dispatched, control cancels applied, everything else ignored. Then checks the answers: every
/// one is a well-formed `control_response` for a request that was sent, and every request not
/// withdrawn afterwards is answered.
///
/// # Panics
///
/// When an answer is malformed, unexpected, or missing after 10 s.
///
/// # Examples
///
/// ```
/// claude_agent::fuzz::control_request(
///     br#"{"type":"control_request","request_id":"r1","request":{"subtype":"brand_new"}}"#,
/// );
/// ```
pub fn control_request(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    RUNTIME.with(|runtime| runtime.block_on(run(text)));
}

/// What happened to one request id, in order.
#[derive(Default)]
struct Ledger {
    dispatched: usize,
    /// Whether the last event for this id was a dispatch (not a cancel after it).
    awaiting: bool,
}

async fn run(text: &str) {
    let (ours, mut theirs) = tokio::io::duplex(1 << 16);
    let dispatcher = Dispatcher::new(Arc::new(handlers()), Writer::spawn(Box::new(ours)));
    let mut ledger: HashMap<String, Ledger> = HashMap::new();
    for line in text.split('\n').take(MAX_LINES) {
        match parse_incoming(line) {
            Ok(Incoming::ControlRequest {
                request_id,
                request,
            }) => {
                let entry = ledger.entry(request_id.clone()).or_default();
                entry.dispatched += 1;
                entry.awaiting = true;
                dispatcher.dispatch(request_id, request);
            }
            Ok(Incoming::ControlCancel { request_id }) => {
                if let Some(entry) = ledger.get_mut(&request_id) {
                    entry.awaiting = false;
                }
                dispatcher.cancel(&request_id);
            }
            _ => {}
        }
    }
    // The writer closes once the dispatcher and every handler task are done with it.
    drop(dispatcher);
    let mut out = String::new();
    let read = tokio::time::timeout(ANSWER_DEADLINE, theirs.read_to_string(&mut out)).await;
    let pending: Vec<_> = ledger
        .iter()
        .filter(|(_, l)| l.awaiting)
        .map(|(id, _)| id)
        .collect();
    assert!(
        read.is_ok(),
        "no end of answers after {ANSWER_DEADLINE:?}; awaiting {pending:?}; got {out:?}"
    );

    let mut answers: HashMap<String, usize> = HashMap::new();
    for line in out.lines() {
        let id = check_answer(line);
        let Some(entry) = ledger.get(&id) else {
            panic!("an answer to `{id}`, which was never asked: {line}");
        };
        let count = answers.entry(id).or_default();
        *count += 1;
        assert!(
            *count <= entry.dispatched,
            "more answers than requests: {line}"
        );
    }
    for (id, entry) in &ledger {
        if entry.awaiting {
            assert!(
                answers.contains_key(id),
                "request `{id}` was never answered; got {out:?}"
            );
        }
    }
}

/// Checks one answer line and returns its request id.
fn check_answer(line: &str) -> String {
    let answer: Value = serde_json::from_str(line)
        .unwrap_or_else(|err| panic!("an answer that is not JSON ({err}): {line:?}"));
    assert_eq!(answer["type"], "control_response", "{line}");
    let response = &answer["response"];
    match response["subtype"].as_str() {
        Some("success") => assert!(response.get("response").is_some(), "{line}"),
        Some("error") => assert!(response["error"].is_string(), "{line}"),
        _ => panic!("an answer that is neither success nor error: {line}"),
    }
    let Some(id) = response["request_id"].as_str() else {
        panic!("an answer without a string request_id: {line}");
    };
    id.to_owned()
}

/// One handler of every kind, each answering at once from what it was given.
fn handlers() -> Handlers {
    let hooks: [(&str, Arc<dyn HookCallback>); 8] = [
        (
            "hook_0",
            Arc::new(hook_fn(|input: PreToolUse<BashInput>| async move {
                if input.tool_input.command.contains("rm") {
                    HookOutput::deny("no rm")
                } else {
                    HookOutput::allow()
                        .with_updated_input(json!({"command": input.tool_input.command}))
                }
            })),
        ),
        (
            "hook_1",
            Arc::new(hook_fn(|input: PostToolUse<Value, Value>| async move {
                HookOutput::proceed().with_additional_context(input.tool_response.to_string())
            })),
        ),
        (
            "hook_2",
            Arc::new(hook_fn_for::<event::Stop, _, _, _>(
                |input: HookInput| async move {
                    let _ = (
                        input.event(),
                        input.base(),
                        input.tool_name(),
                        input.to_value(),
                    );
                    HookOutput::proceed()
                },
            )),
        ),
        (
            "hook_3",
            Arc::new(hook_fn(
                |input: hooks::PermissionRequestInput<Value>| async move {
                    let _ = input.builtin_input();
                    match input.typed::<BashInput>() {
                        Ok(bash) if bash.tool_input.command.is_empty() => HookOutput::ask("empty"),
                        Ok(_) => HookOutput::permission(PermissionResult::allow()),
                        Err(err) => HookOutput::permission(PermissionResult::deny(err.to_string())),
                    }
                },
            )),
        ),
        (
            "hook_4",
            Arc::new(hook_fn(|input: UserPromptSubmit| async move {
                if input.prompt.len().is_multiple_of(2) {
                    Ok(HookOutput::block("even"))
                } else {
                    Err(format!("odd prompt of {} bytes", input.prompt.len()))
                }
            })),
        ),
        (
            "hook_5",
            Arc::new(|input: Value, cx: HookContext| async move {
                let _ = cx.tool_use_id;
                Ok::<_, String>(input)
            }),
        ),
        (
            "hook_6",
            Arc::new(
                hook_fn_for::<event::PreToolUse, _, _, _>(|input: PreToolUse| async move {
                    Err::<HookOutput, _>(format!("refused {}", input.tool_name))
                })
                .on_failure(FailurePolicy::Error),
            ),
        ),
        (
            "hook_7",
            Arc::new(
                hook_fn_for::<event::SessionStart, _, _, _>(|input: Value| async move {
                    HookOutput::proceed().with_system_message(input.to_string())
                })
                .on_failure(FailurePolicy::Deny),
            ),
        ),
    ];
    let calc = ToolServer::new("calc")
        .dynamic_tool(
            DynamicTool::new(
                "add",
                "Add two numbers.",
                json!({"type": "object", "properties": {"a": {"type": "number"}, "b": {"type": "number"}}}),
                |args: Value, _| async move {
                    let a = args["a"].as_f64().unwrap_or_default();
                    let b = args["b"].as_f64().unwrap_or_default();
                    (a + b).to_string()
                },
            )
            .expect("a valid tool"),
        )
        .expect("one tool");
    let mcp: HashMap<String, Arc<dyn SdkMcpServer>> = HashMap::from([(
        "calc".to_owned(),
        Arc::new(SdkBridge::from_tools(calc)) as _,
    )]);
    Handlers {
        can_use_tool: Some(Arc::new(
            |request: PermissionRequest, _: PermissionContext| async move {
                match request.tool_input() {
                    BuiltinToolInput::Bash(bash) if bash.command.contains("rm") => {
                        PermissionResult::deny_and_interrupt("no rm")
                    }
                    BuiltinToolInput::Other { .. } => PermissionResult::deny("unknown tool"),
                    _ if !request.suggestions.is_empty() => {
                        PermissionResult::allow().with_updated_permissions(request.suggestions)
                    }
                    _ => PermissionResult::allow_with_input(request.input),
                }
            },
        )),
        hooks: hooks
            .into_iter()
            .map(|(id, hook)| (id.to_owned(), hook))
            .collect(),
        mcp_servers: RwLock::new(mcp),
        elicitation: Some(Arc::new(
            |request: ElicitationRequest, _: PermissionContext| async move {
                ElicitationResponse::accept(json!({"length": request.message.len()}))
            },
        )),
        user_dialog: Some(Arc::new(
            |request: UserDialogRequest, _: PermissionContext| async move {
                UserDialogResponse::Completed(Value::Object(request.payload))
            },
        )),
    }
}
