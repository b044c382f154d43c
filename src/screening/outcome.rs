//! What a screening says, and how it explains itself.
//!
//! The wording is deliberate: a list search can find a likely match or fail
//! to find one, it can never show that a party is "clear" — names change,
//! lists lag, owners hide. Hence [`Outcome::NoListMatch`], not "clear".

use std::fmt;

use serde::Serialize;

use super::list::{LicenceTerms, ListFormat, NameKind, Sha256Digest, SubjectKind};

/// The verdict for one screened name.
///
/// Serialised with the same names as the evidence and record schemas
/// (`no_list_match`, `review`, `potential_match`), so `enduse screen`'s JSON
/// can be fed to `enduse assess --evidence` as it is. Older output spelt them
/// with hyphens; [`crate::model::PartyScreening`] still reads that spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// No entry scored at or above the review threshold. Not a clearance.
    NoListMatch,
    /// Something is similar enough that a person should look.
    Review,
    /// Strong similarity: treat as a match until a person has ruled it out.
    PotentialMatch,
}

impl Outcome {
    /// Short English label, the same words the CLI prints.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::NoListMatch => "no list match",
            Outcome::Review => "review",
            Outcome::PotentialMatch => "potential match",
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A similarity in `0.0..=1.0`.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct Score(f32);

impl Score {
    /// A score, or `None` outside `0.0..=1.0` (including NaN).
    pub fn new(value: f32) -> Option<Score> {
        (0.0..=1.0).contains(&value).then_some(Score(value))
    }

    /// Clamps into range; NaN becomes 0.
    pub(crate) fn clamped(value: f32) -> Score {
        if value.is_nan() {
            Score(0.0)
        } else {
            Score(value.clamp(0.0, 1.0))
        }
    }

    pub fn value(self) -> f32 {
        self.0
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2}", self.0)
    }
}

/// Why a pair of thresholds was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OptionsError {
    #[error("threshold {0} is not between 0 and 1")]
    OutOfRange(f32),
    #[error("review threshold {review} must not exceed the match threshold {threshold}")]
    ReviewAboveMatch { review: f32, threshold: f32 },
}

/// Screening thresholds.
///
/// A hit scoring at least `threshold` is a [`Outcome::PotentialMatch`]; at
/// least `review_threshold` (and below `threshold`) a [`Outcome::Review`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ScreenOptions {
    threshold: Score,
    review_threshold: Score,
    max_hits: usize,
}

impl ScreenOptions {
    /// Default match threshold; see `docs/screening.md` for how it was chosen.
    pub const DEFAULT_THRESHOLD: f32 = 0.80;
    /// Default review threshold.
    pub const DEFAULT_REVIEW_THRESHOLD: f32 = 0.70;

    /// Validated thresholds: both in `0..=1`, review not above match.
    pub fn new(threshold: f32, review_threshold: f32) -> Result<ScreenOptions, OptionsError> {
        let t = Score::new(threshold).ok_or(OptionsError::OutOfRange(threshold))?;
        let r = Score::new(review_threshold).ok_or(OptionsError::OutOfRange(review_threshold))?;
        if review_threshold > threshold {
            return Err(OptionsError::ReviewAboveMatch {
                review: review_threshold,
                threshold,
            });
        }
        Ok(ScreenOptions {
            threshold: t,
            review_threshold: r,
            max_hits: 10,
        })
    }

    /// Keeps the review threshold unless it would exceed the new match
    /// threshold, in which case it moves down with it.
    pub fn with_threshold(threshold: f32) -> Result<ScreenOptions, OptionsError> {
        let review = Self::DEFAULT_REVIEW_THRESHOLD.min(threshold);
        ScreenOptions::new(threshold, review)
    }

    /// At most this many hits per name (best first). At least one.
    pub fn max_hits(mut self, max: usize) -> ScreenOptions {
        self.max_hits = max.max(1);
        self
    }

    pub fn threshold(&self) -> f32 {
        self.threshold.value()
    }

    pub fn review_threshold(&self) -> f32 {
        self.review_threshold.value()
    }

    pub fn max_hit_count(&self) -> usize {
        self.max_hits
    }

