//! Parsing `#[tool(...)]` arguments: every key, every mistake reported at once.

use proc_macro2::TokenStream;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Expr, ExprLit, Lit, LitBool, LitStr};

use crate::diag::Errors;

/// The keys `#[tool]` understands, for the "unknown key" message.
const KEYS: &str = "name, description, server, title, read_only, destructive, idempotent, open_world, timeout, always_load, search_hint, max_result_size_chars, crate";

/// `#[tool(...)]` arguments as written.
#[derive(Default)]
pub(crate) struct ToolArgs {
    pub(crate) name: Option<LitStr>,
    pub(crate) description: Option<LitStr>,
    pub(crate) server: Option<LitStr>,
    pub(crate) title: Option<LitStr>,
    pub(crate) read_only: Option<bool>,
    pub(crate) destructive: Option<bool>,
    pub(crate) idempotent: Option<bool>,
    pub(crate) open_world: Option<bool>,
    /// The timeout in milliseconds.
    pub(crate) timeout_ms: Option<u64>,
    pub(crate) always_load: Option<bool>,
    pub(crate) search_hint: Option<LitStr>,
    pub(crate) max_result_size_chars: Option<u32>,
    pub(crate) crate_path: Option<syn::Path>,
}

/// Parses the attribute arguments, recording every problem in `errors`.
pub(crate) fn parse_args(args: TokenStream, errors: &mut Errors) -> ToolArgs {
    let mut out = ToolArgs::default();
    let parser = syn::meta::parser(|meta| {
        let result = parse_one(&meta, &mut out, errors);
        if let Err(error) = result {
            errors.push(error);
            skip_value(&meta);
        }
        Ok(())
    });
    if let Err(error) = syn::parse::Parser::parse2(parser, args) {
        errors.push(error);
    }
    out
}

fn parse_one(
    meta: &ParseNestedMeta<'_>,
    out: &mut ToolArgs,
    errors: &mut Errors,
) -> syn::Result<()> {
    let Some(key) = meta.path.get_ident().map(ToString::to_string) else {
        return Err(meta.error(format!(
            "unknown `#[tool]` argument; expected one of: {KEYS}"
        )));
    };
    match key.as_str() {
        "name" => set(&mut out.name, string(meta)?, meta, errors),
        "description" => set(&mut out.description, string(meta)?, meta, errors),
        "server" => set(&mut out.server, string(meta)?, meta, errors),
        "title" => set(&mut out.title, string(meta)?, meta, errors),
        "read_only" => set(&mut out.read_only, flag(meta)?, meta, errors),
        "destructive" => set(&mut out.destructive, flag(meta)?, meta, errors),
        "idempotent" => set(&mut out.idempotent, flag(meta)?, meta, errors),
        "open_world" => set(&mut out.open_world, flag(meta)?, meta, errors),
        "timeout" => set(&mut out.timeout_ms, timeout(meta)?, meta, errors),
        "always_load" => set(&mut out.always_load, flag(meta)?, meta, errors),
        "search_hint" => set(&mut out.search_hint, search_hint(meta)?, meta, errors),
        "max_result_size_chars" => set(
            &mut out.max_result_size_chars,
            max_chars(meta)?,
            meta,
            errors,
        ),
        "crate" => {
            let path = crate::attr::crate_path(meta.value()?)?;
            set(&mut out.crate_path, path, meta, errors);
        }
        other => {
            return Err(meta.error(format!(
                "unknown `#[tool]` argument `{other}`; expected one of: {KEYS}"
            )));
        }
    }
    Ok(())
}

fn set<T>(slot: &mut Option<T>, value: T, meta: &ParseNestedMeta<'_>, errors: &mut Errors) {
    if slot.is_some() {
        errors.push(meta.error("this `#[tool]` argument is given twice"));
    }
    *slot = Some(value);
}

/// `key = "text"`.
fn string(meta: &ParseNestedMeta<'_>) -> syn::Result<LitStr> {
    let expr: Expr = meta.value()?.parse()?;
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) => Ok(lit),
        other => Err(syn::Error::new(other.span(), "expected a string literal")),
    }
}

/// `key` (true) or `key = true|false`.
fn flag(meta: &ParseNestedMeta<'_>) -> syn::Result<bool> {
    if !meta.input.peek(syn::Token![=]) {
        return Ok(true);
    }
    let expr: Expr = meta.value()?.parse()?;
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Bool(LitBool { value, .. }),
            ..
        }) => Ok(value),
        other => Err(syn::Error::new(other.span(), "expected `true` or `false`")),
    }
}

/// `search_hint = "a few words"` (not blank).
fn search_hint(meta: &ParseNestedMeta<'_>) -> syn::Result<LitStr> {
    let lit = string(meta)?;
    if lit.value().trim().is_empty() {
        return Err(syn::Error::new(
            lit.span(),
            "`search_hint` is blank; give a few words the tool search can match, or leave it out",
        ));
    }
    Ok(lit)
}

