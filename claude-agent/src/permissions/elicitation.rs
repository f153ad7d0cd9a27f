//! Questions the CLI forwards to the application: MCP elicitations (a server asks the user for
//! input or to open a URL) and blocking dialogs the CLI asks the host to render.

use std::future::Future;

use futures::future::BoxFuture;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::PermissionContext;
use crate::wire::nullable;
use crate::wire::wire_enum;

wire_enum! {
    /// How an MCP server wants its elicitation answered.
    pub enum ElicitationMode {
        /// Fill in a form described by [`ElicitationRequest::requested_schema`].
        Form = "form",
        /// Open [`ElicitationRequest::url`] (e.g. an OAuth page).
        Url = "url",
    }
}

/// An MCP server asks the user for input (`elicitation` control request).
///
/// # Examples
///
/// ```
/// use claude_agent::permissions::ElicitationRequest;
///
/// let request: ElicitationRequest = serde_json::from_str(
///     r#"{"mcp_server_name":"github","message":"Your name?","mode":"form",
///         "requested_schema":{"type":"object","properties":{"name":{"type":"string"}}}}"#,
/// ).unwrap();
/// assert_eq!(request.server_name, "github");
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct ElicitationRequest {
    /// The MCP server asking.
    #[serde(default, rename = "mcp_server_name", deserialize_with = "nullable")]
    pub server_name: String,
    /// What to tell the user.
    #[serde(default, deserialize_with = "nullable")]
    pub message: String,
    /// Form or URL.
    #[serde(default)]
    pub mode: Option<ElicitationMode>,
    /// The URL to open (URL mode).
    #[serde(default)]
    pub url: Option<String>,
    /// The server's id for this elicitation.
    #[serde(default)]
    pub elicitation_id: Option<String>,
    /// The JSON Schema of the form (form mode).
    #[serde(default)]
    pub requested_schema: Option<Value>,
    /// A title for the prompt.
    #[serde(default)]
    pub title: Option<String>,
    /// The server's display name.
    #[serde(default)]
    pub display_name: Option<String>,
    /// A longer description.
    #[serde(default)]
    pub description: Option<String>,
}

/// The answer to an [`ElicitationRequest`].
///
/// # Examples
///
/// ```
/// use claude_agent::permissions::ElicitationResponse;
/// use serde_json::json;
///
/// let answer = ElicitationResponse::accept(json!({"name": "Ada"}));
/// assert_eq!(answer.to_wire(), json!({"action": "accept", "content": {"name": "Ada"}}));
/// assert_eq!(ElicitationResponse::Decline.to_wire(), json!({"action": "decline"}));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ElicitationResponse {
    /// The user answered (form content; `None` for a URL the user opened).
    Accept(Option<Map<String, Value>>),
    /// The user refused.
    Decline,
    /// The user dismissed the question.
    Cancel,
}

impl ElicitationResponse {
    /// Accepts with form content (a JSON object; anything else is sent as no content).
    pub fn accept(content: Value) -> Self {
        match content {
            Value::Object(map) => ElicitationResponse::Accept(Some(map)),
            _ => ElicitationResponse::Accept(None),
        }
    }

    /// The wire answer.
    pub fn to_wire(&self) -> Value {
        match self {
            ElicitationResponse::Accept(Some(content)) => {
                json!({"action": "accept", "content": content})
            }
            ElicitationResponse::Accept(None) => json!({"action": "accept"}),
            ElicitationResponse::Decline => json!({"action": "decline"}),
            ElicitationResponse::Cancel => json!({"action": "cancel"}),
        }
    }
}

/// Answers MCP elicitations ([`on_elicitation`](crate::OptionsBuilder::on_elicitation)).
/// Without one, every elicitation is declined. Implemented for async closures.
///
/// # Examples
///
/// ```
/// use claude_agent::Options;
/// use claude_agent::permissions::{ElicitationRequest, ElicitationResponse, PermissionContext};
///
/// let options = Options::builder()
///     .on_elicitation(|request: ElicitationRequest, _cx: PermissionContext| async move {
///         println!("{} asks: {}", request.server_name, request.message);
///         ElicitationResponse::Decline
///     })
///     .build();
/// # let _ = options;
/// ```
pub trait ElicitationHandler: Send + Sync + 'static {
    /// Answers one elicitation.
    fn elicit(
        &self,
        request: ElicitationRequest,
        cx: PermissionContext,
    ) -> BoxFuture<'static, ElicitationResponse>;
}

impl<F, Fut> ElicitationHandler for F
where
    F: Fn(ElicitationRequest, PermissionContext) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ElicitationResponse> + Send + 'static,
{
    fn elicit(
        &self,
        request: ElicitationRequest,
        cx: PermissionContext,
    ) -> BoxFuture<'static, ElicitationResponse> {
        Box::pin(self(request, cx))
    }
}

/// A blocking dialog the CLI asks the application to render (`request_user_dialog`), of one of
/// the kinds declared with [`on_user_dialog`](crate::OptionsBuilder::on_user_dialog).
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[non_exhaustive]
pub struct UserDialogRequest {
    /// The dialog's kind (e.g. `refusal_fallback_prompt`); it defines the payload and result.
    #[serde(default, rename = "dialog_kind", deserialize_with = "nullable")]
    pub kind: String,
    /// The dialog's data.
    #[serde(default, deserialize_with = "nullable")]
    pub payload: Map<String, Value>,
    /// The tool call the dialog is about, if any.
    #[serde(default)]
    pub tool_use_id: Option<String>,
}

/// The answer to a [`UserDialogRequest`].
///
/// # Examples
///
/// ```
/// use claude_agent::permissions::UserDialogResponse;
/// use serde_json::json;
///
/// assert_eq!(
///     UserDialogResponse::Completed(json!({"choice": "retry"})).to_wire(),
///     json!({"behavior": "completed", "result": {"choice": "retry"}})
/// );
/// assert_eq!(UserDialogResponse::Cancelled.to_wire(), json!({"behavior": "cancelled"}));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum UserDialogResponse {
    /// The user finished the dialog with this result (its shape depends on the kind).
    Completed(Value),
    /// Dismissed, or a kind the application does not know: the CLI applies its default.
    Cancelled,
}

impl UserDialogResponse {
    /// The wire answer.
    pub fn to_wire(&self) -> Value {
        match self {
            UserDialogResponse::Completed(result) => {
                json!({"behavior": "completed", "result": result})
            }
            UserDialogResponse::Cancelled => json!({"behavior": "cancelled"}),
        }
    }
}

/// Renders user dialogs ([`on_user_dialog`](crate::OptionsBuilder::on_user_dialog)).
/// Implemented for async closures.
pub trait UserDialogHandler: Send + Sync + 'static {
    /// Answers one dialog.
    fn dialog(
        &self,
        request: UserDialogRequest,
        cx: PermissionContext,
    ) -> BoxFuture<'static, UserDialogResponse>;
}

impl<F, Fut> UserDialogHandler for F
where
    F: Fn(UserDialogRequest, PermissionContext) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = UserDialogResponse> + Send + 'static,
{
    fn dialog(
        &self,
        request: UserDialogRequest,
        cx: PermissionContext,
    ) -> BoxFuture<'static, UserDialogResponse> {
        Box::pin(self(request, cx))
    }
}
