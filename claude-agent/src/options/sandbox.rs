//! Typed sandbox settings, merged into the `--settings` JSON under `"sandbox"`.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};

/// Sandbox configuration for the commands the CLI runs.
///
/// Pass it (or raw JSON) to [`OptionsBuilder::sandbox`](crate::OptionsBuilder::sandbox). Unset
/// fields are omitted, so the CLI's defaults apply.
///
/// # Examples
///
/// ```
/// use claude_agent::Options;
/// use claude_agent::options::{SandboxNetworkConfig, SandboxSettings};
///
/// let mut sandbox = SandboxSettings::enabled();
/// sandbox.excluded_commands = Some(vec!["docker".into()]);
/// sandbox.network = Some(SandboxNetworkConfig { allow_local_binding: Some(true), ..Default::default() });
/// let options = Options::builder().sandbox(sandbox).build();
/// let args = options.cli_args().unwrap();
/// let settings = &args[args.iter().position(|a| a == "--settings").unwrap() + 1];
/// assert!(settings.contains("\"allowLocalBinding\":true"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SandboxSettings {
    /// Run commands in the sandbox.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Approve Bash commands automatically when they run sandboxed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_allow_bash_if_sandboxed: Option<bool>,
    /// Commands that always run outside the sandbox.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excluded_commands: Option<Vec<String>>,
    /// Let the model ask to run a command outside the sandbox (then the permission system
    /// decides).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_unsandboxed_commands: Option<bool>,
    /// Network restrictions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network: Option<SandboxNetworkConfig>,
    /// Filesystem restrictions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filesystem: Option<SandboxFilesystemConfig>,
    /// Violation categories mapped to patterns to ignore.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ignore_violations: Option<BTreeMap<String, Vec<String>>>,
    /// Use a weaker nested sandbox for compatibility.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_weaker_nested_sandbox: Option<bool>,
    /// A custom ripgrep binary (`{"command": .., "args": [..]}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ripgrep: Option<Value>,
    /// Further fields, sent verbatim.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl SandboxSettings {
    /// Settings with the sandbox turned on and everything else left to the CLI.
    pub fn enabled() -> Self {
        SandboxSettings {
            enabled: Some(true),
            ..SandboxSettings::default()
        }
    }
}

/// Network restrictions of the sandbox.
///
/// # Examples
///
/// ```
/// use claude_agent::options::SandboxNetworkConfig;
///
/// let net = SandboxNetworkConfig { allowed_domains: Some(vec!["example.com".into()]), ..Default::default() };
/// # let _ = net;
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SandboxNetworkConfig {
    /// Domains sandboxed processes may reach.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_domains: Option<Vec<String>>,
    /// Only allow the managed domain list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_managed_domains_only: Option<bool>,
    /// Allow binding local ports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_local_binding: Option<bool>,
    /// Unix sockets processes may use (for example the Docker socket, which grants full host
    /// access).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_unix_sockets: Option<Vec<String>>,
    /// Allow every Unix socket.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_all_unix_sockets: Option<bool>,
    /// HTTP proxy port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_proxy_port: Option<u16>,
    /// SOCKS proxy port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub socks_proxy_port: Option<u16>,
}

/// Filesystem restrictions of the sandbox.
///
/// # Examples
///
/// ```
/// use claude_agent::options::SandboxFilesystemConfig;
///
/// let fs = SandboxFilesystemConfig { deny_read: Some(vec!["~/.ssh".into()]), ..Default::default() };
/// # let _ = fs;
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SandboxFilesystemConfig {
    /// Path patterns writes are allowed to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_write: Option<Vec<String>>,
    /// Path patterns writes are denied to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deny_write: Option<Vec<String>>,
    /// Path patterns reads are denied to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deny_read: Option<Vec<String>>,
}

impl From<SandboxSettings> for Value {
    fn from(settings: SandboxSettings) -> Value {
        // Serializing plain data with string keys cannot fail; fall back to an empty object
        // rather than panicking.
        serde_json::to_value(settings).unwrap_or_else(|_| Value::Object(Map::new()))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unset_fields_are_omitted_and_names_are_camel_case() {
        let mut s = SandboxSettings::enabled();
        s.auto_allow_bash_if_sandboxed = Some(false);
        s.filesystem = Some(SandboxFilesystemConfig {
            deny_read: Some(vec!["/secret".into()]),
            ..Default::default()
        });
        s.extra.insert("futureKey".into(), json!(1));
        assert_eq!(
            Value::from(s),
            json!({"enabled": true, "autoAllowBashIfSandboxed": false,
                   "filesystem": {"denyRead": ["/secret"]}, "futureKey": 1})
        );
        assert_eq!(Value::from(SandboxSettings::default()), json!({}));
    }
}
