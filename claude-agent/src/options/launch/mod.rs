//! The launch side of [`Options`]: checking every value and turning the options into a
//! [`LaunchPlan`] (the process to start, the `initialize` body and the callbacks that serve it).
//!
//! - `validate.rs`: checks that span several options;
//! - `flags.rs` and `settings.rs`: the option → flag mapping (and what goes in `initialize`
//!   instead on newer CLIs);
//! - `argv.rs`: the safe argument vector; `extra_args.rs`: `extra_arg` and its allowlist;
//! - `env.rs`: the child's environment; `initialize.rs`: the `initialize` body;
//! - `runtime.rs`: where newer CLIs' settings go (command line or `initialize`, by version);
//! - `warnings.rs`: valid but suspicious combinations, reported through `tracing`.

pub(super) mod argv;
mod env;
mod extra_args;
mod flags;
mod initialize;
mod runtime;
mod settings;
mod validate;
mod warnings;

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use serde_json::{Map, Value};

use crate::Result;
use crate::hooks::HookCallback;
use crate::mcp::SdkMcpServer;
use crate::options::Options;
use crate::permissions::{CanUseTool, ElicitationHandler, UserDialogHandler};
use crate::transport::{self, CliVersion, SpawnCommand};
use argv::{Argv, path_str};

pub use extra_args::ALLOWED_EXTRA_FLAGS;

/// How the CLI process is started, short of the program (found, or installed, later). Becomes
/// the [`SpawnCommand`] with [`command`](Self::command).
#[derive(Clone)]
pub(crate) struct ProcessPlan {
    /// The arguments, starting with the invariant stream-json flags.
    pub args: Vec<String>,
    /// Start from an empty environment instead of inheriting this process's.
    pub clear_env: bool,
    /// Variables to set (`Some`) or remove (`None`), applied in order.
    pub env: Vec<(String, Option<String>)>,
    /// The working directory.
    pub cwd: Option<PathBuf>,
    /// The OS user to run the CLI as.
    pub user: Option<String>,
}

impl ProcessPlan {
    /// The command that starts `program` this way. Fails when the OS user does not exist.
    pub(crate) fn command(&self, program: PathBuf) -> Result<SpawnCommand> {
        let user = self
            .user
            .as_deref()
            .map(transport::resolve_user)
            .transpose()?;
        Ok(SpawnCommand {
            program,
            args: self.args.iter().map(Into::into).collect(),
            clear_env: self.clear_env,
            env: self
                .env
                .iter()
                .map(|(k, v)| (k.into(), v.as_ref().map(Into::into)))
                .collect(),
            cwd: self.cwd.clone(),
            user,
        })
    }
}

impl fmt::Debug for ProcessPlan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProcessPlan")
            .field("args", &self.args)
            .field("clear_env", &self.clear_env)
            .field("env", &super::EnvEntries(self.env.clone()))
            .field("cwd", &self.cwd)
            .field("user", &self.user)
            .finish()
    }
}

/// Everything the engine needs to start and initialize one CLI session.
pub(crate) struct LaunchPlan {
    /// The process to start.
    pub process: ProcessPlan,
    /// The `initialize` request body without `subtype`.
    pub initialize: Map<String, Value>,
    /// Hook callback id (`hook_0`, ...) → callback; the ids appear in `initialize.hooks`.
    pub hook_callbacks: HashMap<String, Arc<dyn HookCallback>>,
    /// The permission callback, when `--permission-prompt-tool stdio` is used.
    pub can_use_tool: Option<Arc<dyn CanUseTool>>,
    /// In-process MCP servers by name; the names appear in `initialize.sdkMcpServers`.
    pub sdk_mcp_servers: HashMap<String, Arc<dyn SdkMcpServer>>,
    /// Answers MCP elicitations.
    pub elicitation: Option<Arc<dyn ElicitationHandler>>,
    /// Renders user dialogs.
    pub user_dialog: Option<Arc<dyn UserDialogHandler>>,
    /// Send every prompt with `client_composed`.
    pub verbatim_prompts: bool,
    /// Mirror transcripts into this store.
    pub session_store: Option<Arc<dyn crate::sessions::store::SessionStore>>,
    /// Restore this session from the store before starting (`resume` with a store).
    pub restore: Option<String>,
    /// The longest a restore may take.
    pub store_load_timeout: std::time::Duration,
    /// The store's project key, when fixed.
    pub store_project: Option<String>,
}

