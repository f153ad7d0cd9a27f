//! [`Credentials`]: how the CLI authenticates, stated explicitly, and [`Secret`], a string that
//! never shows in `Debug` output.

use std::fmt;
use std::path::PathBuf;

/// A secret value (API key, token). `Debug` prints `<redacted>`; there is no `Display`.
///
/// # Examples
///
/// ```
/// use claude_agent::options::Secret;
///
/// let key = Secret::new("sk-ant-very-secret");
/// assert_eq!(format!("{key:?}"), "<redacted>");
/// assert_eq!(key.expose(), "sk-ant-very-secret");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The value itself (handle with care).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

/// Amazon Bedrock settings ([`Credentials::Bedrock`]). Unset fields are inherited from the
/// environment (and the AWS configuration files the CLI reads).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Bedrock {
    /// `AWS_REGION`.
    pub region: Option<String>,
    /// `AWS_PROFILE`.
    pub profile: Option<String>,
    /// `AWS_ACCESS_KEY_ID`.
    pub access_key_id: Option<String>,
    /// `AWS_SECRET_ACCESS_KEY`.
    pub secret_access_key: Option<Secret>,
    /// `AWS_SESSION_TOKEN`.
    pub session_token: Option<Secret>,
    /// A Bedrock API key (`AWS_BEARER_TOKEN_BEDROCK`).
    pub bearer_token: Option<Secret>,
    /// `ANTHROPIC_BEDROCK_BASE_URL` (an endpoint or LLM gateway).
    pub base_url: Option<String>,
    /// `CLAUDE_CODE_SKIP_BEDROCK_AUTH=1`: a gateway adds the authentication.
    pub skip_auth: bool,
}

/// Google Vertex AI settings ([`Credentials::Vertex`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Vertex {
    /// `CLOUD_ML_REGION` (e.g. `us-east5` or `global`).
    pub region: Option<String>,
    /// `ANTHROPIC_VERTEX_PROJECT_ID`.
    pub project_id: Option<String>,
    /// `GOOGLE_APPLICATION_CREDENTIALS` (a service-account key file).
    pub credentials_file: Option<PathBuf>,
    /// `ANTHROPIC_VERTEX_BASE_URL`.
    pub base_url: Option<String>,
    /// `CLAUDE_CODE_SKIP_VERTEX_AUTH=1`.
    pub skip_auth: bool,
}

/// Microsoft Foundry settings ([`Credentials::Foundry`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Foundry {
    /// `ANTHROPIC_FOUNDRY_RESOURCE` (the resource name).
    pub resource: Option<String>,
    /// `ANTHROPIC_FOUNDRY_BASE_URL` (instead of the resource name).
    pub base_url: Option<String>,
    /// `ANTHROPIC_FOUNDRY_API_KEY` (otherwise Entra ID credentials from the environment).
    pub api_key: Option<Secret>,
    /// `CLAUDE_CODE_SKIP_FOUNDRY_AUTH=1`.
    pub skip_auth: bool,
}

/// How the CLI authenticates ([`OptionsBuilder::credentials`](crate::OptionsBuilder::credentials)).
///
/// Each choice becomes environment variables of the CLI process, never arguments. Choosing one
/// also removes the variables of the others from the CLI's environment (an inherited
/// `ANTHROPIC_API_KEY` would otherwise win over an OAuth token, an inherited
/// `CLAUDE_CODE_USE_BEDROCK` over an API key). `Debug` never shows a secret.
///
/// The SDK never runs an OAuth flow itself: a Pro/Max subscriber makes a long-lived token with
/// `claude setup-token` and passes it as [`Credentials::oauth_token`].
///
/// # Examples
///
/// ```
/// use claude_agent::options::{Bedrock, Credentials};
///
/// let key = Credentials::api_key("sk-ant-secret");
/// assert!(!format!("{key:?}").contains("sk-ant-secret"));
///
/// let mut bedrock = Bedrock::default();
/// bedrock.region = Some("us-east-1".into());
/// bedrock.profile = Some("team".into());
/// let env = Credentials::Bedrock(bedrock).env();
/// assert!(env.contains(&("CLAUDE_CODE_USE_BEDROCK".into(), Some("1".into()))));
/// assert!(env.contains(&("AWS_REGION".into(), Some("us-east-1".into()))));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Credentials {
    /// Whatever the environment and `~/.claude` say (the default; nothing is changed).
    #[default]
    Inherit,
    /// An Anthropic API key (`ANTHROPIC_API_KEY`).
    ApiKey(Secret),
    /// An OAuth token made by `claude setup-token` (`CLAUDE_CODE_OAUTH_TOKEN`).
    OAuthToken(Secret),
    /// Amazon Bedrock (`CLAUDE_CODE_USE_BEDROCK=1` and its settings).
    Bedrock(Bedrock),
    /// Google Vertex AI (`CLAUDE_CODE_USE_VERTEX=1` and its settings).
    Vertex(Vertex),
    /// Microsoft Foundry (`CLAUDE_CODE_USE_FOUNDRY=1` and its settings).
    Foundry(Foundry),
}

