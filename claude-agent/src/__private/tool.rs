//! What `#[tool]`'s expansion needs beyond the public `tools` API.

use crate::tools::{IntoToolResult, ToolParam};

/// Spanned on a `#[tool]` parameter's type: fails to compile unless it can be a tool parameter.
pub const fn assert_tool_param<T: ToolParam>() {}

/// Spanned on a `#[tool]` function's return type: fails to compile unless it can be a result.
pub const fn assert_into_tool_result<T: IntoToolResult>() {}
