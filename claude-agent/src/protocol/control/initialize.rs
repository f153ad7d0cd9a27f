//! The `initialize` response: commands, agents, models and account the CLI offers.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::options::PermissionMode;
use crate::protocol::{FastModeDisabledReason, FastModeState, SessionState};
use crate::wire::wire_enum;
use crate::wire::{nullable, opt_count};

/// What the CLI answered to `initialize` (the TypeScript SDK's `SDKControlInitializeResponse`).
///
/// The fields of the TypeScript SDK's type are typed, plus `pid`, `capabilities`,
/// `current_permission_mode` and `session_state`, which CLI 2.1.330 sends too; fields a CLI does
/// not send stay at their defaults (`None`, empty). Everything else is in [`raw`](Self::raw).
///
/// # Examples
///
/// ```
/// use claude_agent::protocol::{FastModeState, InitializeResponse, SessionState};
///
/// let response: InitializeResponse = serde_json::from_value(serde_json::json!({
///     "commands": [{"name": "compact", "description": "Compact the conversation", "argumentHint": ""}],
///     "agents": [{"name": "Explore", "description": "Search code", "model": "haiku"}],
///     "output_style": "default",
///     "available_output_styles": ["default"],
///     "models": [{"value": "opus", "displayName": "Opus", "description": "Best"}],
///     "account": {"apiKeySource": "ANTHROPIC_API_KEY", "apiProvider": "firstParty"},
///     "pid": 4242,
///     "session_state": "idle",
///     "fast_mode_state": "off",
///     "hooks_applied": true,
///     "feedback_mode": {"kind": "disabled"}
/// })).unwrap();
/// assert_eq!(response.commands[0].name, "compact");
/// assert_eq!(response.models[0].display_name, "Opus");
/// let account = response.account.as_ref().unwrap();
/// assert_eq!(account.api_key_source.as_deref(), Some("ANTHROPIC_API_KEY"));
/// assert_eq!(response.session_state, Some(SessionState::Idle));
/// assert_eq!(response.fast_mode_state, Some(FastModeState::Off));
/// assert_eq!(response.hooks_applied, Some(true));
/// assert_eq!(response.raw["feedback_mode"]["kind"], "disabled");
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[non_exhaustive]
pub struct InitializeResponse {
    /// Slash commands (and skills) the session accepts.
    pub commands: Vec<SlashCommand>,
    /// Subagents available through the `Agent` tool.
    pub agents: Vec<AgentInfo>,
    /// The current output style.
    pub output_style: String,
    /// Output styles to choose from.
    pub available_output_styles: Vec<String>,
    /// Models to choose from.
    pub models: Vec<ModelInfo>,
    /// The account in use (every CLI sends it; `None` only if it did not).
    pub account: Option<AccountInfo>,
    /// The CLI's version (2.1.330+).
    pub claude_code_version: Option<String>,
    /// The CLI's process id.
    pub pid: Option<u64>,
    /// Feature capabilities (2.1.330+).
    pub capabilities: Vec<String>,
    /// The session's permission mode (2.1.330+).
    pub current_permission_mode: Option<PermissionMode>,
    /// Whether the session is idle, running or waiting for an answer (2.1.330+).
    pub session_state: Option<SessionState>,
    /// Fast-mode state (2.1.330+).
    pub fast_mode_state: Option<FastModeState>,
    /// Why fast mode cannot serve, if something blocks it (2.1.330+).
    pub fast_mode_disabled_reason: Option<FastModeDisabledReason>,
    /// Whether the hooks of this `initialize` were registered: `false` when a repeated
    /// `initialize` had its hooks ignored; `None` when it carried none, or from older CLIs.
    pub hooks_applied: Option<bool>,
    /// `true` from CLIs that honour a hook matcher's failure policy (2.1.330+); `None` from CLIs
    /// that ignore it.
    pub hook_on_failure_supported: Option<bool>,
    /// Whether every plugin this `initialize` listed is loaded; `None` when it listed none, or
    /// from CLIs that predate the field.
    pub plugins_applied: Option<bool>,
    /// Whether the MCP servers of this `initialize` are the set the CLI read at launch; `None`
    /// when it named none, or from CLIs that never read them (treat as not applied).
    pub mcp_servers_applied: Option<bool>,
    /// What became of each in-process MCP server manifest sent, by server name (empty when none
    /// was sent, or from CLIs that predate the field).
    pub sdk_mcp_manifests_parked: BTreeMap<String, ManifestParking>,
    /// The whole response, as sent.
    #[serde(skip)]
    pub raw: Value,
}

