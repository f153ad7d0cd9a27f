//! The body of the `initialize` request: hooks, in-process MCP servers, system prompt, agents,
//! structured output and the other initialize-only settings.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use serde_json::{Map, Value};

use crate::hooks::HookCallback;
use crate::mcp::{McpServerConfig, SdkMcpServer};
use crate::options::{Options, OutputFormat, Skills, SystemPrompt};
use crate::{Error, Result};

/// Keys the SDK fills itself; [`initialize_field`](super::OptionsBuilder::initialize_field)
/// may not set them.
const MANAGED_KEYS: &[&str] = &[
    "subtype",
    "hooks",
    "sdkMcpServers",
    "jsonSchema",
    "systemPrompt",
    "appendSystemPrompt",
    "excludeDynamicSections",
    "agents",
    "skills",
    "title",
    "forwardSubagentText",
    "promptSuggestions",
    "agentProgressSummaries",
    "planModeInstructions",
    "toolAliases",
    "perTaskStopAffordance",
    "supportedDialogKinds",
    "mcpServers",
    "plugins",
    "managedSettings",
];

/// The initialize body plus the callbacks its ids refer to.
pub(super) struct InitializeParts {
    pub body: Map<String, Value>,
    pub hook_callbacks: HashMap<String, Arc<dyn HookCallback>>,
    pub sdk_mcp_servers: HashMap<String, Arc<dyn SdkMcpServer>>,
}

pub(super) fn build(options: &Options) -> Result<InitializeParts> {
    let mut body = Map::new();
    for (key, value) in &options.initialize_fields {
        if MANAGED_KEYS.contains(&key.as_str()) {
            return Err(Error::invalid_option(
                "initialize_field",
                format!("`{key}` is set by the SDK from its own option"),
            ));
        }
        body.insert(key.clone(), value.clone());
    }

    let hook_callbacks = hooks(options, &mut body)?;
    let sdk_mcp_servers = sdk_servers(options, &mut body);
    system_prompt(options.system_prompt.as_ref(), &mut body);

    if let Some(OutputFormat::JsonSchema { schema }) = &options.output_format {
        if !schema.is_object() {
            return Err(Error::invalid_option(
                "output_format",
                "the JSON Schema must be a JSON object",
            ));
        }
        body.insert("jsonSchema".into(), schema.clone());
    }
    if !options.agents.is_empty() {
        let mut agents = Map::new();
        for (name, definition) in &options.agents {
            if name.trim().is_empty() {
                return Err(Error::invalid_option("agents", "an agent name is empty"));
            }
            agents.insert(name.clone(), definition.to_wire()?);
        }
        body.insert("agents".into(), Value::Object(agents));
    }
    if let Some(Skills::List(names)) = &options.skills {
        body.insert("skills".into(), Value::from(names.clone()));
    }
    if let Some(title) = &options.title {
        body.insert("title".into(), title.clone().into());
    }
    if let Some(forward) = options.forward_subagent_text {
        body.insert("forwardSubagentText".into(), forward.into());
    }
    if let Some(suggest) = options.prompt_suggestions {
        body.insert("promptSuggestions".into(), suggest.into());
    }
    options.runtime.initialize_fields(&mut body)?;
    Ok(InitializeParts {
        body,
        hook_callbacks,
        sdk_mcp_servers,
    })
}

/// `hooks: {Event: [{matcher?, hookCallbackIds, timeout?}]}` with ids `hook_0`, `hook_1`, ...
fn hooks(
    options: &Options,
    body: &mut Map<String, Value>,
) -> Result<HashMap<String, Arc<dyn HookCallback>>> {
    let mut callbacks: HashMap<String, Arc<dyn HookCallback>> = HashMap::new();
    if options.hooks.is_empty() {
        return Ok(callbacks);
    }
    let mut by_event = Map::new();
    for (event, matcher) in &options.hooks {
        let name = event.as_str();
        if name.is_empty() {
            return Err(Error::invalid_option("hook", "a hook event name is empty"));
        }
        let mut ids = Vec::with_capacity(matcher.callbacks.len());
        for callback in &matcher.callbacks {
            let id = format!("hook_{}", callbacks.len());
            callbacks.insert(id.clone(), Arc::clone(callback));
            ids.push(Value::String(id));
        }
        let mut entry = Map::new();
        if let Some(pattern) = &matcher.matcher {
            entry.insert("matcher".into(), pattern.clone().into());
        }
        entry.insert("hookCallbackIds".into(), Value::Array(ids));
        if let Some(timeout) = matcher.timeout.or(options.runtime.hook_timeout) {
            entry.insert("timeout".into(), whole_seconds(timeout).into());
        }
        let list = by_event
            .entry(name.to_owned())
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(list) = list {
            list.push(Value::Object(entry));
        }
    }
    body.insert("hooks".into(), Value::Object(by_event));
    Ok(callbacks)
}

/// The CLI takes hook timeouts in whole seconds; round up so a timeout never shrinks.
fn whole_seconds(timeout: Duration) -> u64 {
    timeout.as_secs() + u64::from(timeout.subsec_nanos() > 0)
}

/// `sdkMcpServers: [name, ...]` for the in-process servers.
fn sdk_servers(
    options: &Options,
    body: &mut Map<String, Value>,
) -> HashMap<String, Arc<dyn SdkMcpServer>> {
    let mut servers: HashMap<String, Arc<dyn SdkMcpServer>> = HashMap::new();
    let mut names = Vec::new();
    for (name, config) in &options.mcp_servers {
        if let McpServerConfig::Sdk(server) = config {
            names.push(Value::String(name.clone()));
            servers.insert(name.clone(), Arc::clone(server));
        }
    }
    if !names.is_empty() {
        body.insert("sdkMcpServers".into(), Value::Array(names));
    }
    servers
}

/// No prompt configured, or an empty custom prompt: `systemPrompt: [""]`, which the CLI turns
/// into its one-line SDK prompt (verified on 2.1.330).
fn system_prompt(prompt: Option<&SystemPrompt>, body: &mut Map<String, Value>) {
    let blocks = match prompt {
        None => vec![String::new()],
        Some(SystemPrompt::Text(text)) => vec![text.clone()],
        Some(SystemPrompt::Blocks(blocks)) if blocks.is_empty() => vec![String::new()],
        Some(SystemPrompt::Blocks(blocks)) => blocks.clone(),
        Some(SystemPrompt::Preset {
            append,
            exclude_dynamic_sections,
        }) => {
            if let Some(append) = append {
                body.insert("appendSystemPrompt".into(), append.clone().into());
            }
            if *exclude_dynamic_sections {
                body.insert("excludeDynamicSections".into(), true.into());
            }
            return;
        }
    };
    body.insert("systemPrompt".into(), Value::from(blocks));
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn hook_timeouts_round_up_to_whole_seconds() {
        assert_eq!(whole_seconds(Duration::from_secs(30)), 30);
        assert_eq!(whole_seconds(Duration::from_millis(1500)), 2);
        assert_eq!(whole_seconds(Duration::from_millis(1)), 1);
        assert_eq!(whole_seconds(Duration::ZERO), 0);
    }
}
