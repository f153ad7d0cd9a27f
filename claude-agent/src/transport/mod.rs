//! The process and its pipes: finding and starting the CLI, framing its stdout (`LineReader`)
//! and its stdin (`Writer`), draining stderr, and the supervisor that reaps it and runs the
//! shutdown sequence.

mod discover;
mod lines;
pub(crate) mod probe;
mod spawn;
mod stderr;
mod supervisor;
pub(crate) mod version;
mod watchdog;
mod writer;

pub use discover::{CLI_PATH_ENV, find_cli};
#[cfg(feature = "testing")]
pub(crate) use discover::{Scope, find_cli_in};
pub(crate) use lines::LineReader;
pub(crate) use spawn::resolve_user;
pub use spawn::{
    ExitInfo, LocalSpawner, ProcessHandle, ShutdownSignal, SpawnCommand, SpawnedProcess, Spawner,
};
pub(crate) use stderr::{StderrTail, drain as drain_stderr};
pub(crate) use supervisor::{StopTokens, supervise};
pub use version::{CliVersion, ParseVersionError};
pub(crate) use writer::Writer;
