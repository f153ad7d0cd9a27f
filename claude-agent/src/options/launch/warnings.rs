//! Option combinations that are valid but rarely what the user meant: reported once per
//! session through `tracing`.

use crate::options::{Options, PermissionMode};

impl Options {
    /// Why the `can_use_tool` callback will never be asked about some (or all) tools: the
    /// "my callback never fires" trap. Empty without a callback.
    pub(crate) fn unreachable_permission_callback(&self) -> Vec<String> {
        if self.can_use_tool.is_none() {
            return Vec::new();
        }
        let mut reasons = Vec::new();
        if let Some(mode @ (PermissionMode::BypassPermissions | PermissionMode::DontAsk)) =
            &self.permission_mode
        {
            reasons.push(format!(
                "permission mode `{}` decides every tool call itself: the can_use_tool callback \
                 is never asked",
                mode.as_str()
            ));
        }
        if self.permission_mode == Some(PermissionMode::AcceptEdits) {
            reasons.push(
                "permission mode `acceptEdits` allows file edits without asking: the \
                 can_use_tool callback only sees other tools"
                    .to_owned(),
            );
        }
        for rule in &self.allowed_tools {
            // A bare tool name (no `(specifier)`) allows every call of that tool.
            if !rule.contains('(') {
                reasons.push(format!(
                    "`{rule}` is in allowed_tools, so its calls are allowed without asking the \
                     can_use_tool callback"
                ));
            }
        }
        reasons
    }

    /// Logs [`unreachable_permission_callback`](Self::unreachable_permission_callback).
    pub(crate) fn warn_about_options(&self) {
        for reason in self.unreachable_permission_callback() {
            tracing::warn!("{reason}");
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use crate::Options;
    use crate::options::PermissionMode;
    use crate::permissions::{PermissionContext, PermissionRequest, PermissionResult};

    async fn ask(_: PermissionRequest, _: PermissionContext) -> PermissionResult {
        PermissionResult::allow()
    }

    #[test]
    fn the_never_fires_trap_is_named() {
        let quiet = Options::builder()
            .can_use_tool(ask)
            .allowed_tools(["Bash(git status)"])
            .build();
        assert!(quiet.unreachable_permission_callback().is_empty());
        let no_callback = Options::builder().allowed_tools(["Bash"]).build();
        assert!(no_callback.unreachable_permission_callback().is_empty());

        let shadowed = Options::builder()
            .can_use_tool(ask)
            .allowed_tools(["Bash", "Read(./src/**)"])
            .permission_mode(PermissionMode::BypassPermissions)
            .build();
        let reasons = shadowed.unreachable_permission_callback();
        assert_eq!(reasons.len(), 2, "{reasons:?}");
        assert!(reasons[0].contains("bypassPermissions"));
        assert!(reasons[1].contains("`Bash`"));
    }
}
