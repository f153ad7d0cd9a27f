//! The one hidden surface: everything `#[tool]`, `#[hook]` and `#[agent]` expand against, and
//! the entry points the benches use. Not a public API: it may change in any release.
//!
//! Every expansion aliases the runtime crate once (`use ::claude_agent as __ca;`) and reaches
//! these items as `__ca::__private::…`.

pub mod agent;
pub mod bench;
pub mod hook;
pub mod tool;

pub use schemars;
pub use serde;
pub use serde_json;

#[cfg(feature = "inventory")]
pub use inventory;

pub use crate::__claude_agent_submit as submit;

/// Registers a tool, hook or agent descriptor with `inventory` (a no-op without the `inventory`
/// feature). A `macro_rules!` because the macro's user cannot see which features this crate was
/// built with; exported at the crate root only because `#[macro_export]` must put it there.
#[cfg(feature = "inventory")]
#[doc(hidden)]
#[macro_export]
macro_rules! __claude_agent_submit {
    ($($descriptor:tt)*) => {
        $crate::__private::inventory::submit! { $($descriptor)* }
    };
}

/// Registers a tool, hook or agent descriptor with `inventory` (a no-op without the `inventory`
/// feature).
#[cfg(not(feature = "inventory"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __claude_agent_submit {
    ($($descriptor:tt)*) => {};
}
