//! [`AgentDescriptor`]: a subagent as compile-time data, and the link-time registry of them.

use std::collections::BTreeMap;

use super::Agent;
use crate::options::AgentDefinition;
use crate::{Error, Result};

/// A subagent as `'static` data plus a function pointer, so `#[agent]` can register it with
/// `inventory`. Build one with [`AgentDescriptor::of`].
///
/// # Examples
///
/// ```
/// use claude_agent::agents::{Agent, AgentDescriptor};
/// use claude_agent::options::AgentDefinition;
///
/// struct Greeter;
/// impl Agent for Greeter {
///     const NAME: &'static str = "greeter";
///     fn definition() -> AgentDefinition {
///         AgentDefinition::new("Greets people", "You greet people warmly.")
///     }
/// }
///
/// static GREETER: AgentDescriptor = AgentDescriptor::of::<Greeter>(file!(), line!());
/// assert_eq!(GREETER.name, "greeter");
/// assert_eq!((GREETER.definition)().prompt, "You greet people warmly.");
/// ```
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct AgentDescriptor {
    /// The agent's name (`subagent_type` in the Agent tool's input).
    pub name: &'static str,
    /// Builds the agent's definition.
    pub definition: fn() -> AgentDefinition,
    /// Where the agent is declared (`file!()`, `line!()`), for duplicate reports.
    pub defined_at: (&'static str, u32),
}

impl AgentDescriptor {
    /// The descriptor of agent `T`, declared at `file`:`line`.
    pub const fn of<T: Agent>(file: &'static str, line: u32) -> Self {
        AgentDescriptor {
            name: T::NAME,
            definition: T::definition,
            defined_at: (file, line),
        }
    }
}

#[cfg(feature = "inventory")]
inventory::collect!(AgentDescriptor);

/// Every subagent declared with `#[agent]` in the crates linked into this program, sorted by
/// name (then location). Agents in a library crate are only linked when the program uses that
/// crate; for a crate used for nothing but its agents, write `use my_agents as _;`. Empty without
/// the `inventory` feature.
///
/// # Examples
///
/// ```
/// for agent in claude_agent::agents::registered_agents() {
///     println!("{} ({}:{})", agent.name, agent.defined_at.0, agent.defined_at.1);
/// }
/// ```
pub fn registered_agents() -> Vec<&'static AgentDescriptor> {
    #[cfg(feature = "inventory")]
    let mut all: Vec<&'static AgentDescriptor> = inventory::iter::<AgentDescriptor>().collect();
    #[cfg(not(feature = "inventory"))]
    let mut all: Vec<&'static AgentDescriptor> = Vec::new();
    all.sort_by_key(|d| (d.name, d.defined_at));
    all
}

/// The registered subagents ([`registered_agents`]) by name, as a session sends them.
///
/// # Errors
///
/// [`Error::InvalidOption`] when two agents share a name (both locations are named).
///
/// # Examples
///
/// (A standalone doctest: merged doctests share one registry, which holds every doctest's agents.)
///
/// ```rust,standalone_crate
/// let agents = claude_agent::agents::registered_definitions()?;
/// assert!(agents.values().all(|definition| !definition.description.is_empty()));
/// # Ok::<(), claude_agent::Error>(())
/// ```
pub fn registered_definitions() -> Result<BTreeMap<String, AgentDefinition>> {
    collect(registered_agents())
}

pub(crate) fn collect(
    descriptors: Vec<&'static AgentDescriptor>,
) -> Result<BTreeMap<String, AgentDefinition>> {
    let mut out = BTreeMap::new();
    let mut seen: BTreeMap<&str, &AgentDescriptor> = BTreeMap::new();
    for descriptor in descriptors {
        if let Some(first) = seen.insert(descriptor.name, descriptor) {
            return Err(Error::invalid_option(
                "agents",
                format!(
                    "two agents are named `{}`: {}:{} and {}:{}; rename one with \
                     `#[agent(name = \"..\")]`",
                    descriptor.name,
                    first.defined_at.0,
                    first.defined_at.1,
                    descriptor.defined_at.0,
                    descriptor.defined_at.1
                ),
            ));
        }
        out.insert(descriptor.name.to_owned(), (descriptor.definition)());
    }
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    struct A;
    impl Agent for A {
        const NAME: &'static str = "same";
        fn definition() -> AgentDefinition {
            AgentDefinition::new("a", "a")
        }
    }

    static ONE: AgentDescriptor = AgentDescriptor::of::<A>("one.rs", 1);
    static TWO: AgentDescriptor = AgentDescriptor::of::<A>("two.rs", 2);

    #[test]
    fn duplicate_names_are_an_error_naming_both_places() {
        let err = collect(vec![&ONE, &TWO]).unwrap_err().to_string();
        assert!(
            err.contains("one.rs:1") && err.contains("two.rs:2"),
            "{err}"
        );
        assert_eq!(collect(vec![&ONE]).unwrap().len(), 1);
    }
}
