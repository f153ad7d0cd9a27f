//! Mapping tests: each option's argv / env / initialize effect, and the cross-option checks.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use serde_json::{Value, json};

use super::*;
use crate::Error;
use crate::hooks::{HookContext, HookEvent, HookMatcher};
use crate::mcp::SdkMcpServer;
use crate::permissions::{PermissionContext, PermissionRequest, PermissionResult};
use futures::future::BoxFuture;

const BASE: [&str; 6] = [
    "--output-format",
    "stream-json",
    "--verbose",
    "--input-format",
    "stream-json",
    "--setting-sources=",
];

/// The arguments after the invariant stream-json flags and the default `--setting-sources=`.
fn extra(builder: OptionsBuilder) -> Vec<String> {
    let args = builder.build().cli_args().unwrap();
    args.into_iter()
        .skip(5)
        .filter(|a| a != "--setting-sources=")
        .collect()
}

fn plan(builder: OptionsBuilder) -> LaunchPlan {
    builder.build().launch_plan().unwrap()
}

fn invalid(builder: OptionsBuilder) -> &'static str {
    match builder.build().launch_plan() {
        Err(Error::InvalidOption { option, .. }) => option,
        Err(other) => panic!("expected InvalidOption, got {other}"),
        Ok(plan) => panic!("expected InvalidOption, got {plan:?}"),
    }
}

fn init(builder: OptionsBuilder) -> Value {
    Value::Object(plan(builder).initialize)
}

fn b() -> OptionsBuilder {
    Options::builder()
}

struct Nop;
impl SdkMcpServer for Nop {
    fn handle(&self, _message: Value) -> BoxFuture<'static, Option<Value>> {
        Box::pin(async { None })
    }
}

async fn allow_all(_req: PermissionRequest, _cx: PermissionContext) -> PermissionResult {
    PermissionResult::allow()
}

async fn continue_hook(_input: Value, _cx: HookContext) -> Result<Value, String> {
    Ok(json!({"continue": true}))
}

#[test]
fn defaults_are_stream_json_no_settings_and_minimal_prompt() {
    let plan = plan(b());
    assert_eq!(plan.args, BASE);
    assert!(!plan.clear_env);
    assert_eq!(plan.cwd, None);
    assert_eq!(
        Value::Object(plan.initialize),
        json!({"systemPrompt": [""]})
    );
    assert!(plan.hook_callbacks.is_empty() && plan.sdk_mcp_servers.is_empty());
    assert!(plan.can_use_tool.is_none());
}

#[test]
fn tool_lists_map_to_their_flags() {
    assert_eq!(extra(b().tools(["Bash", "Read"])), ["--tools", "Bash,Read"]);
    assert_eq!(extra(b().tools(Tools::none())), ["--tools="]);
    assert_eq!(extra(b().tools(Tools::Preset)), ["--tools", "default"]);
    assert_eq!(
        extra(
            b().allowed_tools(["Read", "Bash(git status)"])
                .allowed_tools(["Grep"])
        ),
        ["--allowedTools", "Read,Bash(git status),Grep"]
    );
    assert_eq!(
        extra(b().disallowed_tools(["WebFetch"])),
        ["--disallowedTools", "WebFetch"]
    );
}

#[test]
fn skills_allow_the_skill_tool_and_load_user_and_project_settings() {
    let args = b().skills(Skills::All).build().cli_args().unwrap();
    assert!(args.contains(&"--setting-sources=user,project".to_owned()));
    assert!(args.windows(2).any(|w| w == ["--allowedTools", "Skill"]));
    let p = plan(b().allowed_tools(["Read"]).skills(Skills::list(["pdf"])));
    assert!(
        p.args
            .windows(2)
            .any(|w| w == ["--allowedTools", "Read,Skill(pdf)"])
    );
    assert_eq!(p.initialize["skills"], json!(["pdf"]));
    // Explicit sources win.
    let args = b()
        .skills(Skills::All)
        .setting_sources([SettingSource::Local])
        .build()
        .cli_args()
        .unwrap();
    assert!(args.contains(&"--setting-sources=local".to_owned()));
}

