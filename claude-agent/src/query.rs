//! One-shot queries: a prompt (or a stream of prompts) in, a stream of messages out.

use std::fmt;
use std::pin::Pin;
use std::sync::atomic::Ordering;
use std::task::{Context, Poll};
use std::time::Duration;

use futures::stream::{BoxStream, Stream, StreamExt};
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use crate::client::{Phase, SessionHandle};
use crate::connection::Connection;
use crate::protocol::{ResultMessage, UserInput};
use crate::{Error, Message, Options, Result};

/// What to send: one text prompt, or a stream of user messages (streaming input).
///
/// # Examples
///
/// ```
/// use claude_agent::Prompt;
/// use claude_agent::protocol::UserInput;
///
/// let one: Prompt = "Hello".into();
/// let many = Prompt::stream(futures::stream::iter([UserInput::text("first"), UserInput::text("second")]));
/// # let _ = (one, many);
/// ```
#[non_exhaustive]
pub enum Prompt {
    /// A single text prompt.
    Text(String),
    /// User messages, each sent as it arrives; each one that asks for a turn gets a result.
    Stream(BoxStream<'static, UserInput>),
}

impl Prompt {
    /// A prompt from a stream of user messages.
    pub fn stream(messages: impl Stream<Item = UserInput> + Send + 'static) -> Self {
        Prompt::Stream(messages.boxed())
    }
}

impl fmt::Debug for Prompt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Prompt::Text(text) => f.debug_tuple("Text").field(text).finish(),
            Prompt::Stream(_) => f.write_str("Stream(..)"),
        }
    }
}

impl From<&str> for Prompt {
    fn from(text: &str) -> Self {
        Prompt::Text(text.to_owned())
    }
}

impl From<String> for Prompt {
    fn from(text: String) -> Self {
        Prompt::Text(text)
    }
}

impl From<UserInput> for Prompt {
    fn from(input: UserInput) -> Self {
        Prompt::stream(futures::stream::iter([input]))
    }
}

/// Runs Claude Code on `prompt` and streams every message it produces.
///
/// The CLI starts when the stream is first polled. Its stdin stays open while callbacks (hooks,
/// permissions, in-process tools) may still be needed: until every prompt has its `result` and
/// no background agent is running (at most [`background_wait`](crate::OptionsBuilder::background_wait)
/// longer); the stream ends when the CLI has exited. Dropping the stream stops the CLI (close
/// stdin, SIGTERM, SIGKILL) and leaves no process behind.
///
/// Every `#[tool]` and `#[hook]` linked into the program joins the session unless the options
/// say otherwise ([`no_registered`](crate::OptionsBuilder::no_registered), or an explicit
/// [`tool_server`](crate::OptionsBuilder::tool_server) / [`hooks`](crate::OptionsBuilder::hooks)).
///
/// Steer the running query from any task through its [`handle`](Query::handle): interrupt it,
/// change its model, queue another prompt, or abort it.
///
/// # Examples
///
/// ```no_run
/// use claude_agent::{Message, Options, query};
/// use futures::StreamExt;
///
/// # async fn run() -> claude_agent::Result<()> {
/// let mut stream = query("Explain src/lib.rs", Options::default());
/// let handle = stream.handle();
/// tokio::spawn(async move {
///     tokio::time::sleep(std::time::Duration::from_secs(30)).await;
///     let _ = handle.interrupt().await; // taking too long: stop this turn
/// });
/// while let Some(message) = stream.next().await {
///     if let Message::Result(result) = message? {
///         println!("cost: ${:.4}", result.total_cost_usd);
///     }
/// }
/// # Ok(()) }
/// ```
pub fn query(prompt: impl Into<Prompt>, options: Options) -> Query {
    let prompt = prompt.into();
    let abort = options.session_abort();
    let (handle, phase) = SessionHandle::starting(abort.clone());
    let stream = futures::stream::once(async move {
        let started = start(prompt, &options, abort).await;
        match started {
            Ok(connection) => {
                let _ = phase.send(Phase::Running(connection.shared().clone()));
                drive(connection, options.background_wait()).boxed()
            }
            Err(err) => {
                let _ = phase.send(Phase::Failed);
                futures::stream::iter([Err(err)]).boxed()
            }
        }
    })
    .flatten();
    Query {
        inner: stream.boxed(),
        handle,
    }
}

