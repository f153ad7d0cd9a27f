//! Structured option values: tool sets, system prompts, thinking, structured output, plugins and
//! skills.

use std::path::PathBuf;

use serde_json::Value;

/// Which built-in tools the model gets (`--tools`).
///
/// This restricts the tool set; to auto-approve tools without restricting the set, use
/// [`allowed_tools`](crate::OptionsBuilder::allowed_tools).
///
/// # Examples
///
/// ```
/// use claude_agent::options::Tools;
///
/// let only_read = Tools::from(["Read", "Grep"]);
/// assert_eq!(only_read, Tools::List(vec!["Read".into(), "Grep".into()]));
/// assert_eq!(Tools::none(), Tools::List(vec![]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Tools {
    /// Exactly these built-in tools; an empty list disables all built-in tools.
    List(Vec<String>),
    /// Claude Code's default tool set (`--tools default`).
    Preset,
}

impl Tools {
    /// No built-in tools at all.
    pub fn none() -> Self {
        Tools::List(Vec::new())
    }

    /// A list of tool names.
    pub fn list<I, S>(names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Tools::List(names.into_iter().map(Into::into).collect())
    }
}

impl From<Vec<String>> for Tools {
    fn from(names: Vec<String>) -> Self {
        Tools::List(names)
    }
}

impl From<Vec<&str>> for Tools {
    fn from(names: Vec<&str>) -> Self {
        Tools::list(names)
    }
}

impl<const N: usize> From<[&str; N]> for Tools {
    fn from(names: [&str; N]) -> Self {
        Tools::list(names)
    }
}

/// The system prompt.
///
/// When no system prompt is configured the CLI uses its minimal SDK prompt
/// ("You are a Claude agent, built on Anthropic's Claude Agent SDK."), like the TypeScript SDK.
/// Custom prompts are added after that line. Use [`SystemPrompt::preset`] for Claude Code's full
/// prompt (needed for `CLAUDE.md` files to take effect).
///
/// All forms travel in the `initialize` request, never on the command line.
///
/// # Examples
///
/// ```
/// use claude_agent::options::SystemPrompt;
///
/// let custom = SystemPrompt::from("You review Rust code.");
/// assert_eq!(custom, SystemPrompt::Text("You review Rust code.".into()));
/// let preset = SystemPrompt::preset_with_append("Always answer in French.");
/// assert!(matches!(preset, SystemPrompt::Preset { append: Some(_), .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SystemPrompt {
    /// A custom prompt (sent as `systemPrompt: [text]`).
    Text(String),
    /// A custom prompt in several blocks (sent as `systemPrompt: [..]`). A block equal to
    /// `__SYSTEM_PROMPT_DYNAMIC_BOUNDARY__` separates the cacheable prefix from the rest.
    Blocks(Vec<String>),
    /// Claude Code's own prompt.
    Preset {
        /// Text appended to the preset prompt (`appendSystemPrompt`).
        append: Option<String>,
        /// Move per-machine sections (cwd, environment, git status) out of the system prompt and
        /// into the first user message, for better prompt-cache reuse (`excludeDynamicSections`).
        exclude_dynamic_sections: bool,
    },
}

impl SystemPrompt {
    /// Claude Code's prompt, unchanged.
    pub fn preset() -> Self {
        SystemPrompt::Preset {
            append: None,
            exclude_dynamic_sections: false,
        }
    }

    /// Claude Code's prompt with `text` appended.
    pub fn preset_with_append(text: impl Into<String>) -> Self {
        SystemPrompt::Preset {
            append: Some(text.into()),
            exclude_dynamic_sections: false,
        }
    }
}

impl From<String> for SystemPrompt {
    fn from(text: String) -> Self {
        SystemPrompt::Text(text)
    }
}

impl From<&str> for SystemPrompt {
    fn from(text: &str) -> Self {
        SystemPrompt::Text(text.to_owned())
    }
}

/// Extended thinking (`--thinking`, `--max-thinking-tokens`).
///
/// # Examples
///
/// ```
/// use claude_agent::Options;
/// use claude_agent::options::ThinkingConfig;
///
/// let options = Options::builder()
///     .thinking(ThinkingConfig::Enabled { budget_tokens: 8_000 })
///     .build();
/// assert!(options.cli_args().unwrap().contains(&"--max-thinking-tokens".to_owned()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ThinkingConfig {
    /// The model decides when and how much to think (`--thinking adaptive`).
    Adaptive,
    /// A fixed thinking budget (`--max-thinking-tokens N`).
    Enabled {
        /// The thinking budget in tokens.
        budget_tokens: u32,
    },
    /// No extended thinking (`--thinking disabled`).
    Disabled,
}

/// The shape of the final result (structured output).
///
/// # Examples
///
/// ```
/// use claude_agent::options::OutputFormat;
/// use serde_json::json;
///
/// let format = OutputFormat::json_schema(json!({"type": "object"}));
/// assert!(matches!(format, OutputFormat::JsonSchema { .. }));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum OutputFormat {
    /// The model must answer with JSON matching this schema; the value arrives in the result's
    /// `structured_output`. Sent as `initialize.jsonSchema`.
    JsonSchema {
        /// A JSON Schema object.
        schema: Value,
    },
}

impl OutputFormat {
    /// Structured output with this JSON Schema.
    pub fn json_schema(schema: Value) -> Self {
        OutputFormat::JsonSchema { schema }
    }
}

/// A plugin to load for this session (`--plugin-dir`).
///
/// # Examples
///
/// ```
/// use claude_agent::options::PluginConfig;
///
/// let plugin = PluginConfig::local("./my-plugin");
/// assert!(matches!(plugin, PluginConfig::Local { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PluginConfig {
    /// A plugin directory (or `.zip`) on the local filesystem.
    Local {
        /// Its path, absolute or relative to the session's working directory.
        path: PathBuf,
    },
}

impl PluginConfig {
    /// A local plugin directory.
    pub fn local(path: impl Into<PathBuf>) -> Self {
        PluginConfig::Local { path: path.into() }
    }
}

/// Which skills the session may use.
///
/// Skills are loaded from settings directories, so unless
/// [`setting_sources`](crate::OptionsBuilder::setting_sources) is set explicitly, enabling skills
/// also loads the `user` and `project` setting sources.
///
/// # Examples
///
/// ```
/// use claude_agent::options::Skills;
///
/// let some = Skills::list(["pdf", "xlsx"]);
/// assert_eq!(some, Skills::List(vec!["pdf".into(), "xlsx".into()]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Skills {
    /// Every installed skill (allows the `Skill` tool).
    All,
    /// Only these skills (allows `Skill(name)` for each; also sent as `initialize.skills`).
    List(Vec<String>),
}

impl Skills {
    /// A list of skill names.
    pub fn list<I, S>(names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Skills::List(names.into_iter().map(Into::into).collect())
    }
}