    pub(crate) fn classify(&self, score: Score) -> Outcome {
        if score >= self.threshold {
            Outcome::PotentialMatch
        } else if score >= self.review_threshold {
            Outcome::Review
        } else {
            Outcome::NoListMatch
        }
    }
}

impl Default for ScreenOptions {
    fn default() -> Self {
        ScreenOptions {
            threshold: Score(Self::DEFAULT_THRESHOLD),
            review_threshold: Score(Self::DEFAULT_REVIEW_THRESHOLD),
            max_hits: 10,
        }
    }
}

/// One query token paired with one entry token.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TokenPair {
    /// The query token's key.
    pub query: String,
    /// The entry token's key.
    pub entry: String,
    /// 1.0 exact, less for a tolerated typo.
    pub similarity: Score,
    /// The entry token's weight (rarity over the loaded lists).
    pub weight: f32,
    /// Whether the token is distinctive (rare and not a generic word).
    pub distinctive: bool,
    /// Paired only by loose similarity (beyond typo tolerance): partial
    /// credit that never satisfies the distinctive-token rule.
    pub loose: bool,
}

/// What, besides the name, is known about a screened party. Every field is
/// optional; what is given is compared with what the list publishes, and the
/// comparison is shown in the hit.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PartyDetails {
    /// ISO 3166-1 alpha-2 code of the party's country.
    pub country: Option<String>,
    /// Year of birth (people) or of registration.
    pub birth_year: Option<i32>,
    /// Identifiers as written (INN, OGRN, BIN/IIN, IMO, passport, tax number).
    pub identifiers: Vec<String>,
    /// The party's address, one line.
    pub address: Option<String>,
}

/// What a hit rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HitBasis {
    /// The name resembles a listed name (attributes may have moved the score).
    Name,
    /// An identifier equals one the list publishes for the entry.
    Identifier,
    /// Only the address: "shares an address with …", a red flag of its own
    /// (FinCEN/BIS joint alerts) even when the name is unrelated.
    Address,
}

/// How one secondary attribute compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Agreement {
    Agrees,
    Conflicts,
}

/// One secondary attribute compared between the query and the entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttributeCheck {
    /// "country", "birth year", "identifier", "address".
    pub attribute: &'static str,
    /// What the query said.
    pub query: String,
    /// What the list says (the closest value, or all values when none agrees).
    pub listed: String,
    pub agreement: Agreement,
    /// What it did to the score (added; negative lowers it).
    pub adjustment: f32,
}

/// One list entry that resembles the query, with the evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// File name of the list the entry is on.
    pub list: String,
    pub list_format: ListFormat,
    pub list_sha256: Sha256Digest,
    pub entry_id: String,
    /// The entry's primary name.
    pub entry_name: String,
    pub kind: SubjectKind,
    pub programmes: Vec<String>,
    pub countries: Vec<String>,
    /// The name or alias that matched best.
    pub matched_name: String,
    pub matched_name_kind: NameKind,
    pub pairs: Vec<TokenPair>,
    /// Query keys that found no partner.
    pub unmatched_query: Vec<String>,
    /// Entry keys that found no partner.
    pub unmatched_entry: Vec<String>,
    pub score: Score,
    pub outcome: Outcome,
    /// What the hit rests on.
    pub basis: HitBasis,
    /// The list inside a consolidated file (US CSL `source`, UN list type,
    /// UK regime source), when the file says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Licence requirement and policy (US Entity List, MEU List).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub licence: Option<LicenceTerms>,
    /// Secondary attributes compared, with their effect on the score.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<AttributeCheck>,
    /// The entry's position in the index that produced the hit.
    #[serde(skip)]
    pub(crate) entry_no: u32,
}

/// The result of screening one name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScreeningResult {
    pub query: String,
    /// The keys the query was reduced to (empty if nothing comparable).
    pub query_keys: Vec<String>,
    /// The best hit's outcome, or [`Outcome::NoListMatch`].
    pub outcome: Outcome,
    /// Hits at or above the review threshold, best first.
    pub hits: Vec<Hit>,
}

/// Progress of a batch, reported after each chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchProgress {
    pub done: usize,
    pub total: usize,
}
