//! Running one probe: the scratch workspace, the isolated CLI process, and the verdict.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use super::versions;

pub const SESSION: &str = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
pub const USER_MSG: &str = "11111111-2222-4333-8444-555555555555";
pub const ASSISTANT_MSG: &str = "11111111-2222-4333-8444-666666666666";
pub const NEW_SESSION: &str = "22222222-3333-4444-8555-666666666666";
const PROBE_TIMEOUT: Duration = Duration::from_secs(45);

/// What a probe expects of the CLI.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// An option's mapping: exit 0 and a silent stderr.
    Option,
    /// A flag passed with `extra_arg`: the argument parser must not refuse it.
    ExtraArg,
    /// A negative control: must be detected as rejected.
    MustReject,
    /// A flag this CLI is too old for (see `versions::NEWER_FLAGS`): must be refused as an
    /// unknown option.
    TooNew(&'static str),
}

/// One CLI run.
pub struct Probe {
    pub name: String,
    pub args: Vec<String>,
    pub kind: Kind,
    /// Run with `IS_SANDBOX=1` (root may then bypass permissions).
    pub sandbox_env: bool,
    /// A stderr text that shows the CLI understood the option and is not a rejection (e.g. the
    /// sandbox's notice that this machine lacks bubblewrap).
    pub tolerated: Option<&'static str>,
}

/// The workspace the probes share: a project directory with a seeded session, plus files.
pub struct Scratch {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
    project: PathBuf,
}

impl Scratch {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let project = root.join("project");
        for sub in ["project", "extra-dir", "plugin", "config-root", "homes"] {
            std::fs::create_dir_all(root.join(sub)).unwrap();
        }
        std::fs::write(root.join("settings.json"), r#"{"env":{"PROBE":"1"}}"#).unwrap();
        std::fs::write(root.join("prompt.txt"), "You are a probe.").unwrap();
        Scratch {
            _dir: dir,
            root,
            project,
        }
    }

    pub fn path(&self, name: &str) -> String {
        self.root.join(name).to_str().unwrap().to_owned()
    }

    /// A fresh home for one probe, holding a session the resume probes can find.
    fn home(&self, index: usize) -> PathBuf {
        let home = self.root.join("homes").join(index.to_string());
        let project_key: String = self
            .project
            .to_str()
            .unwrap()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let sessions = home.join(".claude").join("projects").join(project_key);
        std::fs::create_dir_all(&sessions).unwrap();
        let cwd = self.project.to_str().unwrap();
        let user = serde_json::json!({
            "parentUuid": null, "isSidechain": false, "type": "user", "userType": "external",
            "message": {"role": "user", "content": "hi"}, "uuid": USER_MSG,
            "timestamp": "2026-01-01T00:00:00.000Z", "cwd": cwd, "sessionId": SESSION,
            "version": "2.1.330"
        });
        let assistant = serde_json::json!({
            "parentUuid": USER_MSG, "isSidechain": false, "type": "assistant", "userType": "external",
            "message": {"id": "msg_1", "type": "message", "role": "assistant", "model": "m",
                        "content": [{"type": "text", "text": "hello"}], "stop_reason": "end_turn",
                        "usage": {"input_tokens": 1, "output_tokens": 1}},
            "uuid": ASSISTANT_MSG, "timestamp": "2026-01-01T00:00:01.000Z", "cwd": cwd,
            "sessionId": SESSION, "version": "2.1.330"
        });
        std::fs::write(
            sessions.join(format!("{SESSION}.jsonl")),
            format!("{user}\n{assistant}\n"),
        )
        .unwrap();
        home
    }
}

/// What the CLI's argument parser prints when it refuses a flag or a value.
pub fn parser_complaint(stderr: &str) -> Option<String> {
    const MARKERS: &[&str] = &[
        "unknown option",
        "error: option",
        "is invalid",
        "allowed choices",
        "missing required argument",
        "too many arguments",
        "does not take an argument",
        "unknown --",
    ];
    stderr
        .lines()
        .find(|line| {
            let lower = line.to_lowercase();
            MARKERS.iter().any(|m| lower.contains(m))
        })
        .map(str::to_owned)
}

/// Runs a probe; `Some(why)` when the CLI rejected its arguments (for [`Kind::TooNew`]: when
/// it refused the flag as unknown).
pub fn run(cli: &Path, s: &Scratch, index: usize, probe: &Probe) -> Option<String> {
    let home = s.home(index);
    let out_path = home.join("stdout.txt");
    let err_path = home.join("stderr.txt");
    let tmp = home.join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let mut cmd = Command::new(cli);
    cmd.args(&probe.args)
        .current_dir(&s.project)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", &home)
        .env("CLAUDE_CONFIG_DIR", home.join(".claude"))
        .env("TMPDIR", &tmp)
        .env("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1")
        .env("DISABLE_TELEMETRY", "1")
        .env("ANTHROPIC_API_KEY", "sk-test")
        .env("ANTHROPIC_BASE_URL", "http://127.0.0.1:9")
        .env("CLAUDE_CODE_ENTRYPOINT", "sdk-rust")
        .stdin(Stdio::null())
        .stdout(File::create(&out_path).unwrap())
        .stderr(File::create(&err_path).unwrap());
    if probe.sandbox_env {
        cmd.env("IS_SANDBOX", "1");
    }
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", cli.display()));
    let deadline = Instant::now() + PROBE_TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        thread::sleep(Duration::from_millis(20));
    };
    let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
    if let Kind::TooNew(flag) = probe.kind {
        return versions::refused_as_unknown(&stderr, flag);
    }
    let Some(status) = status else {
        return Some(format!(
            "timed out after {PROBE_TIMEOUT:?}; stderr: {stderr}"
        ));
    };
    if let Some(line) = parser_complaint(&stderr) {
        return Some(line);
    }
    match probe.kind {
        Kind::ExtraArg | Kind::TooNew(_) => None,
        Kind::Option | Kind::MustReject => {
            let quiet = stderr.trim().is_empty()
                || probe.tolerated.is_some_and(|text| stderr.contains(text));
            if status.success() && quiet {
                None
            } else {
                let stdout = std::fs::read_to_string(&out_path).unwrap_or_default();
                Some(format!(
                    "exit {status}; stderr: {} stdout: {}",
                    stderr.trim(),
                    stdout.trim()
                ))
            }
        }
    }
}
