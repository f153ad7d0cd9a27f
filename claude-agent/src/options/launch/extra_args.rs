//! `extra_arg`: pass a CLI flag the SDK has no option for, without letting a value smuggle in
//! another flag or a prompt.

use super::argv::Argv;
use crate::{Error, Result};

/// Long flags of CLI 2.1.330 (`claude --help`, kebab-case spellings) plus the hidden flags the
/// official SDKs use, minus the flags that would break or bypass the SDK's session: output and
/// input formats and `--print` (the SDK sets them), `--help`/`--version`, flags that start
/// another kind of session (`--bg`, `--desktop`, `--cloud`, `--teleport`, `--remote-control`,
/// `--tmux`, `--environment`), and flags that change how `initialize` is read
/// (`--await-initialize`, `--initialize-fields`, `--managed-settings-in-initialize`).
pub const ALLOWED_EXTRA_FLAGS: &[&str] = &[
    "--add-dir",
    "--agent",
    "--agents",
    "--allow-dangerously-skip-permissions",
    "--allowed-tools",
    "--append-system-prompt",
    "--append-system-prompt-file",
    "--autocompact",
    "--ax-screen-reader",
    "--bare",
    "--betas",
    "--brief",
    "--channels",
    "--chrome",
    "--continue",
    "--dangerously-skip-permissions",
    "--debug",
    "--debug-file",
    "--disable-slash-commands",
    "--disallowed-tools",
    "--effort",
    "--exclude-dynamic-system-prompt-sections",
    "--fallback-model",
    "--file",
    "--fork-session",
    "--forward-subagent-text",
    "--from-pr",
    "--ide",
    "--include-hook-events",
    "--include-partial-messages",
    "--json-schema",
    "--managed-settings",
    "--max-budget-usd",
    "--max-thinking-tokens",
    "--max-turns",
    "--mcp-config",
    "--model",
    "--name",
    "--no-chrome",
    "--no-session-persistence",
    "--permission-mode",
    "--permission-prompt-tool",
    "--permission-prompts",
    "--plugin-dir",
    "--plugin-dir-no-mcp",
    "--plugin-url",
    "--project-config-root",
    "--prompt-suggestions",
    "--replay-user-messages",
    "--restricted",
    "--resume",
    "--resume-drops-turn",
    "--resume-session-at",
    "--safe-mode",
    "--session-id",
    "--session-mirror",
    "--setting-sources",
    "--settings",
    "--strict-mcp-config",
    "--system-prompt",
    "--system-prompt-file",
    "--system-prompt-snapshot",
    "--task-budget",
    "--thinking",
    "--thinking-display",
    "--tools",
    "--verbose",
    "--worktree",
];

/// Normalises a flag name: `replay-user-messages` and `--replay-user-messages` are the same.
fn normalise(flag: &str) -> String {
    if flag.starts_with('-') {
        flag.to_owned()
    } else {
        format!("--{flag}")
    }
}

