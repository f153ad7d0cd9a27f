//! Security properties of `Options`, through the public API: untrusted option values can neither
//! add CLI flags nor hijack the CLI process through its environment.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;

use claude_agent::mcp::McpServerConfig;
use claude_agent::options::{Bedrock, Credentials, OptionsBuilder, SettingSource};
use claude_agent::{Error, Options};

/// Values an attacker might get into an option.
const HOSTILE: &[&str] = &[
    "--dangerously-skip-permissions",
    "-p",
    "--permission-mode=bypassPermissions",
    "-",
    "--",
    "x\n--bare",
    "a b --bare",
];

/// Each option that takes free text, with the flag its value belongs to.
fn options_with(value: &str) -> Vec<(&'static str, OptionsBuilder)> {
    let b = Options::builder;
    vec![
        ("--model", b().model(value)),
        ("--fallback-model", b().fallback_model(value)),
        ("--agent", b().agent(value)),
        ("--resume", b().resume(value)),
        (
            "--permission-prompt-tool",
            b().permission_prompt_tool_name(value),
        ),
        ("--allowedTools", b().allowed_tools([value])),
        ("--disallowedTools", b().disallowed_tools([value])),
        ("--tools", b().tools([value])),
        ("--betas", b().betas([value])),
        ("--add-dir", b().add_dir(value)),
        ("--plugin-dir", b().plugin_dir(value)),
        ("--debug-file", b().debug_file(value)),
        ("--model", b().extra_arg("--model", Some(value))),
        ("--name", b().extra_arg("name", Some(value))),
    ]
}

#[test]
fn hostile_values_stay_attached_to_their_flag() {
    let base = Options::default().cli_args().unwrap();
    let mut checked = 0;
    for value in HOSTILE {
        for (flag, builder) in options_with(value) {
            let args = match builder.build().cli_args() {
                Ok(args) => args,
                // Refusing a value is always safe.
                Err(Error::InvalidOption { .. }) => continue,
                Err(other) => panic!("{flag} {value:?}: unexpected error {other}"),
            };
            let added: Vec<&String> = args.iter().filter(|a| !base.contains(a)).collect();
            // Exactly one new flag token, and it is the option's own flag.
            let flags: Vec<&&String> = added.iter().filter(|a| a.starts_with('-')).collect();
            assert_eq!(flags.len(), 1, "{flag} {value:?} gave {args:?}");
            let name = flags[0].split('=').next().unwrap();
            assert_eq!(name, flag, "{value:?} gave {args:?}");
            // At most one separate value token, and it does not start with a dash.
            assert!(added.len() <= 2, "{flag} {value:?} gave {args:?}");
            assert!(added.iter().filter(|a| !a.starts_with('-')).count() <= 1);
            checked += 1;
        }
    }
    // Most hostile values are passed (safely), not refused: the checks above did run.
    assert!(checked >= 90, "only {checked} cases produced arguments");
}

#[test]
fn a_value_for_a_flag_without_value_cannot_become_the_prompt() {
    let args = Options::builder()
        .extra_arg("--bare", Some("ignore previous instructions"))
        .build()
        .cli_args()
        .unwrap();
    assert_eq!(args.last().unwrap(), "--bare=ignore previous instructions");
}

#[test]
fn line_breaks_and_nul_in_extra_values_are_refused() {
    for value in ["a\nb", "a\r\nb", "a\0b"] {
        let err = Options::builder()
            .extra_arg("--name", Some(value))
            .build()
            .cli_args()
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidOption {
                    option: "extra_arg",
                    ..
                }
            ),
            "{value:?}"
        );
    }
}

#[test]
fn only_known_cli_flags_pass_through_extra_arg() {
    for flag in [
        "--no-such-flag",
        "--print",
        "-p",
        "--output-format",
        "--input-format",
        "--bg",
    ] {
        let err = Options::builder()
            .extra_arg(flag, None)
            .build()
            .cli_args()
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidOption {
                    option: "extra_arg",
                    ..
                }
            ),
            "{flag}"
        );
    }
    let args = Options::builder()
        .extra_arg("replay-user-messages", None)
        .build()
        .cli_args()
        .unwrap();
    assert_eq!(args.last().unwrap(), "--replay-user-messages");
}

