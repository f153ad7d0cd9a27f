#![allow(clippy::all)]
//! Options (temporary stub with the agreed interface; replaced by the options module).
#![allow(missing_docs, dead_code)]
use crate::Result;
use crate::hooks::{HookCallback, HookEvent, HookMatcher};
use crate::mcp::SdkMcpServer;
use crate::permissions::CanUseTool;
use crate::transport::Spawner;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

#[derive(Clone, Default)]
pub struct Options {
    pub(crate) cli_path: Option<PathBuf>,
    pub(crate) env: Vec<(String, Option<String>)>,
    pub(crate) cwd: Option<PathBuf>,
    pub(crate) args: Vec<String>,
    pub(crate) can_use_tool: Option<Arc<dyn CanUseTool>>,
    pub(crate) hooks: Vec<(HookEvent, HookMatcher)>,
    pub(crate) control_timeout: Option<Duration>,
    pub(crate) max_line: Option<usize>,
    pub(crate) spawner: Option<Arc<dyn Spawner>>,
    pub(crate) skip_version_check: bool,
    pub(crate) init_timeout: Option<Duration>,
    pub(crate) shutdown: Option<Duration>,
}
impl std::fmt::Debug for Options {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Options")
    }
}
#[derive(Default)]
pub struct OptionsBuilder(Options);
impl std::fmt::Debug for OptionsBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OptionsBuilder")
    }
}
impl OptionsBuilder {
    pub fn cli_path(mut self, p: impl AsRef<Path>) -> Self {
        self.0.cli_path = Some(p.as_ref().to_path_buf());
        self
    }
    pub fn _x(mut self, p: impl Into<PathBuf>) -> Self {
        self.0.cli_path = Some(p.into());
        self
    }
    pub fn env(mut self, k: impl Into<String>, v: impl Into<String>) -> Self {
        self.0.env.push((k.into(), Some(v.into())));
        self
    }
    pub fn cwd(mut self, p: impl Into<PathBuf>) -> Self {
        self.0.cwd = Some(p.into());
        self
    }
    pub fn extra_arg(mut self, a: impl Into<String>) -> Self {
        self.0.args.push(a.into());
        self
    }
    pub fn can_use_tool(mut self, c: impl CanUseTool) -> Self {
        self.0.can_use_tool = Some(Arc::new(c));
        self
    }
    pub fn hook(mut self, e: HookEvent, m: HookMatcher) -> Self {
        self.0.hooks.push((e, m));
        self
    }
    pub fn control_timeout(mut self, d: Duration) -> Self {
        self.0.control_timeout = Some(d);
        self
    }
    pub fn max_line_bytes(mut self, n: usize) -> Self {
        self.0.max_line = Some(n);
        self
    }
    pub fn spawner(mut self, s: impl Spawner) -> Self {
        self.0.spawner = Some(Arc::new(s));
        self
    }
    pub fn skip_version_check(mut self, b: bool) -> Self {
        self.0.skip_version_check = b;
        self
    }
    pub fn build(self) -> Options {
        self.0
    }
}
#[derive(Debug, Clone, Copy, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PermissionMode {
    Default,
    AcceptEdits,
    Plan,
}

pub(crate) struct LaunchPlan {
    pub args: Vec<String>,
    pub clear_env: bool,
    pub env: Vec<(String, Option<String>)>,
    pub cwd: Option<PathBuf>,
    pub initialize: serde_json::Map<String, Value>,
    pub hook_callbacks: HashMap<String, Arc<dyn HookCallback>>,
    pub can_use_tool: Option<Arc<dyn CanUseTool>>,
    pub sdk_mcp_servers: HashMap<String, Arc<dyn SdkMcpServer>>,
}
impl Options {
    pub fn builder() -> OptionsBuilder {
        OptionsBuilder::default()
    }
    pub(crate) fn launch_plan(&self) -> Result<LaunchPlan> {
        let mut args: Vec<String> = [
            "--output-format",
            "stream-json",
            "--verbose",
            "--input-format",
            "stream-json",
            "--setting-sources=",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        args.extend(self.args.clone());
        let mut initialize = serde_json::Map::new();
        let mut hook_callbacks = HashMap::new();
        let mut hooks = serde_json::Map::new();
        for (i, (ev, m)) in self.hooks.iter().enumerate() {
            let mut ids = vec![];
            for (j, cb) in m.callbacks.iter().enumerate() {
                let id = format!("hook_{i}_{j}");
                hook_callbacks.insert(id.clone(), cb.clone());
                ids.push(Value::from(id));
            }
            let entry = serde_json::json!({"matcher": m.matcher, "hookCallbackIds": ids});
            hooks
                .entry(ev.as_str().to_owned())
                .or_insert_with(|| Value::Array(vec![]))
                .as_array_mut()
                .map(|a| a.push(entry));
        }
        if !hooks.is_empty() {
            initialize.insert("hooks".into(), Value::Object(hooks));
        }
        if self.can_use_tool.is_some() {
            args.push("--permission-prompt-tool".into());
            args.push("stdio".into());
        }
        Ok(LaunchPlan {
            args,
            clear_env: false,
            env: self.env.clone(),
            cwd: self.cwd.clone(),
            initialize,
            hook_callbacks,
            can_use_tool: self.can_use_tool.clone(),
            sdk_mcp_servers: HashMap::new(),
        })
    }
    pub(crate) fn cli_path(&self) -> Option<&Path> {
        self.cli_path.as_deref()
    }
    pub(crate) fn max_line_bytes(&self) -> usize {
        self.max_line.unwrap_or(32 << 20)
    }
    pub(crate) fn control_timeout(&self) -> Duration {
        self.control_timeout.unwrap_or(Duration::from_secs(60))
    }
    pub(crate) fn initialize_timeout(&self) -> Duration {
        self.init_timeout.unwrap_or(Duration::from_secs(60))
    }
    pub(crate) fn shutdown_timeout(&self) -> Duration {
        self.shutdown.unwrap_or(Duration::from_secs(5))
    }
    pub(crate) fn skip_version_check(&self) -> bool {
        self.skip_version_check
    }
    pub(crate) fn stderr_callback(&self) -> Option<Arc<dyn Fn(&str) + Send + Sync>> {
        None
    }
    pub(crate) fn spawner(&self) -> Option<Arc<dyn Spawner>> {
        self.spawner.clone()
    }
}
impl OptionsBuilder {
    pub fn initialize_timeout(mut self, d: Duration) -> Self {
        self.0.init_timeout = Some(d);
        self
    }
    pub fn shutdown_timeout(mut self, d: Duration) -> Self {
        self.0.shutdown = Some(d);
        self
    }
}