#[test]
fn permission_options_map_to_their_flags() {
    for mode in PermissionMode::ALL {
        assert_eq!(
            extra(b().permission_mode(mode.clone())),
            ["--permission-mode", mode.as_str()]
        );
    }
    assert_eq!(
        extra(b().permission_mode(PermissionMode::Other("manual".into()))),
        ["--permission-mode", "manual"]
    );
    assert_eq!(
        extra(b().allow_dangerously_skip_permissions(true)),
        ["--allow-dangerously-skip-permissions"]
    );
    assert_eq!(
        extra(b().permission_prompt_tool_name("mcp__auth__ask")),
        ["--permission-prompt-tool", "mcp__auth__ask"]
    );
    assert_eq!(
        extra(b().permission_prompts(PermissionPrompts::Nobody)),
        ["--permission-prompts", "none"]
    );
}

#[test]
fn can_use_tool_uses_stdio_prompt_tool_and_is_exclusive_with_a_prompt_tool_name() {
    let p = plan(b().can_use_tool(allow_all));
    assert!(
        p.args
            .windows(2)
            .any(|w| w == ["--permission-prompt-tool", "stdio"])
    );
    assert!(p.can_use_tool.is_some());
    assert_eq!(
        invalid(
            b().can_use_tool(allow_all)
                .permission_prompt_tool_name("mcp__x__y")
        ),
        "can_use_tool"
    );
}

#[test]
fn hooks_get_sequential_ids_grouped_by_event() {
    let p = plan(
        b().hook(
            HookEvent::PreToolUse,
            HookMatcher::new(Some("Bash|Write"), continue_hook)
                .and(continue_hook)
                .timeout(Duration::from_secs(30)),
        )
        .hook(HookEvent::Stop, HookMatcher::new(None, continue_hook))
        .hook(HookEvent::PreToolUse, HookMatcher::new(None, continue_hook))
        .hook(
            HookEvent::Other("BrandNew".into()),
            HookMatcher::new(None, continue_hook).timeout(Duration::from_millis(2500)),
        ),
    );
    assert_eq!(
        p.initialize["hooks"],
        json!({
            "PreToolUse": [
                {"matcher": "Bash|Write", "hookCallbackIds": ["hook_0", "hook_1"], "timeout": 30},
                {"hookCallbackIds": ["hook_3"]}
            ],
            "Stop": [{"hookCallbackIds": ["hook_2"]}],
            "BrandNew": [{"hookCallbackIds": ["hook_4"], "timeout": 3}]
        })
    );
    let mut ids: Vec<_> = p.hook_callbacks.keys().cloned().collect();
    ids.sort();
    assert_eq!(ids, ["hook_0", "hook_1", "hook_2", "hook_3", "hook_4"]);
}

#[test]
fn external_mcp_servers_go_to_mcp_config_and_sdk_servers_to_initialize() {
    let p = plan(
        b().mcp_server("fs", McpServerConfig::stdio("mcp-fs", ["/tmp"]))
            .mcp_servers([("calc", McpServerConfig::sdk(Nop))])
            .strict_mcp_config(true),
    );
    let i = p.args.iter().position(|a| a == "--mcp-config").unwrap();
    let config: Value = serde_json::from_str(&p.args[i + 1]).unwrap();
    assert_eq!(
        config,
        json!({"mcpServers": {"fs": {"type": "stdio", "command": "mcp-fs", "args": ["/tmp"]}}})
    );
    assert!(p.args.contains(&"--strict-mcp-config".to_owned()));
    assert_eq!(p.initialize["sdkMcpServers"], json!(["calc"]));
    assert!(p.sdk_mcp_servers.contains_key("calc"));
    // Only in-process servers: no --mcp-config at all.
    let p = plan(b().mcp_server("calc", McpServerConfig::sdk(Nop)));
    assert!(!p.args.contains(&"--mcp-config".to_owned()));
    assert_eq!(
        invalid(b().mcp_server(" ", McpServerConfig::sdk(Nop))),
        "mcp_servers"
    );
}

