//! The ruleset: red flags, goods lists and country lists as cited, translated data.
//!
//! Rules change faster than code (a new sanctions package, a new CHPL
//! revision), so none are compiled in as logic. The default ruleset is a TOML
//! file embedded at build time in the CLI and tests (the web app fetches the
//! same file from its site instead); auditors can load their own. The format is
//! documented in `docs/ruleset-format.md`. Loading validates everything —
//! keys, fact paths, list references, values, template placeholders — so a
//! ruleset that loads is one the evaluator can run without surprises.

mod compiled;
mod condition;
mod error;
pub mod facts;
mod load;
mod raw;
mod rule_id;
mod template;
mod text;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use compiled::{COMPILED_FORMAT, MAX_COMPILED_BYTES, is_compiled};
pub use condition::{Condition, Test};
pub use error::{Position, Problem, RulesetError};
pub use load::MAX_RULESET_BYTES;
pub use rule_id::{RuleId, RuleIds};
pub use template::{Piece, Placeholder, Template};
pub use text::{Citation, LocalizedText, Severity};

use crate::country::Country;
use crate::hs::{HsCode, HsPrefix};
use crate::lang::Lang;

/// The ruleset shipped with the app, as written in `rules/default.toml`.
///
/// Only what calls [`Ruleset::embedded`] (or reads this) carries the text:
/// the web app does not, and fetches `default.toml` from its own site.
pub const EMBEDDED_TOML: &str = include_str!("../rules/default.toml");

/// A validated ruleset.
///
/// Serialisable in full (`compiled.rs`): the build compiles `default.toml`
/// into this form, so the browser never parses TOML.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ruleset {
    id: String,
    version: String,
    title: LocalizedText,
    updated: Option<chrono::NaiveDate>,
    sha256: String,
    scoring: Scoring,
    country_lists: Vec<CountryList>,
    hs_lists: Vec<HsList>,
    name_lists: Vec<NameList>,
    /// Per HS list: its codes by length and value, for fast matching.
    /// Derived from `hs_lists` on every load, so never stored.
    #[serde(skip)]
    hs_index: Vec<HsIndex>,
    /// Per rule, in file order: the largest tier weight its condition could
    /// match (see [`Ruleset::tier_bound`]). Derived like `hs_index`.
    #[serde(skip)]
    tier_bounds: Vec<u32>,
    mitigations: Vec<Mitigation>,
    rules: Vec<Rule>,
}

/// A recorded fact that lowers the residual severity of the rules naming it
/// (`[mitigations.NAME]`, see `docs/ruleset-format.md` §4a).
///
/// Plain data, like every compiled type: the condition is evaluated with the
/// rules, and only a *known* answer makes it hold (the loader refuses
/// `unknown` in a mitigation, and Kleene logic keeps an unanswered question
/// from making any other test true).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mitigation {
    /// The name rules use in `mitigated_by` (shared with the findings it lowers).
    pub id: std::sync::Arc<str>,
    /// What was recorded, for people ("Payment from the buyer's own account in its own country").
    pub title: LocalizedText,
    /// When the mitigation holds.
    pub when: Condition,
    /// Severity steps it lowers a finding by (1 to 3).
    pub steps: u8,
    /// Guidance that names it as a mitigating factor.
    pub citations: Vec<Citation>,
}

/// How findings add up to a rating (see `docs/ruleset-format.md` §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// Points per finding of each severity, indexed low, medium, high, stop.
    pub weights: [u32; 4],
    /// Score from which the rating is at least Medium.
    pub medium_from: u32,
    /// Score from which the rating is at least High.
    pub high_from: u32,
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring {
            weights: [1, 3, 10, 100],
            medium_from: 3,
            high_from: 10,
        }
    }
}

impl Scoring {
    /// Points for one finding of `severity`.
    pub fn weight(&self, severity: Severity) -> u32 {
        let i = match severity {
            Severity::Low => 0,
            Severity::Medium => 1,
            Severity::High => 2,
            Severity::Stop => 3,
        };
        self.weights.get(i).copied().unwrap_or(0)
    }
}

/// A named list of countries (`[country_lists.NAME]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryList {
    /// The name rules use.
    pub id: String,
    /// Title for people.
    pub title: LocalizedText,
    /// Members.
    pub countries: Vec<Country>,
    /// Sources.
    pub citations: Vec<Citation>,
}

