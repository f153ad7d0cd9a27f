//! # claude-agent
//!
//! Build AI agents on top of [Claude Code](https://docs.claude.com/en/docs/claude-code) from Rust.
//! The crate spawns the real `claude` CLI, speaks its stream-json control protocol, and gives you
//! every message it produces as typed Rust data.
//!
//! - [`query`]: one prompt (or a stream of prompts) in, a [`Stream`](futures::Stream) of
//!   [`Message`]s out.
//! - [`Client`]: a long-lived, multi-turn session you can steer while it runs (interrupt, change
//!   model or permission mode, inspect MCP servers, ...).
//! - [`sessions`]: list, read, rename, tag, fork and delete past sessions, and mirror them
//!   into a [`SessionStore`](sessions::store::SessionStore) of your own.
//! - [`Options`]: every setting of the official TypeScript SDK, built with [`Options::builder`].
//! - [`testing`] (feature `testing`): a scripted Messages API server so the real CLI runs offline,
//!   deterministically, with no API key.
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

pub mod builtin;
pub mod hooks;
pub mod mcp;
pub mod options;
pub mod permissions;
pub mod protocol;
pub mod sessions;
pub mod structured;
pub mod tools;
pub mod transport;

/// Support for macro-generated code. Not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::tools::__private::*;
}

#[cfg(feature = "testing")]
#[cfg_attr(docsrs, doc(cfg(feature = "testing")))]
pub mod testing;

pub use client::Client;
pub use error::{Error, Result};
pub use options::{Options, OptionsBuilder};
pub use protocol::Message;
pub use query::{Prompt, Query, query};
pub use structured::query_as;

/// The items most programs need: `use claude_agent::prelude::*;`.
pub mod prelude {
    pub use crate::hooks::{HookEvent, HookMatcher};
    pub use crate::options::PermissionMode;
    pub use crate::permissions::{PermissionRequest, PermissionResult};
    pub use crate::protocol::{ContentBlock, Message, ResultMessage};
    pub use crate::tools::{Json, ToolContext, ToolError, tool};
    pub use crate::{Client, Error, Options, Result, query, query_as};
    pub use futures::StreamExt as _;
}

/// The README's examples, compiled as doctests so they cannot drift from the API.
#[cfg(all(doctest, feature = "testing"))]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
