//! Starting the CLI process: the [`Spawner`] extension point and the local default.
//!
//! The default spawner starts the CLI directly (never through a shell) in a new process group, so
//! that shutdown can signal the CLI and every process it started (MCP servers, Bash commands),
//! with a [watchdog](super::watchdog) in that group that kills it if this process dies without
//! shutting the CLI down.
//! A custom [`Spawner`] runs the CLI elsewhere (container, VM, ssh) by handing back its pipes and a
//! [`ProcessHandle`].

use std::ffi::OsString;
use std::fmt;
use std::io;
use std::path::PathBuf;
use std::process::Stdio;

use futures::future::BoxFuture;
use tokio::io::{AsyncRead, AsyncWrite};

/// Everything needed to start the CLI: program, arguments, environment and working directory.
/// `Debug` shows the environment's names, never its values (credentials travel there).
#[derive(Clone)]
#[non_exhaustive]
pub struct SpawnCommand {
    /// The CLI executable.
    pub program: PathBuf,
    /// The arguments (never interpreted by a shell).
    pub args: Vec<OsString>,
    /// Start from an empty environment instead of inheriting this process's.
    pub clear_env: bool,
    /// Variables to set (`Some`) or remove (`None`), applied in order.
    pub env: Vec<(OsString, Option<OsString>)>,
    /// The working directory.
    pub cwd: Option<PathBuf>,
    /// Run as this OS user and group (uid, gid) instead of this process's.
    pub user: Option<(u32, u32)>,
}

impl fmt::Debug for SpawnCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Mark(bool);
        impl fmt::Debug for Mark {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(if self.0 { "<set>" } else { "<removed>" })
            }
        }
        struct Names<'a>(&'a [(OsString, Option<OsString>)]);
        impl fmt::Debug for Names<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_map()
                    .entries(self.0.iter().map(|(k, v)| (k, Mark(v.is_some()))))
                    .finish()
            }
        }
        f.debug_struct("SpawnCommand")
            .field("program", &self.program)
            .field("args", &self.args)
            .field("clear_env", &self.clear_env)
            .field("env", &Names(&self.env))
            .field("cwd", &self.cwd)
            .field("user", &self.user)
            .finish()
    }
}

/// The uid and primary gid of `user` (a name or a numeric uid).
pub(crate) fn resolve_user(user: &str) -> crate::Result<(u32, u32)> {
    use nix::unistd::{Uid, User};
    let found = match user.parse::<u32>() {
        Ok(uid) => User::from_uid(Uid::from_raw(uid)),
        Err(_) => User::from_name(user),
    };
    match found {
        Ok(Some(entry)) => Ok((entry.uid.as_raw(), entry.gid.as_raw())),
        Ok(None) => Err(crate::Error::invalid_option(
            "user",
            format!("no OS user `{user}`"),
        )),
        Err(err) => Err(crate::Error::invalid_option(
            "user",
            format!("looking up OS user `{user}` failed: {err}"),
        )),
    }
}

/// A started CLI process: its three pipes and a handle to signal and reap it.
#[non_exhaustive]
pub struct SpawnedProcess {
    /// The CLI's stdin.
    pub stdin: Box<dyn AsyncWrite + Send + Unpin>,
    /// The CLI's stdout.
    pub stdout: Box<dyn AsyncRead + Send + Unpin>,
    /// The CLI's stderr (drained and kept as a tail for error messages).
    pub stderr: Option<Box<dyn AsyncRead + Send + Unpin>>,
    /// Signals and reaps the process.
    pub handle: Box<dyn ProcessHandle>,
}

impl SpawnedProcess {
    /// Bundles pipes and handle.
    pub fn new(
        stdin: impl AsyncWrite + Send + Unpin + 'static,
        stdout: impl AsyncRead + Send + Unpin + 'static,
        stderr: Option<Box<dyn AsyncRead + Send + Unpin>>,
        handle: impl ProcessHandle,
    ) -> Self {
        SpawnedProcess {
            stdin: Box::new(stdin),
            stdout: Box::new(stdout),
            stderr,
            handle: Box::new(handle),
        }
    }
}

impl fmt::Debug for SpawnedProcess {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SpawnedProcess")
            .field("pid", &self.handle.id())
            .finish_non_exhaustive()
    }
}

/// A signal the runtime sends during shutdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ShutdownSignal {
    /// Ask politely (SIGTERM).
    Terminate,
    /// Force (SIGKILL).
    Kill,
}

/// How a process ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExitInfo {
    /// The exit code, `None` when ended by a signal.
    pub code: Option<i32>,
}

impl ExitInfo {
    /// An exit with `code` (`None`: ended by a signal).
    pub fn new(code: Option<i32>) -> Self {
        ExitInfo { code }
    }

    /// Whether the process exited with code 0.
    pub fn success(&self) -> bool {
        self.code == Some(0)
    }
}

/// Signals and reaps a spawned CLI process.
pub trait ProcessHandle: Send + Sync + 'static {
    /// The process id, where there is one.
    fn id(&self) -> Option<u32>;
    /// Sends a shutdown signal to the process (and, for the local spawner, its process group).
    fn signal(&mut self, signal: ShutdownSignal) -> io::Result<()>;
    /// Waits for the process to end.
    fn wait(&mut self) -> BoxFuture<'_, io::Result<ExitInfo>>;
    /// Returns the exit status if the process has ended, without waiting.
    fn try_wait(&mut self) -> io::Result<Option<ExitInfo>>;
}

