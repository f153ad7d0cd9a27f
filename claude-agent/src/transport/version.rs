//! The CLI's version: parsing and the supported range (the `--version` probe and its caches are in
//! [`probe`](super::probe)).

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use crate::{Error, Result};

/// A CLI version such as `2.1.330`.
///
/// # Examples
///
/// ```
/// use claude_agent::transport::CliVersion;
///
/// let v: CliVersion = "2.1.330 (Claude Code)".parse().unwrap();
/// assert_eq!(v, CliVersion::new(2, 1, 330));
/// assert!(v >= CliVersion::MINIMUM);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CliVersion {
    /// Major version.
    pub major: u32,
    /// Minor version.
    pub minor: u32,
    /// Patch version.
    pub patch: u32,
}

impl CliVersion {
    /// The oldest CLI this crate is tested against.
    pub const MINIMUM: CliVersion = CliVersion::new(2, 1, 197);
    /// The CLI version CI pins and the test suite runs against by default.
    pub const TESTED: CliVersion = CliVersion::new(2, 1, 330);

    /// A version from its parts.
    pub const fn new(major: u32, minor: u32, patch: u32) -> Self {
        CliVersion {
            major,
            minor,
            patch,
        }
    }
}

impl fmt::Display for CliVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// The text was not a version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseVersionError(String);

impl fmt::Display for ParseVersionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a CLI version: {:?}", self.0)
    }
}

impl std::error::Error for ParseVersionError {}

impl FromStr for CliVersion {
    type Err = ParseVersionError;

    /// Parses `2.1.330`, `2.1.330 (Claude Code)` or `v2.1.330`; pre-release suffixes are ignored.
    fn from_str(text: &str) -> std::result::Result<Self, Self::Err> {
        let err = || ParseVersionError(text.to_owned());
        let word = text.split_whitespace().next().ok_or_else(err)?;
        let word = word.trim_start_matches('v');
        let core = word.split(['-', '+']).next().ok_or_else(err)?;
        let mut parts = core.split('.').map(|p| p.parse::<u32>().map_err(|_| err()));
        let major = parts.next().ok_or_else(err)??;
        let minor = parts.next().ok_or_else(err)??;
        let patch = parts.next().ok_or_else(err)??;
        if parts.next().is_some() {
            return Err(err());
        }
        Ok(CliVersion::new(major, minor, patch))
    }
}

/// Checks a reported version against [`CliVersion::MINIMUM`].
pub(crate) fn ensure_supported(reported: &str, path: &Path) -> Result<CliVersion> {
    let unsupported = || Error::UnsupportedCliVersion {
        found: crate::error::truncate(reported.trim(), 200),
        minimum: CliVersion::MINIMUM.to_string(),
        path: path.to_path_buf(),
    };
    let version: CliVersion = reported.parse().map_err(|_| unsupported())?;
    if version < CliVersion::MINIMUM {
        return Err(unsupported());
    }
    Ok(version)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn parses_cli_output_forms() {
        assert_eq!(
            "2.1.197 (Claude Code)\n".parse::<CliVersion>().unwrap(),
            CliVersion::new(2, 1, 197)
        );
        assert_eq!(
            "v10.0.1-beta.2".parse::<CliVersion>().unwrap(),
            CliVersion::new(10, 0, 1)
        );
        assert!("Claude Code".parse::<CliVersion>().is_err());
        assert!("2.1".parse::<CliVersion>().is_err());
        assert!("".parse::<CliVersion>().is_err());
    }

    #[test]
    fn refuses_old_and_garbled_versions() {
        let path = Path::new("/x/claude");
        assert!(ensure_supported("2.1.330 (Claude Code)", path).is_ok());
        assert!(ensure_supported("2.1.197", path).is_ok());
        let err = ensure_supported("2.1.196 (Claude Code)", path).unwrap_err();
        assert!(
            matches!(err, Error::UnsupportedCliVersion { ref found, .. } if found == "2.1.196 (Claude Code)")
        );
        assert!(err.to_string().contains("2.1.197 or newer"));
        assert!(matches!(
            ensure_supported("garbage", path),
            Err(Error::UnsupportedCliVersion { .. })
        ));
    }
}
