//! [`SessionHandle`]: the cheap, cloneable remote control of a running session.

use std::fmt;
use std::sync::Arc;

use futures::stream::{Stream, StreamExt};
use serde_json::{Map, Value};
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use crate::connection::Shared;
use crate::options::{PermissionMode, ThinkingDisplay};
use crate::protocol::{
    ContextUsage, ControlRequest, InitializeResponse, InterruptReceipt, ReloadOutputStylesResult,
    ReloadPluginsResult, ReloadSkillsResult, RewindFilesResult, UserInput,
};
use crate::{Error, Result};

/// Where a session is in its life, as seen by its handles.
#[derive(Debug, Clone)]
pub(crate) enum Phase {
    /// A [`Query`](crate::Query) that has not finished starting the CLI yet.
    Starting,
    /// The CLI is running (or has run) with this state.
    Running(Arc<Shared>),
    /// The session never started.
    Failed,
}

/// A cheap, cloneable, `Send + Sync` remote control of one session: interrupt it, change its
/// model or permission mode, queue the next prompt, manage MCP servers, or abort it, from any
/// task, while another task reads its messages.
///
/// Get one from [`Client::handle`](crate::Client::handle) or
/// [`Query::handle`](crate::Query::handle). A [`Client`](crate::Client) dereferences to its
/// handle, so every method here can also be called on the client itself.
///
/// A handle does not keep the session alive: when its [`Client`](crate::Client) or
/// [`Query`](crate::Query) is dropped or closed, the CLI stops and the handle's calls fail with
/// [`Error::ConnectionClosed`]. Calls on the handle of a [`Query`](crate::Query) that has not
/// started yet wait until it has (a query starts when it is first polled).
///
/// # Examples
///
/// Interrupt a turn from a timer task while it streams:
///
/// ```no_run
/// use std::time::Duration;
/// use claude_agent::{Client, Message, Options};
/// use futures::StreamExt;
///
/// # async fn run() -> claude_agent::Result<()> {
/// let client = Client::connect(Options::default()).await?;
/// client.send("Write a very long story.").await?;
/// let handle = client.handle();
/// tokio::spawn(async move {
///     tokio::time::sleep(Duration::from_secs(3)).await;
///     let _ = handle.interrupt().await;
/// });
/// let mut turn = client.receive_response();
/// while let Some(message) = turn.next().await {
///     if let Message::Result(result) = message? {
///         println!("ended: {:?}", result.subtype);
///     }
/// }
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct SessionHandle {
    phase: watch::Receiver<Phase>,
    abort: CancellationToken,
}

impl fmt::Debug for SessionHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SessionHandle")
            .field("pid", &self.pid())
            .field("aborted", &self.is_aborted())
            .finish()
    }
}

/// Which settings file [`SessionHandle::update_settings`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SettingsFile {
    /// `.claude/settings.local.json` of the project.
    Local,
    /// `~/.claude/settings.json`.
    User,
}

impl SessionHandle {
    /// A handle of a running session.
    pub(crate) fn running(shared: Arc<Shared>) -> SessionHandle {
        let abort = shared.abort.clone();
        let (_, phase) = watch::channel(Phase::Running(shared));
        SessionHandle { phase, abort }
    }

    /// A handle of a session still starting; the sender publishes how the start went.
    pub(crate) fn starting(abort: CancellationToken) -> (SessionHandle, watch::Sender<Phase>) {
        let (tx, phase) = watch::channel(Phase::Starting);
        (SessionHandle { phase, abort }, tx)
    }

    /// The session's state, once it runs.
    fn current(&self) -> Option<Arc<Shared>> {
        match &*self.phase.borrow() {
            Phase::Running(shared) => Some(shared.clone()),
            Phase::Starting | Phase::Failed => None,
        }
    }

    /// The session's state, waiting for a starting query.
    pub(super) async fn shared(&self) -> Result<Arc<Shared>> {
        if self.abort.is_cancelled() {
            return Err(Error::Aborted);
        }
        let mut phase = self.phase.clone();
        let ready = phase.wait_for(|p| !matches!(p, Phase::Starting));
        let phase = tokio::select! {
            phase = ready => phase.map(|p| p.clone()),
            () = self.abort.cancelled() => return Err(Error::Aborted),
        };
        match phase {
            Ok(Phase::Running(shared)) => Ok(shared),
            _ => Err(Error::ConnectionClosed),
        }
    }

    pub(super) async fn request(&self, request: ControlRequest) -> Result<Value> {
        self.shared().await?.request(&request).await
    }

    pub(super) async fn request_as<T: serde::de::DeserializeOwned>(
        &self,
        request: ControlRequest,
    ) -> Result<T> {
        let subtype = request.subtype().to_owned();
        decode(&subtype, self.request(request).await?)
    }

