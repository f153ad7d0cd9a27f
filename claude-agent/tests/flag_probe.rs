//! Flag probe: runs the real Claude Code CLI with the exact argv of every option that maps to a
//! CLI flag (and every flag `extra_arg` lets through), and checks the CLI accepts them.
//!
//! Each probe starts the CLI in an isolated home with stdin closed at once, so the CLI parses its
//! arguments, starts, sees end of input and exits; nothing listens at the API address. An option
//! probe passes when the CLI exits 0 with an empty stderr; an `extra_arg` probe passes when the
//! CLI's argument parser does not refuse the flag. Negative controls (an unknown flag, an invalid
//! choice, a value the CLI warns about) must be reported as rejected, so the detector itself is
//! tested.
//!
//! The CLI is taken from `CLAUDE_AGENT_TEST_CLI`, else `CLAUDE_AGENT_CLI_PATH`, else the nearest
//! `node_modules/.bin/claude` above the current directory. Without one the test fails.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use claude_agent::Options;
use claude_agent::mcp::McpServerConfig;
use claude_agent::options::{
    ALLOWED_EXTRA_FLAGS, AgentDefinition, Effort, OptionsBuilder, PermissionMode,
    PermissionPrompts, SandboxSettings, SettingSource, Skills, ThinkingConfig, ThinkingDisplay,
    Tools,
};
use claude_agent::permissions::{PermissionContext, PermissionRequest, PermissionResult};

const SESSION: &str = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
const USER_MSG: &str = "11111111-2222-4333-8444-555555555555";
const ASSISTANT_MSG: &str = "11111111-2222-4333-8444-666666666666";
const NEW_SESSION: &str = "22222222-3333-4444-8555-666666666666";
const PARALLEL: usize = 4;
const PROBE_TIMEOUT: Duration = Duration::from_secs(45);

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// An option's mapping: exit 0 and a silent stderr.
    Option,
    /// A flag passed with `extra_arg`: the argument parser must not refuse it.
    ExtraArg,
    /// A negative control: must be detected as rejected.
    MustReject,
}

struct Probe {
    name: String,
    args: Vec<String>,
    kind: Kind,
    /// Run with `IS_SANDBOX=1` (root may then bypass permissions).
    sandbox_env: bool,
    /// A stderr text that shows the CLI understood the option and is not a rejection (e.g. the
    /// sandbox's notice that this machine lacks bubblewrap).
    tolerated: Option<&'static str>,
}

struct Outcome {
    name: String,
    kind: Kind,
    args: Vec<String>,
    rejected: Option<String>,
}

/// The workspace the probes share: a project directory with a seeded session, plus files.
struct Scratch {
    _dir: tempfile::TempDir,
    root: PathBuf,
    project: PathBuf,
}

