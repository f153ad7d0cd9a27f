//! [`OptionsBuilder`]: subagents declared as types (`#[agent]`) and typed answers.
//! The registration rules are in `options/registered.rs` and the `agents` module.

use crate::agents::Agent;
use crate::options::OptionsBuilder;
use crate::structured::{Answer, output_schema};

impl OptionsBuilder {
    /// Adds the subagent `T` (an `#[agent]` type or a hand-written [`Agent`]) and leaves out the
    /// registered agents that are not selected this way: call it once per agent. Agents added with
    /// [`agent_definition`](Self::agent_definition) still apply.
    ///
    /// (Not to be confused with [`agent`](Self::agent), which runs the main thread *as* a named
    /// agent.)
    ///
    /// # Examples
    ///
    /// ```rust,standalone_crate
    /// use claude_agent::Options;
    /// use claude_agent::agents::agent;
    ///
    /// /// You write unit tests for the code you are shown.
    /// #[agent(description = "Writes unit tests", tools = ["Read", "Write"])]
    /// struct TestWriter;
    ///
    /// let options = Options::builder().subagent::<TestWriter>().build();
    /// # let _ = options;
    /// ```
    pub fn subagent<T: Agent>(mut self) -> Self {
        self.options.registered.agents = false;
        self.options
            .agents
            .insert(T::NAME.to_owned(), T::definition());
        self
    }

    /// Leaves out the registered `#[agent]` subagents (agents added with
    /// [`agent_definition`](Self::agent_definition) or [`subagent`](Self::subagent) still apply).
    pub fn no_registered_agents(mut self) -> Self {
        self.options.registered.agents = false;
        self
    }

    /// Asks for structured output shaped like `T`: the session's output schema becomes `T`'s
    /// ([`output_schema`]), so every turn ends with an answer that
    /// [`Client::receive_as`](crate::Client::receive_as) decodes.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::Options;
    ///
    /// #[derive(serde::Deserialize, schemars::JsonSchema)]
    /// struct Verdict {
    ///     /// Whether the change can be merged.
    ///     approve: bool,
    /// }
    ///
    /// let options = Options::builder().output_type::<Verdict>().build();
    /// # let _ = options;
    /// ```
    pub fn output_type<T: Answer>(self) -> Self {
        self.json_schema(serde_json::Value::Object(output_schema::<T>()))
    }
}
