//! The one error type of the crate.

use std::path::PathBuf;
use std::time::Duration;

/// `Result` with this crate's [`Error`] as the default error type.
///
/// # Examples
///
/// ```
/// fn check() -> claude_agent::Result<()> {
///     Ok(())
/// }
/// # check().unwrap();
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong while driving the Claude Code CLI.
///
/// The enum is `#[non_exhaustive]`: match the variants you care about and keep a wildcard arm.
///
/// # Examples
///
/// ```
/// use claude_agent::Error;
///
/// fn describe(err: &Error) -> &'static str {
///     match err {
///         Error::CliNotFound { .. } => "install the CLI",
///         Error::ControlTimeout { .. } => "the CLI did not answer in time",
///         _ => "something else",
///     }
/// }
/// # assert_eq!(describe(&Error::ConnectionClosed), "something else");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The `claude` executable was not found in any of the searched places.
    #[error(
        "the Claude Code CLI (`claude`) was not found; install it with \
         `npm install -g @anthropic-ai/claude-code`, set `CLAUDE_AGENT_CLI_PATH` / \
         `Options::cli_path`, or let the SDK install it with `Options::builder().install_cli(true)` \
         (searched: {})",
        display_paths(searched)
    )]
    CliNotFound {
        /// Every path that was checked, in order.
        searched: Vec<PathBuf>,
    },

    /// The CLI is older than the oldest version this crate was tested against (or its version
    /// could not be read).
    #[error(
        "unsupported Claude Code CLI version {found} at {}: this crate needs {minimum} or newer \
         (upgrade with `npm install -g @anthropic-ai/claude-code@latest`)",
        path.display()
    )]
    UnsupportedCliVersion {
        /// The version the CLI reported (or the text it printed, if it was not a version).
        found: String,
        /// The oldest supported version.
        minimum: String,
        /// The executable that was checked.
        path: PathBuf,
    },

    /// The CLI had to be installed (see [`cli::ensure`](crate::cli::ensure)) but `npm` was not
    /// found.
    #[error(
        "cannot install the Claude Code CLI {version}: `npm` was not found; install Node.js \
         (which includes npm) from https://nodejs.org, or install the CLI yourself with \
         `npm install -g @anthropic-ai/claude-code@{version}` and set `CLAUDE_AGENT_CLI_PATH`"
    )]
    NpmNotFound {
        /// The CLI version that was to be installed.
        version: String,
    },

    /// Installing the CLI with npm failed, or the installed CLI did not report the expected
    /// version.
    #[error("installing the Claude Code CLI {version} into {} failed: {reason}", dir.display())]
    CliInstall {
        /// The CLI version that was to be installed.
        version: String,
        /// The directory it was to be installed into.
        dir: PathBuf,
        /// What went wrong (npm's last output lines, or the version mismatch).
        reason: String,
    },

    /// The CLI process could not be started.
    #[error("failed to start the Claude Code CLI at {}: {source}", path.display())]
    Spawn {
        /// The executable that failed to start.
        path: PathBuf,
        /// The operating-system error.
        #[source]
        source: std::io::Error,
    },

    /// The CLI process exited while the session still needed it.
    #[error("the Claude Code CLI exited with {}{}", exit_code_text(*code), stderr_suffix(stderr_tail))]
    ProcessExited {
        /// The exit code, or `None` if the process was ended by a signal.
        code: Option<i32>,
        /// The last lines the CLI wrote to stderr (bounded).
        stderr_tail: String,
    },

    /// A line from the CLI looked like JSON but could not be decoded.
    #[error("could not decode a line from the CLI as JSON ({source}): {line}")]
    JsonDecode {
        /// The offending line, truncated to a few hundred bytes.
        line: String,
        /// The decoder's error.
        #[source]
        source: serde_json::Error,
    },

    /// A line from the CLI was longer than the configured maximum (`Options::max_line_bytes`).
    #[error("a line from the CLI exceeded the maximum of {limit} bytes; it was skipped")]
    LineTooLong {
        /// The configured limit in bytes.
        limit: usize,
    },

    /// A control request sent to the CLI got no answer in time.
    #[error("the CLI did not answer the `{subtype}` control request within {timeout:?}")]
    ControlTimeout {
        /// The request's subtype, e.g. `initialize`.
        subtype: String,
        /// The timeout that elapsed.
        timeout: Duration,
    },

    /// The CLI answered a control request with an error.
    #[error("the CLI refused the `{subtype}` control request: {message}")]
    Control {
        /// The request's subtype, e.g. `set_permission_mode`.
        subtype: String,
        /// The CLI's error text.
        message: String,
        /// The CLI's machine-readable error code, where it sent one (newer CLIs).
        code: Option<String>,
    },

    /// The connection to the CLI is closed: the process ended or the session was closed.
    #[error("the connection to the Claude Code CLI is closed")]
    ConnectionClosed,

    /// The session's input is closed: a one-shot [`query`](crate::query) closes it once every
    /// prompt has its result (and background agents are done), so no prompt can be sent after.
    #[error("the session's input is closed; no more prompts can be sent")]
    InputClosed,

    /// The session was aborted ([`SessionHandle::abort`](crate::SessionHandle::abort) or the
    /// [`cancellation_token`](crate::OptionsBuilder::cancellation_token) option): the reader
    /// gets this once, then the stream ends; control calls fail with it; the CLI is stopped.
    #[error("the session was aborted")]
    Aborted,

    /// An option was given a value the SDK refuses to pass to the CLI.
    #[error("invalid option `{option}`: {reason}")]
    InvalidOption {
        /// The option's name.
        option: &'static str,
        /// Why it was refused.
        reason: String,
    },

    /// An I/O error on the pipes to the CLI.
    #[error("I/O error talking to the Claude Code CLI: {0}")]
    Io(#[from] std::io::Error),

    /// The turn ended with an error result (interrupted, maximum turns or budget reached, API
    /// error, ...). The full result message is kept.
    #[error("the turn ended with an error: {message}")]
    TurnFailed {
        /// The errors the CLI reported, joined.
        message: String,
        /// The `result` message.
        result: Box<crate::protocol::ResultMessage>,
    },

    /// A typed answer ([`query_as`](crate::query_as), [`Client::receive_as`](crate::Client::receive_as),
    /// `#[agent(main, output = T)]`'s `ask`) could not be produced: the CLI gave up after its
    /// retries, there was no structured output, or it did not decode (the raw value is kept).
    #[error("no typed answer: {0}")]
    StructuredOutput(#[from] crate::structured::OutputError),

    /// A message or response did not have the expected shape.
    #[error("unexpected message from the CLI: {0}")]
    Protocol(String),

    /// No session with this id was found (in the given project directory, or in any).
    #[error("no session {session_id} was found")]
    SessionNotFound {
        /// The id that was looked up.
        session_id: String,
    },

    /// A sessions function was given an argument it refuses (a session id that is not a UUID,
    /// an empty title, a message uuid not in the transcript, ...).
    #[error("invalid `{argument}`: {reason}")]
    InvalidArgument {
        /// The argument's name.
        argument: &'static str,
        /// Why it was refused.
        reason: String,
    },

    /// A session file or directory could not be read or written.
    #[error("session file {}: {source}", path.display())]
    SessionFile {
        /// The file or directory.
        path: PathBuf,
        /// The operating-system error.
        #[source]
        source: std::io::Error,
    },

    /// A [`SessionStore`](crate::sessions::store::SessionStore) failed.
    #[error("session store: {message}")]
    SessionStore {
        /// What went wrong, as the store reported it.
        message: String,
    },
}

impl Error {
    /// Builds an [`Error::InvalidOption`].
    pub(crate) fn invalid_option(option: &'static str, reason: impl Into<String>) -> Self {
        Error::InvalidOption {
            option,
            reason: reason.into(),
        }
    }

    /// Builds an [`Error::InvalidArgument`].
    pub(crate) fn invalid_argument(argument: &'static str, reason: impl Into<String>) -> Self {
        Error::InvalidArgument {
            argument,
            reason: reason.into(),
        }
    }

    /// Builds an [`Error::SessionFile`].
    pub(crate) fn session_file(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::SessionFile {
            path: path.into(),
            source,
        }
    }

    /// Builds an [`Error::SessionStore`].
    pub(crate) fn store(message: impl std::fmt::Display) -> Self {
        Error::SessionStore {
            message: message.to_string(),
        }
    }

    /// Builds an [`Error::TurnFailed`] from an error result.
    pub(crate) fn turn_failed(result: crate::protocol::ResultMessage) -> Self {
        let message = if !result.errors.is_empty() {
            result.errors.join("; ")
        } else {
            result
                .result
                .clone()
                .unwrap_or_else(|| "no error text".to_owned())
        };
        Error::TurnFailed {
            message,
            result: Box::new(result),
        }
    }

    /// Builds an [`Error::JsonDecode`] carrying (a prefix of) the offending line.
    pub(crate) fn json_decode(line: &str, source: serde_json::Error) -> Self {
        Error::JsonDecode {
            line: truncate(line, 512),
            source,
        }
    }
}

/// Truncates `text` to at most `max` bytes on a character boundary, marking the cut.
pub(crate) fn truncate(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_owned();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes)", &text[..end], text.len())
}

