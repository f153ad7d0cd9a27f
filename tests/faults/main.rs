//! Faults the real CLI will not produce on demand, driven through the fake CLI in
//! `tests/bin/fake_claude.rs`: garbage and huge lines, crashes, exits before `initialize`,
//! hangs, unknown control requests, too-old versions, a killed SDK process, and load.
//!
//! Every test that starts a CLI ends with [`Procs::assert_none_left`]: the fake CLI appends its
//! pid (and its children's) to a file, and the check waits for all of them and every member of
//! the CLI's process group (the watchdog included) to be gone.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod lifecycle;
mod load;
mod parent_killed;
mod stream;

use std::path::PathBuf;
use std::time::Duration;

use claude_agent::{Error, Message, Options, OptionsBuilder, query};
use futures::StreamExt;

pub const FAKE: &str = env!("CARGO_BIN_EXE_fake-claude");

/// Records the processes the fake CLI starts and checks that none is left.
#[derive(Default)]
pub struct Procs {
    dir: Scratch,
}

/// A temporary directory (a newtype, so that [`Procs`] can derive `Default`).
pub struct Scratch(tempfile::TempDir);

impl Default for Scratch {
    fn default() -> Self {
        Scratch(tempfile::tempdir().unwrap())
    }
}

impl Procs {
    pub fn new() -> Procs {
        Procs::default()
    }

    pub fn pid_file(&self) -> PathBuf {
        self.dir.0.path().join("pids")
    }

    /// Options for the fake CLI in `mode`, recording its pids here. The version probe is off,
    /// so the first pid recorded is the session's CLI.
    pub fn fake(&self, mode: &str) -> OptionsBuilder {
        Options::builder()
            .cli_path(FAKE)
            .skip_version_check(true)
            .env("FAKE_CLAUDE_MODE", mode)
            .env("FAKE_CLAUDE_PID_FILE", self.pid_file().to_str().unwrap())
            .shutdown_timeout(Duration::from_millis(500))
            .control_timeout(Duration::from_secs(10))
    }

    /// Every pid recorded so far (the CLI's first).
    pub fn pids(&self) -> Vec<u32> {
        std::fs::read_to_string(self.pid_file())
            .unwrap_or_default()
            .split_whitespace()
            .map(|p| p.parse().unwrap())
            .collect()
    }

    /// The recorded processes and their groups' members still running.
    pub fn left(&self) -> Vec<u32> {
        let pids = self.pids();
        let mut left: Vec<u32> = pids.iter().copied().filter(|&p| running(p)).collect();
        for pid in pids {
            for member in group_members(pid) {
                if !left.contains(&member) {
                    left.push(member);
                }
            }
        }
        left
    }

    /// Waits up to `limit` for every recorded process (at least one must have been recorded)
    /// and every member of their process groups to be gone; returns how long that took.
    pub async fn gone_within(&self, limit: Duration) -> Result<Duration, Vec<u32>> {
        assert!(
            !self.pids().is_empty(),
            "no CLI recorded its pid: the check would be vacuous"
        );
        let started = std::time::Instant::now();
        loop {
            let left = self.left();
            if left.is_empty() {
                return Ok(started.elapsed());
            }
            if started.elapsed() > limit {
                return Err(left);
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// Fails the test if any recorded process (or member of its group) is still running 3 s
    /// after the test's last step.
    pub async fn assert_none_left(&self) {
        if let Err(left) = self.gone_within(Duration::from_secs(3)).await {
            panic!(
                "processes left behind: {left:?} (recorded {:?})",
                self.pids()
            );
        }
    }
}

/// `/proc/<pid>/stat` split after the command name: state is field 0, ppid 1, pgrp 2.
fn stat(pid: u32) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = text.rsplit_once(") ")?.1;
    Some(rest.split_whitespace().map(str::to_owned).collect())
}

/// Whether `pid` still runs. A zombie whose parent is this test has not been reaped (a leak);
/// a zombie reparented elsewhere is dead, whether or not its new parent reaps it.
pub fn running(pid: u32) -> bool {
    match stat(pid) {
        None => false,
        Some(fields) if fields[0] == "Z" => fields[1] == std::process::id().to_string(),
        Some(_) => true,
    }
}

/// The running processes in process group `group`.
pub fn group_members(group: u32) -> Vec<u32> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if let Some(fields) = stat(pid)
            && fields[2] == group.to_string()
            && running(pid)
        {
            out.push(pid);
        }
    }
    out
}

/// The open file descriptors of this process.
pub fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd").unwrap().count()
}

pub async fn collect(options: Options) -> Vec<Result<Message, Error>> {
    tokio::time::timeout(
        Duration::from_secs(30),
        query("go", options).collect::<Vec<_>>(),
    )
    .await
    .expect("the query finished in time")
}

pub fn result_text(items: &[Result<Message, Error>]) -> String {
    items
        .iter()
        .find_map(|m| match m {
            Ok(Message::Result(r)) => r.result.clone(),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no result in {items:?}"))
}

/// Runs the test `name` of this binary alone in a child process with `env` set, its stdout
/// piped (the child marks its steps with lines on stdout).
pub fn isolated(name: &str, env: &[(&str, &str)]) -> tokio::process::Child {
    let mut command = tokio::process::Command::new(std::env::current_exe().unwrap());
    command
        .args([name, "--exact", "--nocapture", "--include-ignored"])
        .env("FAULTS_CHILD", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true);
    for (key, value) in env {
        command.env(key, value);
    }
    command.spawn().unwrap()
}

/// Whether this process is an [`isolated`] child (the helper tests do nothing otherwise).
pub fn in_child() -> bool {
    std::env::var_os("FAULTS_CHILD").is_some()
}

/// Runs the test `name` alone in a child process (process-wide measurements such as open file
/// descriptors and RSS must not see other tests) and fails with its output if it fails.
pub async fn run_isolated(name: &str) {
    let child = isolated(name, &[]);
    let output = tokio::time::timeout(Duration::from_secs(120), child.wait_with_output())
        .await
        .expect("the isolated test finished")
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{name} failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("1 passed"), "{name} did not run:\n{stdout}");
    for line in stdout.lines().filter(|l| l.starts_with("MEASURED ")) {
        eprintln!("{line}");
    }
}