/// Starts the CLI process. Implement this to run the CLI somewhere else.
///
/// # Examples
///
/// ```
/// use claude_agent::transport::{LocalSpawner, SpawnCommand, SpawnedProcess, Spawner};
///
/// /// Logs each launch, then starts the CLI locally.
/// #[derive(Debug)]
/// struct Logged;
/// impl Spawner for Logged {
///     fn spawn(&self, command: SpawnCommand) -> std::io::Result<SpawnedProcess> {
///         eprintln!("starting {}", command.program.display());
///         LocalSpawner.spawn(command)
///     }
/// }
/// ```
pub trait Spawner: Send + Sync + fmt::Debug + 'static {
    /// Starts the process described by `command`.
    fn spawn(&self, command: SpawnCommand) -> io::Result<SpawnedProcess>;
}

/// The default [`Spawner`]: a local child process in its own process group.
///
/// On Unix a small watchdog shell joins that group and kills it when this process dies without
/// shutting the CLI down (even by SIGKILL), so a killed program does not leave the CLI running
/// its turn; on other platforms the CLI then runs until its turn ends and it sees stdin closed.
#[derive(Debug, Clone, Copy, Default)]
pub struct LocalSpawner;

impl Spawner for LocalSpawner {
    fn spawn(&self, command: SpawnCommand) -> io::Result<SpawnedProcess> {
        let mut cmd = tokio::process::Command::new(&command.program);
        cmd.args(&command.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            // Our shutdown owns the process; this only backs it up if a handle is leaked.
            .kill_on_drop(true);
        #[cfg(unix)]
        cmd.process_group(0);
        if command.clear_env {
            cmd.env_clear();
        }
        for (key, value) in &command.env {
            match value {
                Some(value) => cmd.env(key, value),
                None => cmd.env_remove(key),
            };
        }
        if let Some((uid, gid)) = command.user {
            cmd.uid(uid);
            cmd.gid(gid);
        }
        if let Some(cwd) = &command.cwd {
            cmd.current_dir(cwd);
        }
        let mut child = cmd.spawn()?;
        let missing = || io::Error::other("child pipe missing");
        let stdin = child.stdin.take().ok_or_else(missing)?;
        let stdout = child.stdout.take().ok_or_else(missing)?;
        let stderr = child
            .stderr
            .take()
            .map(|s| Box::new(s) as Box<dyn AsyncRead + Send + Unpin>);
        let pid = child.id();
        let watchdog = super::watchdog::Watchdog::start(pid);
        Ok(SpawnedProcess::new(
            stdin,
            stdout,
            stderr,
            LocalProcess {
                child,
                pid,
                exited: None,
                _watchdog: watchdog,
            },
        ))
    }
}

/// A local child process led by its own process group.
struct LocalProcess {
    child: tokio::process::Child,
    pid: Option<u32>,
    exited: Option<ExitInfo>,
    /// Kills the group if this process dies; dropping it (with the handle) kills it too.
    _watchdog: Option<super::watchdog::Watchdog>,
}

impl LocalProcess {
    fn record(&mut self, status: std::process::ExitStatus) -> ExitInfo {
        let info = ExitInfo::new(status.code());
        self.exited = Some(info);
        info
    }
}

impl ProcessHandle for LocalProcess {
    fn id(&self) -> Option<u32> {
        self.pid
    }

    fn signal(&mut self, signal: ShutdownSignal) -> io::Result<()> {
        #[cfg(unix)]
        {
            use nix::sys::signal::{Signal, killpg};
            use nix::unistd::Pid;
            let Some(pid) = self.pid.and_then(|p| i32::try_from(p).ok()) else {
                return Ok(());
            };
            let sig = match signal {
                ShutdownSignal::Terminate => Signal::SIGTERM,
                ShutdownSignal::Kill => Signal::SIGKILL,
            };
            // The group outlives its leader when grandchildren (MCP servers) are still running,
            // so signal it even after the CLI itself has exited; ESRCH means nobody is left.
            match killpg(Pid::from_raw(pid), sig) {
                Ok(()) | Err(nix::errno::Errno::ESRCH) => Ok(()),
                Err(err) => Err(io::Error::from(err)),
            }
        }
        #[cfg(not(unix))]
        {
            let _ = signal;
            self.child.start_kill()
        }
    }

    fn wait(&mut self) -> BoxFuture<'_, io::Result<ExitInfo>> {
        Box::pin(async move {
            if let Some(info) = self.exited {
                return Ok(info);
            }
            let status = self.child.wait().await?;
            Ok(self.record(status))
        })
    }

    fn try_wait(&mut self) -> io::Result<Option<ExitInfo>> {
        if let Some(info) = self.exited {
            return Ok(Some(info));
        }
        Ok(self.child.try_wait()?.map(|status| self.record(status)))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use tokio::io::AsyncReadExt;

    use super::*;

    #[tokio::test]
    async fn the_user_option_runs_the_process_as_that_user() {
        let (uid, gid) = resolve_user("nobody").unwrap();
        assert_eq!(resolve_user(&uid.to_string()).unwrap(), (uid, gid));
        assert!(resolve_user("no-such-user-here").is_err());
        let command = SpawnCommand {
            program: "id".into(),
            args: vec!["-u".into()],
            clear_env: false,
            env: Vec::new(),
            cwd: Some("/".into()),
            user: Some((uid, gid)),
        };
        let spawned = LocalSpawner.spawn(command);
        if nix::unistd::geteuid().is_root() {
            let mut spawned = spawned.unwrap();
            let mut out = String::new();
            spawned.stdout.read_to_string(&mut out).await.unwrap();
            assert_eq!(out.trim(), uid.to_string());
            assert!(spawned.handle.wait().await.unwrap().success());
        } else {
            // Without the privilege to switch users the start fails; it never runs as us.
            assert!(spawned.is_err());
        }
    }
}
