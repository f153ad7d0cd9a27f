//! The newer CLIs' settings: initialize-only fields, delivery by CLI version, environment.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::{Map, json};

use super::*;
use crate::mcp::McpServerConfig;
use crate::options::{Delivery, PluginConfig, QuestionPreviewFormat};
use crate::transport::CliVersion;

const OLD: CliVersion = CliVersion::new(2, 1, 197);
const NEW: CliVersion = CliVersion::new(2, 1, 330);

fn secret_server() -> McpServerConfig {
    McpServerConfig::Stdio {
        command: "my-server".into(),
        args: vec![],
        env: BTreeMap::from([("API_TOKEN".to_owned(), "s3cret-value".to_owned())]),
    }
}

fn plan_for(builder: OptionsBuilder, version: Option<&CliVersion>) -> LaunchPlan {
    builder.build().launch_plan_for(version).unwrap()
}

#[test]
fn initialize_only_fields_are_sent_in_initialize() {
    let body = init(
        b().agent_progress_summaries(true)
            .plan_mode_instructions("Plan in three steps.")
            .tool_alias("Bash", "mcp__sandbox__bash")
            .per_task_stop_affordance(true),
    );
    assert_eq!(body["agentProgressSummaries"], true);
    assert_eq!(body["planModeInstructions"], "Plan in three steps.");
    assert_eq!(body["toolAliases"], json!({"Bash": "mcp__sandbox__bash"}));
    assert_eq!(body["perTaskStopAffordance"], true);
    assert_eq!(invalid(b().tool_alias("", "Bash")), "tool_alias");
    assert_eq!(
        invalid(b().initialize_field("toolAliases", json!({}))),
        "initialize_field"
    );
}

#[test]
fn a_default_hook_timeout_applies_where_a_hook_sets_none() {
    use crate::hooks::{HookEvent, HookMatcher};
    let body = init(
        b().hook_timeout(Duration::from_millis(2500))
            .hook(HookEvent::PreToolUse, HookMatcher::new(None, continue_hook))
            .hook(
                HookEvent::Stop,
                HookMatcher::new(None, continue_hook).timeout(Duration::from_secs(9)),
            ),
    );
    assert_eq!(body["hooks"]["PreToolUse"][0]["timeout"], 3);
    assert_eq!(body["hooks"]["Stop"][0]["timeout"], 9);
}

#[test]
fn dialog_kinds_are_declared_with_their_callback() {
    use crate::permissions::{PermissionContext, UserDialogRequest, UserDialogResponse};
    let body = init(b().on_user_dialog(
        ["refusal_fallback_prompt"],
        |_: UserDialogRequest, _: PermissionContext| async { UserDialogResponse::Cancelled },
    ));
    assert_eq!(
        body["supportedDialogKinds"],
        json!(["refusal_fallback_prompt"])
    );
    assert!(init(b()).get("supportedDialogKinds").is_none());
}

#[test]
fn external_mcp_servers_leave_argv_when_the_cli_reads_them_from_initialize() {
    let builder = || b().mcp_server("ext", secret_server());
    // 2.1.330: in initialize, with --await-initialize; the secret is nowhere in argv.
    let new = plan_for(builder(), Some(&NEW));
    assert!(new.process.args.contains(&"--await-initialize".to_owned()));
    assert!(
        !new.process
            .args
            .iter()
            .any(|a| a.contains("s3cret") || a == "--mcp-config")
    );
    assert_eq!(
        new.initialize["mcpServers"]["ext"]["env"]["API_TOKEN"],
        "s3cret-value"
    );
    // 2.1.197 and an unknown version: on the command line, as before.
    for version in [Some(&OLD), None] {
        let old = plan_for(builder(), version);
        assert!(
            old.process.args.contains(&"--mcp-config".to_owned()),
            "{version:?}"
        );
        assert!(!old.process.args.contains(&"--await-initialize".to_owned()));
        assert!(old.initialize.get("mcpServers").is_none());
    }
    // Forced: argv even on a new CLI; initialize refused on an old one.
    let argv = plan_for(builder().mcp_servers_delivery(Delivery::Argv), Some(&NEW));
    assert!(argv.process.args.contains(&"--mcp-config".to_owned()));
    let err = builder()
        .mcp_servers_delivery(Delivery::Initialize)
        .build()
        .launch_plan_for(Some(&OLD))
        .unwrap_err();
    assert!(matches!(
        err,
        crate::Error::InvalidOption {
            option: "mcp_servers_delivery",
            ..
        }
    ));
    // In-process servers alone never need it.
    assert!(!b().build().plan_depends_on_version());
    assert!(builder().build().plan_depends_on_version());
}

#[test]
fn plugins_and_managed_settings_follow_their_delivery() {
    let mut managed = Map::new();
    managed.insert("model".into(), json!("haiku"));
    let builder = || {
        b().plugins([PluginConfig::local("/p/one")])
            .managed_settings(managed.clone())
    };
    let new = plan_for(builder(), Some(&NEW));
    assert_eq!(
        new.initialize["plugins"],
        json!([{"type": "local", "path": "/p/one"}])
    );
    assert_eq!(new.initialize["managedSettings"], json!({"model": "haiku"}));
    assert!(
        new.process
            .args
            .contains(&"--managed-settings-in-initialize".to_owned())
    );
    assert!(!new.process.args.contains(&"--plugin-dir".to_owned()));
    let old = plan_for(builder(), Some(&OLD));
    assert!(
        old.process
            .args
            .windows(2)
            .any(|w| w == ["--plugin-dir", "/p/one"])
    );
    assert!(
        old.process
            .args
            .windows(2)
            .any(|w| w[0] == "--managed-settings")
    );
    assert!(!old.process.args.contains(&"--await-initialize".to_owned()));
}

#[test]
fn question_preview_format_and_user_reach_the_launch() {
    let p = plan(
        b().question_preview_format(QuestionPreviewFormat::Html)
            .user("nobody")
            .verbatim_prompts(true),
    );
    assert!(p.process.env.contains(&(
        "CLAUDE_CODE_QUESTION_PREVIEW_FORMAT".to_owned(),
        Some("html".to_owned())
    )));
    assert_eq!(p.process.user.as_deref(), Some("nobody"));
    assert!(p.verbatim_prompts);
}
