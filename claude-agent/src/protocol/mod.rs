//! Wire types (temporary stub with the agreed interface; replaced by the protocol module).
#![allow(missing_docs, dead_code)]
use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Message {
    Result(ResultMessage),
    Assistant(AssistantMessage),
    System(SystemMessage),
    Unknown(Value),
}
impl Message {
    pub fn session_id(&self) -> Option<&str> {
        None
    }
}
#[derive(Debug, Clone, Deserialize)]
pub struct ResultMessage {
    pub is_error: bool,
    pub subtype: String,
    #[serde(default)]
    pub result: Option<String>,
    #[serde(default)]
    pub session_id: String,
    #[serde(default)]
    pub total_cost_usd: f64,
    #[serde(default)]
    pub errors: Vec<String>,
}
#[derive(Debug, Clone, Deserialize)]
pub struct AssistantMessage {
    pub message: Value,
}
impl AssistantMessage {
    pub fn text(&self) -> String {
        String::new()
    }
}
#[derive(Debug, Clone)]
pub enum SystemMessage {
    Init(SystemInit),
    Other(Value),
}
#[derive(Debug, Clone, Deserialize)]
pub struct SystemInit {
    #[serde(default)]
    pub claude_code_version: Option<String>,
    #[serde(default)]
    pub session_id: String,
}
#[derive(Debug, Clone)]
pub enum ContentBlock {}

pub(crate) enum Incoming {
    Message(Message),
    ControlRequest {
        request_id: String,
        request: InboundRequest,
    },
    ControlResponse(ControlResponse),
    ControlCancel {
        request_id: String,
    },
}
pub(crate) struct ControlFailure {
    pub message: String,
    pub code: Option<String>,
}
pub(crate) struct ControlResponse {
    pub request_id: String,
    pub outcome: Result<Value, ControlFailure>,
}
pub(crate) enum InboundRequest {
    CanUseTool(Value),
    HookCallback {
        callback_id: String,
        input: Value,
        tool_use_id: Option<String>,
    },
    McpMessage {
        server_name: String,
        message: Value,
    },
    Elicitation(Value),
    Other {
        subtype: String,
        body: Value,
    },
}
pub(crate) fn parse_incoming(line: &str) -> Result<Incoming, serde_json::Error> {
    let v: Value = serde_json::from_str(line)?;
    let s = |k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    Ok(match v.get("type").and_then(Value::as_str) {
        Some("control_request") => {
            let req = v.get("request").cloned().unwrap_or_default();
            let rs = |k: &str| req.get(k).and_then(Value::as_str).map(str::to_owned);
            let request = match rs("subtype").as_deref() {
                Some("can_use_tool") => InboundRequest::CanUseTool(req.clone()),
                Some("hook_callback") => InboundRequest::HookCallback {
                    callback_id: rs("callback_id").unwrap_or_default(),
                    input: req.get("input").cloned().unwrap_or_default(),
                    tool_use_id: rs("tool_use_id"),
                },
                Some("mcp_message") => InboundRequest::McpMessage {
                    server_name: rs("server_name").unwrap_or_default(),
                    message: req.get("message").cloned().unwrap_or_default(),
                },
                other => InboundRequest::Other {
                    subtype: other.unwrap_or_default().to_owned(),
                    body: req.clone(),
                },
            };
            Incoming::ControlRequest {
                request_id: s("request_id"),
                request,
            }
        }
        Some("control_response") => {
            let r = v.get("response").cloned().unwrap_or_default();
            let id = r
                .get("request_id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            let outcome = if r.get("subtype").and_then(Value::as_str) == Some("error") {
                Err(ControlFailure {
                    message: r
                        .get("error")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .into(),
                    code: r
                        .get("error_code")
                        .and_then(Value::as_str)
                        .map(str::to_owned),
                })
            } else {
                Ok(r.get("response")
                    .cloned()
                    .unwrap_or_else(|| serde_json::json!({})))
            };
            Incoming::ControlResponse(ControlResponse {
                request_id: id,
                outcome,
            })
        }
        Some("control_cancel_request") => Incoming::ControlCancel {
            request_id: s("request_id"),
        },
        Some("result") => Incoming::Message(Message::Result(serde_json::from_value(v)?)),
        Some("system") if v.get("subtype").and_then(Value::as_str) == Some("init") => {
            Incoming::Message(Message::System(SystemMessage::Init(
                serde_json::from_value(v)?,
            )))
        }
        _ => Incoming::Message(Message::Unknown(v)),
    })
}

