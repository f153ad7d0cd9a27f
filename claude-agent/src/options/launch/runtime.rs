//! The launch side of [`RuntimeOptions`]: where MCP servers, plugins and managed settings go for
//! a given CLI version, the initialize-only fields, and the run-time environment entries.

use std::sync::Arc;

use serde_json::{Map, Value};

use super::argv::Argv;
use crate::options::runtime::RuntimeOptions;
use crate::options::{Delivery, INITIALIZE_DELIVERY_SINCE};
use crate::permissions::{ElicitationHandler, UserDialogHandler};
use crate::transport::CliVersion;
use crate::{Error, Result};

impl Delivery {
    /// Whether to use the initialize request with the CLI at `version` (unknown: a custom
    /// spawner or a skipped version check).
    fn in_initialize(self, option: &'static str, version: Option<&CliVersion>) -> Result<bool> {
        let supported = version.map(|v| *v >= INITIALIZE_DELIVERY_SINCE);
        match (self, supported) {
            (Delivery::Argv, _) | (Delivery::Auto, None | Some(false)) => Ok(false),
            (Delivery::Auto, Some(true)) | (Delivery::Initialize, None | Some(true)) => Ok(true),
            (Delivery::Initialize, Some(false)) => Err(Error::invalid_option(
                option,
                format!(
                    "delivery in the initialize request needs a Claude Code CLI \
                     {INITIALIZE_DELIVERY_SINCE} or newer; this one is {}",
                    version.map(ToString::to_string).unwrap_or_default()
                ),
            )),
        }
    }
}

/// What the launch plan takes from [`RuntimeOptions`] besides argv and initialize fields.
pub(crate) struct Deliveries {
    pub(crate) mcp_servers: bool,
    pub(crate) plugins: bool,
    pub(crate) managed_settings: bool,
}

impl RuntimeOptions {
    /// Decides where each deliverable goes for the CLI at `version`.
    pub(crate) fn deliveries(&self, version: Option<&CliVersion>) -> Result<Deliveries> {
        Ok(Deliveries {
            mcp_servers: self
                .mcp_servers_delivery
                .in_initialize("mcp_servers_delivery", version)?,
            plugins: self
                .plugin_delivery
                .in_initialize("plugin_delivery", version)?,
            managed_settings: self
                .managed_settings_delivery
                .in_initialize("managed_settings", version)?,
        })
    }

    /// The initialize-only fields.
    pub(crate) fn initialize_fields(&self, body: &mut Map<String, Value>) -> Result<()> {
        if let Some(on) = self.agent_progress_summaries {
            body.insert("agentProgressSummaries".into(), on.into());
        }
        if let Some(text) = &self.plan_mode_instructions {
            body.insert("planModeInstructions".into(), text.clone().into());
        }
        if !self.tool_aliases.is_empty() {
            let mut aliases = Map::new();
            for (alias, target) in &self.tool_aliases {
                if alias.trim().is_empty() || target.trim().is_empty() {
                    return Err(Error::invalid_option(
                        "tool_alias",
                        "an alias and its target must not be empty",
                    ));
                }
                aliases.insert(alias.clone(), target.clone().into());
            }
            body.insert("toolAliases".into(), Value::Object(aliases));
        }
        if let Some(on) = self.per_task_stop_affordance {
            body.insert("perTaskStopAffordance".into(), on.into());
        }
        if self.on_user_dialog.is_some() {
            body.insert(
                "supportedDialogKinds".into(),
                self.dialog_kinds.clone().into(),
            );
        } else if !self.dialog_kinds.is_empty() {
            return Err(Error::invalid_option(
                "supported_dialog_kinds",
                "dialog kinds need an `on_user_dialog` callback to answer them",
            ));
        }
        Ok(())
    }

    /// Managed settings on the command line, or in `initialize`.
    pub(crate) fn push_managed_settings(
        &self,
        in_initialize: bool,
        argv: &mut Argv,
        body: &mut Map<String, Value>,
    ) -> Result<()> {
        let Some(settings) = &self.managed_settings else {
            return Ok(());
        };
        if in_initialize {
            argv.flag("--managed-settings-in-initialize");
            body.insert("managedSettings".into(), Value::Object(settings.clone()));
        } else {
            let json = Value::Object(settings.clone()).to_string();
            argv.value("managed_settings", "--managed-settings", &json)?;
        }
        Ok(())
    }

    /// Environment entries: the AskUserQuestion preview format.
    pub(crate) fn env(&self) -> Vec<(String, Option<String>)> {
        self.question_preview_format
            .iter()
            .map(|format| {
                (
                    "CLAUDE_CODE_QUESTION_PREVIEW_FORMAT".to_owned(),
                    Some(format.as_str().to_owned()),
                )
            })
            .collect()
    }

    /// The elicitation callback, if any.
    pub(crate) fn elicitation(&self) -> Option<Arc<dyn ElicitationHandler>> {
        self.on_elicitation.as_ref().map(|h| Arc::clone(&h.0))
    }

    /// The session store transcripts are mirrored to, if any.
    pub(crate) fn session_store(&self) -> Option<Arc<dyn crate::sessions::store::SessionStore>> {
        self.session_store.as_ref().map(|s| Arc::clone(&s.0))
    }

    /// The user-dialog callback, if any.
    pub(crate) fn user_dialog(&self) -> Option<Arc<dyn UserDialogHandler>> {
        self.on_user_dialog.as_ref().map(|h| Arc::clone(&h.0))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn auto_delivery_follows_the_cli_version() {
        let old = CliVersion::new(2, 1, 197);
        let new = CliVersion::new(2, 1, 330);
        let auto = Delivery::Auto;
        assert!(!auto.in_initialize("x", None).unwrap());
        assert!(!auto.in_initialize("x", Some(&old)).unwrap());
        assert!(auto.in_initialize("x", Some(&new)).unwrap());
        assert!(!Delivery::Argv.in_initialize("x", Some(&new)).unwrap());
        assert!(Delivery::Initialize.in_initialize("x", None).unwrap());
        let err = Delivery::Initialize
            .in_initialize("mcp_servers_delivery", Some(&old))
            .unwrap_err();
        assert!(err.to_string().contains("2.1.261"), "{err}");
    }

    #[test]
    fn dialog_kinds_need_a_callback() {
        let runtime = RuntimeOptions {
            dialog_kinds: vec!["refusal_fallback_prompt".into()],
            ..RuntimeOptions::default()
        };
        assert!(runtime.initialize_fields(&mut Map::new()).is_err());
    }
}
