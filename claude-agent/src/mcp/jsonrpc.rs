//! The JSON-RPC replies the SDK builds itself (rather than an MCP server): error codes, error
//! responses, and the answers to `mcp_message` requests no server handles.

use serde_json::{Value, json};

/// JSON-RPC: the request was cancelled (MCP / LSP convention).
pub(crate) const REQUEST_CANCELLED: i64 = -32800;
/// JSON-RPC: not a valid request object.
pub(crate) const INVALID_REQUEST: i64 = -32600;
/// JSON-RPC: internal error.
pub(crate) const INTERNAL_ERROR: i64 = -32603;
/// JSON-RPC: method not found.
pub(crate) const METHOD_NOT_FOUND: i64 = -32601;

/// A JSON-RPC error response to the request with `id`.
pub(crate) fn error_response(id: Value, code: i64, message: &str) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}})
}

/// The reply to an `mcp_message` for an in-process server this session does not have: a
/// method-not-found error carrying the request's id (`null` for a notification), worded as the
/// official SDKs word it.
pub(crate) fn server_not_found(server_name: &str, message: &Value) -> Value {
    let id = message.get("id").cloned().unwrap_or(Value::Null);
    error_response(
        id,
        METHOD_NOT_FOUND,
        &format!("Server '{server_name}' not found"),
    )
}

/// The reply when a server returns nothing (a notification): an empty result.
pub(crate) fn empty_result() -> Value {
    json!({"jsonrpc": "2.0", "result": {}})
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use serde_json::json;

    #[test]
    fn server_not_found_answers_the_request_id_with_method_not_found() {
        let reply = super::server_not_found(
            "calc",
            &json!({"jsonrpc": "2.0", "id": 7, "method": "tools/list"}),
        );
        assert_eq!(
            reply,
            json!({
                "jsonrpc": "2.0",
                "id": 7,
                "error": {"code": -32601, "message": "Server 'calc' not found"},
            })
        );
        let notification = json!({"jsonrpc": "2.0", "method": "notifications/initialized"});
        assert_eq!(
            super::server_not_found("calc", &notification)["id"],
            json!(null)
        );
    }
}
