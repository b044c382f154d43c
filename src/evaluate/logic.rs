//! Three-valued (Kleene) evaluation of rule conditions, with a trace.
//!
//! A test on an unanswered question is neither true nor false but *unknown*,
//! and unknown propagates: `all` is false only if some part is false, `any`
//! is true only if some part is true. A rule that ends up unknown is a
//! possible finding, and the trace tells which unanswered facts stand
//! between it and a verdict. The trace also records which answers made a
//! rule true and which goods lines / parties matched, for explanations.
//!
//! Trace invariant, relied on by every combinator: a sub-evaluation that
//! returns `True` adds only triggers and bindings, `Unknown` adds only
//! unknowns, `False` adds nothing. So a combinator cleans up only what its
//! own result needs (nothing after an unknown part); debug builds, which the
//! tests run, assert the invariant where it is relied on.

pub use super::located::Located;
use crate::country::Country;
use crate::hs::HsCode;
use crate::model::{Evidence, GoodsLine, Hop, Party, PartyRef, Transaction};
use crate::ruleset::facts::{
    FactPath, HopField, LineField, TopFact, Value, hop_value, line_value, party_value,
    selector_ref, top_value,
};
use crate::ruleset::{Condition, HsList, Ruleset, Test};

/// A truth value that may be unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tri {
    /// Holds.
    True,
    /// Does not hold.
    False,
    /// Depends on unanswered questions.
    Unknown,
}

impl From<bool> for Tri {
    fn from(b: bool) -> Tri {
        if b { Tri::True } else { Tri::False }
    }
}

/// What an evaluation touched.
#[derive(Debug, Default, Clone)]
pub struct Trace {
    /// Unanswered facts an unknown result depends on.
    pub unknowns: Vec<Located>,
    /// Answers that made tests true.
    pub triggers: Vec<Located>,
    /// Goods lines that satisfied an `any_line`.
    pub lines: Vec<usize>,
    /// Parties that satisfied an `any_party`.
    pub parties: Vec<PartyRef>,
    /// Hops (zero-based) that satisfied an `any_hop`.
    pub hops: Vec<usize>,
    /// HS list tiers that matched: (list index, tier index).
    pub tiers: Vec<(usize, usize)>,
    /// Unanswered facts that made an `unknown = P` test true: the rule fired
    /// *because* they are missing, so they are missing information too.
    pub asked: Vec<Located>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
struct Mark {
    unknowns: usize,
    triggers: usize,
    lines: usize,
    parties: usize,
    hops: usize,
    tiers: usize,
    asked: usize,
}

impl Trace {
    /// An empty trace with room for `n` entries of each kind.
    pub fn with_capacity(n: usize) -> Trace {
        Trace {
            unknowns: Vec::with_capacity(n),
            triggers: Vec::with_capacity(n),
            lines: Vec::with_capacity(n),
            parties: Vec::with_capacity(8),
            hops: Vec::new(),
            asked: Vec::new(),
            tiers: Vec::with_capacity(n),
        }
    }

    /// Empties the trace for reuse.
    pub fn clear(&mut self) {
        self.unknowns.clear();
        self.triggers.clear();
        self.lines.clear();
        self.parties.clear();
        self.hops.clear();
        self.tiers.clear();
        self.asked.clear();
    }

    fn mark(&self) -> Mark {
        Mark {
            unknowns: self.unknowns.len(),
            triggers: self.triggers.len(),
            lines: self.lines.len(),
            parties: self.parties.len(),
            hops: self.hops.len(),
            tiers: self.tiers.len(),
            asked: self.asked.len(),
        }
    }

    /// Drops triggers and bindings recorded since `m` (keeps unknowns).
    fn drop_matches(&mut self, m: Mark) {
        self.triggers.truncate(m.triggers);
        self.lines.truncate(m.lines);
        self.parties.truncate(m.parties);
        self.hops.truncate(m.hops);
        self.tiers.truncate(m.tiers);
        self.asked.truncate(m.asked);
    }

