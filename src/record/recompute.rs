//! Recomputing a record: do its rating and findings follow from the answers
//! it carries, under the ruleset it names?
//!
//! A record *asserts* a rating, findings and a declaration status; its digest
//! and signature prove only that nobody changed them since sealing. An
//! auditor or a bank wants more: that the rating is what the engine gives
//! for those answers. [`recompute`] rebuilds the inputs from the record alone
//! (`super::reconstruct`), evaluates them with the same ruleset (refused
//! unless its SHA-256 is the record's), on the record's as-of date and in
//! its language, and compares what the record says with what comes out.
//!
//! What that proves, and no more ([`PROVES`], [`DOES_NOT_PROVE`]): that the
//! rating and findings follow from the recorded answers and evidence under
//! that ruleset. Not that the answers are true, nor that the screening and
//! the declaration were what the record says: those are taken as stated.
//!
//! Differences come in three classes ([`Class`]): the *verdict* (ratings,
//! score, which findings at which severities: a difference here means the
//! record is not what its answers give), *detail* (per-finding score,
//! triggers, citations, mitigations applied, missing information) and
//! *wording* (titles, explanations, texts). Explanations are filled from the
//! answers, so for a record made by this build they match byte for byte; a
//! wording difference alone (another app version's phrasing) leaves the
//! verdict reproduced.
//!
//! This module does not choose the ruleset (the caller has the files), does
//! not verify integrity (call [`super::verify`] or [`super::open_record`]
//! first) and does not judge who signed.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::convert::{ConvertError, assessment_to_v1};
use super::digest::Digest;
use super::reconstruct::{AsOf, Capped, Gaps, NOT_CARRIED, inputs_from_record};
use super::v1;
use crate::evaluate::evaluate_at;
use crate::lang::Lang;
use crate::model::Symbol;
use crate::ruleset::facts::FactPath;
use crate::ruleset::{Piece, Placeholder, Ruleset};

/// What a reproduced record proves, worded once for every face.
pub const PROVES: &str = "the rating and findings follow from the answers and evidence the record \
     carries, under that ruleset, on that as-of date";

/// What it does not prove.
pub const DOES_NOT_PROVE: &str = "that the answers are true, or that the screening and the \
     declaration were as the record states (they are taken as stated, not re-derived)";

/// A ruleset as a record names it or as it was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RulesetLabel {
    /// Its id (`enduse-default`).
    pub id: String,
    /// Its version.
    pub version: String,
    /// Its SHA-256 (`sha256:…`); `None` when a compiled file carries a
    /// digest that is not 64 hex digits.
    pub sha256: Option<Digest>,
}

impl RulesetLabel {
    /// The label of a loaded ruleset.
    pub fn of(ruleset: &Ruleset) -> RulesetLabel {
        RulesetLabel {
            id: ruleset.id().to_string(),
            version: ruleset.version().to_string(),
            sha256: ruleset_digest(ruleset),
        }
    }

    /// The ruleset a record names.
    pub fn of_record(record: &v1::Record) -> RulesetLabel {
        RulesetLabel {
            id: record.ruleset.id.to_string(),
            version: record.ruleset.version.clone(),
            sha256: Some(record.ruleset.sha256),
        }
    }
}

impl std::fmt::Display for RulesetLabel {
    /// `enduse-default version 2026.12.1 sha256:…`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} version {} ", self.id, self.version)?;
        match &self.sha256 {
            Some(digest) => write!(f, "{digest}"),
            None => f.write_str("(no valid sha256)"),
        }
    }
}

/// The ruleset's SHA-256 as records write it (`sha256:` + hex). The digest
/// is [`Ruleset::sha256`]: of the TOML source's bytes, which a compiled
/// ruleset carries over from its source, so the web app (compiled) and the
/// CLI (TOML) name the same digest for the same rules.
pub fn ruleset_digest(ruleset: &Ruleset) -> Option<Digest> {
    format!("sha256:{}", ruleset.sha256().to_ascii_lowercase())
        .parse()
        .ok()
}

