//! Forward-compatible decoding of the CLI's wire format, in one place.
//!
//! Newer CLIs add values and older ones spell numbers and absences differently; decoding must
//! keep what it does not know (as raw JSON or text) rather than fail the message around it.
//!
//! - `enums.rs`: [`wire_enum!`], string enums with `Other(String)` for unknown spellings;
//! - `fields.rs`: field decoders for `#[serde(deserialize_with = "...")]`: [`nullable`],
//!   [`count`] / [`opt_count`], [`number`] / [`opt_number`] and request [`id`]s.

mod enums;
mod fields;

pub(crate) use enums::{deserialize_lenient, wire_enum};
pub(crate) use fields::{count, id, nullable, number, opt_count, opt_number};