    /// Drops everything recorded since `m`.
    fn reset(&mut self, m: Mark) {
        self.unknowns.truncate(m.unknowns);
        self.drop_matches(m);
    }
}

/// The transaction, evidence and ruleset a condition is evaluated against,
/// plus the goods line / party a quantifier is visiting.
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    tx: &'a Transaction,
    ev: &'a Evidence,
    rs: &'a Ruleset,
    line: Option<(usize, &'a GoodsLine)>,
    party: Option<(PartyRef, &'a Party)>,
    hop: Option<(usize, &'a Hop)>,
    /// `hs_tiers[line * lists + list]`: bitmask of the list's tiers containing the line's code.
    hs_tiers: &'a [u64],
    /// The date the law is applied as of (`assessment.as_of`); `None` = not stated.
    as_of: Option<chrono::NaiveDate>,
    /// Whether a quantifier may stop at its first true item: set by
    /// [`Scope::decide`], which needs the truth value and the unknowns only.
    first_match_only: bool,
}

/// Which tiers of which HS list each goods line falls under, computed once per
/// evaluation so that `in_hs_list` tests are a lookup (see [`Scope::new`]).
pub fn hs_tier_masks(tx: &Transaction, rs: &Ruleset) -> Vec<u64> {
    let lists = rs.hs_lists().len();
    let mut masks = Vec::with_capacity(tx.goods.len() * lists);
    for line in &tx.goods {
        match line.hs.known() {
            Some(code) => masks.extend((0..lists).map(|list| rs.hs_tier_mask_of(list, code))),
            None => masks.extend(std::iter::repeat_n(0, lists)),
        }
    }
    masks
}

impl<'a> Scope<'a> {
    /// The top-level scope; `hs_tiers` comes from [`hs_tier_masks`] for the same `tx` and `rs`.
    pub fn new(
        tx: &'a Transaction,
        ev: &'a Evidence,
        rs: &'a Ruleset,
        hs_tiers: &'a [u64],
    ) -> Scope<'a> {
        Scope {
            tx,
            ev,
            rs,
            line: None,
            party: None,
            hop: None,
            hs_tiers,
            as_of: None,
            first_match_only: false,
        }
    }

    /// Evaluates `cond` for its truth value and, when unknown, the unknowns
    /// it waits on, exactly as [`Scope::eval`] gives them; the triggers and
    /// bindings of a true result may be incomplete (a quantifier stops at
    /// its first true item). The evaluator decides every rule this way and
    /// re-evaluates with [`Scope::eval`] only the few that fire: a goods
    /// line matching the CHPL settles `any_line` for the other 49.
    ///
    /// Why the unknowns agree: a quantifier with a true item is true and
    /// drops the unknowns of its other items either way, and a true result
    /// contributes no unknowns to any enclosing combinator.
    pub fn decide(&self, cond: &Condition, trace: &mut Trace) -> Tri {
        Scope {
            first_match_only: true,
            ..*self
        }
        .eval(cond, trace)
    }

    /// This scope applying the law as of `as_of` (the `assessment.as_of` fact).
    pub fn at(self, as_of: Option<chrono::NaiveDate>) -> Scope<'a> {
        Scope { as_of, ..self }
    }

    /// This scope visiting goods line `index`, if it exists.
    pub fn with_line(&self, index: usize) -> Option<Scope<'a>> {
        let line = self.tx.goods.get(index)?;
        Some(Scope {
            line: Some((index, line)),
            ..*self
        })
    }

