//! Agents as types: subagents the main agent can start, and whole agents with their options.
//!
//! # Subagents
//!
//! A subagent is a type implementing [`Agent`]: a name and an
//! [`AgentDefinition`]. Declare one with
//! [`#[agent]`](macro@agent) on a unit struct (its doc comment is the system prompt), or implement
//! [`Agent`] by hand; both give the same definition.
//!
//! (Doctests that declare agents are `standalone_crate`: merged doctests share one registry, so
//! their agents would be included in every other doctest's options.)
//!
//! ```rust,standalone_crate
//! use claude_agent::agents::{Agent, agent};
//! use claude_agent::tools::tool;
//!
//! /// Counts the words of a text.
//! #[tool(server = "text")]
//! async fn word_count(text: String) -> String {
//!     text.split_whitespace().count().to_string()
//! }
//!
//! /// You review code for bugs. Quote the line you mean; be brief.
//! #[agent(description = "Reviews code for bugs", tools = ["Read", "Grep", word_count], model = "haiku")]
//! struct Reviewer;
//!
//! let definition = Reviewer::definition();
//! assert_eq!(Reviewer::NAME, "reviewer");
//! assert_eq!(definition.tools.unwrap(), ["Read", "Grep", "mcp__text__word_count"]);
//! ```
//!
//! # Tools, hooks and agents together
//!
//! ```rust,standalone_crate,no_run
//! use claude_agent::agents::agent;
//! use claude_agent::builtin::BashInput;
//! use claude_agent::hooks::{HookOutput, PreToolUse, hook};
//! use claude_agent::tools::tool;
//!
//! /// Counts the lines of a text.
//! #[tool(server = "text", read_only)]
//! async fn line_count(text: String) -> String {
//!     text.lines().count().to_string()
//! }
//!
//! /// Refuses `rm -rf`.
//! #[hook(PreToolUse, matcher = "Bash")]
//! async fn no_rm_rf(input: PreToolUse<BashInput>) -> HookOutput {
//!     if input.tool_input.command.contains("rm -rf") {
//!         HookOutput::deny("not here")
//!     } else {
//!         HookOutput::proceed()
//!     }
//! }
//!
//! /// You review Rust code for bugs; answer with one line per problem.
//! #[agent(description = "Reviews Rust code", tools = ["Read", line_count])]
//! struct Reviewer;
//!
//! /// You are a careful engineer. Have changes reviewed before you report.
//! #[agent(main, model = "sonnet", subagents = [Reviewer], hooks = [no_rm_rf], max_turns = 10)]
//! struct Engineer;
//!
//! #[tokio::main]
//! async fn main() -> claude_agent::Result<()> {
//!     let answer = Engineer::query("Clean up the build and review src/lib.rs").text().await?;
//!     println!("{answer}");
//!     Ok(())
//! }
//! ```
//!
//! # Which subagents a session gets
//!
//! The same rules as for tools and hooks:
//!
//! - **By default, every registered agent.** Each `#[agent]` subagent registers itself at link
//!   time (feature `inventory`), and a session sends all of them in `initialize.agents`.
//! - **Explicit selection replaces the registry.** [`subagent::<T>()`](crate::OptionsBuilder::subagent)
//!   adds `T` and leaves every other registered agent out;
//!   [`no_registered_agents`](crate::OptionsBuilder::no_registered_agents) (or
//!   [`no_registered`](crate::OptionsBuilder::no_registered)) leaves them out without adding any.
//!   [`agent_definition`](crate::OptionsBuilder::agent_definition) only adds a hand-built one (a
//!   configured name wins over a registered agent of the same name).
//! - **Duplicate names are an error**: a session that includes the registry fails to start with
//!   [`Error::InvalidOption`](crate::Error::InvalidOption) naming both declarations.
//!
//! # The main agent
//!
//! `#[agent(main, ...)]` declares a whole agent: model, system prompt (the doc comment), limits,
//! tools, hooks, the subagents it may start and an optional typed answer (`output = Review`). It
//! implements [`MainAgent`] and gets `options()`, `query(prompt)`, `client()` and, with `output`,
//! `ask(prompt)` returning the typed answer. See [`macro@agent`] for every key.
//!
//! # State
//!
//! `#[agent]` takes unit structs only: an agent is a description the CLI receives, not a value
//! that lives in the session, so there is no instance whose fields hooks or tools could reach.
//! Tools and hooks that need shared state implement [`Tool`](crate::tools::Tool) or
//! [`Hook`](crate::hooks::Hook) on a type holding it (for example an `Arc<Mutex<..>>`) and are
//! added with [`ToolServer::tool`](crate::tools::ToolServer::tool) and
//! [`HookRegistry::hook`](crate::hooks::HookRegistry::hook). This keeps the simple case (no
//! state) free of generic context types.

mod main_agent;
mod registry;
mod tool_ref;

pub use main_agent::MainAgent;
pub use registry::{AgentDescriptor, registered_agents, registered_definitions};
pub use tool_ref::{IsTool, ToolRef};

/// Declares a subagent (or, with `main`, a whole agent) on a unit struct. See the
/// [module documentation](self) and the macro crate's reference below.
pub use claude_agent_macros::agent;

use crate::options::AgentDefinition;

/// A subagent: a name and the [`AgentDefinition`] the CLI receives. `#[agent]` implements it;
/// implementing it by hand gives exactly the same result.
///
/// # Examples
///
/// ```
/// use claude_agent::agents::{Agent, ToolRef};
/// use claude_agent::options::AgentDefinition;
///
/// struct Reviewer;
///
/// impl Agent for Reviewer {
///     const NAME: &'static str = "reviewer";
///     const TOOLS: &'static [ToolRef] = &[ToolRef::Named("Read")];
///
///     fn definition() -> AgentDefinition {
///         AgentDefinition::new("Reviews code for bugs", "You review code for bugs.")
///             .tools(Self::TOOLS.iter().map(ToolRef::wire_name))
///     }
/// }
///
/// let options = claude_agent::Options::builder().subagent::<Reviewer>().build();
/// # let _ = options;
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an agent",
    label = "not an `#[agent]` type",
    note = "declare it with `#[agent(description = \"..\")]` or implement `claude_agent::agents::Agent`"
)]
pub trait Agent: 'static {
    /// The agent's name: the `subagent_type` the main agent passes to the Agent tool.
    const NAME: &'static str;

    /// The tools the agent may use, for compile-time checks (`#[agent(main)]` refuses a
    /// subagent that may use a tool the parent disallows). Empty by default: no check.
    const TOOLS: &'static [ToolRef] = &[];

    /// The definition sent to the CLI in `initialize.agents[NAME]`.
    fn definition() -> AgentDefinition;
}

#[cfg(all(test, feature = "inventory"))]
mod tests;
