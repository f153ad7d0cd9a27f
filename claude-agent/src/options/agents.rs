//! Subagents defined in code ([`AgentDefinition`]), sent to the CLI in `initialize.agents`.

use serde_json::{Map, Value};

use super::enums::{AgentMemory, Effort, PermissionMode};
use crate::mcp::McpServerConfig;
use crate::{Error, Result};

/// A subagent the main agent can start through the `Agent` tool.
///
/// Build one with [`AgentDefinition::new`] and the chained setters; register it with
/// [`OptionsBuilder::agent_definition`](crate::OptionsBuilder::agent_definition). Fields left
/// unset are not sent, so the CLI's defaults apply (for example, all of the parent's tools).
///
/// # Examples
///
/// ```
/// use claude_agent::Options;
/// use claude_agent::options::AgentDefinition;
///
/// let reviewer = AgentDefinition::new("Reviews code for bugs", "You are a careful code reviewer.")
///     .tools(["Read", "Grep"])
///     .model("haiku")
///     .max_turns(5);
/// let options = Options::builder().agent_definition("reviewer", reviewer).build();
/// # let _ = options;
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct AgentDefinition {
    /// When the main agent should use this agent (required).
    pub description: String,
    /// The agent's system prompt (required).
    pub prompt: String,
    /// The tools it may use; `None` inherits every tool of the parent.
    pub tools: Option<Vec<String>>,
    /// Tools it must not use.
    pub disallowed_tools: Option<Vec<String>>,
    /// Its model: `sonnet`, `opus`, `haiku`, `inherit` or a model id.
    pub model: Option<String>,
    /// The MCP servers it may use.
    pub mcp_servers: Option<Vec<AgentMcpServerSpec>>,
    /// Skills preloaded into its context.
    pub skills: Option<Vec<String>>,
    /// Its turn limit.
    pub max_turns: Option<u32>,
    /// Where it keeps memory.
    pub memory: Option<AgentMemory>,
    /// A first prompt it receives before the task.
    pub initial_prompt: Option<String>,
    /// Whether it runs in the background.
    pub background: Option<bool>,
    /// Its effort level.
    pub effort: Option<Effort>,
    /// Its permission mode.
    pub permission_mode: Option<PermissionMode>,
    /// Experimental: a critical reminder added to its system prompt
    /// (`criticalSystemReminder_EXPERIMENTAL`).
    pub critical_system_reminder: Option<String>,
    /// Further fields, sent verbatim (for fields newer CLIs understand).
    pub extra: Map<String, Value>,
}

/// An MCP server a subagent may use.
///
/// # Examples
///
/// ```
/// use claude_agent::mcp::McpServerConfig;
/// use claude_agent::options::AgentMcpServerSpec;
///
/// let by_name = AgentMcpServerSpec::Name("github".into());
/// let inline = AgentMcpServerSpec::Inline {
///     name: "fs".into(),
///     config: McpServerConfig::stdio("mcp-fs", ["/tmp"]),
/// };
/// # let _ = (by_name, inline);
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum AgentMcpServerSpec {
    /// A server of the session, by name.
    Name(String),
    /// A server only this agent uses. In-process servers cannot be inline: declare them with
    /// [`mcp_server`](crate::OptionsBuilder::mcp_server) and refer to them by name.
    Inline {
        /// The server's name.
        name: String,
        /// How to reach it.
        config: McpServerConfig,
    },
}

impl AgentDefinition {
    /// An agent with a description (when to use it) and a system prompt.
    pub fn new(description: impl Into<String>, prompt: impl Into<String>) -> Self {
        AgentDefinition {
            description: description.into(),
            prompt: prompt.into(),
            tools: None,
            disallowed_tools: None,
            model: None,
            mcp_servers: None,
            skills: None,
            max_turns: None,
            memory: None,
            initial_prompt: None,
            background: None,
            effort: None,
            permission_mode: None,
            critical_system_reminder: None,
            extra: Map::new(),
        }
    }

    /// Restricts the agent to these tools.
    pub fn tools<I, S>(mut self, tools: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.tools = Some(tools.into_iter().map(Into::into).collect());
        self
    }

    /// Forbids these tools.
    pub fn disallowed_tools<I, S>(mut self, tools: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.disallowed_tools = Some(tools.into_iter().map(Into::into).collect());
        self
    }

    /// Sets the model (`sonnet`, `opus`, `haiku`, `inherit` or a model id).
    pub fn model(mut self, model: impl Into<String>) -> Self {
        self.model = Some(model.into());
        self
    }

    /// Lets the agent use a server of the session, by name.
    pub fn mcp_server(mut self, name: impl Into<String>) -> Self {
        self.mcp_servers
            .get_or_insert_with(Vec::new)
            .push(AgentMcpServerSpec::Name(name.into()));
        self
    }

    /// Gives the agent its own MCP server.
    pub fn mcp_server_inline(mut self, name: impl Into<String>, config: McpServerConfig) -> Self {
        self.mcp_servers
            .get_or_insert_with(Vec::new)
            .push(AgentMcpServerSpec::Inline {
                name: name.into(),
                config,
            });
        self
    }

    /// Preloads these skills.
    pub fn skills<I, S>(mut self, skills: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.skills = Some(skills.into_iter().map(Into::into).collect());
        self
    }

    /// Limits the agent's turns.
    pub fn max_turns(mut self, max_turns: u32) -> Self {
        self.max_turns = Some(max_turns);
        self
    }

    /// Sets where the agent keeps memory.
    pub fn memory(mut self, memory: AgentMemory) -> Self {
        self.memory = Some(memory);
        self
    }

