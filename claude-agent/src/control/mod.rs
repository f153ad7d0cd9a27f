//! The control protocol: correlating the SDK's own requests with the CLI's responses (timeouts,
//! cancellation), and dispatching the CLI's requests to hooks, permissions and MCP servers.

mod inbound;
mod pending;
mod writer;

#[cfg(test)]
mod tests;

pub(crate) use inbound::{Dispatcher, Handlers};
pub(crate) use pending::Pending;
pub(crate) use writer::Writer;
