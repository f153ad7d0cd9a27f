//! Finding, starting and stopping the CLI process, and framing its output.
mod spawn;
pub use spawn::{ExitInfo, LocalSpawner, ProcessHandle, ShutdownSignal, SpawnCommand, SpawnedProcess, Spawner};
