//! `#[tool]` and `#[hook]` in a crate that renames claude-agent (`renamed = { package =
//! "claude-agent", .. }`): builds and runs `tests/renamed_crate/`, a crate outside the workspace.
//!
//! The fixture is copied to a temporary directory with the workspace's `Cargo.lock` (same
//! dependency versions, `--offline`) and built into this build's target directory, so only the
//! fixture and claude-agent (default features) are compiled, not the dependencies.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// `target/` of the build running this test (`target/debug/deps/renamed_crate-...`).
fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    exe.ancestors().nth(3).unwrap().to_path_buf()
}

fn copy_fixture(to: &Path) {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixture = crate_dir.join("tests/renamed_crate");
    let manifest = std::fs::read_to_string(fixture.join("Cargo.toml")).unwrap();
    let runtime = crate_dir.to_str().unwrap();
    let manifest = manifest.replace(r#"path = "../..""#, &format!("path = {runtime:?}"));
    assert!(
        manifest.contains(runtime),
        "the fixture must name the runtime by `../..`"
    );
    std::fs::write(to.join("Cargo.toml"), manifest).unwrap();
    std::fs::create_dir(to.join("src")).unwrap();
    std::fs::copy(fixture.join("src/main.rs"), to.join("src/main.rs")).unwrap();
    let lock = crate_dir.join("../Cargo.lock");
    std::fs::copy(lock, to.join("Cargo.lock")).unwrap();
}

#[test]
fn macros_find_a_renamed_runtime() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["run", "--quiet", "--offline", "--manifest-path"])
        .arg(dir.path().join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target_dir())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the fixture did not build or run:\n{stderr}\n{stdout}"
    );
    assert_eq!(
        stdout.trim(),
        r#"tools=["add", "twice"] hooks=["guard", "on_stop"] server=2 registered=2"#,
        "{stderr}"
    );
}
