//! Every setting of a session, and how each one reaches the CLI.
//!
//! Build [`Options`] with [`Options::builder`]. Building never fails; the options are checked
//! when a session starts (or when you call [`Options::cli_args`]), and a value the SDK refuses
//! yields [`Error::InvalidOption`](crate::Error::InvalidOption).
//!
//! Each option reaches the CLI in one of three ways:
//!
//! - a command-line flag (model, tools, permission mode, session ids, ...); see
//!   [`Options::cli_args`] for the exact vector;
//! - a field of the `initialize` request (system prompt, subagents, hooks, in-process MCP servers,
//!   structured output, title, ...), which keeps large values off the command line;
//! - an environment variable of the CLI process ([`env`](OptionsBuilder::env),
//!   [`enable_file_checkpointing`](OptionsBuilder::enable_file_checkpointing),
//!   [`client_app`](OptionsBuilder::client_app)).
//!
//! # Security
//!
//! - Environment variables that make the CLI, or the commands it runs, load or execute other code
//!   (`LD_*`, `DYLD_*`, `NODE_OPTIONS`, `PATH`, `BASH_ENV`, `PYTHONPATH`, ...) are refused unless
//!   allowed with [`allow_env`](OptionsBuilder::allow_env) or equal to this process's own value.
//! - [`extra_arg`](OptionsBuilder::extra_arg) only passes flags in [`ALLOWED_EXTRA_FLAGS`], and a
//!   value is always attached as `--flag=value`, so it can neither become another flag nor the
//!   prompt.
//! - No argument may contain NUL; values that start with `-` are always attached with `=`.
//! - `Debug` output of [`Options`] shows environment variable names, never their values.
//!
//! # Examples
//!
//! ```
//! use claude_agent::Options;
//! use claude_agent::options::{PermissionMode, SystemPrompt};
//!
//! let options = Options::builder()
//!     .model("sonnet")
//!     .system_prompt(SystemPrompt::preset_with_append("Answer briefly."))
//!     .allowed_tools(["Read", "Grep"])
//!     .permission_mode(PermissionMode::AcceptEdits)
//!     .max_turns(8)
//!     .build();
//! let args = options.cli_args()?;
//! assert!(args.windows(2).any(|w| w == ["--model", "sonnet"]));
//! assert!(args.windows(2).any(|w| w == ["--permission-mode", "acceptEdits"]));
//! # Ok::<(), claude_agent::Error>(())
//! ```

// Value types.
mod agents;
mod config;
mod credentials;
mod enums;
mod registered;
mod runtime;
mod sandbox;
// The user's side: every setter of `OptionsBuilder`.
mod builder;
// The CLI's side: validation, flags, environment, `initialize`.
mod launch;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde_json::{Map, Value};

pub use agents::{AgentDefinition, AgentMcpServerSpec};
pub use builder::OptionsBuilder;
pub use config::{OutputFormat, PluginConfig, Skills, SystemPrompt, ThinkingConfig, Tools};
pub use credentials::{Bedrock, Credentials, Foundry, Secret, Vertex};
pub use enums::{
    AgentMemory, Effort, PermissionMode, PermissionPrompts, SettingSource, ThinkingDisplay,
};
pub use launch::ALLOWED_EXTRA_FLAGS;
pub(crate) use launch::LaunchPlan;
pub use runtime::{Delivery, INITIALIZE_DELIVERY_SINCE, QuestionPreviewFormat};
pub use sandbox::{SandboxFilesystemConfig, SandboxNetworkConfig, SandboxSettings};

use crate::hooks::{HookEvent, HookMatcher};
use crate::mcp::McpServerConfig;
use crate::permissions::CanUseTool;
use crate::transport::Spawner;

/// Default maximum length of one line from the CLI: 64 MiB (a tool result of a large file, an
/// image, or a long transcript fits; the line is held in memory while it is parsed).
pub const DEFAULT_MAX_LINE_BYTES: usize = 64 * 1024 * 1024;

