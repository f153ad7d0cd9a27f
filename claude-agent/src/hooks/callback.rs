//! The raw callback layer: JSON in, JSON out. Typed hooks ([`Hook`](super::Hook)) are adapted
//! to it by [`HookAdapter`](super::HookAdapter).

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use serde_json::Value;
use tokio_util::sync::CancellationToken;

/// What a hook callback gets besides its input.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct HookContext {
    /// The `tool_use_id` the CLI sent with the callback (a random id for non-tool events).
    pub tool_use_id: Option<String>,
    /// Cancelled when the CLI withdraws the callback.
    pub cancellation: CancellationToken,
}

impl HookContext {
    /// A context for one call (the runtime builds these; tests and hand-driven hooks can too).
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::hooks::HookContext;
    ///
    /// let cx = HookContext::new(Some("toolu_1".into()));
    /// assert!(!cx.cancellation.is_cancelled());
    /// ```
    pub fn new(tool_use_id: Option<String>) -> Self {
        HookContext {
            tool_use_id,
            cancellation: CancellationToken::new(),
        }
    }

    /// The same context, cancelled by `token`.
    pub fn with_cancellation(mut self, token: CancellationToken) -> Self {
        self.cancellation = token;
        self
    }
}

/// A hook callback over raw JSON: the input is the CLI's hook input, the output is the hook JSON
/// output (`{"continue": true}`, `{"hookSpecificOutput": {...}}`, ...). An `Err` is reported to the
/// CLI as an error response. Implemented for async closures.
///
/// # Examples
///
/// ```
/// use claude_agent::hooks::{HookContext, HookEvent, HookMatcher};
/// use claude_agent::Options;
/// use serde_json::{json, Value};
///
/// let options = Options::builder()
///     .hook(HookEvent::PreToolUse, HookMatcher::new(Some("Bash"), |input: Value, _cx: HookContext| async move {
///         let _ = input;
///         Ok::<_, String>(json!({"continue": true}))
///     }))
///     .build();
/// # let _ = options;
/// ```
pub trait HookCallback: Send + Sync + 'static {
    /// Runs the hook.
    fn call(&self, input: Value, cx: HookContext) -> BoxFuture<'static, Result<Value, String>>;
}

impl<F, Fut, E> HookCallback for F
where
    F: Fn(Value, HookContext) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<Value, E>> + Send + 'static,
    E: fmt::Display,
{
    fn call(&self, input: Value, cx: HookContext) -> BoxFuture<'static, Result<Value, String>> {
        let fut = self(input, cx);
        Box::pin(async move { fut.await.map_err(|e| e.to_string()) })
    }
}

/// One matcher of an event: a tool-name pattern (the CLI's syntax: a name, `A|B`, or a regex;
/// `None` matches everything), the callbacks to run, and an optional timeout.
#[derive(Clone)]
#[non_exhaustive]
pub struct HookMatcher {
    /// The matcher pattern, or `None` for all.
    pub matcher: Option<String>,
    /// The callbacks, run by the CLI for each match.
    pub callbacks: Vec<Arc<dyn HookCallback>>,
    /// How long the CLI waits for the callbacks.
    pub timeout: Option<Duration>,
}

impl HookMatcher {
    /// A matcher with one callback.
    pub fn new(matcher: Option<&str>, callback: impl HookCallback) -> Self {
        HookMatcher {
            matcher: matcher.map(str::to_owned),
            callbacks: vec![Arc::new(callback)],
            timeout: None,
        }
    }

    /// Adds another callback to this matcher.
    pub fn and(mut self, callback: impl HookCallback) -> Self {
        self.callbacks.push(Arc::new(callback));
        self
    }

    /// Sets the timeout the CLI applies to this matcher's callbacks.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }
}

impl fmt::Debug for HookMatcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HookMatcher")
            .field("matcher", &self.matcher)
            .field("callbacks", &self.callbacks.len())
            .field("timeout", &self.timeout)
            .finish()
    }
}
