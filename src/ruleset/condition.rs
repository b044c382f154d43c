//! Rule conditions: the compiled form the evaluator walks, and the compiler
//! from the TOML shape that checks every fact, value and list reference.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::error::{Position, Problem};
use super::facts::{FactKind, FactPath, PartySelector};
use super::raw::RawCondition;
use super::template::Bindings;
use crate::country::Country;
use crate::hs::HsPrefix;
use crate::model::Currency;

/// A compiled condition over a transaction and its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    /// Every part holds.
    All(Vec<Condition>),
    /// At least one part holds.
    Any(Vec<Condition>),
    /// The part does not hold.
    Not(Box<Condition>),
    /// The part holds for at least one goods line.
    AnyLine(Box<Condition>),
    /// The part holds for at least one party.
    AnyParty(Box<Condition>),
    /// The part holds for at least one hop of the chain.
    AnyHop(Box<Condition>),
    /// The fact is unknown.
    Unknown(FactPath),
    /// The fact passes the test.
    Test(FactPath, Test),
}

/// A test on one fact's value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Test {
    /// Answer or choice is one of these names.
    Symbols(#[serde(deserialize_with = "super::facts::deserialize_symbols")] Vec<&'static str>),
    /// Country (or any of a list of countries) is one of these.
    Countries(Vec<Country>),
    /// Currency is one of these.
    Currencies(Vec<Currency>),
    /// HS code is in list `list` (index into [`Ruleset::hs_lists`](super::Ruleset::hs_lists)),
    /// restricted to the tier indexes given (empty = every tier).
    HsList {
        /// Index of the list.
        list: usize,
        /// Tier indexes allowed; empty means all.
        tiers: Vec<usize>,
    },
    /// HS code starts with one of these prefixes.
    HsPrefixes(Vec<HsPrefix>),
    /// Number satisfies every bound given.
    Number {
        /// Strictly greater than.
        gt: Option<f64>,
        /// Greater than or equal.
        ge: Option<f64>,
        /// Strictly less than.
        lt: Option<f64>,
        /// Less than or equal.
        le: Option<f64>,
    },
    /// Equal to another fact of the same kind (both known). Free text (names)
    /// is compared ignoring case, spaces and punctuation.
    SameAs(FactPath),
    /// Different from another fact of the same kind (both known).
    DiffersFrom(FactPath),
    /// A date strictly before another date fact (both known).
    EarlierThan(FactPath),
    /// A date strictly after another date fact (both known).
    LaterThan(FactPath),
    /// Date strictly inside the bounds given.
    Date {
        /// Strictly before.
        before: Option<NaiveDate>,
        /// Strictly after.
        after: Option<NaiveDate>,
    },
}

/// The named lists a condition may refer to.
pub(super) struct ListNames<'a> {
    pub countries: &'a BTreeMap<String, Vec<Country>>,
    /// List name → (index, tier labels in order).
    pub hs: &'a BTreeMap<String, (usize, Vec<String>)>,
}

/// Compiles conditions, collecting every problem rather than stopping at the first.
pub(super) struct Compiler<'a> {
    pub text: &'a str,
    pub lists: ListNames<'a>,
    pub problems: Vec<Problem>,
    pub bindings: Bindings,
}

#[derive(Clone, Copy, Default)]
struct Scope {
    line: bool,
    party: bool,
    hop: bool,
    negated: bool,
    /// Inside a mitigation's `when`: only known answers may mitigate.
    mitigation: bool,
}

