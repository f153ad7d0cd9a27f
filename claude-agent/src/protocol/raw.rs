//! [`RawJson`]: the exact line a message was parsed from, shared cheaply.

use std::fmt;
use std::sync::Arc;

/// The exact JSON text a message was parsed from.
///
/// Every message the parser produces keeps the line it came from, so nothing the CLI sent is lost
/// even when this crate does not model a field yet. The text sits behind an [`Arc`]: cloning a
/// message does not copy the line. It is empty when the value was not produced by the parser
/// (built by hand, or deserialised directly with serde).
///
/// `Debug` shows only the length, to keep `{:?}` output of messages readable.
///
/// # Examples
///
/// ```
/// use claude_agent::Message;
///
/// let line = r#"{"type":"prompt_suggestion","suggestion":"Run the tests","session_id":"s1"}"#;
/// let message = Message::from_json(line).unwrap();
/// assert_eq!(message.raw_json(), line);
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct RawJson(Option<Arc<String>>);

impl RawJson {
    /// Copies `line` into a new shared buffer.
    pub(crate) fn new(line: &str) -> Self {
        RawJson(Some(Arc::new(line.to_owned())))
    }

    /// Shares `line` itself (no copy of the text).
    pub(crate) fn from_string(line: String) -> Self {
        RawJson(Some(Arc::new(line)))
    }

    /// The shared text itself (a reference count, not a copy).
    pub(crate) fn clone_text(&self) -> Arc<String> {
        self.0.clone().unwrap_or_default()
    }

    /// The JSON text; empty when there is none.
    pub fn as_str(&self) -> &str {
        self.0.as_deref().map_or("", String::as_str)
    }

    /// Whether there is no text (the value was not produced by the parser).
    pub fn is_empty(&self) -> bool {
        self.as_str().is_empty()
    }
}

impl fmt::Debug for RawJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RawJson({} bytes)", self.as_str().len())
    }
}

impl AsRef<str> for RawJson {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

/// Implemented by every type that carries a [`RawJson`]; the parser fills it after decoding.
pub(crate) trait SetRaw {
    fn set_raw(&mut self, raw: RawJson);
}

/// Gives message structs their `raw_json()` accessor and the parser's [`SetRaw`] hook.
macro_rules! impl_raw {
    ($($ty:ty),* $(,)?) => {$(
        impl $ty {
            /// The exact JSON line this message was parsed from (empty if it was not parsed by
            /// this crate). See [`RawJson`](crate::protocol::RawJson).
            pub fn raw_json(&self) -> &str {
                self.raw.as_str()
            }
        }

        impl $crate::protocol::raw::SetRaw for $ty {
            fn set_raw(&mut self, raw: $crate::protocol::RawJson) {
                self.raw = raw;
            }
        }
    )*};
}
pub(crate) use impl_raw;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_json_default_is_empty_and_debug_hides_the_text() {
        assert!(RawJson::default().is_empty());
        let raw = RawJson::new(r#"{"secret":"x"}"#);
        assert_eq!(raw.as_str(), r#"{"secret":"x"}"#);
        assert_eq!(format!("{raw:?}"), "RawJson(14 bytes)");
    }

    #[test]
    fn raw_json_clones_share_the_buffer() {
        let raw = RawJson::new("{}");
        let copy = raw.clone();
        assert!(std::ptr::eq(raw.as_str(), copy.as_str()));
    }
}
