//! One running CLI process and the tasks that serve it: the stdin writer, the stdout reader, the
//! stderr drain and the process supervisor. [`Query`](crate::Query) and [`Client`](crate::Client)
//! are thin layers over a [`Connection`].

mod process;
mod reader;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use tokio::sync::{mpsc, watch};
use tokio_util::sync::CancellationToken;
use tracing::Instrument;

use crate::control::{Dispatcher, Handlers, Pending, Writer};
use crate::options::{LaunchPlan, Options};
use crate::protocol::{InitializeResponse, Message, UserInput};
use crate::transport::{self, ExitInfo, LocalSpawner, SpawnCommand, Spawner, StderrTail};
use crate::{Error, Result};

/// What the tasks share.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) writer: Writer,
    pub(crate) pending: Pending,
    pub(crate) dispatcher: Dispatcher,
    stop: CancellationToken,
    exit: watch::Receiver<Option<ExitInfo>>,
    stderr: StderrTail,
    control_timeout: Duration,
    grace: Duration,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    session_id: Option<String>,
    prompts_sent: u64,
    results: u64,
    last_result_error: bool,
}

impl Shared {
    /// Bookkeeping on every message the reader forwards.
    fn observe(&self, message: &Message) {
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        if let Some(id) = message.session_id()
            && state.session_id.as_deref() != Some(id)
        {
            state.session_id = Some(id.to_owned());
        }
        if let Message::Result(result) = message {
            state.results += 1;
            state.last_result_error = result.is_error;
        }
    }

    /// Whether every prompt sent so far has its result.
    fn turns_complete(&self) -> bool {
        self.state
            .lock()
            .map(|s| s.results >= s.prompts_sent)
            .unwrap_or(true)
    }

    /// Writes a user message, counting the turns it asks for; `false` if stdin is closed.
    fn send_input(&self, input: &UserInput) -> bool {
        if input.expects_turn()
            && let Ok(mut state) = self.state.lock()
        {
            state.prompts_sent += 1;
        }
        self.writer.send(input.to_line()).is_ok()
    }

    /// The error to report once stdout has closed, if the exit was not a normal one.
    async fn exit_error(&self) -> Option<Error> {
        let info = self.wait_exit().await;
        if self.stop.is_cancelled() {
            return None; // we asked it to stop
        }
        let (turn_open, last_error) = self
            .state
            .lock()
            .map(|s| (s.prompts_sent > s.results, s.last_result_error))
            .unwrap_or((false, false));
        let expected = match info.code {
            Some(0) => !turn_open,
            // The CLI exits 1 after stdin closes when the last result was an error.
            Some(1) => !turn_open && last_error,
            _ => false,
        };
        (!expected).then(|| Error::ProcessExited {
            code: info.code,
            stderr_tail: self.stderr.text(),
        })
    }

    /// Waits for the exit status; if the process lingers after closing stdout, stops it.
    async fn wait_exit(&self) -> ExitInfo {
        let mut exit = self.exit.clone();
        let timed_out = tokio::time::timeout(self.grace, exit.wait_for(Option::is_some))
            .await
            .is_err();
        if timed_out {
            tracing::warn!("the CLI closed stdout but kept running; stopping it");
            self.stop.cancel();
        }
        let info = exit.wait_for(Option::is_some).await.ok().and_then(|v| *v);
        info.unwrap_or(ExitInfo::new(None))
    }

    /// The error for "the connection is gone", with the exit code and stderr when known.
    async fn closed_error(&self) -> Error {
        let mut exit = self.exit.clone();
        let known =
            tokio::time::timeout(Duration::from_secs(2), exit.wait_for(Option::is_some)).await;
        match known.ok().and_then(|r| r.ok().and_then(|v| *v)) {
            Some(info) if !self.stop.is_cancelled() => Error::ProcessExited {
                code: info.code,
                stderr_tail: self.stderr.text(),
            },
            _ => Error::ConnectionClosed,
        }
    }
}

/// A running CLI. Dropping it shuts the process down in the background.
#[derive(Debug)]
pub(crate) struct Connection {
    shared: Arc<Shared>,
    messages: mpsc::UnboundedReceiver<Result<Message>>,
    init: Arc<InitializeResponse>,
    pid: Option<u32>,
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.shared.stop.cancel();
    }
}

impl Connection {
    /// Finds and spawns the CLI, starts the tasks, and completes the `initialize` handshake.
    pub(crate) async fn connect(options: &Options) -> Result<Connection> {
        let span = tracing::info_span!("claude_agent.session", pid = tracing::field::Empty);
        Self::connect_inner(options, span.clone())
            .instrument(span)
            .await
    }

