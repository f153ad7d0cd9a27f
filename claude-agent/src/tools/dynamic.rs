//! [`DynamicTool`]: a tool whose name, description and JSON Schema are decided at run time.

use std::borrow::Cow;
use std::fmt;
use std::future::Future;
use std::panic::Location;
use std::sync::Arc;
use std::time::Duration;

use serde_json::{Map, Value};

use super::server::{CallFn, ToolEntry};
use super::{
    IntoToolResult, ToolAnnotations, ToolContext, ToolNameError, shape_schema, validate_tool_name,
};

/// Why a [`DynamicTool`] could not be defined. Converts into
/// [`Error::InvalidOption`](crate::Error::InvalidOption) (option `"tools"`), so `?` works in
/// functions returning [`claude_agent::Result`](crate::Result).
///
/// # Examples
///
/// ```
/// use claude_agent::tools::{DynamicTool, ToolDefinitionError};
/// use serde_json::json;
///
/// let err = DynamicTool::new("bad name", "d", json!({"type": "object"}), |_, _| async { "" })
///     .unwrap_err();
/// assert!(matches!(err, ToolDefinitionError::InvalidName { .. }));
/// let err = DynamicTool::new("ok", "d", json!({"type": "string"}), |_, _| async { "" })
///     .unwrap_err();
/// assert!(matches!(err, ToolDefinitionError::InvalidSchema { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ToolDefinitionError {
    /// The name breaks the rules of [`validate_tool_name`](super::validate_tool_name).
    #[error("invalid tool name: {reason}")]
    InvalidName {
        /// The name given.
        name: String,
        /// What is wrong with it.
        #[source]
        reason: ToolNameError,
    },
    /// The input schema is not a JSON Schema of an object, as MCP requires.
    #[error("invalid input schema for tool `{tool}`: {reason}")]
    InvalidSchema {
        /// The tool's name.
        tool: String,
        /// What is wrong with the schema.
        reason: String,
    },
}

impl From<ToolDefinitionError> for crate::Error {
    fn from(error: ToolDefinitionError) -> Self {
        crate::Error::invalid_option("tools", error.to_string())
    }
}

/// A tool defined at run time: name, description and input JSON Schema are values, and an async
/// closure handles each call (the shape of the official SDKs' `tool()` / `@tool`). Add it to a
/// [`ToolServer`](super::ToolServer) with [`dynamic_tool`](super::ToolServer::dynamic_tool),
/// next to `#[tool]` functions if you like; it is served through the same MCP bridge, with the
/// same time limits, panic isolation and [`ToolContext`].
///
/// The handler receives the arguments as the model sent them (a JSON object), unchecked
/// against the schema: decode them with `serde_json::from_value`, and return anything
/// [`IntoToolResult`] (a `String`, [`Json`](super::Json), a [`ToolResult`](super::ToolResult),
/// or a `Result` whose `Err` becomes an error result the model sees).
///
/// The schema is checked (it must be an object schema: `"type": "object"`, `properties` an
/// object, `required` a list of names) and shaped by [`shape_schema`] like every other schema
/// this crate sends.
///
/// # Examples
///
/// ```
/// use claude_agent::tools::{DynamicTool, ToolContext, ToolError, ToolServer};
/// use serde_json::{Value, json};
///
/// // E.g. one tool per endpoint of a configuration file read at start-up.
/// let name = "lookup_user";
/// let lookup = DynamicTool::new(
///     name,
///     "Finds a user by id.",
///     json!({
///         "type": "object",
///         "properties": {"id": {"type": "integer", "description": "The user id."}},
///         "required": ["id"]
///     }),
///     |args: Value, _cx: ToolContext| async move {
///         let id = args["id"].as_u64().ok_or(ToolError::from("`id` must be a number"))?;
///         Ok::<_, ToolError>(format!("user {id}: Ada"))
///     },
/// )?
/// .search_hint("user account lookup")
/// .annotations(claude_agent::tools::ToolAnnotations::new().read_only(true));
///
/// let server = ToolServer::new("users").dynamic_tool(lookup)?;
/// # tokio::runtime::Runtime::new().unwrap().block_on(async {
/// let result = server.call(name, json!({"id": 7}), ToolContext::new()).unwrap().await;
/// assert_eq!(result.text_content(), "user 7: Ada");
/// let result = server.call(name, json!({}), ToolContext::new()).unwrap().await;
/// assert!(result.is_error);
/// # });
/// # Ok::<(), claude_agent::Error>(())
/// ```
pub struct DynamicTool {
    name: String,
    description: String,
    schema: Map<String, Value>,
    annotations: ToolAnnotations,
    timeout: Option<Duration>,
    always_load: Option<bool>,
    search_hint: Option<String>,
    max_result_size_chars: Option<u32>,
    defined_at: (&'static str, u32),
    call: Arc<CallFn>,
}

impl DynamicTool {
    /// A tool called `name` (1 to 64 of `A-Z a-z 0-9 _ -`) that does `description`, takes
    /// arguments matching `input_schema`, and runs `handler` for each call.
    ///
    /// Fails with [`ToolDefinitionError`] on a bad name or a schema that does not describe an
    /// object.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::tools::DynamicTool;
    ///
    /// let now = DynamicTool::new("now", "The current Unix time.", serde_json::json!({}),
    ///     |_, _| async { format!("{:?}", std::time::SystemTime::now()) })?;
    /// assert_eq!(now.name(), "now");
    /// assert_eq!(now.input_schema()["type"], "object"); // `{}` accepts any object
    /// # Ok::<(), claude_agent::tools::ToolDefinitionError>(())
    /// ```
    #[track_caller]
    pub fn new<F, Fut, R>(
        name: impl Into<String>,
        description: impl Into<String>,
        input_schema: Value,
        handler: F,
    ) -> Result<Self, ToolDefinitionError>
    where
        F: Fn(Value, ToolContext) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = R> + Send + 'static,
        R: IntoToolResult,
    {
        let caller = Location::caller();
        let name = name.into();
        if let Err(reason) = validate_tool_name(&name) {
            return Err(ToolDefinitionError::InvalidName { name, reason });
        }
        let schema =
            check_schema(input_schema).map_err(|reason| ToolDefinitionError::InvalidSchema {
                tool: name.clone(),
                reason,
            })?;
        let handler = Arc::new(handler);
        let call: Arc<CallFn> = Arc::new(move |args, cx| {
            let call = handler(args, cx);
            Box::pin(async move { call.await.into_tool_result() })
        });
        Ok(DynamicTool {
            name,
            description: description.into(),
            schema,
            annotations: ToolAnnotations::new(),
            timeout: None,
            always_load: None,
            search_hint: None,
            max_result_size_chars: None,
            defined_at: (caller.file(), caller.line()),
            call,
        })
    }

