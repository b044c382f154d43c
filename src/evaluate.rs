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

mod located;
mod logic;
mod rating;
mod render;

use std::sync::Arc;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

pub use logic::{Located, Scope, Trace, Tri, hs_tier_masks};
pub use rating::Rating;
pub use render::{unknown_word, value_text};

use crate::lang::Lang;
use crate::model::{Evidence, Transaction};
use crate::ruleset::facts::{HopField, LineField, PartyField};
use crate::ruleset::{Citation, Mitigation, Rule, RuleId, RuleIds, Ruleset, Scoring, Severity};

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
    /// The mitigation's name in the ruleset (shared with it, not copied).
    pub id: Arc<str>,
    /// Its title in the assessment language (shared with the ruleset).
    pub title: Arc<str>,
    /// Severity steps it lowers by.
    pub steps: u8,
}

/// A rule that fired.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Rule id.
    pub rule: RuleId,
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
    /// Rule title in the assessment language (shared with the ruleset, not
    /// copied: findings are made on every keystroke).
    pub title: Arc<str>,
    /// Explanation with the triggering answers filled in.
    pub explanation: String,
    /// Sources (shared with the rule, not copied).
    pub citations: Arc<[Citation]>,
    /// Suggested mitigations in the assessment language (each shared with
    /// the ruleset).
    pub mitigations: Vec<Arc<str>>,
    /// The answers that made the rule fire; each serialises as its path
    /// (`buyer.established`, `goods.0.hs`).
    pub triggers: Vec<Located>,
    /// Hops of the chain (zero-based) the finding is about, for the chain view.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hops: Vec<usize>,
}

/// An unanswered question that could change the assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingInfo {
    /// The unanswered fact; its path (`end_user.country`,
    /// `intermediary.1.established`, `goods.0.hs`) is the machine name.
    pub fact: Located,
    /// Rules that could fire depending on the answer (never empty).
    pub rules: RuleIds,
    /// Highest rating reachable if one of those rules fired.
    pub could_reach: Rating,
    /// Whether `could_reach` is above the current rating.
    pub changes_rating: bool,
}

impl MissingInfo {
    /// English label for people; the web app translates by the fact's path.
    pub fn label(&self) -> String {
        self.fact.label()
    }
}

/// Serialises as `{fact, label, rules, could_reach, changes_rating}`, the
/// label written out for readers of the JSON who have no translation table.
impl Serialize for MissingInfo {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("MissingInfo", 5)?;
        s.serialize_field("fact", &self.fact)?;
        s.serialize_field("label", &self.label())?;
        s.serialize_field("rules", &self.rules)?;
        s.serialize_field("could_reach", &self.could_reach)?;
        s.serialize_field("changes_rating", &self.changes_rating)?;
        s.end()
    }
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
    (rated(scoring, score, floor), score)
}

/// The rating for a total `score` whose most severe finding sets `floor`.
fn rated(scoring: &Scoring, score: u32, floor: Rating) -> Rating {
    let by_score = if score >= scoring.high_from {
        Rating::High
    } else if score >= scoring.medium_from {
        Rating::Medium
    } else {
        Rating::Low
    };
    floor.max(by_score)
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

fn steps_of(ruleset: &Ruleset, i: usize) -> u32 {
    ruleset
        .mitigations()
        .get(i)
        .map_or(0, |m| u32::from(m.steps))
}

fn mitigation_use(m: &Mitigation, lang: Lang) -> MitigationUse {
    MitigationUse {
        id: Arc::clone(&m.id),
        title: Arc::clone(m.title.shared(lang)),
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
    // transaction ban), unless the caller screened them already; only when
    // one of them is named (the web app evaluates on every keystroke, and
    // most transactions name no bank).
    let payment = &tx.payment;
    let named = [&payment.payer_name, &payment.bank_name, &payment.bank_bic]
        .iter()
        .any(|s| !s.trim().is_empty());
    let screened;
    let evidence =
        if named && evidence.payment_screening.is_empty() && !ruleset.name_lists().is_empty() {
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
    // A firing rule over every line records a trigger and a binding per line.
    let mut trace = Trace::with_capacity(2 * tx.goods.len() + 16);
    // In ruleset order: a stable sort by severity keeps it among equals.
    let mut findings: Vec<Finding> = Vec::with_capacity(16);
    // Possible findings: rule, its residual severity, its upper-bound score.
    let mut possible: Vec<(&Rule, Severity, u32)> = Vec::with_capacity(ruleset.rules().len());
    // The unknowns each possible finding waits on: (fact, index into `possible`).
    let mut waiting: Vec<(Located, usize)> = Vec::with_capacity(2 * tx.goods.len() + 64);
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
                    scope.decide(&m.when, trace) == Tri::True
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
        match scope.decide(rule.condition(), &mut trace) {
            Tri::False => {}
            Tri::Unknown => {
                // In the order met, repeats included: `missing_info` sorts
                // them by fact and lists each rule once per fact.
                waiting.extend(trace.unknowns.iter().map(|loc| (*loc, possible.len())));
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
                    .saturating_mul(ruleset.tier_bound(order));
                possible.push((rule, residual, bound));
            }
            Tri::True => {
                // Decided true: evaluate again for every trigger and binding
                // the explanation and the finding name.
                trace.clear();
                let full = scope.eval(rule.condition(), &mut trace);
                debug_assert_eq!(full, Tri::True, "decide and eval disagree on {}", rule.id());
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
                // Stable, so the runs already in order (one per quantifier,
                // lines in order) are merged rather than sorted again; equal
                // facts are alike, so the result is the unstable sort's.
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
                findings.push(Finding {
                    rule: rule.shared_id(),
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
                    title: rule.shared_title(lang),
                    explanation: render::fill(rule.template(lang), &scope, &trace, ruleset, lang),
                    citations: rule.shared_citations(),
                    mitigations: rule.shared_mitigations(lang).collect(),
                    hops: finding_hops(&trace, &triggers),
                    triggers,
                });
            }
        }
    }
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(b.inherent.cmp(&a.inherent))
    });

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
                .map(|(_, residual, bound)| (*residual, *bound)),
        ),
    );

    let missing = missing_info(scoring, &findings, rating, &possible, waiting, asked);

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
        missing,
    }
}

