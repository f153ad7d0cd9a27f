//! The multi-turn typed answer: [`Client::receive_as`].

use futures::StreamExt;

use super::Answer;
use crate::protocol::Message;
use crate::{Client, Error, Result};

impl Client {
    /// Reads the current turn's messages up to its `result` and returns the answer as a `T`.
    ///
    /// The session must have been started with `T`'s schema
    /// ([`OptionsBuilder::output_type::<T>()`](crate::OptionsBuilder::output_type), or an
    /// `#[agent(main, output = T)]`'s options): then every turn ends with a structured answer.
    ///
    /// Errors: [`Error::StructuredOutput`] with [`OutputError`](super::OutputError) (the CLI gave up
    /// after its retries, no structured output, or a value that does not decode, kept raw);
    /// [`Error::TurnFailed`] for any other error result; [`Error::ConnectionClosed`] when the
    /// session ends before the turn does.
    ///
    /// # Examples
    ///
    /// ```no_run
    /// use claude_agent::{Client, Options};
    ///
    /// #[derive(serde::Deserialize, schemars::JsonSchema)]
    /// struct Count {
    ///     /// How many there are.
    ///     n: u32,
    /// }
    ///
    /// # async fn run() -> claude_agent::Result<()> {
    /// let mut client = Client::connect(Options::builder().output_type::<Count>().build()).await?;
    /// client.send("How many files are in src/?").await?;
    /// let first: Count = client.receive_as().await?;
    /// client.send("And in tests/?").await?;
    /// let second: Count = client.receive_as().await?;
    /// # let _ = (first.n, second.n); Ok(()) }
    /// ```
    pub async fn receive_as<T: Answer>(&mut self) -> Result<T> {
        let mut messages = self.receive_response();
        while let Some(message) = messages.next().await {
            if let Message::Result(result) = message? {
                return super::answer::decode(result);
            }
        }
        Err(Error::ConnectionClosed)
    }
}
