//! Which supported CLI versions know which flags.
//!
//! Every flag the SDK can emit (an option's mapping, or a flag in `ALLOWED_EXTRA_FLAGS`) is
//! accepted by every supported CLI, except the flags in [`NEWER_FLAGS`]. On a CLI too old for
//! a flag, the probe leaves that flag out of every argument vector (so the other flags of the
//! group are still probed) and runs it alone, expecting the CLI to refuse it as unknown. So
//! both halves of each row are checked on the CLI that runs the test: a row is wrong when the
//! old CLI accepts the flag, or when a newer CLI refuses it.

use std::path::Path;
use std::process::{Command, Stdio};

use claude_agent::transport::CliVersion;

/// A flag that older supported CLIs do not know.
pub struct NewerFlag {
    /// The flag, as the SDK spells it.
    pub flag: &'static str,
    /// The newest CLI version known to refuse the flag (`error: unknown option`). Every newer
    /// CLI is expected to accept it.
    pub absent_in: CliVersion,
    /// How the SDK emits it.
    pub via: &'static str,
}

/// 2.1.197 is the oldest supported CLI (`CliVersion::MINIMUM`).
const V2_1_197: CliVersion = CliVersion::new(2, 1, 197);

/// Flags that need a CLI newer than some supported version: accepted since the version after
/// `absent_in`.
///
/// Sources: the flags of `cli-help-2.1.330.txt` missing from `cli-help-2.1.197.txt`, the
/// hidden flags protocol.md §1.3 lists as absent in 2.1.197, and each flag of
/// `ALLOWED_EXTRA_FLAGS` passed alone to the 2.1.197 binary (only these answered `unknown
/// option`). 2.1.330 accepts every one of them. No release between the two was available to
/// narrow the range, so "newer than 2.1.197" is what is known.
///
/// | flag                       | accepted by CLIs   | emitted by            |
/// |----------------------------|--------------------|-----------------------|
/// | `--permission-prompts`     | newer than 2.1.197 | `permission_prompts`  |
/// | `--project-config-root`    | newer than 2.1.197 | `project_config_root` |
/// | `--resume-drops-turn`      | newer than 2.1.197 | `resume_drops_turn`   |
/// | `--autocompact`            | newer than 2.1.197 | `extra_arg`           |
/// | `--forward-subagent-text`  | newer than 2.1.197 | `extra_arg`           |
/// | `--restricted`             | newer than 2.1.197 | `extra_arg`           |
/// | `--system-prompt-snapshot` | newer than 2.1.197 | `extra_arg`           |
pub const NEWER_FLAGS: &[NewerFlag] = &[
    NewerFlag {
        flag: "--permission-prompts",
        absent_in: V2_1_197,
        via: "permission_prompts",
    },
    NewerFlag {
        flag: "--project-config-root",
        absent_in: V2_1_197,
        via: "project_config_root",
    },
    NewerFlag {
        flag: "--resume-drops-turn",
        absent_in: V2_1_197,
        via: "resume_drops_turn",
    },
    NewerFlag {
        flag: "--autocompact",
        absent_in: V2_1_197,
        via: "extra_arg",
    },
    NewerFlag {
        flag: "--forward-subagent-text",
        absent_in: V2_1_197,
        via: "extra_arg",
    },
    NewerFlag {
        flag: "--restricted",
        absent_in: V2_1_197,
        via: "extra_arg",
    },
    NewerFlag {
        flag: "--system-prompt-snapshot",
        absent_in: V2_1_197,
        via: "extra_arg",
    },
];

/// The rows whose flag this CLI does not know.
pub fn unknown_to(version: CliVersion) -> Vec<&'static NewerFlag> {
    NEWER_FLAGS
        .iter()
        .filter(|row| version <= row.absent_in)
        .collect()
}

/// The version `cli --version` reports, run in an empty environment with a scratch home.
pub fn cli_version(cli: &Path, home: &Path) -> CliVersion {
    std::fs::create_dir_all(home).unwrap();
    let out = Command::new(cli)
        .arg("--version")
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("CLAUDE_CONFIG_DIR", home.join(".claude"))
        .env("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {} --version: {e}", cli.display()));
    let text = String::from_utf8_lossy(&out.stdout);
    text.parse()
        .unwrap_or_else(|e| panic!("{} --version: {e} (stdout {text:?})", cli.display()))
}

/// Whether `arg` is `flag` itself or `flag=value`.
fn is_flag(arg: &str, flag: &str) -> bool {
    arg.strip_prefix(flag)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('='))
}