/// A named list of institutions a law names (`[name_lists.NAME]`): the banks
/// and financial institutions outside Russia that EU law bans transactions
/// with. The payer's and the paying bank's names are screened against every
/// entry in force on the as-of date (`crate::bank_screening`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameList {
    /// The list's name.
    pub id: String,
    /// Title for people.
    pub title: LocalizedText,
    /// Sources of the list as a whole.
    pub citations: Vec<Citation>,
    /// The named institutions.
    pub entries: Vec<NameListEntry>,
}

/// One institution of a [`NameList`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameListEntry {
    /// Name as the act writes it.
    pub name: String,
    /// Other names and spellings (Cyrillic, former names).
    pub aliases: Vec<String>,
    /// Country of establishment.
    pub country: Country,
    /// BIC (SWIFT code, 8 or 11 characters), when a source gives it.
    pub bic: Option<String>,
    /// The act that lists it ("Council Regulation (EU) 2025/2033").
    pub listed_by: String,
    /// The act's date.
    pub date: Option<chrono::NaiveDate>,
    /// First day the ban on it applies (inclusive).
    pub applies_from: Option<chrono::NaiveDate>,
    /// Where the act is published.
    pub url: Option<String>,
    /// How sure the source is, for people.
    pub note: Option<LocalizedText>,
}

impl NameListEntry {
    /// Whether the entry is law on `day` (always, when no day is known:
    /// more findings, never fewer).
    pub fn in_force_on(&self, day: Option<chrono::NaiveDate>) -> bool {
        match (self.applies_from, day) {
            (Some(from), Some(day)) => day >= from,
            _ => true,
        }
    }
}

/// A named list of HS codes in tiers (`[hs_lists.NAME]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HsList {
    /// The name rules use.
    pub id: String,
    /// Title for people ("Common High Priority List").
    pub title: LocalizedText,
    /// Sources.
    pub citations: Vec<Citation>,
    /// Tiers in file order.
    pub tiers: Vec<HsTier>,
}

/// One tier of an HS list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HsTier {
    /// Label shown to users ("1", "3.A").
    pub label: String,
    /// Optional description.
    pub title: Option<LocalizedText>,
    /// Score multiplier for findings that matched this tier (≥ 1).
    pub weight: u32,
    /// Prefixes of the codes on this tier.
    pub codes: Vec<HsPrefix>,
}

impl HsTier {
    /// Whether `code` is on this tier.
    pub fn contains(&self, code: &HsCode) -> bool {
        self.codes.iter().any(|p| code.starts_with(p))
    }
}

/// Where an HS code appears in the ruleset's lists.
#[derive(Debug, Clone, Copy)]
pub struct HsListHit<'a> {
    /// The list.
    pub list: &'a HsList,
    /// The tier within it.
    pub tier: &'a HsTier,
}

/// One HS list's codes by prefix length: for each length that occurs
/// (ascending), the distinct prefix values in order, each with the bitmask of
/// the tiers listing it. A goods line's code is looked up by one binary
/// search of plain integers per length instead of being compared with every
/// code (the lookup runs for every line and every list on each evaluation).
#[derive(Debug, Clone, Default, PartialEq)]
struct HsIndex {
    by_length: Vec<(usize, Vec<(u64, u64)>)>,
}

impl HsIndex {
    fn new(list: &HsList) -> HsIndex {
        let mut entries: Vec<(usize, u64, usize)> = list
            .tiers
            .iter()
            .enumerate()
            .flat_map(|(i, t)| t.codes.iter().map(move |p| (p.len(), p.value(), i)))
            .collect();
        entries.sort_unstable();
        let mut by_length: Vec<(usize, Vec<(u64, u64)>)> = Vec::new();
        for (len, value, tier) in entries {
            // Tiers beyond 64 have no bit (the loaders refuse such lists).
            let bit = if tier < 64 { 1u64 << tier } else { 0 };
            if by_length.last().is_none_or(|(l, _)| *l != len) {
                by_length.push((len, Vec::new()));
            }
            if let Some((_, values)) = by_length.last_mut() {
                match values.last_mut() {
                    Some((v, mask)) if *v == value => *mask |= bit,
                    _ => values.push((value, bit)),
                }
            }
        }
        HsIndex { by_length }
    }

