//! The scripted model server against the **real** Claude Code CLI, driven directly over its
//! stream-json stdin/stdout (not through this crate's runtime).
//!
//! Needs the CLI: `npm ci` at the repository root, or `CLAUDE_AGENT_TEST_CLI=/path/to/claude`.
//! Run with `--features testing`.
#![cfg(feature = "testing")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::{ExitStatus, Stdio};
use std::time::Duration;

use claude_agent::testing::{Block, Match, ModelServer, Reply, ScriptedModel, TestEnv, cli_path};
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::process::{Child, ChildStdin, ChildStdout, Command};
use tokio::time::timeout;

/// Bound on every wait for the CLI (a turn normally takes about a second).
const LIMIT: Duration = Duration::from_secs(30);

/// What one CLI run printed.
struct CliRun {
    /// Every stdout line up to and including the first `result`.
    messages: Vec<Value>,
    exit: ExitStatus,
    stderr: String,
}

impl CliRun {
    fn result(&self) -> &Value {
        self.messages
            .iter()
            .find(|m| m["type"] == "result")
            .expect("a result message")
    }

    fn of_type<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
        self.messages.iter().filter(move |m| m["type"] == kind)
    }
}

/// A started CLI with its pipes.
struct Cli {
    child: Child,
    stdin: ChildStdin,
    stdout: tokio::io::Lines<BufReader<ChildStdout>>,
}

impl Cli {
    fn spawn(env: &TestEnv, extra_args: &[&str]) -> Self {
        let cli = cli_path().expect("the Claude Code CLI (see the note at the top of this file)");
        let mut cmd = Command::new(cli);
        cmd.args([
            "--output-format",
            "stream-json",
            "--verbose",
            "--input-format",
            "stream-json",
            "--setting-sources=",
        ])
        .args(extra_args)
        .current_dir(env.cwd())
        .env_clear()
        .envs(std::env::var_os("PATH").map(|p| ("PATH", p)))
        .envs(env.env_vars())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
        let mut child = cmd.spawn().expect("spawn the CLI");
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap()).lines();
        Self {
            child,
            stdin,
            stdout,
        }
    }

    async fn send(&mut self, message: &Value) {
        let line = format!("{message}\n");
        timeout(LIMIT, self.stdin.write_all(line.as_bytes()))
            .await
            .expect("stdin write in time")
            .expect("stdin write");
    }

    async fn prompt(&mut self, text: &str) {
        self.send(&json!({
            "type": "user",
            "session_id": "",
            "message": {"role": "user", "content": text},
            "parent_tool_use_id": null,
        }))
        .await;
    }

    /// Reads stdout lines until one satisfies `stop` (included); panics at EOF.
    async fn read_until(&mut self, out: &mut Vec<Value>, stop: impl Fn(&Value) -> bool) {
        loop {
            let line = timeout(LIMIT, self.stdout.next_line())
                .await
                .expect("CLI output in time")
                .expect("read stdout");
            let Some(line) = line else {
                panic!("CLI stdout closed before the expected message; got {out:#?}");
            };
            let Ok(msg) = serde_json::from_str::<Value>(&line) else {
                continue; // non-JSON noise is allowed on stdout
            };
            let done = stop(&msg);
            out.push(msg);
            if done {
                return;
            }
        }
    }

    /// Closes stdin and waits for the exit.
    async fn finish(mut self, messages: Vec<Value>) -> CliRun {
        drop(self.stdin);
        let exit = timeout(LIMIT, self.child.wait())
            .await
            .expect("CLI exits in time")
            .expect("wait for the CLI");
        let mut stderr = String::new();
        if let Some(mut pipe) = self.child.stderr.take() {
            let _ = timeout(LIMIT, pipe.read_to_string(&mut stderr)).await;
        }
        CliRun {
            messages,
            exit,
            stderr,
        }
    }
}

async fn start(model: ScriptedModel) -> ModelServer {
    timeout(LIMIT, model.start())
        .await
        .expect("server starts in time")
        .expect("server starts")
}

/// Runs one prompt through the CLI and returns everything up to its result.
async fn run(env: &TestEnv, prompt: &str, extra_args: &[&str]) -> CliRun {
    let mut cli = Cli::spawn(env, extra_args);
    cli.prompt(prompt).await;
    let mut messages = Vec::new();
    cli.read_until(&mut messages, |m| m["type"] == "result")
        .await;
    cli.finish(messages).await
}

#[tokio::test]
async fn scripted_text_becomes_the_result() {
    let server = start(ScriptedModel::new().then(Reply::text("Hello from the script."))).await;
    let env = TestEnv::new(&server).unwrap();
    let run = run(&env, "hi", &[]).await;

    let result = run.result();
    assert_eq!(
        result["subtype"], "success",
        "{result:#}\nstderr: {}",
        run.stderr
    );
    assert_eq!(result["is_error"], false);
    assert_eq!(result["result"], "Hello from the script.");
    assert!(
        run.exit.success(),
        "exit {:?}, stderr: {}",
        run.exit,
        run.stderr
    );

    let requests = server.message_requests();
    assert_eq!(requests.len(), 1, "{requests:#?}");
    assert!(requests[0].matched);
    assert_eq!(server.remaining_replies(), 0);
    // The session was written inside the scratch config dir, not the real one.
    assert!(!env.session_files().unwrap().is_empty());
}

