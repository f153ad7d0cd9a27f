//! [`HookAdapter`]: turns a typed [`Hook`] into a raw [`HookCallback`], and is the one place
//! where a failing hook (error, panic, timeout, undecodable input) is turned into an answer.

use std::borrow::Cow;
use std::fmt;
use std::future::Future;
use std::marker::PhantomData;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::Duration;

use futures::FutureExt as _;
use futures::future::BoxFuture;
use serde_json::Value;
use tracing::Instrument as _;

use super::event::Event;
use super::hook::{EventInput, InputEvent, IntoHookResult};
use super::{Hook, HookCallback, HookContext, HookEvent, HookMatcher, HookOutput};
use crate::panic_payload::panic_message;

/// How long the CLI waits for a hook when none is configured.
pub const DEFAULT_HOOK_TIMEOUT: Duration = Duration::from_secs(60);

/// What a hook answers when it fails: returns an error, panics, exceeds its timeout, or receives
/// an input that does not decode into its input type.
///
/// # Examples
///
/// ```
/// use claude_agent::hooks::{event::{self, Event}, FailurePolicy};
///
/// // Tool permission hooks fail closed; the others let the session go on.
/// assert_eq!(event::PermissionRequest::DEFAULT_FAILURE_POLICY, FailurePolicy::Deny);
/// assert_eq!(event::PostToolUse::DEFAULT_FAILURE_POLICY, FailurePolicy::Continue);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FailurePolicy {
    /// Fail closed: refuse the tool (`PreToolUse`, `PermissionRequest`, `PreModelSwitch`: a deny
    /// whose reason says what failed); for events without a permission decision, stop the
    /// session (`{"continue": false, "stopReason": ...}`).
    Deny,
    /// Fail open: answer `{"continue": true}` as if the hook had no opinion.
    Continue,
    /// Answer the CLI with an error response; the CLI logs it and proceeds without the hook's
    /// decision (newer CLIs honour a matcher's `onFailure`).
    Error,
}

#[derive(Debug, Clone)]
struct Settings {
    name: Cow<'static, str>,
    event: HookEvent,
    decides_permission: bool,
    matcher: Option<String>,
    timeout: Duration,
    on_failure: FailurePolicy,
}

/// A typed [`Hook`] as a [`HookCallback`]: decodes the input, runs the hook under a deadline
/// with panics caught, and encodes the output for the hook's event. Failures are answered by the
/// [`FailurePolicy`].
///
/// The deadline is a little shorter than the timeout the CLI is told (10%, at most one second),
/// so the failure answer reaches the CLI before the CLI gives up on its own.
///
/// # Examples
///
/// ```
/// use std::time::Duration;
/// use claude_agent::builtin::BashInput;
/// use claude_agent::hooks::{hook_fn, FailurePolicy, HookEvent, HookOutput, PreToolUse};
///
/// let guard = hook_fn(|input: PreToolUse<BashInput>| async move {
///     if input.tool_input.command.contains("rm -rf") {
///         HookOutput::deny("not here")
///     } else {
///         HookOutput::proceed()
///     }
/// })
/// .name("guard")
/// .matcher("Bash")
/// .timeout(Duration::from_secs(5));
/// assert_eq!(guard.event(), HookEvent::PreToolUse);
/// assert_eq!(guard.failure_policy(), FailurePolicy::Deny);
/// let matcher = guard.into_matcher();
/// assert_eq!(matcher.matcher.as_deref(), Some("Bash"));
/// assert_eq!(matcher.timeout, Some(Duration::from_secs(5)));
/// ```
pub struct HookAdapter<H> {
    hook: Arc<H>,
    settings: Arc<Settings>,
}

impl<H: Hook> HookAdapter<H> {
    /// Adapts `hook`, with the settings of its `NAME`, `MATCHER`, `TIMEOUT` and `ON_FAILURE`.
    pub fn new(hook: H) -> Self {
        HookAdapter {
            hook: Arc::new(hook),
            settings: Arc::new(Settings {
                name: Cow::Borrowed(H::NAME),
                event: <H::Event as Event>::EVENT,
                decides_permission: <H::Event as Event>::DECIDES_PERMISSION,
                matcher: H::MATCHER.map(str::to_owned),
                timeout: H::TIMEOUT.unwrap_or(DEFAULT_HOOK_TIMEOUT),
                on_failure: H::ON_FAILURE.unwrap_or(<H::Event as Event>::DEFAULT_FAILURE_POLICY),
            }),
        }
    }

