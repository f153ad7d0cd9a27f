//! Environment, working directory and runtime knobs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use super::*;

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
    assert_eq!(
        p.process.cwd.as_deref(),
        Some(std::path::Path::new("/work/proj"))
    );
    let get = |key: &str| {
        p.process
            .env
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
    assert!(!p.process.clear_env);
    assert!(plan(b().inherit_env(false)).process.clear_env);
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
        p.process
            .env
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
    assert_eq!(o.max_line_bytes(), 64 * 1024 * 1024);
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

#[test]
fn debug_output_shows_env_names_but_never_values() {
    let options = b()
        .env("ANTHROPIC_API_KEY", "sk-secret-value")
        .remove_env("OLD")
        .build();
    let text = format!("{options:?}");
    assert!(!text.contains("sk-secret-value"), "{text}");
    assert!(text.contains("\"ANTHROPIC_API_KEY\": <set>"), "{text}");
    assert!(text.contains("\"OLD\": <removed>"), "{text}");
    let text = format!("{:?}", options.launch_plan().unwrap());
    assert!(!text.contains("sk-secret-value"), "{text}");
    assert!(text.contains("ANTHROPIC_API_KEY"), "{text}");
}

#[test]
fn tool_search_is_left_to_the_cli_with_in_process_tools_and_an_explicit_choice_wins() {
    use crate::tools::{Tool, ToolContext, ToolServer};

    #[derive(Default)]
    struct Nop;
    impl Tool for Nop {
        const NAME: &'static str = "nop";
        const DESCRIPTION: &'static str = "Does nothing.";
        type Input = serde_json::Map<String, serde_json::Value>;
        type Output = &'static str;
        async fn call(&self, _: Self::Input, _: ToolContext) -> &'static str {
            ""
        }
    }
    let tool_search = |builder: OptionsBuilder| {
        plan(builder.inherit_env(false))
            .process
            .env
            .iter()
            .rev()
            .find(|(k, _)| k == "ENABLE_TOOL_SEARCH")
            .map(|(_, v)| v.clone())
    };
    let server = || ToolServer::new("x").tool(Nop).unwrap();
    assert_eq!(tool_search(b()), None);
    assert_eq!(
        tool_search(b().tool_search(false)),
        Some(Some("false".into()))
    );
    // In-process tools ask to be loaded directly (`_meta`); tool search is not turned off.
    assert_eq!(tool_search(b().tool_server(server())), None);
    assert_eq!(
        tool_search(b().tool_server(server()).tool_search(true)),
        Some(Some("true".into()))
    );
    assert_eq!(
        tool_search(
            b().tool_server(server())
                .env("ENABLE_TOOL_SEARCH", "auto:5")
        ),
        Some(Some("auto:5".into()))
    );
}