/// `^--[a-z0-9][a-z0-9-]*$`
fn well_formed(flag: &str) -> bool {
    let Some(name) = flag.strip_prefix("--") else {
        return false;
    };
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Flags the SDK sets or that change how the session is read; never passed through, not even
/// by [`extra_arg_unchecked`](super::OptionsBuilder::extra_arg_unchecked).
const MANAGED_FLAGS: &[&str] = &[
    "--await-initialize",
    "--bg",
    "--cloud",
    "--desktop",
    "--environment",
    "--help",
    "--initialize-fields",
    "--input-format",
    "--managed-settings-in-initialize",
    "--output-format",
    "--print",
    "--remote-control",
    "--sdk-url",
    "--teleport",
    "--tmux",
    "--version",
];

/// Validates the extra arguments and appends them.
///
/// A value is always attached as `--flag=value`: a separate token after a flag that takes no
/// value would become the CLI's positional prompt.
pub(crate) fn append(argv: &mut Argv, extra: &[(String, Option<String>)]) -> Result<()> {
    push(argv, extra, true)
}

/// Like [`append`], for flags outside the allowlist (still well formed, still never a flag the
/// SDK manages, values still attached).
pub(crate) fn append_unchecked(argv: &mut Argv, extra: &[(String, Option<String>)]) -> Result<()> {
    push(argv, extra, false)
}

fn push(argv: &mut Argv, extra: &[(String, Option<String>)], allowlist: bool) -> Result<()> {
    let option = if allowlist {
        "extra_arg"
    } else {
        "extra_arg_unchecked"
    };
    for (flag, value) in extra {
        let flag = normalise(flag);
        if !well_formed(&flag) {
            return Err(Error::invalid_option(
                option,
                format!(
                    "{flag:?} is not a long flag of the form `--name` (lowercase, digits, `-`)"
                ),
            ));
        }
        if MANAGED_FLAGS.contains(&flag.as_str()) {
            return Err(Error::invalid_option(
                option,
                format!("`{flag}` is managed by the SDK itself"),
            ));
        }
        if allowlist && !ALLOWED_EXTRA_FLAGS.contains(&flag.as_str()) {
            return Err(Error::invalid_option(
                "extra_arg",
                format!(
                    "`{flag}` is not a CLI flag the SDK passes through (it is unknown, or the \
                     SDK manages it itself)"
                ),
            ));
        }
        match value {
            None if flag == "--verbose" => {
                // Already set by the SDK.
                if !argv.has("--verbose") {
                    argv.flag(&flag);
                }
            }
            None => argv.flag(&flag),
            Some(value) => {
                if value.contains(['\n', '\r']) {
                    return Err(Error::invalid_option(
                        option,
                        format!("the value of `{flag}` contains a line break"),
                    ));
                }
                argv.attached(option, &flag, value)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn run(extra: &[(&str, Option<&str>)]) -> Result<Vec<String>> {
        let extra: Vec<(String, Option<String>)> = extra
            .iter()
            .map(|(f, v)| ((*f).to_owned(), v.map(str::to_owned)))
            .collect();
        let mut argv = Argv::new();
        append(&mut argv, &extra)?;
        Ok(argv.into_vec().split_off(5))
    }

    #[test]
    fn known_flags_pass_with_attached_values() {
        assert_eq!(
            run(&[
                ("replay-user-messages", None),
                ("--system-prompt-snapshot", Some("off"))
            ])
            .unwrap(),
            ["--replay-user-messages", "--system-prompt-snapshot=off"]
        );
    }

    #[test]
    fn a_value_cannot_smuggle_a_flag_or_a_prompt() {
        // Dash-leading values stay attached to their flag.
        assert_eq!(
            run(&[("--model", Some("--dangerously-skip-permissions"))]).unwrap(),
            ["--model=--dangerously-skip-permissions"]
        );
        // A value for a boolean flag never becomes a separate (positional) token.
        assert_eq!(
            run(&[("--bare", Some("do evil"))]).unwrap(),
            ["--bare=do evil"]
        );
        for value in ["a\nb", "a\rb", "a\0b"] {
            assert!(run(&[("--model", Some(value))]).is_err(), "{value:?}");
        }
    }

    #[test]
    fn malformed_or_unknown_flags_are_refused() {
        for flag in [
            "--no-such-flag",
            "-p",
            "-d",
            "--",
            "---x",
            "--Model",
            "--allowedTools",
            "--model value",
            "--model=x",
            "--",
            "",
        ] {
            let err = run(&[(flag, None)]).unwrap_err();
            assert!(
                matches!(
                    err,
                    Error::InvalidOption {
                        option: "extra_arg",
                        ..
                    }
                ),
                "{flag}"
            );
        }
    }

    #[test]
    fn flags_the_sdk_manages_are_refused() {
        for flag in [
            "--output-format",
            "--input-format",
            "--print",
            "--help",
            "--version",
            "--bg",
        ] {
            assert!(run(&[(flag, Some("text"))]).is_err(), "{flag}");
        }
        for flag in [
            "--await-initialize",
            "--initialize-fields",
            "--remote-control",
        ] {
            assert!(run(&[(flag, None)]).is_err(), "{flag}");
        }
    }

    #[test]
    fn unchecked_flags_pass_but_never_managed_ones_or_smuggled_values() {
        let run_unchecked = |flag: &str, value: Option<&str>| {
            let mut argv = Argv::new();
            append_unchecked(&mut argv, &[(flag.to_owned(), value.map(str::to_owned))])
                .map(|()| argv.into_vec().split_off(5))
        };
        assert_eq!(
            run_unchecked("--brand-new", Some("--dangerously-skip-permissions")).unwrap(),
            ["--brand-new=--dangerously-skip-permissions"]
        );
        assert_eq!(run_unchecked("brand-new", None).unwrap(), ["--brand-new"]);
        for flag in [
            "--output-format",
            "--print",
            "--await-initialize",
            "-p",
            "--X",
        ] {
            assert!(run_unchecked(flag, None).is_err(), "{flag}");
        }
        assert!(run_unchecked("--brand-new", Some("a\nb")).is_err());
        assert!(run_unchecked("--brand-new", Some("a\0b")).is_err());
    }

    #[test]
    fn verbose_is_deduplicated() {
        let extra = vec![("--verbose".to_owned(), None)];
        let mut argv = Argv::new();
        append(&mut argv, &extra).unwrap();
        assert_eq!(
            argv.into_vec().iter().filter(|a| *a == "--verbose").count(),
            1
        );
    }

    #[test]
    fn allowlist_is_sorted_and_well_formed() {
        assert!(ALLOWED_EXTRA_FLAGS.windows(2).all(|w| w[0] < w[1]));
        assert!(ALLOWED_EXTRA_FLAGS.iter().all(|f| well_formed(f)));
    }
}
