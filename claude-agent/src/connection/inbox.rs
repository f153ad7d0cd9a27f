//! The hand-over of messages from the stdout reader to the one consumer: batched and bounded.
//!
//! The reader pushes every message it decoded from one read of the pipe as one batch (one lock,
//! at most one wake-up), and the consumer takes everything queued at once, so a fast stream costs
//! a wake-up per batch rather than per message. Memory is bounded by the size of the queued
//! messages' JSON: once it passes the limit the reader stops reading stdout until the consumer
//! catches up, and the CLI, its pipe full, waits too. The one exception keeps control calls from
//! deadlocking: while the SDK waits for an answer from the CLI (an `interrupt`, `set_model`, ...
//! issued while nobody reads the stream) the reader goes on reading, so the answer arrives; the
//! overshoot is what the CLI writes in that time.

use std::collections::VecDeque;
use std::sync::Mutex;

use tokio::sync::Notify;

use crate::protocol::Message;
use crate::{Error, Result};

/// Queued items and what they weigh.
#[derive(Debug, Default)]
struct State {
    items: VecDeque<Result<Message>>,
    bytes: usize,
    /// The reader is done: nothing more will be pushed.
    closed: bool,
    /// The consumer is gone: pushes are dropped and the reader never waits.
    detached: bool,
}

/// The queue between the reader and [`Connection::recv`](super::Connection::recv).
#[derive(Debug)]
pub(crate) struct Inbox {
    state: Mutex<State>,
    /// Items were pushed, or the inbox closed.
    pushed: Notify,
    /// The consumer took items, or went away.
    taken: Notify,
    limit: usize,
}

/// A batch the reader builds without holding the lock.
#[derive(Debug, Default)]
pub(crate) struct Batch {
    items: Vec<Result<Message>>,
    bytes: usize,
}

impl Batch {
    /// Adds a decoded message that weighs `bytes` (the length of its line).
    pub(crate) fn push(&mut self, item: Result<Message>, bytes: usize) {
        self.items.push(item);
        self.bytes += bytes;
    }

    /// The weight of what is in the batch.
    pub(crate) fn bytes(&self) -> usize {
        self.bytes
    }
}

