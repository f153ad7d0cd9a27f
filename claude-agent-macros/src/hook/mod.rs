//! `#[hook(Event, matcher = "..", timeout = N, on_failure = "..", name = "..", crate = path)]`:
//! parse the arguments, validate them against the function, then expand.

mod events;
mod expand;
mod model;
mod parse;

use proc_macro2::TokenStream;
use quote::ToTokens;

use crate::diag::Errors;
use crate::entry::AttributeMacro;

impl AttributeMacro for model::HookModel {
    const NAME: &'static str = "hook";
    const WRONG_ITEM: &'static str = "`#[hook]` goes on an async function: \
         `#[hook(PreToolUse, matcher = \"Bash\")] async fn guard(input: PreToolUse<BashInput>) -> HookOutput { .. }`";
    type Item = syn::ItemFn;

    fn build(args: TokenStream, func: &syn::ItemFn, errors: &mut Errors) -> Option<Self> {
        let args = parse::args(args, errors);
        Some(model::HookModel::build(args, func, errors))
    }

    fn crate_path(&self) -> Option<&syn::Path> {
        self.crate_path.as_ref()
    }

    fn item(&self) -> TokenStream {
        self.func.to_token_stream()
    }

    fn label(&self) -> String {
        self.func.sig.ident.to_string()
    }

    fn expand(&self, krate: &TokenStream) -> TokenStream {
        expand::expand(self, krate)
    }
}

/// The `#[hook]` entry point.
pub(crate) fn run(args: TokenStream, item: TokenStream) -> TokenStream {
    crate::entry::run::<model::HookModel>(args, item)
}