#[test]
fn system_prompt_forms_go_to_initialize() {
    assert_eq!(
        init(b().system_prompt("Be terse.")),
        json!({"systemPrompt": ["Be terse."]})
    );
    assert_eq!(init(b().system_prompt("")), json!({"systemPrompt": [""]}));
    assert_eq!(
        init(b().system_prompt(SystemPrompt::Blocks(vec!["a".into(), "b".into()]))),
        json!({"systemPrompt": ["a", "b"]})
    );
    assert_eq!(init(b().system_prompt(SystemPrompt::preset())), json!({}));
    assert_eq!(
        init(b().system_prompt(SystemPrompt::Preset {
            append: Some("More.".into()),
            exclude_dynamic_sections: true
        })),
        json!({"appendSystemPrompt": "More.", "excludeDynamicSections": true})
    );
    // Nothing about the prompt ever goes to argv.
    assert_eq!(extra(b().system_prompt("Be terse.")), Vec::<String>::new());
}

#[test]
fn agents_and_initialize_only_settings() {
    let v = init(
        b().agent_definition(
            "reviewer",
            AgentDefinition::new("Reviews", "You review.").model("haiku"),
        )
        .agents([("writer", AgentDefinition::new("Writes", "You write."))])
        .title("My session")
        .forward_subagent_text(true)
        .prompt_suggestions(false)
        .json_schema(json!({"type": "object"}))
        .initialize_field("agentProgressSummaries", json!(true)),
    );
    assert_eq!(
        v,
        json!({
            "systemPrompt": [""],
            "agents": {
                "reviewer": {"description": "Reviews", "prompt": "You review.", "model": "haiku"},
                "writer": {"description": "Writes", "prompt": "You write."}
            },
            "title": "My session",
            "forwardSubagentText": true,
            "promptSuggestions": false,
            "jsonSchema": {"type": "object"},
            "agentProgressSummaries": true
        })
    );
    assert_eq!(extra(b().agent("reviewer")), ["--agent", "reviewer"]);
    assert_eq!(invalid(b().json_schema(json!(true))), "output_format");
    assert_eq!(
        invalid(b().initialize_field("hooks", json!({}))),
        "initialize_field"
    );
    assert_eq!(
        invalid(b().agent_definition("", AgentDefinition::new("d", "p"))),
        "agents"
    );
}

#[test]
fn model_and_budget_flags() {
    assert_eq!(
        extra(
            b().model("sonnet")
                .fallback_model("haiku")
                .max_turns(3)
                .max_budget_usd(0.25)
                .task_budget(50_000)
                .effort(Effort::XHigh)
        ),
        [
            "--model",
            "sonnet",
            "--fallback-model",
            "haiku",
            "--max-turns",
            "3",
            "--max-budget-usd",
            "0.25",
            "--task-budget",
            "50000",
            "--effort",
            "xhigh"
        ]
    );
    assert_eq!(
        extra(b().max_budget_usd(1e-7)),
        ["--max-budget-usd", "0.0000001"]
    );
    assert_eq!(
        invalid(b().model("opus").fallback_model("opus")),
        "fallback_model"
    );
    for bad in [f64::NAN, f64::INFINITY, -1.0] {
        assert_eq!(invalid(b().max_budget_usd(bad)), "max_budget_usd");
    }
    assert_eq!(invalid(b().model(" ")), "model");
}

#[test]
fn betas_are_one_flag_each() {
    // The CLI takes `--betas a,b` as a single (unknown) beta named "a,b".
    assert_eq!(
        extra(b().betas(["context-1m-2025-08-07", "other"])),
        ["--betas", "context-1m-2025-08-07", "--betas", "other"]
    );
}

