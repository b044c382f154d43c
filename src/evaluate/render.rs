//! Filling explanation templates with the answers that triggered a rule.

use super::logic::{Located, Scope, Trace};
use crate::lang::Lang;
use crate::model::PartyRef;
use crate::ruleset::facts::{FactPath, HopField, PartyField, PartySelector, Value};
use crate::ruleset::{Piece, Placeholder, Ruleset, Template};

/// "unknown" in the report language.
pub fn unknown_word(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "unknown",
        Lang::Ru => "неизвестно",
        Lang::Kk => "белгісіз",
    }
}

fn hop_word(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "hop",
        Lang::Ru => "звено",
        Lang::Kk => "буын",
    }
}

fn none_word(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "none",
        Lang::Ru => "нет",
        Lang::Kk => "жоқ",
    }
}

/// A value as people read it.
pub fn value_text(value: Value<'_>, lang: Lang) -> String {
    match value {
        Value::Unknown => unknown_word(lang).to_string(),
        Value::Symbol("yes") => match lang {
            Lang::En => "yes",
            Lang::Ru => "да",
            Lang::Kk => "иә",
        }
        .to_string(),
        Value::Symbol("no") => match lang {
            Lang::En => "no",
            Lang::Ru => "нет",
            Lang::Kk => "жоқ",
        }
        .to_string(),
        Value::Symbol(s) => s.replace('_', " "),
        Value::Country(c) => c.name(lang).to_string(),
        Value::Countries([]) => none_word(lang).to_string(),
        Value::Countries(list) => list
            .iter()
            .map(|c| c.name(lang))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Currency(c) => c.code().to_string(),
        Value::Number(n) => number_text(n),
        Value::Date(d) => d.to_string(),
        Value::Hs(code) => code.to_string(),
        Value::Text(t) => t.to_string(),
    }
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Fills `template` for a rule that fired with `trace`.
pub fn fill(
    template: &Template,
    scope: &Scope<'_>,
    trace: &Trace,
    rs: &Ruleset,
    lang: Lang,
) -> String {
    let literal: usize = template
        .pieces
        .iter()
        .map(|p| match p {
            Piece::Literal(s) => s.len(),
            Piece::Hole(_) => 24,
        })
        .sum();
    let mut out = String::with_capacity(literal);
    for piece in &template.pieces {
        match piece {
            Piece::Literal(s) => out.push_str(s),
            Piece::Hole(h) => out.push_str(&hole(*h, scope, trace, rs, lang)),
        }
    }
    out
}

fn value_at(scope: &Scope<'_>, fact: FactPath, lang: Lang) -> String {
    scope.value(fact).map_or_else(
        || unknown_word(lang).to_string(),
        |(v, _)| value_text(v, lang),
    )
}

fn party_value_text(scope: &Scope<'_>, r: PartyRef, field: PartyField, lang: Lang) -> String {
    scope.with_party(r).map_or_else(
        || unknown_word(lang).to_string(),
        |s| value_at(&s, FactPath::Party(PartySelector::Current, field), lang),
    )
}

fn hole(h: Placeholder, scope: &Scope<'_>, trace: &Trace, rs: &Ruleset, lang: Lang) -> String {
    let unknown = || unknown_word(lang).to_string();
    match h {
        Placeholder::Fact(fact) => value_at(scope, fact, lang),
        Placeholder::MatchedLine(field) => trace
            .lines
            .first()
            .and_then(|i| scope.with_line(*i))
            .map_or_else(unknown, |s| value_at(&s, FactPath::Line(field), lang)),
        Placeholder::MatchedParty(field) => trace
            .parties
            .first()
            .map_or_else(unknown, |r| party_value_text(scope, *r, field, lang)),
        Placeholder::MatchedHop(field) => trace
            .hops
            .first()
            .and_then(|i| scope.with_hop(*i))
            .map_or_else(unknown, |s| value_at(&s, FactPath::Hop(field), lang)),
        Placeholder::MatchedHops => {
            let mut hops: Vec<String> = Vec::new();
            for i in &trace.hops {
                let Some(s) = scope.with_hop(*i) else {
                    continue;
                };
                let item = format!(
                    "{} {}: {} ({})",
                    hop_word(lang),
                    i + 1,
                    value_at(&s, FactPath::Hop(HopField::Party), lang),
                    value_at(&s, FactPath::Hop(HopField::Country), lang)
                );
                if !hops.contains(&item) {
                    hops.push(item);
                }
            }
            if hops.is_empty() {
                unknown()
            } else {
                hops.join("; ")
            }
        }
        Placeholder::MatchedHs => {
            // Hot with long orders: compare codes by reference, format once.
            let mut codes: Vec<&crate::hs::HsCode> = Vec::with_capacity(8);
            let mut unknown_line = false;
            for i in &trace.lines {
                match scope.line_hs(*i) {
                    Some(code) if !codes.contains(&code) => codes.push(code),
                    Some(_) => {}
                    None => unknown_line = true,
                }
            }
            let mut out: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
            if unknown_line {
                out.push(unknown());
            }
            if out.is_empty() {
                unknown()
            } else {
                out.join(", ")
            }
        }
        Placeholder::MatchedParties => {
            let mut names: Vec<String> = Vec::new();
            for r in &trace.parties {
                let name = match scope.with_party(*r).and_then(|s| {
                    s.value(FactPath::Party(PartySelector::Current, PartyField::Name))
                }) {
                    Some((Value::Text(t), _)) => t.to_string(),
                    _ => Located::Party(*r, PartyField::Name).label(),
                };
                let country = party_value_text(scope, *r, PartyField::Country, lang);
                let item = format!("{name} ({country})");
                if !names.contains(&item) {
                    names.push(item);
                }
            }
            if names.is_empty() {
                unknown()
            } else {
                names.join(", ")
            }
        }
        Placeholder::MatchedList => trace
            .tiers
            .first()
            .and_then(|(l, _)| rs.hs_lists().get(*l))
            .map_or_else(unknown, |l| l.title.get(lang).to_string()),
        Placeholder::MatchedTier => trace
            .tiers
            .first()
            .and_then(|(l, t)| rs.hs_lists().get(*l)?.tiers.get(*t))
            .map_or_else(unknown, |t| t.label.clone()),
    }
}
