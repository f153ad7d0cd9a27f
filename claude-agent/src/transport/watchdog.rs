//! The parent-death watchdog: if this process dies without shutting the CLI down (SIGKILL, a
//! crash, `abort()`), the CLI and everything it started are killed within milliseconds instead
//! of working on, and paying for, the rest of the turn.
//!
//! On Unix, next to each CLI the local spawner starts `/bin/sh` as a member of the CLI's process
//! group, reading its stdin from a pipe whose write end only this process holds (the standard
//! library opens it close-on-exec, so no other child inherits it). The shell waits on `read`;
//! when this process exits, however it exits, the kernel closes the write end, `read` sees
//! end-of-file, and the shell kills its own process group: the CLI, its MCP servers and Bash
//! commands, and itself. No `unsafe` is needed (a parent-death signal would need `pre_exec`).
//! The shell ignores SIGINT, SIGTERM and SIGHUP so that signals aimed at the CLI's group do not
//! remove it early; the runtime's own shutdown ends it with the group's final SIGKILL, and
//! dropping the [`Watchdog`] closes the pipe, which ends it too.
//!
//! Limits: a process that `fork`s without `exec` keeps a copy of the write end, so the watchdog
//! waits for that copy too; a process that leaves the group with `setsid`/`setpgid` (a daemon) is
//! not followed. On other platforms there is no watchdog: the CLI outlives a killed parent until
//! it finishes its turn and notices its stdin closed.

/// The running watchdog of one CLI process group; dropping it kills the group.
#[derive(Debug)]
pub(crate) struct Watchdog {
    /// The write end of the shell's stdin: its closing is the signal.
    #[cfg(unix)]
    pipe: Option<tokio::process::ChildStdin>,
    #[cfg(unix)]
    child: tokio::process::Child,
}

#[cfg(unix)]
impl Drop for Watchdog {
    /// Closes the pipe (the shell kills the group, itself included) and reaps the shell. By now
    /// the runtime has usually killed the group already; tokio would reap the shell only at the
    /// next SIGCHLD, so it is reaped here, waiting a few milliseconds at most.
    fn drop(&mut self) {
        drop(self.pipe.take());
        for _ in 0..20 {
            if !matches!(self.child.try_wait(), Ok(None)) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        let _ = self.child.start_kill();
        let _ = self.child.try_wait();
    }
}

/// The watchdog's script: wait for end-of-file on stdin, then kill the own process group.
#[cfg(unix)]
const SCRIPT: &str = "trap '' INT TERM HUP; read _; kill -KILL 0";

impl Watchdog {
    /// Starts a watchdog in the process group `group`; `None` (logged) where that fails or the
    /// platform has none. The session works either way.
    pub(crate) fn start(group: Option<u32>) -> Option<Watchdog> {
        #[cfg(unix)]
        {
            let group = i32::try_from(group?).ok()?;
            let mut command = tokio::process::Command::new("/bin/sh");
            command
                .args(["-c", SCRIPT])
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .process_group(group)
                .kill_on_drop(false);
            match command.spawn() {
                Ok(mut child) => {
                    let pipe = child.stdin.take()?;
                    Some(Watchdog {
                        pipe: Some(pipe),
                        child,
                    })
                }
                Err(err) => {
                    tracing::warn!(
                        "no parent-death watchdog for the CLI (it may outlive a killed SDK \
                         process): {err}"
                    );
                    None
                }
            }
        }
        #[cfg(not(unix))]
        {
            let _ = group;
            None
        }
    }

    /// The watchdog's own pid.
    #[cfg(test)]
    pub(crate) fn pid(&self) -> Option<u32> {
        self.child.id()
    }
}

#[cfg(all(test, target_os = "linux"))]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use std::time::Duration;

    use super::Watchdog;

    fn alive(pid: u32) -> bool {
        // A zombie has already exited: only a live process counts.
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .is_ok_and(|stat| !stat.rsplit(") ").next().unwrap_or("").starts_with('Z'))
    }

    #[tokio::test]
    async fn closing_the_pipe_kills_the_whole_group() {
        let mut sleeper = tokio::process::Command::new("sleep")
            .arg("30")
            .process_group(0)
            .spawn()
            .unwrap();
        let pid = sleeper.id().unwrap();
        let watchdog = Watchdog::start(Some(pid)).expect("a watchdog on Linux");
        let own = watchdog.pid().unwrap();
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert!(alive(pid) && alive(own), "both run while the pipe is open");
        let dropped = std::time::Instant::now();
        drop(watchdog);
        let status = tokio::time::timeout(Duration::from_secs(2), sleeper.wait())
            .await
            .expect("the group was killed")
            .unwrap();
        assert!(!status.success());
        assert!(dropped.elapsed() < Duration::from_secs(1));
        for _ in 0..100 {
            if !alive(own) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("the watchdog outlived its group");
    }
}
