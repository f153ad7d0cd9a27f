//! Options that map to command-line flags.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::{Value, json};

use super::*;

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
        p.process
            .args
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
#[allow(deprecated)] // `max_thinking_tokens` is still mapped.
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