    async fn connect_inner(options: &Options, span: tracing::Span) -> Result<Connection> {
        let plan: LaunchPlan = options.launch_plan()?;
        if let Some(cwd) = &plan.cwd
            && !cwd.is_dir()
        {
            return Err(Error::invalid_option(
                "cwd",
                format!("{} is not a directory", cwd.display()),
            ));
        }
        let custom = options.spawner();
        let program = match &custom {
            Some(_) => options
                .cli_path()
                .map(Into::into)
                .unwrap_or_else(|| "claude".into()),
            None => {
                crate::cli::resolve(
                    options.cli_path(),
                    plan.cwd.as_deref(),
                    options.install_cli(),
                    &plan.env,
                )
                .await?
            }
        };
        if custom.is_none() && !options.skip_version_check() {
            transport::version::probe(&program, &plan.env).await?;
        }
        let command = SpawnCommand {
            program: program.clone(),
            args: plan.args.iter().map(Into::into).collect(),
            clear_env: plan.clear_env,
            env: plan
                .env
                .iter()
                .map(|(k, v)| (k.into(), v.as_ref().map(Into::into)))
                .collect(),
            cwd: plan.cwd.clone(),
        };
        let spawner: Arc<dyn Spawner> = custom.unwrap_or_else(|| Arc::new(LocalSpawner));
        let spawned = spawner.spawn(command).map_err(|source| Error::Spawn {
            path: program.clone(),
            source,
        })?;
        let pid = spawned.handle.id();
        span.record("pid", pid);
        tracing::debug!(program = %program.display(), "spawned the CLI");

        let writer = Writer::spawn(spawned.stdin);
        let stop = CancellationToken::new();
        let grace = options.shutdown_timeout();
        let exit = process::supervise(spawned.handle, writer.clone(), stop.clone(), grace);
        let stderr = StderrTail::default();
        if let Some(pipe) = spawned.stderr {
            let drain = transport::drain_stderr(pipe, stderr.clone(), options.stderr_callback());
            tokio::spawn(drain.in_current_span());
        }
        let handlers = Arc::new(Handlers {
            can_use_tool: plan.can_use_tool,
            hooks: plan.hook_callbacks,
            mcp_servers: plan
                .sdk_mcp_servers
                .into_iter()
                .collect::<std::collections::HashMap<_, _>>()
                .into(),
        });
        let shared = Arc::new(Shared {
            dispatcher: Dispatcher::new(handlers, writer.clone()),
            writer,
            pending: Pending::new(),
            stop,
            exit,
            stderr,
            control_timeout: options.control_timeout(),
            grace,
            state: Mutex::default(),
        });
        let (tx, messages) = mpsc::unbounded_channel();
        let read = reader::run(spawned.stdout, shared.clone(), tx, options.max_line_bytes());
        tokio::spawn(read.in_current_span());

        let mut connection = Connection {
            shared,
            messages,
            init: Arc::new(InitializeResponse::default()),
            pid,
        };
        let mut request = plan.initialize;
        request.insert("subtype".into(), "initialize".into());
        let raw = connection
            .request_with(Value::Object(request), options.initialize_timeout())
            .await?;
        let init = InitializeResponse::from_value(raw);
        if let Some(version) = &init.claude_code_version {
            transport::version::ensure_supported(version, &program)?;
        }
        connection.init = Arc::new(init);
        Ok(connection)
    }

    /// The CLI's answer to `initialize`.
    pub(crate) fn init(&self) -> &Arc<InitializeResponse> {
        &self.init
    }

    /// The CLI's process id, where known.
    pub(crate) fn pid(&self) -> Option<u32> {
        self.pid
    }

    /// The session id reported by the CLI so far.
    pub(crate) fn session_id(&self) -> Option<String> {
        self.shared
            .state
            .lock()
            .ok()
            .and_then(|s| s.session_id.clone())
    }

    /// Sends a control request with the configured timeout.
    pub(crate) async fn request(&self, request: Value) -> Result<Value> {
        self.request_with(request, self.shared.control_timeout)
            .await
    }

    async fn request_with(&self, request: Value, timeout: Duration) -> Result<Value> {
        let shared = &self.shared;
        match shared
            .pending
            .request(&shared.writer, request, timeout, || Error::ConnectionClosed)
            .await
        {
            Err(Error::ConnectionClosed) => Err(shared.closed_error().await),
            other => other,
        }
    }

    /// Writes one user message.
    pub(crate) async fn send(&self, input: &UserInput) -> Result<()> {
        if !self.shared.send_input(input) {
            return Err(self.shared.closed_error().await);
        }
        Ok(())
    }

    /// Closes stdin: the CLI finishes the current turn and exits.
    pub(crate) fn end_input(&self) {
        self.shared.writer.close();
    }

    /// Whether every prompt sent so far has its result.
    pub(crate) fn turns_complete(&self) -> bool {
        self.shared.turns_complete()
    }

    /// A handle for writing from another task (streamed prompts).
    pub(crate) fn input_handle(&self) -> InputHandle {
        InputHandle {
            shared: self.shared.clone(),
        }
    }

    /// Receives the next message (`None` once the CLI has exited and everything was delivered).
    pub(crate) async fn recv(&mut self) -> Option<Result<Message>> {
        self.messages.recv().await
    }

    /// Registers or removes an in-process MCP server while the session runs.
    pub(crate) fn handlers(&self) -> &Arc<Handlers> {
        self.shared.dispatcher.handlers()
    }

    /// Graceful shutdown: close stdin, wait, SIGTERM the process group, wait, SIGKILL, reap.
    pub(crate) async fn close(mut self) -> Result<()> {
        self.shared.stop.cancel();
        let mut exit = self.shared.exit.clone();
        let _ = exit.wait_for(Option::is_some).await;
        // Drain what is left so the reader task finishes too.
        while self.messages.recv().await.is_some() {}
        Ok(())
    }
}

/// Writes user messages from a task other than the connection's owner.
#[derive(Debug, Clone)]
pub(crate) struct InputHandle {
    shared: Arc<Shared>,
}

impl InputHandle {
    /// Writes one user message; `false` if stdin is closed.
    pub(crate) fn send(&self, input: &UserInput) -> bool {
        self.shared.send_input(input)
    }

    /// Whether every prompt sent so far has its result.
    pub(crate) fn turns_complete(&self) -> bool {
        self.shared.turns_complete()
    }

    /// Closes stdin.
    pub(crate) fn end_input(&self) {
        self.shared.writer.close();
    }
}

/// `{"subtype": name, ...fields}`.
pub(crate) fn control(subtype: &str, fields: Value) -> Value {
    let mut request = match fields {
        Value::Object(map) => map,
        _ => serde_json::Map::new(),
    };
    request.insert("subtype".into(), json!(subtype));
    Value::Object(request)
}
