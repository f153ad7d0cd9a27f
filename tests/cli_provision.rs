//! Provisioning the CLI for real: `install-cli` (the binary behind `scripts/install-cli.sh`,
//! built on `claude_agent::cli::Installer`) installs a CLI version with npm from the registry
//! into a scratch cache, from two processes at once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Instant;

const VERSION: &str = "2.1.197";

fn install_cli(args: &[&str], path_var: Option<&str>) -> std::process::Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_install-cli"));
    cmd.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    if let Some(path) = path_var {
        cmd.env("PATH", path);
    }
    cmd.spawn().expect("install-cli starts")
}

fn succeeded(output: Output) -> PathBuf {
    assert!(
        output.status.success(),
        "install-cli failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    PathBuf::from(String::from_utf8(output.stdout).unwrap().trim())
}

fn reported_version(cli: &Path) -> String {
    let out = Command::new(cli).arg("--version").output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

#[test]
fn two_processes_install_one_version_into_a_fresh_cache_then_it_is_reused_and_linked() {
    let scratch = tempfile::tempdir().unwrap();
    let cache = scratch.path().join("cache");
    let cache_arg = cache.to_str().unwrap();
    let args = ["--version", VERSION, "--cache-dir", cache_arg];

    let started = Instant::now();
    let first = install_cli(&args, None);
    let second = install_cli(&args, None);
    let a = succeeded(first.wait_with_output().unwrap());
    let b = succeeded(second.wait_with_output().unwrap());
    eprintln!("two concurrent installs took {:?}", started.elapsed());

    let expected = cache.join(VERSION).join("node_modules/.bin/claude");
    assert_eq!(a, expected);
    assert_eq!(b, expected);
    assert!(reported_version(&expected).starts_with(VERSION));
    // Only the finished install is left: no staging or trash directories.
    let entries: Vec<String> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(entries, [VERSION]);

    // A cached version needs no npm: run with an empty PATH.
    let started = Instant::now();
    let cached = succeeded(install_cli(&args, Some("")).wait_with_output().unwrap());
    assert_eq!(cached, expected);
    eprintln!("reusing the cached install took {:?}", started.elapsed());

    // --link makes a node_modules/.bin/claude that runs it (what scripts/install-cli.sh does).
    let link = scratch.path().join("project/node_modules/.bin/claude");
    let link_arg = link.to_str().unwrap();
    let linked = succeeded(
        install_cli(&[&args[..], &["--link", link_arg]].concat(), Some(""))
            .wait_with_output()
            .unwrap(),
    );
    assert_eq!(linked, link);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(reported_version(&link).starts_with(VERSION));
}

#[test]
fn without_npm_the_error_says_what_to_install() {
    let scratch = tempfile::tempdir().unwrap();
    let cache = scratch.path().join("cache");
    let out = install_cli(
        &["--version", VERSION, "--cache-dir", cache.to_str().unwrap()],
        Some(""),
    )
    .wait_with_output()
    .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("`npm` was not found")
            && stderr.contains("Node.js")
            && stderr.contains("npm install -g @anthropic-ai/claude-code@2.1.197"),
        "{stderr}"
    );
}

#[test]
fn bad_arguments_are_refused_with_usage() {
    let out = install_cli(&["--version", "two"], None)
        .wait_with_output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage: install-cli"));
}
