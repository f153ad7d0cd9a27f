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
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]
#![cfg_attr(docsrs, feature(doc_cfg))]

extern crate self as claude_agent;

mod client;
mod connection;
mod control;
mod error;
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

/// Support for macro-generated code. Not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::tools::__private::*;
}

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

/// The items most programs need: `use claude_agent::prelude::*;`.
pub mod prelude {
    pub use crate::agents::{Agent, MainAgent, agent};
    pub use crate::hooks::{HookEvent, HookMatcher};
    pub use crate::options::PermissionMode;
    pub use crate::permissions::{PermissionRequest, PermissionResult};
    pub use crate::protocol::{ContentBlock, Message, ResultMessage};
    pub use crate::tools::{Json, ToolContext, ToolError, tool};
    pub use crate::{Client, Error, Options, Result, SessionHandle, query, query_as};
    pub use futures::StreamExt as _;
}

/// The README's examples, compiled as doctests so they cannot drift from the API.
#[cfg(all(doctest, feature = "testing"))]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
