//! Line → [`Message`]: peek at `type`/`subtype`, decode the typed struct once, fall back to
//! `Unknown` when the shape is not what this crate expects.
//!
//! Cost per line: one pass over the line to read `type` and `subtype` (borrowed, nothing else is
//! materialised), one pass to decode the typed struct, and one copy of the line into the shared
//! [`RawJson`] buffer. Only the fallback path builds a [`serde_json::Value`].

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer, Visitor};

use super::RawJson;
use super::message::{Message, UnknownMessage};
use super::raw::SetRaw;
use super::system::{SystemMessage, UnknownSystem};

/// The routing keys of a line, borrowed from it where possible.
pub(crate) struct Peek<'a> {
    pub(crate) ty: Option<PeekStr<'a>>,
    pub(crate) subtype: Option<PeekStr<'a>>,
}

/// Only a JSON object has routing keys. (A derived `Deserialize` would also accept an array as
/// the struct's fields in order, and fail with a syntax error on a longer one: `["a","b","c"]`
/// was then rejected as "not JSON".)
impl<'de: 'a, 'a> Deserialize<'de> for Peek<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PeekVisitor<'a>(std::marker::PhantomData<&'a ()>);

        impl<'de: 'a, 'a> Visitor<'de> for PeekVisitor<'a> {
            type Value = Peek<'a>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Peek<'a>, A::Error> {
                let mut peek = Peek {
                    ty: None,
                    subtype: None,
                };
                while let Some(key) = map.next_key::<PeekStr<'de>>()? {
                    match key.as_str() {
                        "type" => peek.ty = map.next_value()?,
                        "subtype" => peek.subtype = map.next_value()?,
                        _ => {
                            map.next_value::<de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(peek)
            }
        }

        deserializer.deserialize_map(PeekVisitor(std::marker::PhantomData))
    }
}

impl Peek<'_> {
    /// Reads the routing keys. Fails for invalid JSON, for JSON that is not an object, and for
    /// a non-string `type`/`subtype`; callers treat the last two as unknown messages.
    ///
    /// The CLI writes compact JSON with `type` first (and `subtype` second for `system`), so
    /// most lines are routed from their first bytes; the full decode that follows validates the
    /// whole line. Anything else takes a complete (borrowing) pass over the line.
    pub(crate) fn of(line: &str) -> serde_json::Result<Peek<'_>> {
        match Self::from_prefix(line) {
            Some(peek) => Ok(peek),
            None => serde_json::from_str(line),
        }
    }

    /// `{"type":"<ty>"` (+ `,"subtype":"<subtype>"` for `system`), without escapes.
    fn from_prefix(line: &str) -> Option<Peek<'_>> {
        let (ty, rest) = plain_string(line.strip_prefix(r#"{"type":""#)?)?;
        let subtype = match rest.strip_prefix(r#","subtype":""#) {
            Some(rest) => Some(plain_string(rest)?.0),
            // Elsewhere `subtype` does not route, but a `system` line must have it read.
            None if ty == "system" => return None,
            None => None,
        };
        Some(Peek {
            ty: Some(PeekStr(Cow::Borrowed(ty))),
            subtype: subtype.map(|s| PeekStr(Cow::Borrowed(s))),
        })
    }

    pub(crate) fn ty(&self) -> Option<&str> {
        self.ty.as_ref().map(PeekStr::as_str)
    }

    pub(crate) fn subtype(&self) -> Option<&str> {
        self.subtype.as_ref().map(PeekStr::as_str)
    }
}

/// Splits `text` at the closing quote of a JSON string it starts inside; `None` if the string
/// has escapes (then the full decoder reads it).
fn plain_string(text: &str) -> Option<(&str, &str)> {
    let end = text.find(['"', '\\'])?;
    (text.as_bytes()[end] == b'"').then(|| (&text[..end], &text[end + 1..]))
}

/// A string field borrowed from the line (owned only when it contains escapes).
pub(crate) struct PeekStr<'a>(Cow<'a, str>);

impl PeekStr<'_> {
    fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for PeekStr<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PeekVisitor<'a>(std::marker::PhantomData<&'a ()>);

        impl<'de: 'a, 'a> Visitor<'de> for PeekVisitor<'a> {
            type Value = PeekStr<'a>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(PeekStr(Cow::Borrowed(v)))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(PeekStr(Cow::Owned(v.to_owned())))
            }
        }

        deserializer.deserialize_str(PeekVisitor(std::marker::PhantomData))
    }
}

/// Decodes `line` into `T` and attaches the shared raw text.
pub(crate) fn typed<T: DeserializeOwned + SetRaw>(
    line: &str,
    raw: &RawJson,
) -> serde_json::Result<T> {
    let mut value: T = super::content_de::fast_blocks(|| serde_json::from_str(line))?;
    value.set_raw(raw.clone());
    Ok(value)
}