    fn settings(&mut self) -> &mut Settings {
        Arc::make_mut(&mut self.settings)
    }

    /// Sets the name used in logs and failure reasons.
    pub fn name(mut self, name: impl Into<Cow<'static, str>>) -> Self {
        self.settings().name = name.into();
        self
    }

    /// Sets the matcher (a tool name, `A|B`, or a regex).
    pub fn matcher(mut self, matcher: impl Into<String>) -> Self {
        self.settings().matcher = Some(matcher.into());
        self
    }

    /// Sets how long the CLI waits for the hook.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.settings().timeout = timeout;
        self
    }

    /// Sets what a failure answers.
    pub fn on_failure(mut self, policy: FailurePolicy) -> Self {
        self.settings().on_failure = policy;
        self
    }

    /// The event the hook is for.
    pub fn event(&self) -> HookEvent {
        self.settings.event.clone()
    }

    /// The hook's name.
    pub fn hook_name(&self) -> &str {
        &self.settings.name
    }

    /// The failure policy in force.
    pub fn failure_policy(&self) -> FailurePolicy {
        self.settings.on_failure
    }

    /// A [`HookMatcher`] with this hook as its only callback, the matcher, and the timeout.
    pub fn into_matcher(self) -> HookMatcher {
        let matcher = self.settings.matcher.clone();
        let timeout = self.settings.timeout;
        HookMatcher {
            matcher,
            callbacks: vec![Arc::new(self)],
            timeout: Some(timeout),
        }
    }
}

impl<H: Hook> From<HookAdapter<H>> for HookMatcher {
    fn from(adapter: HookAdapter<H>) -> Self {
        adapter.into_matcher()
    }
}

impl<H> Clone for HookAdapter<H> {
    fn clone(&self) -> Self {
        HookAdapter {
            hook: Arc::clone(&self.hook),
            settings: Arc::clone(&self.settings),
        }
    }
}

impl<H> fmt::Debug for HookAdapter<H> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HookAdapter")
            .field("name", &self.settings.name)
            .field("event", &self.settings.event)
            .field("matcher", &self.settings.matcher)
            .field("timeout", &self.settings.timeout)
            .field("on_failure", &self.settings.on_failure)
            .finish()
    }
}

impl<H: Hook> HookCallback for HookAdapter<H> {
    fn call(&self, input: Value, cx: HookContext) -> BoxFuture<'static, Result<Value, String>> {
        let hook = Arc::clone(&self.hook);
        let settings = Arc::clone(&self.settings);
        let span = tracing::info_span!(
            "claude_agent.hook",
            event = %settings.event,
            hook = %settings.name,
            matcher = settings.matcher.as_deref().unwrap_or("*"),
        );
        Box::pin(
            async move {
                // No race with the CLI's cancellation: the hook sees it on `cx` and may clean up;
                // the dispatcher bounds how long it waits and sends nothing for it.
                let deadline = sdk_deadline(settings.timeout);
                match run::<H>(hook, input, cx, deadline).await {
                    Ok(output) => Ok(output.to_wire(&settings.event)),
                    Err(failure) => settings.answer_failure(failure),
                }
            }
            .instrument(span),
        )
    }
}

/// The deadline the SDK enforces for a hook the CLI waits `timeout` for.
fn sdk_deadline(timeout: Duration) -> Duration {
    timeout.saturating_sub((timeout / 10).min(Duration::from_secs(1)))
}

/// Why a hook produced no output.
#[derive(Debug)]
enum Failure {
    BadInput {
        event: HookEvent,
        ty: &'static str,
        error: String,
    },
    Error(String),
    Panic(String),
    Timeout(Duration),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::BadInput { event, ty, error } => {
                write!(f, "could not decode its {event} input as `{ty}`: {error}")
            }
            Failure::Error(e) => write!(f, "failed: {e}"),
            Failure::Panic(message) => write!(f, "panicked: {message}"),
            Failure::Timeout(after) => write!(f, "timed out after {after:?}"),
        }
    }
}

