//! [`OptionsBuilder`] setters for the CLI process (directory, environment, executable, extra
//! flags, diagnostics) and the runtime's own limits.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::options::{Credentials, Opaque, OptionsBuilder};
use crate::transport::Spawner;

impl OptionsBuilder {
    /// The CLI's working directory (also sets `PWD`). It decides the project directory where
    /// sessions are stored.
    pub fn cwd(mut self, dir: impl Into<PathBuf>) -> Self {
        self.options.cwd = Some(dir.into());
        self
    }

    /// Gives the CLI access to another directory (`--add-dir`).
    pub fn add_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.options.add_dirs.push(dir.into());
        self
    }

    /// Gives the CLI access to several more directories.
    pub fn additional_directories<I, P>(mut self, dirs: I) -> Self
    where
        I: IntoIterator<Item = P>,
        P: Into<PathBuf>,
    {
        self.options
            .add_dirs
            .extend(dirs.into_iter().map(Into::into));
        self
    }

    /// Sets an environment variable of the CLI process (applied over the inherited environment;
    /// later calls win). Variables that can hijack the process (`LD_PRELOAD`, `PATH`,
    /// `NODE_OPTIONS`, ...) need [`allow_env`](Self::allow_env).
    pub fn env(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.options.env.0.push((key.into(), Some(value.into())));
        self
    }

    /// Sets several environment variables.
    pub fn envs<I, K, V>(mut self, vars: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        self.options
            .env
            .0
            .extend(vars.into_iter().map(|(k, v)| (k.into(), Some(v.into()))));
        self
    }

    /// Removes a variable from the CLI's environment.
    pub fn remove_env(mut self, key: impl Into<String>) -> Self {
        self.options.env.0.push((key.into(), None));
        self
    }

    /// Whether the CLI inherits this process's environment (default `true`). With `false` it
    /// gets only the SDK's variables and those set with [`env`](Self::env), so pass what it
    /// needs (`HOME`, credentials, and `PATH` for the commands it runs; passing this process's
    /// own `PATH` value needs no [`allow_env`](Self::allow_env)).
    pub fn inherit_env(mut self, inherit: bool) -> Self {
        self.options.inherit_env = Some(inherit);
        self
    }

    /// Allows setting a variable the SDK otherwise refuses as dangerous (see
    /// [`env`](Self::env)).
    pub fn allow_env(mut self, key: impl Into<String>) -> Self {
        self.options.allowed_env.insert(key.into());
        self
    }

    /// Identifies your application in the CLI's User-Agent (`CLAUDE_AGENT_SDK_CLIENT_APP`).
    pub fn client_app(mut self, name: impl Into<String>) -> Self {
        self.options.client_app = Some(name.into());
        self
    }

    /// Passes a CLI flag the SDK has no option for: `extra_arg("replay-user-messages", None)`
    /// or `extra_arg("--system-prompt-snapshot", Some("off"))`. Only flags in
    /// [`ALLOWED_EXTRA_FLAGS`](crate::options::ALLOWED_EXTRA_FLAGS) are accepted; values are
    /// attached
    /// as `--flag=value` and may not contain line breaks or NUL.
    ///
    /// Some flags need a newer CLI: see [compatibility](crate::compatibility).
    pub fn extra_arg(mut self, flag: impl Into<String>, value: Option<&str>) -> Self {
        self.options
            .extra_args
            .push((flag.into(), value.map(str::to_owned)));
        self
    }

    /// Turns on the CLI's debug mode (`--debug`).
    pub fn debug(mut self, enabled: bool) -> Self {
        self.options.debug = enabled.then_some(None);
        self
    }

    /// Turns on the CLI's debug mode for some categories (`--debug=api,hooks` or `!mcp`).
    pub fn debug_filter(mut self, filter: impl Into<String>) -> Self {
        self.options.debug = Some(Some(filter.into()));
        self
    }

    /// Writes the CLI's debug log to a file (`--debug-file`; implies debug mode).
    pub fn debug_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.options.debug_file = Some(path.into());
        self
    }

    /// The CLI executable to run (default: searched; see the crate docs).
    pub fn cli_path(mut self, path: impl Into<PathBuf>) -> Self {
        self.options.cli_path = Some(path.into());
        self
    }

    /// Receives each line the CLI writes to stderr.
    pub fn stderr(mut self, callback: impl Fn(&str) + Send + Sync + 'static) -> Self {
        self.options.stderr = Some(Opaque(Arc::new(callback)));
        self
    }

    /// Starts the CLI through a custom [`Spawner`] (container, VM, remote host).
    pub fn spawner(mut self, spawner: impl Spawner) -> Self {
        self.options.spawner = Some(Arc::new(spawner));
        self
    }

    /// The longest line accepted from the CLI (default 64 MiB). The CLI's `initialize` answer
    /// and `system/init` messages can be large; stay at 16 MiB or more.
    pub fn max_line_bytes(mut self, bytes: usize) -> Self {
        self.options.max_line_bytes = Some(bytes);
        self
    }

    /// How much message JSON to buffer ahead of a consumer that does not keep up (default
    /// [`DEFAULT_MESSAGE_BUFFER_BYTES`](crate::options::DEFAULT_MESSAGE_BUFFER_BYTES), 256 KiB).
    ///
    /// Past it the session stops reading the CLI's output until the stream is read again, and
    /// the CLI, its pipe full, waits: memory stays flat however long the stream (at most about
    /// twice this is held: the batch the stream is working through and what is queued behind it). Control calls
    /// never deadlock on it: while one awaits the CLI's answer, reading goes on regardless.
    ///
    /// # Examples
    ///
    /// ```
    /// let options = claude_agent::Options::builder().message_buffer_bytes(4 << 20).build();
    /// # let _ = options;
    /// ```
    pub fn message_buffer_bytes(mut self, bytes: usize) -> Self {
        self.options.message_buffer_bytes = Some(bytes);
        self
    }

    /// How long to wait for the CLI's answer to a control request (default 60 s).
    pub fn control_timeout(mut self, timeout: Duration) -> Self {
        self.options.control_timeout = Some(timeout);
        self
    }

    /// How long to wait for the answer to `initialize` (default: the larger of 60 s and
    /// `CLAUDE_CODE_STREAM_CLOSE_TIMEOUT` milliseconds).
    pub fn initialize_timeout(mut self, timeout: Duration) -> Self {
        self.options.initialize_timeout = Some(timeout);
        self
    }

    /// Grace period at shutdown: after closing stdin, wait this long before SIGTERM, and as
    /// long again before SIGKILL (default 5 s).
    pub fn shutdown_timeout(mut self, timeout: Duration) -> Self {
        self.options.shutdown_timeout = Some(timeout);
        self
    }

    /// Ends the session when `token` is cancelled, from anywhere (the TypeScript SDK's
    /// `abortController`): the message stream yields [`Error::Aborted`](crate::Error::Aborted)
    /// once and ends, control calls fail with it, and the CLI is stopped (SIGTERM at once, then
    /// SIGKILL after the [`shutdown_timeout`](Self::shutdown_timeout)), leaving no process.
    ///
    /// Each session watches a child of `token`, so one token can end many sessions, and
    /// [`SessionHandle::abort`](crate::SessionHandle::abort) ends one without cancelling `token`.
    ///
    /// # Examples
    ///
    /// ```no_run
    /// use claude_agent::{CancellationToken, Error, Options, query};
    /// use futures::StreamExt;
    ///
    /// # async fn run() -> claude_agent::Result<()> {
    /// let token = CancellationToken::new();
    /// let options = Options::builder().cancellation_token(token.clone()).build();
    /// let mut stream = query("Write a long essay", options);
    /// tokio::spawn(async move {
    ///     tokio::time::sleep(std::time::Duration::from_secs(5)).await;
    ///     token.cancel();
    /// });
    /// while let Some(message) = stream.next().await {
    ///     if let Err(Error::Aborted) = message {
    ///         println!("stopped");
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    pub fn cancellation_token(mut self, token: tokio_util::sync::CancellationToken) -> Self {
        self.options.cancellation = Some(token);
        self
    }

    /// How long a one-shot [`query`](crate::query) keeps the CLI's input open after its last
    /// result while background agents or workflows still run (their hooks, permission requests
    /// and in-process tools need answers), before closing it anyway. Default: 10 minutes, or
    /// `CLAUDE_CODE_PRINT_BG_WAIT_CEILING_MS` when set.
    pub fn background_wait(mut self, wait: Duration) -> Self {
        self.options.background_wait = Some(wait);
        self
    }

    /// Skips the check of the CLI's version (also skipped when
    /// `CLAUDE_AGENT_SDK_SKIP_VERSION_CHECK` is set).
    pub fn skip_version_check(mut self, skip: bool) -> Self {
        self.options.skip_version_check = skip;
        self
    }

    /// How the CLI authenticates: [`Credentials::Inherit`] (the default: whatever the environment
    /// and `~/.claude` say), an API key, an OAuth token from `claude setup-token`, or Bedrock /
    /// Vertex / Foundry with their settings.
    ///
    /// The choice becomes environment variables of the CLI process (never arguments), applied
    /// like [`env`](Self::env) entries at this point of the chain: a later `env` call for the
    /// same variable wins. It also removes the other choices' variables, so an inherited
    /// `ANTHROPIC_API_KEY` cannot override an OAuth token. `Debug` output of the options shows
    /// variable names only.
    ///
    /// Check which credential the CLI actually uses with
    /// [`cli::auth_status`](crate::cli::auth_status).
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::Options;
    /// use claude_agent::options::Credentials;
    ///
    /// let options = Options::builder()
    ///     .credentials(Credentials::oauth_token("sk-ant-oat01-..."))
    ///     .build();
    /// assert!(!format!("{options:?}").contains("sk-ant-oat01"));
    /// ```
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.options.env.0.extend(credentials.env());
        self
    }

    /// When no usable CLI is found (none installed, or one older than
    /// [`cli::MINIMUM_VERSION`](crate::cli::MINIMUM_VERSION)), install
    /// [`cli::TESTED_VERSION`](crate::cli::TESTED_VERSION) with npm into the per-user cache
    /// before starting the session (see [`cli`](crate::cli)). Default `false`.
    ///
    /// Off by default because it downloads a large package (a few hundred MB unpacked) and runs
    /// npm, which the caller should opt into; it is an option rather than a cargo feature so that
    /// one dependency enabling it cannot turn it on for every user of the crate in a build. An
    /// explicit [`cli_path`](Self::cli_path) or `CLAUDE_AGENT_CLI_PATH` is always used as given.
    /// A CLI already in the cache is used even without this option.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::Options;
    ///
    /// // `cargo add claude-agent` + `cargo run` on a machine with Node.js and no CLI:
    /// let options = Options::builder().install_cli(true).build();
    /// # let _ = options;
    /// ```
    pub fn install_cli(mut self, install: bool) -> Self {
        self.options.install_cli = install;
        self
    }
}