/// Decodes a line whose routing keys were already read. Fails only if the line is not JSON.
pub(crate) fn parse_message(
    raw: RawJson,
    ty: Option<&str>,
    subtype: Option<&str>,
) -> serde_json::Result<Message> {
    let line = &*raw.clone_text();
    let ty = ty.unwrap_or("");
    let decoded = match ty {
        "assistant" => typed(line, &raw).map(Message::Assistant),
        "user" => typed(line, &raw).map(Message::User),
        "result" => typed(line, &raw).map(Message::Result),
        "stream_event" => typed(line, &raw).map(Message::StreamEvent),
        "tool_progress" => typed(line, &raw).map(Message::ToolProgress),
        "tool_use_summary" => typed(line, &raw).map(Message::ToolUseSummary),
        "auth_status" => typed(line, &raw).map(Message::AuthStatus),
        "rate_limit_event" => typed(line, &raw).map(Message::RateLimit),
        "prompt_suggestion" => typed(line, &raw).map(Message::PromptSuggestion),
        "conversation_reset" => typed(line, &raw).map(Message::ConversationReset),
        "command_lifecycle" => typed(line, &raw).map(Message::CommandLifecycle),
        "transcript_mirror" => typed(line, &raw).map(Message::TranscriptMirror),
        "system" => return parse_system(line, subtype.unwrap_or(""), raw).map(Message::System),
        _ => return unknown_message(line, raw),
    };
    decoded.or_else(|err| fall_back(line, raw, ty, None, err))
}

fn parse_system(line: &str, subtype: &str, raw: RawJson) -> serde_json::Result<SystemMessage> {
    match SystemMessage::parse_known(line, subtype, &raw) {
        Some(Ok(message)) => Ok(message),
        Some(Err(err)) if !err.is_data() => Err(err),
        Some(Err(err)) => {
            warn_fallback("system", Some(subtype), &err);
            Ok(SystemMessage::Unknown(UnknownSystem::new(
                subtype,
                serde_json::from_str(line)?,
                raw,
            )))
        }
        None => Ok(SystemMessage::Unknown(UnknownSystem::new(
            subtype,
            serde_json::from_str(line)?,
            raw,
        ))),
    }
}

/// Keeps a line as [`Message::Unknown`]; fails only if it is not JSON at all.
pub(crate) fn unknown_message(line: &str, raw: RawJson) -> serde_json::Result<Message> {
    Ok(Message::Unknown(UnknownMessage::new(
        serde_json::from_str(line)?,
        raw,
    )))
}

/// Handles a line whose routing keys could not be read: JSON that is not an object (or has a
/// non-string `type`) becomes [`Message::Unknown`]; anything else is not JSON and fails.
pub(crate) fn unroutable(line: &str, peek_error: serde_json::Error) -> serde_json::Result<Message> {
    if peek_error.is_data() {
        unknown_message(line, RawJson::new(line))
    } else {
        Err(peek_error)
    }
}

/// After a typed decode failed: not JSON → the error; JSON of an unexpected shape →
/// [`Message::Unknown`] with a warning.
pub(crate) fn fall_back(
    line: &str,
    raw: RawJson,
    ty: &str,
    subtype: Option<&str>,
    err: serde_json::Error,
) -> serde_json::Result<Message> {
    if !err.is_data() {
        return Err(err);
    }
    warn_fallback(ty, subtype, &err);
    unknown_message(line, raw)
}

fn warn_fallback(ty: &str, subtype: Option<&str>, err: &serde_json::Error) {
    tracing::warn!(
        message_type = ty,
        subtype = subtype.unwrap_or(""),
        error = %err,
        "a CLI message did not have the expected shape; passing it on as Unknown"
    );
}

impl Message {
    /// Parses one line of the CLI's stream-json output.
    ///
    /// Never fails on valid JSON: see [`Message`] for the fallbacks. Control frames
    /// (`control_request`, …) have no typed variant here and come back as
    /// [`Message::Unknown`]; sessions route them before they reach you.
    ///
    /// # Errors
    ///
    /// [`Error::JsonDecode`](crate::Error::JsonDecode) if `line` is not JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::Message;
    ///
    /// let message = Message::from_json(r#"{"type":"brand_new","x":1}"#).unwrap();
    /// assert!(matches!(message, Message::Unknown(_)));
    /// assert_eq!(message.type_name(), "brand_new");
    ///
    /// assert!(Message::from_json("not json").is_err());
    /// ```
    pub fn from_json(line: &str) -> crate::Result<Message> {
        let parsed = match Peek::of(line) {
            Ok(peek) => parse_message(RawJson::new(line), peek.ty(), peek.subtype()),
            Err(err) => unroutable(line, err),
        };
        parsed.map_err(|err| crate::Error::json_decode(line, err))
    }
}