    /// Sets the behaviour hints (read-only, destructive, ...).
    pub fn annotations(mut self, annotations: ToolAnnotations) -> Self {
        self.annotations = annotations;
        self
    }

    /// Sets this tool's time limit per call (otherwise the server's, if any).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Offer the tool directly (`true`) or let the CLI's tool search defer it (`false`);
    /// unset, the server decides ([`ToolServer::always_load`](super::ToolServer::always_load)).
    /// See [`ToolHints`](super::ToolHints).
    pub fn always_load(mut self, always_load: bool) -> Self {
        self.always_load = Some(always_load);
        self
    }

    /// Words the CLI's `ToolSearch` matches the tool by. A blank hint is refused when the tool
    /// is added to a server.
    pub fn search_hint(mut self, hint: impl Into<String>) -> Self {
        self.search_hint = Some(hint.into());
        self
    }

    /// The result size (characters) above which the CLI saves the result to a file and shows
    /// the model a preview. Zero is refused when the tool is added to a server.
    pub fn max_result_size_chars(mut self, chars: u32) -> Self {
        self.max_result_size_chars = Some(chars);
        self
    }

    /// The tool's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The tool's description.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// The input schema as it will be listed (after [`shape_schema`]).
    pub fn input_schema(&self) -> &Map<String, Value> {
        &self.schema
    }

    pub(crate) fn into_entry(self) -> ToolEntry {
        ToolEntry {
            name: Cow::Owned(self.name),
            description: Cow::Owned(self.description),
            annotations: self.annotations,
            timeout: self.timeout,
            schema: Arc::new(self.schema),
            defined_at: self.defined_at,
            call: self.call,
            always_load: self.always_load,
            search_hint: self.search_hint.map(Cow::Owned),
            max_result_size_chars: self.max_result_size_chars,
        }
    }
}

impl fmt::Debug for DynamicTool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DynamicTool")
            .field("name", &self.name)
            .field("description", &self.description)
            .field("schema", &self.schema)
            .field("defined_at", &self.defined_at)
            .finish_non_exhaustive()
    }
}

