//! What version an executable is, without paying for a `--version` child on every session.
//!
//! A version is known by the executable's identity: its path, size and modification time. It is
//! looked up in this process's memory, then in a small on-disk cache (one file per executable
//! under [`cli::cache_dir`](crate::cli::cache_dir)`/versions/`); only when both miss is
//! `<path> --version` run, once per executable even when many sessions start together (they wait
//! for the same probe). A version the CLI reports itself (the `initialize` answer carries it
//! since 2.1.330) is [remembered](remember) the same way, so the probe usually never runs.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, UNIX_EPOCH};

use tokio::sync::OnceCell;

use super::version::{CliVersion, ensure_supported};
use crate::{Error, Result};

/// An executable's identity: a changed file is a different key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    path: PathBuf,
    size: u64,
    mtime_ns: u128,
}

impl Key {
    /// `None` when the file cannot be read (the probe then reports why).
    fn of(path: &Path) -> Option<Key> {
        let meta = std::fs::metadata(path).ok()?;
        let mtime_ns = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(Key {
            path: path.to_path_buf(),
            size: meta.len(),
            mtime_ns: mtime_ns.as_nanos(),
        })
    }

    /// The text stored on disk: the key's fields, then the version.
    fn record(&self, version: CliVersion) -> String {
        format!(
            "{}\n{}\n{}\n{version}\n",
            self.path.display(),
            self.size,
            self.mtime_ns
        )
    }

    fn file(&self) -> Option<PathBuf> {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.hash(&mut hasher);
        let dir = crate::cli::cache_dir()?.join("versions");
        Some(dir.join(format!("{:016x}", hasher.finish())))
    }
}

type Slots = Mutex<HashMap<Key, Arc<OnceCell<CliVersion>>>>;

/// One slot per executable; concurrent probes of one key wait on the same cell.
fn slot(key: &Key) -> Arc<OnceCell<CliVersion>> {
    static SLOTS: OnceLock<Slots> = OnceLock::new();
    let mut slots = match SLOTS.get_or_init(Default::default).lock() {
        Ok(slots) => slots,
        Err(poisoned) => poisoned.into_inner(),
    };
    slots.entry(key.clone()).or_default().clone()
}

/// The version of `path` if it is already known (memory or disk), without running anything.
pub(crate) fn cached(path: &Path) -> Option<CliVersion> {
    let key = Key::of(path)?;
    let cell = slot(&key);
    if let Some(version) = cell.get() {
        return Some(*version);
    }
    let version = read_disk(&key)?;
    let _ = cell.set(version);
    Some(version)
}

/// Records a version the CLI at `path` reported itself.
pub(crate) fn remember(path: &Path, version: CliVersion) {
    let Some(key) = Key::of(path) else { return };
    if slot(&key).set(version).is_ok() {
        write_disk(&key, version);
    }
}

/// The version of `path`: [cached](cached), else from one `<path> --version` run shared by every
/// caller that asks meanwhile. Fails with [`Error::UnsupportedCliVersion`] for a version below
/// the minimum, and with [`Error::Spawn`] if the executable cannot be run.
pub(crate) async fn probe(path: &Path, env: &[(String, Option<String>)]) -> Result<CliVersion> {
    let Some(key) = Key::of(path) else {
        // Not a readable file: let the spawn report it.
        return run(path, env).await;
    };
    let cell = slot(&key);
    let version = cell
        .get_or_try_init(|| async {
            if let Some(version) = read_disk(&key) {
                return Ok(version);
            }
            let version = run(path, env).await?;
            write_disk(&key, version);
            Ok::<_, Error>(version)
        })
        .await?;
    Ok(*version)
}

async fn run(path: &Path, env: &[(String, Option<String>)]) -> Result<CliVersion> {
    let mut cmd = tokio::process::Command::new(path);
    cmd.arg("--version")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    for (key, value) in env {
        match value {
            Some(value) => cmd.env(key, value),
            None => cmd.env_remove(key),
        };
    }
    let spawn_err = |source| Error::Spawn {
        path: path.to_path_buf(),
        source,
    };
    let output = tokio::time::timeout(Duration::from_secs(30), cmd.output())
        .await
        .map_err(|_| {
            spawn_err(std::io::Error::other(
                "`--version` did not finish within 30 s",
            ))
        })?
        .map_err(spawn_err)?;
    ensure_supported(&String::from_utf8_lossy(&output.stdout), path)
}

