//! Mapping tests: each option's argv / env / initialize effect, and the cross-option checks.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod argv;
mod initialize;
mod process;
mod runtime;

use serde_json::{Value, json};

use super::*;
use crate::Error;
use crate::hooks::{HookContext, HookEvent, HookMatcher};
use crate::mcp::SdkMcpServer;
use crate::permissions::{PermissionContext, PermissionRequest, PermissionResult};
use futures::future::BoxFuture;

pub(super) const BASE: [&str; 6] = [
    "--output-format",
    "stream-json",
    "--verbose",
    "--input-format",
    "stream-json",
    "--setting-sources=",
];

/// The arguments after the invariant stream-json flags and the default `--setting-sources=`.
pub(super) fn extra(builder: OptionsBuilder) -> Vec<String> {
    let args = builder.build().cli_args().unwrap();
    args.into_iter()
        .skip(5)
        .filter(|a| a != "--setting-sources=")
        .collect()
}

pub(super) fn plan(builder: OptionsBuilder) -> LaunchPlan {
    builder.build().launch_plan().unwrap()
}

pub(super) fn invalid(builder: OptionsBuilder) -> &'static str {
    match builder.build().launch_plan() {
        Err(Error::InvalidOption { option, .. }) => option,
        Err(other) => panic!("expected InvalidOption, got {other}"),
        Ok(plan) => panic!("expected InvalidOption, got {plan:?}"),
    }
}

pub(super) fn init(builder: OptionsBuilder) -> Value {
    Value::Object(plan(builder).initialize)
}

/// A builder without the registered `#[tool]`s and `#[hook]`s of this test binary: these tests
/// are about the mapping (`registered.rs` tests cover the registry).
pub(super) fn b() -> OptionsBuilder {
    Options::builder().no_registered()
}

pub(super) struct Nop;
impl SdkMcpServer for Nop {
    fn handle(&self, _message: Value) -> BoxFuture<'static, Option<Value>> {
        Box::pin(async { None })
    }
}

pub(super) async fn allow_all(_req: PermissionRequest, _cx: PermissionContext) -> PermissionResult {
    PermissionResult::allow()
}

pub(super) async fn continue_hook(_input: Value, _cx: HookContext) -> Result<Value, String> {
    Ok(json!({"continue": true}))
}
