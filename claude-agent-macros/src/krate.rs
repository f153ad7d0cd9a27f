//! Where the runtime crate lives, as seen from the user's crate.

use proc_macro2::{Span, TokenStream};
use quote::quote;

/// The path to `claude_agent`: an explicit `crate = path` override, else the name the user's
/// `Cargo.toml` gives the dependency (it may be renamed), else `::claude_agent`.
pub(crate) fn resolve(explicit: Option<&syn::Path>) -> TokenStream {
    if let Some(path) = explicit {
        return quote!(#path);
    }
    match proc_macro_crate::crate_name("claude-agent") {
        Ok(proc_macro_crate::FoundCrate::Name(name)) => {
            let ident = syn::Ident::new(&name, Span::call_site());
            quote!(::#ident)
        }
        // `Itself` (our own tests and doctests, thanks to `extern crate self as claude_agent`)
        // and "not found" both fall back to the canonical name.
        _ => quote!(::claude_agent),
    }
}
