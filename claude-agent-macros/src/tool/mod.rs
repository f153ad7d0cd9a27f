//! `#[tool]`: turns a function into a `claude_agent::tools::Tool` and registers it.

mod expand;
mod model;
mod name;
mod parse;

use proc_macro2::TokenStream;

use crate::diag::{Errors, with_error};

/// The macro's entry point: never panics, reports every problem at once, and re-emits the
/// function when it rejects the input so later errors stay relevant.
pub(crate) fn tool(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut errors = Errors::default();
    let func: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(func) => func,
        Err(_) => {
            let error = syn::Error::new(
                proc_macro2::Span::call_site(),
                "`#[tool]` goes on a function: `#[tool] async fn name(arg: Type) -> String { .. }`",
            );
            return with_error(item, error);
        }
    };
    let args = parse::parse_args(args, &mut errors);
    let model = model::ToolModel::new(args, func, &mut errors);
    let krate = crate::krate::resolve(model.args.krate.as_ref());
    let expanded = match errors.finish(()) {
        Ok(()) => expand::expand(&model, &krate),
        Err(error) => {
            let func = &model.func;
            with_error(quote::quote!(#func), error)
        }
    };
    if std::env::var_os("CLAUDE_AGENT_MACROS_DEBUG").is_some() {
        eprintln!("#[tool] {}:\n{expanded}", model.func.sig.ident);
    }
    expanded
}
