//! Finding the `claude` executable.

use std::env;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// The environment variable that names the CLI executable.
pub const CLI_PATH_ENV: &str = "CLAUDE_AGENT_CLI_PATH";

const EXE: &str = if cfg!(windows) {
    "claude.exe"
} else {
    "claude"
};

/// Finds the CLI, in this order: `explicit` (the `cli_path` option), the
/// [`CLAUDE_AGENT_CLI_PATH`](CLI_PATH_ENV) environment variable, `claude` on `PATH`, then the usual
/// install places: the npm global bin (`$NPM_CONFIG_PREFIX/bin`, `~/.npm-global/bin`,
/// `/usr/local/bin`), `~/.local/bin`, `~/.claude/local`, `~/.yarn/bin`, and `node_modules/.bin`
/// in `cwd` and each of its ancestors.
///
/// An explicit path or the environment variable is authoritative: when it names something that is
/// not an executable file, the search stops there with [`Error::CliNotFound`].
///
/// # Examples
///
/// ```
/// use claude_agent::transport::find_cli;
///
/// let err = find_cli(Some("/no/such/claude".as_ref()), None).unwrap_err();
/// assert!(err.to_string().contains("npm install -g @anthropic-ai/claude-code"));
/// ```
pub fn find_cli(explicit: Option<&Path>, cwd: Option<&Path>) -> Result<PathBuf> {
    find_cli_in(explicit, cwd, Scope::Everywhere)
}

/// Where [`find_cli_in`] looks when neither an explicit path nor `CLAUDE_AGENT_CLI_PATH` is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    /// `PATH`, the usual install places, then `node_modules/.bin` up from the directory: what a
    /// session runs.
    Everywhere,
    /// Only `node_modules/.bin` up from the directory: what tests run, so they never pick up
    /// whatever CLI happens to be installed globally.
    Project,
}

/// [`find_cli`] with a choice of [`Scope`].
pub(crate) fn find_cli_in(
    explicit: Option<&Path>,
    cwd: Option<&Path>,
    scope: Scope,
) -> Result<PathBuf> {
    if let Some(path) = explicit {
        return checked(path.to_path_buf());
    }
    if let Some(path) = env::var_os(CLI_PATH_ENV).filter(|p| !p.is_empty()) {
        return checked(PathBuf::from(path));
    }
    let mut searched = Vec::new();
    for candidate in candidates(cwd, scope) {
        if is_executable(&candidate) {
            return Ok(candidate);
        }
        searched.push(candidate);
    }
    Err(Error::CliNotFound { searched })
}

fn checked(path: PathBuf) -> Result<PathBuf> {
    if is_executable(&path) {
        Ok(path)
    } else {
        Err(Error::CliNotFound {
            searched: vec![path],
        })
    }
}

fn candidates(cwd: Option<&Path>, scope: Scope) -> Vec<PathBuf> {
    let start = cwd
        .map(Path::to_path_buf)
        .or_else(|| env::current_dir().ok());
    if scope == Scope::Project {
        return start
            .map(|s| node_modules_bins(&s).collect())
            .unwrap_or_default();
    }
    let mut out: Vec<PathBuf> = env::var_os("PATH")
        .map(|paths| {
            env::split_paths(&paths)
                .filter(|d| d.is_absolute())
                .map(|d| d.join(EXE))
                .collect()
        })
        .unwrap_or_default();
    if let Some(prefix) = env::var_os("NPM_CONFIG_PREFIX").filter(|p| !p.is_empty()) {
        out.push(PathBuf::from(prefix).join("bin").join(EXE));
    }
    if let Some(home) = env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
    {
        for dir in [
            ".npm-global/bin",
            ".local/bin",
            ".claude/local",
            ".yarn/bin",
            "node_modules/.bin",
        ] {
            out.push(home.join(dir).join(EXE));
        }
    }
    out.push(PathBuf::from("/usr/local/bin").join(EXE));
    if let Some(start) = start {
        out.extend(node_modules_bins(&start));
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| seen.insert(p.clone()));
    out
}

/// `node_modules/.bin/claude` in `start` and each of its ancestors, nearest first.
pub(crate) fn node_modules_bins(start: &Path) -> impl Iterator<Item = PathBuf> + '_ {
    start
        .ancestors()
        .map(|dir| dir.join("node_modules").join(".bin").join(EXE))
}

/// Whether `path` is an executable file.
pub(crate) fn is_executable(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    if !meta.is_file() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        true
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn explicit_missing_path_is_authoritative() {
        let err = find_cli(Some(Path::new("/definitely/not/claude")), None).unwrap_err();
        match err {
            Error::CliNotFound { searched } => {
                assert_eq!(searched, vec![PathBuf::from("/definitely/not/claude")]);
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn finds_node_modules_bin_up_from_cwd() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("node_modules/.bin");
        std::fs::create_dir_all(&bin).unwrap();
        let exe = bin.join(EXE);
        std::fs::write(&exe, "#!/bin/sh\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let nested = dir.path().join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        let found = candidates(Some(&nested), Scope::Everywhere);
        assert!(found.contains(&exe), "{found:?}");
        // The project scope looks nowhere else, nearest directory first.
        let project = candidates(Some(&nested), Scope::Project);
        assert_eq!(
            project.first(),
            Some(&nested.join("node_modules/.bin").join(EXE))
        );
        assert!(project.contains(&exe), "{project:?}");
        assert!(
            project
                .iter()
                .all(|p| p.ends_with(Path::new("node_modules/.bin").join(EXE)))
        );
        // A non-executable file is not accepted.
        let plain = dir.path().join("plain");
        std::fs::write(&plain, "").unwrap();
        assert!(!is_executable(&plain));
        assert!(is_executable(&exe));
    }
}