/// Whether `ruleset` is the one `record` was made with (same SHA-256).
pub fn is_records_ruleset(record: &v1::Record, ruleset: &Ruleset) -> bool {
    ruleset_digest(ruleset) == Some(record.ruleset.sha256)
}

/// The ruleset a record names and the one given instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RulesetMismatch {
    /// What the record names.
    pub record: RulesetLabel,
    /// What was given.
    pub given: RulesetLabel,
}

/// Why a record was not recomputed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RecomputeError {
    /// The ruleset given is not the record's (boxed: far larger than the
    /// other variant).
    #[error("the record was made with ruleset {}; the ruleset given is {}", .0.record, .0.given)]
    OtherRuleset(Box<RulesetMismatch>),
    /// The recomputed assessment cannot be written in v1 form to compare
    /// (a ruleset whose rule ids are not v1 ids: it made no record).
    #[error("the recomputed assessment cannot be compared: {0}")]
    Convert(#[from] ConvertError),
}

/// A rating, residual and inherent, with the score and the findings' count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Conclusion {
    /// Residual rating.
    pub rating: v1::Rating,
    /// Inherent rating (before mitigations).
    pub inherent_rating: v1::Rating,
    /// Rating if every open question turned out badly.
    pub worst_case: v1::Rating,
    /// Sum of the findings' scores.
    pub score: u32,
    /// How many findings.
    pub findings: usize,
}

impl Conclusion {
    fn of(a: &v1::Assessment) -> Conclusion {
        Conclusion {
            rating: a.rating,
            inherent_rating: a.inherent_rating.unwrap_or(a.rating),
            worst_case: a.worst_case,
            score: a.score,
            findings: a.findings.len(),
        }
    }
}

/// How much a difference matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// The record's verdict is not what its answers give.
    Verdict,
    /// The verdict holds; something derived beside it differs.
    Detail,
    /// Only texts differ.
    Wording,
}

/// A finding's identity for the verdict: rule, residual and inherent severity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingKey {
    /// The rule's id.
    pub rule: String,
    /// Its residual severity.
    pub severity: v1::Severity,
    /// Its inherent severity.
    pub inherent: v1::Severity,
}

impl FindingKey {
    fn of(f: &v1::Finding) -> FindingKey {
        FindingKey {
            rule: f.rule_id.to_string(),
            severity: f.severity,
            inherent: f.inherent_severity.unwrap_or(f.severity),
        }
    }
}

/// A missing-information entry without its label (the label is wording).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingKey {
    /// Rules waiting on the fact.
    pub rules: Vec<String>,
    /// Highest rating an answer could lead to.
    pub could_reach: v1::Rating,
    /// Whether that is above the rating.
    pub changes_rating: bool,
}

impl MissingKey {
    fn of(m: &v1::MissingInfo) -> MissingKey {
        MissingKey {
            rules: m.rules.iter().map(ToString::to_string).collect(),
            could_reach: m.could_reach,
            changes_rating: m.changes_rating,
        }
    }
}

