//! Building the CLI's argument vector safely: no NUL in any argument, and a value that could be
//! read as a flag is always attached with `=`.

use std::path::Path;

use crate::{Error, Result};

/// The flags every session uses: NDJSON both ways (`--verbose` is required by the CLI for
/// stream-json output).
pub(crate) const STREAM_JSON_FLAGS: [&str; 5] = [
    "--output-format",
    "stream-json",
    "--verbose",
    "--input-format",
    "stream-json",
];

/// An argument vector under construction.
#[derive(Debug, Default)]
pub(crate) struct Argv {
    args: Vec<String>,
}

impl Argv {
    /// Starts with the invariant stream-json flags.
    pub(crate) fn new() -> Self {
        Argv {
            args: STREAM_JSON_FLAGS.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    /// A bare flag.
    pub(crate) fn flag(&mut self, flag: &str) {
        self.args.push(flag.to_owned());
    }

    /// `flag value`, or `flag=value` when the value is empty or starts with `-` (so it cannot be
    /// taken for a flag, nor dropped).
    pub(crate) fn value(&mut self, option: &'static str, flag: &str, value: &str) -> Result<()> {
        check_no_nul(option, value)?;
        if value.is_empty() || value.starts_with('-') {
            self.args.push(format!("{flag}={value}"));
        } else {
            self.args.push(flag.to_owned());
            self.args.push(value.to_owned());
        }
        Ok(())
    }

    /// Always `flag=value` (for flags whose value is optional, like `--resume`).
    pub(crate) fn attached(&mut self, option: &'static str, flag: &str, value: &str) -> Result<()> {
        check_no_nul(option, value)?;
        self.args.push(format!("{flag}={value}"));
        Ok(())
    }

    /// A path value; it must be valid UTF-8.
    pub(crate) fn path(&mut self, option: &'static str, flag: &str, path: &Path) -> Result<()> {
        let text = path_str(option, path)?;
        self.value(option, flag, text)
    }

    /// Whether `flag` is already present as a bare argument.
    pub(crate) fn has(&self, flag: &str) -> bool {
        self.args.iter().any(|a| a == flag)
    }

    /// The finished vector.
    pub(crate) fn into_vec(self) -> Vec<String> {
        self.args
    }
}

/// Refuses a NUL byte (it cannot be passed to a process and would truncate the argument).
pub(crate) fn check_no_nul(option: &'static str, value: &str) -> Result<()> {
    if value.contains('\0') {
        return Err(Error::invalid_option(
            option,
            "the value contains a NUL byte",
        ));
    }
    Ok(())
}

/// A path as UTF-8 text without NUL.
pub(crate) fn path_str<'a>(option: &'static str, path: &'a Path) -> Result<&'a str> {
    let text = path
        .to_str()
        .ok_or_else(|| Error::invalid_option(option, format!("the path {path:?} is not UTF-8")))?;
    check_no_nul(option, text)?;
    Ok(text)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn starts_with_stream_json_flags() {
        assert_eq!(
            Argv::new().into_vec(),
            [
                "--output-format",
                "stream-json",
                "--verbose",
                "--input-format",
                "stream-json"
            ]
        );
    }

    #[test]
    fn dash_leading_and_empty_values_are_attached() {
        let mut a = Argv::default();
        a.value("model", "--model", "sonnet").unwrap();
        a.value("model", "--model", "--dangerously-skip-permissions")
            .unwrap();
        a.value("tools", "--tools", "").unwrap();
        a.attached("resume", "--resume", "abc").unwrap();
        assert_eq!(
            a.into_vec(),
            [
                "--model",
                "sonnet",
                "--model=--dangerously-skip-permissions",
                "--tools=",
                "--resume=abc"
            ]
        );
    }

    #[test]
    fn nul_is_refused() {
        let mut a = Argv::default();
        let err = a.value("model", "--model", "a\0b").unwrap_err();
        assert!(matches!(
            err,
            Error::InvalidOption {
                option: "model",
                ..
            }
        ));
        assert!(a.attached("resume", "--resume", "\0").is_err());
        assert!(a.path("cwd", "--add-dir", Path::new("/a\0b")).is_err());
    }
}