/// `max_result_size_chars = 200_000` (a positive integer that fits in `u32`).
fn max_chars(meta: &ParseNestedMeta<'_>) -> syn::Result<u32> {
    let expr: Expr = meta.value()?.parse()?;
    let chars = match &expr {
        Expr::Lit(ExprLit {
            lit: Lit::Int(int), ..
        }) => int.base10_parse::<u32>().ok(),
        _ => None,
    };
    match chars {
        Some(chars) if chars > 0 => Ok(chars),
        _ => Err(syn::Error::new(
            expr.span(),
            "expected a positive number of characters up to 4294967295 \
             (`max_result_size_chars = 200_000`)",
        )),
    }
}

/// `timeout = 30` (seconds) or `timeout = "500ms" | "30s" | "2m"`.
fn timeout(meta: &ParseNestedMeta<'_>) -> syn::Result<u64> {
    let expr: Expr = meta.value()?.parse()?;
    let span = expr.span();
    let ms = match &expr {
        Expr::Lit(ExprLit {
            lit: Lit::Int(int), ..
        }) => int.base10_parse::<u64>()?.checked_mul(1000),
        Expr::Lit(ExprLit {
            lit: Lit::Str(text),
            ..
        }) => parse_duration_ms(&text.value()),
        _ => None,
    };
    match ms {
        Some(ms) if ms > 0 => Ok(ms),
        _ => Err(syn::Error::new(
            span,
            "expected a positive timeout: seconds as an integer (`timeout = 30`) or a string with a \
             unit (`timeout = \"500ms\"`, `\"30s\"`, `\"2m\"`)",
        )),
    }
}

fn parse_duration_ms(text: &str) -> Option<u64> {
    let text = text.trim();
    let split = text.find(|c: char| !c.is_ascii_digit())?;
    let (number, unit) = text.split_at(split);
    let number: u64 = number.parse().ok()?;
    let factor = match unit.trim() {
        "ms" => 1,
        "s" => 1000,
        "m" => 60_000,
        _ => return None,
    };
    number.checked_mul(factor)
}

/// After an error, consumes `= value` so parsing can go on with the next key.
fn skip_value(meta: &ParseNestedMeta<'_>) {
    if meta.input.peek(syn::Token![=]) {
        let _ = meta.value().and_then(|value| value.parse::<Expr>());
    } else if meta.input.peek(syn::token::Paren) {
        let _ = meta.parse_nested_meta(|_| Ok(()));
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use quote::quote;

    fn parse(tokens: TokenStream) -> (ToolArgs, Option<String>) {
        let mut errors = Errors::default();
        let args = parse_args(tokens, &mut errors);
        let messages = errors.finish(()).err().map(|all| {
            all.into_iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        });
        (args, messages)
    }

    #[test]
    fn every_key_is_read() {
        let (args, err) = parse(quote!(
            name = "sum",
            description = "d",
            server = "calc",
            title = "Sum",
            read_only,
            destructive = false,
            idempotent = true,
            open_world,
            timeout = "1500ms",
            always_load = false,
            search_hint = "sum numbers",
            max_result_size_chars = 1_000,
            crate = ::ca
        ));
        assert!(err.is_none(), "{err:?}");
        assert_eq!(args.name.unwrap().value(), "sum");
        assert_eq!(args.server.unwrap().value(), "calc");
        assert_eq!(args.read_only, Some(true));
        assert_eq!(args.destructive, Some(false));
        assert_eq!(args.timeout_ms, Some(1500));
        assert_eq!(args.always_load, Some(false));
        assert_eq!(args.search_hint.unwrap().value(), "sum numbers");
        assert_eq!(args.max_result_size_chars, Some(1000));
        assert!(args.crate_path.is_some());
    }

    #[test]
    fn all_mistakes_are_reported_together() {
        let (args, err) = parse(quote!(
            nmae = "x",
            read_only = 3,
            timeout = "soon",
            server = "ok"
        ));
        let err = err.unwrap();
        assert!(err.contains("unknown `#[tool]` argument `nmae`"), "{err}");
        assert!(err.contains("expected `true` or `false`"), "{err}");
        assert!(err.contains("expected a positive timeout"), "{err}");
        assert_eq!(args.server.unwrap().value(), "ok");
        let (_, err) = parse(quote!(search_hint = " ", max_result_size_chars = 0));
        let err = err.unwrap();
        assert!(err.contains("`search_hint` is blank"), "{err}");
        assert!(
            err.contains("expected a positive number of characters"),
            "{err}"
        );
    }

    #[test]
    fn durations_accept_units_and_seconds() {
        assert_eq!(parse_duration_ms("2m"), Some(120_000));
        assert_eq!(parse_duration_ms("30s"), Some(30_000));
        assert_eq!(parse_duration_ms("10h"), None);
        let (args, _) = parse(quote!(timeout = 5));
        assert_eq!(args.timeout_ms, Some(5000));
    }
}