#[tokio::test]
async fn recorded_request_shows_system_prompt_tools_and_prompt() {
    let server = start(ScriptedModel::new().on(
        Match::any().system_contains("You are the offline test agent"),
        Reply::text("matched by system prompt"),
    ))
    .await;
    let env = TestEnv::new(&server).unwrap();
    let run = run(
        &env,
        "what is 2 + 2?",
        &["--system-prompt", "You are the offline test agent."],
    )
    .await;
    assert_eq!(
        run.result()["result"],
        "matched by system prompt",
        "stderr: {}",
        run.stderr
    );

    let requests = server.message_requests();
    let req = requests.first().expect("one model request");
    assert!(req.stream);
    assert_eq!(req.query.as_deref(), Some("beta=true"));
    assert!(req.model.as_deref().is_some_and(|m| !m.is_empty()));
    let system = req.system_text();
    assert!(
        system.contains("You are the offline test agent."),
        "{system}"
    );
    assert!(system.contains("x-anthropic-billing-header"), "{system}");
    let tools = req.tools();
    for tool in ["Bash", "Read", "Write", "Edit"] {
        assert!(
            tools.iter().any(|t| t == tool),
            "{tool} missing from {tools:?}"
        );
    }
    assert!(
        !tools.iter().any(|t| t == "ToolSearch"),
        "ENABLE_TOOL_SEARCH=false: {tools:?}"
    );
    assert_eq!(req.last_user_text(), "what is 2 + 2?");
    assert!(req.tool_results().is_empty());
    assert_eq!(req.header("x-api-key"), Some("sk-test-offline"));
}

#[tokio::test]
async fn bash_tool_use_round_trips() {
    let server = start(
        ScriptedModel::new()
            .then(Reply::tool_use(
                "Bash",
                json!({"command": "echo hi", "description": "Say hi"}),
            ))
            .then(Reply::text("done")),
    )
    .await;
    let env = TestEnv::new(&server).unwrap();
    let run = run(&env, "say hi", &[]).await;
    assert_eq!(run.result()["result"], "done", "stderr: {}", run.stderr);

    let tool_use = run
        .of_type("assistant")
        .flat_map(|m| m["message"]["content"].as_array().unwrap().iter())
        .find(|b| b["type"] == "tool_use")
        .expect("the CLI reported the tool_use");
    assert_eq!(tool_use["name"], "Bash");
    assert_eq!(tool_use["id"], "toolu_1");
    assert_eq!(tool_use["input"]["command"], "echo hi");

    let requests = server.message_requests();
    assert_eq!(requests.len(), 2, "{requests:#?}");
    assert!(requests[0].tool_results().is_empty());
    let results = requests[1].tool_results();
    assert_eq!(results.len(), 1, "{results:?}");
    assert_eq!(results[0].tool_use_id, "toolu_1");
    assert_eq!(results[0].tool_name.as_deref(), Some("Bash"));
    assert!(!results[0].is_error);
    assert!(results[0].text.contains("hi"), "{results:?}");
    assert!(
        Match::any()
            .tool_result_for_tool("Bash")
            .matches(&requests[1])
    );
}

#[tokio::test]
async fn http_400_becomes_an_error_result() {
    // The CLI retries a 400 twice with fewer betas, so the error is a repeating rule.
    let server =
        start(ScriptedModel::new().on(Match::any(), Reply::invalid_request("scripted failure")))
            .await;
    let env = TestEnv::new(&server).unwrap();
    let run = run(&env, "hi", &[]).await;

    let result = run.result();
    assert_eq!(result["is_error"], true, "{result:#}");
    let text = result["result"].as_str().unwrap();
    assert!(
        text.contains("400") && text.contains("scripted failure"),
        "{text}"
    );
    assert!(!run.exit.success());
    let api_error = run.of_type("assistant").find(|m| {
        m["message"]["content"][0]["text"]
            .as_str()
            .is_some_and(|t| t.contains("API Error"))
    });
    assert!(
        api_error.is_some(),
        "a synthetic assistant message reports the error"
    );
    let requests = server.message_requests();
    assert!(
        !requests.is_empty() && requests.len() <= 3,
        "{}",
        requests.len()
    );
}

#[tokio::test]
async fn overloaded_is_not_retried() {
    let server = start(ScriptedModel::new().on(Match::any(), Reply::overloaded())).await;
    let env = TestEnv::new(&server).unwrap();
    let began = std::time::Instant::now();
    let run = run(&env, "hi", &[]).await;

    assert_eq!(run.result()["is_error"], true);
    let retries: Vec<_> = run
        .of_type("system")
        .filter(|m| m["subtype"] == "api_retry")
        .collect();
    let version = std::process::Command::new(claude_agent::testing::cli_path().unwrap())
        .arg("--version")
        .output()
        .unwrap();
    if String::from_utf8_lossy(&version.stdout).starts_with("2.1.197") {
        // 2.1.197 retries an overload despite `x-should-retry: false` (observed: twice), then
        // gives up; every retry is a request the server saw.
        assert!(retries.len() <= 3, "{retries:?}");
    } else {
        assert!(retries.is_empty(), "{retries:?}");
    }
    assert_eq!(server.message_requests().len(), retries.len() + 1);
    assert!(
        began.elapsed() < Duration::from_secs(15),
        "{:?}",
        began.elapsed()
    );
}

