//! [`Installer`]: one CLI version installed with npm into the per-user cache, safely for
//! concurrent first runs (each run installs into its own temporary directory, then renames it
//! into place atomically; the loser of a race uses the winner's copy).

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::cache::{CACHE_DIR_ENV, cache_dir};
use crate::transport::CliVersion;
use crate::{Error, Result};

/// The npm package of the Claude Code CLI.
pub const NPM_PACKAGE: &str = "@anthropic-ai/claude-code";

/// How long one `npm install` may take.
const NPM_TIMEOUT: Duration = Duration::from_secs(15 * 60);

const EXE: &str = if cfg!(windows) {
    "claude.cmd"
} else {
    "claude"
};
const NPM: &str = if cfg!(windows) { "npm.cmd" } else { "npm" };

/// Installs one version of the CLI into the cache with npm, or finds it there.
///
/// The CLI of version `V` lives at `<cache>/<V>/node_modules/.bin/claude`, where `<cache>` is
/// [`cache_dir`](super::cache_dir) unless set with [`cache_dir`](Self::cache_dir). Installing
/// runs `npm install --prefix <cache>/.<V>.tmp-…  @anthropic-ai/claude-code@<V>`, checks that the
/// new executable reports version `V`, and renames the directory into place. Two processes
/// installing at the same time each download once, and both end up using the same complete copy;
/// a half-written install is never visible under `<cache>/<V>`.
///
/// # Examples
///
/// ```no_run
/// use claude_agent::cli::{Installer, TESTED_VERSION};
///
/// # async fn run() -> claude_agent::Result<()> {
/// let path = Installer::new(TESTED_VERSION)
///     .cache_dir("/tmp/my-cli-cache")
///     .install()
///     .await?;
/// assert!(path.ends_with("node_modules/.bin/claude"));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Installer {
    version: CliVersion,
    cache_dir: Option<PathBuf>,
    npm: Option<PathBuf>,
}

impl Installer {
    /// An installer of `version` into the default cache directory, with `npm` from `PATH`.
    pub fn new(version: CliVersion) -> Self {
        Self {
            version,
            cache_dir: None,
            npm: None,
        }
    }

    /// Uses this cache directory instead of [`cache_dir`](super::cache_dir).
    #[must_use]
    pub fn cache_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.cache_dir = Some(dir.into());
        self
    }

    /// Runs this npm executable instead of `npm` from `PATH`.
    #[must_use]
    pub fn npm(mut self, program: impl Into<PathBuf>) -> Self {
        self.npm = Some(program.into());
        self
    }

    /// The version this installer installs.
    pub fn version(&self) -> CliVersion {
        self.version
    }

    /// The directory this version is (or would be) installed in: `<cache>/<version>`.
    ///
    /// # Errors
    ///
    /// [`Error::CliInstall`] when no cache directory is configured or known.
    pub fn dir(&self) -> Result<PathBuf> {
        let root = self
            .cache_dir
            .clone()
            .or_else(cache_dir)
            .ok_or_else(|| Error::CliInstall {
                version: self.version.to_string(),
                dir: PathBuf::new(),
                reason: format!("no cache directory is known: set {CACHE_DIR_ENV} or HOME"),
            })?;
        Ok(root.join(self.version.to_string()))
    }

    /// Where the executable is (or would be) once installed.
    ///
    /// # Errors
    ///
    /// As [`dir`](Self::dir).
    pub fn cli_path(&self) -> Result<PathBuf> {
        Ok(bin_in(&self.dir()?))
    }

    /// The installed executable, if this version is already in the cache (not verified).
    pub fn cached(&self) -> Option<PathBuf> {
        self.cli_path().ok().filter(|p| p.is_file())
    }

    /// Returns the cached executable of this version, installing it first if needed, after
    /// checking that it reports this version.
    ///
    /// # Errors
    ///
    /// - [`Error::NpmNotFound`] when the version is not cached and npm cannot be started;
    /// - [`Error::CliInstall`] when npm fails, the cache directory cannot be written, or the
    ///   installed CLI reports another version.
    pub async fn install(&self) -> Result<PathBuf> {
        let dir = self.dir()?;
        let bin = bin_in(&dir);
        if bin.is_file() {
            match self.verify(&bin).await {
                Ok(()) => return Ok(bin),
                Err(err) => {
                    tracing::warn!(dir = %dir.display(), %err, "the cached CLI is unusable; reinstalling");
                    discard(&dir);
                }
            }
        } else if dir.exists() {
            discard(&dir);
        }
        let parent = dir.parent().map(Path::to_path_buf).unwrap_or_default();
        std::fs::create_dir_all(&parent).map_err(|e| self.failed(&parent, e.to_string()))?;
        let staging = TempDir::new(&parent, &self.version.to_string())
            .map_err(|e| self.failed(&parent, format!("cannot create a staging directory: {e}")))?;
        tracing::info!(version = %self.version, dir = %dir.display(), "installing the Claude Code CLI with npm");
        self.npm_install(staging.path()).await?;
        self.verify(&bin_in(staging.path())).await?;
        match std::fs::rename(staging.path(), &dir) {
            Ok(()) => staging.keep(),
            // Another process finished first: its copy is complete, ours is dropped.
            Err(err) if bin.is_file() => {
                tracing::debug!(%err, "another process installed the same CLI version first");
            }
            Err(err) => {
                return Err(self.failed(&dir, format!("cannot move the install into place: {err}")));
            }
        }
        self.verify(&bin).await?;
        Ok(bin)
    }

    async fn npm_install(&self, prefix: &Path) -> Result<()> {
        let npm = self.npm.clone().unwrap_or_else(|| PathBuf::from(NPM));
        let spec = format!("{NPM_PACKAGE}@{}", self.version);
        let mut cmd = tokio::process::Command::new(&npm);
        cmd.arg("install")
            .arg("--prefix")
            .arg(prefix)
            .args([
                "--no-save",
                "--no-package-lock",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
            ])
            .arg(&spec)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        let output = match tokio::time::timeout(NPM_TIMEOUT, cmd.output()).await {
            Err(_) => {
                return Err(self.failed(prefix, format!("`npm install {spec}` timed out")));
            }
            Ok(Err(err)) if err.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::NpmNotFound {
                    version: self.version.to_string(),
                });
            }
            Ok(Err(err)) => {
                return Err(self.failed(prefix, format!("cannot run {}: {err}", npm.display())));
            }
            Ok(Ok(output)) => output,
        };
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let tail: Vec<&str> = stderr.lines().rev().take(12).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            return Err(self.failed(
                prefix,
                format!(
                    "`npm install {spec}` exited with {}: {}",
                    output.status,
                    crate::error::truncate(tail.join("\n").trim(), 2000)
                ),
            ));
        }
        Ok(())
    }

    /// Checks that `bin` runs and reports exactly this version.
    async fn verify(&self, bin: &Path) -> Result<()> {
        let found = crate::transport::probe::probe(bin, &[]).await?;
        if found != self.version {
            return Err(self.failed(bin, format!("the installed CLI reports version {found}")));
        }
        Ok(())
    }

    fn failed(&self, dir: &Path, reason: String) -> Error {
        Error::CliInstall {
            version: self.version.to_string(),
            dir: dir.to_path_buf(),
            reason,
        }
    }
}

