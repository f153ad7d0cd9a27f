//! [`MessageContent`]: message content that is either a plain string or content blocks.

use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::content::ContentBlock;

/// Message content: a plain string or a list of blocks.
///
/// User messages use both forms (a prompt is often a plain string; tool results are blocks).
///
/// # Examples
///
/// ```
/// use claude_agent::protocol::MessageContent;
///
/// let plain: MessageContent = serde_json::from_str(r#""hi""#).unwrap();
/// let blocks: MessageContent = serde_json::from_str(r#"[{"type":"text","text":"hi"}]"#).unwrap();
/// assert_eq!(plain.text(), blocks.text());
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum MessageContent {
    /// A plain string.
    Text(String),
    /// Content blocks.
    Blocks(Vec<ContentBlock>),
}

/// Tool-result content has the same two shapes as [`MessageContent`].
pub type ToolResultContent = MessageContent;

impl MessageContent {
    /// The text: the string itself, or the text blocks concatenated.
    pub fn text(&self) -> String {
        match self {
            MessageContent::Text(text) => text.clone(),
            MessageContent::Blocks(blocks) => {
                blocks.iter().filter_map(ContentBlock::as_text).collect()
            }
        }
    }

    /// The blocks (empty for the plain-string form).
    pub fn blocks(&self) -> &[ContentBlock] {
        match self {
            MessageContent::Text(_) => &[],
            MessageContent::Blocks(blocks) => blocks,
        }
    }
}

impl Default for MessageContent {
    fn default() -> Self {
        MessageContent::Blocks(Vec::new())
    }
}

impl From<&str> for MessageContent {
    fn from(text: &str) -> Self {
        MessageContent::Text(text.to_owned())
    }
}

impl From<String> for MessageContent {
    fn from(text: String) -> Self {
        MessageContent::Text(text)
    }
}

impl From<Vec<ContentBlock>> for MessageContent {
    fn from(blocks: Vec<ContentBlock>) -> Self {
        MessageContent::Blocks(blocks)
    }
}

impl Serialize for MessageContent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            MessageContent::Text(text) => serializer.serialize_str(text),
            MessageContent::Blocks(blocks) => blocks.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for MessageContent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ContentVisitor;

        impl<'de> Visitor<'de> for ContentVisitor {
            type Value = MessageContent;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or an array of content blocks")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(MessageContent::Text(v.to_owned()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(MessageContent::Text(v))
            }

            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(MessageContent::default())
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut blocks = Vec::with_capacity(seq.size_hint().unwrap_or(1).min(64));
                while let Some(block) = seq.next_element::<ContentBlock>()? {
                    blocks.push(block);
                }
                Ok(MessageContent::Blocks(blocks))
            }
        }

        deserializer.deserialize_any(ContentVisitor)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn message_content_accepts_string_array_and_null() {
        let text: MessageContent = serde_json::from_str(r#""plain""#).unwrap();
        assert_eq!(text, MessageContent::Text("plain".into()));
        assert!(text.blocks().is_empty());

        let blocks: MessageContent =
            serde_json::from_str(r#"[{"type":"text","text":"x"},{"type":"new"}]"#).unwrap();
        assert_eq!(blocks.blocks().len(), 2);
        assert_eq!(blocks.text(), "x");

        let null: MessageContent = serde_json::from_str("null").unwrap();
        assert_eq!(null, MessageContent::Blocks(vec![]));
        assert!(serde_json::from_str::<MessageContent>("7").is_err());

        assert_eq!(serde_json::to_string(&text).unwrap(), r#""plain""#);
    }
}