/// Removes each of `flags` from an argument vector, with its value: attached (`--flag=value`)
/// or the next argument when that does not start with `-` (the SDK attaches every value that
/// does, and passes no positional argument). Returns the remaining arguments and the removed
/// flags.
pub fn strip(args: &[String], flags: &[&str]) -> (Vec<String>, Vec<&'static str>) {
    let mut kept = Vec::with_capacity(args.len());
    let mut removed = Vec::new();
    let mut iter = args.iter().peekable();
    while let Some(arg) = iter.next() {
        let Some(row) = NEWER_FLAGS
            .iter()
            .find(|row| flags.contains(&row.flag) && is_flag(arg, row.flag))
        else {
            kept.push(arg.clone());
            continue;
        };
        if !removed.contains(&row.flag) {
            removed.push(row.flag);
        }
        if *arg == row.flag {
            iter.next_if(|next| !next.starts_with('-'));
        }
    }
    (kept, removed)
}

/// Whether the CLI's stderr refuses `flag` as an unknown option (commander prints
/// `error: unknown option '--flag'` or `'--flag=value'`), and the line that says so.
pub fn refused_as_unknown(stderr: &str, flag: &str) -> Option<String> {
    let bare = format!("unknown option '{flag}'");
    let attached = format!("unknown option '{flag}=");
    stderr
        .lines()
        .find(|line| line.contains(&bare) || line.contains(&attached))
        .map(str::to_owned)
}

/// A hint for a refusal that names a flag of [`NEWER_FLAGS`]: the row is too optimistic.
pub fn table_hint(why: &str, version: CliVersion) -> Option<String> {
    NEWER_FLAGS
        .iter()
        .find(|row| refused_as_unknown(why, row.flag).is_some())
        .map(|row| {
            format!(
                " (NEWER_FLAGS in tests/flag_probe/versions.rs says every CLI newer than {} \
                 accepts {}; CLI {version} does not: raise `absent_in`)",
                row.absent_in, row.flag
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|a| (*a).to_owned()).collect()
    }

    #[test]
    fn strip_removes_the_flag_and_its_value_in_every_spelling() {
        let args = strings(&[
            "--verbose",
            "--project-config-root",
            "/tmp/root",
            "--permission-prompts=host",
            "--restricted",
            "--model",
            "sonnet",
            "--resume-drops-turn=abc",
            "--resume-session-at=abc",
            "--autocompact-later",
        ]);
        let flags = [
            "--project-config-root",
            "--permission-prompts",
            "--restricted",
            "--resume-drops-turn",
            "--autocompact",
        ];
        let (kept, removed) = strip(&args, &flags);
        assert_eq!(
            kept,
            strings(&[
                "--verbose",
                "--model",
                "sonnet",
                "--resume-session-at=abc",
                "--autocompact-later",
            ])
        );
        assert_eq!(
            removed,
            [
                "--project-config-root",
                "--permission-prompts",
                "--restricted",
                "--resume-drops-turn"
            ]
        );
    }

    #[test]
    fn strip_keeps_flags_that_were_not_asked_for() {
        let args = strings(&["--restricted", "--permission-prompts", "host"]);
        let (kept, removed) = strip(&args, &["--restricted"]);
        assert_eq!(kept, strings(&["--permission-prompts", "host"]));
        assert_eq!(removed, ["--restricted"]);
    }

    #[test]
    fn every_row_is_a_flag_extra_arg_lets_through_and_appears_once() {
        for (i, row) in NEWER_FLAGS.iter().enumerate() {
            assert!(
                claude_agent::options::ALLOWED_EXTRA_FLAGS.contains(&row.flag),
                "{} is not in ALLOWED_EXTRA_FLAGS",
                row.flag
            );
            assert!(row.absent_in >= CliVersion::MINIMUM, "{}", row.flag);
            assert!(row.absent_in < CliVersion::TESTED, "{}", row.flag);
            assert!(
                NEWER_FLAGS[..i].iter().all(|r| r.flag != row.flag),
                "{} is listed twice",
                row.flag
            );
        }
    }

    #[test]
    fn a_refused_row_gets_a_hint_to_fix_the_table() {
        let why = "error: unknown option '--restricted'";
        let hint = table_hint(why, CliVersion::new(2, 1, 250)).unwrap();
        assert!(
            hint.contains("newer than 2.1.197 accepts --restricted"),
            "{hint}"
        );
        assert!(hint.contains("CLI 2.1.250 does not"), "{hint}");
        assert!(table_hint("error: unknown option '--no-such-flag'", V2_1_197).is_none());
    }

    #[test]
    fn only_rows_at_or_below_the_version_are_unknown() {
        assert_eq!(unknown_to(V2_1_197).len(), NEWER_FLAGS.len());
        assert!(unknown_to(CliVersion::new(2, 1, 198)).is_empty());
        assert!(unknown_to(CliVersion::TESTED).is_empty());
    }

    #[test]
    fn unknown_option_is_matched_for_the_exact_flag_only() {
        let stderr = "error: unknown option '--autocompact=auto'\n";
        assert!(refused_as_unknown(stderr, "--autocompact").is_some());
        assert!(
            refused_as_unknown("error: unknown option '--restricted'", "--restricted").is_some()
        );
        assert!(refused_as_unknown(stderr, "--auto").is_none());
        assert!(refused_as_unknown("error: option '--effort' is invalid", "--effort").is_none());
    }
}