    /// Sets a first prompt the agent receives.
    pub fn initial_prompt(mut self, prompt: impl Into<String>) -> Self {
        self.initial_prompt = Some(prompt.into());
        self
    }

    /// Runs the agent in the background.
    pub fn background(mut self, background: bool) -> Self {
        self.background = Some(background);
        self
    }

    /// Sets the agent's effort level.
    pub fn effort(mut self, effort: Effort) -> Self {
        self.effort = Some(effort);
        self
    }

    /// Sets the agent's permission mode.
    pub fn permission_mode(mut self, mode: PermissionMode) -> Self {
        self.permission_mode = Some(mode);
        self
    }

    /// Experimental: adds a critical reminder to the agent's system prompt.
    pub fn critical_system_reminder(mut self, reminder: impl Into<String>) -> Self {
        self.critical_system_reminder = Some(reminder.into());
        self
    }

    /// Sets a further wire field verbatim (camelCase key), for fields newer CLIs understand.
    pub fn field(mut self, key: impl Into<String>, value: Value) -> Self {
        self.extra.insert(key.into(), value);
        self
    }

    /// The wire form (`initialize.agents[name]`): camelCase keys, unset fields omitted.
    ///
    /// Fails for an inline in-process MCP server.
    pub fn to_wire(&self) -> Result<Value> {
        let mut out = self.extra.clone();
        out.insert("description".into(), self.description.clone().into());
        out.insert("prompt".into(), self.prompt.clone().into());
        let strings = |v: &Vec<String>| Value::from(v.clone());
        put(&mut out, "tools", self.tools.as_ref().map(strings));
        put(
            &mut out,
            "disallowedTools",
            self.disallowed_tools.as_ref().map(strings),
        );
        put(&mut out, "model", self.model.clone().map(Value::from));
        if let Some(specs) = &self.mcp_servers {
            let specs = specs.iter().map(spec_to_wire).collect::<Result<Vec<_>>>()?;
            out.insert("mcpServers".into(), Value::Array(specs));
        }
        put(&mut out, "skills", self.skills.as_ref().map(strings));
        put(&mut out, "maxTurns", self.max_turns.map(Value::from));
        put(
            &mut out,
            "memory",
            self.memory.as_ref().map(|m| m.as_str().into()),
        );
        put(
            &mut out,
            "initialPrompt",
            self.initial_prompt.clone().map(Value::from),
        );
        put(&mut out, "background", self.background.map(Value::from));
        put(
            &mut out,
            "effort",
            self.effort.as_ref().map(|e| e.as_str().into()),
        );
        put(
            &mut out,
            "permissionMode",
            self.permission_mode.as_ref().map(|m| m.as_str().into()),
        );
        put(
            &mut out,
            "criticalSystemReminder_EXPERIMENTAL",
            self.critical_system_reminder.clone().map(Value::from),
        );
        Ok(Value::Object(out))
    }
}

fn put(out: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(value) = value {
        out.insert(key.to_owned(), value);
    }
}

fn spec_to_wire(spec: &AgentMcpServerSpec) -> Result<Value> {
    match spec {
        AgentMcpServerSpec::Name(name) => Ok(name.clone().into()),
        AgentMcpServerSpec::Inline { name, config } => {
            let wire = config.to_wire().ok_or_else(|| {
                Error::invalid_option(
                    "agents",
                    format!(
                        "the in-process MCP server `{name}` cannot be inline in an agent; declare \
                         it with `mcp_server` and refer to it by name"
                    ),
                )
            })?;
            let mut map = Map::new();
            map.insert(name.clone(), wire);
            Ok(Value::Object(map))
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::mcp::SdkMcpServer;
    use futures::future::BoxFuture;
    use serde_json::json;

    #[test]
    fn minimal_agent_sends_only_required_fields() {
        let wire = AgentDefinition::new("d", "p").to_wire().unwrap();
        assert_eq!(wire, json!({"description": "d", "prompt": "p"}));
    }

    #[test]
    fn every_field_is_camel_case() {
        let wire = AgentDefinition::new("d", "p")
            .tools(["Read"])
            .disallowed_tools(["Bash"])
            .model("haiku")
            .mcp_server("github")
            .mcp_server_inline("fs", McpServerConfig::stdio("mcp-fs", ["/tmp"]))
            .skills(["pdf"])
            .max_turns(3)
            .memory(AgentMemory::Project)
            .initial_prompt("start")
            .background(true)
            .effort(Effort::Low)
            .permission_mode(PermissionMode::Plan)
            .critical_system_reminder("be careful")
            .field("omitClaudeMd", json!(true))
            .to_wire()
            .unwrap();
        assert_eq!(
            wire,
            json!({
                "description": "d", "prompt": "p", "tools": ["Read"], "disallowedTools": ["Bash"],
                "model": "haiku",
                "mcpServers": ["github", {"fs": {"type": "stdio", "command": "mcp-fs", "args": ["/tmp"]}}],
                "skills": ["pdf"], "maxTurns": 3, "memory": "project", "initialPrompt": "start",
                "background": true, "effort": "low", "permissionMode": "plan",
                "criticalSystemReminder_EXPERIMENTAL": "be careful", "omitClaudeMd": true
            })
        );
    }

    struct Nop;
    impl SdkMcpServer for Nop {
        fn handle(&self, _message: Value) -> BoxFuture<'static, Option<Value>> {
            Box::pin(async { None })
        }
    }

    #[test]
    fn inline_sdk_server_is_refused() {
        let err = AgentDefinition::new("d", "p")
            .mcp_server_inline("calc", McpServerConfig::sdk(Nop))
            .to_wire()
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidOption {
                    option: "agents",
                    ..
                }
            ),
            "{err}"
        );
    }
}
