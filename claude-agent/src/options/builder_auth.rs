//! [`OptionsBuilder`] setter for how the CLI authenticates.

use super::{Credentials, OptionsBuilder};

impl OptionsBuilder {
    /// How the CLI authenticates: [`Credentials::Inherit`] (the default: whatever the environment
    /// and `~/.claude` say), an API key, an OAuth token from `claude setup-token`, or Bedrock /
    /// Vertex / Foundry with their settings.
    ///
    /// The choice becomes environment variables of the CLI process (never arguments), applied
    /// like [`env`](Self::env) entries at this point of the chain: a later `env` call for the
    /// same variable wins. It also removes the other choices' variables, so an inherited
    /// `ANTHROPIC_API_KEY` cannot override an OAuth token. `Debug` output of the options shows
    /// variable names only.
    ///
    /// Check which credential the CLI actually uses with
    /// [`cli::auth_status`](crate::cli::auth_status).
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::Options;
    /// use claude_agent::options::Credentials;
    ///
    /// let options = Options::builder()
    ///     .credentials(Credentials::oauth_token("sk-ant-oat01-..."))
    ///     .build();
    /// assert!(!format!("{options:?}").contains("sk-ant-oat01"));
    /// ```
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.options.env.0.extend(credentials.env());
        self
    }
}
