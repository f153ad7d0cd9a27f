//! The one way a session finds its CLI: the usual search, then the cache of provisioned CLIs,
//! then (if asked) installing the tested version.

use std::path::{Path, PathBuf};

use super::TESTED_VERSION;
use super::install::Installer;
use crate::transport::{CLI_PATH_ENV, find_cli};
#[cfg(feature = "testing")]
use crate::transport::{Scope, find_cli_in};
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
    decide(
        find_cli(None, cwd),
        install,
        env,
        &Installer::new(TESTED_VERSION),
    )
    .await
}

/// Finds a CLI without installing one: an explicit path or `CLAUDE_AGENT_CLI_PATH` as given,
/// else the search of `scope`, else the cached [`TESTED_VERSION`]. (For the test kit.)
#[cfg(feature = "testing")]
pub(crate) fn locate(explicit: Option<&Path>, cwd: Option<&Path>, scope: Scope) -> Result<PathBuf> {
    let env_set = std::env::var_os(CLI_PATH_ENV).is_some_and(|v| !v.is_empty());
    let found = find_cli_in(explicit, cwd, scope);
    if explicit.is_some() || env_set {
        return found;
    }
    match found {
        Err(Error::CliNotFound { searched }) => {
            cached_or_not_found(searched, &Installer::new(TESTED_VERSION))
        }
        other => other,
    }
}

/// The cached CLI, else [`Error::CliNotFound`] listing `searched` and the cache path.
fn cached_or_not_found(mut searched: Vec<PathBuf>, installer: &Installer) -> Result<PathBuf> {
    if let Some(cached) = installer.cached() {
        return Ok(cached);
    }
    searched.extend(installer.cli_path().ok());
    Err(Error::CliNotFound { searched })
}

/// What to run, given what the search `found`.
async fn decide(
    found: Result<PathBuf>,
    install: bool,
    env: &[(String, Option<String>)],
    installer: &Installer,
) -> Result<PathBuf> {
    match found {
        Ok(found) if !install => Ok(found),
        Ok(found) => match crate::transport::probe::probe(&found, env).await {
            Ok(_) => Ok(found),
            Err(Error::UnsupportedCliVersion { found: old, .. }) => {
                tracing::info!(path = %found.display(), version = %old, "the installed CLI is too old; provisioning the tested version");
                installer.install().await
            }
            Err(other) => Err(other),
        },
        Err(Error::CliNotFound { searched }) => match cached_or_not_found(searched, installer) {
            Err(Error::CliNotFound { .. }) if install => installer.install().await,
            other => other,
        },
        Err(other) => Err(other),
    }
}

#[cfg(all(test, unix))]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn script(path: &Path, body: &str) {
        std::fs::write(path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    /// A fake npm whose `install --prefix DIR ...` puts a CLI reporting `version` into DIR, and
    /// counts its runs in `runs`.
    fn fake_npm(dir: &Path, version: &str) -> PathBuf {
        let npm = dir.join("npm");
        let runs = dir.join("runs");
        script(
            &npm,
            &format!(
                "echo run >> '{}'\nmkdir -p \"$3/node_modules/.bin\"\n\
                 printf '#!/bin/sh\\necho \"{version} (Claude Code)\"\\n' > \"$3/node_modules/.bin/claude\"\n\
                 chmod +x \"$3/node_modules/.bin/claude\"",
                runs.display()
            ),
        );
        npm
    }

    fn runs(dir: &Path) -> usize {
        std::fs::read_to_string(dir.join("runs"))
            .map(|s| s.lines().count())
            .unwrap_or(0)
    }

    fn not_found() -> Result<PathBuf> {
        Err(Error::CliNotFound {
            searched: vec![PathBuf::from("/nowhere/claude")],
        })
    }

    #[tokio::test]
    async fn without_the_option_a_missing_cli_is_an_error_naming_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        let installer = Installer::new(TESTED_VERSION)
            .cache_dir(dir.path().join("cache"))
            .npm(fake_npm(dir.path(), &TESTED_VERSION.to_string()));
        let err = decide(not_found(), false, &[], &installer)
            .await
            .unwrap_err();
        let Error::CliNotFound { searched } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(searched.len(), 2);
        assert_eq!(searched[1], installer.cli_path().unwrap());
        assert!(err.to_string().contains("install_cli(true)"), "{err}");
        assert_eq!(runs(dir.path()), 0, "npm must not run without the option");
    }

    #[tokio::test]
    async fn with_the_option_a_missing_cli_is_installed_once_then_found_in_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        let installer = Installer::new(TESTED_VERSION)
            .cache_dir(dir.path().join("cache"))
            .npm(fake_npm(dir.path(), &TESTED_VERSION.to_string()));
        let path = decide(not_found(), true, &[], &installer).await.unwrap();
        assert_eq!(path, installer.cli_path().unwrap());
        assert_eq!(runs(dir.path()), 1);
        // Found in the cache afterwards, with or without the option, without npm.
        let again = decide(not_found(), false, &[], &installer).await.unwrap();
        assert_eq!(again, path);
        assert_eq!(runs(dir.path()), 1);
    }

    #[tokio::test]
    async fn with_the_option_a_too_old_cli_is_replaced_and_a_good_one_kept() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("old-claude");
        script(&old, "echo '2.1.100 (Claude Code)'");
        let installer = Installer::new(TESTED_VERSION)
            .cache_dir(dir.path().join("cache"))
            .npm(fake_npm(dir.path(), &TESTED_VERSION.to_string()));
        // Without the option the old one is returned (the session's version check refuses it).
        assert_eq!(
            decide(Ok(old.clone()), false, &[], &installer)
                .await
                .unwrap(),
            old
        );
        let path = decide(Ok(old), true, &[], &installer).await.unwrap();
        assert_eq!(path, installer.cli_path().unwrap());
        let good = dir.path().join("good-claude");
        script(&good, "echo '2.1.197 (Claude Code)'");
        assert_eq!(
            decide(Ok(good.clone()), true, &[], &installer)
                .await
                .unwrap(),
            good
        );
    }

    #[tokio::test]
    async fn an_install_reporting_another_version_is_refused_and_not_kept() {
        let dir = tempfile::tempdir().unwrap();
        let installer = Installer::new(TESTED_VERSION)
            .cache_dir(dir.path().join("cache"))
            .npm(fake_npm(dir.path(), "2.1.200"));
        let err = decide(not_found(), true, &[], &installer)
            .await
            .unwrap_err();
        assert!(
            matches!(err, Error::CliInstall { ref reason, .. } if reason.contains("2.1.200")),
            "{err:?}"
        );
        assert!(installer.cached().is_none());
        let leftovers = std::fs::read_dir(dir.path().join("cache")).unwrap().count();
        assert_eq!(leftovers, 0, "the staging directory is removed");
    }
}
