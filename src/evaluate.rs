//! The risk evaluator: transaction + evidence + ruleset → assessment.
//!
//! Pure and deterministic: no clock, no randomness, no I/O, so the same inputs
//! give the same assessment in the browser, the CLI and a bank's audit years
//! later (records pin the ruleset by its hash).
//!
//! Scoring and rating thresholds are documented in `docs/ruleset-format.md` §5.
//! Unanswered questions never pass silently: a rule whose condition depends
//! on them is a *possible* finding, and the questions are reported as
//! missing information with the rating they could lead to.

mod logic;
mod rating;
mod render;

use std::collections::BTreeMap;

use serde::Serialize;

pub use logic::{Located, Scope, Trace, Tri, hs_tier_masks};
pub use rating::Rating;
pub use render::{location_label, location_path, unknown_word, value_text};

use crate::lang::Lang;
use crate::model::{Evidence, Transaction};
use crate::ruleset::facts::{HopField, LineField, PartyField};
use crate::ruleset::{Citation, Condition, Mitigation, Rule, Ruleset, Scoring, Severity, Test};

/// Which ruleset produced an assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RulesetRef {
    /// Ruleset id.
    pub id: String,
    /// Ruleset version.
    pub version: String,
    /// SHA-256 of the ruleset file, hex.
    pub sha256: String,
}

/// A recorded fact that lowered a finding, or would lower it once recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MitigationUse {
    /// The mitigation's name in the ruleset.
    pub id: String,
    /// Its title in the assessment language.
    pub title: String,
    /// Severity steps it lowers by.
    pub steps: u8,
}

/// A rule that fired.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Rule id.
    pub rule: String,
    /// Residual severity: the rule's severity lowered by the mitigations that
    /// hold, never below the rule's floor. This is what counts and shows.
    pub severity: Severity,
    /// Inherent severity: the rule's own, before mitigations.
    pub inherent: Severity,
    /// Points this finding adds to the score (residual severity weight × tier weight).
    pub score: u32,
    /// Points at the inherent severity (inherent weight × tier weight).
    pub inherent_score: u32,
    /// Mitigations that hold and lowered (or would have lowered, had the
    /// floor allowed) this finding.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mitigated_by: Vec<MitigationUse>,
    /// Mitigations the rule accepts that are not (or not yet) recorded, while
    /// the finding is above its floor: what the user could still do.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub could_be_mitigated_by: Vec<MitigationUse>,
    /// Rule title in the assessment language.
    pub title: String,
    /// Explanation with the triggering answers filled in.
    pub explanation: String,
    /// Sources (shared with the rule, not copied).
    pub citations: std::sync::Arc<[Citation]>,
    /// Suggested mitigations in the assessment language.
    pub mitigations: Vec<String>,
    /// Paths of the answers that made the rule fire (`buyer.established`, `goods.0.hs`).
    pub triggers: Vec<String>,
    /// Hops of the chain (zero-based) the finding is about, for the chain view.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hops: Vec<usize>,
}

/// An unanswered question that could change the assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingInfo {
    /// Machine-readable path (`end_user.country`, `intermediary.1.established`, `goods.0.hs`).
    pub fact: String,
    /// English label for people; the UI may translate by `fact`.
    pub label: String,
    /// Rules that could fire depending on the answer.
    pub rules: Vec<String>,
    /// Highest rating reachable if one of those rules fired.
    pub could_reach: Rating,
    /// Whether `could_reach` is above the current rating.
    pub changes_rating: bool,
}

