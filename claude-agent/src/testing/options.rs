//! Glue from a [`TestEnv`] to [`Options`](crate::Options): one line to point an agent at the
//! scripted model.

use super::env::{TestEnv, cli_path};
use crate::OptionsBuilder;

impl TestEnv {
    /// Options that run the real CLI ([`cli_path`]) in this environment: its variables, its
    /// working directory, nothing loaded from the user's own settings. Add your agent's options on
    /// top. Fails with install instructions when the CLI is not found.
    ///
    /// # Examples
    ///
    /// ```no_run
    /// use claude_agent::testing::{Reply, ScriptedModel, TestEnv};
    ///
    /// # #[tokio::main] async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let server = ScriptedModel::new().then(Reply::text("Hi!")).start().await?;
    /// let env = TestEnv::new(&server)?;
    /// let answer = claude_agent::query("Say hi", env.options()?.build()).text().await?;
    /// assert_eq!(answer, "Hi!");
    /// # Ok(()) }
    /// ```
    pub fn options(&self) -> crate::Result<OptionsBuilder> {
        self.apply(crate::Options::builder())
    }

    /// [`options`](Self::options) on top of an existing builder, for example an
    /// `#[agent(main)]`'s (`MyAgent::configure(env.options()?)` works too).
    ///
    /// # Examples
    ///
    /// ```no_run
    /// use claude_agent::Options;
    /// use claude_agent::testing::{Reply, ScriptedModel, TestEnv};
    ///
    /// # #[tokio::main] async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let server = ScriptedModel::new().then(Reply::text("Hi!")).start().await?;
    /// let env = TestEnv::new(&server)?;
    /// let options = env.apply(Options::builder().model("haiku"))?.build();
    /// # let _ = options; Ok(()) }
    /// ```
    pub fn apply(&self, builder: OptionsBuilder) -> crate::Result<OptionsBuilder> {
        let mut builder = builder.cli_path(cli_path()?).cwd(self.cwd());
        for (key, value) in self.env_vars() {
            builder = builder.env(key, value);
        }
        Ok(builder)
    }
}
