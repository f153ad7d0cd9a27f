//! The long-lived, multi-turn session.

use std::collections::BTreeMap;
use std::sync::Arc;

use futures::stream::{BoxStream, Stream, StreamExt};
use serde_json::{Value, json};

use crate::connection::{Connection, control};
use crate::mcp::McpServerConfig;
use crate::options::PermissionMode;
use crate::protocol::{
    AccountInfo, AgentInfo, ContextUsage, InitializeResponse, McpServerStatus, McpSetServersResult,
    ModelInfo, RewindFilesResult, SlashCommand, UserInput,
};
use crate::{Error, Message, Options, Result};

/// A multi-turn session with one CLI process: send prompts, read messages, steer it while it
/// runs.
///
/// Control methods take `&self`, so a turn can be interrupted or reconfigured while its messages
/// are being read elsewhere (share the client with `Arc`, or call them between reads).
///
/// # Examples
///
/// ```no_run
/// use claude_agent::{Client, Message, Options};
/// use futures::StreamExt;
///
/// # async fn run() -> claude_agent::Result<()> {
/// let mut client = Client::connect(Options::default()).await?;
/// client.send("Remember the number 7.").await?;
/// client.receive_response().for_each(|_| async {}).await;
/// client.send("Which number did I ask you to remember?").await?;
/// let mut turn = client.receive_response();
/// while let Some(message) = turn.next().await {
///     if let Message::Result(result) = message? {
///         println!("{}", result.result.unwrap_or_default());
///     }
/// }
/// drop(turn);
/// client.close().await?;
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct Client {
    connection: Connection,
}

impl Client {
    /// Starts the CLI and completes the `initialize` handshake.
    pub async fn connect(options: Options) -> Result<Client> {
        Ok(Client {
            connection: Connection::connect(&options).await?,
        })
    }

    /// Sends a prompt (text or a prepared [`UserInput`]); read its messages with
    /// [`receive_response`](Client::receive_response).
    pub async fn send(&self, prompt: impl Into<UserInput>) -> Result<()> {
        self.connection.send(&prompt.into()).await
    }

    /// Sends every user message of `inputs`, in order.
    pub async fn send_stream(&self, inputs: impl Stream<Item = UserInput>) -> Result<()> {
        let mut inputs = std::pin::pin!(inputs);
        while let Some(input) = inputs.next().await {
            self.connection.send(&input).await?;
        }
        Ok(())
    }