/// One way the record differs from what its answers give. `recorded` is
/// what the record says, `recomputed` what the answers give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Difference {
    /// The residual rating.
    Rating {
        recorded: v1::Rating,
        recomputed: v1::Rating,
    },
    /// The inherent rating.
    InherentRating {
        recorded: v1::Rating,
        recomputed: v1::Rating,
    },
    /// The worst case.
    WorstCase {
        recorded: v1::Rating,
        recomputed: v1::Rating,
    },
    /// The total score.
    Score { recorded: u32, recomputed: u32 },
    /// A finding the answers give that the record does not list.
    FindingMissing { finding: FindingKey },
    /// A finding the record lists that the answers do not give.
    FindingUnfounded { finding: FindingKey },
    /// The record lists a rule's finding more than once.
    FindingRepeated { rule: String },
    /// A finding's residual severity.
    Severity {
        rule: String,
        recorded: v1::Severity,
        recomputed: v1::Severity,
    },
    /// A finding's inherent severity.
    InherentSeverity {
        rule: String,
        recorded: v1::Severity,
        recomputed: v1::Severity,
    },
    /// A finding's points.
    FindingScore {
        rule: String,
        recorded: u32,
        recomputed: u32,
    },
    /// The answers that made a finding fire.
    Triggers {
        rule: String,
        recorded: Vec<String>,
        recomputed: Vec<String>,
    },
    /// The sources a finding cites.
    Citations { rule: String },
    /// The mitigations that lowered a finding (by title).
    MitigatedBy {
        rule: String,
        recorded: Vec<String>,
        recomputed: Vec<String>,
    },
    /// An unanswered question reported differently (`None`: not reported).
    Missing {
        fact: String,
        recorded: Option<MissingKey>,
        recomputed: Option<MissingKey>,
    },
    /// The record's ruleset id or version is not the ruleset's with that digest.
    RulesetLabel {
        recorded: RulesetLabel,
        recomputed: RulesetLabel,
    },
    /// A finding's title.
    Title {
        rule: String,
        recorded: String,
        recomputed: String,
    },
    /// A finding's explanation.
    Explanation {
        rule: String,
        recorded: String,
        recomputed: String,
    },
    /// A finding's suggested mitigations.
    Mitigations {
        rule: String,
        recorded: Vec<String>,
        recomputed: Vec<String>,
    },
    /// A missing-information label.
    MissingLabel {
        fact: String,
        recorded: String,
        recomputed: String,
    },
}

impl Difference {
    /// How much it matters.
    pub fn class(&self) -> Class {
        use Difference as D;
        match self {
            D::Rating { .. }
            | D::InherentRating { .. }
            | D::WorstCase { .. }
            | D::Score { .. }
            | D::FindingMissing { .. }
            | D::FindingUnfounded { .. }
            | D::FindingRepeated { .. }
            | D::Severity { .. }
            | D::InherentSeverity { .. } => Class::Verdict,
            D::FindingScore { .. }
            | D::Triggers { .. }
            | D::Citations { .. }
            | D::MitigatedBy { .. }
            | D::Missing { .. }
            | D::RulesetLabel { .. } => Class::Detail,
            D::Title { .. }
            | D::Explanation { .. }
            | D::Mitigations { .. }
            | D::MissingLabel { .. } => Class::Wording,
        }
    }
}

/// `HIGH`, as the verdict lines write ratings.
pub fn rating_name(rating: v1::Rating) -> &'static str {
    match rating {
        v1::Rating::Low => "LOW",
        v1::Rating::Medium => "MEDIUM",
        v1::Rating::High => "HIGH",
        v1::Rating::Stop => "STOP",
    }
}

/// `HIGH`, as the verdict lines write severities.
pub fn severity_name(severity: v1::Severity) -> &'static str {
    match severity {
        v1::Severity::Low => "LOW",
        v1::Severity::Medium => "MEDIUM",
        v1::Severity::High => "HIGH",
        v1::Severity::Stop => "STOP",
    }
}

fn finding_text(f: &FindingKey) -> String {
    if f.inherent == f.severity {
        format!("{} ({})", f.rule, severity_name(f.severity))
    } else {
        format!(
            "{} ({}, inherent {})",
            f.rule,
            severity_name(f.severity),
            severity_name(f.inherent)
        )
    }
}

fn missing_text(m: &Option<MissingKey>) -> String {
    match m {
        None => "not listed".to_string(),
        Some(m) => format!(
            "could reach {} via {}{}",
            rating_name(m.could_reach),
            m.rules.join(", "),
            if m.changes_rating {
                " (changes the rating)"
            } else {
                ""
            }
        ),
    }
}

