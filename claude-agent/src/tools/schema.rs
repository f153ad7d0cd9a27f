//! JSON Schemas as MCP clients and the CLI want them: one shaping function for tool input
//! schemas (from `#[tool]`, [`Tool`](super::Tool) and [`DynamicTool`](super::DynamicTool)) and
//! for structured output ([`output_schema`](crate::structured::output_schema)).

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};

/// The `inputSchema` of a tool whose input is `T`: JSON Schema 2020-12 with subschemas inlined
/// (recursive types keep `$defs`), no `$schema` key, no top-level `title`/`description` (the
/// tool's own description is what the model reads), and shaped by [`shape_schema`] (so no
/// Rust-specific `format` such as `uint32` or `double`). Properties keep declaration order.
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
/// assert!(schema["properties"]["limit"].get("format").is_none()); // no "uint32"
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
    shape_schema(&mut map);
    map
}

/// Shapes a JSON Schema for the CLI, the Messages API and any MCP client. The one function every
/// schema this crate sends goes through: tool input schemas (generated or given at run time)
/// and structured-output schemas.
///
/// - drops `$schema` (the dialect marker; clients assume 2020-12 anyway);
/// - drops every `format` that is not a standard JSON Schema format, at every depth (schemars
///   adds Rust-specific ones such as `uint32`, `int64` or `double` that validators reject or
///   ignore); standard ones such as `date-time`, `email` or `uuid` stay;
/// - an empty schema becomes `{"type": "object"}`, and an object schema without `properties`
///   gets an empty `properties` (a tool without parameters, spelled out as other SDKs do).
///
/// Only schema positions are visited (`properties`, `items`, `anyOf`, `$defs`, ...): values
/// such as `default`, `const`, `enum` or `examples` are data and are left untouched.
///
/// # Examples
///
/// ```
/// use claude_agent::tools::shape_schema;
/// use serde_json::json;
///
/// let mut schema = json!({
///     "$schema": "https://json-schema.org/draft/2020-12/schema",
///     "type": "object",
///     "properties": {
///         "n": {"type": "integer", "format": "uint32", "minimum": 0},
///         "at": {"type": "string", "format": "date-time"},
///         "mode": {"type": "string", "default": "x", "examples": [{"format": "kept"}]}
///     }
/// });
/// shape_schema(schema.as_object_mut().unwrap());
/// assert_eq!(schema, json!({
///     "type": "object",
///     "properties": {
///         "n": {"type": "integer", "minimum": 0},
///         "at": {"type": "string", "format": "date-time"},
///         "mode": {"type": "string", "default": "x", "examples": [{"format": "kept"}]}
///     }
/// }));
/// ```
pub fn shape_schema(schema: &mut Map<String, Value>) {
    schema.remove("$schema");
    strip_nonstandard_formats(schema);
    if schema.is_empty() {
        schema.insert("type".into(), "object".into());
    }
    if schema.get("type").and_then(Value::as_str) == Some("object")
        && !schema.contains_key("properties")
    {
        schema.insert("properties".into(), Value::Object(Map::new()));
    }
}

/// The `format` values defined by JSON Schema 2020-12 (and the common `duration`, `uuid`).
const STANDARD_FORMATS: &[&str] = &[
    "date-time",
    "date",
    "time",
    "duration",
    "email",
    "idn-email",
    "hostname",
    "idn-hostname",
    "ipv4",
    "ipv6",
    "uri",
    "uri-reference",
    "iri",
    "iri-reference",
    "uuid",
    "uri-template",
    "json-pointer",
    "relative-json-pointer",
    "regex",
];

/// Keywords whose value is one subschema, or an array of them.
const SUBSCHEMA_KEYWORDS: &[&str] = &[
    "items",
    "prefixItems",
    "additionalItems",
    "contains",
    "additionalProperties",
    "unevaluatedItems",
    "unevaluatedProperties",
    "propertyNames",
    "not",
    "if",
    "then",
    "else",
    "allOf",
    "anyOf",
    "oneOf",
];

/// Keywords whose value maps names to subschemas.
const SUBSCHEMA_MAP_KEYWORDS: &[&str] = &[
    "properties",
    "patternProperties",
    "dependentSchemas",
    "$defs",
    "definitions",
];

fn strip_nonstandard_formats(schema: &mut Map<String, Value>) {
    let nonstandard = schema
        .get("format")
        .and_then(Value::as_str)
        .is_some_and(|f| !STANDARD_FORMATS.contains(&f));
    if nonstandard {
        schema.remove("format");
    }
    for (key, value) in schema.iter_mut() {
        if SUBSCHEMA_KEYWORDS.contains(&key.as_str()) {
            match value {
                Value::Object(sub) => strip_nonstandard_formats(sub),
                Value::Array(items) => items
                    .iter_mut()
                    .filter_map(Value::as_object_mut)
                    .for_each(strip_nonstandard_formats),
                _ => {}
            }
        } else if SUBSCHEMA_MAP_KEYWORDS.contains(&key.as_str())
            && let Value::Object(named) = value
        {
            named
                .values_mut()
                .filter_map(Value::as_object_mut)
                .for_each(strip_nonstandard_formats);
        }
    }
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

    /// A recursive type keeps `$defs`; the formats inside them go too.
    #[derive(serde::Deserialize, JsonSchema)]
    #[allow(dead_code)]
    struct Tree {
        weight: f64,
        children: Vec<Tree>,
        pair: Option<(i64, u16)>,
    }

    #[test]
    fn rust_formats_are_dropped_everywhere_including_defs_and_tuples() {
        let schema = Value::Object(input_schema::<Tree>());
        let text = schema.to_string();
        for format in ["double", "int64", "uint16"] {
            assert!(!text.contains(format), "{format} in {text}");
        }
        assert!(text.contains("\"number\""), "{text}");
    }

    #[test]
    fn data_keywords_and_standard_formats_are_left_alone() {
        let mut schema = json!({
            "type": "object",
            "properties": {"format": {"type": "string", "format": "email",
                                      "const": {"format": "int32"}}},
            "anyOf": [{"format": "int8"}, {"format": "uuid"}],
            "enum": [{"format": "float"}]
        });
        shape_schema(schema.as_object_mut().unwrap());
        assert_eq!(
            schema,
            json!({
                "type": "object",
                "properties": {"format": {"type": "string", "format": "email",
                                          "const": {"format": "int32"}}},
                "anyOf": [{}, {"format": "uuid"}],
                "enum": [{"format": "float"}]
            })
        );
    }

    #[test]
    fn empty_and_parameterless_schemas_become_objects_with_properties() {
        let mut empty = Map::new();
        shape_schema(&mut empty);
        assert_eq!(
            Value::Object(empty),
            json!({"type": "object", "properties": {}})
        );
    }
}
