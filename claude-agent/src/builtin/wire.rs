//! Lenient number decoding shared by the wire types of hooks, permissions and built-in tools.
//! (String enums that keep unknown values come from `crate::wire::wire_enum!`.)

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

    #[derive(Deserialize)]
    struct Counts {
        #[serde(default, deserialize_with = "opt_u64")]
        a: Option<u64>,
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