impl std::fmt::Display for Difference {
    /// One line in English: what the record says, what its answers give.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use Difference as D;
        let list = |v: &[String]| {
            if v.is_empty() {
                "none".to_string()
            } else {
                v.join(", ")
            }
        };
        match self {
            D::Rating {
                recorded,
                recomputed,
            } => write!(
                f,
                "rating: the record says {}, its answers give {}",
                rating_name(*recorded),
                rating_name(*recomputed)
            ),
            D::InherentRating {
                recorded,
                recomputed,
            } => write!(
                f,
                "inherent rating: the record says {}, its answers give {}",
                rating_name(*recorded),
                rating_name(*recomputed)
            ),
            D::WorstCase {
                recorded,
                recomputed,
            } => write!(
                f,
                "worst case: the record says {}, its answers give {}",
                rating_name(*recorded),
                rating_name(*recomputed)
            ),
            D::Score {
                recorded,
                recomputed,
            } => write!(
                f,
                "score: the record says {recorded}, its answers give {recomputed}"
            ),
            D::FindingMissing { finding } => write!(
                f,
                "finding {} missing: the answers give it, the record does not list it",
                finding_text(finding)
            ),
            D::FindingUnfounded { finding } => write!(
                f,
                "finding {} does not follow from the answers, yet the record lists it",
                finding_text(finding)
            ),
            D::FindingRepeated { rule } => {
                write!(f, "finding {rule} is listed more than once in the record")
            }
            D::Severity {
                rule,
                recorded,
                recomputed,
            } => write!(
                f,
                "{rule} has severity {} in the record, {} from its answers",
                severity_name(*recorded),
                severity_name(*recomputed)
            ),
            D::InherentSeverity {
                rule,
                recorded,
                recomputed,
            } => write!(
                f,
                "{rule} has inherent severity {} in the record, {} from its answers",
                severity_name(*recorded),
                severity_name(*recomputed)
            ),
            D::FindingScore {
                rule,
                recorded,
                recomputed,
            } => write!(
                f,
                "{rule} scores {recorded} in the record, {recomputed} from its answers"
            ),
            D::Triggers {
                rule,
                recorded,
                recomputed,
            } => write!(
                f,
                "{rule} triggered by {} in the record, by {} from its answers",
                list(recorded),
                list(recomputed)
            ),
            D::Citations { rule } => {
                write!(f, "{rule} cites other sources than the ruleset does")
            }
            D::MitigatedBy {
                rule,
                recorded,
                recomputed,
            } => write!(
                f,
                "{rule} lowered by {} in the record, by {} from its answers",
                list(recorded),
                list(recomputed)
            ),
            D::Missing {
                fact,
                recorded,
                recomputed,
            } => write!(
                f,
                "missing information {fact}: the record says {}, its answers give {}",
                missing_text(recorded),
                missing_text(recomputed)
            ),
            D::RulesetLabel {
                recorded,
                recomputed,
            } => write!(
                f,
                "the record names the ruleset {} {}; the ruleset with that digest is {} {}",
                recorded.id, recorded.version, recomputed.id, recomputed.version
            ),
            D::Title {
                rule,
                recorded,
                recomputed,
            } => write!(
                f,
                "{rule} title: the record says \"{recorded}\", recomputed \"{recomputed}\""
            ),
            D::Explanation {
                rule,
                recorded,
                recomputed,
            } => write!(
                f,
                "{rule} explanation: the record says \"{recorded}\", recomputed \"{recomputed}\""
            ),
            D::Mitigations {
                rule,
                recorded,
                recomputed,
            } => write!(
                f,
                "{rule} suggested mitigations: the record says {}, recomputed {}",
                list(recorded),
                list(recomputed)
            ),
            D::MissingLabel {
                fact,
                recorded,
                recomputed,
            } => write!(
                f,
                "{fact} label: the record says \"{recorded}\", recomputed \"{recomputed}\""
            ),
        }
    }
}

/// The differences found, by class, each list bounded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Differences {
    /// The verdict's: any one makes the record [not reproduced](Recomputation::is_reproduced).
    pub verdict: Capped<Difference>,
    /// Derived details beside the verdict.
    pub detail: Capped<Difference>,
    /// Texts only.
    pub wording: Capped<Difference>,
}

