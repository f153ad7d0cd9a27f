//! The checked model of one `#[tool]` function.

use proc_macro2::Span;
use quote::format_ident;
use syn::{Attribute, FnArg, Ident, ItemFn, Meta, Pat, ReturnType, Type};

use super::name::validate_tool_name;
use super::parse::ToolArgs;
use crate::diag::Errors;
use crate::idents::{doc_text, pascal_case};

/// The server a tool joins when `server` is not given (`ToolDescriptor::DEFAULT_SERVER`).
const DEFAULT_SERVER: &str = "tools";

/// One parameter of the tool function.
pub(crate) struct Param {
    /// The binding name (without `mut`), also the JSON key.
    pub(crate) ident: Ident,
    pub(crate) ty: Type,
    /// Doc comments and `serde`/`schemars` attributes, moved onto the generated field.
    pub(crate) field_attrs: Vec<Attribute>,
    /// Marked `#[context]`: receives the `ToolContext` instead of an argument.
    pub(crate) context: bool,
}

/// Everything the expansion needs, validated.
pub(crate) struct ToolModel {
    /// The user's function, minus the parameter attributes the macro consumed.
    pub(crate) func: ItemFn,
    /// The generated unit struct, e.g. `AddTool`.
    pub(crate) handle: Ident,
    pub(crate) name: String,
    pub(crate) description: String,
    pub(crate) server: String,
    pub(crate) args: ToolArgs,
    pub(crate) params: Vec<Param>,
    /// The declared return type (`()` when omitted).
    pub(crate) output: Type,
    pub(crate) is_async: bool,
}

impl ToolModel {
    /// Checks `func` against `args`, recording every problem; the model is returned even when
    /// there are errors so the caller can still emit the function.
    pub(crate) fn new(args: ToolArgs, mut func: ItemFn, errors: &mut Errors) -> ToolModel {
        let sig = &func.sig;
        if let Some(unsafety) = &sig.unsafety {
            errors.at(unsafety, "`#[tool]` functions cannot be `unsafe`");
        }
        if !sig.generics.params.is_empty() {
            errors.at(
                &sig.generics,
                "`#[tool]` functions cannot be generic: the tool's JSON input needs concrete types",
            );
        } else if let Some(where_clause) = &sig.generics.where_clause {
            errors.at(
                where_clause,
                "`#[tool]` functions cannot have a `where` clause",
            );
        }
        if let Some(variadic) = &sig.variadic {
            errors.at(variadic, "`#[tool]` functions cannot be variadic");
        }
        let output = match &sig.output {
            ReturnType::Default => syn::parse_quote!(()),
            ReturnType::Type(_, ty) => {
                if matches!(**ty, Type::ImplTrait(_)) {
                    errors.at(
                        ty,
                        "`#[tool]` functions must return a concrete type, not `impl Trait`",
                    );
                }
                (**ty).clone()
            }
        };
        let is_async = sig.asyncness.is_some();
        let fn_ident = sig.ident.clone();

        let params = take_params(&mut func, errors);

        let fn_name = fn_ident.to_string().trim_start_matches("r#").to_owned();
        let name = match &args.name {
            Some(lit) => checked(lit.value(), lit, errors),
            None => checked(fn_name.clone(), &fn_ident, errors),
        };
        let server = match &args.server {
            Some(lit) => checked(lit.value(), lit, errors),
            None => DEFAULT_SERVER.to_owned(),
        };
        let description = match &args.description {
            Some(lit) => lit.value().trim().to_owned(),
            None => doc_text(&func.attrs),
        };
        if description.is_empty() {
            let span_on: &dyn quote::ToTokens = match &args.description {
                Some(lit) => lit,
                None => &fn_ident,
            };
            errors.at(
                span_on,
                "a `#[tool]` needs a description for the model: add a doc comment \
                 (`/// What the tool does.`) or `#[tool(description = \"...\")]`",
            );
        }
        let handle = format_ident!("{}Tool", pascal_case(&fn_name), span = fn_ident.span());
        ToolModel {
            func,
            handle,
            name,
            description,
            server,
            args,
            params,
            output,
            is_async,
        }
    }
}

fn checked(name: String, tokens: &dyn quote::ToTokens, errors: &mut Errors) -> String {
    if let Err(reason) = validate_tool_name(&name) {
        errors.at(tokens, reason);
    }
    name
}

