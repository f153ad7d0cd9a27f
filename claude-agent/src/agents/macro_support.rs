//! What `#[agent]`'s expansion needs. Not public API: no semver promise.

#[cfg(feature = "inventory")]
pub use inventory;

use super::ToolRef;

/// Submits an agent descriptor to the registry (nothing without the `inventory` feature).
#[cfg(feature = "inventory")]
#[doc(hidden)]
#[macro_export]
macro_rules! __claude_agent_submit_agent {
    ($($descriptor:tt)*) => {
        $crate::agents::__macro_support::inventory::submit! { $($descriptor)* }
    };
}

/// Submits an agent descriptor to the registry (nothing without the `inventory` feature).
#[cfg(not(feature = "inventory"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __claude_agent_submit_agent {
    ($($descriptor:tt)*) => {};
}

pub use crate::__claude_agent_submit_agent as submit_agent;

/// Spanned on a `subagents = [..]` entry: fails to compile unless it is an agent.
pub const fn assert_agent<T: super::Agent>() {}

/// Fails compilation (in a `const`) when a subagent may use a tool its parent disallows.
// The panic is a compile error: `#[agent]` only calls this in a `const` item.
#[allow(clippy::panic)]
pub const fn check_subagent_tools(parent_disallowed: &[ToolRef], subagent_tools: &[ToolRef]) {
    let mut i = 0;
    while i < subagent_tools.len() {
        let mut j = 0;
        while j < parent_disallowed.len() {
            if denies(&parent_disallowed[j], &subagent_tools[i]) {
                panic!(
                    "this subagent's `tools` include a tool its parent's `disallowed_tools` denies"
                );
            }
            j += 1;
        }
        i += 1;
    }
}

const fn denies(rule: &ToolRef, tool: &ToolRef) -> bool {
    match *rule {
        ToolRef::Named(rule) => tool.is_denied_by(rule),
        ToolRef::Mcp { server, tool: name } => match *tool {
            ToolRef::Mcp {
                server: other_server,
                tool: other_name,
            } => {
                ToolRef::Named(server).is_denied_by(other_server)
                    && ToolRef::Named(name).is_denied_by(other_name)
            }
            ToolRef::Named(_) => false,
        },
    }
}