#[derive(Debug, Clone)]
pub struct UserInput {
    pub(crate) value: Value,
}
impl UserInput {
    pub fn text(s: impl Into<String>) -> Self {
        UserInput {
            value: serde_json::json!({"type":"user","session_id":"","message":{"role":"user","content":s.into()},"parent_tool_use_id":null}),
        }
    }
    pub(crate) fn to_line(&self) -> String {
        self.value.to_string()
    }
}
pub(crate) fn control_request_line(request_id: &str, request: &Value) -> String {
    serde_json::json!({"type":"control_request","request_id":request_id,"request":request})
        .to_string()
}
pub(crate) fn control_success_line(request_id: &str, response: &Value) -> String {
    serde_json::json!({"type":"control_response","response":{"subtype":"success","request_id":request_id,"response":response}}).to_string()
}
pub(crate) fn control_error_line(request_id: &str, message: &str) -> String {
    serde_json::json!({"type":"control_response","response":{"subtype":"error","request_id":request_id,"error":message}}).to_string()
}
pub(crate) fn control_cancel_line(request_id: &str) -> String {
    serde_json::json!({"type":"control_cancel_request","request_id":request_id}).to_string()
}

#[derive(Debug, Clone, Deserialize)]
pub struct InitializeResponse {
    #[serde(default)]
    pub claude_code_version: Option<String>,
    #[serde(default)]
    pub commands: Vec<SlashCommand>,
    #[serde(default)]
    pub agents: Vec<AgentInfo>,
    #[serde(default)]
    pub models: Vec<ModelInfo>,
    #[serde(default)]
    pub account: Option<AccountInfo>,
    #[serde(skip)]
    pub raw: Value,
}
#[derive(Debug, Clone, Deserialize)]
pub struct SlashCommand {
    pub name: String,
}
#[derive(Debug, Clone, Deserialize)]
pub struct ModelInfo {
    pub value: String,
}
#[derive(Debug, Clone, Deserialize)]
pub struct AgentInfo {
    pub name: String,
}
#[derive(Debug, Clone, Deserialize)]
pub struct AccountInfo {
    #[serde(default, rename = "apiKeySource")]
    pub api_key_source: Option<String>,
}
#[derive(Debug, Clone, Deserialize)]
pub struct McpServerStatus {
    pub name: String,
}
#[derive(Debug, Clone, Deserialize)]
pub struct McpSetServersResult {
    #[serde(default)]
    pub added: Vec<String>,
}
#[derive(Debug, Clone, Deserialize)]
pub struct RewindFilesResult {}
#[derive(Debug, Clone, Deserialize)]
pub struct ContextUsage {}
impl Default for InitializeResponse {
    fn default() -> Self {
        InitializeResponse {
            claude_code_version: None,
            commands: vec![],
            agents: vec![],
            models: vec![],
            account: None,
            raw: Value::Null,
        }
    }
}
impl InitializeResponse {
    pub(crate) fn from_value(v: Value) -> Self {
        let mut r: InitializeResponse = serde_json::from_value(v.clone()).unwrap_or_default();
        r.raw = v;
        r
    }
}
impl UserInput {
    pub(crate) fn expects_turn(&self) -> bool {
        true
    }
}
impl From<&str> for UserInput {
    fn from(s: &str) -> Self {
        UserInput::text(s)
    }
}
impl From<String> for UserInput {
    fn from(s: String) -> Self {
        UserInput::text(s)
    }
}
