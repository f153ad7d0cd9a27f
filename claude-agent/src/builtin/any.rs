//! [`BuiltinToolInput`]: any tool's input, typed when the tool is a known built-in.

use serde_json::Value;

use super::ToolInput;
use super::agent::AgentInput;
use super::files::{EditInput, GlobInput, GrepInput, NotebookEditInput, ReadInput, WriteInput};
use super::interaction::{AskUserQuestionInput, ExitPlanModeInput, TodoWriteInput};
use super::mcp::{ListMcpResourcesInput, ReadMcpResourceInput};
use super::settings::{ConfigInput, EnterWorktreeInput};
use super::shell::{BashInput, TaskOutputInput, TaskStopInput};
use super::web::{WebFetchInput, WebSearchInput};

macro_rules! builtin_inputs {
    ($($variant:ident($ty:ty)),* $(,)?) => {
        /// The input of any tool, keyed by tool name: typed for the built-in tools, raw JSON for
        /// everything else (MCP tools, tools newer than this SDK).
        ///
        /// # Examples
        ///
        /// ```
        /// use claude_agent::builtin::BuiltinToolInput;
        /// use serde_json::json;
        ///
        /// let edit = BuiltinToolInput::parse("Edit", json!({"file_path": "/a", "old_string": "x", "new_string": "y"}));
        /// assert!(matches!(&edit, BuiltinToolInput::Edit(e) if e.new_string == "y"));
        /// // Old names still map to the current tool.
        /// assert!(matches!(BuiltinToolInput::parse("Task", json!({})), BuiltinToolInput::Agent(_)));
        /// let mcp = BuiltinToolInput::parse("mcp__calc__add", json!({"a": 1}));
        /// assert_eq!(mcp.tool_name(), "mcp__calc__add");
        /// assert_eq!(mcp.to_value(), json!({"a": 1}));
        /// ```
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum BuiltinToolInput {
            $(
                #[doc = concat!("The `", stringify!($variant), "` tool.")]
                $variant($ty),
            )*
            /// Any other tool, or a built-in input that did not have the expected shape.
            Other {
                /// The tool's name.
                name: String,
                /// Its input, verbatim.
                input: Value,
            },
        }

        impl BuiltinToolInput {
            /// Types `input` by the tool `name` (current name or an alias). An input that does
            /// not fit the tool's type is kept raw in [`BuiltinToolInput::Other`].
            pub fn parse(name: &str, input: Value) -> Self {
                $(
                    if name == <$ty as ToolInput>::TOOL_NAME || <$ty as ToolInput>::ALIASES.contains(&name) {
                        return match serde_json::from_value::<$ty>(input.clone()) {
                            Ok(typed) => BuiltinToolInput::$variant(typed),
                            Err(_) => BuiltinToolInput::Other { name: name.to_owned(), input },
                        };
                    }
                )*
                BuiltinToolInput::Other { name: name.to_owned(), input }
            }

            /// The tool's name (the current name for built-in tools).
            pub fn tool_name(&self) -> &str {
                match self {
                    $(BuiltinToolInput::$variant(_) => <$ty as ToolInput>::TOOL_NAME,)*
                    BuiltinToolInput::Other { name, .. } => name,
                }
            }

            /// The input as JSON (unknown fields included), e.g. to send back as `updatedInput`.
            pub fn to_value(&self) -> Value {
                match self {
                    $(BuiltinToolInput::$variant(typed) => serde_json::to_value(typed).unwrap_or(Value::Null),)*
                    BuiltinToolInput::Other { input, .. } => input.clone(),
                }
            }
        }
    };
}

builtin_inputs!(
    Agent(AgentInput),
    AskUserQuestion(AskUserQuestionInput),
    Bash(BashInput),
    TaskOutput(TaskOutputInput),
    Edit(EditInput),
    Read(ReadInput),
    Write(WriteInput),
    Glob(GlobInput),
    Grep(GrepInput),
    TaskStop(TaskStopInput),
    NotebookEdit(NotebookEditInput),
    WebFetch(WebFetchInput),
    WebSearch(WebSearchInput),
    TodoWrite(TodoWriteInput),
    ExitPlanMode(ExitPlanModeInput),
    ListMcpResources(ListMcpResourcesInput),
    ReadMcpResource(ReadMcpResourceInput),
    Config(ConfigInput),
    EnterWorktree(EnterWorktreeInput),
);

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parse_keeps_inputs_that_do_not_fit_the_tool_type_raw() {
        let odd = BuiltinToolInput::parse("Bash", json!({"command": ["not", "a", "string"]}));
        assert_eq!(
            odd,
            BuiltinToolInput::Other {
                name: "Bash".into(),
                input: json!({"command": ["not", "a", "string"]})
            }
        );
    }

    #[test]
    fn aliases_map_to_the_current_tool_name() {
        for (alias, current) in [
            ("Task", "Agent"),
            ("BashOutput", "TaskOutput"),
            ("KillShell", "TaskStop"),
        ] {
            assert_eq!(
                BuiltinToolInput::parse(alias, json!({})).tool_name(),
                current
            );
        }
    }

    #[test]
    fn to_value_round_trips_unknown_fields_of_typed_inputs() {
        let raw = json!({"command": "ls", "description": "List", "future_flag": 3});
        let parsed = BuiltinToolInput::parse("Bash", raw.clone());
        assert!(matches!(&parsed, BuiltinToolInput::Bash(b) if b.command == "ls"));
        assert_eq!(parsed.to_value(), raw);
    }

    #[test]
    fn every_builtin_tool_parses_from_an_empty_object() {
        for name in [
            "Agent",
            "AskUserQuestion",
            "Bash",
            "TaskOutput",
            "Edit",
            "Read",
            "Write",
            "Glob",
            "Grep",
            "TaskStop",
            "NotebookEdit",
            "WebFetch",
            "WebSearch",
            "TodoWrite",
            "ExitPlanMode",
            "ListMcpResources",
            "ReadMcpResource",
            "Config",
            "EnterWorktree",
        ] {
            let parsed = BuiltinToolInput::parse(name, json!({}));
            assert!(!matches!(parsed, BuiltinToolInput::Other { .. }), "{name}");
            assert_eq!(parsed.tool_name(), name);
        }
    }
}
