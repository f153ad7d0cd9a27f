//! Validation: turns the arguments and the function into a [`HookModel`] the expansion cannot
//! fail on. Every check reports on the smallest offending token, and all are reported at once.

use proc_macro2::Span;
use quote::format_ident;
use syn::{FnArg, Ident, ItemFn, LitStr, Type};

use super::events;
use super::parse::HookArgs;
use crate::diag::Errors;
use crate::idents::{pascal_case, unraw};
use crate::suggest::did_you_mean;

/// A failure policy as written in `on_failure = ".."`.
pub(crate) enum Policy {
    Deny,
    Continue,
    Error,
}

/// Everything the expansion needs, validated.
pub(crate) struct HookModel {
    pub(crate) func: ItemFn,
    pub(crate) event: Ident,
    pub(crate) name: String,
    pub(crate) handle: Ident,
    pub(crate) input_ty: Type,
    /// The return type, or `()` spanned on the function's name when there is none.
    pub(crate) output_ty: Type,
    pub(crate) matcher: Option<LitStr>,
    pub(crate) timeout_secs: Option<u64>,
    pub(crate) on_failure: Option<Policy>,
    /// The tool input type to check against the matcher (`BashInput` in `PreToolUse<BashInput>`).
    pub(crate) tool_ty: Option<Type>,
    pub(crate) crate_path: Option<syn::Path>,
}

impl HookModel {
    /// Checks `func` against `args`, recording every problem in `errors`; the model is
    /// returned even when there are errors.
    pub(crate) fn build(args: HookArgs, func: &ItemFn, errors: &mut Errors) -> Self {
        let sig = &func.sig;

        if sig.asyncness.is_none() {
            errors.at(sig.fn_token, "`#[hook]` functions must be `async fn`");
        }
        if let Some(unsafety) = &sig.unsafety {
            errors.at(unsafety, "`#[hook]` functions cannot be `unsafe`");
        }
        if let Some(abi) = &sig.abi {
            errors.at(abi, "`#[hook]` functions cannot have an ABI");
        }
        if !sig.generics.params.is_empty() || sig.generics.where_clause.is_some() {
            errors.at(
                &sig.generics,
                "`#[hook]` functions cannot be generic: the hook's input type must be known",
            );
        }
        if let Some(variadic) = &sig.variadic {
            errors.at(variadic, "`#[hook]` functions cannot be variadic");
        }

        let mut input_ty = None;
        for arg in &sig.inputs {
            match arg {
                FnArg::Receiver(receiver) => errors.at(
                    receiver,
                    "`#[hook]` functions cannot take `self`; for a hook with state, implement \
                     `claude_agent::hooks::Hook` for your type",
                ),
                FnArg::Typed(_) if input_ty.is_some() => errors.at(
                    arg,
                    "`#[hook]` functions take exactly one parameter, the event's input",
                ),
                FnArg::Typed(typed) => input_ty = Some((*typed.ty).clone()),
            }
        }
        if sig.inputs.is_empty() {
            errors.push(syn::Error::new(
                sig.paren_token.span.join(),
                "`#[hook]` functions take exactly one parameter, the event's input \
                 (e.g. `input: PreToolUse<BashInput>`)",
            ));
        }

        let timeout_secs = args
            .timeout
            .as_ref()
            .and_then(|lit| match lit.base10_parse::<u64>() {
                Ok(secs) if secs > 0 => Some(secs),
                _ => {
                    errors.at(lit, "`timeout` is a whole number of seconds, at least 1");
                    None
                }
            });
        let on_failure = args
            .on_failure
            .as_ref()
            .and_then(|lit| match lit.value().as_str() {
                "deny" => Some(Policy::Deny),
                "continue" => Some(Policy::Continue),
                "error" => Some(Policy::Error),
                _ => {
                    errors.at(
                        lit,
                        "`on_failure` must be \"deny\", \"continue\" or \"error\"",
                    );
                    None
                }
            });
        if let Some(name) = &args.name
            && name.value().trim().is_empty()
        {
            errors.at(name, "`name` cannot be empty");
        }
        if let Some(matcher) = &args.matcher
            && let Err(problem) = check_matcher(&matcher.value())
        {
            errors.at(matcher, format!("invalid `matcher`: {problem}"));
        }

        let event = args
            .event
            .unwrap_or_else(|| Ident::new("PreToolUse", Span::call_site()));
        let takes_tool_input = events::takes_tool_input(&event.to_string());
        if takes_tool_input.is_none() {
            let name = event.to_string();
            errors.at(
                &event,
                format!(
                    "unknown hook event `{name}`{}",
                    match did_you_mean(&name, &events::names()) {
                        hint if hint.is_empty() => {
                            "; the events are the variants of `claude_agent::hooks::HookEvent`"
                                .to_owned()
                        }
                        hint => hint,
                    }
                ),
            );
        }
        let input_ty = input_ty.unwrap_or_else(|| syn::parse_quote!(()));
        let tool_ty = takes_tool_input
            .unwrap_or(false)
            .then(|| first_type_argument(&input_ty))
            .flatten();
        let fn_name = unraw(&sig.ident);
        let output_ty = match &sig.output {
            syn::ReturnType::Type(_, ty) => (**ty).clone(),
            syn::ReturnType::Default => syn::parse_quote_spanned!(sig.ident.span()=> ()),
        };

        HookModel {
            func: func.clone(),
            name: args
                .name
                .map(|n| n.value())
                .unwrap_or_else(|| fn_name.clone()),
            handle: format_ident!("{}Hook", pascal_case(&fn_name), span = sig.ident.span()),
            event,
            input_ty,
            output_ty,
            matcher: args.matcher,
            timeout_secs,
            on_failure,
            tool_ty,
            crate_path: args.crate_path,
        }
    }
}