/// Every variable one choice may set; choosing a credential removes the others' variables.
const ALL_VARS: &[&str] = &[
    "ANTHROPIC_API_KEY",
    "ANTHROPIC_AUTH_TOKEN",
    "CLAUDE_CODE_OAUTH_TOKEN",
    "CLAUDE_CODE_USE_BEDROCK",
    "CLAUDE_CODE_USE_VERTEX",
    "CLAUDE_CODE_USE_FOUNDRY",
];

impl Credentials {
    /// [`Credentials::ApiKey`].
    pub fn api_key(key: impl Into<Secret>) -> Self {
        Self::ApiKey(key.into())
    }

    /// [`Credentials::OAuthToken`] (from `claude setup-token`).
    pub fn oauth_token(token: impl Into<Secret>) -> Self {
        Self::OAuthToken(token.into())
    }

    /// The environment changes this choice makes, in order: set (`Some`) or remove (`None`).
    /// Empty for [`Inherit`](Self::Inherit).
    pub fn env(&self) -> Vec<(String, Option<String>)> {
        let mut out = Env::default();
        match self {
            Credentials::Inherit => return Vec::new(),
            Credentials::ApiKey(key) => {
                out.clear_except("ANTHROPIC_API_KEY");
                out.set("ANTHROPIC_API_KEY", Some(key.expose()));
            }
            Credentials::OAuthToken(token) => {
                out.clear_except("CLAUDE_CODE_OAUTH_TOKEN");
                out.set("CLAUDE_CODE_OAUTH_TOKEN", Some(token.expose()));
            }
            Credentials::Bedrock(b) => {
                out.clear_except("CLAUDE_CODE_USE_BEDROCK");
                out.set("CLAUDE_CODE_USE_BEDROCK", Some("1"));
                out.set("AWS_REGION", b.region.as_deref());
                out.set("AWS_PROFILE", b.profile.as_deref());
                out.set("AWS_ACCESS_KEY_ID", b.access_key_id.as_deref());
                out.set(
                    "AWS_SECRET_ACCESS_KEY",
                    b.secret_access_key.as_ref().map(Secret::expose),
                );
                out.set(
                    "AWS_SESSION_TOKEN",
                    b.session_token.as_ref().map(Secret::expose),
                );
                out.set(
                    "AWS_BEARER_TOKEN_BEDROCK",
                    b.bearer_token.as_ref().map(Secret::expose),
                );
                out.set("ANTHROPIC_BEDROCK_BASE_URL", b.base_url.as_deref());
                out.flag("CLAUDE_CODE_SKIP_BEDROCK_AUTH", b.skip_auth);
            }
            Credentials::Vertex(v) => {
                out.clear_except("CLAUDE_CODE_USE_VERTEX");
                out.set("CLAUDE_CODE_USE_VERTEX", Some("1"));
                out.set("CLOUD_ML_REGION", v.region.as_deref());
                out.set("ANTHROPIC_VERTEX_PROJECT_ID", v.project_id.as_deref());
                let file = v.credentials_file.as_ref().map(|p| p.to_string_lossy());
                out.set("GOOGLE_APPLICATION_CREDENTIALS", file.as_deref());
                out.set("ANTHROPIC_VERTEX_BASE_URL", v.base_url.as_deref());
                out.flag("CLAUDE_CODE_SKIP_VERTEX_AUTH", v.skip_auth);
            }
            Credentials::Foundry(f) => {
                out.clear_except("CLAUDE_CODE_USE_FOUNDRY");
                out.set("CLAUDE_CODE_USE_FOUNDRY", Some("1"));
                out.set("ANTHROPIC_FOUNDRY_RESOURCE", f.resource.as_deref());
                out.set("ANTHROPIC_FOUNDRY_BASE_URL", f.base_url.as_deref());
                out.set(
                    "ANTHROPIC_FOUNDRY_API_KEY",
                    f.api_key.as_ref().map(Secret::expose),
                );
                out.flag("CLAUDE_CODE_SKIP_FOUNDRY_AUTH", f.skip_auth);
            }
        }
        out.0
    }
}

/// Collects environment changes; unset optional settings are left alone (inherited).
#[derive(Default)]
struct Env(Vec<(String, Option<String>)>);

