//! Procedural macros for [`claude-agent`](https://docs.rs/claude-agent).
//!
//! Users depend on `claude-agent`, which re-exports these macros; this crate holds no runtime logic.
//! `#[tool]`, `#[hook]` and `#[agent]` each expand to plain code over public `claude_agent` traits
//! (`Tool`, `Hook`, `Agent` / `MainAgent`) that could be written by hand.
//!
//! Every macro has the same shape (`entry.rs`): parse the item, parse the arguments and validate
//! them into a model with every error collected (`<macro>/parse.rs`, `<macro>/model.rs`), then
//! expand the model (`<macro>/expand.rs`) against `claude_agent::__private`, the crate aliased
//! once as `__ca`. All three take `crate = path` (or `crate = "path"`) when `claude_agent` is not
//! reachable under its usual name; a renamed dependency is found on its own. Set
//! `CLAUDE_AGENT_MACROS_DEBUG=1` to print every expansion while compiling.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod agent;
mod attr;
mod diag;
mod entry;
mod hook;
mod idents;
mod krate;
mod suggest;
mod tool;

use proc_macro::TokenStream;

/// Declares a typed hook. Re-exported as `claude_agent::hooks::hook`, whose documentation has
/// compiled examples.
///
/// ```text
/// #[hook(PreToolUse, matcher = "Bash", timeout = 5)]
/// async fn guard(input: PreToolUse<BashInput>) -> HookOutput { ... }
/// ```
///
/// Arguments: the event (first; checked at compile time), then optionally `matcher = ".."`
/// (a tool name, `A|B`, or a regex; syntax-checked), `timeout = secs`, `on_failure = "deny" |
/// "continue" | "error"`, `name = ".."` and `crate = path`. The function must be an `async fn`
/// taking exactly the event's input and returning `HookOutput` or `Result<HookOutput, E>`; it
/// stays callable. The macro adds a unit struct `<Name>Hook` implementing
/// `claude_agent::hooks::Hook` and registers it for `claude_agent::hooks::registered_hooks()`.
#[proc_macro_attribute]
pub fn hook(args: TokenStream, item: TokenStream) -> TokenStream {
    hook::run(args.into(), item.into()).into()
}

/// Turns a function into a tool the model can call, served by an in-process MCP server.
///
/// ```text
/// use claude_agent::tools::{ToolError, ToolServer, tool};
///
/// /// Add two numbers.
/// #[tool(server = "calc", read_only)]
/// async fn add(
///     /// Left operand.
///     a: f64,
///     /// Right operand.
///     b: f64,
/// ) -> Result<String, ToolError> {
///     Ok((a + b).to_string())
/// }
///
/// let calc = ToolServer::new("calc").tool(AddTool)?; // or ToolServer::from_registered("calc")?
/// ```
///
/// (Compiled examples live in the `claude_agent::tools` documentation.)
///
/// - The function stays an ordinary function (`add(1.0, 2.0).await`). `async fn` and plain `fn`
///   are accepted (a plain `fn` runs on the async runtime's thread: keep it quick).
/// - Its doc comment is the tool's description; each parameter's doc comment describes that
///   property of the input schema. `#[serde(..)]` and `#[schemars(..)]` on a parameter are moved
///   to the generated input struct too.
/// - Each parameter must be an owned type implementing `serde::Deserialize` and
///   `schemars::JsonSchema`. One parameter may be `#[context] cx: ToolContext` instead.
/// - It may return `String`, `&'static str`, `serde_json::Value`, `Json<T>`, `()`, `ToolResult`,
///   or `Result<T, E>` of those with `E: Display` (an `Err` is shown to the model as an error).
/// - It generates a unit struct `<PascalName>Tool` (here `AddTool`) implementing
///   `claude_agent::tools::Tool`, and registers its `ToolDescriptor` (feature `inventory`).
///
/// Keys: `name = "..."` (default: the function's name), `description = "..."` (default: the doc
/// comment), `server = "..."` (default: `"tools"`), `title = "..."`, `read_only`, `destructive`,
/// `idempotent`, `open_world` (bare for `true`, or `= false`), `timeout = 30` (seconds) or
/// `timeout = "500ms" | "30s" | "2m"`, Claude Code's per-tool hints (`ToolHints`):
/// `always_load` (bare for `true`, or `= false` to let the CLI's tool search defer the tool),
/// `search_hint = "a few words"` and `max_result_size_chars = 200_000` (positive), and
/// `crate = path` when `claude_agent` is not reachable under its usual name. Set `CLAUDE_AGENT_MACROS_DEBUG=1` to print the expansion.
#[proc_macro_attribute]
pub fn tool(args: TokenStream, item: TokenStream) -> TokenStream {
    tool::run(args.into(), item.into()).into()
}

/// Declares an agent on a unit struct. Re-exported as `claude_agent::agents::agent`, whose
/// documentation has compiled examples.
///
/// ```text
/// /// You review code for bugs.                      <- the system prompt
/// #[agent(description = "Reviews code", tools = ["Read", grep], model = "haiku")]
/// struct Reviewer;                                   <- name "reviewer" (kebab-case)
///
/// /// You are a careful engineer.
/// #[agent(main, model = "sonnet", subagents = [Reviewer], hooks = [guard], output = Review)]
/// struct Coder;                                      <- Coder::options/query/client/ask
/// ```
///
/// Subagent keys (every `AgentDefinition` field): `description` (required), `prompt` (default:
/// the doc comment), `name` (default: the struct's name in kebab-case), `model`, `tools`,
/// `disallowed_tools`, `mcp_servers`, `skills`, `max_turns`, `memory`, `initial_prompt`,
/// `background`, `effort`, `permission_mode`, `critical_system_reminder`. Main-agent keys
/// (after `main`): `system_prompt` (default: the doc comment), `model`, `permission_mode`,
/// `max_turns`, `max_budget_usd`, `effort`, `tools`, `allowed_tools`, `disallowed_tools`,
/// `subagents`, `hooks`, `setting_sources`, `output`. Both take `crate = path`.
///
/// Tool lists take built-in names as strings and `#[tool]` functions by path (`add` means
/// `AddTool`, whose MCP name `mcp__<server>__add` is derived). `hooks` takes `#[hook]` functions
/// by path. Values other than these are ordinary expressions passed to the builder, so
/// `prompt = include_str!("reviewer.md")` works. Set `CLAUDE_AGENT_MACROS_DEBUG=1` to print
/// the expansion.
#[proc_macro_attribute]
pub fn agent(args: TokenStream, item: TokenStream) -> TokenStream {
    agent::run(args.into(), item.into()).into()
}
