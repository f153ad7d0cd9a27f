//! The one way a session finds its CLI: the usual search, then the cache of provisioned CLIs,
//! then (if asked) installing the tested version.

use std::path::{Path, PathBuf};

use super::TESTED_VERSION;
use super::install::Installer;
use crate::transport::{CLI_PATH_ENV, find_cli};
use crate::{Error, Result};

/// Finds the executable a session runs.
///
/// An explicit path (the `cli_path` option) or `CLAUDE_AGENT_CLI_PATH` is authoritative. Otherwise
/// the first CLI [`find_cli`] finds, else the cached [`TESTED_VERSION`]; with `install`, a CLI
/// that is missing or older than the minimum is replaced by installing [`TESTED_VERSION`] into
/// the cache. `env` is the session's environment (used to run `--version`).
pub(crate) async fn resolve(
    explicit: Option<&Path>,
    cwd: Option<&Path>,
    install: bool,
    env: &[(String, Option<String>)],
) -> Result<PathBuf> {
    let env_set = std::env::var_os(CLI_PATH_ENV).is_some_and(|v| !v.is_empty());
    if explicit.is_some() || env_set {
        return find_cli(explicit, cwd);
    }
    let installer = Installer::new(TESTED_VERSION);
    match find_cli(None, cwd) {
        Ok(found) if !install => Ok(found),
        Ok(found) => match crate::transport::version::probe(&found, env).await {
            Ok(_) => Ok(found),
            Err(Error::UnsupportedCliVersion { found: old, .. }) => {
                tracing::info!(path = %found.display(), version = %old, "the installed CLI is too old; provisioning the tested version");
                installer.install().await
            }
            Err(other) => Err(other),
        },
        Err(Error::CliNotFound { mut searched }) => {
            if let Some(cached) = installer.cached() {
                return Ok(cached);
            }
            if install {
                return installer.install().await;
            }
            searched.extend(installer.cli_path().ok());
            Err(Error::CliNotFound { searched })
        }
        Err(other) => Err(other),
    }
}
