//! Countries as a type: ISO 3166-1 alpha-2 codes with names in English, Russian and Kazakh.
//!
//! A `Country` can only be obtained from the table below, so a misspelt code
//! is caught when a file is loaded, not when a rule silently fails to match.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::lang::Lang;

/// One row of the country table.
#[derive(Debug)]
struct CountryInfo {
    code: &'static str,
    en: &'static str,
    ru: &'static str,
    kk: &'static str,
}

/// ISO 3166-1 alpha-2 table, sorted by code.
#[rustfmt::skip]
static COUNTRIES: &[CountryInfo] = &[
    CountryInfo { code: "AM", en: "Armenia", ru: "Армения", kk: "Армения" },
    CountryInfo { code: "BY", en: "Belarus", ru: "Беларусь", kk: "Беларусь" },
    CountryInfo { code: "CN", en: "China", ru: "Китай", kk: "Қытай" },
    CountryInfo { code: "DE", en: "Germany", ru: "Германия", kk: "Германия" },
    CountryInfo { code: "KG", en: "Kyrgyzstan", ru: "Киргизия", kk: "Қырғызстан" },
    CountryInfo { code: "KZ", en: "Kazakhstan", ru: "Казахстан", kk: "Қазақстан" },
    CountryInfo { code: "RU", en: "Russia", ru: "Россия", kk: "Ресей" },
    CountryInfo { code: "UA", en: "Ukraine", ru: "Украина", kk: "Украина" },
    CountryInfo { code: "US", en: "United States", ru: "США", kk: "АҚШ" },
];

/// A country identified by its ISO 3166-1 alpha-2 code.
#[derive(Clone, Copy)]
pub struct Country(&'static CountryInfo);

/// Why a string is not a country code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not an ISO 3166-1 alpha-2 country code (two letters, e.g. KZ, DE, CN)")]
pub struct UnknownCountry(pub String);

impl Country {
    /// Looks up a code, ignoring case and surrounding spaces.
    pub fn parse(code: &str) -> Result<Country, UnknownCountry> {
        let wanted = code.trim().to_ascii_uppercase();
        COUNTRIES
            .binary_search_by(|c| c.code.cmp(wanted.as_str()))
            .map(|i| Country(&COUNTRIES[i]))
            .map_err(|_| UnknownCountry(code.to_string()))
    }

    /// The two-letter code.
    pub fn code(self) -> &'static str {
        self.0.code
    }

    /// The country's name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.0.en,
            Lang::Ru => self.0.ru,
            Lang::Kk => self.0.kk,
        }
    }

    /// Every country in the table, by code.
    pub fn all() -> impl Iterator<Item = Country> {
        COUNTRIES.iter().map(Country)
    }
}

impl PartialEq for Country {
    fn eq(&self, other: &Self) -> bool {
        self.0.code == other.0.code
    }
}
impl Eq for Country {}
impl std::hash::Hash for Country {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.code.hash(state)
    }
}
impl PartialOrd for Country {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Country {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.code.cmp(other.0.code)
    }
}
impl fmt::Debug for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Country({})", self.0.code)
    }
}
impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.code)
    }
}
impl std::str::FromStr for Country {
    type Err = UnknownCountry;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Country::parse(s)
    }
}
impl Serialize for Country {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.code)
    }
}
impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Country::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique() {
        for pair in COUNTRIES.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} !< {}",
                pair[0].code,
                pair[1].code
            );
        }
    }

    #[test]
    fn parses_case_insensitively_and_rejects_unknown() {
        assert_eq!(Country::parse(" kz ").unwrap().code(), "KZ");
        assert!(Country::parse("XX").is_err());
        assert!(Country::parse("").is_err());
        assert_eq!(Country::parse("RU").unwrap().name(Lang::Kk), "Ресей");
    }

    #[test]
    fn serde_round_trip() {
        let c = Country::parse("KG").unwrap();
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, "\"KG\"");
        let back: Country = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
        assert!(serde_json::from_str::<Country>("\"ZZ\"").is_err());
    }
}
