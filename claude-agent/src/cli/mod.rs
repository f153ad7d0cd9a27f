//! Provisioning the Claude Code CLI: the version this release is tested with, and installing it
//! with npm into a per-user cache when no suitable CLI is installed. Also [`auth_status`]: which
//! credential a CLI uses (see [`Credentials`](crate::options::Credentials) to choose one).
//!
//! Crates cannot ship the CLI (it is far larger than crates.io allows), so the SDK can fetch it
//! on first use instead, in one of two ways:
//!
//! - call [`ensure`] yourself (for example in a setup step or `build`-time tool), or
//! - set [`OptionsBuilder::install_cli`](crate::OptionsBuilder::install_cli) and let the session
//!   do it when it starts.
//!
//! Either way the CLI ends up in `<cache>/<version>/node_modules/.bin/claude`, where `<cache>` is
//! [`cache_dir`] (`$CLAUDE_AGENT_CLI_CACHE`, else `$XDG_CACHE_HOME/claude-agent/cli`, else the
//! platform's cache directory). Sessions find a CLI provisioned there even without the option.
//! Installing needs Node.js with npm on `PATH`; without it the error
//! ([`Error::NpmNotFound`](crate::Error::NpmNotFound)) says what to install.
//!
//! # Examples
//!
//! ```no_run
//! use claude_agent::cli;
//!
//! # #[tokio::main] async fn main() -> claude_agent::Result<()> {
//! // An installed CLI of at least the minimum version, or the tested one installed now.
//! let path = cli::ensure(cli::TESTED_VERSION).await?;
//! println!("using {}", path.display());
//! # Ok(()) }
//! ```

mod auth;
mod cache;
mod install;
mod resolve;

use std::path::PathBuf;

pub use crate::transport::CliVersion;
pub use auth::{AuthReport, CredentialInUse, auth_status};
pub use cache::{CACHE_DIR_ENV, cache_dir};
pub use install::{Installer, NPM_PACKAGE};
#[cfg(feature = "testing")]
pub(crate) use resolve::locate;
pub(crate) use resolve::resolve;

/// The CLI version this release of the crate is tested with (and installs when provisioning).
///
/// # Examples
///
/// ```
/// assert_eq!(claude_agent::cli::TESTED_VERSION.to_string(), "2.1.330");
/// ```
pub const TESTED_VERSION: CliVersion = CliVersion::TESTED;

/// The oldest CLI version this crate supports; older CLIs are refused with
/// [`Error::UnsupportedCliVersion`](crate::Error::UnsupportedCliVersion).
///
/// # Examples
///
/// ```
/// use claude_agent::cli::{MINIMUM_VERSION, TESTED_VERSION};
/// assert!(MINIMUM_VERSION <= TESTED_VERSION);
/// ```
pub const MINIMUM_VERSION: CliVersion = CliVersion::MINIMUM;

/// Returns a CLI the SDK can run: the one a session would find (see
/// [`find_cli`](crate::transport::find_cli)) if it is at least [`MINIMUM_VERSION`], else a copy
/// of `version` in the cache, installed with npm if it is not there yet.
///
/// # Errors
///
/// [`Error::NpmNotFound`](crate::Error::NpmNotFound) or
/// [`Error::CliInstall`](crate::Error::CliInstall) when installing is needed and fails; an
/// explicit `CLAUDE_AGENT_CLI_PATH` that is missing or too old is reported as such
/// ([`Error::CliNotFound`](crate::Error::CliNotFound),
/// [`Error::UnsupportedCliVersion`](crate::Error::UnsupportedCliVersion)).
///
/// # Examples
///
/// ```no_run
/// # #[tokio::main] async fn main() -> claude_agent::Result<()> {
/// let claude = claude_agent::cli::ensure(claude_agent::cli::TESTED_VERSION).await?;
/// let options = claude_agent::Options::builder().cli_path(claude).build();
/// # let _ = options; Ok(()) }
/// ```
pub async fn ensure(version: CliVersion) -> crate::Result<PathBuf> {
    let env_set = std::env::var_os(crate::transport::CLI_PATH_ENV).is_some_and(|v| !v.is_empty());
    let found = match crate::transport::find_cli(None, None) {
        Ok(found) => Some(found),
        Err(err) if env_set => return Err(err),
        Err(_) => None,
    };
    if let Some(found) = found {
        match crate::transport::probe::probe(&found, &[]).await {
            Ok(_) => return Ok(found),
            Err(err) if env_set => return Err(err),
            Err(err) => tracing::info!(%err, "the installed CLI is unusable; provisioning"),
        }
    }
    Installer::new(version).install().await
}