/// Checks that `schema` describes an object (MCP's `inputSchema` must) and shapes it.
fn check_schema(schema: Value) -> Result<Map<String, Value>, String> {
    let Value::Object(mut schema) = schema else {
        return Err(format!(
            "expected a JSON object such as {{\"type\": \"object\", \"properties\": {{..}}}}, got {}",
            kind(&schema)
        ));
    };
    match schema.get("type") {
        None if schema.is_empty() => {}
        Some(Value::String(t)) if t == "object" => {}
        None => return Err("`type` is missing; it must be \"object\"".to_owned()),
        Some(other) => return Err(format!("`type` is {other}; it must be \"object\"")),
    }
    if let Some(properties) = schema.get("properties") {
        let Value::Object(properties) = properties else {
            return Err(format!(
                "`properties` must be an object, got {}",
                kind(properties)
            ));
        };
        if let Some((name, _)) = properties
            .iter()
            .find(|(_, s)| !(s.is_object() || s.is_boolean()))
        {
            return Err(format!("the schema of property `{name}` is not an object"));
        }
    }
    if let Some(required) = schema.get("required") {
        let Some(names) = required
            .as_array()
            .and_then(|a| a.iter().map(Value::as_str).collect::<Option<Vec<_>>>())
        else {
            return Err("`required` must be a list of property names".to_owned());
        };
        let properties = schema.get("properties").and_then(Value::as_object);
        if let Some(missing) = names
            .iter()
            .find(|n| !properties.is_some_and(|p| p.contains_key(**n)))
        {
            return Err(format!(
                "`required` names `{missing}`, which is not in `properties`"
            ));
        }
    }
    shape_schema(&mut schema);
    Ok(schema)
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schema_error(schema: Value) -> String {
        match DynamicTool::new("t", "d", schema, |_, _| async { "" }) {
            Err(ToolDefinitionError::InvalidSchema { tool, reason }) => {
                assert_eq!(tool, "t");
                reason
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn schemas_that_do_not_describe_an_object_are_refused_with_the_reason() {
        assert!(schema_error(json!("x")).contains("got a string"));
        assert!(schema_error(json!({"type": "array"})).contains("must be \"object\""));
        assert!(schema_error(json!({"properties": {}})).contains("`type` is missing"));
        let err = schema_error(json!({"type": "object", "properties": []}));
        assert!(err.contains("`properties` must be an object"), "{err}");
        let err = schema_error(json!({"type": "object", "properties": {"a": 3}}));
        assert!(err.contains("property `a`"), "{err}");
        let err = schema_error(json!({"type": "object", "properties": {}, "required": ["b"]}));
        assert!(err.contains("`b`"), "{err}");
        let err = schema_error(json!({"type": "object", "required": "b"}));
        assert!(err.contains("list of property names"), "{err}");
    }

    #[test]
    fn bad_names_are_refused_and_the_error_converts_to_invalid_option() {
        let err = DynamicTool::new("", "d", json!({}), |_, _| async { "" }).unwrap_err();
        assert!(matches!(&err, ToolDefinitionError::InvalidName { name, .. } if name.is_empty()));
        let err: crate::Error = err.into();
        assert!(
            matches!(
                err,
                crate::Error::InvalidOption {
                    option: "tools",
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn the_given_schema_is_shaped() {
        let tool = DynamicTool::new(
            "t",
            "d",
            json!({"$schema": "x", "type": "object",
                   "properties": {"n": {"type": "integer", "format": "uint64"}}}),
            |_, _| async { "" },
        )
        .unwrap();
        assert_eq!(
            Value::Object(tool.input_schema().clone()),
            json!({"type": "object", "properties": {"n": {"type": "integer"}}})
        );
    }

    #[tokio::test]
    async fn the_handler_gets_the_arguments_and_context() {
        let tool = DynamicTool::new("echo", "d", json!({}), |args, cx: ToolContext| async move {
            format!("{args} {}", cx.tool_use_id().unwrap_or("-"))
        })
        .unwrap();
        let server = crate::tools::ToolServer::new("s")
            .dynamic_tool(tool)
            .unwrap();
        let cx = ToolContext::new().with_tool_use_id("toolu_1");
        let result = server.call("echo", json!({"a": 1}), cx).unwrap().await;
        assert_eq!(result.text_content(), r#"{"a":1} toolu_1"#);
    }

    #[test]
    fn invalid_hints_are_refused_when_added_to_a_server() {
        let tool = || DynamicTool::new("t", "d", json!({}), |_, _| async { "" }).unwrap();
        let server = || crate::tools::ToolServer::new("s");
        let err = server()
            .dynamic_tool(tool().search_hint(" "))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("tool `t`") && err.contains("search_hint"),
            "{err}"
        );
        let err = server()
            .dynamic_tool(tool().max_result_size_chars(0))
            .unwrap_err()
            .to_string();
        assert!(err.contains("max_result_size_chars"), "{err}");
    }
}
