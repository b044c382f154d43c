//! The ruleset file exactly as written, before semantic checks.
//!
//! serde with `deny_unknown_fields` catches misspelt keys (with toml's own
//! positions); `Spanned` keeps the byte ranges the loader needs to point at
//! problems only it can see, such as an unknown list name.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};
use toml::Spanned;

use super::text::{LocalizedText, Severity};
use crate::country::Country;
use crate::hs::HsPrefix;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
    pub ruleset: RawHeader,
    #[serde(default)]
    pub scoring: RawScoring,
    #[serde(default)]
    pub country_lists: BTreeMap<Spanned<String>, RawCountryList>,
    #[serde(default)]
    pub hs_lists: BTreeMap<Spanned<String>, RawHsList>,
    #[serde(default)]
    pub name_lists: BTreeMap<Spanned<String>, RawNameList>,
    #[serde(default)]
    pub mitigations: BTreeMap<Spanned<String>, RawMitigation>,
    #[serde(default)]
    pub rules: Vec<Spanned<RawRule>>,
}

/// A recorded fact that lowers the residual severity of the rules naming it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMitigation {
    pub title: LocalizedText,
    pub when: Spanned<RawCondition>,
    #[serde(default)]
    pub steps: Option<Spanned<u32>>,
    #[serde(default)]
    pub citations: Vec<RawCitation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHeader {
    pub id: Spanned<String>,
    pub version: String,
    pub title: LocalizedText,
    #[serde(default)]
    pub updated: Option<RawDate>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawWeights {
    pub low: u32,
    pub medium: u32,
    pub high: u32,
    pub stop: u32,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawScoring {
    #[serde(default)]
    pub weight: Option<Spanned<RawWeights>>,
    #[serde(default)]
    pub medium_from: Option<Spanned<u32>>,
    #[serde(default)]
    pub high_from: Option<Spanned<u32>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCitation {
    pub issuer: String,
    pub document: String,
    #[serde(default)]
    pub section: Option<String>,
    #[serde(default)]
    pub date: Option<RawDate>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub note: Option<LocalizedText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCountryList {
    pub title: LocalizedText,
    pub countries: Vec<Country>,
    #[serde(default)]
    pub citations: Vec<RawCitation>,
}

/// `[name_lists.NAME]`: institutions a law names (banks under a transaction
/// ban), each with the act that lists it and the day it applies from.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNameList {
    pub title: LocalizedText,
    #[serde(default)]
    pub citations: Vec<RawCitation>,
    #[serde(default)]
    pub entries: Vec<Spanned<RawNameEntry>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNameEntry {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub country: Country,
    #[serde(default)]
    pub bic: Option<String>,
    pub listed_by: String,
    #[serde(default)]
    pub date: Option<RawDate>,
    #[serde(default)]
    pub applies_from: Option<RawDate>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub note: Option<LocalizedText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHsList {
    pub title: LocalizedText,
    #[serde(default)]
    pub citations: Vec<RawCitation>,
    pub tiers: Vec<Spanned<RawTier>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTier {
    pub tier: String,
    #[serde(default)]
    pub title: Option<LocalizedText>,
    #[serde(default)]
    pub weight: Option<Spanned<u32>>,
    pub codes: Vec<HsPrefix>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRule {
    pub id: Spanned<String>,
    pub severity: Severity,
    pub title: LocalizedText,
    pub explanation: Spanned<LocalizedText>,
    pub when: Spanned<RawCondition>,
    #[serde(default)]
    pub citations: Vec<RawCitation>,
    #[serde(default)]
    pub mitigations: Vec<LocalizedText>,
    /// Names of `[mitigations.*]` that may lower this rule's residual severity.
    #[serde(default)]
    pub mitigated_by: Option<Spanned<Vec<Spanned<String>>>>,
    /// The lowest residual severity mitigations may bring the rule to.
    #[serde(default)]
    pub floor: Option<Spanned<Severity>>,
    /// First day the rule's duty or prohibition applies (inclusive).
    #[serde(default)]
    pub applies_from: Option<RawDate>,
    /// Last day it applies (inclusive).
    #[serde(default)]
    pub applies_until: Option<RawDate>,
    /// When the rule was last checked against its sources.
    #[serde(default)]
    pub reviewed: Option<RawDate>,
}

/// Every key any condition shape may use; the loader checks that exactly one shape is present.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCondition {
    pub fact: Option<Spanned<String>>,
    pub is: Option<Spanned<String>>,
    #[serde(rename = "in")]
    pub in_: Option<Vec<Spanned<String>>>,
    pub in_list: Option<Spanned<String>>,
    pub in_hs_list: Option<Spanned<String>>,
    pub tiers: Option<Vec<Spanned<String>>>,
    pub hs_prefix: Option<Vec<HsPrefix>>,
    pub gt: Option<f64>,
    pub ge: Option<f64>,
    pub lt: Option<f64>,
    pub le: Option<f64>,
    pub same_as: Option<Spanned<String>>,
    pub differs_from: Option<Spanned<String>>,
    pub earlier_than: Option<Spanned<String>>,
    pub later_than: Option<Spanned<String>>,
    pub before: Option<RawDate>,
    pub after: Option<RawDate>,
    pub unknown: Option<Spanned<String>>,
    pub all: Option<Vec<Spanned<RawCondition>>>,
    pub any: Option<Vec<Spanned<RawCondition>>>,
    pub not: Option<Box<Spanned<RawCondition>>>,
    pub any_line: Option<Box<Spanned<RawCondition>>>,
    pub any_party: Option<Box<Spanned<RawCondition>>>,
    pub any_hop: Option<Box<Spanned<RawCondition>>>,
}

/// A date written as a TOML date (`2024-02-23`) or a string (`"2024-02-23"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct RawDate(pub chrono::NaiveDate);

impl<'de> Deserialize<'de> for RawDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let text = match toml::Value::deserialize(d)? {
            toml::Value::String(s) => s,
            toml::Value::Datetime(dt) => match (dt.date, dt.time) {
                (Some(date), None) => date.to_string(),
                _ => {
                    return Err(D::Error::custom(
                        "expected a date without time, e.g. 2024-02-23",
                    ));
                }
            },
            other => {
                return Err(D::Error::custom(format!(
                    "expected a date such as 2024-02-23, found {}",
                    other.type_str()
                )));
            }
        };
        chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map(RawDate)
            .map_err(|e| D::Error::custom(format!("\"{text}\" is not a date (YYYY-MM-DD): {e}")))
    }
}
