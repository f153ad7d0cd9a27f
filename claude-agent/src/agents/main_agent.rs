//! [`MainAgent`]: a whole agent's configuration as a type.

use std::future::Future;

use crate::{Client, Options, OptionsBuilder, Prompt, Query, Result};

/// A whole agent: the options it runs with. `#[agent(main, ...)]` implements it and adds the
/// same functions as inherent ones (`MyAgent::query(..)` works without importing this trait),
/// plus `ask` when the agent declares an `output` type.
///
/// # Examples
///
/// ```no_run
/// use claude_agent::agents::MainAgent;
/// use claude_agent::{Options, OptionsBuilder};
///
/// struct Helper;
///
/// impl MainAgent for Helper {
///     fn configure(base: OptionsBuilder) -> OptionsBuilder {
///         base.model("haiku").max_turns(3)
///     }
/// }
///
/// # async fn run() -> claude_agent::Result<()> {
/// let answer = Helper::query("What is 2 + 2?").text().await?;
/// // The same agent in another directory: its configuration on top of other options.
/// let elsewhere = Helper::configure(Options::builder().cwd("/srv/repo")).build();
/// # let _ = (answer, elsewhere); Ok(()) }
/// ```
pub trait MainAgent: 'static {
    /// Applies the agent's configuration on top of `base` (which may set what the agent leaves
    /// open: working directory, environment, CLI path, ...). The agent's settings win.
    fn configure(base: OptionsBuilder) -> OptionsBuilder;

    /// The agent's options, still overridable (`MyAgent::options().max_turns(1).build()`).
    fn options() -> OptionsBuilder {
        Self::configure(Options::builder())
    }

    /// Runs `prompt` with the agent's options: the message stream of [`query`](crate::query).
    fn query(prompt: impl Into<Prompt>) -> Query {
        crate::query(prompt, Self::options().build())
    }

    /// A connected multi-turn [`Client`] with the agent's options.
    fn client() -> impl Future<Output = Result<Client>> + Send {
        Client::connect(Self::options().build())
    }
}
