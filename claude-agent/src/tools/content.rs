//! [`ToolContent`]: one block of a tool result, in MCP's content-block wire format.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value, json};

/// One block of a tool result.
///
/// Mirrors MCP content blocks and is forward compatible: a block of a type this crate does not
/// know is kept as [`ToolContent::Other`] with its raw JSON and written back unchanged.
///
/// # Examples
///
/// ```
/// use claude_agent::tools::ToolContent;
/// use serde_json::json;
///
/// let image = ToolContent::image("iVBORw0KGgo=", "image/png");
/// assert_eq!(
///     serde_json::to_value(&image).unwrap(),
///     json!({"type": "image", "data": "iVBORw0KGgo=", "mimeType": "image/png"})
/// );
/// let unknown: ToolContent = serde_json::from_value(json!({"type": "hologram", "x": 1})).unwrap();
/// assert!(matches!(unknown, ToolContent::Other(_)));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ToolContent {
    /// Plain text.
    Text(String),
    /// A base64-encoded image.
    Image {
        /// The base64 data.
        data: String,
        /// Its MIME type, e.g. `image/png`.
        mime_type: String,
    },
    /// An embedded resource (MCP `resource` block) with text or base64 contents.
    Resource {
        /// The resource's URI.
        uri: String,
        /// Its MIME type, if known.
        mime_type: Option<String>,
        /// Text contents (for text resources).
        text: Option<String>,
        /// Base64 contents (for binary resources).
        blob: Option<String>,
    },
    /// A block of a type this crate does not model, kept as raw JSON.
    Other(Value),
}

impl ToolContent {
    /// A text block.
    pub fn text(text: impl Into<String>) -> Self {
        ToolContent::Text(text.into())
    }

    /// An image block from base64 data and a MIME type.
    pub fn image(base64: impl Into<String>, mime_type: impl Into<String>) -> Self {
        ToolContent::Image {
            data: base64.into(),
            mime_type: mime_type.into(),
        }
    }

    /// An embedded text resource.
    pub fn resource_text(
        uri: impl Into<String>,
        mime_type: Option<String>,
        text: impl Into<String>,
    ) -> Self {
        ToolContent::Resource {
            uri: uri.into(),
            mime_type,
            text: Some(text.into()),
            blob: None,
        }
    }

    /// The MCP wire form of this block.
    pub fn to_wire(&self) -> Value {
        match self {
            ToolContent::Text(text) => json!({"type": "text", "text": text}),
            ToolContent::Image { data, mime_type } => {
                json!({"type": "image", "data": data, "mimeType": mime_type})
            }
            ToolContent::Resource {
                uri,
                mime_type,
                text,
                blob,
            } => {
                let mut resource = Map::new();
                resource.insert("uri".into(), uri.as_str().into());
                let optional = [("mimeType", mime_type), ("text", text), ("blob", blob)];
                for (key, value) in optional {
                    if let Some(value) = value {
                        resource.insert(key.into(), value.as_str().into());
                    }
                }
                json!({"type": "resource", "resource": resource})
            }
            ToolContent::Other(raw) => raw.clone(),
        }
    }

    /// Reads a block from its MCP wire form; anything unrecognised becomes [`ToolContent::Other`].
    pub fn from_wire(value: Value) -> Self {
        let str_field =
            |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_owned);
        let parsed = match value.get("type").and_then(Value::as_str) {
            Some("text") => str_field(&value, "text").map(ToolContent::Text),
            Some("image") => match (str_field(&value, "data"), str_field(&value, "mimeType")) {
                (Some(data), Some(mime_type)) => Some(ToolContent::Image { data, mime_type }),
                _ => None,
            },
            Some("resource") => value.get("resource").and_then(|r| {
                Some(ToolContent::Resource {
                    uri: str_field(r, "uri")?,
                    mime_type: str_field(r, "mimeType"),
                    text: str_field(r, "text"),
                    blob: str_field(r, "blob"),
                })
            }),
            _ => None,
        };
        // Keep the raw JSON whenever the typed form would lose something (extra keys included).
        match parsed {
            Some(typed) if typed.to_wire() == value => typed,
            _ => ToolContent::Other(value),
        }
    }
}

impl Serialize for ToolContent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_wire().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ToolContent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Value::deserialize(deserializer).map(ToolContent::from_wire)
    }
}

impl From<String> for ToolContent {
    fn from(text: String) -> Self {
        ToolContent::Text(text)
    }
}

impl From<&str> for ToolContent {
    fn from(text: &str) -> Self {
        ToolContent::Text(text.to_owned())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn every_known_block_round_trips() {
        let blocks = [
            ToolContent::text("hi"),
            ToolContent::image("AAAA", "image/png"),
            ToolContent::resource_text("file:///a.txt", Some("text/plain".into()), "body"),
            ToolContent::Resource {
                uri: "file:///b.bin".into(),
                mime_type: None,
                text: None,
                blob: Some("AAEC".into()),
            },
        ];
        for block in blocks {
            let wire = block.to_wire();
            assert_eq!(ToolContent::from_wire(wire.clone()), block, "{wire}");
        }
    }

    #[test]
    fn resource_wire_form_nests_contents() {
        let block = ToolContent::resource_text("file:///a", None, "x");
        assert_eq!(
            block.to_wire(),
            json!({"type": "resource", "resource": {"uri": "file:///a", "text": "x"}})
        );
    }

    #[test]
    fn unknown_types_and_extra_keys_keep_raw_json() {
        let audio = json!({"type": "audio", "data": "AA", "mimeType": "audio/wav"});
        assert_eq!(
            ToolContent::from_wire(audio.clone()),
            ToolContent::Other(audio.clone())
        );
        assert_eq!(ToolContent::from_wire(audio.clone()).to_wire(), audio);
        let annotated = json!({"type": "text", "text": "x", "annotations": {"priority": 1}});
        assert_eq!(
            ToolContent::from_wire(annotated.clone()).to_wire(),
            annotated
        );
    }
}
