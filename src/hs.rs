//! Harmonized System commodity codes as types.
//!
//! Sanctions annexes and the Common High Priority List are keyed by HS codes,
//! so a code that is silently malformed (a letter, a stray digit) would make a
//! rule miss the very goods it exists for. [`HsCode`] therefore only exists in
//! validated form: 6 to 10 digits, with the spaces and dots people type
//! (`8542.31`, `8542 31 90`) stripped on the way in.
//!
//! [`HsPrefix`] is the looser form used by rules and lists: a chapter (`85`),
//! heading (`8542`) or longer prefix that a full code may start with.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why a string is not an HS code or HS prefix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HsError {
    /// Something other than digits, spaces and dots.
    #[error("\"{0}\" is not an HS code: only digits, spaces and dots are allowed")]
    NotDigits(String),
    /// Wrong number of digits after stripping separators.
    #[error("\"{input}\" has {digits} digits; {expected}")]
    WrongLength {
        /// What the user typed.
        input: String,
        /// How many digits it had.
        digits: usize,
        /// The accepted range, in words.
        expected: &'static str,
    },
}

/// Strips spaces and dots and checks that only digits remain, with a count in `min..=max`.
fn digits_only(
    input: &str,
    min: usize,
    max: usize,
    expected: &'static str,
) -> Result<String, HsError> {
    let mut digits = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '.' | '\u{a0}' | '\t' => {}
            _ => return Err(HsError::NotDigits(input.to_string())),
        }
    }
    if digits.len() < min || digits.len() > max {
        return Err(HsError::WrongLength {
            input: input.to_string(),
            digits: digits.len(),
            expected,
        });
    }
    Ok(digits)
}

/// A full HS / tariff code: 6 to 10 digits (HS-6 subheading plus national digits).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HsCode(String);

impl HsCode {
    /// Parses a code, ignoring spaces and dots: `"8542.31"` → `854231`.
    pub fn parse(input: &str) -> Result<HsCode, HsError> {
        digits_only(input, 6, 10, "an HS code needs 6 to 10 digits").map(HsCode)
    }

    /// The digits, without separators.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The internationally harmonised first six digits.
    pub fn hs6(&self) -> &str {
        self.0.get(..6).unwrap_or(&self.0)
    }

    /// The numeric value of each leading part of the code: `[l]` is the first
    /// `l` digits as a number, `u64::MAX` where the code is shorter than `l`.
    /// Lets an evaluator match many prefixes with one integer compare each.
    pub fn leading_values(&self) -> [u64; 11] {
        let mut out = [u64::MAX; 11];
        let mut value = 0u64;
        for (i, d) in self.0.bytes().enumerate() {
            value = value * 10 + u64::from(d.wrapping_sub(b'0'));
            if let Some(slot) = out.get_mut(i + 1) {
                *slot = value;
            }
        }
        out
    }

    /// Whether this code falls under `prefix` (e.g. `854231` under `8542`).
    pub fn starts_with(&self, prefix: &HsPrefix) -> bool {
        self.0.starts_with(prefix.as_str())
    }
}

/// A chapter, heading or longer prefix of an HS code: 2 to 10 digits.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HsPrefix(String);

impl HsPrefix {
    /// Parses a prefix, ignoring spaces and dots: `"85.42"` → `8542`.
    pub fn parse(input: &str) -> Result<HsPrefix, HsError> {
        digits_only(input, 2, 10, "an HS prefix needs 2 to 10 digits").map(HsPrefix)
    }

    /// The digits, without separators.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Number of digits (2 to 10).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always false: a prefix has at least two digits.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The digits as a number; with [`len`](Self::len) it identifies the
    /// prefix (see [`HsCode::leading_values`]).
    pub fn value(&self) -> u64 {
        self.0
            .bytes()
            .fold(0u64, |v, d| v * 10 + u64::from(d.wrapping_sub(b'0')))
    }
}

macro_rules! string_serde {
    ($ty:ident) => {
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($ty), self.0)
            }
        }
        impl std::str::FromStr for $ty {
            type Err = HsError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $ty::parse(s)
            }
        }
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $ty::parse(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}
string_serde!(HsCode);
string_serde!(HsPrefix);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_separators() {
        assert_eq!(HsCode::parse("8542.31").unwrap().as_str(), "854231");
        assert_eq!(
            HsCode::parse(" 8542 31 90 00").unwrap().as_str(),
            "8542319000"
        );
        assert_eq!(HsCode::parse("8542319000").unwrap().hs6(), "854231");
    }

    #[test]
    fn rejects_bad_codes() {
        assert!(matches!(
            HsCode::parse("85423"),
            Err(HsError::WrongLength { digits: 5, .. })
        ));
        assert!(HsCode::parse("85423190001").is_err());
        assert!(matches!(
            HsCode::parse("8542a1"),
            Err(HsError::NotDigits(_))
        ));
        assert!(HsCode::parse("").is_err());
        assert!(HsCode::parse("١٢٣٤٥٦").is_err());
    }

    #[test]
    fn prefixes_match() {
        let code = HsCode::parse("854231").unwrap();
        assert!(code.starts_with(&HsPrefix::parse("85").unwrap()));
        assert!(code.starts_with(&HsPrefix::parse("8542.31").unwrap()));
        assert!(!code.starts_with(&HsPrefix::parse("8543").unwrap()));
        assert!(HsPrefix::parse("8").is_err());
    }

    #[test]
    fn numeric_prefix_matching_agrees_with_text() {
        let code = HsCode::parse("0101210000").unwrap();
        let lead = code.leading_values();
        for p in [
            "01",
            "0101",
            "010121",
            "0101210000",
            "02",
            "010122",
            "01012100001",
        ] {
            if let Ok(prefix) = HsPrefix::parse(p) {
                let numeric = lead.get(prefix.len()) == Some(&prefix.value());
                assert_eq!(numeric, code.starts_with(&prefix), "{p}");
            }
        }
        assert_eq!(
            HsCode::parse("854231").unwrap().leading_values()[7],
            u64::MAX
        );
    }

    #[test]
    fn serde_validates() {
        let code: HsCode = serde_json::from_str("\"8542.31\"").unwrap();
        assert_eq!(serde_json::to_string(&code).unwrap(), "\"854231\"");
        assert!(serde_json::from_str::<HsCode>("\"12\"").is_err());
    }
}