#[tokio::test]
async fn structured_output_reply_fills_the_result() {
    let schema = json!({
        "type": "object",
        "properties": {"answer": {"type": "integer"}},
        "required": ["answer"],
    });
    let server = start(
        ScriptedModel::new().on(
            Match::any()
                .offers_tool("StructuredOutput")
                .no_tool_result(),
            Reply::structured_output(json!({"answer": 42})),
        ),
    )
    .await;
    let env = TestEnv::new(&server).unwrap();
    let run = run(&env, "answer", &["--json-schema", &schema.to_string()]).await;

    let result = run.result();
    assert_eq!(
        result["subtype"], "success",
        "{result:#}\nstderr: {}",
        run.stderr
    );
    assert_eq!(result["structured_output"], json!({"answer": 42}));
    assert!(server.message_requests()[0].offers_tool("StructuredOutput"));
}

#[tokio::test]
async fn thinking_and_text_blocks_arrive() {
    let server = start(ScriptedModel::new().then(Reply::message([
        Block::thinking("The user greets me."),
        Block::text("Hi there!"),
    ])))
    .await;
    let env = TestEnv::new(&server).unwrap();
    let run = run(&env, "hello", &[]).await;

    assert_eq!(
        run.result()["result"],
        "Hi there!",
        "stderr: {}",
        run.stderr
    );
    let blocks: Vec<&Value> = run
        .of_type("assistant")
        .flat_map(|m| m["message"]["content"].as_array().unwrap().iter())
        .collect();
    assert!(
        blocks
            .iter()
            .any(|b| b["type"] == "thinking" && b["thinking"] == "The user greets me."),
        "{blocks:#?}"
    );
}

#[tokio::test]
async fn hanging_reply_is_interrupted() {
    let server = start(ScriptedModel::new().on(Match::any(), Reply::hang())).await;
    let env = TestEnv::new(&server).unwrap();
    let mut cli = Cli::spawn(&env, &[]);
    cli.prompt("wait forever").await;

    // Once the model request is in flight, interrupt the turn.
    timeout(LIMIT, server.wait_for_message_requests(1))
        .await
        .expect("the CLI asks the model");
    cli.send(&json!({
        "type": "control_request",
        "request_id": "req_interrupt",
        "request": {"subtype": "interrupt"},
    }))
    .await;
    let mut messages = Vec::new();
    cli.read_until(&mut messages, |m| m["type"] == "result")
        .await;
    let run = cli.finish(messages).await;

    let result = run.result();
    assert_eq!(result["subtype"], "error_during_execution", "{result:#}");
    let ack = run
        .of_type("control_response")
        .find(|m| m["response"]["request_id"] == "req_interrupt");
    assert!(ack.is_some(), "the interrupt was acknowledged");
    timeout(LIMIT, server.shutdown())
        .await
        .expect("shutdown in time");
}

#[tokio::test]
async fn subagent_turns_are_answered_by_content() {
    let agents = json!({"reviewer": {
        "description": "Reviews code",
        "prompt": "You are the reviewer subagent.",
        "tools": ["Read"],
    }});
    let server = start(
        ScriptedModel::new()
            .on(
                Match::any().system_contains("You are the reviewer subagent."),
                Reply::text("LGTM from the reviewer"),
            )
            .on(
                Match::any().tool_result_for_tool("Agent"),
                Reply::text("main turn done"),
            )
            .then(Reply::tool_use(
                "Agent",
                json!({
                    "description": "Review",
                    "prompt": "Review the code",
                    "subagent_type": "reviewer",
                    // 2.1.330 runs agents in the background by default and reports them later.
                    "run_in_background": false,
                }),
            )),
    )
    .await;
    let env = TestEnv::new(&server).unwrap();
    let run = run(&env, "get a review", &["--agents", &agents.to_string()]).await;
    assert_eq!(
        run.result()["result"],
        "main turn done",
        "stderr: {}",
        run.stderr
    );

    let requests = server.message_requests();
    assert_eq!(requests.len(), 3, "{requests:#?}");
    assert!(requests.iter().all(|r| r.matched));
    let sub = requests
        .iter()
        .find(|r| r.system_text().contains("You are the reviewer subagent."))
        .expect("the subagent's turn");
    assert_eq!(sub.last_user_text(), "Review the code");
    assert!(
        sub.offers_tool("Read") && !sub.offers_tool("Bash"),
        "{:?}",
        sub.tools()
    );
    let last = requests.last().unwrap().tool_results();
    assert_eq!(last.len(), 1, "{last:?}");
    assert_eq!(last[0].tool_name.as_deref(), Some("Agent"));
    assert!(last[0].text.contains("LGTM from the reviewer"), "{last:?}");
}
