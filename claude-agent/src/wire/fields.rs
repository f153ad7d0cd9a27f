//! Lenient field decoders: CLI versions disagree on `null` versus absent and on number shapes.
//!
//! Use with `#[serde(default, deserialize_with = "…")]` so that an absent field, `null` and
//! a slightly different number encoding all decode instead of failing the message. A value that
//! is not a count at all (negative, non-numeric) is an error, so that the enclosing decoder
//! keeps the raw JSON (`Message::Unknown`, `BuiltinToolInput::Other`, ...) instead of reporting
//! a made-up 0.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};

/// `null` decodes as `T::default()` (absent is handled by `#[serde(default)]`).
pub(crate) fn nullable<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// A count or duration: accepts unsigned, non-negative signed and float numbers (truncated),
/// numeric strings, and `null` (as 0).
pub(crate) fn count<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
    Ok(opt_count(deserializer)?.unwrap_or(0))
}

/// Like [`count`], but `null` stays `None`.
pub(crate) fn opt_count<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<u64>, D::Error> {
    deserializer.deserialize_any(CountVisitor)
}

/// A cost or ratio: any JSON number, a numeric string, or `null` (as 0.0).
pub(crate) fn number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    Ok(opt_number(deserializer)?.unwrap_or(0.0))
}

/// Like [`number`], but `null` stays `None`.
pub(crate) fn opt_number<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<f64>, D::Error> {
    deserializer.deserialize_any(NumberVisitor)
}

/// A request id: a string, or an integer (kept as its decimal text).
pub(crate) fn id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    struct IdVisitor;

    impl Visitor<'_> for IdVisitor {
        type Value = String;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or integer id")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_owned())
        }

        fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
            Ok(v)
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
    }

    deserializer.deserialize_any(IdVisitor)
}

struct CountVisitor;

impl<'de> Visitor<'de> for CountVisitor {
    type Value = Option<u64>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a non-negative number or null")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        u64::try_from(v)
            .map(Some)
            .map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        if v.is_finite() && v >= 0.0 {
            // Truncation is intended: a count sent as 12.0 means 12.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            Ok(Some(v as u64))
        } else {
            Err(E::invalid_value(de::Unexpected::Float(v), &self))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let v = v.trim();
        if let Ok(n) = v.parse::<u64>() {
            return Ok(Some(n));
        }
        match v.parse::<f64>() {
            Ok(f) => self.visit_f64(f),
            Err(_) => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

struct NumberVisitor;

impl<'de> Visitor<'de> for NumberVisitor {
    type Value = Option<f64>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number or null")
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v as f64))
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v as f64))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Some(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        v.trim()
            .parse::<f64>()
            .map(Some)
            .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize, Debug, Default)]
    struct Sample {
        #[serde(default, deserialize_with = "super::count")]
        n: u64,
        #[serde(default, deserialize_with = "super::opt_count")]
        m: Option<u64>,
        #[serde(default, deserialize_with = "super::number")]
        cost: f64,
        #[serde(default, deserialize_with = "super::nullable")]
        list: Vec<String>,
    }

    #[derive(Deserialize, Debug)]
    struct WithId {
        #[serde(deserialize_with = "super::id")]
        id: String,
    }

    #[test]
    fn ids_may_be_strings_or_integers() {
        let id = |json: &str| serde_json::from_str::<WithId>(json).map(|w| w.id);
        assert_eq!(id(r#"{"id":"req_1"}"#).unwrap(), "req_1");
        assert_eq!(id(r#"{"id":7}"#).unwrap(), "7");
        assert!(id(r#"{"id":null}"#).is_err());
        assert!(id(r#"{}"#).is_err());
    }

    fn parse(json: &str) -> Sample {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn counts_accept_every_number_shape_and_null() {
        assert_eq!(parse(r#"{"n":7}"#).n, 7);
        assert_eq!(parse(r#"{"n":7.9}"#).n, 7);
        assert_eq!(parse(r#"{"n":"42"}"#).n, 42);
        assert_eq!(parse(r#"{"n":null}"#).n, 0);
        assert_eq!(parse(r#"{}"#).n, 0);
        assert_eq!(parse(r#"{"m":null}"#).m, None);
        assert_eq!(parse(r#"{"m":3}"#).m, Some(3));
    }

    #[test]
    fn counts_accept_integral_floats_and_padded_strings() {
        assert_eq!(parse(r#"{"m":5.0}"#).m, Some(5));
        assert_eq!(parse(r#"{"m":" 12 "}"#).m, Some(12));
        assert_eq!(parse(r#"{"m":"1.5"}"#).m, Some(1));
        assert_eq!(parse(r#"{}"#).m, None);
    }

    #[test]
    fn counts_reject_negative_and_non_numeric_values() {
        assert!(serde_json::from_str::<Sample>(r#"{"n":-1}"#).is_err());
        assert!(serde_json::from_str::<Sample>(r#"{"n":"lots"}"#).is_err());
        assert!(serde_json::from_str::<Sample>(r#"{"n":[1]}"#).is_err());
        assert!(serde_json::from_str::<Sample>(r#"{"m":-1}"#).is_err());
        assert!(serde_json::from_str::<Sample>(r#"{"m":"-1"}"#).is_err());
    }

    #[test]
    fn numbers_and_nullable_fields_are_lenient() {
        let s = parse(r#"{"cost":1,"list":null}"#);
        assert!((s.cost - 1.0).abs() < f64::EPSILON);
        assert!(s.list.is_empty());
        assert!((parse(r#"{"cost":"0.25"}"#).cost - 0.25).abs() < f64::EPSILON);
        assert_eq!(parse(r#"{"cost":null}"#).cost, 0.0);
    }
}