impl Compiler<'_> {
    fn problem(&mut self, offset: usize, message: String) {
        self.problems.push(Problem {
            position: Some(Position::at(self.text, offset)),
            message,
        });
    }

    /// Compiles a rule's `when`; `None` if it had problems (already recorded).
    pub fn compile(&mut self, raw: &Spanned<RawCondition>) -> Option<Condition> {
        self.bindings = Bindings::default();
        self.condition(raw, Scope::default())
    }

    /// Compiles a mitigation's `when`, where `unknown` is refused: an
    /// unanswered question must never lower a finding.
    pub fn compile_mitigation(&mut self, raw: &Spanned<RawCondition>) -> Option<Condition> {
        self.bindings = Bindings::default();
        let scope = Scope {
            mitigation: true,
            ..Scope::default()
        };
        self.condition(raw, scope)
    }

    fn condition(&mut self, raw: &Spanned<RawCondition>, scope: Scope) -> Option<Condition> {
        let at = raw.span().start;
        let c = raw.get_ref();
        if c.fact.is_none() && has_test_keys(c) {
            self.problem(
                at,
                "test keys (is, in, in_list, in_hs_list, tiers, hs_prefix, gt, ge, lt, le, before, after, same_as, differs_from, earlier_than, later_than) need a `fact`".into(),
            );
            return None;
        }
        let shapes: Vec<&str> = [
            ("fact", c.fact.is_some()),
            ("unknown", c.unknown.is_some()),
            ("all", c.all.is_some()),
            ("any", c.any.is_some()),
            ("not", c.not.is_some()),
            ("any_line", c.any_line.is_some()),
            ("any_party", c.any_party.is_some()),
            ("any_hop", c.any_hop.is_some()),
        ]
        .into_iter()
        .filter_map(|(k, present)| present.then_some(k))
        .collect();
        if shapes.len() != 1 {
            let found = if shapes.is_empty() {
                "none".to_string()
            } else {
                shapes.join(", ")
            };
            self.problem(
                at,
                format!(
                    "a condition needs exactly one of fact, unknown, all, any, not, any_line, any_party, any_hop (found: {found})"
                ),
            );
            return None;
        }
        if let Some(list) = &c.all {
            return self
                .list(list, at, "all", scope)
                .map(|parts| Condition::All(cheap_first(parts)));
        }
        if let Some(list) = &c.any {
            return self.list(list, at, "any", scope).map(Condition::Any);
        }
        if let Some(inner) = &c.not {
            let scope = Scope {
                negated: true,
                ..scope
            };
            return self
                .condition(inner, scope)
                .map(|c| Condition::Not(Box::new(c)));
        }
        if let Some(inner) = &c.any_line {
            self.bindings.line = true;
            let scope = Scope {
                line: true,
                ..scope
            };
            return self
                .condition(inner, scope)
                .map(|c| Condition::AnyLine(Box::new(c)));
        }
        if let Some(inner) = &c.any_party {
            self.bindings.party = true;
            let scope = Scope {
                party: true,
                ..scope
            };
            return self
                .condition(inner, scope)
                .map(|c| Condition::AnyParty(Box::new(c)));
        }
        if let Some(inner) = &c.any_hop {
            self.bindings.hop = true;
            let scope = Scope { hop: true, ..scope };
            return self
                .condition(inner, scope)
                .map(|c| Condition::AnyHop(Box::new(c)));
        }
        if let Some(path) = &c.unknown {
            if scope.mitigation {
                self.problem(
                    path.span().start,
                    "`unknown` may not appear in a mitigation: an unanswered question never mitigates".into(),
                );
                return None;
            }
            if scope.negated {
                self.problem(
                    path.span().start,
                    "`unknown` may not appear under `not`: answering a question must never create a finding the engine could not foresee".into(),
                );
                return None;
            }
            return self.fact_path(path, scope).map(Condition::Unknown);
        }
        let path = c.fact.as_ref()?;
        let fact = self.fact_path(path, scope)?;
        self.test(c, fact, path.span().start, scope)
            .map(|t| Condition::Test(fact, t))
    }

    fn list(
        &mut self,
        list: &[Spanned<RawCondition>],
        at: usize,
        key: &str,
        scope: Scope,
    ) -> Option<Vec<Condition>> {
        if list.is_empty() {
            self.problem(at, format!("`{key}` needs at least one condition"));
            return None;
        }
        let compiled: Vec<Option<Condition>> =
            list.iter().map(|c| self.condition(c, scope)).collect();
        compiled.into_iter().collect()
    }

    fn fact_path(&mut self, path: &Spanned<String>, scope: Scope) -> Option<FactPath> {
        let at = path.span().start;
        match FactPath::parse(path.get_ref().trim()) {
            Err(e) => {
                self.problem(at, e.to_string());
                None
            }
            Ok(FactPath::Line(_)) if !scope.line => {
                self.problem(
                    at,
                    format!("\"{}\" is only available inside any_line", path.get_ref()),
                );
                None
            }
            Ok(FactPath::Hop(_)) if !scope.hop => {
                self.problem(
                    at,
                    format!("\"{}\" is only available inside any_hop", path.get_ref()),
                );
                None
            }
            Ok(FactPath::Party(PartySelector::Current, _)) if !scope.party => {
                self.problem(
                    at,
                    format!("\"{}\" is only available inside any_party", path.get_ref()),
                );
                None
            }
            Ok(f) => Some(f),
        }
    }

    fn test(&mut self, c: &RawCondition, fact: FactPath, at: usize, scope: Scope) -> Option<Test> {
        let kind = fact.kind();
        let groups: Vec<&str> = [
            ("is/in", c.is.is_some() || c.in_.is_some()),
            ("in_list", c.in_list.is_some()),
            ("in_hs_list", c.in_hs_list.is_some()),
            ("hs_prefix", c.hs_prefix.is_some()),
            (
                "gt/ge/lt/le",
                c.gt.is_some() || c.ge.is_some() || c.lt.is_some() || c.le.is_some(),
            ),
            ("before/after", c.before.is_some() || c.after.is_some()),
            (
                "same_as/differs_from",
                c.same_as.is_some() || c.differs_from.is_some(),
            ),
            (
                "earlier_than/later_than",
                c.earlier_than.is_some() || c.later_than.is_some(),
            ),
        ]
        .into_iter()
        .filter_map(|(k, present)| present.then_some(k))
        .collect();
        let path = fact.to_path_string();
        if groups.len() != 1 {
            self.problem(
                at,
                format!(
                    "fact \"{path}\" needs exactly one test (is/in, in_list, in_hs_list, hs_prefix, gt/ge/lt/le, before/after, same_as/differs_from, earlier_than/later_than), found {}",
                    if groups.is_empty() { "none".to_string() } else { groups.join(" and ") }
                ),
            );
            return None;
        }
        if c.tiers.is_some() && c.in_hs_list.is_none() {
            self.problem(at, "`tiers` only goes with `in_hs_list`".into());
            return None;
        }
        if c.same_as.is_some() && c.differs_from.is_some() {
            self.problem(
                at,
                "use either `same_as` or `differs_from`, not both".into(),
            );
            return None;
        }
        if c.earlier_than.is_some() && c.later_than.is_some() {
            self.problem(
                at,
                "use either `earlier_than` or `later_than`, not both".into(),
            );
            return None;
        }
        if let Some(other) = c.earlier_than.as_ref().or(c.later_than.as_ref()) {
            let other_fact = self.fact_path(other, scope)?;
            if kind != FactKind::Date || other_fact.kind() != FactKind::Date {
                self.problem(
                    other.span().start,
                    format!(
                        "cannot order \"{path}\" ({}) against \"{}\" ({}): `earlier_than` and `later_than` compare two dates",
                        kind.describe(),
                        other.get_ref(),
                        other_fact.kind().describe()
                    ),
                );
                return None;
            }
            return Some(if c.earlier_than.is_some() {
                Test::EarlierThan(other_fact)
            } else {
                Test::LaterThan(other_fact)
            });
        }
        if let Some(other) = c.same_as.as_ref().or(c.differs_from.as_ref()) {
            let other_fact = self.fact_path(other, scope)?;
            let comparable = !matches!(kind, FactKind::Countries);
            if !comparable || other_fact.kind() != kind {
                self.problem(
                    other.span().start,
                    format!(
                        "cannot compare \"{path}\" ({}) with \"{}\" ({}): both must be the same kind, and not a list",
                        kind.describe(),
                        other.get_ref(),
                        other_fact.kind().describe()
                    ),
                );
                return None;
            }
            return Some(if c.same_as.is_some() {
                Test::SameAs(other_fact)
            } else {
                Test::DiffersFrom(other_fact)
            });
        }
        if c.is.is_some() && c.in_.is_some() {
            self.problem(at, "use either `is` or `in`, not both".into());
            return None;
        }
        let wrong_kind = |me: &mut Self, test: &str| {
            me.problem(
                at,
                format!(
                    "`{test}` cannot test \"{path}\", which is {}",
                    kind.describe()
                ),
            );
            None
        };
        if c.is.is_some() || c.in_.is_some() {
            let values: Vec<&Spanned<String>> = match (&c.is, &c.in_) {
                (Some(v), _) => vec![v],
                (None, Some(vs)) => vs.iter().collect(),
                (None, None) => vec![],
            };
            if values.is_empty() {
                self.problem(at, "`in` needs at least one value".into());
                return None;
            }
            return match kind {
                FactKind::Answer | FactKind::Symbol(_) => {
                    let names = kind.symbols().unwrap_or(&[]);
                    self.values(
                        &values,
                        |v| names.iter().copied().find(|n| *n == v),
                        || format!("expected one of: {}", names.join(", ")),
                    )
                    .map(Test::Symbols)
                }
                FactKind::Country | FactKind::Countries => self
                    .values(
                        &values,
                        |v| Country::parse(v).ok(),
                        || "expected an ISO 3166-1 alpha-2 code in the country table".into(),
                    )
                    .map(Test::Countries),
                FactKind::Currency => self
                    .values(
                        &values,
                        |v| Currency::parse(v).ok(),
                        || "expected an ISO 4217 currency code".into(),
                    )
                    .map(Test::Currencies),
                _ => wrong_kind(self, "is/in"),
            };
        }
        if let Some(name) = &c.in_list {
            if !matches!(kind, FactKind::Country | FactKind::Countries) {
                return wrong_kind(self, "in_list");
            }
            return match self.lists.countries.get(name.get_ref()) {
                Some(countries) => Some(Test::Countries(countries.clone())),
                None => {
                    let known: Vec<&str> =
                        self.lists.countries.keys().map(String::as_str).collect();
                    self.problem(
                        name.span().start,
                        format!(
                            "unknown country list \"{}\" (defined: {})",
                            name.get_ref(),
                            if known.is_empty() {
                                "none".to_string()
                            } else {
                                known.join(", ")
                            }
                        ),
                    );
                    None
                }
            };
        }
        if let Some(name) = &c.in_hs_list {
            if kind != FactKind::Hs {
                return wrong_kind(self, "in_hs_list");
            }
            let Some((list, labels)) = self.lists.hs.get(name.get_ref()) else {
                let known: Vec<&str> = self.lists.hs.keys().map(String::as_str).collect();
                self.problem(
                    name.span().start,
                    format!(
                        "unknown HS list \"{}\" (defined: {})",
                        name.get_ref(),
                        if known.is_empty() {
                            "none".to_string()
                        } else {
                            known.join(", ")
                        }
                    ),
                );
                return None;
            };
            let (list, labels) = (*list, labels.clone());
            let mut tiers = Vec::new();
            for t in c.tiers.iter().flatten() {
                match labels.iter().position(|l| l == t.get_ref()) {
                    Some(i) => tiers.push(i),
                    None => {
                        self.problem(
                            t.span().start,
                            format!(
                                "HS list \"{}\" has no tier \"{}\" (tiers: {})",
                                name.get_ref(),
                                t.get_ref(),
                                labels.join(", ")
                            ),
                        );
                        return None;
                    }
                }
            }
            if c.tiers.as_ref().is_some_and(Vec::is_empty) {
                self.problem(at, "`tiers` needs at least one tier label".into());
                return None;
            }
            self.bindings.hs_list = true;
            return Some(Test::HsList { list, tiers });
        }
        if let Some(prefixes) = &c.hs_prefix {
            if kind != FactKind::Hs {
                return wrong_kind(self, "hs_prefix");
            }
            if prefixes.is_empty() {
                self.problem(at, "`hs_prefix` needs at least one prefix".into());
                return None;
            }
            return Some(Test::HsPrefixes(prefixes.clone()));
        }
        if c.before.is_some() || c.after.is_some() {
            if kind != FactKind::Date {
                return wrong_kind(self, "before/after");
            }
            return Some(Test::Date {
                before: c.before.map(|d| d.0),
                after: c.after.map(|d| d.0),
            });
        }
        if kind != FactKind::Number {
            return wrong_kind(self, "gt/ge/lt/le");
        }
        if [c.gt, c.ge, c.lt, c.le]
            .iter()
            .flatten()
            .any(|n| !n.is_finite())
        {
            self.problem(at, "comparison bounds must be finite numbers".into());
            return None;
        }
        Some(Test::Number {
            gt: c.gt,
            ge: c.ge,
            lt: c.lt,
            le: c.le,
        })
    }

    fn values<T>(
        &mut self,
        values: &[&Spanned<String>],
        parse: impl Fn(&str) -> Option<T>,
        expected: impl Fn() -> String,
    ) -> Option<Vec<T>> {
        let mut out = Vec::with_capacity(values.len());
        let mut ok = true;
        for v in values {
            match parse(v.get_ref().trim()) {
                Some(x) => out.push(x),
                None => {
                    let msg = format!("invalid value \"{}\": {}", v.get_ref(), expected());
                    self.problem(v.span().start, msg);
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }
}

/// Orders the parts of an `all` so that those without a quantifier come
/// first, keeping the relative order within each group.
///
/// Kleene `all` is false as soon as any part is false, whatever the order, and
/// when it is not false every part is evaluated anyway; so the result, the
/// unknowns and the matched lines/parties/hops (which come only from the
/// quantified parts, still in their order) are unchanged. What changes is
/// speed: a rule for "a CHPL line going to a hub" no longer walks every goods
/// line when the destination already rules it out.
fn cheap_first(parts: Vec<Condition>) -> Vec<Condition> {
    let (quantified, cheap): (Vec<Condition>, Vec<Condition>) =
        parts.into_iter().partition(Condition::quantifies);
    cheap.into_iter().chain(quantified).collect()
}

impl Condition {
    /// Every fact this condition reads, both sides of a comparison included,
    /// appended to `out` in walking order (for "every answer counts" checks).
    pub fn facts(&self, out: &mut Vec<FactPath>) {
        match self {
            Condition::All(parts) | Condition::Any(parts) => {
                parts.iter().for_each(|c| c.facts(out));
            }
            Condition::Not(inner)
            | Condition::AnyLine(inner)
            | Condition::AnyParty(inner)
            | Condition::AnyHop(inner) => inner.facts(out),
            Condition::Unknown(f) => out.push(*f),
            Condition::Test(f, test) => {
                out.push(*f);
                if let Test::SameAs(other)
                | Test::DiffersFrom(other)
                | Test::EarlierThan(other)
                | Test::LaterThan(other) = test
                {
                    out.push(*other);
                }
            }
        }
    }

    /// Whether evaluating this condition visits goods lines, parties or hops.
    fn quantifies(&self) -> bool {
        match self {
            Condition::AnyLine(_) | Condition::AnyParty(_) | Condition::AnyHop(_) => true,
            Condition::All(parts) | Condition::Any(parts) => {
                parts.iter().any(Condition::quantifies)
            }
            Condition::Not(inner) => inner.quantifies(),
            Condition::Unknown(_) | Condition::Test(..) => false,
        }
    }
}

fn has_test_keys(c: &RawCondition) -> bool {
    c.is.is_some()
        || c.in_.is_some()
        || c.in_list.is_some()
        || c.in_hs_list.is_some()
        || c.tiers.is_some()
        || c.hs_prefix.is_some()
        || c.gt.is_some()
        || c.ge.is_some()
        || c.lt.is_some()
        || c.le.is_some()
        || c.before.is_some()
        || c.after.is_some()
        || c.same_as.is_some()
        || c.differs_from.is_some()
        || c.earlier_than.is_some()
        || c.later_than.is_some()
}
