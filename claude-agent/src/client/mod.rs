//! The long-lived, multi-turn session ([`Client`]) and its remote control ([`SessionHandle`]).

mod handle;
mod mcp;

use std::ops::Deref;
use std::sync::Arc;

use futures::stream::{BoxStream, StreamExt};
use tokio::sync::Mutex;

use crate::connection::{Connection, Shared};
use crate::protocol::{AccountInfo, AgentInfo, InitializeResponse, ModelInfo, SlashCommand};
use crate::{Message, Options, Result};

pub(crate) use handle::Phase;
pub use handle::{SessionHandle, SettingsFile};
pub use mcp::McpPermissionOverride;

/// A multi-turn session with one CLI process: send prompts, read messages, steer it while it
/// runs.
///
/// Reading takes `&self`: [`receive_response`](Client::receive_response) streams one turn while
/// the same client (or a [`SessionHandle`] from [`handle`](Client::handle), in another task)
/// interrupts it, changes its model, or queues the next prompt. A `Client` dereferences to its
/// [`SessionHandle`], so every control method is available on it directly. One reader at a
/// time: a second `receive_*` stream waits until the first is dropped.
///
/// Dropping the client stops the CLI (close stdin, SIGTERM, SIGKILL) and leaves no process;
/// [`close`](Client::close) does the same and waits for it.
///
/// # Examples
///
/// ```no_run
/// use std::time::Duration;
/// use claude_agent::{Client, Message, Options};
/// use futures::StreamExt;
///
/// # async fn run() -> claude_agent::Result<()> {
/// let client = Client::connect(Options::default()).await?;
/// client.send("Remember the number 7.").await?;
/// client.receive_response().for_each(|_| async {}).await;
///
/// client.send("Count slowly to one thousand.").await?;
/// let handle = client.handle();
/// tokio::spawn(async move {
///     tokio::time::sleep(Duration::from_secs(2)).await;
///     let _ = handle.interrupt().await; // from another task, while the turn streams
/// });
/// let mut turn = client.receive_response();
/// while let Some(message) = turn.next().await {
///     if let Message::Result(result) = message? {
///         println!("{:?}", result.subtype); // error_during_execution: interrupted
///     }
/// }
/// client.set_model(Some("haiku")).await?; // the session goes on
/// client.close().await?;
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct Client {
    handle: SessionHandle,
    shared: Arc<Shared>,
    connection: Mutex<Connection>,
}

impl Deref for Client {
    type Target = SessionHandle;

    fn deref(&self) -> &SessionHandle {
        &self.handle
    }
}

impl Client {
    /// Starts the CLI and completes the `initialize` handshake.
    ///
    /// Fails with [`Error::Aborted`](crate::Error::Aborted) if the options'
    /// [`cancellation_token`](crate::OptionsBuilder::cancellation_token) is cancelled first.
    pub async fn connect(options: Options) -> Result<Client> {
        let connection = Connection::connect(&options, options.session_abort()).await?;
        let shared = connection.shared().clone();
        Ok(Client {
            handle: SessionHandle::running(shared.clone()),
            shared,
            connection: Mutex::new(connection),
        })
    }

    /// A cloneable remote control of this session, to move into other tasks.
    pub fn handle(&self) -> SessionHandle {
        self.handle.clone()
    }

    /// The messages of the current turn, up to and including its `result`.
    ///
    /// Ends early with [`Error::Aborted`](crate::Error::Aborted) if the session is aborted, and
    /// with `None` if the CLI exits.
    pub fn receive_response(&self) -> BoxStream<'_, Result<Message>> {
        self.receive(true)
    }

    /// Every message until the CLI exits (or the session is aborted).
    pub fn receive_messages(&self) -> BoxStream<'_, Result<Message>> {
        self.receive(false)
    }

    fn receive(&self, one_turn: bool) -> BoxStream<'_, Result<Message>> {
        futures::stream::once(self.connection.lock())
            .flat_map(move |connection| {
                futures::stream::unfold(
                    (connection, false),
                    move |(mut connection, done)| async move {
                        if done {
                            return None;
                        }
                        let message = connection.recv().await?;
                        let done = one_turn && matches!(message, Ok(Message::Result(_)));
                        Some((message, (connection, done)))
                    },
                )
            })
            .boxed()
    }

    /// The CLI's full answer to `initialize`.
    pub fn initialization_result(&self) -> &Arc<InitializeResponse> {
        self.init()
    }

    fn init(&self) -> &Arc<InitializeResponse> {
        // `connect` sets it before a `Client` exists.
        static EMPTY: std::sync::OnceLock<Arc<InitializeResponse>> = std::sync::OnceLock::new();
        self.shared
            .init
            .get()
            .unwrap_or_else(|| EMPTY.get_or_init(Arc::default))
    }

    /// The slash commands the session offers.
    pub fn supported_commands(&self) -> &[SlashCommand] {
        &self.init().commands
    }

    /// The models the CLI offers.
    pub fn supported_models(&self) -> &[ModelInfo] {
        &self.init().models
    }

    /// The subagents available to the session.
    pub fn supported_agents(&self) -> &[AgentInfo] {
        &self.init().agents
    }

    /// The account the CLI runs as.
    pub fn account_info(&self) -> Option<&AccountInfo> {
        self.init().account.as_ref()
    }

    /// Ends the session: closes stdin, waits for the CLI to exit (SIGTERM, then SIGKILL, if it
    /// does not), and reaps it. Takes `&self`, so a turn stream still in scope is no obstacle;
    /// afterwards that stream ends, and calls on the client or its handles fail with
    /// [`Error::ConnectionClosed`](crate::Error::ConnectionClosed).
    pub async fn close(&self) -> Result<()> {
        self.shared.stop.cancel();
        let mut exit = self.shared.exit.clone();
        let _ = exit.wait_for(Option::is_some).await;
        Ok(())
    }
}