/// Groups the unanswered facts into missing information: each fact once,
/// with the rules waiting on it and the highest rating an answer could lead
/// to; those that change the rating first, then the highest reach, then in
/// fact order.
fn missing_info(
    scoring: &Scoring,
    findings: &[Finding],
    rating: Rating,
    possible: &[(&Rule, Severity, u32)],
    waiting: Vec<(Located, usize)>,
    asked: Vec<(&Rule, Located)>,
) -> Vec<MissingInfo> {
    // The rating each possible finding would lead to, were it to fire alone:
    // the fired findings' score and floor are summed once (saturating sums
    // of non-negative points do not depend on the order).
    let (fired_score, fired_floor) = findings
        .iter()
        .fold((0u32, Rating::Low), |(score, floor), f| {
            (score.saturating_add(f.score), floor.max(f.severity.into()))
        });
    let reach: Vec<Rating> = possible
        .iter()
        .map(|(_, residual, bound)| {
            rated(
                scoring,
                fired_score.saturating_add(*bound),
                fired_floor.max((*residual).into()),
            )
        })
        .collect();
    // (fact, rule, reach) in the order met: possible findings in ruleset
    // order, then the findings that fired because the fact is missing. A
    // finding that fired because an answer is missing names that answer as
    // missing information too: answering it may lift the finding, never
    // raise the rating (so it does not change the rating upwards).
    let mut entries: Vec<(Located, &Rule, Rating)> =
        Vec::with_capacity(waiting.len() + asked.len());
    entries.extend(waiting.into_iter().filter_map(|(loc, i)| {
        let (rule, ..) = possible.get(i)?;
        Some((loc, *rule, reach.get(i).copied().unwrap_or(rating)))
    }));
    entries.extend(asked.into_iter().map(|(rule, loc)| (loc, rule, rating)));
    // Sorted by fact, then in the order met: each entry's packed fact key
    // with its position in the low 32 bits, sorted as plain integers (one
    // integer per entry, rather than the entries, is what moves).
    let small = u32::try_from(entries.len()).is_ok();
    let order: Vec<u128> = if small {
        let mut keys: Vec<u128> = entries
            .iter()
            .enumerate()
            .map(|(seq, (loc, ..))| loc.order_key() | seq as u128)
            .collect();
        keys.sort_unstable();
        keys
    } else {
        // Positions beyond 32 bits: a stable sort of the positions by fact.
        let mut seqs: Vec<u128> = (0..entries.len() as u128).collect();
        seqs.sort_by_key(|&i| entries.get(i as usize).map(|(loc, ..)| loc.order_key()));
        seqs
    };

    let mut missing: Vec<MissingInfo> = Vec::with_capacity(order.len());
    // The fact of the last entry, as its packed key (one key per fact).
    let mut previous: Option<u128> = None;
    for key in order {
        let seq = if small {
            key as u32 as usize
        } else {
            key as usize
        };
        let Some(&(loc, rule, reach)) = entries.get(seq) else {
            continue;
        };
        let fact = if small { key >> 32 } else { loc.order_key() };
        let same_fact = previous.replace(fact) == Some(fact);
        match missing.last_mut() {
            Some(m) if same_fact => {
                m.rules.add(rule.shared_id());
                m.could_reach = m.could_reach.max(reach);
            }
            _ => missing.push(MissingInfo {
                fact: loc,
                rules: RuleIds::One(rule.shared_id()),
                could_reach: reach,
                changes_rating: false,
            }),
        }
    }
    for m in &mut missing {
        m.changes_rating = m.could_reach > rating;
    }
    // Those that change the rating first, then by reach: as `changes_rating`
    // follows from `could_reach`, that is by reach alone, highest first, and
    // facts of equal standing stay in fact order. Four ratings: one stable
    // pass per rating instead of a sort.
    let mut ordered = Vec::with_capacity(missing.len());
    for reach in Rating::ALL.into_iter().rev() {
        ordered.extend(missing.extract_if(.., |m| m.could_reach == reach));
    }
    ordered.append(&mut missing);
    ordered
}