/// Checks a matcher the way the CLI reads it: empty or `*` for everything, a `|`-separated list
/// of names, or else a regular expression.
fn check_matcher(matcher: &str) -> Result<(), String> {
    if matcher.is_empty() || matcher == "*" {
        return Ok(());
    }
    let is_name_list = matcher
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '|' | ',' | ' ' | '-'));
    if is_name_list {
        return Ok(());
    }
    regex_syntax::Parser::new()
        .parse(matcher)
        .map(drop)
        .map_err(|e| {
            let text = e.to_string();
            let last = text.lines().last().unwrap_or_default().trim();
            last.strip_prefix("error: ").unwrap_or(last).to_owned()
        })
}

/// `BashInput` in `PreToolUse<BashInput>` (the last path segment's first type argument).
fn first_type_argument(ty: &Type) -> Option<Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    args.args.iter().find_map(|arg| match arg {
        syn::GenericArgument::Type(ty) => Some(ty.clone()),
        _ => None,
    })
}

/// The span used for the tool check: the matcher when given, else the event.
pub(crate) fn tool_check_span(model: &HookModel) -> Span {
    model
        .matcher
        .as_ref()
        .map(|m| m.span())
        .unwrap_or_else(|| model.event.span())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use quote::quote;

    fn build(
        args: proc_macro2::TokenStream,
        func: proc_macro2::TokenStream,
    ) -> syn::Result<HookModel> {
        let mut errors = Errors::default();
        let args = super::super::parse::args(args, &mut errors);
        let model = HookModel::build(args, &syn::parse2(func)?, &mut errors);
        errors.finish(model)
    }

    #[test]
    fn builds_names_and_finds_the_tool_type() {
        let model = build(
            quote!(PreToolUse, matcher = "Bash"),
            quote!(
                async fn no_rm_rf(input: PreToolUse<BashInput>) -> HookOutput {
                    todo!()
                }
            ),
        )
        .unwrap();
        assert_eq!(model.name, "no_rm_rf");
        assert_eq!(model.handle.to_string(), "NoRmRfHook");
        let tool = model.tool_ty.unwrap();
        assert_eq!(quote!(#tool).to_string(), "BashInput");
    }

    #[test]
    fn no_tool_check_for_raw_inputs_or_non_tool_events() {
        let raw = build(
            quote!(PreToolUse),
            quote!(
                async fn f(i: PreToolUse) -> HookOutput {
                    todo!()
                }
            ),
        )
        .unwrap();
        assert!(raw.tool_ty.is_none());
        let stop = build(
            quote!(Stop),
            quote!(
                async fn f(i: Vec<u8>) -> HookOutput {
                    todo!()
                }
            ),
        )
        .unwrap();
        assert!(stop.tool_ty.is_none());
    }

    #[test]
    fn matcher_syntax_follows_the_cli() {
        for ok in [
            "",
            "*",
            "Bash",
            "Edit|Write",
            "mcp__calc__add",
            "Edit, Write",
            "mcp__.*",
            "^Read$",
        ] {
            assert!(check_matcher(ok).is_ok(), "{ok}");
        }
        let err = check_matcher("Bash(").err().unwrap();
        assert!(err.contains("unclosed group"), "{err}");
    }

    #[test]
    fn reports_every_signature_problem_at_once() {
        let err = build(
            quote!(PreToolUse, timeout = 0, on_failure = "maybe"),
            quote!(
                unsafe fn f<T>(&self, a: T, b: u8) {}
            ),
        )
        .err()
        .unwrap();
        let messages: Vec<String> = err.into_iter().map(|e| e.to_string()).collect();
        assert_eq!(messages.len(), 7, "{messages:#?}");
    }

    #[test]
    fn argument_and_signature_problems_are_reported_together() {
        let err = build(
            quote!(PreTooUse, nmae = "x"),
            quote!(
                fn f(i: PreToolUse) -> HookOutput {
                    todo!()
                }
            ),
        )
        .err()
        .unwrap();
        let messages: Vec<String> = err.into_iter().map(|e| e.to_string()).collect();
        assert_eq!(messages.len(), 3, "{messages:#?}");
        assert!(messages[0].contains("unknown `#[hook]` argument `nmae`"));
        assert!(messages[1].contains("must be `async fn`"));
        assert!(
            messages[2].contains("unknown hook event `PreTooUse`; did you mean `PreToolUse`?"),
            "{messages:#?}"
        );
    }

    #[test]
    fn camel_case_handles_edges() {
        assert_eq!(pascal_case("guard"), "Guard");
        assert_eq!(pascal_case("_x__y_"), "XY");
        assert_eq!(unraw(&Ident::new_raw("type", Span::call_site())), "type");
    }
}