fn display_paths(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        return "nothing".to_owned();
    }
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn exit_code_text(code: Option<i32>) -> String {
    match code {
        Some(code) => format!("code {code}"),
        None => "a signal".to_owned(),
    }
}

fn stderr_suffix(tail: &str) -> String {
    let tail = tail.trim();
    if tail.is_empty() {
        String::new()
    } else {
        format!("; stderr:\n{tail}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_keeps_char_boundaries() {
        let s = "é".repeat(10);
        let t = truncate(&s, 5);
        assert!(t.starts_with("éé"));
        assert!(t.contains("20 bytes"));
        assert_eq!(truncate("short", 10), "short");
    }

    #[test]
    fn cli_not_found_message_says_how_to_install() {
        let err = Error::CliNotFound {
            searched: vec![PathBuf::from("/usr/bin/claude")],
        };
        let text = err.to_string();
        assert!(
            text.contains("npm install -g @anthropic-ai/claude-code"),
            "{text}"
        );
        assert!(text.contains("/usr/bin/claude"), "{text}");
    }

    #[test]
    fn process_exited_shows_stderr_tail() {
        let err = Error::ProcessExited {
            code: Some(1),
            stderr_tail: "boom\n".into(),
        };
        assert_eq!(
            err.to_string(),
            "the Claude Code CLI exited with code 1; stderr:\nboom"
        );
    }
}
