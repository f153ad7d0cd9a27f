//! The one entry shape every macro follows: parse the item, then parse the arguments and build
//! the model with every error collected together, then either expand the model (which cannot
//! fail) or re-emit the item next to all the errors.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;

use crate::diag::{Errors, with_error};

/// Set to print every expansion to stderr while compiling.
pub(crate) const DEBUG_ENV: &str = "CLAUDE_AGENT_MACROS_DEBUG";

/// One attribute macro: its item, its validated model and its expansion.
pub(crate) trait AttributeMacro: Sized {
    /// `tool`, `hook` or `agent`, for messages.
    const NAME: &'static str;
    /// Shown when the attribute is on the wrong kind of item.
    const WRONG_ITEM: &'static str;
    /// The item the attribute goes on.
    type Item: syn::parse::Parse + ToTokens;

    /// Parses the arguments and checks them against the item, recording every problem in
    /// `errors`. Returns `None` only after recording an error.
    fn build(args: TokenStream, item: &Self::Item, errors: &mut Errors) -> Option<Self>;

    /// The `crate = path` override, if given.
    fn crate_path(&self) -> Option<&syn::Path>;

    /// The item as the macro re-emits it when it reports errors (for `#[tool]`, without the
    /// parameter attributes it consumed).
    fn item(&self) -> TokenStream;

    /// A short name for the debug print (the function's or struct's name).
    fn label(&self) -> String;

    /// The expansion of a model built without errors; cannot fail.
    fn expand(&self, krate: &TokenStream) -> TokenStream;
}

/// Runs `M` on one attribute: never panics, reports every problem at once.
pub(crate) fn run<M: AttributeMacro>(args: TokenStream, item: TokenStream) -> TokenStream {
    let parsed: M::Item = match syn::parse2(item.clone()) {
        Ok(parsed) => parsed,
        Err(_) => return with_error(item, syn::Error::new(Span::call_site(), M::WRONG_ITEM)),
    };
    let mut errors = Errors::default();
    let model = M::build(args, &parsed, &mut errors);
    let expanded = match (errors.finish(()), &model) {
        (Ok(()), Some(model)) => model.expand(&crate::krate::resolve(model.crate_path())),
        (Err(error), _) => with_error(
            model
                .as_ref()
                .map_or_else(|| parsed.to_token_stream(), M::item),
            error,
        ),
        (Ok(()), None) => with_error(
            parsed.to_token_stream(),
            syn::Error::new(
                Span::call_site(),
                format!("`#[{}]` could not be expanded", M::NAME),
            ),
        ),
    };
    if std::env::var_os(DEBUG_ENV).is_some() {
        let label = model.as_ref().map(M::label).unwrap_or_default();
        eprintln!("#[{}] {label}:\n{expanded}", M::NAME);
    }
    expanded
}
