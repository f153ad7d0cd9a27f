//! Names and doc comments shared by the macros: raw identifiers, the generated type names, and
//! the `///` text that becomes a description or a prompt.

use syn::{Attribute, Expr, ExprLit, Ident, Lit, Meta};

/// The identifier without its `r#` prefix.
pub(crate) fn unraw(ident: &Ident) -> String {
    let name = ident.to_string();
    name.strip_prefix("r#").map(str::to_owned).unwrap_or(name)
}

/// `get_weather` → `GetWeather` (empty parts skipped).
pub(crate) fn pascal_case(snake: &str) -> String {
    snake
        .split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// The text of the `///` comments: lines joined, one leading space per line removed, trimmed.
pub(crate) fn doc_text(attrs: &[Attribute]) -> String {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|attr| attr.path().is_ident("doc"))
        .filter_map(|attr| match &attr.meta {
            Meta::NameValue(nv) => match &nv.value {
                Expr::Lit(ExprLit {
                    lit: Lit::Str(text),
                    ..
                }) => Some(text.value()),
                _ => None,
            },
            _ => None,
        })
        .map(|line| line.strip_prefix(' ').map(str::to_owned).unwrap_or(line))
        .collect();
    lines.join("\n").trim().to_owned()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use proc_macro2::Span;

    use super::*;

    #[test]
    fn names_handle_edges() {
        assert_eq!(pascal_case("guard"), "Guard");
        assert_eq!(pascal_case("_x__y_"), "XY");
        assert_eq!(pascal_case("get__weather_now"), "GetWeatherNow");
        assert_eq!(unraw(&Ident::new_raw("type", Span::call_site())), "type");
    }
}
