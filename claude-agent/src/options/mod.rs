//! Options (stub; being written).
/// Stub.
#[derive(Debug, Clone, Default)]
pub struct Options {}
/// Stub.
#[derive(Debug, Default)]
pub struct OptionsBuilder {}
/// Stub.
#[derive(Debug, Clone, Copy)]
pub enum PermissionMode {
    /// Stub.
    Default,
}