    /// Bitmask of the tiers containing the code with these digits: each
    /// length's prefix value is the previous one extended, the lengths
    /// ascending (what [`HsIndex::tier_mask`] reads from the leading values).
    fn tier_mask_of(&self, digits: &[u8]) -> u64 {
        let (mut mask, mut value, mut taken) = (0u64, 0u64, 0usize);
        for (len, values) in &self.by_length {
            let Some(more) = digits.get(taken..*len) else {
                // Longer than the code: so are the remaining lengths.
                break;
            };
            value = more
                .iter()
                .fold(value, |v, d| v * 10 + u64::from(d.wrapping_sub(b'0')));
            taken = *len;
            if let Ok(i) = values.binary_search_by_key(&value, |(v, _)| *v)
                && let Some((_, m)) = values.get(i)
            {
                mask |= m;
            }
        }
        mask
    }

    /// Bitmask of the tiers containing the code with these leading values.
    fn tier_mask(&self, leading: &[u64; 11]) -> u64 {
        let mut mask = 0u64;
        for (len, values) in &self.by_length {
            let Some(value) = leading.get(*len) else {
                continue;
            };
            if let Ok(i) = values.binary_search_by_key(value, |(v, _)| *v)
                && let Some((_, m)) = values.get(i)
            {
                mask |= m;
            }
        }
        mask
    }
}

/// One red-flag rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    id: RuleId,
    severity: Severity,
    title: LocalizedText,
    explanation: LocalizedText,
    templates: [Option<Template>; 3],
    when: Condition,
    /// Shared with every finding of the rule: findings are made on every
    /// keystroke, and copying seven strings per citation each time showed up
    /// as a fifth of the evaluation time.
    citations: std::sync::Arc<[Citation]>,
    mitigations: Vec<LocalizedText>,
    /// Indexes into [`Ruleset::mitigations`], in file order.
    mitigated_by: Vec<usize>,
    /// Lowest residual severity mitigations may reach (never above `severity`).
    floor: Severity,
    applies_from: Option<chrono::NaiveDate>,
    applies_until: Option<chrono::NaiveDate>,
    reviewed: Option<chrono::NaiveDate>,
}

impl Rule {
    /// Stable identifier (`DEST-RU-BY`).
    pub fn id(&self) -> &str {
        &self.id
    }
    /// The id as a shared handle, for findings and missing information.
    pub fn shared_id(&self) -> RuleId {
        self.id.clone()
    }
    /// Severity of a finding.
    pub fn severity(&self) -> Severity {
        self.severity
    }
    /// Title in `lang` (English fallback).
    pub fn title(&self, lang: Lang) -> &str {
        self.title.get(lang)
    }
    /// The title in `lang` as a shared handle, for findings.
    pub fn shared_title(&self, lang: Lang) -> std::sync::Arc<str> {
        std::sync::Arc::clone(self.title.shared(lang))
    }
    /// The explanation template as written, in `lang` (English fallback).
    pub fn explanation_source(&self, lang: Lang) -> &str {
        self.explanation.get(lang)
    }
    /// The parsed explanation template for `lang` (English fallback).
    pub fn template(&self, lang: Lang) -> &Template {
        let i = lang_index(lang);
        match (self.templates.get(i), self.templates.first()) {
            (Some(Some(t)), _) | (_, Some(Some(t))) => t,
            // English is required by the loader, so this arm is never taken;
            // it keeps the accessor total without a panic path.
            _ => &EMPTY_TEMPLATE,
        }
    }
    /// The condition.
    pub fn condition(&self) -> &Condition {
        &self.when
    }
    /// First day the rule applies (inclusive), if it has one.
    pub fn applies_from(&self) -> Option<chrono::NaiveDate> {
        self.applies_from
    }
    /// Last day the rule applies (inclusive), if it has one.
    pub fn applies_until(&self) -> Option<chrono::NaiveDate> {
        self.applies_until
    }
    /// When the rule was last checked against its sources.
    pub fn reviewed(&self) -> Option<chrono::NaiveDate> {
        self.reviewed
    }
    /// Whether the rule is law on `as_of`. Without an as-of date a dated rule
    /// counts as in force: the assessment then says it names no date, and
    /// evaluating more rules can only add findings, never hide one.
    pub fn in_force(&self, as_of: Option<chrono::NaiveDate>) -> bool {
        let Some(day) = as_of else { return true };
        self.applies_from.is_none_or(|from| from <= day)
            && self.applies_until.is_none_or(|until| day <= until)
    }
    /// Sources.
    pub fn citations(&self) -> &[Citation] {
        &self.citations
    }

