//! The `#[hook(...)]` argument grammar: an event name, then `key = value` pairs.

use proc_macro2::{Span, TokenStream};
use syn::parse::Parser;
use syn::{Ident, LitInt, LitStr, Path};

use crate::diag::Errors;

/// The arguments as written; values are checked in [`super::model`].
#[derive(Default)]
pub(crate) struct HookArgs {
    pub(crate) event: Option<Ident>,
    pub(crate) matcher: Option<LitStr>,
    pub(crate) timeout: Option<LitInt>,
    pub(crate) on_failure: Option<LitStr>,
    pub(crate) name: Option<LitStr>,
    pub(crate) crate_path: Option<Path>,
}

const KEYS: &str = "`matcher`, `timeout`, `on_failure`, `name` or `crate`";

/// Parses the attribute's arguments, recording every problem in `errors`.
pub(crate) fn args(tokens: TokenStream, errors: &mut Errors) -> HookArgs {
    let mut args = HookArgs::default();
    // Set once something was written in the event's place, even if it was not usable.
    let mut event_written = false;
    let parser = syn::meta::parser(|meta| {
        let path = &meta.path;
        let key = path.get_ident().map(Ident::to_string).unwrap_or_default();
        let has_value = meta.input.peek(syn::Token![=]);
        match key.as_str() {
            "matcher" => set(&mut args.matcher, meta.value()?.parse()?, path, errors),
            "timeout" => set(&mut args.timeout, meta.value()?.parse()?, path, errors),
            "on_failure" => set(&mut args.on_failure, meta.value()?.parse()?, path, errors),
            "name" => set(&mut args.name, meta.value()?.parse()?, path, errors),
            "crate" => {
                let crate_path = crate::attr::crate_path(meta.value()?)?;
                set(&mut args.crate_path, crate_path, path, errors);
            }
            _ if has_value => {
                errors.at(
                    path,
                    format!(
                        "unknown `#[hook]` argument `{}`; expected {KEYS}",
                        quote::quote!(#path)
                    ),
                );
                meta.value()?.parse::<syn::Expr>()?;
            }
            _ => match (path.get_ident(), event_written) {
                (_, true) => errors.at(
                    path,
                    format!(
                        "a hook has one event; to set another argument write `key = value` ({KEYS})"
                    ),
                ),
                (Some(event), false) => {
                    event_written = true;
                    args.event = Some(event.clone());
                }
                (None, false) => {
                    event_written = true;
                    errors.at(
                        path,
                        "expected an event name such as `PreToolUse` (without a path)",
                    );
                }
            },
        }
        Ok(())
    });
    if let Err(error) = parser.parse2(tokens) {
        errors.push(error);
        // The parser stopped at the error: whether an event follows is unknown.
        event_written = true;
    }
    if !event_written {
        errors.push(syn::Error::new(
            Span::call_site(),
            "`#[hook]` needs the event first, e.g. `#[hook(PreToolUse)]` or `#[hook(Stop)]`",
        ));
    }
    args
}

/// Stores a value, reporting a repeated key on its second occurrence.
fn set<T>(slot: &mut Option<T>, value: T, key: &Path, errors: &mut Errors) {
    if slot.is_some() {
        errors.at(key, format!("`{}` is given twice", quote::quote!(#key)));
    } else {
        *slot = Some(value);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use quote::quote;

    fn args(tokens: TokenStream) -> syn::Result<HookArgs> {
        let mut errors = Errors::default();
        let args = super::args(tokens, &mut errors);
        errors.finish(args)
    }

    #[test]
    fn parses_event_and_every_key() {
        let args = args(quote!(
            PreToolUse,
            matcher = "Bash",
            timeout = 5,
            on_failure = "continue",
            name = "guard",
            crate = ::my_ca
        ))
        .unwrap();
        assert_eq!(args.event.unwrap().to_string(), "PreToolUse");
        assert_eq!(args.matcher.unwrap().value(), "Bash");
        assert_eq!(args.timeout.unwrap().base10_digits(), "5");
        assert_eq!(args.on_failure.unwrap().value(), "continue");
        assert_eq!(args.name.unwrap().value(), "guard");
        assert!(args.crate_path.is_some());
    }

    #[test]
    fn crate_may_be_a_string() {
        let args = args(quote!(Stop, crate = "my_ca")).unwrap();
        assert_eq!(args.crate_path.unwrap().segments[0].ident, "my_ca");
    }

    #[test]
    fn reports_every_problem_at_once() {
        let err = args(quote!(
            PreToolUse,
            Stop,
            nmae = "x",
            matcher = "a",
            matcher = "b"
        ))
        .err()
        .unwrap();
        let messages: Vec<String> = err.into_iter().map(|e| e.to_string()).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].contains("a hook has one event"));
        assert!(messages[1].contains("unknown `#[hook]` argument `nmae`"));
        assert!(messages[2].contains("`matcher` is given twice"));
    }

    #[test]
    fn the_event_is_required() {
        let err = args(quote!(matcher = "Bash")).err().unwrap();
        assert!(err.to_string().contains("needs the event first"));
    }
}
