//! Settings, plugins, managed settings and MCP servers: flags for older CLIs, `initialize`
//! fields for newer ones, and the `--settings` value with `sandbox` merged in.

use std::path::PathBuf;

use serde_json::{Map, Value};

use super::argv::{Argv, check_no_nul, path_str};
use super::runtime;
use crate::options::{Options, PluginConfig, SettingSource};
use crate::{Error, Result};

impl Options {
    pub(super) fn push_settings_flags(
        &self,
        argv: &mut Argv,
        deliveries: &runtime::Deliveries,
        body: &mut Map<String, Value>,
    ) -> Result<()> {
        let sources = match (&self.setting_sources, &self.skills) {
            (Some(sources), _) => sources.clone(),
            // Skills live in the user and project settings directories.
            (None, Some(_)) => vec![SettingSource::User, SettingSource::Project],
            (None, None) => Vec::new(),
        };
        let sources: Vec<&str> = sources.iter().map(SettingSource::as_str).collect();
        argv.attached("setting_sources", "--setting-sources", &sources.join(","))?;
        if let Some(settings) = self.settings_arg()? {
            argv.value("settings", "--settings", &settings)?;
        }
        for dir in &self.add_dirs {
            argv.path("add_dir", "--add-dir", dir)?;
        }
        if deliveries.plugins && !self.plugins.is_empty() {
            let mut list = Vec::new();
            for plugin in &self.plugins {
                let PluginConfig::Local { path } = plugin;
                let path = path_str("plugins", path)?;
                list.push(serde_json::json!({"type": "local", "path": path}));
            }
            body.insert("plugins".into(), Value::Array(list));
        } else {
            for plugin in &self.plugins {
                match plugin {
                    PluginConfig::Local { path } => {
                        argv.path("plugins", "--plugin-dir", path)?;
                    }
                }
            }
        }
        self.runtime
            .push_managed_settings(deliveries.managed_settings, argv, body)?;
        if let Some(root) = &self.project_config_root {
            argv.path("project_config_root", "--project-config-root", root)?;
        }
        let external: Map<String, Value> = self
            .mcp_servers
            .iter()
            .filter_map(|(name, config)| config.to_wire().map(|wire| (name.clone(), wire)))
            .collect();
        if !external.is_empty() && deliveries.mcp_servers {
            // Off the command line: secrets in `env` and `headers` stay out of `ps`.
            body.insert("mcpServers".into(), Value::Object(external));
        } else if !external.is_empty() {
            let mut config = Map::new();
            config.insert("mcpServers".into(), Value::Object(external));
            argv.value(
                "mcp_servers",
                "--mcp-config",
                &Value::Object(config).to_string(),
            )?;
        }
        if self.strict_mcp_config {
            argv.flag("--strict-mcp-config");
        }
        Ok(())
    }

    /// The `--settings` value: the user's settings, with `sandbox` merged in when set.
    fn settings_arg(&self) -> Result<Option<String>> {
        let settings = self.settings.as_deref();
        if let Some(text) = settings {
            check_no_nul("settings", text)?;
        }
        let Some(sandbox) = &self.sandbox else {
            if let Some(text) = settings.filter(|s| looks_like_json(s)) {
                parse_settings_object(text)?;
            }
            return Ok(settings.map(str::to_owned));
        };
        if !sandbox.is_object() {
            return Err(Error::invalid_option(
                "sandbox",
                "the sandbox settings must be a JSON object",
            ));
        }
        let mut merged = match settings {
            None => Map::new(),
            Some(text) if looks_like_json(text) => parse_settings_object(text)?,
            Some(path) => {
                let mut full = PathBuf::from(path);
                if let (true, Some(cwd)) = (full.is_relative(), &self.cwd) {
                    full = cwd.join(full);
                }
                let text = std::fs::read_to_string(&full).map_err(|e| {
                    Error::invalid_option(
                        "settings",
                        format!(
                            "cannot read the settings file {} to merge `sandbox`: {e}",
                            full.display()
                        ),
                    )
                })?;
                parse_settings_object(&text)?
            }
        };
        merged.insert("sandbox".into(), sandbox.clone());
        Ok(Some(Value::Object(merged).to_string()))
    }
}

fn looks_like_json(text: &str) -> bool {
    text.trim_start().starts_with('{')
}

fn parse_settings_object(text: &str) -> Result<Map<String, Value>> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(Error::invalid_option(
            "settings",
            "the settings must be a JSON object",
        )),
        Err(e) => Err(Error::invalid_option(
            "settings",
            format!("the settings are not valid JSON: {e}"),
        )),
    }
}