/// The result of evaluating a transaction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// Overall residual rating: from the findings' residual severities, the
    /// one a user acts on.
    pub rating: Rating,
    /// Sum of the findings' residual scores.
    pub score: u32,
    /// Overall inherent rating: as if no mitigation were recorded.
    pub inherent_rating: Rating,
    /// Sum of the findings' inherent scores.
    pub inherent_score: u32,
    /// Rating if every possible finding (rules blocked only by unknowns) fired.
    pub worst_case: Rating,
    /// Language of the texts.
    pub lang: Lang,
    /// The ruleset used.
    pub ruleset: RulesetRef,
    /// The date the law was applied as of: the caller's (`enduse assess
    /// --as-of`), else the ruleset's `updated` date; `None` when neither
    /// names one, and then every dated rule was treated as in force.
    pub as_of: Option<chrono::NaiveDate>,
    /// Findings, most severe first, then in ruleset order.
    pub findings: Vec<Finding>,
    /// Unanswered questions, those that change the rating first.
    pub missing: Vec<MissingInfo>,
}

/// Evaluates with texts in English. See [`evaluate_in`].
pub fn evaluate(tx: &Transaction, evidence: &Evidence, ruleset: &Ruleset) -> Assessment {
    evaluate_in(tx, evidence, ruleset, Lang::En)
}

/// Rating for a set of (severity, score) contributions; see the format doc §5.
fn rate(scoring: &Scoring, items: impl Iterator<Item = (Severity, u32)>) -> (Rating, u32) {
    let mut score: u32 = 0;
    let mut floor = Rating::Low;
    for (severity, points) in items {
        score = score.saturating_add(points);
        floor = floor.max(severity.into());
    }
    let by_score = if score >= scoring.high_from {
        Rating::High
    } else if score >= scoring.medium_from {
        Rating::Medium
    } else {
        Rating::Low
    };
    (floor.max(by_score), score)
}

fn tier_weight(ruleset: &Ruleset, trace: &Trace) -> u32 {
    trace
        .tiers
        .iter()
        .filter_map(|(l, t)| ruleset.hs_lists().get(*l)?.tiers.get(*t))
        .map(|t| t.weight)
        .max()
        .unwrap_or(1)
}

