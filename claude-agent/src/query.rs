//! One-shot queries: a prompt (or a stream of prompts) in, a stream of messages out.

use std::fmt;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

use futures::stream::{BoxStream, Stream, StreamExt};

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
/// permissions, in-process tools) may still be needed, and is closed once every prompt has its
/// `result`; the stream ends when the CLI has exited. Dropping the stream stops the CLI (close
/// stdin, SIGTERM, SIGKILL) and leaves no process behind.
///
/// # Examples
///
/// ```no_run
/// use claude_agent::{Message, Options, query};
/// use futures::StreamExt;
///
/// # async fn run() -> claude_agent::Result<()> {
/// let mut stream = query("Explain src/lib.rs", Options::default());
/// while let Some(message) = stream.next().await {
///     if let Message::Result(result) = message? {
///         println!("cost: ${:.4}", result.total_cost_usd);
///     }
/// }
/// # Ok(()) }
/// ```
pub fn query(prompt: impl Into<Prompt>, options: Options) -> Query {
    let prompt = prompt.into();
    let stream = futures::stream::once(async move {
        match start(prompt, &options).await {
            Ok(driver) => driver.boxed(),
            Err(err) => futures::stream::iter([Err(err)]).boxed(),
        }
    })
    .flatten();
    Query {
        inner: stream.boxed(),
    }
}

/// The stream returned by [`query`], with conveniences to collect it.
#[must_use = "a query does nothing until polled"]
pub struct Query {
    inner: BoxStream<'static, Result<Message>>,
}

impl fmt::Debug for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Query(..)")
    }
}

impl Stream for Query {
    type Item = Result<Message>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.poll_next_unpin(cx)
    }
}

impl Query {
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

async fn start(
    prompt: Prompt,
    options: &Options,
) -> Result<impl Stream<Item = Result<Message>> + use<>> {
    let connection = Connection::connect(options).await?;
    let input_done = Arc::new(AtomicBool::new(false));
    match prompt {
        Prompt::Text(text) => {
            connection.send(&UserInput::text(text)).await?;
            input_done.store(true, Ordering::SeqCst);
        }
        Prompt::Stream(mut inputs) => {
            let handle = connection.input_handle();
            let done = input_done.clone();
            tokio::spawn(async move {
                while let Some(input) = inputs.next().await {
                    if !handle.send(&input) {
                        return;
                    }
                }
                done.store(true, Ordering::SeqCst);
                if handle.turns_complete() {
                    handle.end_input();
                }
            });
        }
    }
    Ok(futures::stream::unfold(
        (connection, input_done),
        |(mut connection, input_done)| async move {
            let message = connection.recv().await?;
            if matches!(message, Ok(Message::Result(_)))
                && input_done.load(Ordering::SeqCst)
                && connection.turns_complete()
            {
                connection.end_input();
            }
            Some((message, (connection, input_done)))
        },
    ))
}
