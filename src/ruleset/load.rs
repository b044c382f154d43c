//! From TOML text to a validated [`Ruleset`]: every semantic check with a position.

use std::collections::{BTreeMap, BTreeSet};

use toml::Spanned;

use super::condition::{Compiler, ListNames};
use super::error::{Position, Problem, RulesetError};
use super::raw::{RawCitation, RawFile};
use super::template::Template;
use super::text::Severity;
use super::text::{Citation, LocalizedText};
use super::{
    CountryList, HsList, HsTier, Mitigation, NameList, NameListEntry, Rule, Ruleset, Scoring,
};
use crate::country::Country;

struct Checker<'a> {
    text: &'a str,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn at(&mut self, offset: usize, message: impl Into<String>) {
        self.problems.push(Problem {
            position: Some(Position::at(self.text, offset)),
            message: message.into(),
        });
    }

    fn name<T>(&mut self, name: &Spanned<T>, what: &str, valid: fn(char, bool) -> bool) -> bool
    where
        T: AsRef<str>,
    {
        let s = name.get_ref().as_ref();
        let ok = !s.is_empty() && s.chars().enumerate().all(|(i, c)| valid(c, i == 0));
        if !ok {
            self.at(name.span().start, format!("invalid {what} \"{s}\""));
        }
        ok
    }

    fn text(&mut self, offset: usize, t: &LocalizedText, what: &str) {
        if t.en.trim().is_empty() {
            self.at(
                offset,
                format!("{what}: the English text (`en`) must not be empty"),
            );
        }
    }
}

fn list_name_char(c: char, _first: bool) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'
}

fn ruleset_id_char(c: char, first: bool) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || (!first && matches!(c, '.' | '_' | '-'))
}

fn rule_id_char(c: char, first: bool) -> bool {
    c.is_ascii_uppercase() || c.is_ascii_digit() || (!first && matches!(c, '.' | '_' | '-'))
}

fn citations(raw: &[RawCitation]) -> Vec<Citation> {
    raw.iter()
        .map(|c| Citation {
            issuer: c.issuer.clone(),
            document: c.document.clone(),
            section: c.section.clone(),
            date: c.date.map(|d| d.0),
            url: c.url.clone(),
            note: c.note.clone(),
        })
        .collect()
}

/// Largest ruleset file read (1 MiB; the built-in one is about 360 KB). TOML
/// itself refuses duplicate keys, so a ruleset has one reading; this bound
/// keeps a hostile host override or user file from costing unbounded time
/// and memory: at 4 MiB a file of one long array took the TOML parser 2.0 s
/// (`benches/hostile_documents.rs`), at 1 MiB it stays well under a second.
pub const MAX_RULESET_BYTES: usize = 1024 * 1024;

