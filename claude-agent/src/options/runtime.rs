//! The run-time settings of newer CLIs: initialize-only fields, delivery of MCP servers,
//! plugins and managed settings, the elicitation and dialog callbacks, and escape hatches.
//! How they reach the CLI is in `launch/runtime.rs`.

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::{Map, Value};

use super::Opaque;
use crate::permissions::{ElicitationHandler, UserDialogHandler};
use crate::transport::CliVersion;
use crate::wire::wire_enum;

/// The first CLI version that reads MCP servers, plugins and managed settings from the
/// `initialize` request (`--await-initialize`).
pub const INITIALIZE_DELIVERY_SINCE: CliVersion = CliVersion::new(2, 1, 261);

/// How configuration that could also go on the command line reaches the CLI.
///
/// # Examples
///
/// ```
/// use claude_agent::Options;
/// use claude_agent::options::Delivery;
///
/// let options = Options::builder().mcp_servers_delivery(Delivery::Argv).build();
/// # let _ = options;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Delivery {
    /// In the `initialize` request when the CLI is known to read it there
    /// ([`INITIALIZE_DELIVERY_SINCE`] or newer), else on the command line.
    #[default]
    Auto,
    /// On the command line (every CLI version; visible in the process list).
    Argv,
    /// In the `initialize` request, with `--await-initialize` (CLIs since
    /// [`INITIALIZE_DELIVERY_SINCE`]; an older one is refused with
    /// [`Error::InvalidOption`](crate::Error::InvalidOption)).
    Initialize,
}

wire_enum! {
    /// The format of the `preview` of AskUserQuestion options
    /// ([`question_preview_format`](super::OptionsBuilder::question_preview_format)).
    pub enum QuestionPreviewFormat {
        /// Markdown / ASCII (the CLI's default).
        Markdown = "markdown",
        /// Self-contained HTML fragments, for web front ends.
        Html = "html",
    }
}

/// Settings of newer CLIs, grouped so that [`Options`](super::Options) stays readable.
#[derive(Clone, Debug, Default)]
pub(crate) struct RuntimeOptions {
    pub(crate) agent_progress_summaries: Option<bool>,
    pub(crate) plan_mode_instructions: Option<String>,
    pub(crate) tool_aliases: BTreeMap<String, String>,
    pub(crate) per_task_stop_affordance: Option<bool>,
    pub(crate) verbatim_prompts: bool,
    pub(crate) question_preview_format: Option<QuestionPreviewFormat>,
    pub(crate) managed_settings: Option<Map<String, Value>>,
    pub(crate) mcp_servers_delivery: Delivery,
    pub(crate) plugin_delivery: Delivery,
    pub(crate) managed_settings_delivery: Delivery,
    pub(crate) hook_timeout: Option<Duration>,
    pub(crate) user: Option<String>,
    pub(crate) on_elicitation: Option<Opaque<dyn ElicitationHandler>>,
    pub(crate) on_user_dialog: Option<Opaque<dyn UserDialogHandler>>,
    pub(crate) dialog_kinds: Vec<String>,
    pub(crate) unchecked_args: Vec<(String, Option<String>)>,
    pub(crate) session_store: Option<Opaque<dyn crate::sessions::store::SessionStore>>,
    pub(crate) session_store_load_timeout: Option<Duration>,
    pub(crate) session_store_project: Option<String>,
}