/// `<prefix>/node_modules/.bin/claude`.
fn bin_in(prefix: &Path) -> PathBuf {
    prefix.join("node_modules").join(".bin").join(EXE)
}

/// Moves an unusable install out of the way (renaming first, so that no other process sees it
/// half-deleted), then deletes it.
fn discard(dir: &Path) {
    let Some(parent) = dir.parent() else { return };
    let trash = parent.join(format!(".trash-{}", unique()));
    if std::fs::rename(dir, &trash).is_ok() {
        let _ = std::fs::remove_dir_all(&trash);
    }
}

/// A name part unique to this process and call.
fn unique() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{}-{nanos}-{n}", std::process::id())
}

/// A staging directory, deleted on drop unless [kept](TempDir::keep).
struct TempDir(Option<PathBuf>);

impl TempDir {
    fn new(parent: &Path, version: &str) -> std::io::Result<Self> {
        let path = parent.join(format!(".{version}.tmp-{}", unique()));
        std::fs::create_dir(&path)?;
        Ok(Self(Some(path)))
    }

    fn path(&self) -> &Path {
        self.0.as_deref().unwrap_or(Path::new(""))
    }

    fn keep(mut self) {
        self.0 = None;
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let _ = std::fs::remove_dir_all(path);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn missing_npm_is_a_typed_error_saying_what_to_install() {
        let cache = tempfile::tempdir().unwrap();
        let err = Installer::new(CliVersion::new(2, 1, 197))
            .cache_dir(cache.path())
            .npm("/no/such/npm")
            .install()
            .await
            .unwrap_err();
        assert!(matches!(err, Error::NpmNotFound { ref version } if version == "2.1.197"));
        let text = err.to_string();
        assert!(
            text.contains("Node.js") && text.contains("@anthropic-ai/claude-code@2.1.197"),
            "{text}"
        );
        // The failed attempt leaves no staging directory behind.
        assert_eq!(std::fs::read_dir(cache.path()).unwrap().count(), 0);
    }

    #[tokio::test]
    async fn failing_npm_reports_its_output() {
        let cache = tempfile::tempdir().unwrap();
        let npm = cache.path().join("fake-npm");
        std::fs::write(
            &npm,
            "#!/bin/sh\necho 'npm error 404 Not Found' >&2\nexit 1\n",
        )
        .unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&npm, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let store = cache.path().join("store");
        let err = Installer::new(CliVersion::new(9, 9, 9))
            .cache_dir(&store)
            .npm(&npm)
            .install()
            .await
            .unwrap_err();
        assert!(matches!(err, Error::CliInstall { .. }), "{err:?}");
        assert!(err.to_string().contains("404 Not Found"), "{err}");
        assert_eq!(std::fs::read_dir(&store).unwrap().count(), 0);
    }

    #[test]
    fn layout_is_version_directory_under_the_cache() {
        let installer = Installer::new(CliVersion::new(2, 1, 330)).cache_dir("/c");
        assert_eq!(installer.dir().unwrap(), PathBuf::from("/c/2.1.330"));
        assert_eq!(
            installer.cli_path().unwrap(),
            PathBuf::from("/c/2.1.330/node_modules/.bin").join(EXE)
        );
        assert_eq!(installer.cached(), None);
    }
}
