//! The script: rules tried in order, the sequential queue, the fallback.

use std::collections::VecDeque;

use super::matcher::Match;
use super::reply::Reply;
use super::request::RecordedRequest;

/// Replies of one rule.
#[derive(Debug, Clone)]
enum Replies {
    /// Answers every matching request.
    Always(Reply),
    /// Each matching request consumes the next one; the rule stops matching once empty.
    Sequence(VecDeque<Reply>),
}

#[derive(Debug, Clone)]
struct Rule {
    matcher: Match,
    replies: Replies,
}

/// The scripted answers of a server. Lives behind the server's lock.
#[derive(Debug, Clone, Default)]
pub(crate) struct Script {
    rules: Vec<Rule>,
    queue: VecDeque<Reply>,
    fallback: Option<Reply>,
}

/// The outcome of [`Script::pick`].
#[derive(Debug)]
pub(crate) struct Picked {
    pub(crate) reply: Reply,
    /// `false` when the fallback answered.
    pub(crate) matched: bool,
}

impl Script {
    pub(crate) fn push_rule(&mut self, matcher: Match, reply: Reply) {
        self.rules.push(Rule {
            matcher,
            replies: Replies::Always(reply),
        });
    }

    pub(crate) fn push_sequence_rule(
        &mut self,
        matcher: Match,
        replies: impl IntoIterator<Item = Reply>,
    ) {
        self.rules.push(Rule {
            matcher,
            replies: Replies::Sequence(replies.into_iter().collect()),
        });
    }

    pub(crate) fn push_then(&mut self, reply: Reply) {
        self.queue.push_back(reply);
    }

    pub(crate) fn set_fallback(&mut self, reply: Reply) {
        self.fallback = Some(reply);
    }

    /// How many one-shot replies (sequential queue and sequence rules) are still unused.
    pub(crate) fn remaining(&self) -> usize {
        let in_rules: usize = self
            .rules
            .iter()
            .map(|r| match &r.replies {
                Replies::Always(_) => 0,
                Replies::Sequence(q) => q.len(),
            })
            .sum();
        in_rules + self.queue.len()
    }

    /// Chooses the reply to `req`: the first rule that matches and still has a reply, else the
    /// next reply of the sequential queue, else the fallback.
    pub(crate) fn pick(&mut self, req: &RecordedRequest) -> Picked {
        if let Some(reply) = self.pick_rule(req) {
            return Picked {
                reply,
                matched: true,
            };
        }
        if let Some(reply) = self.queue.pop_front() {
            return Picked {
                reply,
                matched: true,
            };
        }
        let reply = self.fallback.clone().unwrap_or_else(|| {
            let n = req.number.unwrap_or_default();
            Reply::text(format!("[scripted model: no reply matched request #{n}]"))
        });
        Picked {
            reply,
            matched: false,
        }
    }

    /// The reply of the first rule that matches `req` and still has one.
    pub(crate) fn pick_rule(&mut self, req: &RecordedRequest) -> Option<Reply> {
        for rule in &mut self.rules {
            let available = match &rule.replies {
                Replies::Always(_) => true,
                Replies::Sequence(q) => !q.is_empty(),
            };
            if !available || !rule.matcher.matches(req) {
                continue;
            }
            let reply = match &mut rule.replies {
                Replies::Always(r) => Some(r.clone()),
                Replies::Sequence(q) => q.pop_front(),
            };
            if reply.is_some() {
                return reply;
            }
        }
        None
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use serde_json::json;

    fn req(n: usize, text: &str) -> RecordedRequest {
        RecordedRequest::messages_request(json!({
            "messages": [{"role": "user", "content": text}]
        }))
        .numbered(n)
    }

    #[test]
    fn queue_is_consumed_in_order_then_falls_back() {
        let mut s = Script::default();
        s.push_then(Reply::text("one"));
        s.push_then(Reply::text("two"));
        assert_eq!(s.remaining(), 2);
        let a = s.pick(&req(1, "x"));
        let b = s.pick(&req(2, "x"));
        let c = s.pick(&req(3, "x"));
        assert_eq!((a.reply, a.matched), (Reply::text("one"), true));
        assert_eq!((b.reply, b.matched), (Reply::text("two"), true));
        assert_eq!(
            c.reply,
            Reply::text("[scripted model: no reply matched request #3]")
        );
        assert!(!c.matched);
        assert_eq!(s.remaining(), 0);
    }

    #[test]
    fn rules_come_before_the_queue_and_repeat() {
        let mut s = Script::default();
        s.push_then(Reply::text("queued"));
        s.push_rule(
            Match::any().user_text_contains("review"),
            Reply::text("reviewed"),
        );
        assert_eq!(
            s.pick(&req(1, "please review")).reply,
            Reply::text("reviewed")
        );
        assert_eq!(
            s.pick(&req(2, "review again")).reply,
            Reply::text("reviewed")
        );
        assert_eq!(s.pick(&req(3, "other")).reply, Reply::text("queued"));
    }

    #[test]
    fn sequence_rules_run_out_and_fall_through() {
        let mut s = Script::default();
        s.push_sequence_rule(
            Match::any().user_text_contains("sub"),
            [Reply::text("s1"), Reply::text("s2")],
        );
        s.push_rule(Match::any(), Reply::text("generic"));
        s.set_fallback(Reply::text("never"));
        assert_eq!(s.pick(&req(1, "sub")).reply, Reply::text("s1"));
        assert_eq!(s.pick(&req(2, "main")).reply, Reply::text("generic"));
        assert_eq!(s.pick(&req(3, "sub")).reply, Reply::text("s2"));
        assert_eq!(s.pick(&req(4, "sub")).reply, Reply::text("generic"));
    }

    #[test]
    fn custom_fallback_is_reported_as_unmatched() {
        let mut s = Script::default();
        s.set_fallback(Reply::overloaded());
        let p = s.pick(&req(1, "x"));
        assert_eq!(p.reply, Reply::overloaded());
        assert!(!p.matched);
    }
}
