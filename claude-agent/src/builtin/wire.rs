//! Building blocks shared by the wire types of hooks, permissions and built-in tools: string
//! enums that keep unknown values, and lenient number decoding.

/// Declares a string enum mirroring a wire value: every known value is a variant, anything else
/// lands in `Other(String)`, so decoding never fails on a value a newer CLI introduces. The
/// `Default` is `Other("")` (the value was absent).
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this SDK version does not know (kept verbatim; empty when absent).
            Other(::std::string::String),
        }

        impl $name {
            /// The wire spelling.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )*
                    $name::Other(other) => other,
                }
            }

            /// Parses a wire value; unknown values become `Other`.
            pub fn from_wire(value: &str) -> Self {
                match value {
                    $( $wire => $name::$variant, )*
                    other => $name::Other(other.to_owned()),
                }
            }
        }

        impl ::std::default::Default for $name {
            fn default() -> Self {
                $name::Other(::std::string::String::new())
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                Ok(match value {
                    ::serde_json::Value::String(s) => $name::from_wire(&s),
                    ::serde_json::Value::Null => $name::default(),
                    other => $name::Other(other.to_string()),
                })
            }
        }
    };
}
pub(crate) use wire_enum;

/// Decodes an optional count leniently: integers, integral floats and numeric strings are
/// accepted; anything else (or a missing field) is `None` rather than an error.
pub(crate) fn opt_u64<'de, D>(deserializer: D) -> Result<Option<u64>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let value = <Option<serde_json::Value> as serde::Deserialize>::deserialize(deserializer)?;
    Ok(value.as_ref().and_then(number_to_u64))
}

/// Decodes a required count leniently (see [`opt_u64`]); a bad value becomes `0`.
pub(crate) fn u64_or_zero<'de, D>(deserializer: D) -> Result<u64, D::Error>
where
    D: serde::Deserializer<'de>,
{
    Ok(opt_u64(deserializer)?.unwrap_or(0))
}

fn number_to_u64(value: &serde_json::Value) -> Option<u64> {
    match value {
        serde_json::Value::Number(n) => n.as_u64().or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= u64::MAX as f64)
                .map(|f| f as u64)
        }),
        serde_json::Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    wire_enum! {
        /// Test enum.
        pub enum Colour {
            /// Red.
            Red = "red",
            /// Light blue.
            LightBlue = "lightBlue",
        }
    }

    #[derive(Deserialize)]
    struct Counts {
        #[serde(default, deserialize_with = "opt_u64")]
        a: Option<u64>,
    }

    #[test]
    fn wire_enum_round_trips_known_and_keeps_unknown_values() {
        let known: Colour = serde_json::from_value(json!("lightBlue")).unwrap();
        assert_eq!(known, Colour::LightBlue);
        assert_eq!(serde_json::to_value(&known).unwrap(), json!("lightBlue"));
        let unknown: Colour = serde_json::from_value(json!("ultraviolet")).unwrap();
        assert_eq!(unknown, Colour::Other("ultraviolet".into()));
        assert_eq!(
            serde_json::to_value(&unknown).unwrap(),
            json!("ultraviolet")
        );
        let odd: Colour = serde_json::from_value(json!(7)).unwrap();
        assert_eq!(odd, Colour::Other("7".into()));
        assert_eq!(Colour::default().as_str(), "");
    }

    #[test]
    fn opt_u64_accepts_integral_numbers_and_numeric_strings() {
        let parse = |v| serde_json::from_value::<Counts>(v).unwrap().a;
        assert_eq!(parse(json!({"a": 5})), Some(5));
        assert_eq!(parse(json!({"a": 5.0})), Some(5));
        assert_eq!(parse(json!({"a": " 12 "})), Some(12));
        assert_eq!(parse(json!({"a": 1.5})), None);
        assert_eq!(parse(json!({"a": -1})), None);
        assert_eq!(parse(json!({"a": null})), None);
        assert_eq!(parse(json!({})), None);
    }
}