impl Scratch {
    fn new() -> Self {
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

    fn path(&self, name: &str) -> String {
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

fn find_cli() -> PathBuf {
    for var in ["CLAUDE_AGENT_TEST_CLI", "CLAUDE_AGENT_CLI_PATH"] {
        if let Some(path) = std::env::var_os(var).filter(|v| !v.is_empty()) {
            let path = PathBuf::from(path);
            assert!(path.is_file(), "{var}={} is not a file", path.display());
            return path;
        }
    }
    let mut dir = std::env::current_dir().unwrap();
    loop {
        let candidate = dir.join("node_modules").join(".bin").join("claude");
        if candidate.is_file() {
            return candidate;
        }
        if !dir.pop() {
            break;
        }
    }
    panic!(
        "the flag probe needs the real Claude Code CLI and found none. Install it next to the \
         workspace with `npm install --prefix <workspace dir> @anthropic-ai/claude-code` (the \
         test then finds node_modules/.bin/claude), or point CLAUDE_AGENT_TEST_CLI at a `claude` \
         executable"
    );
}

async fn allow_all(_req: PermissionRequest, _cx: PermissionContext) -> PermissionResult {
    PermissionResult::allow()
}

/// The option probes: (name, options, run with `IS_SANDBOX=1`). Options that can be combined
/// share a run (the CLI names the flag it refuses); the values of each enum are spread over the
/// "variants" runs, one value per run.
#[allow(deprecated)] // `max_thinking_tokens` is still mapped, so it is probed.
fn option_probes(s: &Scratch) -> Vec<(String, OptionsBuilder, bool)> {
    let b = Options::builder;
    let mut probes: Vec<(String, OptionsBuilder, bool)> = Vec::new();
    probes.push(("defaults".into(), b(), false));

    let sources = [
        vec![SettingSource::User],
        vec![SettingSource::Project],
        vec![SettingSource::Local],
        vec![
            SettingSource::User,
            SettingSource::Project,
            SettingSource::Local,
        ],
    ];
    let tools = [Tools::list(["Bash", "Read"]), Tools::none(), Tools::Preset];
    let prompts = [PermissionPrompts::Host, PermissionPrompts::Nobody];
    for (i, mode) in PermissionMode::ALL.iter().enumerate() {
        let effort = &Effort::ALL[i % Effort::ALL.len()];
        let display = &ThinkingDisplay::ALL[i % ThinkingDisplay::ALL.len()];
        let mut builder = b()
            .permission_mode(mode.clone())
            .effort(effort.clone())
            .thinking_display(display.clone())
            .tools(tools[i % tools.len()].clone())
            .permission_prompts(prompts[i % prompts.len()].clone());
        let mut name = format!(
            "variants #{i}: permission_mode {mode}, effort {effort}, thinking_display {display}, tools, permission_prompts"
        );
        builder = match i {
            0 => builder.thinking(ThinkingConfig::Adaptive),
            1 => builder.thinking(ThinkingConfig::Enabled {
                budget_tokens: 4096,
            }),
            2 => builder.thinking(ThinkingConfig::Disabled),
            3 => builder.max_thinking_tokens(0),
            4 => builder.max_thinking_tokens(2048),
            _ => builder,
        };
        if let Some(list) = sources.get(i) {
            builder = builder.setting_sources(list.clone());
            name.push_str(", setting_sources");
        } else {
            // Skills choose the setting sources themselves.
            let skills = if i % 2 == 0 {
                Skills::All
            } else {
                Skills::list(["pdf"])
            };
            builder = builder.skills(skills);
            name.push_str(", skills");
        }
        probes.push((name, builder, *mode == PermissionMode::BypassPermissions));
    }

    probes.push((
        "tools, model, limits, agents: allowed_tools, disallowed_tools, model, fallback_model, \
         max_turns, max_budget_usd, task_budget, betas, agent"
            .into(),
        b().allowed_tools(["Read", "Bash(git status)"])
            .disallowed_tools(["WebFetch", "Write"])
            .model("sonnet")
            .fallback_model("haiku")
            .max_turns(3)
            .max_budget_usd(0.5)
            .task_budget(20_000)
            .betas(["context-1m-2025-08-07"])
            .agent_definition("reviewer", AgentDefinition::new("Reviews", "You review."))
            .agent("reviewer"),
        false,
    ));
    probes.push((
        "permissions and MCP: allow_dangerously_skip_permissions, can_use_tool, mcp_server, \
         strict_mcp_config"
            .into(),
        b().allow_dangerously_skip_permissions(true)
            .can_use_tool(allow_all)
            .mcp_server(
                "probe",
                McpServerConfig::stdio("true", Vec::<String>::new()),
            )
            .strict_mcp_config(true),
        true,
    ));
    probes.push((
        "permission_prompt_tool_name".into(),
        b().permission_prompt_tool_name("mcp__auth__approve"),
        false,
    ));
    probes.push((
        "output and directories: include_partial_messages, include_hook_events, \
         persist_session, add_dir, plugin_dir, project_config_root, debug_file, settings (JSON)"
            .into(),
        b().include_partial_messages(true)
            .include_hook_events(true)
            .persist_session(false)
            .add_dir(s.path("extra-dir"))
            .plugin_dir(s.path("plugin"))
            .project_config_root(s.path("config-root"))
            .debug_file(s.path("debug.log"))
            .settings(r#"{"env":{"PROBE":"1"}}"#),
        false,
    ));
    probes.push((
        "debug, settings (file)".into(),
        b().debug(true).settings(s.path("settings.json")),
        false,
    ));
    probes.push(("debug_filter".into(), b().debug_filter("api,hooks"), false));
    probes.push(("resume".into(), b().resume(SESSION), false));
    probes.push((
        "resume, fork_session, session_id, resume_session_at, resume_drops_turn".into(),
        b().resume(SESSION)
            .fork_session(true)
            .session_id(NEW_SESSION)
            .resume_session_at(ASSISTANT_MSG)
            .resume_drops_turn(ASSISTANT_MSG),
        false,
    ));
    probes.push(("session_id".into(), b().session_id(NEW_SESSION), false));
    probes.push((
        "continue_conversation, fork_session".into(),
        b().continue_conversation(true).fork_session(true),
        false,
    ));
    probes.push((
        "sandbox".into(),
        b().sandbox(SandboxSettings::enabled()),
        false,
    ));
    probes.push((
        "sandbox, settings (file)".into(),
        b().settings(s.path("settings.json"))
            .sandbox(SandboxSettings::enabled()),
        false,
    ));
    probes
}

/// A plausible value for each `extra_arg` flag that takes one (`None`: a bare flag).
fn extra_value(flag: &str, s: &Scratch) -> Option<String> {
    let v = match flag {
        "--add-dir" | "--plugin-dir" | "--plugin-dir-no-mcp" => s.path("extra-dir"),
        "--project-config-root" => s.path("config-root"),
        "--agent" => "reviewer".into(),
        "--agents" => r#"{"reviewer":{"description":"d","prompt":"p"}}"#.into(),
        "--allowed-tools" | "--tools" => "Read".into(),
        "--disallowed-tools" => "WebFetch".into(),
        "--append-system-prompt" | "--system-prompt" | "--name" => "probe".into(),
        "--append-system-prompt-file" | "--system-prompt-file" => s.path("prompt.txt"),
        "--autocompact" => "auto".into(),
        "--betas" => "context-1m-2025-08-07".into(),
        "--channels" => "server:probe".into(),
        "--debug-file" => s.path("extra-debug.log"),
        "--effort" => "low".into(),
        "--fallback-model" => "haiku".into(),
        "--model" => "sonnet".into(),
        "--file" => "file_abc:doc.txt".into(),
        "--from-pr" => "1".into(),
        "--json-schema" => r#"{"type":"object"}"#.into(),
        "--managed-settings" | "--settings" => "{}".into(),
        "--max-budget-usd" => "1".into(),
        "--max-thinking-tokens" | "--task-budget" => "1000".into(),
        "--max-turns" => "2".into(),
        "--mcp-config" => r#"{"mcpServers":{}}"#.into(),
        "--permission-mode" => "plan".into(),
        "--permission-prompt-tool" => "stdio".into(),
        "--permission-prompts" => "host".into(),
        "--plugin-url" => "http://127.0.0.1:9/plugin.zip".into(),
        "--prompt-suggestions" => "true".into(),
        "--resume" => SESSION.into(),
        "--resume-session-at" | "--resume-drops-turn" => ASSISTANT_MSG.into(),
        "--session-id" => NEW_SESSION.into(),
        "--setting-sources" => "user".into(),
        "--system-prompt-snapshot" => "off".into(),
        "--thinking" => "adaptive".into(),
        "--thinking-display" => "omitted".into(),
        _ => return None,
    };
    Some(v)
}

fn build_probes(s: &Scratch) -> Vec<Probe> {
    let mut probes = Vec::new();
    for (name, builder, sandbox_env) in option_probes(s) {
        let args = builder
            .build()
            .cli_args()
            .unwrap_or_else(|e| panic!("probe `{name}`: {e}"));
        let tolerated = name
            .starts_with("sandbox")
            .then_some("sandbox is enabled but dependencies are missing");
        probes.push(Probe {
            name,
            args,
            kind: Kind::Option,
            sandbox_env,
            tolerated,
        });
    }
    // Every extra_arg flag the option probes did not already exercise, in one run: the CLI's
    // argument parser checks every flag before anything else happens, and names the flag it
    // refuses.
    let seen: BTreeSet<String> = probes
        .iter()
        .flat_map(|p| p.args.iter())
        .filter(|a| a.starts_with("--"))
        .map(|a| a.split('=').next().unwrap_or(a).to_owned())
        .collect();
    let mut builder = Options::builder();
    let mut names = Vec::new();
    for flag in ALLOWED_EXTRA_FLAGS.iter().filter(|f| !seen.contains(**f)) {
        builder = builder.extra_arg(*flag, extra_value(flag, s).as_deref());
        names.push(*flag);
    }
    let args = builder
        .build()
        .cli_args()
        .unwrap_or_else(|e| panic!("extra_arg: {e}"));
    probes.push(Probe {
        name: format!("extra_arg ({} flags)", names.len()),
        args,
        kind: Kind::ExtraArg,
        sandbox_env: true,
        tolerated: None,
    });
    // Negative controls: the detector must catch these.
    let mut unknown = Options::default().cli_args().unwrap();
    unknown.push("--no-such-flag".into());
    let mut comma_betas = Options::default().cli_args().unwrap();
    comma_betas.extend(["--betas".into(), "context-1m-2025-08-07,other".into()]);
    let controls = [
        ("control: unknown flag", unknown),
        (
            "control: invalid permission mode",
            Options::builder()
                .permission_mode(PermissionMode::Other("bogus".into()))
                .build()
                .cli_args()
                .unwrap(),
        ),
        (
            "control: unknown effort (a warning)",
            Options::builder()
                .effort(Effort::Other("bogus".into()))
                .build()
                .cli_args()
                .unwrap(),
        ),
        ("control: comma-joined betas", comma_betas),
    ];
    for (name, args) in controls {
        probes.push(Probe {
            name: name.into(),
            args,
            kind: Kind::MustReject,
            sandbox_env: false,
            tolerated: None,
        });
    }
    probes
}

/// What the CLI's argument parser prints when it refuses a flag or a value.
fn parser_complaint(stderr: &str) -> Option<String> {
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

fn run(cli: &Path, s: &Scratch, index: usize, probe: &Probe) -> Option<String> {
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
    let Some(status) = status else {
        return Some(format!(
            "timed out after {PROBE_TIMEOUT:?}; stderr: {stderr}"
        ));
    };
    if let Some(line) = parser_complaint(&stderr) {
        return Some(line);
    }
    match probe.kind {
        Kind::ExtraArg => None,
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

#[test]
fn every_flag_the_sdk_passes_is_accepted_by_the_real_cli() {
    let cli = find_cli();
    let scratch = Arc::new(Scratch::new());
    let probes = build_probes(&scratch);
    let total = probes.len();
    let queue = Arc::new(Mutex::new(
        probes.into_iter().enumerate().collect::<Vec<_>>(),
    ));
    let outcomes = Arc::new(Mutex::new(Vec::new()));
    let started = Instant::now();
    let workers: Vec<_> = (0..PARALLEL)
        .map(|_| {
            let (queue, outcomes, scratch, cli) = (
                Arc::clone(&queue),
                Arc::clone(&outcomes),
                Arc::clone(&scratch),
                cli.clone(),
            );
            thread::spawn(move || {
                loop {
                    let Some((index, probe)) = queue.lock().unwrap().pop() else {
                        return;
                    };
                    let rejected = run(&cli, &scratch, index, &probe);
                    outcomes.lock().unwrap().push(Outcome {
                        name: probe.name,
                        kind: probe.kind,
                        args: probe.args,
                        rejected,
                    });
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().unwrap();
    }
    let mut outcomes = Arc::try_unwrap(outcomes)
        .ok()
        .unwrap()
        .into_inner()
        .unwrap();
    outcomes.sort_by(|a, b| a.name.cmp(&b.name));
    assert_eq!(outcomes.len(), total);

    println!(
        "probed {total} argument vectors against {} in {:?}:",
        cli.display(),
        started.elapsed()
    );
    let mut failures = Vec::new();
    for o in &outcomes {
        let flags: Vec<&str> = o.args[5..].iter().map(String::as_str).collect();
        let verdict = match (&o.rejected, o.kind) {
            (None, Kind::MustReject) => "NOT DETECTED",
            (None, _) => "accepted",
            (Some(_), Kind::MustReject) => "rejected (as it must)",
            (Some(_), _) => "REJECTED",
        };
        println!(
            "  {verdict:<22} {}\n  {:<22} {}",
            o.name,
            "",
            flags.join(" ")
        );
        match (&o.rejected, o.kind) {
            (None, Kind::MustReject) => failures.push(format!(
                "negative control `{}` was not detected as rejected: {flags:?}",
                o.name
            )),
            (Some(why), Kind::Option | Kind::ExtraArg) => {
                failures.push(format!("`{}` {flags:?} rejected by the CLI: {why}", o.name));
            }
            _ => {}
        }
    }
    assert!(
        failures.is_empty(),
        "flag probe failures:\n{}",
        failures.join("\n")
    );
}
