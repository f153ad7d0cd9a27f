//! Attribute grammar shared by every macro.

use syn::parse::ParseStream;
use syn::{LitStr, Path};

/// The value of `crate = ..`, the same for `#[tool]`, `#[hook]` and `#[agent]`: a path
/// (`crate = ::my_ca`) or a string holding one (`crate = "my_ca"`, serde-style).
pub(crate) fn crate_path(value: ParseStream<'_>) -> syn::Result<Path> {
    if value.peek(LitStr) {
        value.parse::<LitStr>()?.parse::<Path>()
    } else {
        value.parse::<Path>()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use syn::parse::Parser;

    #[test]
    fn crate_is_a_path_or_a_string() {
        let path = super::crate_path.parse_str("::my_ca::inner").unwrap();
        assert_eq!(path.segments.len(), 2);
        let path = super::crate_path.parse_str("\"my_ca\"").unwrap();
        assert_eq!(path.segments[0].ident, "my_ca");
        assert!(super::crate_path.parse_str("\"not a path\"").is_err());
    }
}