impl InitializeResponse {
    /// Decodes the CLI's answer without failing: fields that do not decode are left at their
    /// defaults (with a warning) and the whole answer is kept in [`raw`](Self::raw).
    pub(crate) fn from_value(raw: Value) -> Self {
        match InitializeFields::deserialize(&raw) {
            Ok(fields) => Self::from_fields(fields, raw),
            Err(err) => {
                tracing::warn!(error = %err, "the CLI's initialize response did not have the expected shape");
                InitializeResponse {
                    raw,
                    ..InitializeResponse::default()
                }
            }
        }
    }

    fn from_fields(fields: InitializeFields, raw: Value) -> Self {
        InitializeResponse {
            commands: fields.commands,
            agents: fields.agents,
            output_style: fields.output_style,
            available_output_styles: fields.available_output_styles,
            models: fields.models,
            account: fields.account,
            claude_code_version: fields.claude_code_version,
            pid: fields.pid,
            capabilities: fields.capabilities,
            current_permission_mode: fields.current_permission_mode,
            session_state: fields.session_state,
            fast_mode_state: fields.fast_mode_state,
            fast_mode_disabled_reason: fields.fast_mode_disabled_reason,
            hooks_applied: fields.hooks_applied,
            hook_on_failure_supported: fields.hook_on_failure_supported,
            plugins_applied: fields.plugins_applied,
            mcp_servers_applied: fields.mcp_servers_applied,
            sdk_mcp_manifests_parked: fields.sdk_mcp_manifests_parked,
            raw,
        }
    }
}

#[derive(Deserialize)]
struct InitializeFields {
    #[serde(default, deserialize_with = "nullable")]
    commands: Vec<SlashCommand>,
    #[serde(default, deserialize_with = "nullable")]
    agents: Vec<AgentInfo>,
    #[serde(default, deserialize_with = "nullable")]
    output_style: String,
    #[serde(default, deserialize_with = "nullable")]
    available_output_styles: Vec<String>,
    #[serde(default, deserialize_with = "nullable")]
    models: Vec<ModelInfo>,
    #[serde(default)]
    account: Option<AccountInfo>,
    #[serde(default)]
    claude_code_version: Option<String>,
    #[serde(default, deserialize_with = "opt_count")]
    pid: Option<u64>,
    #[serde(default, deserialize_with = "nullable")]
    capabilities: Vec<String>,
    #[serde(default)]
    current_permission_mode: Option<PermissionMode>,
    #[serde(default)]
    session_state: Option<SessionState>,
    #[serde(default)]
    fast_mode_state: Option<FastModeState>,
    #[serde(default)]
    fast_mode_disabled_reason: Option<FastModeDisabledReason>,
    #[serde(default)]
    hooks_applied: Option<bool>,
    #[serde(default)]
    hook_on_failure_supported: Option<bool>,
    #[serde(default)]
    plugins_applied: Option<bool>,
    #[serde(default)]
    mcp_servers_applied: Option<bool>,
    #[serde(default, deserialize_with = "nullable")]
    sdk_mcp_manifests_parked: BTreeMap<String, ManifestParking>,
}

wire_enum! {
    /// What the CLI did with one in-process MCP server manifest
    /// ([`InitializeResponse::sdk_mcp_manifests_parked`]).
    pub enum ManifestParking {
        /// Kept: the CLI answers the server's first `initialize` and `tools/list` from it.
        Parked = "parked",
        /// The CLI already had a live client for the server.
        AlreadyConnected = "already_connected",
        /// The manifest's protocol version is not the one this CLI requests.
        ProtocolVersionMismatch = "protocol_version_mismatch",
        /// The entry was not of the documented shape, or over the CLI's limits.
        Malformed = "malformed",
        /// The CLI did not use the entry.
        NotHonoured = "not_honoured",
    }
}

impl<'de> Deserialize<'de> for InitializeResponse {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Value::deserialize(deserializer)?;
        let fields = InitializeFields::deserialize(&raw).map_err(serde::de::Error::custom)?;
        Ok(Self::from_fields(fields, raw))
    }
}

