//! # claude-agent
//!
//! Build AI agents on top of [Claude Code](https://docs.claude.com/en/docs/claude-code) from Rust.
//! The crate spawns the real `claude` CLI, speaks its stream-json control protocol, and gives you
//! every message it produces as typed Rust data.
//!
//! - [`query`]: one prompt (or a stream of prompts) in, a [`Stream`](futures::Stream) of
//!   [`Message`]s out.
//! - [`Client`]: a long-lived, multi-turn session, read with `&self` while it is steered.
//! - [`SessionHandle`]: the cloneable remote control of a [`Client`] or [`Query`], for any task:
//!   interrupt, queue a prompt, change model or permission mode, manage MCP servers, abort.
//! - [`sessions`]: list, read, rename, tag, fork and delete past sessions, and mirror them
//!   into a [`SessionStore`](sessions::store::SessionStore) of your own.
//! - [`Options`]: the official TypeScript SDK's settings (see `tests/ts_options_parity.rs` for the
//!   mapping and the few it lacks), built with [`Options::builder`].
//! - [`testing`] (feature `testing`): a scripted Messages API server so the real CLI runs offline,
//!   deterministically, with no API key.
//!
//! Every `#[tool]` and `#[hook]` linked into the program joins every session by default; see
//! [`tools`] and [`hooks`] for selecting them explicitly. Before the first session with a given
//! CLI executable, the SDK runs `claude --version` once (with the session's environment) to
//! check it is supported ([`skip_version_check`](OptionsBuilder::skip_version_check) skips it).
//!
//! ```no_run
//! use claude_agent::{Options, query};
//!
//! # async fn run() -> claude_agent::Result<()> {
//! let answer = query("What is 2 + 2?", Options::default()).text().await?;
//! println!("{answer}");
//! # Ok(()) }
//! ```
//!
//! # Module map
//!
//! From the wire up (private modules in plain text):
//!
//! - `wire`: forward-compatible decoding (unknown values keep their raw JSON or text);
//! - [`protocol`]: the messages the CLI prints and the frames the SDK sends, as types;
//! - [`builtin`]: typed inputs and outputs of the CLI's built-in tools;
//! - [`transport`]: finding and starting the CLI process, its pipes, stdin writer and supervisor;
//! - [`cli`]: provisioning the CLI (tested version, cache, install, auth status);
//! - [`options`]: every setting (`options::builder`) and how it reaches the CLI
//!   (`options::launch`);
//! - `control`: the control protocol: pending SDK → CLI requests, CLI → SDK dispatch;
//! - [`permissions`], [`hooks`], [`mcp`], [`tools`]: the callbacks the CLI calls back into;
//! - `connection`: one running CLI wired to its tasks, shared by every handle of a session;
//! - `query` ([`query()`], [`Query`]) and `client` ([`Client`], [`SessionHandle`]): the sessions
//!   you run;
//! - [`structured`], [`agents`]: typed answers and agents as types, on top of sessions;
//! - [`sessions`]: past sessions on disk and session stores;
//! - [`testing`] (feature `testing`): the offline test kit;
//! - [`prelude`]: the common imports; [`compatibility`]: what differs between CLI versions.
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]
#![cfg_attr(docsrs, feature(doc_cfg))]

extern crate self as claude_agent;

mod client;
mod connection;
mod control;
mod error;
mod panic_payload;
mod query;
mod wire;

pub mod agents;
pub mod builtin;
pub mod cli;
pub mod hooks;
pub mod mcp;
pub mod options;
pub mod permissions;
pub mod protocol;
pub mod sessions;
pub mod structured;
pub mod tools;
pub mod transport;

#[cfg(any(test, feature = "fuzzing"))]
#[doc(hidden)]
pub mod fuzz;

#[doc(hidden)]
pub mod __private;

#[cfg(feature = "testing")]
#[cfg_attr(docsrs, doc(cfg(feature = "testing")))]
pub mod testing;

pub use client::{Client, McpPermissionOverride, SessionHandle, SettingsFile};
pub use error::{Error, Result};
pub use options::{Options, OptionsBuilder};
pub use protocol::Message;
pub use query::{Prompt, Query, query};
pub use structured::query_as;
pub use tokio_util::sync::CancellationToken;

pub mod prelude;

#[doc = include_str!("../docs/compatibility.md")]
pub mod compatibility {}

/// The README's examples, compiled as doctests so they cannot drift from the API.
#[cfg(all(doctest, feature = "testing"))]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

/// The modules users glob-import together name each type once: an ambiguous name here is a
/// compile error, so a new collision fails the build.
#[cfg(test)]
mod glob_import_tests {
    #[allow(unused_imports)]
    use crate::{builtin::*, hooks::*, options::*, permissions::*, protocol::*, tools::*};

    #[test]
    fn shared_names_resolve_to_one_type_each() {
        let request: Option<PermissionRequest> = None;
        let notice: Option<PermissionDenied> = None;
        let hook_request: Option<PermissionRequestInput> = None;
        let hook_denied: Option<PermissionDeniedInput> = None;
        let trigger = CompactTrigger::Manual;
        let listed: Option<McpResource> = None;
        let read: Option<ReadMcpResourceResult> = None;
        assert!(listed.is_none() && read.is_none());
        assert!(request.is_none() && notice.is_none());
        assert!(hook_request.is_none() && hook_denied.is_none());
        assert_eq!(trigger, crate::protocol::CompactTrigger::Manual);
    }
}