    /// The messages of the current turn, up to and including its `result`.
    pub fn receive_response(&mut self) -> BoxStream<'_, Result<Message>> {
        futures::stream::unfold(
            (&mut self.connection, false),
            |(connection, done)| async move {
                if done {
                    return None;
                }
                let message = connection.recv().await?;
                let done = matches!(message, Ok(Message::Result(_)));
                Some((message, (connection, done)))
            },
        )
        .boxed()
    }

    /// Every message until the CLI exits.
    pub fn receive_messages(&mut self) -> BoxStream<'_, Result<Message>> {
        futures::stream::unfold(&mut self.connection, |connection| async move {
            let message = connection.recv().await?;
            Some((message, connection))
        })
        .boxed()
    }

    /// The session id the CLI reported, once a message carrying it has been received.
    pub fn session_id(&self) -> Option<String> {
        self.connection.session_id()
    }

    /// The CLI's process id.
    pub fn pid(&self) -> Option<u32> {
        self.connection.pid()
    }

    /// Aborts the running turn: it ends with an `error_during_execution` result and the client
    /// stays usable. A no-op while idle.
    pub async fn interrupt(&self) -> Result<()> {
        self.connection
            .request(control("interrupt", json!({})))
            .await
            .map(drop)
    }

    /// Changes the permission mode for the rest of the session.
    pub async fn set_permission_mode(&self, mode: PermissionMode) -> Result<()> {
        let mode = serde_json::to_value(mode).map_err(|e| Error::Protocol(e.to_string()))?;
        self.connection
            .request(control("set_permission_mode", json!({ "mode": mode })))
            .await
            .map(drop)
    }

    /// Changes the model (`None` returns to the default).
    pub async fn set_model(&self, model: Option<&str>) -> Result<()> {
        self.connection
            .request(control("set_model", json!({ "model": model })))
            .await
            .map(drop)
    }

    /// Changes the thinking budget (`None` removes the limit). Prefer the `thinking` option.
    pub async fn set_max_thinking_tokens(&self, tokens: Option<u32>) -> Result<()> {
        let request = control(
            "set_max_thinking_tokens",
            json!({ "max_thinking_tokens": tokens }),
        );
        self.connection.request(request).await.map(drop)
    }

    /// The CLI's full answer to `initialize`.
    pub fn initialization_result(&self) -> &Arc<InitializeResponse> {
        self.connection.init()
    }

    /// The slash commands the session offers.
    pub fn supported_commands(&self) -> &[SlashCommand] {
        &self.connection.init().commands
    }

    /// The models the CLI offers.
    pub fn supported_models(&self) -> &[ModelInfo] {
        &self.connection.init().models
    }

    /// The subagents available to the session.
    pub fn supported_agents(&self) -> &[AgentInfo] {
        &self.connection.init().agents
    }

    /// The account the CLI runs as.
    pub fn account_info(&self) -> Option<&AccountInfo> {
        self.connection.init().account.as_ref()
    }

    /// The status of every MCP server: connection status, `serverInfo`, and each tool's name
    /// and annotations (e.g. `{"readOnly": true}` for a `#[tool(read_only)]`).
    ///
    /// CLI 2.1.197 reports no servers before the first user message; ask after a turn.
    pub async fn mcp_server_status(&self) -> Result<Vec<McpServerStatus>> {
        let raw = self
            .connection
            .request(control("mcp_status", json!({})))
            .await?;
        decode(
            "mcp_status",
            raw.get("mcpServers")
                .cloned()
                .unwrap_or(Value::Array(Vec::new())),
        )
    }

    /// Reconnects an MCP server.
    ///
    /// In-process servers (`#[tool]` servers, `McpServerConfig::Sdk`) cannot be reconnected:
    /// every CLI version answers with an [`Error::Control`] (`SDK servers should be handled in
    /// print.ts`); they never disconnect in the first place.
    pub async fn reconnect_mcp_server(&self, name: &str) -> Result<()> {
        let request = control("mcp_reconnect", json!({ "serverName": name }));
        self.connection.request(request).await.map(drop)
    }

    /// Enables or disables an MCP server.
    ///
    /// For in-process servers: disabling empties the server's tool list on every CLI version
    /// (2.1.330 reports the status `disabled`, 2.1.197 keeps `connected`). Enabling again works
    /// on 2.1.330 (the CLI runs a new MCP handshake with this client); 2.1.197 refuses it with an
    /// [`Error::Control`].
    pub async fn toggle_mcp_server(&self, name: &str, enabled: bool) -> Result<()> {
        let request = control(
            "mcp_toggle",
            json!({ "serverName": name, "enabled": enabled }),
        );
        self.connection.request(request).await.map(drop)
    }

    /// Replaces the set of dynamically added MCP servers and reports which were added and
    /// removed. In-process servers are served by this client from now on.
    ///
    /// The set the CLI replaces includes the in-process servers the session started with (the
    /// registered `#[tool]` servers, [`tool_server`](crate::OptionsBuilder::tool_server)): pass
    /// them again to keep them. An empty map removes them all.
    pub async fn set_mcp_servers(
        &self,
        servers: BTreeMap<String, McpServerConfig>,
    ) -> Result<McpSetServersResult> {
        let mut wire = serde_json::Map::new();
        let mut sdk = Vec::new();
        for (name, config) in servers {
            match config {
                McpServerConfig::Sdk(server) => {
                    wire.insert(name.clone(), json!({ "type": "sdk", "name": name }));
                    sdk.push((name, server));
                }
                other => {
                    wire.insert(name, other.to_wire().unwrap_or(Value::Null));
                }
            }
        }
        if let Ok(mut servers) = self.connection.handlers().mcp_servers.write() {
            servers.extend(sdk);
        }
        let raw = self
            .connection
            .request(control("mcp_set_servers", json!({ "servers": wire })))
            .await?;
        decode("mcp_set_servers", raw)
    }

    /// Restores files to their state at `user_message_id` (needs the `enable_file_checkpointing`
    /// option); `dry_run` only reports what would change.
    ///
    /// A rewind the CLI cannot do is an [`Error::Control`] on every CLI version (2.1.197 answers
    /// with an error, 2.1.330 with `canRewind: false` and an `error` text); a dry run reports it
    /// in the result instead.
    pub async fn rewind_files(
        &self,
        user_message_id: &str,
        dry_run: bool,
    ) -> Result<RewindFilesResult> {
        let request = control(
            "rewind_files",
            json!({ "user_message_id": user_message_id, "dry_run": dry_run }),
        );
        let result: RewindFilesResult =
            decode("rewind_files", self.connection.request(request).await?)?;
        match &result.error {
            Some(message) if !dry_run && !result.can_rewind => Err(Error::Control {
                subtype: "rewind_files".into(),
                message: message.clone(),
                code: None,
            }),
            _ => Ok(result),
        }
    }

    /// Stops a background task.
    pub async fn stop_task(&self, task_id: &str) -> Result<()> {
        self.connection
            .request(control("stop_task", json!({ "task_id": task_id })))
            .await
            .map(drop)
    }

    /// How the context window is used.
    pub async fn get_context_usage(&self) -> Result<ContextUsage> {
        let raw = self
            .connection
            .request(control("get_context_usage", json!({})))
            .await?;
        decode("get_context_usage", raw)
    }

    /// Sends any control request by subtype and returns the raw response: the escape hatch for
    /// requests this SDK version does not wrap yet.
    pub async fn control_request(&self, subtype: &str, fields: Value) -> Result<Value> {
        self.connection.request(control(subtype, fields)).await
    }

    /// Ends the session: closes stdin, waits for the CLI to exit (SIGTERM, then SIGKILL, if it
    /// does not), and reaps it.
    pub async fn close(self) -> Result<()> {
        self.connection.close().await
    }
}

fn decode<T: serde::de::DeserializeOwned>(what: &str, value: Value) -> Result<T> {
    serde_json::from_value(value)
        .map_err(|e| Error::Protocol(format!("unexpected `{what}` response: {e}")))
}
