//! The control protocol (stdin framing and the process itself live in
//! [`transport`](crate::transport)): correlating the SDK's own requests with the CLI's responses (timeouts,
//! cancellation), and dispatching the CLI's requests to hooks, permissions and MCP servers.

mod inbound;
mod pending;

#[cfg(test)]
mod tests;

pub(crate) use inbound::{Dispatcher, Handlers};
pub(crate) use pending::Pending;