    /// The CLI's process id, once it runs.
    pub fn pid(&self) -> Option<u32> {
        self.current().and_then(|shared| shared.pid)
    }

    /// The session id the CLI reported, once a message carrying it has been received.
    pub fn session_id(&self) -> Option<String> {
        self.current().and_then(|shared| shared.session_id())
    }

    /// The CLI's answer to `initialize`, once the session runs.
    pub fn initialization_result(&self) -> Option<Arc<InitializeResponse>> {
        self.current().and_then(|shared| shared.init.get().cloned())
    }

    /// Ends the session now: the reader gets [`Error::Aborted`] once and its stream ends,
    /// pending and later calls fail with it, and the CLI is stopped (SIGTERM, then SIGKILL).
    pub fn abort(&self) {
        self.abort.cancel();
    }

    /// Whether the session was aborted.
    pub fn is_aborted(&self) -> bool {
        self.abort.is_cancelled()
    }

    /// Queues a prompt (text or a prepared [`UserInput`]). Sent while a turn runs, the CLI
    /// handles it when the turn ends (or sooner, per [`UserInput::priority`]); each prompt that
    /// asks for a turn gets its own `result`.
    ///
    /// A one-shot [`Query`](crate::Query) closes its input once every prompt has its result:
    /// after that this fails with [`Error::InputClosed`].
    pub async fn send(&self, prompt: impl Into<UserInput>) -> Result<()> {
        self.shared().await?.send(&prompt.into()).await
    }

    /// Sends every user message of `inputs`, in order.
    pub async fn send_stream(&self, inputs: impl Stream<Item = UserInput>) -> Result<()> {
        let shared = self.shared().await?;
        let mut inputs = std::pin::pin!(inputs);
        while let Some(input) = inputs.next().await {
            shared.send(&input).await?;
        }
        Ok(())
    }

    /// Aborts the running turn: it ends with an `error_during_execution` result and the
    /// session stays usable; prompts queued behind it still run (listed in the receipt's
    /// [`still_queued`](InterruptReceipt::still_queued) on newer CLIs: see
    /// [compatibility](crate::compatibility)). A no-op while idle.
    pub async fn interrupt(&self) -> Result<InterruptReceipt> {
        self.interrupt_with(false).await
    }

    /// Aborts the running turn and cancels every prompt queued behind it (a "stop everything"
    /// button). The receipt lists the cancelled prompts. CLIs without the
    /// `interrupt_cancel_queued_v1` capability treat this as a plain
    /// [`interrupt`](Self::interrupt) (see [compatibility](crate::compatibility)).
    pub async fn interrupt_and_cancel_queued(&self) -> Result<InterruptReceipt> {
        self.interrupt_with(true).await
    }

    async fn interrupt_with(&self, cancel_queued: bool) -> Result<InterruptReceipt> {
        let shared = self.shared().await?;
        let raw = shared
            .request(&ControlRequest::Interrupt { cancel_queued })
            .await?;
        let receipt: InterruptReceipt = decode("interrupt", raw)?;
        shared.cancelled(&receipt.cancelled);
        Ok(receipt)
    }

    /// Changes the permission mode for the rest of the session.
    pub async fn set_permission_mode(&self, mode: PermissionMode) -> Result<()> {
        self.request(ControlRequest::SetPermissionMode { mode })
            .await
            .map(drop)
    }

    /// Changes the model (`None` returns to the default).
    pub async fn set_model(&self, model: Option<&str>) -> Result<()> {
        let model = model.map(str::to_owned);
        self.request(ControlRequest::SetModel { model })
            .await
            .map(drop)
    }

    /// Changes the thinking budget (`None` removes the limit) and, on newer CLIs, how thinking
    /// is displayed. Prefer the `thinking` option for a whole session.
    pub async fn set_max_thinking_tokens(
        &self,
        tokens: Option<u32>,
        display: Option<ThinkingDisplay>,
    ) -> Result<()> {
        self.request(ControlRequest::SetMaxThinkingTokens {
            max_thinking_tokens: tokens,
            thinking_display: display,
        })
        .await
        .map(drop)
    }

    /// Restores files to their state at `user_message_id` (needs the `enable_file_checkpointing`
    /// option); `dry_run` only reports what would change.
    ///
    /// A rewind the CLI cannot do is an [`Error::Control`] on every CLI version; a dry run
    /// reports it in the result instead.
    pub async fn rewind_files(
        &self,
        user_message_id: &str,
        dry_run: bool,
    ) -> Result<RewindFilesResult> {
        let result: RewindFilesResult = self
            .request_as(ControlRequest::RewindFiles {
                user_message_id: user_message_id.to_owned(),
                dry_run,
            })
            .await?;
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
        let task_id = task_id.to_owned();
        self.request(ControlRequest::StopTask { task_id })
            .await
            .map(drop)
    }

