//! `install-cli`: provisions the Claude Code CLI through the SDK's own code path
//! (`claude_agent::cli::Installer`), for `scripts/install-cli.sh` and CI.
//!
//! ```text
//! install-cli [--version X.Y.Z] [--cache-dir DIR] [--link PATH]
//! ```
//!
//! Installs version X.Y.Z (default: `claude_agent::cli::TESTED_VERSION`) into the cache (default:
//! `claude_agent::cli::cache_dir()`), or finds it there, and prints the executable's path. With
//! `--link`, PATH becomes a symbolic link to it (replaced atomically), unless PATH already runs
//! exactly that version.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use claude_agent::cli::{CliVersion, Installer, TESTED_VERSION};

#[derive(Debug, Default)]
struct Args {
    version: Option<CliVersion>,
    cache_dir: Option<PathBuf>,
    link: Option<PathBuf>,
}

fn parse(mut argv: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut args = Args::default();
    while let Some(flag) = argv.next() {
        let mut value = || argv.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--version" => {
                let text = value()?;
                let version = text.parse().map_err(|e| format!("--version: {e}"))?;
                args.version = Some(version);
            }
            "--cache-dir" => args.cache_dir = Some(value()?.into()),
            "--link" => args.link = Some(value()?.into()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(args)
}

/// Whether `path` runs and reports exactly `version`.
fn runs_version(path: &Path, version: CliVersion) -> bool {
    std::process::Command::new(path)
        .arg("--version")
        .output()
        .ok()
        .and_then(|out| {
            String::from_utf8_lossy(&out.stdout)
                .parse::<CliVersion>()
                .ok()
        })
        == Some(version)
}

#[cfg(unix)]
fn link(target: &Path, link: &Path) -> std::io::Result<()> {
    if let Some(dir) = link.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let staged = link.with_extension(format!("tmp-{}", std::process::id()));
    let _ = std::fs::remove_file(&staged);
    std::os::unix::fs::symlink(target, &staged)?;
    std::fs::rename(&staged, link)
}

#[cfg(not(unix))]
fn link(_target: &Path, _link: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other(
        "--link needs a Unix system; point CLAUDE_AGENT_TEST_CLI at the printed path instead",
    ))
}

async fn run(args: Args) -> Result<PathBuf, String> {
    let version = args.version.unwrap_or(TESTED_VERSION);
    if let Some(path) = &args.link
        && runs_version(path, version)
    {
        return Ok(path.clone());
    }
    let mut installer = Installer::new(version);
    if let Some(dir) = args.cache_dir {
        installer = installer.cache_dir(dir);
    }
    let installed = installer.install().await.map_err(|e| e.to_string())?;
    let Some(path) = args.link else {
        return Ok(installed);
    };
    let target = std::fs::canonicalize(&installed).unwrap_or(installed);
    link(&target, &path).map_err(|e| format!("cannot link {}: {e}", path.display()))?;
    eprintln!("{} -> {} ({version})", path.display(), target.display());
    Ok(path)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(err) => {
            eprintln!(
                "install-cli: {err}\nusage: install-cli [--version X.Y.Z] [--cache-dir DIR] [--link PATH]"
            );
            return ExitCode::from(2);
        }
    };
    match run(args).await {
        Ok(path) => {
            println!("{}", path.display());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("install-cli: {err}");
            ExitCode::FAILURE
        }
    }
}
