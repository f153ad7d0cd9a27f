//! The toolchain gate shared by the UI tests (`tests/ui_{tool,hook,agent}.rs`): compiler
//! diagnostics change between rustc releases, so the `.stderr` snapshots are only compared on
//! the release recorded in `tests/ui/TOOLCHAIN` (grep `UI-TOOLCHAIN`).

use std::process::Command;

/// The pinned release, e.g. `1.95.0`.
fn pinned() -> String {
    include_str!("TOOLCHAIN")
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !line.starts_with('#'))
        .unwrap_or_default()
        .to_owned()
}

/// The compiler trybuild will use (`$RUSTC` or `rustc`), as `rustc --version` prints it.
fn current() -> String {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    Command::new(rustc)
        .arg("--version")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        .unwrap_or_default()
}

/// Runs `check` when the compiler is the pinned release; otherwise prints, loudly, that the
/// snapshots were NOT checked (the test still passes: its name says it is gated).
pub fn on_pinned_toolchain(suite: &str, check: impl FnOnce()) {
    let (pinned, current) = (pinned(), current());
    if current.starts_with(&format!("rustc {pinned} ")) || current == format!("rustc {pinned}") {
        check();
    } else {
        eprintln!(
            "\n!!! {suite}: UI SNAPSHOTS NOT CHECKED: they are blessed with rustc {pinned} \
             (tests/ui/TOOLCHAIN), this is `{current}`. Nothing was compared. !!!\n"
        );
        println!("{suite}: SKIPPED (rustc is not the pinned {pinned})");
    }
}
