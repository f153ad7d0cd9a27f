//! Offline test kit: run the **real** Claude Code CLI against a scripted model.
//!
//! [`ScriptedModel`] starts an Anthropic Messages API server on `127.0.0.1` that answers each
//! model turn from a script ([`Reply`]s chosen by request content with [`Match`], or simply in
//! order). The CLI reaches it through `ANTHROPIC_BASE_URL`; [`TestEnv`] provides that and the
//! rest of an isolated, offline environment (scratch `HOME`, `CLAUDE_CONFIG_DIR`, `TMPDIR` and
//! working directory). Every request is recorded ([`RecordedRequest`]), so a test can assert what
//! the CLI sent to the model: system prompt, tools offered, `tool_result`s.
//!
//! The server streams exactly like the real API (`text/event-stream`, `message_start` ...
//! `message_stop`, JSON tool input split across several `input_json_delta`s), answers
//! non-streamed requests with the JSON message and `count_tokens` with a rough estimate.
//!
//! Behaviour of the CLI worth knowing when scripting (observed on 2.1.330):
//! - an HTTP 400 is retried twice at once with fewer beta headers, so one failing turn makes
//!   three requests: script errors with a repeating rule ([`ScriptedModel::on`]);
//! - 5xx and 529 are retried up to 10 times with growing delays unless the response says
//!   `x-should-retry: false`, which error replies send unless made [`Reply::retryable`];
//! - the tool that ends a run with a JSON schema is `StructuredOutput`
//!   ([`Reply::structured_output`]);
//! - subagent turns interleave with the main turn: match them by [`Match::system_contains`] (the
//!   agent's prompt) or [`Match::offers_tool`]. Agents run in the background unless the `Agent`
//!   tool input says `"run_in_background": false`; a background agent's result comes back later
//!   as a `<task-notification>` reminder in a new user turn ([`Match::user_message_contains`]).
//!
//! # Examples
//!
//! ```no_run
//! use claude_agent::testing::{Reply, ScriptedModel, TestEnv, cli_path};
//! use serde_json::json;
//!
//! # #[tokio::main] async fn main() -> std::io::Result<()> {
//! let server = ScriptedModel::new()
//!     .then(Reply::tool_use("Bash", json!({"command": "echo hi"})))
//!     .then(Reply::text("done"))
//!     .start()
//!     .await?;
//! let env = TestEnv::new(&server)?;
//! let mut cli = tokio::process::Command::new(cli_path().expect("CLI"));
//! cli.args(["--output-format", "stream-json", "--verbose", "--input-format", "stream-json"])
//!     .current_dir(env.cwd())
//!     .envs(env.env_vars());
//! // ... write a user message to stdin, read stdout until the `result` ...
//! let second = &server.message_requests()[1];
//! assert!(second.tool_results()[0].text.contains("hi"));
//! # Ok(()) }
//! ```

mod cassette;
mod env;
mod handler;
mod matcher;
mod options;
mod reply;
mod request;
mod script;
mod server;
mod sse;

pub use cassette::{
    Cassette, CassetteMismatch, CassetteMode, CassetteRequest, CassetteResponse, Interaction,
    ReplayOrder, ResponseBody, SseEvent, Vcr,
};
pub use env::{CLI_PATH_ENV, OFFLINE_API_KEY, TEST_CLI_ENV, TestEnv, cli_path};
pub use matcher::Match;
pub use reply::{Block, Reply, STRUCTURED_OUTPUT_TOOL};
pub use request::{RecordedRequest, ToolResultSeen};
pub use server::{ModelServer, ScriptedModel};
