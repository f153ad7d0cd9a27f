//! Composition and routing: one running CLI process wired to the tasks that serve it (the stdin
//! [`Writer`], the stdout reader, the stderr drain and the supervisor, all from
//! [`transport`](crate::transport)). [`Query`](crate::Query) and [`Client`](crate::Client)
//! own a [`Connection`] (its message stream and the process's lifetime); every
//! [`SessionHandle`](crate::SessionHandle) shares its [`Shared`] state.

mod inbox;
mod mirror;
mod reader;
mod shared;

#[cfg(test)]
mod tests;

use std::sync::{Arc, Mutex, OnceLock};

use tokio_util::sync::CancellationToken;
use tracing::Instrument;

use crate::control::{Dispatcher, Handlers, Pending};
use crate::options::{LaunchPlan, Options};
use crate::protocol::{ControlRequest, InitializeResponse, Message};
use crate::transport::{self, LocalSpawner, Spawner, StderrTail, Writer};
use crate::{Error, Result};

pub(crate) use shared::Shared;

/// A running CLI. Dropping it shuts the process down in the background.
#[derive(Debug)]
pub(crate) struct Connection {
    shared: Arc<Shared>,
    messages: inbox::Receiver,
    /// The reader was told the session was aborted; the stream is over.
    abort_reported: bool,
}

impl Drop for Connection {
    /// An idle session gets the graceful shutdown (stdin closes, the CLI exits on its own). The
    /// CLI ignores stdin closing while a turn runs, and would work on (and bill) the turn for
    /// nothing: mid-turn it is terminated at once.
    fn drop(&mut self) {
        if !self.shared.turns_complete() {
            self.shared.stop_now.cancel();
        }
        self.shared.stop.cancel();
    }
}

impl Connection {
    /// Finds and spawns the CLI, starts the tasks, and completes the `initialize` handshake.
    /// Cancelling `abort` ends the attempt (and later the session) with [`Error::Aborted`].
    pub(crate) async fn connect(options: &Options, abort: CancellationToken) -> Result<Connection> {
        let span = tracing::info_span!("claude_agent.session", pid = tracing::field::Empty);
        let connect = Self::connect_inner(options, abort.clone(), span.clone()).instrument(span);
        tokio::select! {
            biased;
            () = abort.cancelled() => Err(Error::Aborted),
            connection = connect => connection,
        }
    }

    async fn connect_inner(
        options: &Options,
        abort: CancellationToken,
        span: tracing::Span,
    ) -> Result<Connection> {
        let mut plan: LaunchPlan = options.launch_plan()?;
        options.warn_about_options();
        if let Some(cwd) = &plan.process.cwd
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
                    plan.process.cwd.as_deref(),
                    options.install_cli(),
                    &plan.process.env,
                )
                .await?
            }
        };
        // The version is checked without a `--version` child on the critical path: it is known
        // from an earlier session (memory or disk, by path, size and mtime), or the CLI reports it
        // in its `initialize` answer (2.1.330+); otherwise a probe runs beside the start-up.
        let check_version = custom.is_none() && !options.skip_version_check();
        let mut version_probe = None;
        if check_version {
            if options.plan_depends_on_version() {
                // Newer CLIs read MCP servers, plugins and managed settings from `initialize`,
                // so the arguments depend on the version.
                let version = transport::probe::probe(&program, &plan.process.env).await?;
                plan = options.launch_plan_for(Some(&version))?;
            } else if transport::probe::cached(&program).is_none() {
                let (program, env) = (program.clone(), plan.process.env.clone());
                version_probe = Some(tokio::spawn(async move {
                    transport::probe::probe(&program, &env).await
                }));
            }
        }
        if let (Some(store), Some(session_id)) = (&plan.session_store, &plan.restore) {
            mirror::restore_for_resume(
                store.as_ref(),
                session_id,
                &plan.process.env,
                plan.process.cwd.as_deref(),
                plan.store_project.as_deref(),
                plan.store_load_timeout,
            )
            .await?;
        }
        let command = plan.process.command(program.clone())?;
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
        let stop_now = CancellationToken::new();
        let grace = options.shutdown_timeout();
        let tokens = transport::StopTokens {
            stop: stop.clone(),
            now: stop_now.clone(),
            abort: abort.clone(),
        };
        let exit = transport::supervise(spawned.handle, writer.clone(), tokens, grace);
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
            elicitation: plan.elicitation,
            user_dialog: plan.user_dialog,
        });
        let shared = Arc::new(Shared {
            dispatcher: Dispatcher::new(handlers, writer.clone()),
            writer,
            pending: Pending::new(),
            stop,
            stop_now,
            abort,
            exit,
            stderr,
            control_timeout: options.control_timeout(),
            grace,
            pid,
            initialize_request: plan.initialize.clone(),
            init: OnceLock::new(),
            state: Mutex::default(),
            input_closed: Default::default(),
            input_done: Default::default(),
            verbatim_prompts: plan.verbatim_prompts,
        });
        let inbox = Arc::new(inbox::Inbox::new(options.message_buffer_bytes()));
        let messages = inbox::Receiver::new(inbox.clone());
        let mirroring = plan
            .session_store
            .clone()
            .map(|store| mirror::Mirroring::start(store, plan.store_project.as_deref()));
        let read = reader::run(
            spawned.stdout,
            shared.clone(),
            inbox,
            options.max_line_bytes(),
            mirroring,
        );
        tokio::spawn(read.in_current_span());

        let connection = Connection {
            shared,
            messages,
            abort_reported: false,
        };
        let request = ControlRequest::Initialize(plan.initialize);
        let answered = connection
            .shared
            .request_with(&request, options.initialize_timeout())
            .await;
        let raw = match answered {
            Ok(raw) => raw,
            Err(err) => {
                // A CLI too old to speak the protocol is reported as such, not as what failed.
                if let Some(probe) = version_probe
                    && let Ok(Err(too_old @ Error::UnsupportedCliVersion { .. })) = probe.await
                {
                    return Err(too_old);
                }
                return Err(err);
            }
        };
        let init = InitializeResponse::from_value(raw);
        match (&init.claude_code_version, version_probe) {
            (Some(reported), _) => {
                let version = transport::version::ensure_supported(reported, &program)?;
                if check_version {
                    transport::probe::remember(&program, version);
                }
            }
            (None, Some(probe)) => {
                probe.await.map_err(|err| Error::Spawn {
                    path: program.clone(),
                    source: std::io::Error::other(err),
                })??;
            }
            _ => {}
        }
        let _ = connection.shared.init.set(Arc::new(init));
        Ok(connection)
    }

    /// The state every handle of this session shares.
    pub(crate) fn shared(&self) -> &Arc<Shared> {
        &self.shared
    }

    /// Receives the next message: `None` once the CLI has exited and everything was delivered,
    /// or after [`Error::Aborted`] was returned once.
    pub(crate) async fn recv(&mut self) -> Option<Result<Message>> {
        if self.abort_reported {
            return None;
        }
        tokio::select! {
            biased;
            () = self.shared.abort.cancelled() => {
                self.abort_reported = true;
                Some(Err(Error::Aborted))
            }
            message = self.messages.recv() => message,
        }
    }
}