#[test]
fn thinking_maps_like_the_typescript_sdk() {
    assert_eq!(
        extra(b().thinking(ThinkingConfig::Adaptive)),
        ["--thinking", "adaptive"]
    );
    assert_eq!(
        extra(b().thinking(ThinkingConfig::Disabled)),
        ["--thinking", "disabled"]
    );
    assert_eq!(
        extra(b().thinking(ThinkingConfig::Enabled {
            budget_tokens: 4096
        })),
        ["--max-thinking-tokens", "4096"]
    );
    assert_eq!(
        extra(b().max_thinking_tokens(2048)),
        ["--max-thinking-tokens", "2048"]
    );
    assert_eq!(
        extra(b().max_thinking_tokens(0)),
        ["--thinking", "disabled"]
    );
    // `thinking` wins over the deprecated option.
    assert_eq!(
        extra(
            b().max_thinking_tokens(2048)
                .thinking(ThinkingConfig::Adaptive)
        ),
        ["--thinking", "adaptive"]
    );
    assert_eq!(
        extra(b().thinking_display(ThinkingDisplay::Summarized)),
        ["--thinking-display", "summarized"]
    );
}

#[test]
fn session_flags_use_the_attached_form() {
    let id = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    assert_eq!(extra(b().resume("-weird")), ["--resume=-weird"]);
    assert_eq!(
        extra(
            b().resume(id)
                .fork_session(true)
                .session_id(id)
                .resume_session_at(id)
                .resume_drops_turn(id)
        ),
        [
            format!("--resume={id}"),
            "--fork-session".to_owned(),
            format!("--resume-session-at={id}"),
            format!("--resume-drops-turn={id}"),
            format!("--session-id={id}"),
        ]
    );
    assert_eq!(extra(b().session_id(id)), [format!("--session-id={id}")]);
    assert_eq!(extra(b().continue_conversation(true)), ["--continue"]);
    assert_eq!(
        extra(b().persist_session(false)),
        ["--no-session-persistence"]
    );
    assert_eq!(extra(b().persist_session(true)), Vec::<String>::new());
}

#[test]
fn session_option_combinations_the_cli_refuses_are_refused_early() {
    let id = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    assert_eq!(invalid(b().session_id("not-a-uuid")), "session_id");
    assert_eq!(invalid(b().session_id(id).resume(id)), "session_id");
    assert_eq!(
        invalid(b().session_id(id).continue_conversation(true)),
        "session_id"
    );
    assert_eq!(invalid(b().fork_session(true)), "fork_session");
    assert_eq!(
        invalid(b().resume(id).continue_conversation(true)),
        "continue_conversation"
    );
    assert_eq!(invalid(b().resume_session_at(id)), "resume_session_at");
    assert_eq!(
        invalid(b().resume(id).resume_drops_turn(id)),
        "resume_drops_turn"
    );
    assert!(
        b().continue_conversation(true)
            .fork_session(true)
            .build()
            .cli_args()
            .is_ok()
    );
}

#[test]
fn setting_sources_are_comma_joined_and_attached() {
    let args = b()
        .setting_sources([
            SettingSource::User,
            SettingSource::Project,
            SettingSource::Local,
        ])
        .build()
        .cli_args()
        .unwrap();
    assert_eq!(args[5..], ["--setting-sources=user,project,local"]);
}

