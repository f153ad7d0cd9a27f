//! Compile-fail tests of `#[agent]`'s diagnostics (one `#[test]`, so the shared build happens
//! once). Regenerate the `.stderr` files with `TRYBUILD=overwrite` and review the diff.

#[test]
fn agent_macro_diagnostics() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/agent/fail/*.rs");
}
