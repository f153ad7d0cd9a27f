//! Inputs of the model, team, MCP, configuration, file-system and display events.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{HookBase, event_input};
use crate::wire::count as u64_or_zero;

event_input! {
    /// Input of `PreModelSwitch` (fields beyond the base are kept in `extra`).
    PreModelSwitch {
        /// Event fields this SDK version does not name.
        #[serde(flatten)]
        extra: Map<String, Value>,
    }
}

event_input! {
    /// Input of `PostModelSwitch` (fields beyond the base are kept in `extra`).
    PostModelSwitch {
        /// Event fields this SDK version does not name.
        #[serde(flatten)]
        extra: Map<String, Value>,
    }
}

event_input! {
    /// Input of `TeammateIdle`.
    TeammateIdle {
        /// The idle teammate.
        teammate_name: String,
        /// The team (deprecated by the CLI).
        team_name: String,
    }
}

event_input! {
    /// Input of `TaskCreated`.
    TaskCreated {
        /// The task's id.
        task_id: String,
        /// Its subject.
        task_subject: String,
        /// Its description.
        #[serde(skip_serializing_if = "Option::is_none")]
        task_description: Option<String>,
        /// The teammate it belongs to.
        #[serde(skip_serializing_if = "Option::is_none")]
        teammate_name: Option<String>,
        /// The team (deprecated by the CLI).
        #[serde(skip_serializing_if = "Option::is_none")]
        team_name: Option<String>,
    }
}

event_input! {
    /// Input of `TaskCompleted`.
    TaskCompleted {
        /// The task's id.
        task_id: String,
        /// Its subject.
        task_subject: String,
        /// Its description.
        #[serde(skip_serializing_if = "Option::is_none")]
        task_description: Option<String>,
        /// The teammate it belongs to.
        #[serde(skip_serializing_if = "Option::is_none")]
        teammate_name: Option<String>,
        /// The team (deprecated by the CLI).
        #[serde(skip_serializing_if = "Option::is_none")]
        team_name: Option<String>,
    }
}

event_input! {
    /// Input of `Elicitation`: an MCP server asks the user for input.
    Elicitation {
        /// The server asking.
        mcp_server_name: String,
        /// What it asks.
        message: String,
        /// `form` or `url`.
        #[serde(skip_serializing_if = "Option::is_none")]
        mode: Option<String>,
        /// The URL to open (url mode).
        #[serde(skip_serializing_if = "Option::is_none")]
        url: Option<String>,
        /// The elicitation's id.
        #[serde(skip_serializing_if = "Option::is_none")]
        elicitation_id: Option<String>,
        /// The JSON Schema of the requested form.
        #[serde(skip_serializing_if = "Option::is_none")]
        requested_schema: Option<Value>,
    }
}

event_input! {
    /// Input of `ElicitationResult`: the answer to an elicitation.
    ElicitationResult {
        /// The server that asked.
        mcp_server_name: String,
        /// The elicitation's id.
        #[serde(skip_serializing_if = "Option::is_none")]
        elicitation_id: Option<String>,
        /// `form` or `url`.
        #[serde(skip_serializing_if = "Option::is_none")]
        mode: Option<String>,
        /// `accept`, `decline` or `cancel`.
        action: String,
        /// The submitted form.
        #[serde(skip_serializing_if = "Option::is_none")]
        content: Option<Map<String, Value>>,
    }
}

event_input! {
    /// Input of `ConfigChange`.
    ConfigChange {
        /// Which configuration changed (`user_settings`, `project_settings`, `skills`, ...).
        source: String,
        /// The file that changed.
        #[serde(skip_serializing_if = "Option::is_none")]
        file_path: Option<String>,
    }
}

event_input! {
    /// Input of `WorktreeCreate`.
    WorktreeCreate {
        /// The worktree's name.
        name: String,
    }
}

event_input! {
    /// Input of `WorktreeRemove`.
    WorktreeRemove {
        /// Where the worktree is.
        worktree_path: String,
    }
}

event_input! {
    /// Input of `InstructionsLoaded`: a CLAUDE.md or rules file was loaded.
    InstructionsLoaded {
        /// The file.
        file_path: String,
        /// Which kind of memory it is.
        memory_type: String,
        /// Why it was loaded.
        load_reason: String,
        /// The globs that made it apply.
        #[serde(skip_serializing_if = "Option::is_none")]
        globs: Option<Vec<String>>,
        /// The file whose access triggered the load.
        #[serde(skip_serializing_if = "Option::is_none")]
        trigger_file_path: Option<String>,
        /// The file that included it.
        #[serde(skip_serializing_if = "Option::is_none")]
        parent_file_path: Option<String>,
    }
}

event_input! {
    /// Input of `CwdChanged`.
    CwdChanged {
        /// The old working directory.
        old_cwd: String,
        /// The new one.
        new_cwd: String,
    }
}

event_input! {
    /// Input of `FileChanged`: a watched file changed.
    FileChanged {
        /// The file.
        file_path: String,
        /// `change`, `add` or `unlink`.
        event: String,
    }
}

event_input! {
    /// Input of `DirectoryAdded`.
    DirectoryAdded {
        /// The directory's absolute path.
        directory: String,
        /// `slash_command` (`/add-dir`) or `register_repo_root` (the SDK request).
        source: String,
    }
}

event_input! {
    /// Input of `MessageDisplay`: newly completed lines of a streaming assistant message.
    MessageDisplay {
        /// The turn's id.
        turn_id: String,
        /// The message's id (stable across its flushes).
        message_id: String,
        /// The flush's index within the message.
        #[serde(deserialize_with = "u64_or_zero")]
        index: u64,
        /// Whether this is the message's last flush.
        #[serde(rename = "final")]
        is_final: bool,
        /// The new lines.
        delta: String,
    }
}
