//! `system` subtypes about the model's own output: thinking progress and refusals.

use serde::Deserialize;

use crate::protocol::RawJson;
use crate::protocol::raw::impl_raw;
use crate::wire::wire_enum;
use crate::wire::{count, nullable};

/// `system/thinking_tokens`: a live estimate of the tokens the model has spent thinking, while
/// the thinking itself is redacted (CLI 2.1.197+).
///
/// The CLI derives it from the API's `thinking_delta.estimated_tokens`; several arrive per turn.
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
/// use claude_agent::protocol::SystemMessage;
///
/// let line = r#"{"type":"system","subtype":"thinking_tokens","estimated_tokens":1200,
///   "estimated_tokens_delta":300,"user_message_uuid":"m1","uuid":"u","session_id":"s"}"#;
/// let Message::System(SystemMessage::ThinkingTokens(t)) = Message::from_json(line).unwrap() else { panic!() };
/// assert_eq!((t.estimated_tokens, t.estimated_tokens_delta), (1200, 300));
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct ThinkingTokens {
    /// Thinking tokens so far in this response (an estimate).
    #[serde(default, deserialize_with = "count")]
    pub estimated_tokens: u64,
    /// Tokens added since the previous `thinking_tokens` frame.
    #[serde(default, deserialize_with = "count")]
    pub estimated_tokens_delta: u64,
    /// The uuid of the prompt this turn answers, when the prompt had one.
    #[serde(default)]
    pub user_message_uuid: Option<String>,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

/// `system/model_refusal_fallback`: the model refused (stop reason `refusal`) and the CLI
/// switched to a fallback model for the retry (CLI 2.1.197+).
///
/// Remove the messages listed in [`retracted_message_uuids`](Self::retracted_message_uuids)
/// from what you show: the refused partial answer was withdrawn.
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
/// use claude_agent::protocol::{RefusalDirection, RefusalScope, SystemMessage};
///
/// let line = r#"{"type":"system","subtype":"model_refusal_fallback","trigger":"refusal",
///   "direction":"retry","scope":"session","original_model":"claude-opus-4-7",
///   "fallback_model":"claude-sonnet-4-6","request_id":"req_1","api_refusal_category":"cyber",
///   "retracted_message_uuids":["a1"],"refused_user_message_uuid":"m1",
///   "content":"Retrying with Sonnet","uuid":"u","session_id":"s"}"#;
/// let Message::System(SystemMessage::ModelRefusalFallback(f)) = Message::from_json(line).unwrap() else { panic!() };
/// assert_eq!(f.direction, RefusalDirection::Retry);
/// assert_eq!(f.scope(), RefusalScope::Session);
/// assert_eq!(f.fallback_model, "claude-sonnet-4-6");
/// assert_eq!(f.retracted_message_uuids, ["a1"]);
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct ModelRefusalFallback {
    /// What triggered the fallback (`refusal`).
    #[serde(default, deserialize_with = "nullable")]
    pub trigger: String,
    /// Whether the CLI retries on the fallback model, reverts to the original, or stays.
    #[serde(default, deserialize_with = "nullable")]
    pub direction: RefusalDirection,
    /// Whether the whole session switched model; absent from older CLIs (read it through
    /// [`scope`](Self::scope), which treats absent as `session`).
    #[serde(default)]
    pub scope: Option<RefusalScope>,
    /// The model that refused.
    #[serde(default, deserialize_with = "nullable")]
    pub original_model: String,
    /// The model used instead.
    #[serde(default, deserialize_with = "nullable")]
    pub fallback_model: String,
    /// The refused API request's id.
    #[serde(default)]
    pub request_id: Option<String>,
    /// The refusal category (`cyber`, `bio`, …; an open set).
    #[serde(default)]
    pub api_refusal_category: Option<String>,
    /// The API's explanation of the refusal: prose for display, not for parsing.
    #[serde(default)]
    pub api_refusal_explanation: Option<String>,
    /// Messages the fallback withdrew; drop them from transcripts you keep.
    #[serde(default, deserialize_with = "nullable")]
    pub retracted_message_uuids: Vec<String>,
    /// The prompt that was refused (to edit and retry), when a person wrote it.
    #[serde(default)]
    pub refused_user_message_uuid: Option<String>,
    /// The notice text.
    #[serde(default, deserialize_with = "nullable")]
    pub content: String,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

impl ModelRefusalFallback {
    /// [`scope`](Self::scope), with an absent value read as `session` (older CLIs only fell back
    /// for the whole session).
    pub fn scope(&self) -> RefusalScope {
        self.scope.clone().unwrap_or(RefusalScope::Session)
    }
}

/// `system/model_refusal_no_fallback`: the model refused (stop reason `refusal`) and no
/// fallback ran, because none is configured or the category has none (CLI 2.1.197+).
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
/// use claude_agent::protocol::SystemMessage;
///
/// let line = r#"{"type":"system","subtype":"model_refusal_no_fallback","original_model":"m",
///   "request_id":null,"api_refusal_category":null,"content":"The model declined",
///   "uuid":"u","session_id":"s"}"#;
/// let Message::System(SystemMessage::ModelRefusalNoFallback(r)) = Message::from_json(line).unwrap() else { panic!() };
/// assert_eq!(r.original_model, "m");
/// assert_eq!(r.request_id, None);
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct ModelRefusalNoFallback {
    /// The model that refused.
    #[serde(default, deserialize_with = "nullable")]
    pub original_model: String,
    /// The refused API request's id.
    #[serde(default)]
    pub request_id: Option<String>,
    /// The refusal category (`cyber`, `bio`, …; an open set).
    #[serde(default)]
    pub api_refusal_category: Option<String>,
    /// The API's explanation of the refusal: prose for display, not for parsing.
    #[serde(default)]
    pub api_refusal_explanation: Option<String>,
    /// The prompt that was refused, when a person wrote it.
    #[serde(default)]
    pub refused_user_message_uuid: Option<String>,
    /// The notice text.
    #[serde(default, deserialize_with = "nullable")]
    pub content: String,
    /// The CLI's session id.
    #[serde(default, deserialize_with = "nullable")]
    pub session_id: String,
    /// This message's id.
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(skip)]
    pub(crate) raw: RawJson,
}

impl_raw!(ThinkingTokens, ModelRefusalFallback, ModelRefusalNoFallback);

wire_enum! {
    default;
    /// What the CLI does after a refusal ([`ModelRefusalFallback::direction`]).
    pub enum RefusalDirection {
        /// Retry the request on the fallback model.
        Retry = "retry",
        /// Go back to the original model.
        Revert = "revert",
        /// Keep using the fallback model.
        Sticky = "sticky",
    }
}

wire_enum! {
    /// How far a refusal fallback reaches ([`ModelRefusalFallback::scope`]).
    pub enum RefusalScope {
        /// The main thread fell back: the session's model changed.
        Session = "session",
        /// A subagent, side question or background fork fell back; the session model is unchanged.
        Local = "local",
    }
}
