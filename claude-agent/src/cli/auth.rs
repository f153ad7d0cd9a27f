//! Which credential the CLI uses: [`auth_status`] and [`AuthReport`], built from the
//! `initialize` result's account info and the `auth_status` messages, never from secrets.

use std::fmt;

use crate::protocol::{AccountInfo, Message};
use crate::{Client, Options, Result};

/// The kind of credential the CLI reported using.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CredentialInUse {
    /// An API key; `source` is where the CLI found it (e.g. `ANTHROPIC_API_KEY`).
    ApiKey {
        /// Where the key came from.
        source: String,
    },
    /// An OAuth token; `source` is where it came from (e.g. `CLAUDE_CODE_OAUTH_TOKEN`, or the
    /// login stored in the CLI's configuration).
    OAuthToken {
        /// Where the token came from.
        source: String,
    },
    /// A cloud provider's own authentication (`bedrock`, `vertex`, `foundry`, ...).
    CloudProvider {
        /// The provider as the CLI names it.
        provider: String,
    },
    /// The CLI reported no credential.
    None,
}

/// What the CLI says about its authentication. Holds names and sources only; the CLI never
/// reports the secret itself, and neither does this type.
///
/// # Examples
///
/// ```
/// use claude_agent::cli::{AuthReport, CredentialInUse};
/// use claude_agent::protocol::AccountInfo;
///
/// let account: AccountInfo = serde_json::from_value(serde_json::json!({
///     "tokenSource": "none", "apiKeySource": "ANTHROPIC_API_KEY", "apiProvider": "firstParty"
/// }))?;
/// let report = AuthReport::from_account(Some(&account));
/// assert_eq!(report.credential, CredentialInUse::ApiKey { source: "ANTHROPIC_API_KEY".into() });
/// assert_eq!(report.to_string(), "API key from ANTHROPIC_API_KEY (provider firstParty)");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AuthReport {
    /// The credential in use.
    pub credential: CredentialInUse,
    /// The API provider (`firstParty`, `bedrock`, `vertex`, `foundry`, ...), if reported.
    pub provider: Option<String>,
    /// The account info as the CLI sent it (email, organisation, subscription where known).
    pub account: AccountInfo,
    /// Whether an `auth_status` message said authentication is in progress.
    pub authenticating: bool,
    /// Output lines of `auth_status` messages seen so far.
    pub output: Vec<String>,
    /// Errors of `auth_status` messages seen so far.
    pub errors: Vec<String>,
}

/// A source value that means "nothing".
fn present(value: Option<&String>) -> Option<String> {
    value
        .filter(|v| !v.is_empty() && v.as_str() != "none")
        .cloned()
}

impl AuthReport {
    /// Reads the `initialize` result's account info.
    pub fn from_account(account: Option<&AccountInfo>) -> Self {
        let account = account.cloned().unwrap_or_default();
        let provider = present(account.api_provider.as_ref());
        let cloud = provider
            .as_deref()
            .filter(|p| *p != "firstParty" && *p != "anthropic");
        let credential = if let Some(provider) = cloud {
            CredentialInUse::CloudProvider {
                provider: provider.to_owned(),
            }
        } else if let Some(source) = present(account.api_key_source.as_ref()) {
            CredentialInUse::ApiKey { source }
        } else if let Some(source) = present(account.token_source.as_ref()) {
            CredentialInUse::OAuthToken { source }
        } else {
            CredentialInUse::None
        };
        Self {
            credential,
            provider,
            account,
            authenticating: false,
            output: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// Takes an `auth_status` message into account (other messages are ignored).
    pub fn observe(&mut self, message: &Message) {
        if let Message::AuthStatus(status) = message {
            self.authenticating = status.is_authenticating;
            self.output.extend(status.output.iter().cloned());
            self.errors.extend(status.error.iter().cloned());
        }
    }
}

impl fmt::Display for AuthReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.credential {
            CredentialInUse::ApiKey { source } => write!(f, "API key from {source}")?,
            CredentialInUse::OAuthToken { source } => write!(f, "OAuth token from {source}")?,
            CredentialInUse::CloudProvider { provider } => write!(f, "{provider} credentials")?,
            CredentialInUse::None => f.write_str("no credential")?,
        }
        if let Some(provider) = &self.provider {
            write!(f, " (provider {provider})")?;
        }
        if self.authenticating {
            f.write_str(", authenticating")?;
        }
        if let Some(error) = self.errors.last() {
            write!(f, ", error: {error}")?;
        }
        Ok(())
    }
}

/// Starts the CLI with `options`, reads which credential it uses from the `initialize` result,
/// and closes it again. No model request is made.
///
/// # Examples
///
/// ```no_run
/// use claude_agent::Options;
///
/// # #[tokio::main] async fn main() -> claude_agent::Result<()> {
/// let report = claude_agent::cli::auth_status(Options::default()).await?;
/// println!("the CLI uses: {report}"); // e.g. "API key from ANTHROPIC_API_KEY (provider firstParty)"
/// # Ok(()) }
/// ```
pub async fn auth_status(options: Options) -> Result<AuthReport> {
    let client = Client::connect(options).await?;
    let report = AuthReport::from_account(client.account_info());
    client.close().await?;
    Ok(report)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use serde_json::json;

    fn account(value: serde_json::Value) -> AccountInfo {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn oauth_and_cloud_providers_are_recognised() {
        let oauth = AuthReport::from_account(Some(&account(json!({
            "tokenSource": "CLAUDE_CODE_OAUTH_TOKEN", "apiKeySource": "none", "apiProvider": "firstParty"
        }))));
        assert_eq!(
            oauth.credential,
            CredentialInUse::OAuthToken {
                source: "CLAUDE_CODE_OAUTH_TOKEN".into()
            }
        );
        let bedrock = AuthReport::from_account(Some(&account(json!({"apiProvider": "bedrock"}))));
        assert_eq!(
            bedrock.credential,
            CredentialInUse::CloudProvider {
                provider: "bedrock".into()
            }
        );
        assert_eq!(
            bedrock.to_string(),
            "bedrock credentials (provider bedrock)"
        );
        let nothing = AuthReport::from_account(None);
        assert_eq!(nothing.credential, CredentialInUse::None);
        assert_eq!(nothing.to_string(), "no credential");
    }

    #[test]
    fn auth_status_messages_are_collected() {
        let mut report = AuthReport::from_account(None);
        let line = r#"{"type":"auth_status","isAuthenticating":true,"output":["Opening browser"],"error":"expired","session_id":"s"}"#;
        let message = Message::from_json(line).unwrap();
        report.observe(&message);
        assert!(report.authenticating);
        assert_eq!(report.output, ["Opening browser"]);
        assert_eq!(report.errors, ["expired"]);
        assert_eq!(
            report.to_string(),
            "no credential, authenticating, error: expired"
        );
    }
}