    /// The citations as a shared handle, for findings.
    pub fn shared_citations(&self) -> std::sync::Arc<[Citation]> {
        std::sync::Arc::clone(&self.citations)
    }
    /// Suggested mitigations in `lang`.
    pub fn mitigations(&self, lang: Lang) -> impl Iterator<Item = &str> {
        self.mitigations.iter().map(move |m| m.get(lang))
    }
    /// The suggested mitigations in `lang` as shared handles, for findings.
    pub fn shared_mitigations(
        &self,
        lang: Lang,
    ) -> impl ExactSizeIterator<Item = std::sync::Arc<str>> + '_ {
        self.mitigations
            .iter()
            .map(move |m| std::sync::Arc::clone(m.shared(lang)))
    }
    /// The recorded facts that may lower this rule's residual severity, as
    /// indexes into [`Ruleset::mitigations`]; empty for a stop.
    pub fn mitigated_by(&self) -> &[usize] {
        &self.mitigated_by
    }
    /// The lowest residual severity mitigations may bring a finding to.
    pub fn floor(&self) -> Severity {
        self.floor
    }
}

/// Largest tier weight `cond` could match (1 when it tests no HS list tier).
fn max_tier_weight(hs_lists: &[HsList], cond: &Condition) -> u32 {
    match cond {
        Condition::All(parts) | Condition::Any(parts) => parts
            .iter()
            .map(|c| max_tier_weight(hs_lists, c))
            .max()
            .unwrap_or(1),
        Condition::AnyLine(inner) | Condition::AnyParty(inner) | Condition::AnyHop(inner) => {
            max_tier_weight(hs_lists, inner)
        }
        // A negated match contributes no tier binding.
        Condition::Not(_) | Condition::Unknown(_) => 1,
        Condition::Test(_, Test::HsList { list, tiers }) => hs_lists
            .get(*list)
            .into_iter()
            .flat_map(|l| l.tiers.iter().enumerate())
            .filter(|(i, _)| tiers.is_empty() || tiers.contains(i))
            .map(|(_, t)| t.weight)
            .max()
            .unwrap_or(1),
        Condition::Test(..) => 1,
    }
}

static EMPTY_TEMPLATE: Template = Template { pieces: Vec::new() };

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Ru => 1,
        Lang::Kk => 2,
    }
}

impl Ruleset {
    /// The ruleset shipped with this build.
    ///
    /// Returns an error rather than panicking if the embedded file is broken;
    /// a unit test makes sure it never is in a release.
    pub fn embedded() -> Result<Ruleset, RulesetError> {
        Ruleset::from_toml_str(EMBEDDED_TOML)
    }

    /// Parses and validates a ruleset file.
    pub fn from_toml_str(text: &str) -> Result<Ruleset, RulesetError> {
        let mut ruleset = load::load(text)?;
        ruleset.sha256 = hex::encode(Sha256::digest(text.as_bytes()));
        ruleset.index();
        Ok(ruleset)
    }

    /// Loads a ruleset file in either form: compiled (`enduse ruleset
    /// compile`, a JSON object) or TOML source. The browser does not call
    /// this: it picks the reader first, so the TOML parser stays in its chunk.
    pub fn from_file_text(text: &str) -> Result<Ruleset, RulesetError> {
        if is_compiled(text) {
            Ruleset::from_compiled(text)
        } else {
            Ruleset::from_toml_str(text)
        }
    }

    /// Builds the derived matching index from the lists and the rules'
    /// tier bounds (after any load).
    fn index(&mut self) {
        self.hs_index = self.hs_lists.iter().map(HsIndex::new).collect();
        self.tier_bounds = self
            .rules
            .iter()
            .map(|r| max_tier_weight(&self.hs_lists, &r.when))
            .collect();
    }