impl Env {
    fn clear_except(&mut self, keep: &str) {
        for var in ALL_VARS.iter().filter(|v| **v != keep) {
            self.0.push(((*var).to_owned(), None));
        }
    }

    fn set(&mut self, key: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.0.push((key.to_owned(), Some(value.to_owned())));
        }
    }

    fn flag(&mut self, key: &str, on: bool) {
        if on {
            self.set(key, Some("1"));
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn get(env: &[(String, Option<String>)], key: &str) -> Option<Option<String>> {
        env.iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }

    #[test]
    fn api_key_sets_the_key_and_removes_competing_credentials() {
        let env = Credentials::api_key("sk-1").env();
        assert_eq!(get(&env, "ANTHROPIC_API_KEY"), Some(Some("sk-1".into())));
        for gone in [
            "CLAUDE_CODE_OAUTH_TOKEN",
            "ANTHROPIC_AUTH_TOKEN",
            "CLAUDE_CODE_USE_BEDROCK",
        ] {
            assert_eq!(get(&env, gone), Some(None), "{gone}");
        }
    }

    #[test]
    fn oauth_token_removes_an_inherited_api_key() {
        let env = Credentials::oauth_token("tok").env();
        assert_eq!(
            get(&env, "CLAUDE_CODE_OAUTH_TOKEN"),
            Some(Some("tok".into()))
        );
        assert_eq!(get(&env, "ANTHROPIC_API_KEY"), Some(None));
    }

    #[test]
    fn cloud_providers_map_their_settings_and_leave_unset_ones_inherited() {
        let vertex = Credentials::Vertex(Vertex {
            region: Some("us-east5".into()),
            project_id: Some("p".into()),
            skip_auth: true,
            ..Vertex::default()
        })
        .env();
        assert_eq!(
            get(&vertex, "CLAUDE_CODE_USE_VERTEX"),
            Some(Some("1".into()))
        );
        assert_eq!(
            get(&vertex, "CLOUD_ML_REGION"),
            Some(Some("us-east5".into()))
        );
        assert_eq!(
            get(&vertex, "ANTHROPIC_VERTEX_PROJECT_ID"),
            Some(Some("p".into()))
        );
        assert_eq!(
            get(&vertex, "CLAUDE_CODE_SKIP_VERTEX_AUTH"),
            Some(Some("1".into()))
        );
        assert_eq!(get(&vertex, "GOOGLE_APPLICATION_CREDENTIALS"), None);
        assert_eq!(get(&vertex, "CLAUDE_CODE_USE_BEDROCK"), Some(None));

        let foundry = Credentials::Foundry(Foundry {
            resource: Some("res".into()),
            api_key: Some("fk".into()),
            ..Foundry::default()
        })
        .env();
        assert_eq!(
            get(&foundry, "CLAUDE_CODE_USE_FOUNDRY"),
            Some(Some("1".into()))
        );
        assert_eq!(
            get(&foundry, "ANTHROPIC_FOUNDRY_RESOURCE"),
            Some(Some("res".into()))
        );
        assert_eq!(
            get(&foundry, "ANTHROPIC_FOUNDRY_API_KEY"),
            Some(Some("fk".into()))
        );

        let bedrock = Credentials::Bedrock(Bedrock {
            bearer_token: Some("bt".into()),
            secret_access_key: Some("sak".into()),
            ..Bedrock::default()
        })
        .env();
        assert_eq!(
            get(&bedrock, "AWS_BEARER_TOKEN_BEDROCK"),
            Some(Some("bt".into()))
        );
        assert_eq!(
            get(&bedrock, "AWS_SECRET_ACCESS_KEY"),
            Some(Some("sak".into()))
        );
        assert_eq!(get(&bedrock, "AWS_REGION"), None);
        assert!(Credentials::Inherit.env().is_empty());
    }

    #[test]
    fn debug_never_shows_a_secret() {
        let all = [
            Credentials::api_key("SECRET-A"),
            Credentials::oauth_token("SECRET-B"),
            Credentials::Bedrock(Bedrock {
                bearer_token: Some("SECRET-C".into()),
                secret_access_key: Some("SECRET-D".into()),
                session_token: Some("SECRET-E".into()),
                ..Bedrock::default()
            }),
            Credentials::Foundry(Foundry {
                api_key: Some("SECRET-F".into()),
                ..Foundry::default()
            }),
        ];
        for c in all {
            let text = format!("{c:?} {c:#?}");
            assert!(!text.contains("SECRET"), "{text}");
            assert!(text.contains("<redacted>"), "{text}");
        }
    }
}