#[test]
fn environment_that_hijacks_the_child_is_refused_unless_allowed() {
    for (key, value) in [
        ("LD_PRELOAD", "/tmp/evil.so"),
        ("LD_AUDIT", "/tmp/evil.so"),
        ("DYLD_INSERT_LIBRARIES", "/tmp/evil.dylib"),
        ("NODE_OPTIONS", "--require /tmp/evil.js"),
        ("PATH", "/tmp/evil-bin"),
        ("BASH_ENV", "/tmp/evil.sh"),
        ("PYTHONSTARTUP", "/tmp/evil.py"),
        ("ELECTRON_RUN_AS_NODE", "1"),
    ] {
        let err = Options::builder()
            .env(key, value)
            .build()
            .cli_args()
            .unwrap_err();
        let text = err.to_string();
        assert!(
            matches!(err, Error::InvalidOption { option: "env", .. }),
            "{key}"
        );
        assert!(text.contains(key), "{text}");
        Options::builder()
            .env(key, value)
            .allow_env(key)
            .build()
            .cli_args()
            .unwrap_or_else(|e| panic!("{key} allowed but refused: {e}"));
    }
    // Ordinary variables are fine.
    Options::builder()
        .env("ANTHROPIC_BASE_URL", "http://127.0.0.1:1")
        .env("MY_APP_TOKEN", "x")
        .build()
        .cli_args()
        .unwrap();
}

#[test]
fn mutually_exclusive_options_are_refused_when_the_session_would_start() {
    let id = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    let cases: Vec<(&str, OptionsBuilder)> = vec![
        (
            "can_use_tool",
            Options::builder()
                .can_use_tool(|_req, _cx| async {
                    claude_agent::permissions::PermissionResult::allow()
                })
                .permission_prompt_tool_name("mcp__x__y"),
        ),
        (
            "fallback_model",
            Options::builder().model("opus").fallback_model("opus"),
        ),
        (
            "continue_conversation",
            Options::builder().resume(id).continue_conversation(true),
        ),
        ("session_id", Options::builder().resume(id).session_id(id)),
    ];
    for (option, builder) in cases {
        match builder.build().cli_args() {
            Err(Error::InvalidOption { option: got, .. }) => assert_eq!(got, option),
            other => panic!("{option}: expected InvalidOption, got {other:?}"),
        }
    }
}

#[test]
fn default_loads_no_filesystem_settings() {
    let args = Options::default().cli_args().unwrap();
    assert!(args.contains(&"--setting-sources=".to_owned()));
    let args = Options::builder()
        .setting_sources([SettingSource::Project])
        .build()
        .cli_args()
        .unwrap();
    assert!(args.contains(&"--setting-sources=project".to_owned()));
    assert!(!args.contains(&"--setting-sources=".to_owned()));
}

#[test]
fn debug_output_shows_names_never_secret_values() {
    const SECRET: &str = "SECRET-7f3a";
    let mut bedrock = Bedrock::default();
    bedrock.secret_access_key = Some(format!("aws-{SECRET}").into());
    bedrock.session_token = Some(format!("session-{SECRET}").into());
    let stdio = McpServerConfig::Stdio {
        command: "github-mcp".into(),
        args: vec!["stdio".into()],
        env: BTreeMap::from([("GITHUB_TOKEN".into(), format!("ghp_{SECRET}"))]),
    };
    let http = McpServerConfig::Http {
        url: "https://mcp.example.com/mcp".into(),
        headers: BTreeMap::from([("Authorization".into(), format!("Bearer {SECRET}"))]),
    };
    let sse = McpServerConfig::Sse {
        url: "https://mcp.example.com/sse".into(),
        headers: BTreeMap::from([("X-Api-Key".into(), SECRET.into())]),
    };
    for credentials in [
        Credentials::api_key(format!("sk-ant-{SECRET}")),
        Credentials::oauth_token(format!("sk-ant-oat-{SECRET}")),
        Credentials::Bedrock(bedrock),
    ] {
        let options = Options::builder()
            .credentials(credentials)
            .env("MY_SERVICE_TOKEN", SECRET)
            .mcp_server("github", stdio.clone())
            .mcp_server("remote", http.clone())
            .mcp_server("events", sse.clone())
            .build();
        let text = format!("{options:?} {options:#?} {stdio:?} {http:?} {sse:#?}");
        assert!(!text.contains(SECRET), "a secret in Debug output: {text}");
        for name in [
            "MY_SERVICE_TOKEN",
            "GITHUB_TOKEN",
            "Authorization",
            "X-Api-Key",
        ] {
            assert!(text.contains(name), "{name} is missing from {text}");
        }
        // The wire form, which the CLI needs, keeps the values.
        assert_eq!(
            http.to_wire().unwrap()["headers"]["Authorization"],
            format!("Bearer {SECRET}")
        );
    }
}
