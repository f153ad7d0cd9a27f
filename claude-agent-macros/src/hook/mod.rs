//! `#[hook(Event, matcher = "..", timeout = N, on_failure = "..", name = "..", crate = path)]`:
//! parse the arguments, validate them against the function, then expand.

mod expand;
mod model;
mod parse;

use proc_macro2::TokenStream;
use quote::ToTokens;

use crate::{diag, krate};

/// Runs the macro; never panics: every problem becomes a spanned error next to the user's item.
pub(crate) fn run(args: TokenStream, item: TokenStream) -> TokenStream {
    let func: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(func) => func,
        Err(error) => return diag::with_error(item, error),
    };
    match parse::args(args).and_then(|args| model::HookModel::build(args, &func)) {
        Ok(model) => {
            let krate = krate::resolve(model.crate_path.as_ref());
            expand::expand(&model, &krate)
        }
        Err(error) => diag::with_error(func.into_token_stream(), error),
    }
}