    /// Moves running foreground work to the background: one tool call, or everything with
    /// `None`.
    pub async fn background_tasks(&self, tool_use_id: Option<&str>) -> Result<()> {
        let tool_use_id = tool_use_id.map(str::to_owned);
        self.request(ControlRequest::BackgroundTasks { tool_use_id })
            .await
            .map(drop)
    }

    /// How the context window is used.
    pub async fn get_context_usage(&self) -> Result<ContextUsage> {
        self.request_as(ControlRequest::GetContextUsage).await
    }

    /// Reloads plugins from disk and reports what the session offers now.
    pub async fn reload_plugins(&self) -> Result<ReloadPluginsResult> {
        self.request_as(ControlRequest::ReloadPlugins).await
    }

    /// Reloads skills from disk.
    pub async fn reload_skills(&self) -> Result<ReloadSkillsResult> {
        self.request_as(ControlRequest::ReloadSkills).await
    }

    /// Reloads output styles from disk (needs a newer CLI: see
    /// [compatibility](crate::compatibility)).
    pub async fn reload_output_styles(&self) -> Result<ReloadOutputStylesResult> {
        self.request_as(ControlRequest::ReloadOutputStyles).await
    }

    /// Merges `settings` (a partial `settings.json` object) into the session's flag-settings
    /// layer, as if passed with `--settings`: for example `{"model": "claude-haiku-4-5"}`
    /// changes the model of the next request.
    pub async fn apply_flag_settings(&self, settings: Map<String, Value>) -> Result<()> {
        self.request(ControlRequest::ApplyFlagSettings { settings })
            .await
            .map(drop)
    }

    /// Writes `settings` into a settings file (needs a newer CLI: see
    /// [compatibility](crate::compatibility)).
    /// The CLI accepts only
    /// string values of `outputStyle` for [`SettingsFile::Local`] and `effortLevel` for
    /// [`SettingsFile::User`], and only when that source is among the session's
    /// [`setting_sources`](crate::OptionsBuilder::setting_sources); anything else is an
    /// [`Error::Control`] naming the refused keys.
    pub async fn update_settings(
        &self,
        file: SettingsFile,
        settings: Map<String, Value>,
    ) -> Result<()> {
        let source = match file {
            SettingsFile::Local => "localSettings",
            SettingsFile::User => "userSettings",
        };
        self.request(ControlRequest::UpdateSettings {
            source: source.to_owned(),
            settings,
        })
        .await
        .map(drop)
    }

    /// Sends the session's `initialize` request again (hooks, in-process MCP servers, agents,
    /// system prompt, …: the callbacks stay registered) and returns the CLI's fresh answer.
    /// [`initialization_result`](Self::initialization_result) keeps the first answer.
    pub async fn reinitialize(&self) -> Result<InitializeResponse> {
        let shared = self.shared().await?;
        let request = ControlRequest::Initialize(shared.initialize_request.clone());
        Ok(InitializeResponse::from_value(
            shared.request(&request).await?,
        ))
    }

    /// Sends any control request and returns the raw response: the escape hatch for requests
    /// this SDK version does not wrap ([`ControlRequest::custom`]).
    ///
    /// # Examples
    ///
    /// ```no_run
    /// use claude_agent::protocol::ControlRequest;
    ///
    /// # async fn run(client: claude_agent::Client) -> claude_agent::Result<()> {
    /// let usage = client
    ///     .control_request(ControlRequest::custom("get_usage", serde_json::json!({})))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub async fn control_request(&self, request: ControlRequest) -> Result<Value> {
        self.request(request).await
    }
}

pub(super) fn decode<T: serde::de::DeserializeOwned>(what: &str, value: Value) -> Result<T> {
    serde_json::from_value(value)
        .map_err(|e| Error::Protocol(format!("unexpected `{what}` response: {e}")))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn assert_send_sync_clone<T: Send + Sync + Clone + 'static>() {}

    #[test]
    fn handles_are_send_sync_clone() {
        assert_send_sync_clone::<SessionHandle>();
    }

    #[tokio::test]
    async fn a_handle_of_a_query_that_never_started_reports_closed() {
        let (handle, phase) = SessionHandle::starting(CancellationToken::new());
        assert!(handle.pid().is_none());
        drop(phase);
        assert!(matches!(
            handle.set_model(None).await,
            Err(Error::ConnectionClosed)
        ));
    }

    #[tokio::test]
    async fn an_aborted_handle_fails_fast() {
        let (handle, _phase) = SessionHandle::starting(CancellationToken::new());
        let waiting = tokio::spawn({
            let handle = handle.clone();
            async move { handle.interrupt().await }
        });
        handle.abort();
        assert!(matches!(waiting.await, Ok(Err(Error::Aborted))));
        assert!(handle.is_aborted());
    }
}
