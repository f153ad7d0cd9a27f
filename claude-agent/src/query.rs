//! Stub.
use crate::{Message, Options, Result};
/// Stub.
#[derive(Debug)]
pub enum Prompt {
    /// Stub.
    Text(String),
}
/// Stub.
#[derive(Debug)]
pub struct Query {}
/// Stub.
pub fn query(_prompt: impl Into<String>, _options: Options) -> Query { Query {} }
impl futures::Stream for Query {
    type Item = Result<Message>;
    fn poll_next(self: std::pin::Pin<&mut Self>, _: &mut std::task::Context<'_>) -> std::task::Poll<Option<Self::Item>> { std::task::Poll::Ready(None) }
}
