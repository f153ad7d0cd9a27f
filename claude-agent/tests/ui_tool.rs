//! Compile-fail tests for `#[tool]`: each file in `tests/ui/tool/fail` makes one mistake and its
//! `.stderr` is the diagnostic users see. Regenerate with `TRYBUILD=overwrite` and review.

#[test]
fn tool_macro_diagnostics() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/tool/fail/*.rs");
}