pub(super) fn load(text: &str) -> Result<Ruleset, RulesetError> {
    if text.len() > MAX_RULESET_BYTES {
        return Err(RulesetError {
            problems: vec![Problem {
                position: None,
                message: format!(
                    "the ruleset is {} bytes; the limit is {MAX_RULESET_BYTES} bytes",
                    text.len()
                ),
            }],
        });
    }
    let raw: RawFile = toml::from_str(text).map_err(|e| RulesetError {
        problems: vec![Problem {
            position: e.span().map(|s| Position::at(text, s.start)),
            message: e.message().trim().to_string(),
        }],
    })?;
    let mut ck = Checker {
        text,
        problems: Vec::new(),
    };

    ck.name(
        &raw.ruleset.id,
        "ruleset id (use a-z, 0-9, '.', '_', '-')",
        ruleset_id_char,
    );
    if raw.ruleset.version.trim().is_empty() {
        ck.at(
            raw.ruleset.id.span().start,
            "ruleset version must not be empty",
        );
    }
    ck.text(
        raw.ruleset.id.span().start,
        &raw.ruleset.title,
        "ruleset title",
    );

    let mut scoring = Scoring::default();
    if let Some(w) = &raw.scoring.weight {
        let r = w.get_ref();
        scoring.weights = [r.low, r.medium, r.high, r.stop];
        if !(r.low <= r.medium && r.medium <= r.high && r.high <= r.stop) {
            ck.at(
                w.span().start,
                "scoring weights must not decrease from low to stop",
            );
        }
    }
    if let Some(m) = &raw.scoring.medium_from {
        scoring.medium_from = *m.get_ref();
    }
    if let Some(h) = &raw.scoring.high_from {
        scoring.high_from = *h.get_ref();
    }
    if scoring.medium_from == 0 || scoring.medium_from > scoring.high_from {
        let at = raw
            .scoring
            .medium_from
            .as_ref()
            .or(raw.scoring.high_from.as_ref())
            .map_or(0, |s| s.span().start);
        ck.at(at, "scoring thresholds need 1 <= medium_from <= high_from");
    }

    let mut country_lists = Vec::new();
    let mut country_names = BTreeMap::new();
    for (name, list) in &raw.country_lists {
        ck.name(
            name,
            "country list name (use a-z, 0-9, '_')",
            list_name_char,
        );
        ck.text(name.span().start, &list.title, "country list title");
        if list.countries.is_empty() {
            ck.at(
                name.span().start,
                format!("country list \"{}\" is empty", name.get_ref()),
            );
        }
        let mut countries: Vec<Country> = list.countries.clone();
        countries.sort();
        countries.dedup();
        country_names.insert(name.get_ref().clone(), countries.clone());
        country_lists.push(CountryList {
            id: name.get_ref().clone(),
            title: list.title.clone(),
            countries,
            citations: citations(&list.citations),
        });
    }

    let mut name_lists = Vec::new();
    for (name, list) in &raw.name_lists {
        ck.name(name, "name list name (use a-z, 0-9, '_')", list_name_char);
        ck.text(name.span().start, &list.title, "name list title");
        if list.entries.is_empty() {
            ck.at(
                name.span().start,
                format!("name list \"{}\" has no entries", name.get_ref()),
            );
        }
        let mut entries = Vec::with_capacity(list.entries.len());
        for entry in &list.entries {
            let at = entry.span().start;
            let e = entry.get_ref();
            if e.name.trim().is_empty() || e.aliases.iter().any(|a| a.trim().is_empty()) {
                ck.at(
                    at,
                    "a name list entry needs a name, and no alias may be empty",
                );
            }
            if e.listed_by.trim().is_empty() {
                ck.at(
                    at,
                    "a name list entry needs `listed_by`: the act that lists it",
                );
            }
            let bic = e.bic.as_deref().map(str::trim).filter(|b| !b.is_empty());
            if let Some(b) = bic {
                let ok = (b.len() == 8 || b.len() == 11)
                    && b.chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
                if !ok {
                    ck.at(
                        at,
                        format!("\"{b}\" is not a BIC (8 or 11 capital letters and digits)"),
                    );
                }
            }
            if let Some(note) = &e.note {
                ck.text(at, note, "name list entry note");
            }
            entries.push(NameListEntry {
                name: e.name.trim().to_string(),
                aliases: e.aliases.iter().map(|a| a.trim().to_string()).collect(),
                country: e.country,
                bic: bic.map(str::to_string),
                listed_by: e.listed_by.clone(),
                date: e.date.map(|d| d.0),
                applies_from: e.applies_from.map(|d| d.0),
                url: e.url.clone(),
                note: e.note.clone(),
            });
        }
        name_lists.push(NameList {
            id: name.get_ref().clone(),
            title: list.title.clone(),
            citations: citations(&list.citations),
            entries,
        });
    }

    let mut hs_lists = Vec::new();
    let mut hs_names = BTreeMap::new();
    for (index, (name, list)) in raw.hs_lists.iter().enumerate() {
        ck.name(name, "HS list name (use a-z, 0-9, '_')", list_name_char);
        ck.text(name.span().start, &list.title, "HS list title");
        if list.tiers.is_empty() {
            ck.at(
                name.span().start,
                format!("HS list \"{}\" has no tiers", name.get_ref()),
            );
        }
        if list.tiers.len() > 64 {
            ck.at(
                name.span().start,
                format!("HS list \"{}\" has more than 64 tiers", name.get_ref()),
            );
        }
        let mut labels: Vec<String> = Vec::new();
        let mut tiers = Vec::new();
        for tier in &list.tiers {
            let t = tier.get_ref();
            let at = tier.span().start;
            if t.tier.trim().is_empty() {
                ck.at(at, "tier label must not be empty");
            }
            if labels.contains(&t.tier) {
                ck.at(
                    at,
                    format!(
                        "duplicate tier \"{}\" in HS list \"{}\"",
                        t.tier,
                        name.get_ref()
                    ),
                );
            }
            if t.codes.is_empty() {
                ck.at(at, format!("tier \"{}\" has no codes", t.tier));
            }
            let weight = t.weight.as_ref().map_or(1, |w| *w.get_ref());
            if weight == 0 {
                let at = t.weight.as_ref().map_or(at, |w| w.span().start);
                ck.at(at, "tier weight must be at least 1");
            }
            labels.push(t.tier.clone());
            tiers.push(HsTier {
                label: t.tier.clone(),
                title: t.title.clone(),
                weight: weight.max(1),
                codes: t.codes.clone(),
            });
        }
        hs_names.insert(name.get_ref().clone(), (index, labels));
        hs_lists.push(HsList {
            id: name.get_ref().clone(),
            title: list.title.clone(),
            citations: citations(&list.citations),
            tiers,
        });
    }

    let mut compiler = Compiler {
        text,
        lists: ListNames {
            countries: &country_names,
            hs: &hs_names,
        },
        problems: Vec::new(),
        bindings: Default::default(),
    };
    let mut mitigations = Vec::new();
    let mut mitigation_names: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (name, m) in &raw.mitigations {
        let at = name.span().start;
        ck.name(name, "mitigation name (use a-z, 0-9, '_')", list_name_char);
        ck.text(at, &m.title, "mitigation title");
        if m.citations.is_empty() {
            ck.at(
                at,
                format!(
                    "mitigation \"{}\" needs at least one citation: say which guidance accepts it",
                    name.get_ref()
                ),
            );
        }
        let steps = m.steps.as_ref().map_or(1, |s| *s.get_ref());
        if !(1..=3).contains(&steps) {
            let at = m.steps.as_ref().map_or(at, |s| s.span().start);
            ck.at(at, "mitigation steps must be 1, 2 or 3");
        }
        if let Some(when) = compiler.compile_mitigation(&m.when) {
            mitigation_names.insert(name.get_ref().clone(), (mitigations.len(), at));
            mitigations.push(Mitigation {
                id: name.get_ref().as_str().into(),
                title: m.title.clone(),
                when,
                steps: steps.clamp(1, 3) as u8,
                citations: citations(&m.citations),
            });
        }
    }
    let mut used = BTreeSet::new();

    let mut rules = Vec::new();
    let mut seen = BTreeSet::new();
    for spanned in &raw.rules {
        let r = spanned.get_ref();
        let at = r.id.span().start;
        ck.name(&r.id, "rule id (use A-Z, 0-9, '.', '_', '-')", rule_id_char);
        if !seen.insert(r.id.get_ref().clone()) {
            ck.at(at, format!("duplicate rule id \"{}\"", r.id.get_ref()));
        }
        ck.text(at, &r.title, "rule title");
        if r.citations.is_empty() {
            ck.at(
                at,
                format!("rule \"{}\" needs at least one citation", r.id.get_ref()),
            );
        }
        for m in &r.mitigations {
            ck.text(at, m, "mitigation");
        }
        let applies_from = r.applies_from.map(|d| d.0);
        let applies_until = r.applies_until.map(|d| d.0);
        if let (Some(from), Some(until)) = (applies_from, applies_until)
            && until < from
        {
            {
                ck.at(
                    at,
                    format!(
                        "rule \"{}\": applies_until ({until}) is before applies_from ({from}); the date range is reversed",
                        r.id.get_ref()
                    ),
                );
            }
        }
        let reviewed = r.reviewed.map(|d| d.0);
        if let (Some(reviewed), Some(updated)) = (reviewed, raw.ruleset.updated.map(|d| d.0))
            && reviewed > updated
        {
            {
                ck.at(
                    at,
                    format!(
                        "rule \"{}\": reviewed ({reviewed}) is after the ruleset's `updated` date ({updated})",
                        r.id.get_ref()
                    ),
                );
            }
        }
        let when = compiler.compile(&r.when);
        let bindings = compiler.bindings;

        let mut mitigated_by = Vec::new();
        if let Some(list) = &r.mitigated_by {
            if r.severity == Severity::Stop {
                ck.at(
                    list.span().start,
                    format!(
                        "rule \"{}\" is a stop: a legal prohibition cannot be mitigated, remove `mitigated_by`",
                        r.id.get_ref()
                    ),
                );
            }
            for m in list.get_ref() {
                match mitigation_names.get(m.get_ref()) {
                    Some((i, _)) if mitigated_by.contains(i) => ck.at(
                        m.span().start,
                        format!("mitigation \"{}\" is named twice", m.get_ref()),
                    ),
                    Some((i, _)) => {
                        used.insert(*i);
                        mitigated_by.push(*i);
                    }
                    None if raw.mitigations.keys().any(|k| k.get_ref() == m.get_ref()) => {
                        // Defined but refused above; its problem is already reported.
                    }
                    None => {
                        let known: Vec<&str> =
                            mitigation_names.keys().map(String::as_str).collect();
                        ck.at(
                            m.span().start,
                            format!(
                                "unknown mitigation \"{}\" (defined: {})",
                                m.get_ref(),
                                if known.is_empty() {
                                    "none".to_string()
                                } else {
                                    known.join(", ")
                                }
                            ),
                        );
                    }
                }
            }
        }
        let floor = match &r.floor {
            Some(f) if r.severity == Severity::Stop => {
                ck.at(
                    f.span().start,
                    format!(
                        "rule \"{}\" is a stop and has no floor: it is never lowered",
                        r.id.get_ref()
                    ),
                );
                r.severity
            }
            Some(f) if *f.get_ref() > r.severity => {
                ck.at(
                    f.span().start,
                    format!(
                        "floor \"{}\" is above the rule's severity \"{}\"",
                        f.get_ref().as_str(),
                        r.severity.as_str()
                    ),
                );
                r.severity
            }
            Some(f) => *f.get_ref(),
            None if mitigated_by.is_empty() => r.severity,
            None => Severity::Low,
        };

        let explanation = r.explanation.get_ref();
        ck.text(r.explanation.span().start, explanation, "rule explanation");
        let mut templates: [Option<Template>; 3] = [None, None, None];
        for (lang, source) in explanation.present() {
            match Template::parse(source, bindings) {
                Ok(t) => {
                    if let Some(slot) = templates.get_mut(super::lang_index(lang)) {
                        *slot = Some(t);
                    }
                }
                Err(e) => {
                    let at = locate_in(text, r.explanation.span(), source, e.offset);
                    ck.at(
                        at,
                        format!(
                            "rule \"{}\", explanation ({}): {}",
                            r.id.get_ref(),
                            lang.tag(),
                            e.message
                        ),
                    );
                }
            }
        }
        if let Some(when) = when {
            rules.push(Rule {
                id: r.id.get_ref().as_str().into(),
                severity: r.severity,
                title: r.title.clone(),
                explanation: explanation.clone(),
                templates,
                when,
                citations: citations(&r.citations).into(),
                mitigations: r.mitigations.clone(),
                mitigated_by,
                floor,
                applies_from,
                applies_until,
                reviewed,
            });
        }
    }
    for (name, (i, at)) in &mitigation_names {
        if !used.contains(i) {
            ck.at(
                *at,
                format!("mitigation \"{name}\" is named by no rule's `mitigated_by`"),
            );
        }
    }

    let mut problems = ck.problems;
    problems.extend(compiler.problems);
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.position);
        return Err(RulesetError { problems });
    }
    Ok(Ruleset {
        id: raw.ruleset.id.into_inner(),
        version: raw.ruleset.version,
        title: raw.ruleset.title,
        updated: raw.ruleset.updated.map(|d| d.0),
        sha256: String::new(),
        scoring,
        country_lists,
        hs_lists,
        name_lists,
        hs_index: Vec::new(),
        tier_bounds: Vec::new(),
        mitigations,
        rules,
    })
}

/// Best-effort file offset of byte `offset` of a template whose text appears
/// within `span`: looks for the rest of that template line in the file, and
/// falls back to the start of the explanation when escapes get in the way.
fn locate_in(text: &str, span: std::ops::Range<usize>, source: &str, offset: usize) -> usize {
    let region = text.get(span.clone()).unwrap_or("");
    let needle = source
        .get(offset..)
        .and_then(|rest| rest.lines().next())
        .unwrap_or("");
    match region.find(needle) {
        Some(rel) if !needle.is_empty() => span.start + rel,
        _ => span.start,
    }
}