#[test]
fn settings_pass_verbatim_and_are_checked_when_json() {
    assert_eq!(
        extra(b().settings(r#"{"model":"x"}"#)),
        ["--settings", r#"{"model":"x"}"#]
    );
    assert_eq!(
        extra(b().settings("/etc/claude/settings.json")),
        ["--settings", "/etc/claude/settings.json"]
    );
    assert_eq!(invalid(b().settings("{not json")), "settings");
    assert_eq!(invalid(b().settings("{} trailing")), "settings");
}

fn settings_value(args: &[String]) -> Value {
    let i = args.iter().position(|a| a == "--settings").unwrap();
    serde_json::from_str(&args[i + 1]).unwrap()
}

#[test]
fn sandbox_is_merged_into_settings() {
    let alone = b()
        .sandbox(SandboxSettings::enabled())
        .build()
        .cli_args()
        .unwrap();
    assert_eq!(
        settings_value(&alone),
        json!({"sandbox": {"enabled": true}})
    );

    let with_json = b()
        .settings(r#"{"model":"x","sandbox":{"old":1}}"#)
        .sandbox(json!({"enabled": false}))
        .build()
        .cli_args()
        .unwrap();
    assert_eq!(
        settings_value(&with_json),
        json!({"model": "x", "sandbox": {"enabled": false}})
    );

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("s.json"), r#"{"env":{"A":"1"}}"#).unwrap();
    let from_file = b()
        .cwd(dir.path())
        .settings("s.json")
        .sandbox(SandboxSettings::enabled())
        .build()
        .cli_args()
        .unwrap();
    assert_eq!(
        settings_value(&from_file),
        json!({"env": {"A": "1"}, "sandbox": {"enabled": true}})
    );
    assert_eq!(
        invalid(b().settings("/no/such/file.json").sandbox(json!({}))),
        "settings"
    );
    assert_eq!(invalid(b().sandbox(json!([1]))), "sandbox");
}

#[test]
fn directories_plugins_and_output_flags() {
    assert_eq!(
        extra(
            b().add_dir("/a")
                .additional_directories(["/b", "-c"])
                .plugin_dir("/p")
                .plugins([PluginConfig::local("/q")])
                .project_config_root("/root")
        ),
        [
            "--add-dir",
            "/a",
            "--add-dir",
            "/b",
            "--add-dir=-c",
            "--plugin-dir",
            "/p",
            "--plugin-dir",
            "/q",
            "--project-config-root",
            "/root"
        ]
    );
    assert_eq!(
        extra(
            b().include_partial_messages(true)
                .include_hook_events(true)
                .debug(true)
                .debug_file("/tmp/d.log")
        ),
        [
            "--include-partial-messages",
            "--include-hook-events",
            "--debug",
            "--debug-file",
            "/tmp/d.log"
        ]
    );
    assert_eq!(extra(b().debug_filter("!mcp")), ["--debug=!mcp"]);
    assert_eq!(extra(b().debug(true).debug(false)), Vec::<String>::new());
}

#[test]
fn extra_args_come_last() {
    let args = extra(b().model("m").extra_arg("replay-user-messages", None));
    assert_eq!(args, ["--model", "m", "--replay-user-messages"]);
    assert_eq!(invalid(b().extra_arg("--no-such-flag", None)), "extra_arg");
    assert_eq!(
        invalid(b().extra_arg("--output-format", Some("text"))),
        "extra_arg"
    );
}

#[test]
fn nul_anywhere_in_argv_is_refused() {
    assert_eq!(invalid(b().model("a\0b")), "model");
    assert_eq!(invalid(b().allowed_tools(["Re\0ad"])), "allowed_tools");
    assert_eq!(invalid(b().resume("x\0")), "resume");
    assert_eq!(invalid(b().settings("\0")), "settings");
    assert_eq!(invalid(b().betas(["\0"])), "betas");
}

#[test]
fn environment_and_working_directory() {
    let p = plan(
        b().cwd("/work/proj")
            .env("FOO", "1")
            .envs([("BAR", "2")])
            .remove_env("BAZ")
            .enable_file_checkpointing(true)
            .client_app("my-app/1.0"),
    );
    assert_eq!(p.cwd.as_deref(), Some(std::path::Path::new("/work/proj")));
    let get = |key: &str| {
        p.env
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(get("PWD"), Some(Some("/work/proj".into())));
    assert_eq!(get("FOO"), Some(Some("1".into())));
    assert_eq!(get("BAR"), Some(Some("2".into())));
    assert_eq!(get("BAZ"), Some(None));
    assert_eq!(get("CLAUDECODE"), Some(None));
    assert_eq!(get("CLAUDE_CODE_ENTRYPOINT"), Some(Some("sdk-rust".into())));
    assert_eq!(
        get("CLAUDE_CODE_ENABLE_SDK_FILE_CHECKPOINTING"),
        Some(Some("true".into()))
    );
    assert_eq!(
        get("CLAUDE_AGENT_SDK_CLIENT_APP"),
        Some(Some("my-app/1.0".into()))
    );
    assert_eq!(
        get("CLAUDE_AGENT_SDK_VERSION"),
        Some(Some(env!("CARGO_PKG_VERSION").into()))
    );
    assert!(!p.clear_env);
    assert!(plan(b().inherit_env(false)).clear_env);
}

#[test]
fn dangerous_environment_needs_allow_env() {
    assert_eq!(invalid(b().env("LD_PRELOAD", "/tmp/x.so")), "env");
    assert_eq!(
        invalid(b().env("NODE_OPTIONS", "--require /tmp/x.js")),
        "env"
    );
    assert_eq!(invalid(b().env("PATH", "/tmp/evil")), "env");
    assert_eq!(invalid(b().env("BASH_ENV", "/tmp/rc")), "env");
    let p = plan(
        b().env("NODE_OPTIONS", "--max-old-space-size=4096")
            .allow_env("NODE_OPTIONS"),
    );
    assert_eq!(
        p.env
            .iter()
            .rev()
            .find(|(k, _)| k == "NODE_OPTIONS")
            .unwrap()
            .1
            .as_deref(),
        Some("--max-old-space-size=4096")
    );
    assert_eq!(invalid(b().env("A=B", "x")), "env");
    assert_eq!(invalid(b().env("", "x")), "env");
    assert_eq!(invalid(b().env("A", "x\0")), "env");
}

#[test]
fn runtime_knobs_have_documented_defaults() {
    let o = Options::default();
    assert_eq!(o.max_line_bytes(), 32 * 1024 * 1024);
    assert_eq!(o.control_timeout(), Duration::from_secs(60));
    assert_eq!(o.shutdown_timeout(), Duration::from_secs(5));
    assert!(o.cli_path().is_none() && o.stderr_callback().is_none() && o.spawner().is_none());
    let o = b()
        .max_line_bytes(16 << 20)
        .control_timeout(Duration::from_secs(5))
        .initialize_timeout(Duration::from_secs(7))
        .shutdown_timeout(Duration::from_secs(1))
        .skip_version_check(true)
        .cli_path("/opt/claude")
        .stderr(|_line: &str| {})
        .spawner(crate::transport::LocalSpawner)
        .build();
    assert_eq!(o.max_line_bytes(), 16 << 20);
    assert_eq!(o.control_timeout(), Duration::from_secs(5));
    assert_eq!(o.initialize_timeout(), Duration::from_secs(7));
    assert_eq!(o.shutdown_timeout(), Duration::from_secs(1));
    assert!(o.skip_version_check());
    assert_eq!(o.cli_path(), Some(std::path::Path::new("/opt/claude")));
    assert!(o.stderr_callback().is_some() && o.spawner().is_some());
    assert_eq!(invalid(b().max_line_bytes(0)), "max_line_bytes");
}

#[test]
fn initialize_timeout_honours_stream_close_timeout_but_never_below_a_minute() {
    let o = b()
        .env("CLAUDE_CODE_STREAM_CLOSE_TIMEOUT", "120000")
        .build();
    assert_eq!(o.initialize_timeout(), Duration::from_secs(120));
    let o = b().env("CLAUDE_CODE_STREAM_CLOSE_TIMEOUT", "1000").build();
    assert_eq!(o.initialize_timeout(), Duration::from_secs(60));
    let o = b()
        .env("CLAUDE_CODE_STREAM_CLOSE_TIMEOUT", "garbage")
        .build();
    assert_eq!(o.initialize_timeout(), Duration::from_secs(60));
}

#[test]
fn to_builder_keeps_everything_and_debug_hides_callbacks() {
    let base = b()
        .model("m")
        .can_use_tool(allow_all)
        .stderr(|_: &str| {})
        .build();
    let derived = base.to_builder().max_turns(2).build();
    let args = derived.cli_args().unwrap();
    assert!(args.windows(2).any(|w| w == ["--model", "m"]));
    assert!(args.windows(2).any(|w| w == ["--max-turns", "2"]));
    assert!(
        args.windows(2)
            .any(|w| w == ["--permission-prompt-tool", "stdio"])
    );
    let text = format!("{derived:?}");
    assert!(
        text.contains("<callback>") && text.contains("\"m\""),
        "{text}"
    );
}
