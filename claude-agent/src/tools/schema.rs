//! The JSON Schema of a tool's input, as MCP's `inputSchema` wants it.

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};

/// The `inputSchema` of a tool whose input is `T`: JSON Schema 2020-12 with subschemas inlined
/// (recursive types keep `$defs`), no `$schema` key, and no top-level `title`/`description` (the
/// tool's own description is what the model reads). Properties keep declaration order.
///
/// # Examples
///
/// ```
/// use claude_agent::tools::input_schema;
/// use schemars::JsonSchema;
/// use serde_json::json;
///
/// #[derive(serde::Deserialize, JsonSchema)]
/// struct Args {
///     /// The query.
///     query: String,
///     limit: Option<u32>,
/// }
///
/// let schema = input_schema::<Args>();
/// assert_eq!(schema["type"], "object");
/// assert_eq!(schema["properties"]["query"]["description"], "The query.");
/// assert_eq!(schema["required"], json!(["query"]));
/// let keys: Vec<_> = schema["properties"].as_object().unwrap().keys().collect();
/// assert_eq!(keys, ["query", "limit"]);
/// ```
pub fn input_schema<T: JsonSchema>() -> Map<String, Value> {
    let generator = SchemaSettings::draft2020_12()
        .with(|settings| {
            settings.inline_subschemas = true;
            settings.meta_schema = None;
        })
        .for_deserialize()
        .into_generator();
    let mut map = match generator.into_root_schema_for::<T>().to_value() {
        Value::Object(map) => map,
        // `true`/`false` schemas: accept anything shaped like an object.
        _ => Map::new(),
    };
    map.remove("title");
    map.remove("description");
    if map.is_empty() {
        map.insert("type".into(), "object".into());
    }
    // A tool without parameters: spell out that there are none, as other SDKs do.
    if map.get("type").and_then(Value::as_str) == Some("object") && !map.contains_key("properties")
    {
        map.insert("properties".into(), Value::Object(Map::new()));
    }
    map
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Docs on the struct must not leak into the input schema.
    #[derive(serde::Deserialize, JsonSchema)]
    #[allow(dead_code)]
    struct Nested {
        /// Inner doc.
        inner: Inner,
        zeta: u8,
        alpha: u8,
    }

    #[derive(serde::Deserialize, JsonSchema)]
    #[allow(dead_code)]
    struct Inner {
        x: bool,
    }

    #[test]
    fn subschemas_are_inlined_and_order_kept() {
        let schema = input_schema::<Nested>();
        assert!(!schema.contains_key("$defs"), "{schema:?}");
        assert!(!schema.contains_key("$schema"));
        assert!(!schema.contains_key("title"));
        assert!(!schema.contains_key("description"));
        assert_eq!(
            schema["properties"]["inner"]["properties"]["x"],
            json!({"type": "boolean"})
        );
        let keys: Vec<_> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        assert_eq!(keys, ["inner", "zeta", "alpha"]);
    }
}
