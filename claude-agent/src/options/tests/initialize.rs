//! Options that travel in the `initialize` request (and the callbacks its ids refer to).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use serde_json::{Value, json};

use super::*;

#[test]
fn defaults_are_stream_json_no_settings_and_minimal_prompt() {
    let plan = plan(b());
    assert_eq!(plan.process.args, BASE);
    assert!(!plan.process.clear_env);
    assert_eq!(plan.process.cwd, None);
    assert_eq!(
        Value::Object(plan.initialize),
        json!({"systemPrompt": [""]})
    );
    assert!(plan.hook_callbacks.is_empty() && plan.sdk_mcp_servers.is_empty());
    assert!(plan.can_use_tool.is_none());
}

#[test]
fn can_use_tool_uses_stdio_prompt_tool_and_is_exclusive_with_a_prompt_tool_name() {
    let p = plan(b().can_use_tool(allow_all));
    assert!(
        p.process
            .args
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
    let i = p
        .process
        .args
        .iter()
        .position(|a| a == "--mcp-config")
        .unwrap();
    let config: Value = serde_json::from_str(&p.process.args[i + 1]).unwrap();
    assert_eq!(
        config,
        json!({"mcpServers": {"fs": {"type": "stdio", "command": "mcp-fs", "args": ["/tmp"]}}})
    );
    assert!(p.process.args.contains(&"--strict-mcp-config".to_owned()));
    assert_eq!(p.initialize["sdkMcpServers"], json!(["calc"]));
    assert!(p.sdk_mcp_servers.contains_key("calc"));
    // Only in-process servers: no --mcp-config at all.
    let p = plan(b().mcp_server("calc", McpServerConfig::sdk(Nop)));
    assert!(!p.process.args.contains(&"--mcp-config".to_owned()));
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
        .agent_progress_summaries(true),
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
