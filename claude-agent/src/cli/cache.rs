//! Where provisioned CLIs live: the per-user cache directory.

use std::env;
use std::path::PathBuf;

/// The environment variable that overrides the cache directory of provisioned CLIs (the
/// directory that holds one `<version>/` directory per installed version).
pub const CACHE_DIR_ENV: &str = "CLAUDE_AGENT_CLI_CACHE";

/// The directory that holds provisioned CLIs, one `<version>/` directory each:
/// `$CLAUDE_AGENT_CLI_CACHE` if set, else `$XDG_CACHE_HOME/claude-agent/cli`, else the platform's
/// cache directory (`~/Library/Caches` on macOS, `%LOCALAPPDATA%` on Windows, `~/.cache`
/// elsewhere) followed by `claude-agent/cli`. `None` when no home directory is known.
///
/// # Examples
///
/// ```
/// if let Some(dir) = claude_agent::cli::cache_dir() {
///     assert!(dir.is_absolute() || std::env::var_os("CLAUDE_AGENT_CLI_CACHE").is_some());
/// }
/// ```
pub fn cache_dir() -> Option<PathBuf> {
    cache_dir_from(&|key| {
        env::var_os(key)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
}

/// [`cache_dir`] with the environment injected (for tests).
fn cache_dir_from(var: &dyn Fn(&str) -> Option<PathBuf>) -> Option<PathBuf> {
    if let Some(dir) = var(CACHE_DIR_ENV) {
        return Some(dir);
    }
    let suffix = |base: PathBuf| base.join("claude-agent").join("cli");
    if let Some(xdg) = var("XDG_CACHE_HOME").filter(|p| p.is_absolute()) {
        return Some(suffix(xdg));
    }
    if cfg!(windows) {
        return var("LOCALAPPDATA").map(suffix);
    }
    let home = var("HOME").filter(|p| p.is_absolute())?;
    if cfg!(target_os = "macos") {
        Some(suffix(home.join("Library").join("Caches")))
    } else {
        Some(suffix(home.join(".cache")))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn lookup<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<PathBuf> + 'a {
        move |key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| PathBuf::from(v))
        }
    }

    #[test]
    fn override_wins_then_xdg_then_home() {
        let all = [
            (CACHE_DIR_ENV, "/override"),
            ("XDG_CACHE_HOME", "/xdg"),
            ("HOME", "/home/u"),
        ];
        assert_eq!(
            cache_dir_from(&lookup(&all)),
            Some(PathBuf::from("/override"))
        );
        assert_eq!(
            cache_dir_from(&lookup(&all[1..])),
            Some(PathBuf::from("/xdg/claude-agent/cli"))
        );
        #[cfg(target_os = "linux")]
        assert_eq!(
            cache_dir_from(&lookup(&all[2..])),
            Some(PathBuf::from("/home/u/.cache/claude-agent/cli"))
        );
    }

    #[test]
    fn relative_xdg_is_ignored_and_no_home_means_none() {
        #[cfg(target_os = "linux")]
        assert_eq!(
            cache_dir_from(&lookup(&[("XDG_CACHE_HOME", "rel"), ("HOME", "/h")])),
            Some(PathBuf::from("/h/.cache/claude-agent/cli"))
        );
        #[cfg(unix)]
        assert_eq!(cache_dir_from(&lookup(&[])), None);
    }
}
