//! `#[agent]` produces what a hand-written `Agent` / `MainAgent` would, for every key.
#![cfg(feature = "inventory")] // reads the link-time registry
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use claude_agent::agents::{Agent, MainAgent, ToolRef, agent, registered_agents};
use claude_agent::hooks::{HookOutput, PreToolUse, hook};
use claude_agent::options::{AgentDefinition, AgentMemory, Effort, PermissionMode};
use claude_agent::tools::tool;
use claude_agent::{Options, OptionsBuilder};

/// Adds two numbers.
#[tool(server = "calc")]
async fn add(a: i64, b: i64) -> String {
    (a + b).to_string()
}

/// Logs every tool call.
#[hook(PreToolUse)]
async fn log_calls(_input: PreToolUse) -> HookOutput {
    HookOutput::default()
}

/// You review code for bugs.
///
/// Quote the line you mean.
#[agent(
    description = "Reviews code for bugs",
    tools = ["Read", "Grep", add],
    disallowed_tools = ["Bash"],
    model = "haiku",
    mcp_servers = ["github"],
    skills = ["pdf"],
    max_turns = 5,
    memory = "project",
    initial_prompt = "Start with src/",
    background,
    effort = "low",
    permission_mode = "plan",
    critical_system_reminder = "Never edit files"
)]
struct CodeReviewer;

struct ByHand;

impl Agent for ByHand {
    const NAME: &'static str = "code-reviewer";
    const TOOLS: &'static [ToolRef] = &[
        ToolRef::Named("Read"),
        ToolRef::Named("Grep"),
        ToolRef::Mcp {
            server: "calc",
            tool: "add",
        },
    ];

    fn definition() -> AgentDefinition {
        AgentDefinition::new(
            "Reviews code for bugs",
            "You review code for bugs.\n\nQuote the line you mean.",
        )
        .tools(["Read", "Grep", "mcp__calc__add"])
        .disallowed_tools(["Bash"])
        .model("haiku")
        .mcp_server("github")
        .skills(["pdf"])
        .max_turns(5)
        .memory(AgentMemory::Project)
        .initial_prompt("Start with src/")
        .background(true)
        .effort(Effort::Low)
        .permission_mode(PermissionMode::Plan)
        .critical_system_reminder("Never edit files")
    }
}

#[test]
fn macro_definition_equals_the_hand_written_one() {
    assert_eq!(CodeReviewer::NAME, ByHand::NAME);
    assert_eq!(CodeReviewer::TOOLS, ByHand::TOOLS);
    assert_eq!(
        CodeReviewer::definition().to_wire().unwrap(),
        ByHand::definition().to_wire().unwrap()
    );
}

#[agent(name = "terse", description = "Answers in one word", prompt = concat!("One ", "word."))]
struct Anything;

#[test]
fn name_and_prompt_keys_override_the_struct() {
    assert_eq!(Anything::NAME, "terse");
    assert_eq!(Anything::definition().prompt, "One word.");
    assert!(Anything::definition().tools.is_none());
}

#[test]
fn subagents_register_themselves_sorted_by_name() {
    let names: Vec<&str> = registered_agents().iter().map(|d| d.name).collect();
    assert_eq!(names, ["code-reviewer", "terse"]);
}

/// A review.
#[derive(serde::Deserialize, schemars::JsonSchema)]
#[allow(dead_code)]
pub struct Review {
    /// Whether to merge.
    approve: bool,
}

/// You are a careful engineer.
#[agent(
    main,
    model = "sonnet",
    permission_mode = "acceptEdits",
    max_turns = 8,
    max_budget_usd = 0.5,
    effort = "high",
    tools = ["Read", add],
    allowed_tools = ["Read"],
    disallowed_tools = ["WebFetch"],
    subagents = [CodeReviewer],
    hooks = [log_calls],
    setting_sources = ["project"],
    output = Review
)]
pub struct Engineer;

fn hand_written_engineer() -> OptionsBuilder {
    Options::builder()
        .model("sonnet")
        .system_prompt("You are a careful engineer.")
        .permission_mode(PermissionMode::AcceptEdits)
        .effort(Effort::High)
        .max_turns(8)
        .max_budget_usd(0.5)
        .tools(vec!["Read", "Agent"])
        .allowed_tools(["mcp__calc__add", "Read"])
        .disallowed_tools(["WebFetch"])
        .subagent::<CodeReviewer>()
        .hooks(claude_agent::hooks::HookRegistry::new().hook(LogCallsHook))
        .setting_sources([claude_agent::options::SettingSource::Project])
        .output_type::<Review>()
}

#[test]
fn main_agent_options_equal_the_hand_written_builder() {
    let generated = Engineer::options().build();
    let by_hand = hand_written_engineer().build();
    assert_eq!(generated.cli_args().unwrap(), by_hand.cli_args().unwrap());
    // Options has no `PartialEq` (it holds callbacks); its `Debug` shows every setting.
    assert_eq!(format!("{generated:?}"), format!("{by_hand:?}"));
    let args = generated.cli_args().unwrap();
    for flag in [
        ["--model", "sonnet"],
        ["--permission-mode", "acceptEdits"],
        ["--max-turns", "8"],
        ["--max-budget-usd", "0.5"],
    ] {
        assert!(args.windows(2).any(|w| w == flag), "{flag:?} in {args:?}");
    }
    assert_eq!(
        format!("{:?}", <Engineer as MainAgent>::options().build()),
        format!("{by_hand:?}")
    );
}

#[test]
fn main_agent_options_stay_overridable() {
    let args = Engineer::options().max_turns(1).build().cli_args().unwrap();
    assert!(
        args.windows(2).any(|w| w == ["--max-turns", "1"]),
        "{args:?}"
    );
}