/// How much message JSON a session buffers for a consumer that does not keep up, by default
/// ([`OptionsBuilder::message_buffer_bytes`]).
pub const DEFAULT_MESSAGE_BUFFER_BYTES: usize = 256 * 1024;
/// Default time to wait for the answer to a control request: 60 s.
pub const DEFAULT_CONTROL_TIMEOUT: Duration = Duration::from_secs(60);
/// Default (and minimum, when taken from `CLAUDE_CODE_STREAM_CLOSE_TIMEOUT`) time to wait for the
/// answer to `initialize`: 60 s.
pub const DEFAULT_INITIALIZE_TIMEOUT: Duration = Duration::from_secs(60);
/// Default grace period at shutdown, before SIGTERM and again before SIGKILL: 5 s.
pub const DEFAULT_SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(5);
/// Default longest wait, after a one-shot query's last result, for background agents and
/// workflows to finish before its input is closed: 10 minutes (the CLI's own ceiling,
/// `CLAUDE_CODE_PRINT_BG_WAIT_CEILING_MS`, takes precedence when set).
pub const DEFAULT_BACKGROUND_WAIT: Duration = Duration::from_secs(600);

/// The settings of a session. Build with [`Options::builder`]; cheap to clone.
///
/// # Examples
///
/// ```
/// use claude_agent::Options;
///
/// let base = Options::builder().model("haiku").build();
/// let variant = base.to_builder().max_turns(3).build();
/// assert!(variant.cli_args().unwrap().contains(&"--max-turns".to_owned()));
/// ```
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Options {
    // Tools and permissions.
    tools: Option<Tools>,
    allowed_tools: Vec<String>,
    disallowed_tools: Vec<String>,
    skills: Option<Skills>,
    permission_mode: Option<PermissionMode>,
    allow_dangerously_skip_permissions: bool,
    permission_prompt_tool_name: Option<String>,
    permission_prompts: Option<PermissionPrompts>,
    can_use_tool: Option<Opaque<dyn CanUseTool>>,
    hooks: Vec<(HookEvent, HookMatcher)>,
    registered: registered::Registered,
    // MCP.
    mcp_servers: BTreeMap<String, McpServerConfig>,
    strict_mcp_config: bool,
    tool_search: Option<bool>,
    // Prompt, model, agents.
    system_prompt: Option<SystemPrompt>,
    agents: BTreeMap<String, AgentDefinition>,
    agent: Option<String>,
    model: Option<String>,
    fallback_model: Option<String>,
    max_turns: Option<u32>,
    max_budget_usd: Option<f64>,
    task_budget: Option<u64>,
    thinking: Option<ThinkingConfig>,
    thinking_display: Option<ThinkingDisplay>,
    max_thinking_tokens: Option<u32>,
    effort: Option<Effort>,
    output_format: Option<OutputFormat>,
    betas: Vec<String>,
    // Session.
    resume: Option<String>,
    fork_session: bool,
    resume_session_at: Option<String>,
    resume_drops_turn: Option<String>,
    session_id: Option<String>,
    continue_conversation: bool,
    persist_session: Option<bool>,
    title: Option<String>,
    prompt_suggestions: Option<bool>,
    forward_subagent_text: Option<bool>,
    enable_file_checkpointing: bool,
    include_partial_messages: bool,
    include_hook_events: bool,
    // Settings.
    setting_sources: Option<Vec<SettingSource>>,
    settings: Option<String>,
    sandbox: Option<Value>,
    plugins: Vec<PluginConfig>,
    project_config_root: Option<PathBuf>,
    initialize_fields: Map<String, Value>,
    // Process.
    cwd: Option<PathBuf>,
    add_dirs: Vec<PathBuf>,
    env: EnvEntries,
    inherit_env: Option<bool>,
    allowed_env: BTreeSet<String>,
    client_app: Option<String>,
    extra_args: Vec<(String, Option<String>)>,
    debug: Option<Option<String>>,
    debug_file: Option<PathBuf>,
    cli_path: Option<PathBuf>,
    install_cli: bool,
    stderr: Option<Opaque<StderrCallback>>,
    spawner: Option<Arc<dyn Spawner>>,
    // Runtime knobs.
    max_line_bytes: Option<usize>,
    message_buffer_bytes: Option<usize>,
    control_timeout: Option<Duration>,
    initialize_timeout: Option<Duration>,
    shutdown_timeout: Option<Duration>,
    background_wait: Option<Duration>,
    skip_version_check: bool,
    cancellation: Option<tokio_util::sync::CancellationToken>,
    // Newer CLIs' run-time settings.
    runtime: runtime::RuntimeOptions,
}

