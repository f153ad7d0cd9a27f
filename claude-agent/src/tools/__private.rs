//! Support for the code `#[tool]` generates. Not a public API: it may change in any release.

pub use schemars;
pub use serde;
pub use serde_json;

#[cfg(feature = "inventory")]
pub use inventory;

pub use crate::__claude_agent_submit_tool as submit_tool;

use super::{IntoToolResult, ToolParam};

/// Spanned on a `#[tool]` parameter's type: fails to compile unless it can be a tool parameter.
pub const fn assert_tool_param<T: ToolParam>() {}

/// Spanned on a `#[tool]` function's return type: fails to compile unless it can be a result.
pub const fn assert_into_tool_result<T: IntoToolResult>() {}

/// Registers a tool descriptor with `inventory` (a no-op without the `inventory` feature).
#[cfg(feature = "inventory")]
#[doc(hidden)]
#[macro_export]
macro_rules! __claude_agent_submit_tool {
    ($descriptor:expr) => {
        $crate::__private::inventory::submit! { $descriptor }
    };
}

/// Registers a tool descriptor with `inventory` (a no-op without the `inventory` feature).
#[cfg(not(feature = "inventory"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __claude_agent_submit_tool {
    ($descriptor:expr) => {};
}
