//! Small validated value types shared by the v1 schemas.
//!
//! Each is a string on the wire and checked when read, so a record cannot
//! carry an HS code with letters or an amount written as a float.

use std::fmt;

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

/// Why a value does not fit its v1 type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    /// Not 6, 8 or 10 digits.
    #[error("{0:?} is not an HS code (6 to 10 digits, no dots or spaces)")]
    HsCode(String),
    /// Not a plain non-negative decimal.
    #[error("{0:?} is not a decimal number (digits with an optional '.' and fraction, e.g. 12.50)")]
    Decimal(String),
    /// Not three capital letters.
    #[error("{0:?} is not an ISO 4217 currency code (three capital letters, e.g. EUR)")]
    Currency(String),
    /// Not an identifier.
    #[error(
        "{0:?} is not an identifier (1–64 of A–Z a–z 0–9 . _ - :, starting with a letter or digit)"
    )]
    Id(String),
    /// Not `YYYY-MM-DDTHH:MM:SSZ`.
    #[error("{0:?} is not a UTC timestamp of the form 2024-03-20T14:05:00Z")]
    Timestamp(String),
    /// Outside ±14 hours.
    #[error("UTC offset of {0} minutes is outside −840..=840")]
    Offset(i32),
}

macro_rules! string_value {
    ($(#[$meta:meta])* $name:ident, $check:expr, $error:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Validates and wraps `text`.
            pub fn new(text: impl Into<String>) -> Result<$name, ValueError> {
                let text = text.into();
                let check: fn(&str) -> bool = $check;
                if check(&text) {
                    Ok($name(text))
                } else {
                    Err(ValueError::$error(text.chars().take(80).collect()))
                }
            }

            /// The text as written on the wire.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = ValueError;
            fn try_from(text: String) -> Result<$name, ValueError> {
                $name::new(text)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

string_value!(
    /// A Harmonized System code of 6 to 10 digits (national extensions kept).
    HsCode,
    |s| (6..=10).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()),
    HsCode
);

string_value!(
    /// A non-negative decimal written as text (`12`, `0.5`, `1500.00`) so that
    /// amounts and quantities never pass through a float.
    Decimal,
    is_decimal,
    Decimal
);

string_value!(
    /// An ISO 4217 alphabetic currency code.
    CurrencyCode,
    |s| s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()),
    Currency
);

string_value!(
    /// A stable machine identifier: rule ids, question ids, request ids.
    Id,
    |s| {
        (1..=64).contains(&s.len())
            && s.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b':'))
    },
    Id
);

impl Decimal {
    /// The decimal `0`.
    pub fn zero() -> Decimal {
        Decimal("0".to_string())
    }
}

fn is_decimal(text: &str) -> bool {
    if text.is_empty() || text.len() > 40 {
        return false;
    }
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let no_leading_zero = whole == "0" || !whole.starts_with('0');
    digits(whole) && no_leading_zero && fraction.is_none_or(digits)
}

/// A UTC instant to the second, written `2024-03-20T14:05:00Z`.
///
/// One fixed spelling (no fractions, always `Z`) so a timestamp never changes
/// its bytes when a record is re-serialised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct UtcTimestamp(DateTime<Utc>);

const TIMESTAMP_FORMAT: &str = "%Y-%m-%dT%H:%M:%SZ";

impl UtcTimestamp {
    /// Truncates `instant` to whole seconds.
    pub fn from_datetime(instant: DateTime<Utc>) -> UtcTimestamp {
        let seconds = instant.timestamp();
        UtcTimestamp(DateTime::from_timestamp(seconds, 0).unwrap_or(instant))
    }

    /// The instant.
    pub fn datetime(&self) -> DateTime<Utc> {
        self.0
    }
}

impl TryFrom<String> for UtcTimestamp {
    type Error = ValueError;
    fn try_from(text: String) -> Result<UtcTimestamp, ValueError> {
        NaiveDateTime::parse_from_str(&text, TIMESTAMP_FORMAT)
            .ok()
            .filter(|_| text.len() == 20)
            .map(|naive| UtcTimestamp(naive.and_utc()))
            .ok_or_else(|| ValueError::Timestamp(text.chars().take(80).collect()))
    }
}

impl From<UtcTimestamp> for String {
    fn from(value: UtcTimestamp) -> String {
        value.0.format(TIMESTAMP_FORMAT).to_string()
    }
}

/// The signer's UTC offset in minutes (east positive), e.g. Almaty `300`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "i32", into = "i32")]
pub struct OffsetMinutes(i32);

impl OffsetMinutes {
    /// Validates an offset within ±14 hours.
    pub fn new(minutes: i32) -> Result<OffsetMinutes, ValueError> {
        if (-840..=840).contains(&minutes) {
            Ok(OffsetMinutes(minutes))
        } else {
            Err(ValueError::Offset(minutes))
        }
    }

    /// The minutes east of UTC.
    pub fn minutes(self) -> i32 {
        self.0
    }
}

impl TryFrom<i32> for OffsetMinutes {
    type Error = ValueError;
    fn try_from(minutes: i32) -> Result<OffsetMinutes, ValueError> {
        OffsetMinutes::new(minutes)
    }
}

impl From<OffsetMinutes> for i32 {
    fn from(value: OffsetMinutes) -> i32 {
        value.0
    }
}

/// When a document was created: the UTC instant and the creator's offset, so
/// a reader can show local time as the signer saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreatedAt {
    /// The instant, in UTC.
    pub utc: UtcTimestamp,
    /// The creator's UTC offset at that instant.
    pub offset_minutes: OffsetMinutes,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hs_codes() {
        assert!(HsCode::new("854231").is_ok());
        assert!(HsCode::new("8542310000").is_ok());
        for bad in ["85423", "8542.31", "85423a", "", "85423100001"] {
            assert!(HsCode::new(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn decimals() {
        for good in ["0", "12", "0.5", "1500.00"] {
            assert!(Decimal::new(good).is_ok(), "{good}");
        }
        for bad in ["", "-1", "1.", ".5", "01", "1e3", "1,5", " 1", "1.2.3"] {
            assert!(Decimal::new(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ids_and_currencies() {
        assert!(Id::new("chpl.tier1").is_ok());
        assert!(Id::new("-x").is_err());
        assert!(Id::new("a b").is_err());
        assert!(Id::new("x".repeat(65)).is_err());
        assert!(CurrencyCode::new("EUR").is_ok());
        assert!(CurrencyCode::new("eur").is_err());
    }

    #[test]
    fn timestamps_have_one_spelling() {
        let t: UtcTimestamp = serde_json::from_str("\"2024-03-20T14:05:00Z\"").unwrap();
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            "\"2024-03-20T14:05:00Z\""
        );
        for bad in [
            "\"2024-03-20T14:05:00+00:00\"",
            "\"2024-03-20T14:05:00.5Z\"",
            "\"2024-03-20 14:05:00Z\"",
            "\"2024-02-30T14:05:00Z\"",
        ] {
            assert!(serde_json::from_str::<UtcTimestamp>(bad).is_err(), "{bad}");
        }
        assert!(OffsetMinutes::new(300).is_ok());
        assert!(OffsetMinutes::new(841).is_err());
    }
}
