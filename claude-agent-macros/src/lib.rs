//! Procedural macros for [`claude-agent`](https://docs.rs/claude-agent).
//!
//! Users depend on `claude-agent`, which re-exports these macros; this crate holds no runtime logic.
//! The `#[tool]`, `#[hook]` and `#[agent]` macros land here as their issues are implemented; every
//! macro expands to plain code over public `claude_agent` traits that could be written by hand.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

// Shared infrastructure; the macros that use it are added by their modules.
#[allow(dead_code)]
mod diag;
#[allow(dead_code)]
mod krate;
