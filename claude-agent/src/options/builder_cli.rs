//! [`OptionsBuilder`] setter for provisioning the CLI on first use.

use super::OptionsBuilder;

impl OptionsBuilder {
    /// When no usable CLI is found (none installed, or one older than
    /// [`cli::MINIMUM_VERSION`](crate::cli::MINIMUM_VERSION)), install
    /// [`cli::TESTED_VERSION`](crate::cli::TESTED_VERSION) with npm into the per-user cache
    /// before starting the session (see [`cli`](crate::cli)). Default `false`.
    ///
    /// Off by default because it downloads a large package (a few hundred MB unpacked) and runs
    /// npm, which the caller should opt into; it is an option rather than a cargo feature so that
    /// one dependency enabling it cannot turn it on for every user of the crate in a build. An
    /// explicit [`cli_path`](Self::cli_path) or `CLAUDE_AGENT_CLI_PATH` is always used as given.
    /// A CLI already in the cache is used even without this option.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::Options;
    ///
    /// // `cargo add claude-agent` + `cargo run` on a machine with Node.js and no CLI:
    /// let options = Options::builder().install_cli(true).build();
    /// # let _ = options;
    /// ```
    pub fn install_cli(mut self, install: bool) -> Self {
        self.options.install_cli = install;
        self
    }
}
