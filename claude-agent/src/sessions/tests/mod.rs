//! Tests of the sessions module on real CLI transcripts (`claude-agent/tests/fixtures/sessions`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod fixtures;
mod stores;