/// Largest tier weight `cond` could match: the most a possible finding could
/// be multiplied by once its unknowns are answered.
fn max_tier_weight(ruleset: &Ruleset, cond: &Condition) -> u32 {
    match cond {
        Condition::All(parts) | Condition::Any(parts) => parts
            .iter()
            .map(|c| max_tier_weight(ruleset, c))
            .max()
            .unwrap_or(1),
        Condition::AnyLine(inner) | Condition::AnyParty(inner) | Condition::AnyHop(inner) => {
            max_tier_weight(ruleset, inner)
        }
        // A negated match contributes no tier binding.
        Condition::Not(_) | Condition::Unknown(_) => 1,
        Condition::Test(_, Test::HsList { list, tiers }) => ruleset
            .hs_lists()
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

fn steps_of(ruleset: &Ruleset, i: usize) -> u32 {
    ruleset
        .mitigations()
        .get(i)
        .map_or(0, |m| u32::from(m.steps))
}

fn mitigation_use(m: &Mitigation, lang: Lang) -> MitigationUse {
    MitigationUse {
        id: m.id.clone(),
        title: m.title.get(lang).to_string(),
        steps: m.steps,
    }
}

/// The hops a finding is about: those an `any_hop` matched, and those whose
/// answers triggered it (the chain's final country is the last hop's).
fn finding_hops(trace: &Trace, triggers: &[Located]) -> Vec<usize> {
    let mut hops = trace.hops.clone();
    hops.extend(triggers.iter().filter_map(|l| match l {
        Located::Hop(i, _) => Some(*i),
        _ => None,
    }));
    hops.sort_unstable();
    hops.dedup();
    hops
}

/// Evaluates every rule of `ruleset` against `tx` and `evidence`, texts in
/// `lang`, with the law as of the ruleset's own date (`[ruleset] updated`).
pub fn evaluate_in(
    tx: &Transaction,
    evidence: &Evidence,
    ruleset: &Ruleset,
    lang: Lang,
) -> Assessment {
    evaluate_at(tx, evidence, ruleset, lang, None)
}

/// Evaluates with the law as of `as_of` (the ruleset's `updated` date when
/// `None`): rules outside their `applies_from`..`applies_until` range are
/// not law on that day and are skipped, and rules may test the date itself
/// as `assessment.as_of` (Art. 12g's contract-date transition, for one).
pub fn evaluate_at(
    tx: &Transaction,
    evidence: &Evidence,
    ruleset: &Ruleset,
    lang: Lang,
    as_of: Option<chrono::NaiveDate>,
) -> Assessment {
    let as_of = as_of.or(ruleset.updated());
    // The payer and the bank against the ruleset's name lists (banks under a
    // transaction ban), unless the caller screened them already.
    let screened;
    let evidence = if evidence.payment_screening.is_empty() && !ruleset.name_lists().is_empty() {
        screened = Evidence {
            payment_screening: crate::bank_screening::screen_payment(tx, ruleset, as_of),
            ..evidence.clone()
        };
        &screened
    } else {
        evidence
    };
    let hs_tiers = logic::hs_tier_masks(tx, ruleset);
    let scope = Scope::new(tx, evidence, ruleset, &hs_tiers).at(as_of);
    let scoring = ruleset.scoring();
    let mut trace = Trace::with_capacity(tx.goods.len() + 16);
    let mut findings: Vec<(usize, Finding)> = Vec::with_capacity(16);
    // Possible findings: rule, its residual severity, its upper-bound score,
    // the unknowns it waits on.
    let mut possible: Vec<(&Rule, Severity, u32, Vec<Located>)> = Vec::new();
    // Mitigations are evaluated on a trace of their own: they neither trigger
    // findings nor count as missing information.
    let mut scratch = Trace::default();
    // Findings that fired because an answer is missing: (rule, that fact).
    let mut asked: Vec<(&Rule, Located)> = Vec::new();
    // Whether each mitigation holds, evaluated once when a rule first needs it.
    let mut holds: Vec<Option<bool>> = vec![None; ruleset.mitigations().len()];
    let mut mitigation_holds = |i: usize, trace: &mut Trace| -> bool {
        match holds.get(i).copied().flatten() {
            Some(h) => h,
            None => {
                let h = ruleset.mitigations().get(i).is_some_and(|m| {
                    trace.clear();
                    scope.eval(&m.when, trace) == Tri::True
                });
                if let Some(slot) = holds.get_mut(i) {
                    *slot = Some(h);
                }
                h
            }
        }
    };

    for (order, rule) in ruleset.rules().iter().enumerate() {
        if !rule.in_force(as_of) {
            continue;
        }
        trace.clear();
        match scope.eval(rule.condition(), &mut trace) {
            Tri::False => {}
            Tri::Unknown => {
                let mut unknowns = trace.unknowns.clone();
                unknowns.sort();
                unknowns.dedup();
                // Only mitigations already recorded lower a possible finding.
                let steps: u32 = rule
                    .mitigated_by()
                    .iter()
                    .filter(|i| mitigation_holds(**i, &mut scratch))
                    .map(|i| steps_of(ruleset, *i))
                    .sum();
                let residual = rule.severity().lowered(steps, rule.floor());
                let bound = scoring
                    .weight(residual)
                    .saturating_mul(max_tier_weight(ruleset, rule.condition()));
                possible.push((rule, residual, bound, unknowns));
            }
            Tri::True => {
                asked.extend(trace.asked.iter().map(|loc| (rule, *loc)));
                let mut triggers = trace.triggers.clone();
                // A party's place in the chain and a line's number are filters, not answers.
                triggers.retain(|l| {
                    !matches!(
                        l,
                        Located::Party(_, PartyField::Kind)
                            | Located::Line(_, LineField::Number)
                            | Located::Hop(_, HopField::Number | HopField::IsLast)
                    )
                });
                triggers.sort();
                triggers.dedup();
                let (applied, open): (Vec<usize>, Vec<usize>) = rule
                    .mitigated_by()
                    .iter()
                    .partition(|i| mitigation_holds(**i, &mut scratch));
                let steps: u32 = applied.iter().map(|i| steps_of(ruleset, *i)).sum();
                let residual = rule.severity().lowered(steps, rule.floor());
                let tier = tier_weight(ruleset, &trace);
                let uses = |list: &[usize]| -> Vec<MitigationUse> {
                    list.iter()
                        .filter_map(|i| ruleset.mitigations().get(*i))
                        .map(|m| mitigation_use(m, lang))
                        .collect()
                };
                findings.push((
                    order,
                    Finding {
                        rule: rule.id().to_string(),
                        severity: residual,
                        inherent: rule.severity(),
                        score: scoring.weight(residual).saturating_mul(tier),
                        inherent_score: scoring.weight(rule.severity()).saturating_mul(tier),
                        mitigated_by: uses(&applied),
                        could_be_mitigated_by: if residual > rule.floor() {
                            uses(&open)
                        } else {
                            Vec::new()
                        },
                        title: rule.title(lang).to_string(),
                        explanation: render::fill(
                            rule.template(lang),
                            &scope,
                            &trace,
                            ruleset,
                            lang,
                        ),
                        citations: rule.shared_citations(),
                        mitigations: rule.mitigations(lang).map(str::to_string).collect(),
                        hops: finding_hops(&trace, &triggers),
                        triggers: triggers.into_iter().map(location_path).collect(),
                    },
                ));
            }
        }
    }
    findings.sort_by(|(ao, a), (bo, b)| {
        b.severity
            .cmp(&a.severity)
            .then(b.inherent.cmp(&a.inherent))
            .then(ao.cmp(bo))
    });
    let findings: Vec<Finding> = findings.into_iter().map(|(_, f)| f).collect();

    let (rating, score) = rate(scoring, findings.iter().map(|f| (f.severity, f.score)));
    let (inherent_rating, inherent_score) = rate(
        scoring,
        findings.iter().map(|f| (f.inherent, f.inherent_score)),
    );
    let (worst_case, _) = rate(
        scoring,
        findings.iter().map(|f| (f.severity, f.score)).chain(
            possible
                .iter()
                .map(|(_, residual, bound, _)| (*residual, *bound)),
        ),
    );

    let mut by_fact: BTreeMap<Located, (Vec<String>, Rating)> = BTreeMap::new();
    for (rule, residual, bound, unknowns) in &possible {
        let (reach, _) = rate(
            scoring,
            findings
                .iter()
                .map(|f| (f.severity, f.score))
                .chain(std::iter::once((*residual, *bound))),
        );
        for loc in unknowns {
            let entry = by_fact
                .entry(*loc)
                .or_insert_with(|| (Vec::new(), Rating::Low));
            entry.0.push(rule.id().to_string());
            entry.1 = entry.1.max(reach);
        }
    }
    // A finding that fired because an answer is missing names that answer as
    // missing information too: answering it may lift the finding, never
    // raise the rating (so it does not change the rating upwards).
    for (rule, loc) in asked {
        let entry = by_fact
            .entry(loc)
            .or_insert_with(|| (Vec::new(), Rating::Low));
        if !entry.0.iter().any(|id| id == rule.id()) {
            entry.0.push(rule.id().to_string());
        }
        entry.1 = entry.1.max(rating);
    }
    let mut missing: Vec<(Located, MissingInfo)> = by_fact
        .into_iter()
        .map(|(loc, (rules, could_reach))| {
            (
                loc,
                MissingInfo {
                    fact: location_path(loc),
                    label: location_label(loc),
                    rules,
                    could_reach,
                    changes_rating: could_reach > rating,
                },
            )
        })
        .collect();
    missing.sort_by(|(la, a), (lb, b)| {
        b.changes_rating
            .cmp(&a.changes_rating)
            .then(b.could_reach.cmp(&a.could_reach))
            .then(la.cmp(lb))
    });

    Assessment {
        rating,
        score,
        inherent_rating,
        inherent_score,
        worst_case,
        lang,
        ruleset: RulesetRef {
            id: ruleset.id().to_string(),
            version: ruleset.version().to_string(),
            sha256: ruleset.sha256().to_string(),
        },
        as_of,
        findings,
        missing: missing.into_iter().map(|(_, m)| m).collect(),
    }
}
