//! Procedural macros for [`claude-agent`](https://docs.rs/claude-agent).
//!
//! Users depend on `claude-agent`, which re-exports these macros; this crate holds no runtime logic.
//! The `#[tool]`, `#[hook]` and `#[agent]` macros land here as their issues are implemented; every
//! macro expands to plain code over public `claude_agent` traits that could be written by hand.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

// Shared infrastructure; the macros that use it are added by their modules.
#[allow(dead_code)]
mod diag;
mod hook;
#[allow(dead_code)]
mod krate;

use proc_macro::TokenStream;

/// Declares a typed hook. Re-exported as `claude_agent::hooks::hook`, whose documentation has
/// compiled examples.
///
/// ```text
/// #[hook(PreToolUse, matcher = "Bash", timeout = 5)]
/// async fn guard(input: PreToolUse<BashInput>) -> HookOutput { ... }
/// ```
///
/// Arguments: the event (first; checked at compile time), then optionally `matcher = ".."`
/// (a tool name, `A|B`, or a regex; syntax-checked), `timeout = secs`, `on_failure = "deny" |
/// "continue" | "error"`, `name = ".."` and `crate = path`. The function must be an `async fn`
/// taking exactly the event's input and returning `HookOutput` or `Result<HookOutput, E>`; it
/// stays callable. The macro adds a unit struct `<Name>Hook` implementing
/// `claude_agent::hooks::Hook` and registers it for `claude_agent::hooks::registered()`.
#[proc_macro_attribute]
pub fn hook(args: TokenStream, item: TokenStream) -> TokenStream {
    hook::run(args.into(), item.into()).into()
}
