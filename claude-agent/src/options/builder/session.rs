//! [`OptionsBuilder`] setters for sessions (resume, fork, ids), output streams and settings.

use std::path::PathBuf;

use serde_json::Value;

use crate::options::{OptionsBuilder, PluginConfig, SettingSource};

impl OptionsBuilder {
    /// Resumes a session by id (`--resume=<id>`; newer CLIs also accept a session title).
    pub fn resume(mut self, session_id: impl Into<String>) -> Self {
        self.options.resume = Some(session_id.into());
        self
    }

    /// When resuming or continuing, continue under a new session id (`--fork-session`).
    pub fn fork_session(mut self, fork: bool) -> Self {
        self.options.fork_session = fork;
        self
    }

    /// When resuming, start from this message uuid (`--resume-session-at=<uuid>`); needs
    /// [`resume`](Self::resume).
    pub fn resume_session_at(mut self, message_uuid: impl Into<String>) -> Self {
        self.options.resume_session_at = Some(message_uuid.into());
        self
    }

    /// When resuming at a message, drop the turn of this message uuid
    /// (`--resume-drops-turn=<uuid>`); needs [`resume_session_at`](Self::resume_session_at).
    ///
    /// Needs a newer CLI: see [compatibility](crate::compatibility).
    pub fn resume_drops_turn(mut self, message_uuid: impl Into<String>) -> Self {
        self.options.resume_drops_turn = Some(message_uuid.into());
        self
    }

    /// Uses this UUID as the session id (`--session-id=<uuid>`). With
    /// [`resume`](Self::resume) or [`continue_conversation`](Self::continue_conversation) it
    /// also needs [`fork_session`](Self::fork_session).
    pub fn session_id(mut self, session_id: impl Into<String>) -> Self {
        self.options.session_id = Some(session_id.into());
        self
    }

    /// Continues the most recent conversation in the working directory (`--continue`).
    pub fn continue_conversation(mut self, continue_: bool) -> Self {
        self.options.continue_conversation = continue_;
        self
    }

    /// Whether the session is saved to disk (default `true`); `false` passes
    /// `--no-session-persistence` and the session cannot be resumed.
    pub fn persist_session(mut self, persist: bool) -> Self {
        self.options.persist_session = Some(persist);
        self
    }

    /// Sets the session title (sent as `initialize.title`).
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.options.title = Some(title.into());
        self
    }

    /// Asks for a `prompt_suggestion` message after each turn (`initialize.promptSuggestions`).
    pub fn prompt_suggestions(mut self, enabled: bool) -> Self {
        self.options.prompt_suggestions = Some(enabled);
        self
    }

    /// Forwards subagents' text and thinking as messages with `parent_tool_use_id` set
    /// (`initialize.forwardSubagentText`).
    pub fn forward_subagent_text(mut self, enabled: bool) -> Self {
        self.options.forward_subagent_text = Some(enabled);
        self
    }

    /// Tracks file changes so they can be rewound (sets
    /// `CLAUDE_CODE_ENABLE_SDK_FILE_CHECKPOINTING=true` for the CLI).
    pub fn enable_file_checkpointing(mut self, enabled: bool) -> Self {
        self.options.enable_file_checkpointing = enabled;
        self
    }

    /// Streams partial messages as `stream_event`s (`--include-partial-messages`).
    pub fn include_partial_messages(mut self, enabled: bool) -> Self {
        self.options.include_partial_messages = enabled;
        self
    }

    /// Streams hook lifecycle events of settings (shell) hooks (`--include-hook-events`).
    pub fn include_hook_events(mut self, enabled: bool) -> Self {
        self.options.include_hook_events = enabled;
        self
    }

    /// Which filesystem settings the CLI loads (`--setting-sources=...`). The default is none
    /// at all (`--setting-sources=`), like the TypeScript SDK; include
    /// [`SettingSource::Project`] for `CLAUDE.md` files.
    pub fn setting_sources<I>(mut self, sources: I) -> Self
    where
        I: IntoIterator<Item = SettingSource>,
    {
        self.options.setting_sources = Some(sources.into_iter().collect());
        self
    }

    /// Loads more settings (`--settings`): a path to a JSON file, or a JSON object as text.
    pub fn settings(mut self, path_or_json: impl Into<String>) -> Self {
        self.options.settings = Some(path_or_json.into());
        self
    }

    /// Configures the sandbox: a [`SandboxSettings`](crate::options::SandboxSettings) or a JSON
    /// object.
    /// It is merged into the [`settings`](Self::settings) (file or JSON) under `"sandbox"`.
    pub fn sandbox(mut self, sandbox: impl Into<Value>) -> Self {
        self.options.sandbox = Some(sandbox.into());
        self
    }

    /// Adds plugins (`--plugin-dir`, one per plugin).
    pub fn plugins<I>(mut self, plugins: I) -> Self
    where
        I: IntoIterator<Item = PluginConfig>,
    {
        self.options.plugins.extend(plugins);
        self
    }

    /// Adds a local plugin directory (`--plugin-dir`).
    pub fn plugin_dir(mut self, path: impl Into<PathBuf>) -> Self {
        self.options.plugins.push(PluginConfig::local(path));
        self
    }

    /// Uses another directory as the root of project configuration (`--project-config-root`).
    ///
    /// Needs a newer CLI: see [compatibility](crate::compatibility).
    pub fn project_config_root(mut self, path: impl Into<PathBuf>) -> Self {
        self.options.project_config_root = Some(path.into());
        self
    }

    /// Sets a further field of the `initialize` request verbatim, for fields newer CLIs
    /// understand (e.g. `agentProgressSummaries`). Fields the SDK sets itself (`hooks`,
    /// `agents`, `systemPrompt`, ...) are refused when the session starts.
    pub fn initialize_field(mut self, key: impl Into<String>, value: Value) -> Self {
        self.options.initialize_fields.insert(key.into(), value);
        self
    }
}
