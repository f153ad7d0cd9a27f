//! The `#[agent(...)]` argument grammar: an optional `main` flag, then `key = value` pairs.
//! Values are kept as written; [`super::model`] interprets them.

use proc_macro2::TokenStream;
use syn::parse::Parser;
use syn::{Expr, Ident, Path, Type};

use crate::diag::Errors;
use crate::suggest::did_you_mean;

/// Which form of the macro a key belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    Subagent,
    Main,
    Both,
}

/// Every key, with the form it belongs to.
pub(crate) const KEYS: &[(&str, Form)] = &[
    ("main", Form::Main),
    ("name", Form::Subagent),
    ("description", Form::Subagent),
    ("prompt", Form::Subagent),
    ("system_prompt", Form::Main),
    ("model", Form::Both),
    ("tools", Form::Both),
    ("disallowed_tools", Form::Both),
    ("allowed_tools", Form::Main),
    ("mcp_servers", Form::Subagent),
    ("skills", Form::Subagent),
    ("max_turns", Form::Both),
    ("max_budget_usd", Form::Main),
    ("memory", Form::Subagent),
    ("initial_prompt", Form::Subagent),
    ("background", Form::Subagent),
    ("effort", Form::Both),
    ("permission_mode", Form::Both),
    ("critical_system_reminder", Form::Subagent),
    ("subagents", Form::Main),
    ("hooks", Form::Main),
    ("setting_sources", Form::Main),
    ("output", Form::Main),
    ("crate", Form::Both),
];

/// A value as written.
pub(crate) enum Value {
    /// A bare key (`main`, `background`).
    Flag,
    Expr(Expr),
    Type(Type),
    Path(Path),
}

/// One `key = value` (or bare key), the key keeping its span.
pub(crate) struct Arg {
    pub(crate) key: Ident,
    pub(crate) value: Value,
}

/// Parses the attribute's arguments, recording every problem in `errors`.
pub(crate) fn args(tokens: TokenStream, errors: &mut Errors) -> Vec<Arg> {
    let mut args: Vec<Arg> = Vec::new();
    let names: Vec<&str> = KEYS.iter().map(|(k, _)| *k).collect();
    let parser = syn::meta::parser(|meta| {
        let Some(key) = meta.path.get_ident().cloned() else {
            errors.at(&meta.path, "expected a key such as `description = \"..\"`");
            if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<Expr>()?;
            }
            return Ok(());
        };
        let name = key.to_string();
        let has_value = meta.input.peek(syn::Token![=]);
        let value = match (name.as_str(), has_value) {
            ("output", true) => Value::Type(meta.value()?.parse()?),
            ("crate", true) => Value::Path(crate::attr::crate_path(meta.value()?)?),
            (_, true) => Value::Expr(meta.value()?.parse()?),
            (_, false) => Value::Flag,
        };
        if !names.contains(&name.as_str()) {
            errors.at(
                &key,
                format!(
                    "unknown `#[agent]` key `{name}`{}",
                    did_you_mean(&name, &names)
                ),
            );
            return Ok(());
        }
        match (&value, name.as_str()) {
            (Value::Flag, "main" | "background") => {}
            (Value::Flag, _) => {
                errors.at(&key, format!("`{name}` needs a value: `{name} = ..`"));
                return Ok(());
            }
            (_, "main") => {
                errors.at(&key, "`main` is a flag: write `#[agent(main, ..)]`");
                return Ok(());
            }
            _ => {}
        }
        if args.iter().any(|a| a.key == key) {
            errors.at(&key, format!("`{name}` is given twice"));
            return Ok(());
        }
        args.push(Arg { key, value });
        Ok(())
    });
    if let Err(error) = parser.parse2(tokens) {
        errors.push(error);
    }
    args
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use quote::quote;

    fn args(tokens: TokenStream) -> syn::Result<Vec<Arg>> {
        let mut errors = Errors::default();
        let args = super::args(tokens, &mut errors);
        errors.finish(args)
    }

    #[test]
    fn parses_flags_values_types_and_paths() {
        let args = args(quote!(
            main,
            model = "haiku",
            output = Vec<Review>,
            crate = "my_ca",
            tools = ["Read", add]
        ))
        .unwrap();
        let keys: Vec<String> = args.iter().map(|a| a.key.to_string()).collect();
        assert_eq!(keys, ["main", "model", "output", "crate", "tools"]);
        assert!(matches!(args[0].value, Value::Flag));
        assert!(matches!(args[2].value, Value::Type(_)));
        assert!(matches!(args[3].value, Value::Path(_)));
    }

    #[test]
    fn reports_every_problem_at_once() {
        let err = args(quote!(
            descripton = "x",
            model,
            model = "a",
            model = "b",
            main = true
        ))
        .err()
        .unwrap();
        let messages: Vec<String> = err.into_iter().map(|e| e.to_string()).collect();
        assert_eq!(messages.len(), 4, "{messages:?}");
        assert!(
            messages[0].contains("did you mean `description`"),
            "{messages:?}"
        );
        assert!(messages[1].contains("needs a value"));
        assert!(messages[2].contains("given twice"));
        assert!(messages[3].contains("`main` is a flag"));
    }
}