impl Differences {
    fn push(&mut self, difference: Difference) {
        match difference.class() {
            Class::Verdict => self.verdict.push(difference),
            Class::Detail => self.detail.push(difference),
            Class::Wording => self.wording.push(difference),
        }
    }
}

/// Something the reader of a recomputation must know beside the differences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Note {
    /// The ruleset reads a fact that records do not carry: the
    /// recomputation saw it unknown.
    NotCarried {
        /// The fact's path (`shipment.date`).
        fact: &'static str,
        /// Why records lack it.
        reason: &'static str,
    },
    /// Another version of the app made the record: an engine change between
    /// versions can explain a difference as well as the record can.
    OtherAppVersion {
        /// The record's `app_version`.
        record: String,
        /// This build's.
        this: &'static str,
    },
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Note::NotCarried { fact, reason } => write!(
                f,
                "the ruleset reads {fact}, but {reason}: it was unknown here"
            ),
            Note::OtherAppVersion { record, this } => write!(
                f,
                "the record was made by End-Use Check {record}, this is {this}: a change in the \
                 engine between versions can also explain a difference"
            ),
        }
    }
}

/// The evidence a recomputation took from the record as stated: nothing
/// here was searched or matched again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TakenAsStated {
    /// Parties' screening outcomes.
    pub screening_results: usize,
    /// The lists those were searched against, with their standing on the
    /// day; `None` when the record names no standing (the outcomes are then
    /// taken as asserted, as the engine took them before standings existed).
    pub lists: Option<usize>,
    /// The declaration status (`received_matching_signed`), when stated.
    pub declaration: Option<&'static str>,
}

impl std::fmt::Display for TakenAsStated {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.screening_results, self.lists) {
            (0, _) => f.write_str("no screening")?,
            (n, Some(lists)) => write!(
                f,
                "{n} screening result(s) against {lists} list(s) with their standing on the day"
            )?,
            (n, None) => write!(
                f,
                "{n} screening result(s), no list standing recorded (outcomes taken as asserted)"
            )?,
        }
        match self.declaration {
            Some(status) => write!(f, "; declaration status {status}"),
            None => f.write_str("; no declaration status"),
        }
    }
}

/// The outcome of recomputing a record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recomputation {
    /// The ruleset used (its digest is the record's).
    pub ruleset: RulesetLabel,
    /// Where the as-of date came from.
    pub as_of: AsOf,
    /// The day the law was applied as of in the recomputation (the
    /// record's, else the ruleset's `updated`; `None` when neither names one).
    pub as_of_used: Option<NaiveDate>,
    /// The language of the texts compared.
    pub lang: Lang,
    /// What the record says.
    pub recorded: Conclusion,
    /// What its answers give.
    pub recomputed: Conclusion,
    /// How they differ.
    pub differences: Differences,
    /// The evidence taken as the record states it.
    pub taken_as_stated: TakenAsStated,
    /// What of the record could not be rebuilt (read as unknown).
    pub gaps: Gaps,
    /// What else the reader must know.
    pub notes: Vec<Note>,
}

impl Recomputation {
    /// Whether the record's verdict follows from its answers: no difference
    /// in ratings, score or findings (detail and wording may differ).
    pub fn is_reproduced(&self) -> bool {
        self.differences.verdict.is_empty()
    }
}