/// A slash command or skill.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SlashCommand {
    /// The name, without the slash.
    #[serde(default, deserialize_with = "nullable")]
    pub name: String,
    /// What it does.
    #[serde(default, deserialize_with = "nullable")]
    pub description: String,
    /// A hint for its arguments (wire `argumentHint`).
    #[serde(default, rename = "argumentHint", deserialize_with = "nullable")]
    pub argument_hint: String,
}

/// A subagent available through the `Agent` tool.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AgentInfo {
    /// The agent type, e.g. `Explore`.
    #[serde(default, deserialize_with = "nullable")]
    pub name: String,
    /// When to use it.
    #[serde(default, deserialize_with = "nullable")]
    pub description: String,
    /// Its model alias; `None` means it inherits the parent's model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
}

/// A model the session can switch to (camelCase on the wire).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ModelInfo {
    /// The value to pass to `set_model` (e.g. `opus`, `default`).
    #[serde(default, deserialize_with = "nullable")]
    pub value: String,
    /// A display name.
    #[serde(default, deserialize_with = "nullable")]
    pub display_name: String,
    /// A description.
    #[serde(default, deserialize_with = "nullable")]
    pub description: String,
    /// The model id the value currently resolves to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_model: Option<String>,
    /// Whether the model supports effort levels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supports_effort: Option<bool>,
    /// The effort levels it supports.
    #[serde(
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub supported_effort_levels: Vec<String>,
    /// Whether it supports adaptive thinking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supports_adaptive_thinking: Option<bool>,
    /// Whether it supports fast mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supports_fast_mode: Option<bool>,
    /// Whether it supports auto mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supports_auto_mode: Option<bool>,
}

/// The account in use (camelCase on the wire; every field optional).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AccountInfo {
    /// The account's email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// The subscription type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_type: Option<String>,
    /// Where the OAuth token came from (`none` with an API key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_source: Option<String>,
    /// Where the API key came from, e.g. `ANTHROPIC_API_KEY`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key_source: Option<String>,
    /// The API provider, e.g. `firstParty`, `bedrock`, `vertex`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_provider: Option<String>,
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn from_value_keeps_the_raw_answer_when_fields_do_not_decode() {
        let raw = json!({"commands": "not a list", "pid": 7, "claude_code_version": "9.9.9"});
        let init = InitializeResponse::from_value(raw.clone());
        assert!(init.commands.is_empty());
        assert_eq!(init.claude_code_version, None);
        assert_eq!(init.raw, raw);
        assert!(serde_json::from_value::<InitializeResponse>(raw).is_err());
    }

    #[test]
    fn newer_fields_decode_and_unknown_values_are_kept() {
        let init = InitializeResponse::from_value(json!({
            "current_permission_mode": "plan",
            "session_state": "requires_action",
            "fast_mode_state": "warp",
            "fast_mode_disabled_reason": "model_not_allowed",
            "hook_on_failure_supported": true,
            "plugins_applied": false,
            "mcp_servers_applied": true,
            "sdk_mcp_manifests_parked": {"calc": "parked", "notes": "shelved"}
        }));
        assert_eq!(init.current_permission_mode, Some(PermissionMode::Plan));
        assert_eq!(init.session_state, Some(SessionState::RequiresAction));
        assert_eq!(
            init.fast_mode_state,
            Some(FastModeState::Other("warp".into()))
        );
        assert_eq!(
            init.fast_mode_disabled_reason,
            Some(FastModeDisabledReason::ModelNotAllowed)
        );
        assert_eq!(init.hooks_applied, None);
        assert_eq!(init.hook_on_failure_supported, Some(true));
        assert_eq!(init.plugins_applied, Some(false));
        assert_eq!(init.mcp_servers_applied, Some(true));
        assert_eq!(
            init.sdk_mcp_manifests_parked["calc"],
            ManifestParking::Parked
        );
        assert_eq!(
            init.sdk_mcp_manifests_parked["notes"],
            ManifestParking::Other("shelved".into())
        );
    }

    #[test]
    fn from_value_decodes_a_minimal_answer() {
        let init =
            InitializeResponse::from_value(json!({"pid": 7, "account": null, "commands": null}));
        assert_eq!(init.pid, Some(7));
        assert_eq!(init.account, None);
        assert!(init.commands.is_empty());
    }
}
