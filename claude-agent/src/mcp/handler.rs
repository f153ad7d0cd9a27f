//! The rmcp [`ServerHandler`] that serves a [`ToolServer`]: `tools/list` and `tools/call`.

use std::sync::Arc;

use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, Implementation, ListToolsResult,
    PaginatedRequestParams, ServerCapabilities, ServerConfig, Tool as McpTool,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData, RoleServer, ServerHandler};
use serde_json::Value;

use crate::tools::{ToolContext, ToolServer};

/// Serves a [`ToolServer`] over rmcp. Cheap to clone (one per service loop).
#[derive(Clone)]
pub(crate) struct ToolHandler {
    server: Arc<ToolServer>,
    listing: Arc<Vec<McpTool>>,
}

impl ToolHandler {
    pub(crate) fn new(server: ToolServer) -> Self {
        let listing = server
            .list()
            .into_iter()
            .filter_map(|wire| match serde_json::from_value::<McpTool>(wire) {
                Ok(tool) => Some(tool),
                Err(error) => {
                    tracing::error!(%error, "a tool definition is not valid MCP; it is not listed");
                    None
                }
            })
            .collect();
        ToolHandler {
            server: Arc::new(server),
            listing: Arc::new(listing),
        }
    }
}

impl ServerHandler for ToolHandler {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build()).with_server_info(
            Implementation::new(self.server.name(), self.server.server_version()),
        )
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        Ok(ListToolsResult::with_all_items(
            self.listing.as_ref().clone(),
        ))
    }

    fn get_tool(&self, name: &str) -> Option<McpTool> {
        self.listing.iter().find(|tool| tool.name == name).cloned()
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        // rmcp moves the request's `_meta` into the context.
        let mut meta = context.meta.0.0.clone();
        if let Some(own) = request.meta {
            meta.extend(own.0.0);
        }
        let cx = ToolContext::from_meta(meta, context.ct.clone());
        let args = Value::Object(request.arguments.unwrap_or_default());
        let Some(call) = self.server.call(&request.name, args, cx) else {
            return Err(ErrorData::invalid_params(
                format!(
                    "unknown tool `{}` in server `{}`",
                    request.name,
                    self.server.name()
                ),
                None,
            ));
        };
        let result = call.await;
        serde_json::from_value::<CallToolResult>(result.to_wire())
            .map(CallToolResponse::from)
            .map_err(|error| {
                ErrorData::internal_error(format!("invalid tool result: {error}"), None)
            })
    }
}