    /// This scope visiting party `r`, if it exists.
    pub fn with_party(&self, r: PartyRef) -> Option<Scope<'a>> {
        let party = self.tx.party(r)?;
        Some(Scope {
            party: Some((r, party)),
            ..*self
        })
    }

    /// Where a top-level fact's answer lives. The chain's final country and
    /// role *are* the last hop's answers (or the declared destination when no
    /// chain is described), so findings and missing information point there.
    fn top_location(&self, t: TopFact) -> Located {
        let last = self.tx.chain.len().checked_sub(1);
        match (t, last) {
            (TopFact::ChainFinalCountry, Some(i)) => Located::Hop(i, HopField::Country),
            (TopFact::ChainFinalCountry, None) => Located::Top(TopFact::Destination),
            (TopFact::ChainFinalRole, Some(i)) => Located::Hop(i, HopField::Role),
            _ => Located::Top(t),
        }
    }

    /// The HS code of goods line `index`, when known.
    pub fn line_hs(&self, index: usize) -> Option<&'a crate::hs::HsCode> {
        self.tx.goods.get(index)?.hs.known()
    }

    /// This scope visiting hop `index`, if it exists.
    pub fn with_hop(&self, index: usize) -> Option<Scope<'a>> {
        let hop = self.tx.chain.get(index)?;
        Some(Scope {
            hop: Some((index, hop)),
            ..*self
        })
    }

    /// The value of `fact` here, with its location; `None` if the fact needs
    /// a line or party this scope does not have (the loader rules that out).
    pub fn value(&self, fact: FactPath) -> Option<(Value<'a>, Located)> {
        match fact {
            FactPath::Top(TopFact::AsOf) => Some((
                self.as_of.map_or(Value::Unknown, Value::Date),
                self.top_location(TopFact::AsOf),
            )),
            FactPath::Top(TopFact::RiskAssessmentAgeDays) => {
                let reviewed = self.tx.exporter.risk_assessment_reviewed.known();
                let age = match (self.as_of, reviewed) {
                    (Some(day), Some(reviewed)) => {
                        Value::Number((day - *reviewed).num_days() as f64)
                    }
                    _ => Value::Unknown,
                };
                // Located at the review date: that is the answer to give.
                Some((age, Located::Top(TopFact::RiskAssessmentReviewed)))
            }
            FactPath::Top(t) => Some((top_value(t, self.tx, self.ev), self.top_location(t))),
            FactPath::Party(sel, f) => {
                let (r, p) = match selector_ref(sel) {
                    Some(r) => (r, self.tx.party(r)?),
                    None => self.party?,
                };
                Some((party_value(f, r, p, self.ev), Located::Party(r, f)))
            }
            FactPath::Line(f) => {
                let (i, line) = self.line?;
                Some((line_value(f, i, line), Located::Line(i, f)))
            }
            FactPath::Hop(f) => {
                let (i, hop) = self.hop?;
                Some((hop_value(f, i, hop, self.tx), Located::Hop(i, f)))
            }
        }
    }

    /// Evaluates `cond`, recording into `trace` per the module invariant.
    pub fn eval(&self, cond: &Condition, trace: &mut Trace) -> Tri {
        match cond {
            Condition::All(parts) => {
                let start = trace.mark();
                let mut unknown = false;
                for part in parts {
                    let m = checked_mark(trace);
                    match self.eval(part, trace) {
                        Tri::True => {}
                        Tri::False => {
                            trace.reset(start);
                            return Tri::False;
                        }
                        Tri::Unknown => {
                            debug_assert!(only_unknowns_since(trace, m));
                            unknown = true;
                        }
                    }
                }
                if unknown {
                    trace.drop_matches(start);
                    Tri::Unknown
                } else {
                    Tri::True
                }
            }
            Condition::Any(parts) => {
                let start = trace.mark();
                let mut unknown = false;
                for part in parts {
                    let m = checked_mark(trace);
                    match self.eval(part, trace) {
                        Tri::True => {
                            trace.unknowns.truncate(start.unknowns);
                            return Tri::True;
                        }
                        Tri::False => {}
                        Tri::Unknown => {
                            debug_assert!(only_unknowns_since(trace, m));
                            unknown = true;
                        }
                    }
                }
                if unknown { Tri::Unknown } else { Tri::False }
            }
            Condition::Not(inner) => {
                let start = trace.mark();
                let r = self.eval(inner, trace);
                trace.drop_matches(start);
                match r {
                    Tri::True => Tri::False,
                    Tri::Unknown => Tri::Unknown,
                    Tri::False => {
                        // A negated single test was decided by one answer: cite it.
                        if let Condition::Test(fact, _) = inner.as_ref()
                            && let Some((_, loc)) = self.value(*fact)
                        {
                            trace.triggers.push(loc);
                        }
                        Tri::True
                    }
                }
            }
            Condition::AnyLine(inner) => {
                if let Condition::Test(FactPath::Line(LineField::Hs), Test::HsList { list, tiers }) =
                    inner.as_ref()
                    && let Some(hs_list) = self.rs.hs_lists().get(*list)
                {
                    return self.any_line_in_hs_list(hs_list, *list, tiers, trace);
                }
                self.any_of(
                    inner,
                    trace,
                    self.tx.goods.iter().enumerate().map(|(i, line)| {
                        let scope = Scope {
                            line: Some((i, line)),
                            ..*self
                        };
                        (scope, i)
                    }),
                    |trace, i| trace.lines.push(i),
                )
            }
            Condition::AnyParty(inner) => self.any_of(
                inner,
                trace,
                self.tx.parties().map(|(r, party)| {
                    let scope = Scope {
                        party: Some((r, party)),
                        ..*self
                    };
                    (scope, r)
                }),
                |trace, r| trace.parties.push(r),
            ),
            Condition::AnyHop(inner) => self.any_of(
                inner,
                trace,
                self.tx.chain.iter().enumerate().map(|(i, hop)| {
                    let scope = Scope {
                        hop: Some((i, hop)),
                        ..*self
                    };
                    (scope, i)
                }),
                |trace, i| trace.hops.push(i),
            ),
            Condition::Unknown(fact) => match self.value(*fact) {
                Some((Value::Unknown, loc)) => {
                    trace.triggers.push(loc);
                    trace.asked.push(loc);
                    Tri::True
                }
                _ => Tri::False,
            },
            Condition::Test(fact, test) => {
                let Some((value, loc)) = self.value(*fact) else {
                    return Tri::False;
                };
                if matches!(value, Value::Unknown) {
                    trace.unknowns.push(loc);
                    return Tri::Unknown;
                }
                if let Test::SameAs(other)
                | Test::DiffersFrom(other)
                | Test::EarlierThan(other)
                | Test::LaterThan(other) = test
                {
                    let Some((other_value, other_loc)) = self.value(*other) else {
                        return Tri::False;
                    };
                    if matches!(other_value, Value::Unknown) {
                        trace.unknowns.push(other_loc);
                        return Tri::Unknown;
                    }
                    let hit = match (test, value, other_value) {
                        (Test::SameAs(_), a, b) => same_value(a, b),
                        (Test::DiffersFrom(_), a, b) => !same_value(a, b),
                        (Test::EarlierThan(_), Value::Date(a), Value::Date(b)) => a < b,
                        (Test::LaterThan(_), Value::Date(a), Value::Date(b)) => a > b,
                        _ => false,
                    };
                    if hit {
                        trace.triggers.push(loc);
                        trace.triggers.push(other_loc);
                    }
                    return hit.into();
                }
                let r = self.test(test, value, trace);
                if r == Tri::True {
                    trace.triggers.push(loc);
                }
                r
            }
        }
    }

    /// A quantifier (`any_line`, `any_party`, `any_hop`): `inner` in each of
    /// `scopes`, Kleene `any` over them; `matched` records each item that
    /// made it true.
    fn any_of<T>(
        &self,
        inner: &Condition,
        trace: &mut Trace,
        scopes: impl Iterator<Item = (Scope<'a>, T)>,
        matched: impl Fn(&mut Trace, T),
    ) -> Tri {
        let start = trace.mark();
        let (mut found, mut unknown) = (false, false);
        for (scope, item) in scopes {
            let m = checked_mark(trace);
            match scope.eval(inner, trace) {
                Tri::True => {
                    matched(trace, item);
                    found = true;
                    if self.first_match_only {
                        break;
                    }
                }
                Tri::False => {}
                Tri::Unknown => {
                    debug_assert!(only_unknowns_since(trace, m));
                    unknown = true;
                }
            }
        }
        quantified(trace, start, found, unknown)
    }

    /// `any_line` over `line.hs` in an HS list (the CHPL rules' shape, most
    /// of the default ruleset's `any_line`s): one pass over the
    /// goods lines, recording exactly what [`Scope::any_of`] over the
    /// [`Condition::Test`] records: an unknown code as an unknown, a listed
    /// one as a trigger, its tier and its line.
    fn any_line_in_hs_list(
        &self,
        hs_list: &HsList,
        list: usize,
        tiers: &[usize],
        trace: &mut Trace,
    ) -> Tri {
        let start = trace.mark();
        let allowed = allowed_tiers(tiers);
        let (mut found, mut unknown) = (false, false);
        for (i, line) in self.tx.goods.iter().enumerate() {
            let Some(code) = line.hs.known() else {
                trace.unknowns.push(Located::Line(i, LineField::Hs));
                unknown = true;
                continue;
            };
            if let Some(tier) = self.hs_tier(hs_list, list, tiers, allowed, Some(i), code) {
                trace.tiers.push((list, tier));
                trace.triggers.push(Located::Line(i, LineField::Hs));
                trace.lines.push(i);
                found = true;
                if self.first_match_only {
                    break;
                }
            }
        }
        quantified(trace, start, found, unknown)
    }

    /// The heaviest tier of `hs_list` (index `list`) among `tiers` (empty =
    /// all; `allowed` is their bitmask) that holds `code`, the code of goods
    /// line `line` when visiting one: the tier sets the finding's weight.
    fn hs_tier(
        &self,
        hs_list: &HsList,
        list: usize,
        tiers: &[usize],
        allowed: u64,
        line: Option<usize>,
        code: &HsCode,
    ) -> Option<usize> {
        let lists = self.rs.hs_lists().len();
        match line.and_then(|i| self.hs_tiers.get(i * lists + list).copied()) {
            // Hot path (every goods line × every CHPL rule): walk only the
            // set bits of the line's precomputed tier mask.
            Some(mask) => {
                let mut bits = mask & allowed;
                let mut best: Option<(usize, u32)> = None;
                while bits != 0 {
                    let i = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    let weight = hs_list.tiers.get(i).map_or(0, |t| t.weight);
                    if best.is_none_or(|(_, w)| weight > w) {
                        best = Some((i, weight));
                    }
                }
                best.map(|(i, _)| i)
            }
            None => hs_list
                .tiers
                .iter()
                .enumerate()
                .filter(|(i, t)| (tiers.is_empty() || tiers.contains(i)) && t.contains(code))
                .max_by_key(|(i, t)| (t.weight, std::cmp::Reverse(*i)))
                .map(|(i, _)| i),
        }
    }

    fn test(&self, test: &Test, value: Value<'_>, trace: &mut Trace) -> Tri {
        let hit = match (test, value) {
            (Test::Symbols(names), Value::Symbol(s)) => {
                names.iter().any(|n| std::ptr::eq(*n, s) || *n == s)
            }
            (Test::Countries(set), Value::Country(c)) => set.iter().any(|x| same_country(*x, c)),
            (Test::Countries(set), Value::Countries(list)) => list
                .iter()
                .any(|c| set.iter().any(|x| same_country(*x, *c))),
            (Test::Currencies(set), Value::Currency(c)) => set.contains(&c),
            (Test::HsPrefixes(prefixes), Value::Hs(code)) => {
                prefixes.iter().any(|p| code.starts_with(p))
            }
            (Test::HsList { list, tiers }, Value::Hs(code)) => {
                let Some(hs_list) = self.rs.hs_lists().get(*list) else {
                    return Tri::False;
                };
                let line = self.line.map(|(i, _)| i);
                match self.hs_tier(hs_list, *list, tiers, allowed_tiers(tiers), line, code) {
                    Some(i) => {
                        trace.tiers.push((*list, i));
                        true
                    }
                    None => false,
                }
            }
            (Test::Number { gt, ge, lt, le }, Value::Number(n)) => {
                gt.is_none_or(|b| n > b)
                    && ge.is_none_or(|b| n >= b)
                    && lt.is_none_or(|b| n < b)
                    && le.is_none_or(|b| n <= b)
            }
            (Test::Date { before, after }, Value::Date(d)) => {
                before.is_none_or(|b| d < b) && after.is_none_or(|a| d > a)
            }
            _ => false,
        };
        hit.into()
    }
}

