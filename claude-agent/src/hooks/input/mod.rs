//! Typed hook inputs: one struct per event, plus [`HookInput`] over all of them.
//!
//! Every struct is lenient: missing fields take their defaults and unknown fields are ignored,
//! so a newer CLI never breaks parsing. [`HookInput`] keeps the raw JSON of events (or shapes) it
//! does not know.

mod other;
mod session;
mod tool;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::HookEvent;

pub use other::{
    ConfigChange, CwdChanged, DirectoryAdded, Elicitation, ElicitationResult, FileChanged,
    InstructionsLoaded, MessageDisplay, PostModelSwitch, PreModelSwitch, TaskCompleted,
    TaskCreated, TeammateIdle, WorktreeCreate, WorktreeRemove,
};
pub use session::{
    CompactTrigger, Notification, PostCompact, PreCompact, SessionEnd, SessionStart,
    SessionStartSource, Setup, Stop, StopFailure, SubagentStart, SubagentStop, UserPromptExpansion,
    UserPromptSubmit,
};
pub use tool::{
    PermissionDeniedInput, PermissionRequestInput, PostToolBatch, PostToolUse, PostToolUseFailure,
    PreToolUse, ToolCall,
};

/// The reasoning effort of the current turn, as hook inputs carry it (`{"level": "high"}`); the
/// option that sets it is [`options::Effort`](crate::options::Effort).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct TurnEffort {
    /// `low`, `medium`, `high`, `xhigh`, `max`, ...
    pub level: String,
}

/// The fields every hook input has.
///
/// # Examples
///
/// ```
/// use claude_agent::hooks::HookBase;
///
/// let base: HookBase = serde_json::from_value(serde_json::json!({
///     "session_id": "s", "transcript_path": "/t.jsonl", "cwd": "/p",
///     "permission_mode": "default", "effort": {"level": "high"}, "hook_event_name": "Stop"
/// })).unwrap();
/// assert_eq!(base.effort.unwrap().level, "high");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct HookBase {
    /// The session's id.
    pub session_id: String,
    /// The session's transcript file.
    pub transcript_path: String,
    /// The working directory.
    pub cwd: String,
    /// The permission mode's wire name (`default`, `acceptEdits`, `plan`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permission_mode: Option<String>,
    /// Correlates the events of one user prompt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prompt_id: Option<String>,
    /// The subagent's id, when the hook fires inside a subagent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent_id: Option<String>,
    /// The agent's type, inside a subagent or a session started with `--agent`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent_type: Option<String>,
    /// The turn's reasoning effort.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effort: Option<TurnEffort>,
    /// The event's wire name.
    pub hook_event_name: String,
}

/// Declares the input struct of an event without a tool input: the base fields plus the
/// listed ones, all defaulted.
macro_rules! event_input {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$fmeta:meta])* $field:ident : $ty:ty ),* $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[serde(default)]
        #[non_exhaustive]
        pub struct $name {
            /// Fields every event has.
            #[serde(flatten)]
            pub base: HookBase,
            $( $(#[$fmeta])* pub $field: $ty, )*
        }
    };
}
pub(crate) use event_input;

/// The tool's name in an input of the given shape.
macro_rules! tool_name_of {
    (plain $input:ident) => {
        None
    };
    (tool $input:ident) => {
        Some($input.tool_name.as_str())
    };
    (tool_output $input:ident) => {
        Some($input.tool_name.as_str())
    };
}

/// Emits [`HookInput`] from the event table.
macro_rules! hook_inputs {
    ($( $(#[$doc:meta])* $variant:ident($input:ident) = $wire:literal, $shape:ident, $decides:literal, $policy:ident; )*) => {
        /// The input of any hook event. Tool inputs stay raw JSON here; use the per-event types
        /// (e.g. `PreToolUse<BashInput>`) for typed tool inputs.
        ///
        /// # Examples
        ///
        /// ```
        /// use claude_agent::hooks::{HookEvent, HookInput};
        /// use serde_json::json;
        ///
        /// let input: HookInput = serde_json::from_value(json!({
        ///     "session_id": "s", "transcript_path": "/t", "cwd": "/p",
        ///     "hook_event_name": "UserPromptSubmit", "prompt": "hi"
        /// })).unwrap();
        /// assert!(matches!(&input, HookInput::UserPromptSubmit(p) if p.prompt == "hi"));
        /// assert_eq!(input.event(), HookEvent::UserPromptSubmit);
        ///
        /// let future = HookInput::from_value(json!({"hook_event_name": "Teleport", "to": "mars"}));
        /// assert!(matches!(&future, HookInput::Unknown { event, .. } if event == "Teleport"));
        /// ```
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum HookInput {
            $(
                #[doc = concat!("`", stringify!($variant), "`.")]
                $variant($input),
            )*
            /// An event this SDK version does not know, or a known event whose input did not
            /// have the expected shape: the raw JSON.
            Unknown {
                /// The `hook_event_name` sent.
                event: String,
                /// The whole input.
                raw: Value,
            },
        }

        impl HookInput {
            /// Types a raw hook input by its `hook_event_name`; never fails.
            pub fn from_value(raw: Value) -> Self {
                let event = raw
                    .get("hook_event_name")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned();
                let typed = match event.as_str() {
                    $(stringify!($variant) => $input::deserialize(&raw).map(HookInput::$variant).ok(),)*
                    _ => None,
                };
                typed.unwrap_or(HookInput::Unknown { event, raw })
            }

            /// The event.
            pub fn event(&self) -> HookEvent {
                match self {
                    $(HookInput::$variant(_) => HookEvent::$variant,)*
                    HookInput::Unknown { event, .. } => HookEvent::from_name(event),
                }
            }

            /// The fields every event has (`None` for [`HookInput::Unknown`]).
            pub fn base(&self) -> Option<&HookBase> {
                match self {
                    $(HookInput::$variant(input) => Some(&input.base),)*
                    HookInput::Unknown { .. } => None,
                }
            }

            /// The input as JSON.
            pub fn to_value(&self) -> Value {
                match self {
                    $(HookInput::$variant(input) => serde_json::to_value(input).unwrap_or(Value::Null),)*
                    HookInput::Unknown { raw, .. } => raw.clone(),
                }
            }

            /// The tool's name, for tool events.
            pub fn tool_name(&self) -> Option<&str> {
                match self {
                    $(HookInput::$variant(_input) => tool_name_of!($shape _input),)*
                    HookInput::Unknown { .. } => None,
                }
            }
        }
    };
}

super::event_table::hook_events!(hook_inputs);

impl Serialize for HookInput {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_value().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for HookInput {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(HookInput::from_value(Value::deserialize(deserializer)?))
    }
}