/// Re-evaluates `record`'s answers under `ruleset` and compares the result
/// with what the record states. The record must be intact (opened with
/// [`super::open_record`]); `ruleset` must be the one it names by SHA-256,
/// else [`RecomputeError::OtherRuleset`].
pub fn recompute(record: &v1::Record, ruleset: &Ruleset) -> Result<Recomputation, RecomputeError> {
    if !is_records_ruleset(record, ruleset) {
        return Err(RecomputeError::OtherRuleset(Box::new(RulesetMismatch {
            record: RulesetLabel::of_record(record),
            given: RulesetLabel::of(ruleset),
        })));
    }
    let inputs = inputs_from_record(record);
    let assessment = evaluate_at(
        &inputs.transaction,
        &inputs.evidence,
        ruleset,
        inputs.lang,
        inputs.as_of.date(),
    );
    let recomputed = assessment_to_v1(&assessment)?;
    let mut differences = Differences::default();
    compare_conclusions(&record.assessment, &recomputed, &mut differences);
    compare_findings(&record.assessment, &recomputed, &mut differences);
    compare_missing(&record.assessment, &recomputed, &mut differences);
    let label = RulesetLabel::of(ruleset);
    if label.id != record.ruleset.id.as_str() || label.version != record.ruleset.version {
        differences.push(Difference::RulesetLabel {
            recorded: RulesetLabel::of_record(record),
            recomputed: label.clone(),
        });
    }
    let mut notes: Vec<Note> = NOT_CARRIED
        .iter()
        .filter(|(fact, _)| reads(ruleset, fact, inputs.lang))
        .map(|(fact, reason)| Note::NotCarried { fact, reason })
        .collect();
    if record.app_version != crate::version::APP_VERSION {
        notes.push(Note::OtherAppVersion {
            record: record.app_version.chars().take(80).collect(),
            this: crate::version::APP_VERSION,
        });
    }
    Ok(Recomputation {
        ruleset: label,
        as_of: inputs.as_of,
        as_of_used: assessment.as_of,
        lang: inputs.lang,
        recorded: Conclusion::of(&record.assessment),
        recomputed: Conclusion::of(&recomputed),
        differences,
        taken_as_stated: TakenAsStated {
            screening_results: inputs.evidence.screening.len(),
            lists: inputs.evidence.lists.as_ref().map(|l| l.lists().len()),
            declaration: inputs.evidence.declaration.known().map(|d| d.as_str()),
        },
        gaps: inputs.gaps,
        notes,
    })
}

fn compare_conclusions(
    recorded: &v1::Assessment,
    recomputed: &v1::Assessment,
    d: &mut Differences,
) {
    let (r, c) = (Conclusion::of(recorded), Conclusion::of(recomputed));
    if r.rating != c.rating {
        d.push(Difference::Rating {
            recorded: r.rating,
            recomputed: c.rating,
        });
    }
    if r.inherent_rating != c.inherent_rating {
        d.push(Difference::InherentRating {
            recorded: r.inherent_rating,
            recomputed: c.inherent_rating,
        });
    }
    if r.worst_case != c.worst_case {
        d.push(Difference::WorstCase {
            recorded: r.worst_case,
            recomputed: c.worst_case,
        });
    }
    if r.score != c.score {
        d.push(Difference::Score {
            recorded: r.score,
            recomputed: c.score,
        });
    }
}

/// Findings are matched by rule id (the evaluator gives each rule at most
/// one finding), then compared field by field.
fn compare_findings(recorded: &v1::Assessment, recomputed: &v1::Assessment, d: &mut Differences) {
    let mut by_rule: BTreeMap<&str, &v1::Finding> = BTreeMap::new();
    for f in &recorded.findings {
        if by_rule.insert(f.rule_id.as_str(), f).is_some() {
            d.push(Difference::FindingRepeated {
                rule: f.rule_id.to_string(),
            });
        }
    }
    let given: BTreeMap<&str, &v1::Finding> = recomputed
        .findings
        .iter()
        .map(|f| (f.rule_id.as_str(), f))
        .collect();
    for c in &recomputed.findings {
        let Some(r) = by_rule.get(c.rule_id.as_str()) else {
            d.push(Difference::FindingMissing {
                finding: FindingKey::of(c),
            });
            continue;
        };
        compare_finding(r, c, d);
    }
    for r in &recorded.findings {
        if !given.contains_key(r.rule_id.as_str()) {
            d.push(Difference::FindingUnfounded {
                finding: FindingKey::of(r),
            });
        }
    }
}

