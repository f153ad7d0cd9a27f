//! `wire_enum!`: the one way this crate declares string enums that mirror the CLI's wire format
//! (message subtypes, permission modes, statuses, tool settings, ...).
//!
//! Each enum has a variant per known spelling plus `Other(String)`, so a value a newer CLI
//! introduces decodes, and re-encodes, unchanged instead of failing the message around it.
//! Decoding is lenient: `null` becomes `Other("")` ("absent"), and a non-string value is kept
//! as its JSON text in `Other`. An enum that wants a `Default` declares it itself.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize as _;
use serde::de::{self, Deserializer, Visitor};

/// Decodes a wire enum: strings through `From<&str>` (no intermediate `String`), anything else
/// leniently (see the module docs).
pub(crate) fn deserialize_lenient<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: for<'a> From<&'a str> + From<String>,
{
    struct Lenient<T>(PhantomData<T>);

    impl<'de, T: for<'a> From<&'a str> + From<String>> Visitor<'de> for Lenient<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
            Ok(T::from(v))
        }

        fn visit_string<E: de::Error>(self, v: String) -> Result<T, E> {
            Ok(T::from(v))
        }

        fn visit_unit<E: de::Error>(self) -> Result<T, E> {
            Ok(T::from(""))
        }

        fn visit_none<E: de::Error>(self) -> Result<T, E> {
            Ok(T::from(""))
        }

        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<T, D2::Error> {
            d.deserialize_any(self)
        }

        fn visit_bool<E: de::Error>(self, v: bool) -> Result<T, E> {
            Ok(T::from(v.to_string()))
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
            Ok(T::from(v.to_string()))
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
            Ok(T::from(v.to_string()))
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
            Ok(T::from(v.to_string()))
        }

        fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<T, A::Error> {
            let value = serde_json::Value::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
            Ok(T::from(value.to_string()))
        }

        fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            let value = serde_json::Value::deserialize(de::value::MapAccessDeserializer::new(map))?;
            Ok(T::from(value.to_string()))
        }
    }

    deserializer.deserialize_any(Lenient(PhantomData))
}

/// Declares a forward-compatible wire enum: `Variant = "spelling"` per known value, plus
/// `Other(String)`. Generates `ALL`, `as_str`, `from_name`, `Display`, (with a leading `default;`)
/// `Default` = `Other("")`,
/// `FromStr` (infallible), `From<&str>`, `From<String>`, `Serialize` and lenient `Deserialize`.
macro_rules! wire_enum {
    // `default;` first: also `Default` = `Other("")` (for fields that may be absent).
    (
        default;
        $(#[$meta:meta])*
        pub enum $name:ident { $($body:tt)* }
    ) => {
        $crate::wire::wire_enum! { $(#[$meta])* pub enum $name { $($body)* } }

        impl ::std::default::Default for $name {
            fn default() -> Self {
                $name::Other(::std::string::String::new())
            }
        }
    };
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this SDK version does not know, kept verbatim (empty when it was absent).
            Other(::std::string::String),
        }

        impl $name {
            #[doc = concat!("Every [`", stringify!($name), "`] this SDK version knows by name.")]
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The spelling on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )*
                    $name::Other(other) => other,
                }
            }

            /// Parses a wire spelling; unknown spellings become `Other`.
            pub fn from_name(name: &str) -> Self {
                match name {
                    $( $wire => $name::$variant, )*
                    other => $name::Other(other.to_owned()),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok($name::from_name(s))
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                $name::from_name(value)
            }
        }

        impl ::std::convert::From<::std::string::String> for $name {
            fn from(value: ::std::string::String) -> Self {
                match $name::from_name(&value) {
                    $name::Other(_) => $name::Other(value),
                    known => known,
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                $crate::wire::deserialize_lenient(deserializer)
            }
        }
    };
}
pub(crate) use wire_enum;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    wire_enum! {
        /// Test enum.
        pub enum Colour {
            /// Red.
            Red = "red",
            /// Dark blue.
            DarkBlue = "dark-blue",
        }
    }

    #[test]
    fn known_and_unknown_values_round_trip() {
        let known: Colour = serde_json::from_str(r#""dark-blue""#).unwrap();
        assert_eq!(known, Colour::DarkBlue);
        assert_eq!(serde_json::to_string(&known).unwrap(), r#""dark-blue""#);
        let unknown: Colour = serde_json::from_str(r#""ultra\u0076iolet""#).unwrap();
        assert_eq!(unknown, Colour::Other("ultraviolet".into()));
        assert_eq!(unknown.to_string(), "ultraviolet");
        assert_eq!(Colour::from("red".to_owned()), Colour::Red);
        assert_eq!("red".parse::<Colour>().unwrap(), Colour::Red);
        assert_eq!(Colour::ALL, &[Colour::Red, Colour::DarkBlue]);
    }

    #[test]
    fn null_is_absent_and_other_types_are_kept_as_text() {
        assert_eq!(
            serde_json::from_str::<Colour>("null").unwrap(),
            Colour::Other(String::new())
        );
        assert_eq!(
            serde_json::from_str::<Colour>("3").unwrap(),
            Colour::Other("3".into())
        );
        assert_eq!(
            serde_json::from_str::<Colour>(r#"{"a":1}"#).unwrap(),
            Colour::Other(r#"{"a":1}"#.into())
        );
        #[derive(serde::Deserialize)]
        struct Holder {
            #[serde(default)]
            colour: Option<Colour>,
        }
        let held: Holder = serde_json::from_str(r#"{"colour": "red"}"#).unwrap();
        assert_eq!(held.colour, Some(Colour::Red));
    }
}
