//! Isolating a CLI run: [`TestEnv`] (scratch directories and environment) and [`cli_path`].

use std::io;
use std::path::{Path, PathBuf};

use super::server::ModelServer;

/// Environment variable naming the CLI the tests run (checked first by [`cli_path`]).
pub const TEST_CLI_ENV: &str = "CLAUDE_AGENT_TEST_CLI";
/// Environment variable naming the CLI the crate runs (checked second by [`cli_path`]).
pub use crate::transport::CLI_PATH_ENV;
/// The API key [`TestEnv`] gives the CLI; the scripted server accepts any key.
pub const OFFLINE_API_KEY: &str = "sk-test-offline";

/// A scratch directory and the environment that make one CLI run hermetic and offline.
///
/// The directory holds `home/` (`HOME`), `config/` (`CLAUDE_CONFIG_DIR`: session files land in
/// `config/projects/...`), `tmp/` (`TMPDIR`) and `work/` (the working directory to run in).
/// Everything is deleted when the `TestEnv` is dropped.
///
/// # Examples
///
/// ```
/// use claude_agent::testing::{ScriptedModel, TestEnv};
///
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> std::io::Result<()> {
/// let server = ScriptedModel::new().start().await?;
/// let env = TestEnv::new(&server)?;
/// let mut cmd = tokio::process::Command::new("claude");
/// cmd.current_dir(env.cwd()).envs(env.env_vars());
/// let vars = env.env_vars();
/// assert!(vars.contains(&("ANTHROPIC_BASE_URL".to_owned(), server.base_url())));
/// assert!(env.config_dir().is_dir());
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct TestEnv {
    dir: tempfile::TempDir,
    home: PathBuf,
    config: PathBuf,
    tmp: PathBuf,
    work: PathBuf,
    base_url: String,
    is_sandbox: bool,
    extra: Vec<(String, String)>,
}

impl TestEnv {
    /// Creates the scratch directories for a CLI that talks to `server`.
    pub fn new(server: &ModelServer) -> io::Result<Self> {
        Self::with_base_url(server.base_url())
    }

    /// Creates the scratch directories for a CLI that talks to the API at `base_url`.
    pub fn with_base_url(base_url: impl Into<String>) -> io::Result<Self> {
        let dir = tempfile::Builder::new()
            .prefix("claude-agent-test-")
            .tempdir()?;
        for sub in ["home", "config", "tmp", "work"] {
            std::fs::create_dir(dir.path().join(sub))?;
        }
        Ok(Self {
            home: dir.path().join("home"),
            config: dir.path().join("config"),
            tmp: dir.path().join("tmp"),
            work: dir.path().join("work"),
            dir,
            base_url: base_url.into(),
            is_sandbox: false,
            extra: Vec::new(),
        })
    }

    /// Also sets `IS_SANDBOX=1`, which lets the CLI use `bypassPermissions` when running as root.
    #[must_use]
    pub fn is_sandbox(mut self, on: bool) -> Self {
        self.is_sandbox = on;
        self
    }

    /// Adds (or overrides) one variable of [`env_vars`](Self::env_vars).
    #[must_use]
    pub fn env(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        let key = key.into();
        self.extra.retain(|(k, _)| *k != key);
        self.extra.push((key, value.into()));
        self
    }

    /// The variables to set on the CLI process: `HOME`, `CLAUDE_CONFIG_DIR`, `TMPDIR`,
    /// `ANTHROPIC_BASE_URL`, `ANTHROPIC_API_KEY`, `CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1`,
    /// `DISABLE_TELEMETRY=1`, `DISABLE_AUTOUPDATER=1`, `ENABLE_TOOL_SEARCH=false`, `IS_SANDBOX=1`
    /// if [opted in](Self::is_sandbox), then those added with [`env`](Self::env).
    ///
    /// `ENABLE_TOOL_SEARCH=false` keeps the model's tool list complete and stable (no tool is
    /// deferred behind `ToolSearch`) whatever the agent under test configures; an explicit
    /// [`OptionsBuilder::tool_search`](crate::OptionsBuilder::tool_search) on the agent's options
    /// overrides it.
    pub fn env_vars(&self) -> Vec<(String, String)> {
        let path = |p: &Path| p.to_string_lossy().into_owned();
        let mut vars: Vec<(String, String)> = [
            ("HOME", path(self.home())),
            ("CLAUDE_CONFIG_DIR", path(self.config_dir())),
            ("TMPDIR", path(self.tmp_dir())),
            ("ANTHROPIC_BASE_URL", self.base_url.clone()),
            ("ANTHROPIC_API_KEY", OFFLINE_API_KEY.to_owned()),
            ("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1".to_owned()),
            ("DISABLE_TELEMETRY", "1".to_owned()),
            ("DISABLE_AUTOUPDATER", "1".to_owned()),
            ("ENABLE_TOOL_SEARCH", "false".to_owned()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        if self.is_sandbox {
            vars.push(("IS_SANDBOX".to_owned(), "1".to_owned()));
        }
        for (key, value) in &self.extra {
            vars.retain(|(k, _)| k != key);
            vars.push((key.clone(), value.clone()));
        }
        vars
    }

    /// The root of the scratch directory.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The working directory to run the CLI in (`<root>/work`).
    pub fn cwd(&self) -> &Path {
        &self.work
    }

    /// `CLAUDE_CONFIG_DIR` (`<root>/config`); the CLI writes session files under
    /// `<config>/projects/<project>/<session id>.jsonl`.
    pub fn config_dir(&self) -> &Path {
        &self.config
    }

    /// `HOME` (`<root>/home`).
    pub fn home(&self) -> &Path {
        &self.home
    }

    /// `TMPDIR` (`<root>/tmp`).
    pub fn tmp_dir(&self) -> &Path {
        &self.tmp
    }

    /// Every session file (`*.jsonl`) the CLI wrote under `<config>/projects`, sorted.
    pub fn session_files(&self) -> io::Result<Vec<PathBuf>> {
        let projects = self.config_dir().join("projects");
        let mut files = Vec::new();
        if !projects.is_dir() {
            return Ok(files);
        }
        for project in std::fs::read_dir(projects)? {
            let project = project?.path();
            if !project.is_dir() {
                continue;
            }
            for entry in std::fs::read_dir(project)? {
                let file = entry?.path();
                if file.extension().is_some_and(|e| e == "jsonl") {
                    files.push(file);
                }
            }
        }
        files.sort();
        Ok(files)
    }
}

/// Finds the Claude Code CLI for tests: `$CLAUDE_AGENT_TEST_CLI` if set, else
/// `$CLAUDE_AGENT_CLI_PATH`, else the first `node_modules/.bin/claude` found walking up from the
/// current directory, else the SDK's cached copy of
/// [`cli::TESTED_VERSION`](crate::cli::TESTED_VERSION) (see [`cli`](crate::cli)). Unlike a
/// session's search, `PATH` is not used, so tests do not pick up whatever CLI happens to be
/// installed globally.
///
/// # Errors
///
/// [`Error::CliNotFound`](crate::Error::CliNotFound) listing every path checked. Install the
/// tested CLI with `scripts/install-cli.sh` in this repository, or
/// `claude_agent::cli::ensure(claude_agent::cli::TESTED_VERSION)` (npm needed), or set
/// `CLAUDE_AGENT_TEST_CLI=/path/to/claude`.
///
/// # Examples
///
/// ```no_run
/// let cli = claude_agent::testing::cli_path().expect("the Claude Code CLI for tests");
/// # let _ = cli;
/// ```
pub fn cli_path() -> crate::Result<PathBuf> {
    let explicit = std::env::var_os(TEST_CLI_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    crate::cli::locate(explicit.as_deref(), None, crate::transport::Scope::Project)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn scratch_layout_and_variables() {
        let env = TestEnv::with_base_url("http://127.0.0.1:9").unwrap();
        for dir in [env.home(), env.config_dir(), env.tmp_dir(), env.cwd()] {
            assert!(dir.is_dir(), "{}", dir.display());
            assert!(dir.starts_with(env.root()));
        }
        let vars = env.env_vars();
        let get = |k: &str| {
            vars.iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(
            get("ANTHROPIC_BASE_URL").as_deref(),
            Some("http://127.0.0.1:9")
        );
        assert_eq!(get("ANTHROPIC_API_KEY").as_deref(), Some(OFFLINE_API_KEY));
        assert_eq!(
            get("CLAUDE_CONFIG_DIR"),
            Some(env.config_dir().to_string_lossy().into_owned())
        );
        assert_eq!(get("HOME"), Some(env.home().to_string_lossy().into_owned()));
        assert_eq!(
            get("TMPDIR"),
            Some(env.tmp_dir().to_string_lossy().into_owned())
        );
        assert_eq!(get("ENABLE_TOOL_SEARCH").as_deref(), Some("false"));
        assert_eq!(get("IS_SANDBOX"), None);
        assert!(env.session_files().unwrap().is_empty());
    }

    #[test]
    fn sandbox_and_extra_variables_override() {
        let env = TestEnv::with_base_url("http://x")
            .unwrap()
            .is_sandbox(true)
            .env("DISABLE_TELEMETRY", "0")
            .env("FOO", "1")
            .env("FOO", "2");
        let vars = env.env_vars();
        let all = |k: &str| {
            vars.iter()
                .filter(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(all("IS_SANDBOX"), ["1"]);
        assert_eq!(all("DISABLE_TELEMETRY"), ["0"]);
        assert_eq!(all("FOO"), ["2"]);
    }

    #[test]
    fn scratch_dir_is_removed_on_drop() {
        let env = TestEnv::with_base_url("http://x").unwrap();
        let root = env.root().to_path_buf();
        drop(env);
        assert!(!root.exists());
    }

    #[test]
    fn session_files_are_found_under_projects() {
        let env = TestEnv::with_base_url("http://x").unwrap();
        let project = env.config_dir().join("projects").join("-tmp-work");
        std::fs::create_dir_all(&project).unwrap();
        std::fs::write(project.join("b.jsonl"), "{}\n").unwrap();
        std::fs::write(project.join("a.jsonl"), "{}\n").unwrap();
        std::fs::write(project.join("notes.txt"), "").unwrap();
        let files = env.session_files().unwrap();
        assert_eq!(
            files,
            vec![project.join("a.jsonl"), project.join("b.jsonl")]
        );
    }
}