fn compare_finding(r: &v1::Finding, c: &v1::Finding, d: &mut Differences) {
    let rule = || c.rule_id.to_string();
    let (rk, ck) = (FindingKey::of(r), FindingKey::of(c));
    if rk.severity != ck.severity {
        d.push(Difference::Severity {
            rule: rule(),
            recorded: rk.severity,
            recomputed: ck.severity,
        });
    }
    if rk.inherent != ck.inherent {
        d.push(Difference::InherentSeverity {
            rule: rule(),
            recorded: rk.inherent,
            recomputed: ck.inherent,
        });
    }
    if r.score != c.score {
        d.push(Difference::FindingScore {
            rule: rule(),
            recorded: r.score,
            recomputed: c.score,
        });
    }
    if r.triggers != c.triggers {
        d.push(Difference::Triggers {
            rule: rule(),
            recorded: r.triggers.clone(),
            recomputed: c.triggers.clone(),
        });
    }
    if r.citations != c.citations {
        d.push(Difference::Citations { rule: rule() });
    }
    if r.mitigated_by != c.mitigated_by {
        d.push(Difference::MitigatedBy {
            rule: rule(),
            recorded: r.mitigated_by.clone(),
            recomputed: c.mitigated_by.clone(),
        });
    }
    if r.title != c.title {
        d.push(Difference::Title {
            rule: rule(),
            recorded: r.title.clone(),
            recomputed: c.title.clone(),
        });
    }
    if r.explanation != c.explanation {
        d.push(Difference::Explanation {
            rule: rule(),
            recorded: r.explanation.clone(),
            recomputed: c.explanation.clone(),
        });
    }
    if r.mitigations != c.mitigations {
        d.push(Difference::Mitigations {
            rule: rule(),
            recorded: r.mitigations.clone(),
            recomputed: c.mitigations.clone(),
        });
    }
}

/// Missing information, matched by fact path.
fn compare_missing(recorded: &v1::Assessment, recomputed: &v1::Assessment, d: &mut Differences) {
    let by_fact = |a: &v1::Assessment| -> BTreeMap<String, (MissingKey, String)> {
        a.missing
            .iter()
            .map(|m| (m.fact.clone(), (MissingKey::of(m), m.label.clone())))
            .collect()
    };
    let (r, c) = (by_fact(recorded), by_fact(recomputed));
    for (fact, (ck, clabel)) in &c {
        match r.get(fact) {
            Some((rk, rlabel)) => {
                if rk != ck {
                    d.push(Difference::Missing {
                        fact: fact.clone(),
                        recorded: Some(rk.clone()),
                        recomputed: Some(ck.clone()),
                    });
                }
                if rlabel != clabel {
                    d.push(Difference::MissingLabel {
                        fact: fact.clone(),
                        recorded: rlabel.clone(),
                        recomputed: clabel.clone(),
                    });
                }
            }
            None => d.push(Difference::Missing {
                fact: fact.clone(),
                recorded: None,
                recomputed: Some(ck.clone()),
            }),
        }
    }
    for (fact, (rk, _)) in &r {
        if !c.contains_key(fact) {
            d.push(Difference::Missing {
                fact: fact.clone(),
                recorded: Some(rk.clone()),
                recomputed: None,
            });
        }
    }
}

/// Whether any rule or mitigation of `ruleset` tests the fact at `path`, or
/// any rule's explanation in `lang` quotes it.
fn reads(ruleset: &Ruleset, path: &str, lang: Lang) -> bool {
    let mut facts: Vec<FactPath> = Vec::new();
    for rule in ruleset.rules() {
        rule.condition().facts(&mut facts);
        facts.extend(rule.template(lang).pieces.iter().filter_map(|p| match p {
            Piece::Hole(Placeholder::Fact(fact)) => Some(*fact),
            _ => None,
        }));
    }
    for mitigation in ruleset.mitigations() {
        mitigation.when.facts(&mut facts);
    }
    facts.iter().any(|f| f.to_path_string() == path)
}