/// The user's environment entries, in order: set (`Some`) or remove (`None`). `Debug` shows the
/// names only, so secrets in values stay out of logs.
#[derive(Clone, Default)]
pub(crate) struct EnvEntries(pub(crate) Vec<(String, Option<String>)>);

impl fmt::Debug for EnvEntries {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        redacted_env(f, &self.0)
    }
}

/// Formats environment entries as `{"KEY": <set>, "OTHER": <removed>}`.
pub(crate) fn redacted_env(
    f: &mut fmt::Formatter<'_>,
    entries: &[(String, Option<String>)],
) -> fmt::Result {
    struct Mark(bool);
    impl fmt::Debug for Mark {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(if self.0 { "<set>" } else { "<removed>" })
        }
    }
    f.debug_map()
        .entries(entries.iter().map(|(k, v)| (k, Mark(v.is_some()))))
        .finish()
}

/// The stderr line callback.
pub(crate) type StderrCallback = dyn Fn(&str) + Send + Sync;

/// A shared callback that prints as `<callback>` in `Debug` output.
pub(crate) struct Opaque<T: ?Sized>(pub(crate) Arc<T>);

impl<T: ?Sized> Clone for Opaque<T> {
    fn clone(&self) -> Self {
        Opaque(Arc::clone(&self.0))
    }
}

impl<T: ?Sized> fmt::Debug for Opaque<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<callback>")
    }
}

impl Options {
    /// Starts building options.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::Options;
    ///
    /// let options = Options::builder().model("opus").max_budget_usd(1.0).build();
    /// # let _ = options;
    /// ```
    pub fn builder() -> OptionsBuilder {
        OptionsBuilder::default()
    }

    /// A builder that starts from these options.
    pub fn to_builder(&self) -> OptionsBuilder {
        OptionsBuilder::from(self.clone())
    }

    /// The exact arguments (without the program) the CLI will be started with.
    ///
    /// Runs the same checks as starting a session, so an invalid option yields
    /// [`Error::InvalidOption`](crate::Error::InvalidOption) here too. Reads the settings file
    /// when [`sandbox`](OptionsBuilder::sandbox) has to be merged into one. The vector holds
    /// the settings and MCP configuration verbatim, so it may contain secrets (MCP headers,
    /// settings `env`): take care before logging it.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::Options;
    ///
    /// let args = Options::default().cli_args()?;
    /// assert_eq!(
    ///     args,
    ///     ["--output-format", "stream-json", "--verbose", "--input-format", "stream-json",
    ///      "--setting-sources="]
    /// );
    /// # Ok::<(), claude_agent::Error>(())
    /// ```
    pub fn cli_args(&self) -> crate::Result<Vec<String>> {
        Ok(self.launch_plan()?.process.args)
    }

    /// The configured CLI executable, if any.
    pub(crate) fn cli_path(&self) -> Option<&Path> {
        self.cli_path.as_deref()
    }

    /// Whether to install the tested CLI when none is found ([`OptionsBuilder::install_cli`]).
    pub(crate) fn install_cli(&self) -> bool {
        self.install_cli
    }

    /// The longest line accepted from the CLI.
    pub(crate) fn max_line_bytes(&self) -> usize {
        self.max_line_bytes.unwrap_or(DEFAULT_MAX_LINE_BYTES)
    }

