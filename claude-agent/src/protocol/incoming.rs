//! Routing of stdout lines: ordinary messages versus the three control frames.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::RawJson;
use super::message::Message;
use super::parse::{Peek, fall_back, parse_message, unroutable};
use crate::wire::id;

/// One decoded stdout line.
#[allow(clippy::large_enum_variant)] // see `Message`
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Incoming {
    /// An ordinary message for the user's stream.
    Message(Message),
    /// The CLI asks the SDK something; answer with `control_success_line` / `control_error_line`.
    ControlRequest {
        request_id: String,
        request: InboundRequest,
    },
    /// The CLI answers one of the SDK's requests.
    ControlResponse(ControlResponse),
    /// The CLI withdraws its own pending request (no reply expected).
    ControlCancel { request_id: String },
}

/// A request from the CLI, by subtype.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum InboundRequest {
    /// `can_use_tool`: the whole request object (subtype included), for
    /// `crate::permissions::PermissionRequest`.
    CanUseTool(Value),
    /// `hook_callback`: run the SDK hook registered as `callback_id`.
    HookCallback {
        callback_id: String,
        input: Value,
        tool_use_id: Option<String>,
    },
    /// `mcp_message`: a JSON-RPC message for the in-process MCP server `server_name`.
    McpMessage { server_name: String, message: Value },
    /// `elicitation`: the whole request object.
    Elicitation(Value),
    /// `request_user_dialog`: the whole request object.
    UserDialog(Value),
    /// Any other subtype (or a known one missing its fields): answer with an error.
    Other { subtype: String, body: Value },
}

/// The CLI's answer to an SDK request.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ControlResponse {
    pub request_id: String,
    /// The success payload (`{}` when the CLI sent none), or the failure.
    pub outcome: Result<Value, ControlFailure>,
}

/// A `control_response` with `subtype: "error"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ControlFailure {
    pub message: String,
    /// The machine-readable `error_code` (2.1.330+), e.g. `invalid_mode`.
    pub code: Option<String>,
}

/// Decodes one stdout line. Fails only if the line is not JSON; every valid JSON line becomes
/// something (unexpected shapes become [`Message::Unknown`]).
pub(crate) fn parse_incoming(line: &str) -> Result<Incoming, serde_json::Error> {
    parse_incoming_raw(&RawJson::new(line))
}

/// [`parse_incoming`] of a line already in a [`RawJson`]: messages share its text.
pub(crate) fn parse_incoming_raw(raw: &RawJson) -> Result<Incoming, serde_json::Error> {
    let line = raw.as_str();
    let peek = match Peek::of(line) {
        Ok(peek) => peek,
        Err(err) => return unroutable(line, err).map(Incoming::Message),
    };
    let routed = match peek.ty() {
        Some("control_request") => {
            serde_json::from_str::<RequestFrame>(line).map(RequestFrame::into_incoming)
        }
        Some("control_response") => {
            serde_json::from_str::<ResponseFrame>(line).map(ResponseFrame::into_incoming)
        }
        Some("control_cancel_request") => {
            serde_json::from_str::<CancelFrame>(line).map(|frame| Incoming::ControlCancel {
                request_id: frame.request_id,
            })
        }
        ty => return parse_message(raw.clone(), ty, peek.subtype()).map(Incoming::Message),
    };
    routed.or_else(|err| {
        fall_back(line, raw.clone(), peek.ty().unwrap_or(""), None, err).map(Incoming::Message)
    })
}

#[derive(Deserialize)]
struct RequestFrame {
    #[serde(deserialize_with = "id")]
    request_id: String,
    request: Map<String, Value>,
}

impl RequestFrame {
    fn into_incoming(self) -> Incoming {
        Incoming::ControlRequest {
            request_id: self.request_id,
            request: InboundRequest::from_body(self.request),
        }
    }
}

impl InboundRequest {
    fn from_body(mut body: Map<String, Value>) -> Self {
        let subtype = body
            .get("subtype")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        match subtype.as_str() {
            "can_use_tool" => InboundRequest::CanUseTool(Value::Object(body)),
            "elicitation" => InboundRequest::Elicitation(Value::Object(body)),
            "request_user_dialog" => InboundRequest::UserDialog(Value::Object(body)),
            "hook_callback" => match take_string(&mut body, "callback_id") {
                Some(callback_id) => InboundRequest::HookCallback {
                    callback_id,
                    input: body.remove("input").unwrap_or(Value::Null),
                    tool_use_id: take_string(&mut body, "tool_use_id"),
                },
                None => InboundRequest::malformed(subtype, body),
            },
            "mcp_message" => match (
                take_string(&mut body, "server_name"),
                body.remove("message"),
            ) {
                (Some(server_name), Some(message)) => InboundRequest::McpMessage {
                    server_name,
                    message,
                },
                (server_name, message) => {
                    // Put back what was taken so the body is reported as sent.
                    if let Some(name) = server_name {
                        body.insert("server_name".into(), Value::String(name));
                    }
                    if let Some(message) = message {
                        body.insert("message".into(), message);
                    }
                    InboundRequest::malformed(subtype, body)
                }
            },
            _ => InboundRequest::Other {
                subtype,
                body: Value::Object(body),
            },
        }
    }

    fn malformed(subtype: String, body: Map<String, Value>) -> Self {
        tracing::warn!(subtype = %subtype, "a control request from the CLI is missing required fields");
        InboundRequest::Other {
            subtype,
            body: Value::Object(body),
        }
    }
}

/// Removes `key` and returns it if it is a string; a non-string value is left in place.
fn take_string(body: &mut Map<String, Value>, key: &str) -> Option<String> {
    match body.get(key) {
        Some(Value::String(_)) => match body.remove(key) {
            Some(Value::String(text)) => Some(text),
            _ => None,
        },
        _ => None,
    }
}

#[derive(Deserialize)]
struct ResponseFrame {
    response: ResponseBody,
}

#[derive(Deserialize)]
struct ResponseBody {
    #[serde(default)]
    subtype: Option<String>,
    #[serde(deserialize_with = "id")]
    request_id: String,
    #[serde(default)]
    response: Option<Value>,
    #[serde(default)]
    error: Option<Value>,
    #[serde(default)]
    error_code: Option<Value>,
}

impl ResponseFrame {
    fn into_incoming(self) -> Incoming {
        let body = self.response;
        let failed = match body.subtype.as_deref() {
            Some("error") => true,
            Some("success") => false,
            _ => body.error.is_some(),
        };
        let outcome = if failed {
            Err(ControlFailure {
                message: body.error.map(text_of).unwrap_or_default(),
                code: body.error_code.map(text_of),
            })
        } else {
            Ok(body.response.unwrap_or_else(|| Value::Object(Map::new())))
        };
        Incoming::ControlResponse(ControlResponse {
            request_id: body.request_id,
            outcome,
        })
    }
}

/// A string as is; any other JSON value as its JSON text.
fn text_of(value: Value) -> String {
    match value {
        Value::String(text) => text,
        other => other.to_string(),
    }
}

#[derive(Deserialize)]
struct CancelFrame {
    #[serde(deserialize_with = "id")]
    request_id: String,
}