impl fmt::Debug for LaunchPlan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut hooks: Vec<_> = self.hook_callbacks.keys().collect();
        hooks.sort();
        let mut servers: Vec<_> = self.sdk_mcp_servers.keys().collect();
        servers.sort();
        f.debug_struct("LaunchPlan")
            .field("process", &self.process)
            .field("initialize", &self.initialize)
            .field("hook_callbacks", &hooks)
            .field("can_use_tool", &self.can_use_tool.is_some())
            .field("sdk_mcp_servers", &servers)
            .finish()
    }
}

impl Options {
    /// Checks every option and computes how the CLI is started, not knowing its version.
    pub(crate) fn launch_plan(&self) -> Result<LaunchPlan> {
        self.launch_plan_for(None)
    }

    /// Checks every option and computes how the CLI at `version` is started.
    pub(crate) fn launch_plan_for(&self, version: Option<&CliVersion>) -> Result<LaunchPlan> {
        self.with_registrations()?.plan(version)
    }

    /// Whether the plan depends on the CLI's version (something may go in `initialize`).
    pub(crate) fn plan_depends_on_version(&self) -> bool {
        let external = self
            .mcp_servers
            .values()
            .any(|config| config.to_wire().is_some());
        external || !self.plugins.is_empty() || self.runtime.managed_settings.is_some()
    }

    fn plan(&self, version: Option<&CliVersion>) -> Result<LaunchPlan> {
        self.validate()?;
        let deliveries = self.runtime.deliveries(version)?;
        let mut init = initialize::build(self)?;
        let mut argv = Argv::new();
        self.push_tool_flags(&mut argv)?;
        self.push_model_flags(&mut argv)?;
        self.push_session_flags(&mut argv)?;
        self.push_settings_flags(&mut argv, &deliveries, &mut init.body)?;
        self.push_output_flags(&mut argv)?;
        extra_args::append(&mut argv, &self.extra_args)?;
        extra_args::append_unchecked(&mut argv, &self.runtime.unchecked_args)?;
        if self.runtime.session_store.is_some() && !argv.has("--session-mirror") {
            argv.flag("--session-mirror");
        }
        if deliveries.mcp_servers || deliveries.plugins || deliveries.managed_settings {
            argv.flag("--await-initialize");
        }

        let cwd = self
            .cwd
            .as_deref()
            .map(|p| path_str("cwd", p))
            .transpose()?;
        let inherit = self.inherit_env.unwrap_or(true);
        let parent = |key: &str| std::env::var(key).ok();
        let env = env::build(&env::EnvInputs {
            inherit,
            user: &self.env.0,
            allowed: &self.allowed_env,
            cwd,
            file_checkpointing: self.enable_file_checkpointing,
            client_app: self.client_app.as_deref(),
            tool_search: self.tool_search,
            parent: &parent,
        })?;
        let mut env = env;
        env.extend(self.runtime.env());
        Ok(LaunchPlan {
            process: ProcessPlan {
                args: argv.into_vec(),
                clear_env: !inherit,
                env,
                cwd: self.cwd.clone(),
                user: self.runtime.user.clone(),
            },
            initialize: init.body,
            hook_callbacks: init.hook_callbacks,
            can_use_tool: self.can_use_tool.as_ref().map(|cb| Arc::clone(&cb.0)),
            sdk_mcp_servers: init.sdk_mcp_servers,
            elicitation: self.runtime.elicitation(),
            user_dialog: self.runtime.user_dialog(),
            verbatim_prompts: self.runtime.verbatim_prompts,
            session_store: self.runtime.session_store(),
            restore: self
                .resume
                .clone()
                .filter(|_| self.runtime.session_store.is_some()),
            store_load_timeout: self
                .runtime
                .session_store_load_timeout
                .unwrap_or(std::time::Duration::from_secs(60)),
            store_project: self.runtime.session_store_project.clone(),
        })
    }
}
