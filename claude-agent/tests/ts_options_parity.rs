//! Every field of the official TypeScript SDK's `Options` has a counterpart here (or a stated
//! reason why not). Refreshing `fixtures/ts-sdk-options.txt` from a newer SDK makes this test
//! fail until each new field is mapped.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

/// TypeScript field → the `OptionsBuilder` setter(s) (or `#[...]` declaration) that cover it.
const COUNTERPARTS: &[(&str, &str)] = &[
    ("abortController", "cancellation_token"),
    ("additionalDirectories", "additional_directories, add_dir"),
    ("agent", "agent"),
    ("agentProgressSummaries", "agent_progress_summaries"),
    ("agents", "agents, agent_definition"),
    (
        "allowDangerouslySkipPermissions",
        "allow_dangerously_skip_permissions",
    ),
    ("allowedTools", "allowed_tools"),
    ("betas", "betas"),
    ("canUseTool", "can_use_tool"),
    ("continue", "continue_conversation"),
    ("cwd", "cwd"),
    ("debug", "debug, debug_filter"),
    ("debugFile", "debug_file"),
    ("disallowedTools", "disallowed_tools"),
    ("effort", "effort"),
    ("enableFileCheckpointing", "enable_file_checkpointing"),
    ("env", "env, envs, remove_env, inherit_env"),
    ("extraArgs", "extra_arg, extra_arg_unchecked"),
    ("fallbackModel", "fallback_model"),
    ("forkSession", "fork_session"),
    ("forwardSubagentText", "forward_subagent_text"),
    ("hooks", "hook, hooks, #[hook]"),
    ("includeHookEvents", "include_hook_events"),
    ("includePartialMessages", "include_partial_messages"),
    (
        "managedSettings",
        "managed_settings, managed_settings_delivery",
    ),
    ("maxBudgetUsd", "max_budget_usd"),
    ("maxThinkingTokens", "max_thinking_tokens"),
    ("maxTurns", "max_turns"),
    (
        "mcpServers",
        "mcp_server, mcp_servers, tool_server, #[tool]",
    ),
    ("mcpServersDelivery", "mcp_servers_delivery"),
    ("model", "model"),
    ("onElicitation", "on_elicitation"),
    ("onUserDialog", "on_user_dialog"),
    ("outputFormat", "output_format, json_schema, query_as"),
    ("pathToClaudeCodeExecutable", "cli_path"),
    ("perTaskStopAffordance", "per_task_stop_affordance"),
    ("permissionMode", "permission_mode"),
    ("permissionPromptToolName", "permission_prompt_tool_name"),
    ("permissionPrompts", "permission_prompts"),
    ("persistSession", "persist_session"),
    ("planModeInstructions", "plan_mode_instructions"),
    ("pluginDelivery", "plugin_delivery"),
    ("plugins", "plugins, plugin_dir"),
    ("projectConfigRoot", "project_config_root"),
    ("promptSuggestions", "prompt_suggestions"),
    ("resume", "resume"),
    ("resumeDropsTurn", "resume_drops_turn"),
    ("resumeSessionAt", "resume_session_at"),
    ("sandbox", "sandbox"),
    ("sessionId", "session_id"),
    ("sessionStore", "session_store"),
    ("loadTimeoutMs", "session_store_load_timeout"),
    ("settingSources", "setting_sources"),
    ("settings", "settings"),
    ("skills", "skills"),
    ("spawnClaudeCodeProcess", "spawner"),
    ("stderr", "stderr"),
    ("strictMcpConfig", "strict_mcp_config"),
    ("supportedDialogKinds", "on_user_dialog"),
    ("systemPrompt", "system_prompt"),
    ("taskBudget", "task_budget"),
    ("thinking", "thinking, thinking_display"),
    ("title", "title"),
    ("toolAliases", "tool_alias"),
    ("toolConfig", "question_preview_format"),
    ("tools", "tools"),
    ("verbatimPrompts", "verbatim_prompts"),
];

/// Fields with no counterpart, and why.
const NOT_APPLICABLE: &[(&str, &str)] = &[
    (
        "executable",
        "the CLI ships as a native binary: there is no JavaScript runtime to choose",
    ),
    (
        "executableArgs",
        "the CLI ships as a native binary: there is no JavaScript runtime to pass arguments to",
    ),
    (
        "sessionStoreFlush",
        "each mirrored batch is appended as soon as it arrives (eager); there is no batching knob",
    ),
];

#[test]
fn every_typescript_option_has_a_counterpart() {
    let list = include_str!("fixtures/ts-sdk-options.txt");
    let fields: Vec<&str> = list
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    assert!(fields.len() >= 70, "the list was read: {}", fields.len());
    let known = |field: &str| {
        COUNTERPARTS.iter().any(|(f, _)| *f == field)
            || NOT_APPLICABLE.iter().any(|(f, _)| *f == field)
    };
    let missing: Vec<&str> = fields.iter().copied().filter(|f| !known(f)).collect();
    assert!(
        missing.is_empty(),
        "TypeScript SDK options without a counterpart: {missing:?}"
    );
    // No stale entries either: every mapped name is in the list.
    for (field, _) in COUNTERPARTS.iter().chain(NOT_APPLICABLE) {
        assert!(fields.contains(field), "`{field}` is no longer a TS option");
    }
}

/// The setters named above exist (this fails to compile otherwise).
#[test]
fn the_newer_counterparts_compile() {
    use claude_agent::options::{Delivery, QuestionPreviewFormat};
    use claude_agent::permissions::{ElicitationResponse, UserDialogResponse};
    use std::time::Duration;
    let options = claude_agent::Options::builder()
        .cancellation_token(claude_agent::CancellationToken::new())
        .agent_progress_summaries(true)
        .managed_settings(serde_json::Map::new())
        .managed_settings_delivery(Delivery::Argv)
        .mcp_servers_delivery(Delivery::Auto)
        .plugin_delivery(Delivery::Auto)
        .on_elicitation(|_, _| async { ElicitationResponse::Decline })
        .on_user_dialog(["x"], |_, _| async { UserDialogResponse::Cancelled })
        .per_task_stop_affordance(true)
        .plan_mode_instructions("plan")
        .tool_alias("A", "B")
        .question_preview_format(QuestionPreviewFormat::Html)
        .verbatim_prompts(true)
        .hook_timeout(Duration::from_secs(5))
        .extra_arg_unchecked("--something-new", None)
        .build();
    assert!(options.cli_args().is_ok());
}
