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
//! Not every supported CLI knows every flag: `flag_probe/versions.rs` holds the table of flags
//! that need a newer CLI than some supported version. On a CLI older than a flag, the flag (and
//! its value) is left out of every probe, so the rest of its group is still probed, and a
//! probe of its own must see the CLI refuse it as an unknown option (so the table stays true).
//!
//! The CLI is taken from `CLAUDE_AGENT_TEST_CLI`, else `CLAUDE_AGENT_CLI_PATH`, else the nearest
//! `node_modules/.bin/claude` above the current directory. Without one the test fails.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod runner;
mod versions;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Instant;

use claude_agent::Options;
use claude_agent::mcp::McpServerConfig;
use claude_agent::options::{
    ALLOWED_EXTRA_FLAGS, AgentDefinition, Effort, OptionsBuilder, PermissionMode,
    PermissionPrompts, SandboxSettings, SettingSource, Skills, ThinkingConfig, ThinkingDisplay,
    Tools,
};
use claude_agent::permissions::{PermissionContext, PermissionRequest, PermissionResult};

use claude_agent::transport::CliVersion;
use runner::{ASSISTANT_MSG, Kind, NEW_SESSION, Probe, SESSION, Scratch};

const PARALLEL: usize = 4;

struct Outcome {
    name: String,
    kind: Kind,
    args: Vec<String>,
    rejected: Option<String>,
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
fn option_probes(s: &Scratch, version: CliVersion) -> Vec<(String, OptionsBuilder, bool)> {
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
    // `--thinking-display highlights` is a value newer than 2.1.197 (which refuses it).
    let displays: Vec<&ThinkingDisplay> = ThinkingDisplay::ALL
        .iter()
        .filter(|d| version > CliVersion::new(2, 1, 197) || **d != ThinkingDisplay::Highlights)
        .collect();
    for (i, mode) in PermissionMode::ALL.iter().enumerate() {
        let effort = &Effort::ALL[i % Effort::ALL.len()];
        let display = displays[i % displays.len()];
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

fn build_probes(s: &Scratch, version: CliVersion) -> Vec<Probe> {
    let mut probes = Vec::new();
    for (name, builder, sandbox_env) in option_probes(s, version) {
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
    fit_to_version(&mut probes, version, s);
    probes
}

/// Leaves the flags this CLI is too old for (`versions::NEWER_FLAGS`) out of every probe, and
/// adds one probe per such flag that the CLI must refuse as unknown.
fn fit_to_version(probes: &mut Vec<Probe>, version: CliVersion, s: &Scratch) {
    // Every row must be exercised, or the table claims something no probe checks.
    for row in versions::NEWER_FLAGS {
        let (_, removed) = versions::strip(
            &probes
                .iter()
                .flat_map(|p| p.args.clone())
                .collect::<Vec<_>>(),
            &[row.flag],
        );
        assert!(
            !removed.is_empty(),
            "no probe passes {} ({}), yet NEWER_FLAGS lists it",
            row.flag,
            row.via
        );
    }
    let too_new = versions::unknown_to(version);
    let flags: Vec<&str> = too_new.iter().map(|row| row.flag).collect();
    // The negative controls stay as they are: they test the detector.
    for probe in probes.iter_mut().filter(|p| p.kind != Kind::MustReject) {
        let (args, removed) = versions::strip(&probe.args, &flags);
        if !removed.is_empty() {
            probe.args = args;
            probe.name = format!(
                "{} [without {}: CLI {version} is too old]",
                probe.name,
                removed.join(" ")
            );
        }
    }
    for row in too_new {
        let args = Options::builder()
            .extra_arg(row.flag, extra_value(row.flag, s).as_deref())
            .build()
            .cli_args()
            .unwrap_or_else(|e| panic!("{}: {e}", row.flag));
        probes.push(Probe {
            name: format!(
                "too new for CLI {version}: {} ({}, accepted only after {})",
                row.flag, row.via, row.absent_in
            ),
            args,
            kind: Kind::TooNew(row.flag),
            sandbox_env: true,
            tolerated: None,
        });
    }
}

#[test]
fn every_flag_the_sdk_passes_is_accepted_by_the_real_cli() {
    let cli = find_cli();
    let scratch = Arc::new(Scratch::new());
    let version = versions::cli_version(&cli, &scratch.root.join("version-home"));
    let probes = build_probes(&scratch, version);
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
                    let rejected = runner::run(&cli, &scratch, index, &probe);
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
        "probed {total} argument vectors against {} (CLI {version}) in {:?}:",
        cli.display(),
        started.elapsed()
    );
    let mut failures = Vec::new();
    for o in &outcomes {
        let flags: Vec<&str> = o.args[5..].iter().map(String::as_str).collect();
        let verdict = match (&o.rejected, o.kind) {
            (None, Kind::MustReject) => "NOT DETECTED",
            (None, Kind::TooNew(_)) => "ACCEPTED (table wrong)",
            (None, _) => "accepted",
            (Some(_), Kind::MustReject) => "rejected (as it must)",
            (Some(_), Kind::TooNew(_)) => "unknown (as expected)",
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
            (None, Kind::TooNew(flag)) => failures.push(format!(
                "CLI {version} did not refuse {flag} as an unknown option, yet NEWER_FLAGS in \
                 tests/flag_probe/versions.rs says it is too old for it: the row is wrong \
                 (lower its `absent_in` below {version}, or drop it): {flags:?}"
            )),
            (Some(why), Kind::Option | Kind::ExtraArg) => {
                let hint = versions::table_hint(why, version).unwrap_or_default();
                failures.push(format!(
                    "`{}` {flags:?} rejected by the CLI: {why}{hint}",
                    o.name
                ));
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
