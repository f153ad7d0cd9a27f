//! `#[tool]`: turns a function into a `claude_agent::tools::Tool` and registers it. Parse the
//! arguments, validate them against the function, then expand.

mod expand;
mod model;
mod name;
mod parse;

use proc_macro2::TokenStream;
use quote::ToTokens;

use crate::diag::Errors;
use crate::entry::AttributeMacro;

impl AttributeMacro for model::ToolModel {
    const NAME: &'static str = "tool";
    const WRONG_ITEM: &'static str =
        "`#[tool]` goes on a function: `#[tool] async fn name(arg: Type) -> String { .. }`";
    type Item = syn::ItemFn;

    fn build(args: TokenStream, func: &syn::ItemFn, errors: &mut Errors) -> Option<Self> {
        let args = parse::parse_args(args, errors);
        Some(model::ToolModel::new(args, func.clone(), errors))
    }

    fn crate_path(&self) -> Option<&syn::Path> {
        self.args.crate_path.as_ref()
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

/// The `#[tool]` entry point.
pub(crate) fn run(args: TokenStream, item: TokenStream) -> TokenStream {
    crate::entry::run::<model::ToolModel>(args, item)
}