/// Reads and validates the parameters, stripping the attributes the macro consumes.
fn take_params(func: &mut ItemFn, errors: &mut Errors) -> Vec<Param> {
    let mut params = Vec::new();
    let mut context_seen = false;
    for input in func.sig.inputs.iter_mut() {
        let typed = match input {
            FnArg::Receiver(receiver) => {
                errors.at(
                    &*receiver,
                    "`#[tool]` functions cannot take `self`: tools are free functions (implement \
                     `claude_agent::tools::Tool` by hand for a tool with state)",
                );
                continue;
            }
            FnArg::Typed(typed) => typed,
        };
        let mut field_attrs = Vec::new();
        let mut context = false;
        let mut kept = Vec::new();
        for attr in typed.attrs.drain(..) {
            let path = attr.path();
            if path.is_ident("context") {
                if !matches!(attr.meta, Meta::Path(_)) {
                    errors.at(&attr, "`#[context]` takes no arguments");
                }
                if context_seen {
                    errors.at(&attr, "only one parameter can be marked `#[context]`");
                }
                context = true;
                context_seen = true;
            } else if path.is_ident("doc") || path.is_ident("serde") || path.is_ident("schemars") {
                field_attrs.push(attr);
            } else {
                kept.push(attr);
            }
        }
        typed.attrs = kept;
        let ident = match &*typed.pat {
            Pat::Ident(pat) if pat.by_ref.is_none() && pat.subpat.is_none() => pat.ident.clone(),
            other => {
                errors.at(
                    other,
                    "`#[tool]` parameters must be plain names (`city: String`): each becomes a \
                     property of the tool's JSON input",
                );
                Ident::new("__invalid", Span::call_site())
            }
        };
        match &*typed.ty {
            Type::Reference(reference) if !context => errors.at(
                reference,
                "`#[tool]` parameters are decoded from JSON and must be owned: use `String` for \
                 `&str`, `Vec<T>` for `&[T]`, `T` for `&T`",
            ),
            Type::ImplTrait(ty) => errors.at(
                ty,
                "`#[tool]` functions cannot be generic: the tool's JSON input needs concrete types",
            ),
            _ => {}
        }
        params.push(Param {
            ident,
            ty: (*typed.ty).clone(),
            field_attrs,
            context,
        });
    }
    params
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use quote::quote;

    fn model(
        args: proc_macro2::TokenStream,
        item: proc_macro2::TokenStream,
    ) -> (ToolModel, Vec<String>) {
        let mut errors = Errors::default();
        let args = super::super::parse::parse_args(args, &mut errors);
        let func: ItemFn = syn::parse2(item).unwrap();
        let model = ToolModel::new(args, func, &mut errors);
        let messages = errors
            .finish(())
            .err()
            .map(|all| all.into_iter().map(|e| e.to_string()).collect())
            .unwrap_or_default();
        (model, messages)
    }

    #[test]
    fn docs_become_descriptions_and_are_stripped_from_the_fn() {
        let (m, errors) = model(
            quote!(server = "calc"),
            quote! {
                /// Add two numbers.
                ///
                /// Exactly.
                async fn add(
                    /// Left.
                    #[serde(default)]
                    a: f64,
                    mut b: f64,
                    #[context] cx: ToolContext,
                ) -> String { String::new() }
            },
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(m.description, "Add two numbers.\n\nExactly.");
        assert_eq!(m.handle.to_string(), "AddTool");
        assert_eq!((m.name.as_str(), m.server.as_str()), ("add", "calc"));
        assert_eq!(m.params.len(), 3);
        assert_eq!(m.params[0].field_attrs.len(), 2);
        assert_eq!(m.params[1].ident.to_string(), "b");
        assert!(m.params[2].context);
        let FnArg::Typed(first) = &m.func.sig.inputs[0] else {
            panic!()
        };
        assert!(first.attrs.is_empty());
        let FnArg::Typed(third) = &m.func.sig.inputs[2] else {
            panic!()
        };
        assert!(third.attrs.is_empty());
    }

    #[test]
    fn every_signature_problem_is_reported() {
        let (_, errors) = model(
            quote!(),
            quote! {
                async fn bad<T>(&self, s: &str, (x, y): (u8, u8)) {}
            },
        );
        let all = errors.join("\n");
        for needle in [
            "generic",
            "`self`",
            "must be owned",
            "plain names",
            "needs a description",
        ] {
            assert!(all.contains(needle), "missing {needle:?} in {all}");
        }
    }

    #[test]
    fn names_are_checked_and_default_server_applies() {
        let (m, errors) = model(
            quote!(name = "no spaces"),
            quote!(
                /// D.
                fn f() {}
            ),
        );
        assert_eq!(m.server, "tools");
        assert!(errors.iter().any(|e| e.contains("' '")), "{errors:?}");
    }
}
