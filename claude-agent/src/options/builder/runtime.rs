//! Setters for the run-time settings of newer CLIs: initialize-only fields, delivery choices,
//! the elicitation and dialog callbacks, and the unchecked extra flag.

use std::time::Duration;

use serde_json::{Map, Value};

use crate::options::{Delivery, Opaque, OptionsBuilder, QuestionPreviewFormat};
use crate::permissions::{ElicitationHandler, UserDialogHandler};
use std::sync::Arc;

impl OptionsBuilder {
    /// Asks the CLI for periodic summaries of what each subagent is doing (in the `summary` of
    /// `task_progress` messages). Initialize field `agentProgressSummaries`.
    pub fn agent_progress_summaries(mut self, enabled: bool) -> Self {
        self.options.runtime.agent_progress_summaries = Some(enabled);
        self
    }

    /// Replaces the workflow part of the plan-mode instructions (with
    /// [`PermissionMode::Plan`](super::PermissionMode::Plan)); the CLI keeps its read-only
    /// preamble and the ExitPlanMode footer. Initialize field `planModeInstructions`.
    pub fn plan_mode_instructions(mut self, instructions: impl Into<String>) -> Self {
        self.options.runtime.plan_mode_instructions = Some(instructions.into());
        self
    }

    /// Makes the model's calls of tool `alias` run tool `target` instead (e.g. `Bash` →
    /// `mcp__workspace__bash`). Complements [`disallowed_tools`](Self::disallowed_tools); it does
    /// not replace it. Initialize field `toolAliases`.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::Options;
    ///
    /// let options = Options::builder().tool_alias("Bash", "mcp__sandbox__bash").build();
    /// # let _ = options;
    /// ```
    pub fn tool_alias(mut self, alias: impl Into<String>, target: impl Into<String>) -> Self {
        self.options
            .runtime
            .tool_aliases
            .insert(alias.into(), target.into());
        self
    }

    /// Declares that this application stops background tasks one at a time
    /// ([`SessionHandle::stop_task`](crate::SessionHandle::stop_task)), so an interrupt spares
    /// running background agents. Initialize field `perTaskStopAffordance`.
    pub fn per_task_stop_affordance(mut self, enabled: bool) -> Self {
        self.options.runtime.per_task_stop_affordance = Some(enabled);
        self
    }

    /// Sends every prompt of the session verbatim: no `@path` expansion, no slash commands, and
    /// without the context the CLI attaches to a prompt (it still arrives after the first tool
    /// call). Per prompt:
    /// [`UserInput::client_composed`](crate::protocol::UserInput::client_composed).
    /// Older CLIs ignore it: see [compatibility](crate::compatibility).
    pub fn verbatim_prompts(mut self, verbatim: bool) -> Self {
        self.options.runtime.verbatim_prompts = verbatim;
        self
    }

    /// The format of the `preview` of AskUserQuestion options (the TypeScript SDK's
    /// `toolConfig.askUserQuestion.previewFormat`; environment
    /// `CLAUDE_CODE_QUESTION_PREVIEW_FORMAT`).
    pub fn question_preview_format(mut self, format: QuestionPreviewFormat) -> Self {
        self.options.runtime.question_preview_format = Some(format);
        self
    }

    /// Managed (policy) settings the CLI enforces above every other settings source, without
    /// root-owned files: e.g. `{"sandbox": {"network": {"allowManagedDomainsOnly": true}}}`.
    /// Sent with `--managed-settings`, or in `initialize` per
    /// [`managed_settings_delivery`](Self::managed_settings_delivery).
    pub fn managed_settings(mut self, settings: Map<String, Value>) -> Self {
        self.options.runtime.managed_settings = Some(settings);
        self
    }

    /// Where [`managed_settings`](Self::managed_settings) go (default [`Delivery::Auto`]).
    pub fn managed_settings_delivery(mut self, delivery: Delivery) -> Self {
        self.options.runtime.managed_settings_delivery = delivery;
        self
    }

    /// Where external MCP server configurations go. The default, [`Delivery::Auto`], sends
    /// them in the `initialize` request when the CLI reads them there (see
    /// [compatibility](crate::compatibility)), so
    /// secrets in their `env` and `headers` never appear in the process list; with older CLIs,
    /// and when the version is unknown (a custom spawner, a skipped version check), they go to
    /// `--mcp-config`.
    pub fn mcp_servers_delivery(mut self, delivery: Delivery) -> Self {
        self.options.runtime.mcp_servers_delivery = delivery;
        self
    }

    /// Where [`plugins`](Self::plugins) go: one `--plugin-dir` each, or the `initialize`
    /// request (default [`Delivery::Auto`]).
    pub fn plugin_delivery(mut self, delivery: Delivery) -> Self {
        self.options.runtime.plugin_delivery = delivery;
        self
    }

    /// The timeout of every hook callback that sets none itself (per-hook `timeout` overrides
    /// it; without either the CLI's default applies).
    pub fn hook_timeout(mut self, timeout: Duration) -> Self {
        self.options.runtime.hook_timeout = Some(timeout);
        self
    }

    /// Runs the CLI as another OS user (name or numeric uid; its primary group too). Needs the
    /// privileges to switch users (e.g. running as root); the user needs a readable CLI and a
    /// writable home or [`env`](Self::env) `CLAUDE_CONFIG_DIR`.
    pub fn user(mut self, user: impl Into<String>) -> Self {
        self.options.runtime.user = Some(user.into());
        self
    }

    /// Answers MCP elicitations (a server asking the user for input or to open a URL) instead
    /// of declining them.
    pub fn on_elicitation(mut self, handler: impl ElicitationHandler) -> Self {
        self.options.runtime.on_elicitation = Some(Opaque(Arc::new(handler)));
        self
    }

    /// Renders the blocking dialogs of the given kinds that the CLI asks the application to
    /// show (`request_user_dialog`; initialize field `supportedDialogKinds`). The CLI never
    /// sends an undeclared kind: it falls back to its behaviour without a dialog. Answer
    /// [`UserDialogResponse::Cancelled`](crate::permissions::UserDialogResponse::Cancelled) for
    /// a kind you do not know.
    pub fn on_user_dialog<I, S>(mut self, kinds: I, handler: impl UserDialogHandler) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.options.runtime.dialog_kinds = kinds.into_iter().map(Into::into).collect();
        self.options.runtime.on_user_dialog = Some(Opaque(Arc::new(handler)));
        self
    }

    /// Passes a flag that is not in [`ALLOWED_EXTRA_FLAGS`](crate::options::ALLOWED_EXTRA_FLAGS)
    /// (one
    /// newer than this SDK). The flag must still be a well-formed long flag (`--name`), must not
    /// be one the SDK manages (`--output-format`, `--input-format`, `--print`, ...), and a value
    /// is always attached as `--flag=value`, so it can never become another flag or the prompt.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::Options;
    ///
    /// let args = Options::builder()
    ///     .extra_arg_unchecked("--brand-new-flag", Some("-x"))
    ///     .build()
    ///     .cli_args()?;
    /// assert!(args.contains(&"--brand-new-flag=-x".to_owned()));
    /// # Ok::<(), claude_agent::Error>(())
    /// ```
    pub fn extra_arg_unchecked(mut self, flag: impl Into<String>, value: Option<&str>) -> Self {
        self.options
            .runtime
            .unchecked_args
            .push((flag.into(), value.map(str::to_owned)));
        self
    }
}