    /// The buffer of messages not yet read, in bytes of JSON.
    pub(crate) fn message_buffer_bytes(&self) -> usize {
        self.message_buffer_bytes
            .unwrap_or(DEFAULT_MESSAGE_BUFFER_BYTES)
    }

    /// How long to wait for the answer to an SDK → CLI control request.
    pub(crate) fn control_timeout(&self) -> Duration {
        self.control_timeout.unwrap_or(DEFAULT_CONTROL_TIMEOUT)
    }

    /// How long to wait for the answer to `initialize`: the configured value, else
    /// `max(CLAUDE_CODE_STREAM_CLOSE_TIMEOUT ms, 60 s)` (the variable is read from this options'
    /// environment entries first, then from this process).
    pub(crate) fn initialize_timeout(&self) -> Duration {
        if let Some(timeout) = self.initialize_timeout {
            return timeout;
        }
        let from_options = self
            .env
            .0
            .iter()
            .rev()
            .find(|(k, _)| k == "CLAUDE_CODE_STREAM_CLOSE_TIMEOUT")
            .map(|(_, v)| v.clone());
        let raw = match from_options {
            Some(value) => value,
            None => std::env::var("CLAUDE_CODE_STREAM_CLOSE_TIMEOUT").ok(),
        };
        let from_env = raw
            .and_then(|ms| ms.trim().parse::<u64>().ok())
            .map(Duration::from_millis)
            .unwrap_or_default();
        from_env.max(DEFAULT_INITIALIZE_TIMEOUT)
    }

    /// Grace period at shutdown, before SIGTERM and again before SIGKILL.
    pub(crate) fn shutdown_timeout(&self) -> Duration {
        self.shutdown_timeout.unwrap_or(DEFAULT_SHUTDOWN_TIMEOUT)
    }

    /// Whether to skip the CLI version check (the option, or a non-empty
    /// `CLAUDE_AGENT_SDK_SKIP_VERSION_CHECK` in this process's environment).
    pub(crate) fn skip_version_check(&self) -> bool {
        self.skip_version_check
            || std::env::var_os("CLAUDE_AGENT_SDK_SKIP_VERSION_CHECK")
                .is_some_and(|v| !v.is_empty())
    }

    /// The stderr line callback, if any.
    pub(crate) fn stderr_callback(&self) -> Option<Arc<StderrCallback>> {
        self.stderr.as_ref().map(|cb| Arc::clone(&cb.0))
    }

    /// The custom spawner, if any.
    pub(crate) fn spawner(&self) -> Option<Arc<dyn Spawner>> {
        self.spawner.clone()
    }

    /// A fresh abort token for one session: a child of the user's cancellation token, so that
    /// aborting the session does not cancel the user's token.
    pub(crate) fn session_abort(&self) -> tokio_util::sync::CancellationToken {
        match &self.cancellation {
            Some(token) => token.child_token(),
            None => tokio_util::sync::CancellationToken::new(),
        }
    }

    /// How long a one-shot query keeps its input open after its last result while background
    /// agents run: the option, else `CLAUDE_CODE_PRINT_BG_WAIT_CEILING_MS` (this options'
    /// environment first, then this process's), else [`DEFAULT_BACKGROUND_WAIT`].
    pub(crate) fn background_wait(&self) -> Duration {
        if let Some(wait) = self.background_wait {
            return wait;
        }
        let key = "CLAUDE_CODE_PRINT_BG_WAIT_CEILING_MS";
        let from_options = self.env.0.iter().rev().find(|(k, _)| k == key);
        let raw = match from_options {
            Some((_, value)) => value.clone(),
            None => std::env::var(key).ok(),
        };
        raw.and_then(|ms| ms.trim().parse::<u64>().ok())
            .map(Duration::from_millis)
            .unwrap_or(DEFAULT_BACKGROUND_WAIT)
    }
}

#[cfg(test)]
mod tests;
