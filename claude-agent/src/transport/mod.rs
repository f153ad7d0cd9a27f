//! Finding, starting and stopping the CLI process, and framing its output.

mod discover;
mod lines;
mod spawn;
mod stderr;
pub(crate) mod version;

pub use discover::{CLI_PATH_ENV, find_cli};
#[cfg(feature = "testing")]
pub(crate) use discover::{is_executable, node_modules_bins};
pub(crate) use lines::LineReader;
pub(crate) use spawn::resolve_user;
pub use spawn::{
    ExitInfo, LocalSpawner, ProcessHandle, ShutdownSignal, SpawnCommand, SpawnedProcess, Spawner,
};
pub(crate) use stderr::{StderrTail, drain as drain_stderr};
pub use version::{CliVersion, ParseVersionError};
