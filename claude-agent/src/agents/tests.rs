//! The selection rules for registered agents, seen in the `initialize` request.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;

use crate::Options;
use crate::agents::agent;
use crate::options::AgentDefinition;

/// You check spelling.
#[agent(description = "Checks spelling", tools = ["Read"])]
struct SpellChecker;

/// You check grammar.
#[agent(description = "Checks grammar")]
struct GrammarChecker;

fn sent_agents(options: Options) -> Vec<String> {
    let plan = options.launch_plan().unwrap();
    match plan.initialize.get("agents") {
        Some(Value::Object(agents)) => agents.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

#[test]
fn registered_agents_are_sent_by_default() {
    let sent = sent_agents(Options::builder().build());
    for name in ["spell-checker", "grammar-checker"] {
        assert!(
            sent.contains(&name.to_owned()),
            "{name} missing from {sent:?}"
        );
    }
}

#[test]
fn selecting_a_subagent_replaces_the_registry() {
    let sent = sent_agents(Options::builder().subagent::<SpellChecker>().build());
    assert_eq!(sent, ["spell-checker"]);
}

#[test]
fn opting_out_leaves_only_hand_built_agents() {
    assert!(sent_agents(Options::builder().no_registered_agents().build()).is_empty());
    assert!(sent_agents(Options::builder().no_registered().build()).is_empty());
    let hand = Options::builder()
        .no_registered_agents()
        .agent_definition("mine", AgentDefinition::new("d", "p"))
        .build();
    assert_eq!(sent_agents(hand), ["mine"]);
}

#[test]
fn a_hand_built_agent_wins_over_a_registered_one_of_the_same_name() {
    let options = Options::builder()
        .agent_definition("spell-checker", AgentDefinition::new("mine", "p"))
        .build();
    let plan = options.launch_plan().unwrap();
    assert_eq!(
        plan.initialize["agents"]["spell-checker"]["description"],
        "mine"
    );
    assert_eq!(
        plan.initialize["agents"]["grammar-checker"]["description"],
        "Checks grammar"
    );
}
