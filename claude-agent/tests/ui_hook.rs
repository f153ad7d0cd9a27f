//! Compile-fail tests of `#[hook]`'s diagnostics (one `#[test]`, so the shared build happens
//! once). Regenerate the `.stderr` files with `TRYBUILD=overwrite` and review the diff.

mod ui;

#[test]
fn hook_macro_diagnostics_on_pinned_rustc() {
    ui::on_pinned_toolchain("#[hook] UI snapshots", || {
        let cases = trybuild::TestCases::new();
        cases.compile_fail("tests/ui/hook/fail/*.rs");
    });
}