/// The stream returned by [`query`], with its [`handle`](Query::handle) and conveniences to
/// collect it.
#[must_use = "a query does nothing until polled"]
pub struct Query {
    inner: BoxStream<'static, Result<Message>>,
    handle: SessionHandle,
}

impl fmt::Debug for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Query")
            .field("handle", &self.handle)
            .finish_non_exhaustive()
    }
}

impl Stream for Query {
    type Item = Result<Message>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.poll_next_unpin(cx)
    }
}

impl Query {
    /// A cloneable remote control of this query's session (usable before the query starts:
    /// its calls wait until it has).
    pub fn handle(&self) -> SessionHandle {
        self.handle.clone()
    }

    /// The CLI's process id, once the query has started.
    pub fn pid(&self) -> Option<u32> {
        self.handle.pid()
    }

    /// Every message, in order; the first error ends collection.
    pub async fn messages(mut self) -> Result<Vec<Message>> {
        let mut out = Vec::new();
        while let Some(message) = self.next().await {
            out.push(message?);
        }
        Ok(out)
    }

    /// The last `result` message, whether it reports success or an error.
    pub async fn result(mut self) -> Result<ResultMessage> {
        let mut last = None;
        while let Some(message) = self.next().await {
            if let Message::Result(result) = message? {
                last = Some(result);
            }
        }
        last.ok_or_else(|| Error::Protocol("the CLI ended without a result message".into()))
    }

    /// The final answer's text; an error result becomes [`Error::TurnFailed`].
    pub async fn text(self) -> Result<String> {
        let result = self.result().await?;
        if result.is_error {
            return Err(Error::turn_failed(result));
        }
        Ok(result.result.clone().unwrap_or_default())
    }
}

/// Starts the CLI and sends the prompt (or starts a task sending the prompt stream).
async fn start(prompt: Prompt, options: &Options, abort: CancellationToken) -> Result<Connection> {
    let connection = Connection::connect(options, abort).await?;
    let shared = connection.shared().clone();
    match prompt {
        Prompt::Text(text) => {
            shared.send(&UserInput::text(text)).await?;
            shared.input_done.store(true, Ordering::SeqCst);
        }
        Prompt::Stream(mut inputs) => {
            tokio::spawn(async move {
                while let Some(input) = inputs.next().await {
                    if shared.send(&input).await.is_err() {
                        return;
                    }
                }
                shared.input_done.store(true, Ordering::SeqCst);
                if shared.input_may_close() {
                    shared.end_input();
                }
            });
        }
    }
    Ok(connection)
}

/// Yields the session's messages, closing its input once the prompts are all answered and no
/// background agent runs (or `background_wait` has passed since the last result).
fn drive(
    connection: Connection,
    background_wait: Duration,
) -> impl Stream<Item = Result<Message>> + Send + 'static {
    futures::stream::unfold(
        (connection, None::<Instant>),
        move |(mut connection, mut deadline)| async move {
            loop {
                let next = match deadline {
                    Some(at) => tokio::select! {
                        message = connection.recv() => Some(message),
                        () = tokio::time::sleep_until(at) => None,
                    },
                    None => Some(connection.recv().await),
                };
                let shared = connection.shared().clone();
                let Some(message) = next else {
                    tracing::warn!(
                        "background tasks still running {background_wait:?} after the last \
                         result; closing the CLI's input"
                    );
                    shared.end_input();
                    deadline = None;
                    continue;
                };
                let message = message?;
                let closing_check = deadline.is_some() || matches!(message, Ok(Message::Result(_)));
                if closing_check
                    && shared.input_done.load(Ordering::SeqCst)
                    && !shared.input_closed.load(Ordering::SeqCst)
                    && shared.turns_complete()
                {
                    if shared.background_running() {
                        deadline.get_or_insert_with(|| Instant::now() + background_wait);
                    } else {
                        shared.end_input();
                        deadline = None;
                    }
                }
                return Some((message, (connection, deadline)));
            }
        },
    )
}
