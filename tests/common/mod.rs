//! Shared set-up for the end-to-end tests: the real CLI (pinned version, installed by
//! `scripts/install-cli.sh`) against the scripted model of `claude_agent::testing`.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use claude_agent::testing::{Match, ModelServer, Reply, ScriptedModel, TestEnv};
use claude_agent::{Error, Message, OptionsBuilder};
use serde_json::json;

/// A started scripted model, its isolated environment, and options pointing the real CLI at it.
pub struct Offline {
    pub server: ModelServer,
    pub env: TestEnv,
}

impl Offline {
    /// Starts `model`. Panics (the test fails loudly) when the CLI is not installed.
    pub async fn start(model: ScriptedModel) -> Offline {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
            .with_test_writer()
            .try_init();
        let server = model.start().await.expect("the scripted model starts");
        let env = TestEnv::new(&server).expect("a scratch environment");
        Offline { server, env }
    }

    /// Options for the real CLI in this environment.
    pub fn options(&self) -> OptionsBuilder {
        self.env
            .options()
            .expect("the Claude Code CLI is installed (run scripts/install-cli.sh)")
    }
}

/// Awaits `future` for at most 60 s (a hung CLI fails the test instead of hanging CI).
pub async fn within<T>(future: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(60), future)
        .await
        .expect("finished within 60 s")
}

/// The `result` messages among `messages`.
pub fn results(messages: &[Result<Message, Error>]) -> Vec<&claude_agent::protocol::ResultMessage> {
    messages
        .iter()
        .filter_map(|m| match m {
            Ok(Message::Result(r)) => Some(r),
            _ => None,
        })
        .collect()
}

/// Pids of live processes whose working directory is `cwd` (the CLI and anything it started).
pub fn processes_in(cwd: &Path) -> Vec<u32> {
    let Ok(cwd) = cwd.canonicalize() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if std::fs::read_link(entry.path().join("cwd")).is_ok_and(|p| p == cwd) {
            out.push(pid);
        }
    }
    out
}

/// Whether `pid` is a zombie (exited, not yet reaped) or still running.
pub fn exists(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

/// Waits up to 10 s for every process in `cwd` to be gone.
pub async fn no_processes_left(cwd: &Path) -> Result<(), Vec<u32>> {
    for _ in 0..200 {
        let left = processes_in(cwd);
        if left.is_empty() {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err(processes_in(cwd))
}

/// The `examples/mcp_stdio_server` binary, next to this test's executable
/// (`<target>/debug/deps/e2e_tools-<hash>` → `<target>/debug/examples/mcp_stdio_server`).
///
/// `cargo test` builds the examples, but `cargo test --test e2e_tools` does not, and a binary
/// left from an earlier build may be stale: so it is (re)built here, a no-op when up to date.
pub fn stdio_example() -> PathBuf {
    let test_exe = std::env::current_exe().unwrap();
    let profile_dir = test_exe.parent().and_then(|deps| deps.parent()).unwrap();
    let mut build = std::process::Command::new(env!("CARGO"));
    build.args(["build", "--quiet", "--example", "mcp_stdio_server"]);
    if profile_dir.ends_with("release") {
        build.arg("--release");
    }
    let status = build
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .unwrap();
    assert!(status.success(), "building examples/mcp_stdio_server");
    let example = profile_dir.join("examples").join("mcp_stdio_server");
    assert!(example.is_file(), "{} is missing", example.display());
    example
}

/// The version of the CLI under test, from `claude --version` (`2.1.330 (Claude Code)` →
/// `2.1.330`).
#[allow(dead_code)] // not every test binary asks
pub fn installed_version() -> String {
    let cli = claude_agent::testing::cli_path().expect("the CLI under test");
    let out = std::process::Command::new(cli)
        .arg("--version")
        .output()
        .expect("claude --version runs");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .expect("a version")
        .to_owned()
}

/// A model that runs `command` with Bash on a fresh prompt, then answers `done`.
pub fn bash_then_text(command: &str) -> ScriptedModel {
    ScriptedModel::new()
        .on(
            Match::any().no_tool_result(),
            Reply::tool_use(
                "Bash",
                json!({"command": command, "description": "Run a command"}),
            ),
        )
        .fallback(Reply::text("done"))
}