impl Inbox {
    /// An inbox that holds about `limit` bytes of message JSON before the reader pauses.
    pub(crate) fn new(limit: usize) -> Self {
        Inbox {
            state: Mutex::default(),
            pushed: Notify::new(),
            taken: Notify::new(),
            limit,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        match self.state.lock() {
            Ok(state) => state,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    /// Queues `batch` (emptying it) and wakes the consumer.
    pub(crate) fn push(&self, batch: &mut Batch) {
        if batch.items.is_empty() {
            return;
        }
        {
            let mut state = self.lock();
            if state.detached {
                batch.items.clear();
            } else {
                state.items.extend(batch.items.drain(..));
                state.bytes += batch.bytes;
            }
        }
        batch.bytes = 0;
        self.pushed.notify_one();
    }

    /// Queues one item at once (errors and the final exit report).
    pub(crate) fn push_one(&self, item: Result<Message>, bytes: usize) {
        let mut batch = Batch::default();
        batch.push(item, bytes);
        self.push(&mut batch);
    }

    /// No more items will come; the consumer drains what is queued and then sees the end.
    pub(crate) fn close(&self) {
        self.lock().closed = true;
        self.pushed.notify_one();
    }

    /// The consumer is gone: drop what is queued and never make the reader wait again.
    pub(crate) fn detach(&self) {
        {
            let mut state = self.lock();
            state.detached = true;
            state.items.clear();
            state.bytes = 0;
        }
        self.taken.notify_one();
    }

    /// Waits while the queue is over its limit, unless `keep_reading` says the reader must go
    /// on (the SDK awaits a control answer). `keep_reading_changed` fires when that may change.
    pub(crate) async fn room(
        &self,
        keep_reading: impl Fn() -> bool,
        keep_reading_changed: &Notify,
    ) {
        loop {
            let taken = self.taken.notified();
            let changed = keep_reading_changed.notified();
            tokio::pin!(taken, changed);
            taken.as_mut().enable();
            changed.as_mut().enable();
            {
                let state = self.lock();
                if state.bytes <= self.limit || state.detached {
                    return;
                }
            }
            if keep_reading() {
                return;
            }
            tokio::select! {
                () = taken => {}
                () = changed => {}
            }
        }
    }

    /// Moves everything queued into `local` (which must be empty); `false` once the inbox is
    /// closed and empty. Waits while it is open and empty.
    pub(crate) async fn take_into(&self, local: &mut VecDeque<Result<Message>>) -> bool {
        loop {
            let pushed = self.pushed.notified();
            tokio::pin!(pushed);
            pushed.as_mut().enable();
            {
                let mut state = self.lock();
                if !state.items.is_empty() {
                    std::mem::swap(&mut state.items, local);
                    state.bytes = 0;
                    drop(state);
                    self.taken.notify_one();
                    return true;
                }
                if state.closed {
                    return false;
                }
            }
            pushed.await;
        }
    }
}

/// The consumer's side: a local batch served without locking, refilled from the [`Inbox`].
#[derive(Debug)]
pub(crate) struct Receiver {
    inbox: std::sync::Arc<Inbox>,
    local: VecDeque<Result<Message>>,
}

impl Receiver {
    pub(crate) fn new(inbox: std::sync::Arc<Inbox>) -> Self {
        Receiver {
            inbox,
            local: VecDeque::new(),
        }
    }

    /// The next item, or `None` once the reader closed the inbox and everything was taken.
    /// Cancel safe: nothing is lost if the future is dropped.
    pub(crate) async fn recv(&mut self) -> Option<Result<Message>> {
        if let Some(item) = self.local.pop_front() {
            return Some(item);
        }
        if !self.inbox.take_into(&mut self.local).await {
            return None;
        }
        self.local.pop_front()
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.inbox.detach();
    }
}

/// An item for a line that was not a message: weighs what the error keeps.
pub(crate) fn error_weight(err: &Error) -> usize {
    match err {
        Error::JsonDecode { line, .. } => line.len(),
        _ => 64,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    fn item() -> Result<Message> {
        Err(Error::ConnectionClosed)
    }

    #[tokio::test]
    async fn batches_arrive_in_order_and_the_end_after_the_last() {
        let inbox = Arc::new(Inbox::new(1 << 20));
        let mut rx = Receiver::new(inbox.clone());
        let mut batch = Batch::default();
        for _ in 0..3 {
            batch.push(item(), 10);
        }
        inbox.push(&mut batch);
        inbox.push_one(Err(Error::Aborted), 1);
        inbox.close();
        let mut seen = Vec::new();
        while let Some(item) = rx.recv().await {
            seen.push(item.unwrap_err().to_string());
        }
        assert_eq!(seen.len(), 4);
        assert_eq!(seen[3], Error::Aborted.to_string());
    }

    #[tokio::test]
    async fn a_full_inbox_makes_the_reader_wait_until_the_consumer_takes() {
        let inbox = Arc::new(Inbox::new(100));
        let mut rx = Receiver::new(inbox.clone());
        inbox.push_one(item(), 500);
        let never = Notify::new();
        let waited = tokio::time::timeout(Duration::from_millis(50), inbox.room(|| false, &never));
        assert!(waited.await.is_err(), "over the limit: the reader waits");
        let reader = {
            let inbox = inbox.clone();
            tokio::spawn(async move {
                let never = Notify::new();
                inbox.room(|| false, &never).await;
            })
        };
        assert!(rx.recv().await.is_some());
        tokio::time::timeout(Duration::from_secs(5), reader)
            .await
            .expect("taking makes room")
            .unwrap();
    }

    #[tokio::test]
    async fn a_pending_control_call_lets_the_reader_go_on() {
        let inbox = Arc::new(Inbox::new(100));
        let _rx = Receiver::new(inbox.clone());
        inbox.push_one(item(), 500);
        let awaiting = Arc::new(AtomicBool::new(false));
        let changed = Arc::new(Notify::new());
        let reader = {
            let (inbox, awaiting, changed) = (inbox.clone(), awaiting.clone(), changed.clone());
            tokio::spawn(async move {
                inbox
                    .room(|| awaiting.load(Ordering::SeqCst), &changed)
                    .await;
            })
        };
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!reader.is_finished());
        awaiting.store(true, Ordering::SeqCst);
        changed.notify_waiters();
        tokio::time::timeout(Duration::from_secs(5), reader)
            .await
            .expect("a control call unblocks the reader")
            .unwrap();
    }

    #[tokio::test]
    async fn a_dropped_consumer_never_blocks_the_reader() {
        let inbox = Arc::new(Inbox::new(100));
        let rx = Receiver::new(inbox.clone());
        inbox.push_one(item(), 500);
        drop(rx);
        let never = Notify::new();
        tokio::time::timeout(Duration::from_secs(5), inbox.room(|| false, &never))
            .await
            .expect("detached: no wait");
        inbox.push_one(item(), 500);
        assert_eq!(
            inbox.lock().items.len(),
            0,
            "pushes after detach are dropped"
        );
    }
}
