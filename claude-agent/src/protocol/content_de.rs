//! Decoding [`ContentBlock`]s: one streaming pass on the hot path, a lenient pass otherwise.
//!
//! Blocks are internally tagged (`{"type":"text",…}`) with a catch-all [`ContentBlock::Unknown`].
//! The lenient decode reads a block into a [`Value`] first and then picks its type, so an unknown
//! type or a known type whose fields changed shape keeps its JSON; that costs a tree per block.
//! The CLI writes `type` first, so the stdout parser (see [`fast_blocks`]) decodes blocks in one
//! pass straight into their structs; should that fail (a changed shape, `type` not first), the
//! parser decodes the line again leniently, so the outcome is the same either way.

use std::cell::Cell;
use std::fmt;

use serde::Deserialize;
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};

use super::content::ContentBlock;

thread_local! {
    static FAST: Cell<bool> = const { Cell::new(false) };
}

/// Runs `decode` with streaming block decoding; on a data error, runs it again leniently.
pub(crate) fn fast_blocks<T>(decode: impl Fn() -> serde_json::Result<T>) -> serde_json::Result<T> {
    let previous = FAST.replace(true);
    let fast = decode();
    FAST.set(previous);
    match fast {
        Err(err) if err.is_data() => decode(),
        other => other,
    }
}

impl<'de> Deserialize<'de> for ContentBlock {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if FAST.get() {
            deserializer.deserialize_map(StreamingBlock)
        } else {
            Ok(ContentBlock::from(Value::deserialize(deserializer)?))
        }
    }
}

impl ContentBlock {
    /// Picks the block's type from its JSON; anything unexpected becomes `Unknown`.
    pub(crate) fn from_value(value: Value) -> ContentBlock {
        fn typed<T: serde::de::DeserializeOwned>(
            value: Value,
            wrap: fn(T) -> ContentBlock,
        ) -> ContentBlock {
            match T::deserialize(&value) {
                Ok(block) => wrap(block),
                Err(_) => ContentBlock::Unknown(value),
            }
        }
        let ty = value.get("type").and_then(Value::as_str).unwrap_or("");
        match ty {
            "text" => typed(value, ContentBlock::Text),
            "thinking" => typed(value, ContentBlock::Thinking),
            "redacted_thinking" => typed(value, ContentBlock::RedactedThinking),
            "tool_use" => typed(value, ContentBlock::ToolUse),
            "tool_result" => typed(value, ContentBlock::ToolResult),
            "server_tool_use" => typed(value, ContentBlock::ServerToolUse),
            "web_search_tool_result" => typed(value, ContentBlock::WebSearchToolResult),
            "web_fetch_tool_result" => typed(value, ContentBlock::WebFetchToolResult),
            "image" => typed(value, ContentBlock::Image),
            "document" => typed(value, ContentBlock::Document),
            _ => ContentBlock::Unknown(value),
        }
    }
}

/// Reads `{"type":"<tag>", rest…}` and decodes `rest` straight into the tag's struct.
struct StreamingBlock;

impl<'de> Visitor<'de> for StreamingBlock {
    type Value = ContentBlock;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a content block object with `type` first")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ContentBlock, A::Error> {
        if map.next_key_seed(TypeKey)? != Some(true) {
            return Err(de::Error::custom("`type` is not the block's first key"));
        }
        let tag: Tag<'de> = map.next_value()?;
        let rest = MapAccessDeserializer::new(map);
        Ok(match tag.as_str() {
            "text" => ContentBlock::Text(Deserialize::deserialize(rest)?),
            "thinking" => ContentBlock::Thinking(Deserialize::deserialize(rest)?),
            "redacted_thinking" => ContentBlock::RedactedThinking(Deserialize::deserialize(rest)?),
            "tool_use" => ContentBlock::ToolUse(Deserialize::deserialize(rest)?),
            "tool_result" => ContentBlock::ToolResult(Deserialize::deserialize(rest)?),
            "server_tool_use" => ContentBlock::ServerToolUse(Deserialize::deserialize(rest)?),
            "web_search_tool_result" => {
                ContentBlock::WebSearchToolResult(Deserialize::deserialize(rest)?)
            }
            "web_fetch_tool_result" => {
                ContentBlock::WebFetchToolResult(Deserialize::deserialize(rest)?)
            }
            "image" => ContentBlock::Image(Deserialize::deserialize(rest)?),
            "document" => ContentBlock::Document(Deserialize::deserialize(rest)?),
            other => {
                let mut object = Map::new();
                object.insert("type".into(), Value::String(other.to_owned()));
                let Value::Object(fields) = Value::deserialize(rest)? else {
                    return Err(de::Error::custom("a block is an object"));
                };
                object.extend(fields);
                ContentBlock::Unknown(Value::Object(object))
            }
        })
    }
}

/// A map key: `true` if it is `type`.
struct TypeKey;

impl<'de> DeserializeSeed<'de> for TypeKey {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for TypeKey {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<bool, E> {
        Ok(key == "type")
    }
}

/// The tag, borrowed from the input when it has no escapes.
struct Tag<'de>(std::borrow::Cow<'de, str>);

impl Tag<'_> {
    fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Tag<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TagVisitor;
        impl<'de> Visitor<'de> for TagVisitor {
            type Value = Tag<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Tag<'de>, E> {
                Ok(Tag(v.into()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Tag<'de>, E> {
                Ok(Tag(v.to_owned().into()))
            }
        }
        deserializer.deserialize_str(TagVisitor)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use serde_json::json;

    fn both(json: &str) -> (serde_json::Result<Vec<ContentBlock>>, Vec<ContentBlock>) {
        let fast = {
            let previous = FAST.replace(true);
            let fast = serde_json::from_str(json);
            FAST.set(previous);
            fast
        };
        (fast, serde_json::from_str(json).unwrap())
    }

    #[test]
    fn the_streaming_pass_decodes_what_the_lenient_pass_does() {
        let json = r#"[{"type":"text","text":"hi"},
            {"type":"tool_use","id":"t","name":"Bash","input":{"command":"ls","n":[1,2]}},
            {"type":"thinking","thinking":"hmm","signature":"s"},
            {"type":"tool_result","tool_use_id":"t","content":[{"type":"text","text":"out"}]},
            {"type":"hologram","frames":3}]"#;
        let (fast, lenient) = both(json);
        assert_eq!(fast.unwrap(), lenient);
        assert_eq!(
            lenient[4],
            ContentBlock::Unknown(json!({"type":"hologram","frames":3}))
        );
    }

    #[test]
    fn what_the_streaming_pass_cannot_take_falls_back_to_the_same_answer() {
        for json in [
            r#"[{"text":"hi","type":"text"}]"#,
            r#"[{"type":"tool_use","id":5}]"#,
            r#"[{"type":"text","text":"a"},{"type":"image","source":7}]"#,
        ] {
            let decoded = fast_blocks(|| serde_json::from_str::<Vec<ContentBlock>>(json));
            let lenient: Vec<ContentBlock> = serde_json::from_str(json).unwrap();
            assert_eq!(decoded.unwrap(), lenient, "{json}");
        }
        let misshapen: Vec<ContentBlock> =
            serde_json::from_str(r#"[{"type":"tool_use","id":5}]"#).unwrap();
        assert!(matches!(misshapen[0], ContentBlock::Unknown(_)));
    }

    #[test]
    fn not_json_is_still_an_error() {
        assert!(fast_blocks(|| serde_json::from_str::<Vec<ContentBlock>>(r#"[{"type":"#)).is_err());
    }
}
