//! [`ToolRef`]: a tool an agent names, known at compile time.

use crate::tools::Tool;

/// A tool named in an agent's `tools` or `disallowed_tools`: a built-in tool (or any name the CLI
/// understands, such as a permission rule) or a tool served by an in-process MCP server.
///
/// `#[agent(tools = ["Read", add])]` turns `"Read"` into [`ToolRef::Named`] and the `#[tool]`
/// function `add` into [`ToolRef::of::<AddTool>()`](ToolRef::of), so the MCP name is derived from
/// the tool's own metadata and a typo is a compile error.
///
/// # Examples
///
/// ```
/// use claude_agent::agents::ToolRef;
/// use claude_agent::tools::tool;
///
/// /// Adds two numbers.
/// #[tool(server = "calc")]
/// async fn add(a: i64, b: i64) -> String {
///     (a + b).to_string()
/// }
///
/// assert_eq!(ToolRef::of::<AddTool>().wire_name(), "mcp__calc__add");
/// assert_eq!(ToolRef::Named("Read").wire_name(), "Read");
/// assert!(ToolRef::of::<AddTool>().is_denied_by("mcp__calc"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ToolRef {
    /// A name passed to the CLI as written (`Read`, `Bash`, `mcp__github__search`, ...).
    Named(&'static str),
    /// A tool of an in-process MCP server; the CLI calls it `mcp__<server>__<tool>`.
    Mcp {
        /// The server's name.
        server: &'static str,
        /// The tool's name inside the server.
        tool: &'static str,
    },
}

impl ToolRef {
    /// The reference to tool `T` in the server it is registered in ([`Tool::SERVER`]).
    pub const fn of<T: IsTool>() -> Self {
        ToolRef::Mcp {
            server: T::SERVER,
            tool: T::NAME,
        }
    }

    /// The name the CLI knows the tool by.
    pub fn wire_name(&self) -> String {
        match self {
            ToolRef::Named(name) => (*name).to_owned(),
            ToolRef::Mcp { server, tool } => format!("mcp__{server}__{tool}"),
        }
    }

    /// Whether the permission rule `rule` (an entry of `disallowed_tools`) denies this tool
    /// outright: the same name, or for an MCP tool `mcp__<server>` / `mcp__<server>__*`.
    /// Rules with a specifier (`Bash(rm:*)`) deny only some uses, so they do not count.
    pub const fn is_denied_by(&self, rule: &str) -> bool {
        match *self {
            ToolRef::Named(name) => bytes_eq(name.as_bytes(), rule.as_bytes()),
            ToolRef::Mcp { server, tool } => mcp_rule_matches(rule.as_bytes(), server, tool),
        }
    }
}

/// A `#[tool]` (or hand-written [`Tool`]): the bound of [`ToolRef::of`], with a message that
/// says what went wrong when an agent's `tools` names something else.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a tool",
    label = "not a `#[tool]` function or a `Tool` type",
    note = "an agent's `tools = [..]` takes built-in tool names as strings (\"Read\") and `#[tool]` functions by path"
)]
pub trait IsTool: Tool {}

impl<T: Tool> IsTool for T {}

const fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `rule[at..]` starts with `part`.
const fn has_at(rule: &[u8], at: usize, part: &[u8]) -> bool {
    if rule.len() < at + part.len() {
        return false;
    }
    let mut i = 0;
    while i < part.len() {
        if rule[at + i] != part[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn mcp_rule_matches(rule: &[u8], server: &str, tool: &str) -> bool {
    let (server, tool) = (server.as_bytes(), tool.as_bytes());
    if !has_at(rule, 0, b"mcp__") || !has_at(rule, 5, server) {
        return false;
    }
    let rest = 5 + server.len();
    if rule.len() == rest {
        return true;
    }
    if !has_at(rule, rest, b"__") {
        return false;
    }
    let name = rest + 2;
    (rule.len() == name + 1 && rule[name] == b'*')
        || (rule.len() == name + tool.len() && has_at(rule, name, tool))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn mcp_rules_match_server_wildcard_and_exact_name_only() {
        let add = ToolRef::Mcp {
            server: "calc",
            tool: "add",
        };
        for rule in ["mcp__calc", "mcp__calc__*", "mcp__calc__add"] {
            assert!(add.is_denied_by(rule), "{rule}");
        }
        for rule in [
            "mcp__calcx",
            "mcp__calc__ad",
            "mcp__calc__addx",
            "add",
            "mcp__cal",
        ] {
            assert!(!add.is_denied_by(rule), "{rule}");
        }
    }

    #[test]
    fn named_tools_match_exactly() {
        assert!(ToolRef::Named("Bash").is_denied_by("Bash"));
        assert!(!ToolRef::Named("Bash").is_denied_by("Bash(rm:*)"));
        assert!(!ToolRef::Named("Bash").is_denied_by("Read"));
    }
}