    /// The largest tier weight the condition of rule `index` (file order)
    /// could match: the most a possible finding of it could be multiplied by
    /// once its unknowns are answered. Computed once per load, as the
    /// evaluator asks for it for every possible finding of every evaluation.
    pub(crate) fn tier_bound(&self, index: usize) -> u32 {
        match self.tier_bounds.get(index) {
            Some(bound) => *bound,
            None => self
                .rules
                .get(index)
                .map_or(1, |r| max_tier_weight(&self.hs_lists, &r.when)),
        }
    }

    /// Identifier (`enduse-default`).
    pub fn id(&self) -> &str {
        &self.id
    }
    /// Version string.
    pub fn version(&self) -> &str {
        &self.version
    }
    /// Title in `lang`.
    pub fn title(&self, lang: Lang) -> &str {
        self.title.get(lang)
    }
    /// Date of the last update, if given.
    pub fn updated(&self) -> Option<chrono::NaiveDate> {
        self.updated
    }
    /// SHA-256 of the file's bytes, lowercase hex: pins the exact rules in records.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }
    /// Scoring weights and thresholds.
    pub fn scoring(&self) -> &Scoring {
        &self.scoring
    }
    /// Mitigations in name order.
    pub fn mitigations(&self) -> &[Mitigation] {
        &self.mitigations
    }
    /// Rules in file order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }
    /// The rule with this id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
    /// HS lists in name order.
    pub fn hs_lists(&self) -> &[HsList] {
        &self.hs_lists
    }
    /// Country lists in name order.
    pub fn country_lists(&self) -> &[CountryList] {
        &self.country_lists
    }

    /// The name lists (`[name_lists.NAME]`), in name order.
    pub fn name_lists(&self) -> &[NameList] {
        &self.name_lists
    }

    /// Bitmask of the tiers of HS list `list` that contain the code whose
    /// [`HsCode::leading_values`] are `leading` (tiers beyond 64 are ignored;
    /// the loader refuses such lists).
    pub fn hs_tier_mask(&self, list: usize, leading: &[u64; 11]) -> u64 {
        self.hs_index
            .get(list)
            .map_or(0, |index| index.tier_mask(leading))
    }

    /// [`Ruleset::hs_tier_mask`] for `code`, read from its digits (no
    /// leading values to build: the evaluator asks for every line and list).
    pub fn hs_tier_mask_of(&self, list: usize, code: &HsCode) -> u64 {
        self.hs_index
            .get(list)
            .map_or(0, |index| index.tier_mask_of(code.as_str().as_bytes()))
    }

    /// Every list tier containing `code`, for "on the CHPL, tier 1" hints while typing.
    pub fn hs_lists_containing(&self, code: &HsCode) -> Vec<HsListHit<'_>> {
        self.hs_lists
            .iter()
            .flat_map(|list| {
                list.tiers
                    .iter()
                    .filter(|t| t.contains(code))
                    .map(move |tier| HsListHit { list, tier })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A code's tier mask is the same read from its digits or from its
    /// leading values, for every code a list names and codes around them.
    #[test]
    fn tier_masks_agree_from_digits_and_leading_values() {
        let rs = match Ruleset::embedded() {
            Ok(rs) => rs,
            Err(e) => panic!("{e}"),
        };
        let mut checked = 0;
        for (list, hs_list) in rs.hs_lists().iter().enumerate() {
            for prefix in hs_list.tiers.iter().flat_map(|t| &t.codes) {
                for tail in ["", "0", "00", "0000", "9999", "12345678"] {
                    let Ok(code) = HsCode::parse(&format!("{}{tail}", prefix.as_str())) else {
                        continue;
                    };
                    for l in 0..rs.hs_lists().len() {
                        assert_eq!(
                            rs.hs_tier_mask_of(l, &code),
                            rs.hs_tier_mask(l, &code.leading_values()),
                            "list {l}, code {}",
                            code.as_str()
                        );
                    }
                    checked += usize::from(rs.hs_tier_mask_of(list, &code) != 0);
                }
            }
        }
        assert!(checked > 50, "only {checked} listed codes checked");
    }

    /// The build must never ship a ruleset that does not load.
    #[test]
    fn embedded_ruleset_loads() {
        let rs = match Ruleset::embedded() {
            Ok(rs) => rs,
            Err(e) => panic!("rules/default.toml is broken:\n{e}"),
        };
        assert!(!rs.rules().is_empty());
        assert_eq!(rs.sha256().len(), 64);
    }
}
