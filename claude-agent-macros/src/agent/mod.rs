//! `#[agent(...)]` on a unit struct: a subagent (`Agent`) or, with `main`, a whole agent
//! (`MainAgent`). Parse the arguments, validate them against the struct, then expand.

mod expand;
mod model;
mod names;
mod parse;

use proc_macro2::TokenStream;
use quote::ToTokens;

use crate::diag::Errors;
use crate::entry::AttributeMacro;

impl AttributeMacro for model::AgentModel {
    const NAME: &'static str = "agent";
    const WRONG_ITEM: &'static str = "`#[agent]` goes on a unit struct: \
         `/// System prompt.\n#[agent(description = \"..\")] struct Reviewer;`";
    type Item = syn::ItemStruct;

    fn build(args: TokenStream, item: &syn::ItemStruct, errors: &mut Errors) -> Option<Self> {
        let args = parse::args(args, errors);
        Some(model::AgentModel::build(args, item, errors))
    }

    fn crate_path(&self) -> Option<&syn::Path> {
        self.crate_path.as_ref()
    }

    fn item(&self) -> TokenStream {
        self.item.to_token_stream()
    }

    fn label(&self) -> String {
        self.item.ident.to_string()
    }

    fn expand(&self, krate: &TokenStream) -> TokenStream {
        expand::expand(self, krate)
    }
}

/// The `#[agent]` entry point.
pub(crate) fn run(args: TokenStream, item: TokenStream) -> TokenStream {
    crate::entry::run::<model::AgentModel>(args, item)
}
