//! Compile-fail tests for `#[tool]`: each file in `tests/ui/tool/fail` makes one mistake and its
//! `.stderr` is the diagnostic users see. Regenerate with `TRYBUILD=overwrite` and review.

mod ui;

#[test]
fn tool_macro_diagnostics_on_pinned_rustc() {
    ui::on_pinned_toolchain("#[tool] UI snapshots", || {
        let cases = trybuild::TestCases::new();
        cases.compile_fail("tests/ui/tool/fail/*.rs");
    });
}
