//! `#[agent(...)]` on a unit struct: a subagent (`Agent`) or, with `main`, a whole agent
//! (`MainAgent`). Parse the arguments, validate them against the struct, then expand.

mod expand;
mod model;
mod names;
mod parse;

use proc_macro2::TokenStream;
use quote::ToTokens;

use crate::{diag, krate};

/// Runs the macro; never panics: every problem becomes a spanned error next to the user's item.
pub(crate) fn run(args: TokenStream, item: TokenStream) -> TokenStream {
    let item_struct: syn::ItemStruct = match syn::parse2(item.clone()) {
        Ok(item) => item,
        Err(_) => {
            let error = syn::Error::new(
                proc_macro2::Span::call_site(),
                "`#[agent]` goes on a unit struct: `/// System prompt.\n#[agent(description = \"..\")] struct Reviewer;`",
            );
            return diag::with_error(item, error);
        }
    };
    let expanded =
        match parse::args(args).and_then(|args| model::AgentModel::build(args, &item_struct)) {
            Ok(model) => {
                let krate = krate::resolve(model.crate_path.as_ref());
                expand::expand(&model, &krate)
            }
            Err(error) => diag::with_error(item_struct.into_token_stream(), error),
        };
    if std::env::var_os("CLAUDE_AGENT_MACROS_DEBUG").is_some() {
        eprintln!("#[agent]:\n{expanded}");
    }
    expanded
}
