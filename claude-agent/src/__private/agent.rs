//! What `#[agent]`'s expansion needs beyond the public `agents` API.

use crate::agents::{Agent, ToolRef};

/// Spanned on a `subagents = [..]` entry: fails to compile unless it is an agent.
pub const fn assert_agent<T: Agent>() {}

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