async fn run<H: Hook>(
    hook: Arc<H>,
    input: Value,
    cx: HookContext,
    deadline: Duration,
) -> Result<HookOutput, Failure> {
    let typed: H::Input = serde_json::from_value(input).map_err(|e| Failure::BadInput {
        event: <H::Event as Event>::EVENT,
        ty: std::any::type_name::<H::Input>(),
        error: e.to_string(),
    })?;
    // The hook's own code, including the synchronous part of `call`, runs inside the guard.
    let guarded = AssertUnwindSafe(async move { hook.call(typed, cx).await.into_hook_result() })
        .catch_unwind();
    match tokio::time::timeout(deadline, guarded).await {
        Err(_) => Err(Failure::Timeout(deadline)),
        Ok(Err(panic)) => Err(Failure::Panic(panic_message(panic.as_ref()))),
        Ok(Ok(Err(error))) => Err(Failure::Error(error)),
        Ok(Ok(Ok(output))) => Ok(output),
    }
}

impl Settings {
    fn answer_failure(&self, failure: Failure) -> Result<Value, String> {
        let reason = format!("hook `{}` {failure}", self.name);
        match self.on_failure {
            FailurePolicy::Deny => {
                tracing::error!(%reason, "hook failed; failing closed");
                let output = if self.decides_permission {
                    HookOutput::deny(reason)
                } else {
                    HookOutput::stop(reason)
                };
                Ok(output.to_wire(&self.event))
            }
            FailurePolicy::Continue => {
                tracing::warn!(%reason, "hook failed; continuing without it");
                Ok(HookOutput::proceed().to_wire(&self.event))
            }
            FailurePolicy::Error => {
                tracing::error!(%reason, "hook failed; reporting an error to the CLI");
                Err(reason)
            }
        }
    }
}

/// A closure as a [`Hook`]; built by [`hook_fn`] and [`hook_fn_for`].
pub struct FnHook<E, I, F> {
    f: F,
    _types: PhantomData<fn() -> (E, I)>,
}

impl<E, I, F> fmt::Debug for FnHook<E, I, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FnHook")
            .field("input", &std::any::type_name::<I>())
            .finish()
    }
}

impl<E, I, F, Fut> Hook for FnHook<E, I, F>
where
    E: Event,
    I: EventInput<E>,
    F: Fn(I) -> Fut + Send + Sync + 'static,
    Fut: Future + Send + 'static,
    Fut::Output: IntoHookResult,
{
    type Event = E;
    type Input = I;
    type Output = Fut::Output;
    const NAME: &'static str = "closure";

    fn call(&self, input: I, _cx: HookContext) -> impl Future<Output = Fut::Output> + Send {
        (self.f)(input)
    }
}

/// A hook from an async closure; the event follows from the input type.
///
/// # Examples
///
/// ```
/// use claude_agent::hooks::{hook_fn, HookEvent, HookOutput, UserPromptSubmit};
///
/// let hook = hook_fn(|input: UserPromptSubmit| async move {
///     HookOutput::default().with_additional_context(format!("{} chars", input.prompt.len()))
/// })
/// .name("prompt_size");
/// assert_eq!(hook.event(), HookEvent::UserPromptSubmit);
/// ```
pub fn hook_fn<I, F, Fut>(f: F) -> HookAdapter<FnHook<I::Event, I, F>>
where
    I: InputEvent + EventInput<<I as InputEvent>::Event>,
    F: Fn(I) -> Fut + Send + Sync + 'static,
    Fut: Future + Send + 'static,
    Fut::Output: IntoHookResult,
{
    HookAdapter::new(FnHook {
        f,
        _types: PhantomData,
    })
}

/// A hook from an async closure for event `E`, taking any input the event accepts (including
/// [`HookInput`](super::HookInput) and [`serde_json::Value`]).
///
/// # Examples
///
/// ```
/// use claude_agent::hooks::{event, hook_fn_for, HookEvent, HookOutput};
/// use serde_json::Value;
///
/// let hook = hook_fn_for::<event::Stop, _, _, _>(|input: Value| async move {
///     let _ = input;
///     HookOutput::proceed()
/// });
/// assert_eq!(hook.event(), HookEvent::Stop);
/// ```
pub fn hook_fn_for<E, I, F, Fut>(f: F) -> HookAdapter<FnHook<E, I, F>>
where
    E: Event,
    I: EventInput<E>,
    F: Fn(I) -> Fut + Send + Sync + 'static,
    Fut: Future + Send + 'static,
    Fut::Output: IntoHookResult,
{
    HookAdapter::new(FnHook {
        f,
        _types: PhantomData,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;
