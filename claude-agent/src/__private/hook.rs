//! What `#[hook]`'s expansion needs beyond the public `hooks` API: the compile-time check that a
//! typed tool input and the matcher name the same tool.

use crate::builtin::ToolInput;

/// What the compile-time matcher check knows about a tool input type.
pub type ToolFacts = Option<(&'static str, &'static [&'static str], &'static str)>;

/// `<Probe<T>>::TOOL` is the tool facts of `T` when `T: ToolInput`, else (through
/// [`ProbeFallback`]) `None`. Only meaningful for concrete `T`.
pub struct Probe<T>(core::marker::PhantomData<T>);

impl<T> core::fmt::Debug for Probe<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Probe")
    }
}

impl<T: ToolInput> Probe<T> {
    /// The facts of a tool input type.
    pub const TOOL: ToolFacts = Some((T::TOOL_NAME, T::ALIASES, T::MATCHER_MISMATCH));
}

/// The fallback of [`Probe`] for types that are not tool inputs.
pub trait ProbeFallback {
    /// No facts.
    const TOOL: ToolFacts = None;
}

impl<T> ProbeFallback for Probe<T> {}

/// Fails compilation (in a `const`) when a hook's input is for one tool but its matcher is not
/// exactly that tool's name or one of its aliases.
// The panics are compile errors: `#[hook]` only calls this in a `const` item.
#[allow(clippy::panic)]
pub const fn check_tool_matcher(tool: ToolFacts, matcher: Option<&str>) {
    let Some((name, aliases, message)) = tool else {
        return;
    };
    let Some(matcher) = matcher else {
        panic!("{}", message);
    };
    if str_eq(name, matcher) {
        return;
    }
    let mut i = 0;
    while i < aliases.len() {
        if str_eq(aliases[i], matcher) {
            return;
        }
        i += 1;
    }
    panic!("{}", message);
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::{AgentInput, BashInput};

    #[allow(unused_imports)]
    use ProbeFallback as _;

    #[test]
    fn probe_finds_tool_inputs_and_falls_back_for_other_types() {
        assert_eq!(<Probe<BashInput>>::TOOL.map(|t| t.0), Some("Bash"));
        assert_eq!(<Probe<serde_json::Value>>::TOOL, None);
    }

    #[test]
    fn matcher_check_accepts_the_name_and_aliases() {
        check_tool_matcher(<Probe<BashInput>>::TOOL, Some("Bash"));
        check_tool_matcher(<Probe<AgentInput>>::TOOL, Some("Task"));
        check_tool_matcher(None, None);
        check_tool_matcher(None, Some("Edit|Write"));
    }

    #[test]
    #[should_panic(expected = "needs `matcher = \"Bash\"`")]
    fn matcher_check_rejects_another_tool() {
        check_tool_matcher(<Probe<BashInput>>::TOOL, Some("Edit"));
    }

    #[test]
    #[should_panic(expected = "needs `matcher = \"Bash\"`")]
    fn matcher_check_rejects_a_missing_matcher() {
        check_tool_matcher(<Probe<BashInput>>::TOOL, None);
    }
}