fn read_disk(key: &Key) -> Option<CliVersion> {
    let text = std::fs::read_to_string(key.file()?).ok()?;
    let version: CliVersion = text.lines().last()?.parse().ok()?;
    // A hash collision, a stale or a foreign record reads as a miss.
    (text == key.record(version) && version >= CliVersion::MINIMUM).then_some(version)
}

/// Best effort: a cache that cannot be written only costs a later probe.
fn write_disk(key: &Key, version: CliVersion) {
    let Some(file) = key.file() else { return };
    let Some(dir) = file.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let Ok(mut tmp) = tempfile_in(dir) else {
        return;
    };
    use std::io::Write;
    if tmp.1.write_all(key.record(version).as_bytes()).is_ok() {
        let _ = std::fs::rename(&tmp.0, &file);
    }
    let _ = std::fs::remove_file(&tmp.0);
}

/// A fresh file in `dir` for an atomic replace (`rename` over the final name).
fn tempfile_in(dir: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    let name = format!(
        ".tmp-{}-{}",
        std::process::id(),
        uuid::Uuid::new_v4().simple()
    );
    let path = dir.join(name);
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)?;
    Ok((path, file))
}

#[cfg(all(test, unix))]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    /// A CLI script that prints `version` and counts its runs in `runs`.
    fn script(dir: &Path, version: &str) -> (PathBuf, PathBuf) {
        let cli = dir.join("claude");
        let runs = dir.join("runs");
        std::fs::write(
            &cli,
            format!(
                "#!/bin/sh\nsleep 0.1\necho x >> '{}'\necho '{version} (Claude Code)'\n",
                runs.display()
            ),
        )
        .unwrap();
        std::fs::set_permissions(&cli, std::fs::Permissions::from_mode(0o755)).unwrap();
        (cli, runs)
    }

    fn runs(file: &Path) -> usize {
        std::fs::read_to_string(file).map_or(0, |t| t.lines().count())
    }

    #[tokio::test]
    async fn concurrent_probes_share_one_run_and_the_disk_remembers() {
        let dir = tempfile::tempdir().unwrap();
        let (cli, counter) = script(dir.path(), "2.1.300");
        let probes = (0..8).map(|_| probe(&cli, &[]));
        for version in futures::future::join_all(probes).await {
            assert_eq!(version.unwrap(), CliVersion::new(2, 1, 300));
        }
        assert_eq!(runs(&counter), 1, "eight concurrent starts ran one probe");
        let key = Key::of(&cli).unwrap();
        if key.file().is_some() {
            assert_eq!(read_disk(&key), Some(CliVersion::new(2, 1, 300)));
        }
        assert_eq!(cached(&cli), Some(CliVersion::new(2, 1, 300)));
    }

    #[tokio::test]
    async fn a_changed_executable_is_probed_again() {
        let dir = tempfile::tempdir().unwrap();
        let (cli, counter) = script(dir.path(), "2.1.300");
        probe(&cli, &[]).await.unwrap();
        std::thread::sleep(Duration::from_millis(20));
        let (cli, _) = script(dir.path(), "2.1.301");
        assert_eq!(probe(&cli, &[]).await.unwrap(), CliVersion::new(2, 1, 301));
        assert_eq!(runs(&counter), 2);
    }

    #[tokio::test]
    async fn a_remembered_version_needs_no_probe_and_a_too_old_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (cli, counter) = script(dir.path(), "2.0.1");
        assert_eq!(cached(&cli), None);
        let err = probe(&cli, &[]).await.unwrap_err();
        assert!(
            matches!(err, Error::UnsupportedCliVersion { .. }),
            "{err:?}"
        );
        remember(&cli, CliVersion::new(2, 1, 330));
        assert_eq!(probe(&cli, &[]).await.unwrap(), CliVersion::new(2, 1, 330));
        assert_eq!(runs(&counter), 1, "the failed probe is the only run");
    }

    #[test]
    fn a_stale_or_foreign_disk_record_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let (cli, _) = script(dir.path(), "2.1.300");
        let key = Key::of(&cli).unwrap();
        let other = Key {
            size: key.size + 1,
            ..key.clone()
        };
        let Some(file) = key.file() else { return };
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, other.record(CliVersion::new(2, 1, 300))).unwrap();
        assert_eq!(read_disk(&key), None);
        std::fs::write(&file, key.record(CliVersion::new(2, 1, 300))).unwrap();
        assert_eq!(read_disk(&key), Some(CliVersion::new(2, 1, 300)));
        std::fs::remove_file(&file).unwrap();
    }
}