/// The bitmask of the tier indexes `tiers` (empty = every tier).
fn allowed_tiers(tiers: &[usize]) -> u64 {
    if tiers.is_empty() {
        u64::MAX
    } else {
        tiers
            .iter()
            .filter(|i| **i < 64)
            .fold(0u64, |m, i| m | (1 << i))
    }
}

/// Whether two known values are the same. Names are compared as people
/// read them: ignoring case, spaces and punctuation, so that "TOO Alpha,
/// LLP" and "too alpha llp" are one payer; nothing else is folded (a legal
/// form or a transliteration still makes two names differ).
fn same_value(a: Value<'_>, b: Value<'_>) -> bool {
    match (a, b) {
        (Value::Text(x), Value::Text(y)) => folded(x).eq(folded(y)),
        _ => a == b,
    }
}

/// A name's letters and digits, lower-cased, without allocating.
fn folded(t: &str) -> impl Iterator<Item = char> + '_ {
    t.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// Country equality by identity ([`Country::is`]): the hot path of every
/// country-list test.
#[inline]
fn same_country(a: Country, b: Country) -> bool {
    a.is(b)
}

/// A mark to check the module invariant against, in debug builds only: the
/// combinators rely on an unknown part having added no triggers or bindings
/// (so there is nothing to drop after it), and the tests run in debug.
fn checked_mark(trace: &Trace) -> Option<Mark> {
    cfg!(debug_assertions).then(|| trace.mark())
}

/// Whether nothing but unknowns was recorded since `m` (true without a mark).
fn only_unknowns_since(trace: &Trace, m: Option<Mark>) -> bool {
    m.is_none_or(|m| {
        let mut now = trace.mark();
        now.unknowns = m.unknowns;
        now == m
    })
}

fn quantified(trace: &mut Trace, start: Mark, found: bool, unknown: bool) -> Tri {
    if found {
        trace.unknowns.truncate(start.unknowns);
        Tri::True
    } else if unknown {
        Tri::Unknown
    } else {
        Tri::False
    }
}
