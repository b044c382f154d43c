//! Checks on the *content* of the embedded default ruleset (`rules/default.toml`).
//!
//! The loader already proves the file is well-formed; these tests pin down
//! what the content must say so that an edit cannot silently drop a CHPL
//! code, a translation, a citation or a mitigation.

use std::collections::BTreeMap;

use enduse::hs::HsCode;
use enduse::lang::Lang;
use enduse::ruleset::{Ruleset, Severity};

fn ruleset() -> Ruleset {
    match Ruleset::embedded() {
        Ok(r) => r,
        Err(e) => panic!("rules/default.toml does not load:\n{e}"),
    }
}

/// The Common High Priority List of 23 February 2024, tier by tier.
const CHPL: &[(&str, &[&str])] = &[
    ("1", &["854231", "854232", "854233", "854239"]),
    ("2", &["851762", "852691", "853221", "853224", "854800"]),
    (
        "3.A",
        &[
            "847150", "850440", "851769", "852589", "852910", "852990", "853669", "853690",
            "854110", "854121", "854129", "854130", "854149", "854151", "854159", "854160",
        ],
    ),
    (
        "3.B",
        &[
            "848210", "848220", "848230", "848250", "880730", "901310", "901380", "901420",
            "901480",
        ],
    ),
    (
        "4.A",
        &[
            "847180", "848610", "848620", "848640", "853400", "854320", "902750", "903020",
            "903032", "903039", "903082",
        ],
    ),
    ("4.B", &["845710", "845811", "845891", "845961", "846693"]),
];

#[test]
fn chpl_has_all_fifty_codes_in_their_tiers() {
    let rs = ruleset();
    let list = rs
        .hs_lists()
        .iter()
        .find(|l| l.id == "chpl")
        .expect("an hs list named chpl");
    let total: usize = CHPL.iter().map(|(_, codes)| codes.len()).sum();
    assert_eq!(total, 50);
    for (tier, codes) in CHPL {
        let t = list
            .tiers
            .iter()
            .find(|t| t.label == *tier)
            .unwrap_or_else(|| panic!("tier {tier} missing"));
        assert_eq!(t.codes.len(), codes.len(), "tier {tier} code count");
        for code in *codes {
            let full = HsCode::parse(&format!("{code}0000")).unwrap();
            let hits = rs.hs_lists_containing(&full);
            assert!(
                hits.iter()
                    .any(|h| h.list.id == "chpl" && h.tier.label == *tier),
                "{code} not found in CHPL tier {tier}"
            );
        }
    }
    // Tiers 1 and 2 weigh most.
    let weight = |label: &str| list.tiers.iter().find(|t| t.label == label).unwrap().weight;
    assert!(weight("1") > weight("2") && weight("2") > weight("3.A"));
    // A neighbour that is not on the list stays off it.
    let valves = HsCode::parse("848180").unwrap();
    assert!(rs.hs_lists_containing(&valves).is_empty());
}

#[test]
fn every_rule_is_translated_cited_and_actionable() {
    let rs = ruleset();
    assert!(rs.rules().len() >= 30, "only {} rules", rs.rules().len());
    for rule in rs.rules() {
        let id = rule.id();
        let en = rule.title(Lang::En);
        for lang in [Lang::Ru, Lang::Kk] {
            assert_ne!(
                rule.title(lang),
                en,
                "{id}: title not translated to {lang:?}"
            );
            assert_ne!(
                rule.explanation_source(lang),
                rule.explanation_source(Lang::En),
                "{id}: explanation not translated to {lang:?}"
            );
            let m: Vec<&str> = rule.mitigations(lang).collect();
            let m_en: Vec<&str> = rule.mitigations(Lang::En).collect();
            assert_eq!(m.len(), m_en.len(), "{id}: mitigations count in {lang:?}");
            for (a, b) in m.iter().zip(&m_en) {
                assert_ne!(a, b, "{id}: mitigation not translated to {lang:?}");
            }
        }
        assert!(!rule.citations().is_empty(), "{id}: no citation");
        for note in rule.citations().iter().filter_map(|c| c.note.as_ref()) {
            for lang in [Lang::Ru, Lang::Kk] {
                assert_ne!(
                    note.get(lang),
                    &*note.en,
                    "{id}: citation note not translated to {lang:?}"
                );
            }
        }
        assert!(
            rule.citations().iter().all(|c| c.url.is_some()),
            "{id}: a citation without URL"
        );
        if matches!(rule.severity(), Severity::High | Severity::Stop) {
            assert!(
                rule.mitigations(Lang::En).next().is_some(),
                "{id}: high/stop rule without mitigation"
            );
        }
    }
}

#[test]
fn kazakh_and_russian_texts_are_cyrillic() {
    let rs = ruleset();
    for rule in rs.rules() {
        for lang in [Lang::Ru, Lang::Kk] {
            let text = rule.title(lang);
            let cyrillic = text
                .chars()
                .filter(|c| ('\u{400}'..='\u{4ff}').contains(c))
                .count();
            let latin = text.chars().filter(|c| c.is_ascii_alphabetic()).count();
            assert!(
                cyrillic > latin,
                "{}: {lang:?} title is not Cyrillic: {text}",
                rule.id()
            );
        }
    }
}

#[test]
fn country_lists_name_the_expected_countries() {
    let rs = ruleset();
    let lists: BTreeMap<&str, Vec<&str>> = rs
        .country_lists()
        .iter()
        .map(|l| {
            (
                l.id.as_str(),
                l.countries.iter().map(|c| c.code()).collect(),
            )
        })
        .collect();
    assert_eq!(lists["russia_belarus"], ["BY", "RU"]);
    assert_eq!(lists["eaeu_members"], ["AM", "KG", "KZ"]);
    assert_eq!(lists["eu_member_states"].len(), 27);
    assert_eq!(
        lists["annex_viii_partners"],
        [
            "AU", "CA", "CH", "GB", "IS", "JP", "KR", "LI", "NO", "NZ", "US"
        ]
    );
    // 2022-23 (FinCEN/BIS, Tri-Seal) and the UK OTSI list of January 2025.
    for hub in [
        "AE", "CN", "HK", "MO", "TR", "UZ", "GE", "RS", "TJ", "IN", "IL", "MY", "MN", "TH", "VN",
    ] {
        assert!(
            lists["diversion_hubs"].contains(&hub),
            "{hub} missing from diversion_hubs"
        );
    }
    // No list may overlap another in a way that would double-count a country.
    for c in &lists["eaeu_members"] {
        assert!(!lists["diversion_hubs"].contains(c));
    }
}

/// Every answer counts: each fact of the vocabulary is read by a rule or a
/// mitigation of the default ruleset, or is listed as display-only with a
/// reason; and nothing listed as display-only is read after all.
#[test]
fn every_fact_is_read_by_a_rule_or_marked_display_only() {
    use enduse::ruleset::facts::{
        DISPLAY_ONLY, FactPath, HopField, LineField, PartyField, TopFact,
    };
    let rs = ruleset();
    let mut read = Vec::new();
    for rule in rs.rules() {
        rule.condition().facts(&mut read);
    }
    for m in rs.mitigations() {
        m.when.facts(&mut read);
    }
    let name = |f: &FactPath| match f {
        FactPath::Top(t) => t.name().to_string(),
        FactPath::Party(_, p) => format!("party.{}", p.name()),
        FactPath::Line(l) => format!("line.{}", l.name()),
        FactPath::Hop(h) => format!("hop.{}", h.name()),
    };
    let read: std::collections::BTreeSet<String> = read.iter().map(name).collect();
    let vocabulary: Vec<String> = TopFact::ALL
        .iter()
        .map(|t| t.name().to_string())
        .chain(
            PartyField::ALL
                .iter()
                .map(|p| format!("party.{}", p.name())),
        )
        .chain(LineField::ALL.iter().map(|l| format!("line.{}", l.name())))
        .chain(HopField::ALL.iter().map(|h| format!("hop.{}", h.name())))
        .collect();
    let listed = |f: &str| DISPLAY_ONLY.iter().any(|(p, _)| *p == f);
    let unread: Vec<&String> = vocabulary
        .iter()
        .filter(|f| !read.contains(*f) && !listed(f))
        .collect();
    assert!(
        unread.is_empty(),
        "facts read by no rule and not marked display-only: {unread:?}"
    );
    for (path, reason) in DISPLAY_ONLY {
        assert!(vocabulary.iter().any(|f| f == path), "{path} is not a fact");
        assert!(!reason.trim().is_empty(), "{path} needs a reason");
    }
    let read_after_all: Vec<&str> = DISPLAY_ONLY
        .iter()
        .map(|(p, _)| *p)
        .filter(|p| read.contains(*p))
        .collect();
    assert!(
        read_after_all.is_empty(),
        "display-only but read by a rule: {read_after_all:?}"
    );
}

/// The currency test: a rule whose sources were last checked more than a
/// year before the ruleset's date fails the build, so bringing the law up to
/// date is a visible act (re-read the sources, then move `reviewed`).
#[test]
fn every_rule_was_reviewed_within_a_year_of_the_ruleset_date() {
    let rs = ruleset();
    let Some(updated) = rs.updated() else {
        panic!("the default ruleset must name its date (`updated`)")
    };
    let mut stale = Vec::new();
    for rule in rs.rules() {
        match rule.reviewed() {
            None => stale.push(format!("{}: no `reviewed` date", rule.id())),
            Some(d) if (updated - d).num_days() > 365 => stale.push(format!(
                "{}: reviewed {d}, more than a year before {updated}",
                rule.id()
            )),
            Some(_) => {}
        }
    }
    assert!(stale.is_empty(), "stale rules:\n{}", stale.join("\n"));
}

/// The obligations of issue 14 are present, dated and at the severity the
/// policy gives a breached legal duty.
#[test]
fn contract_duties_are_dated_and_stop() {
    let rs = ruleset();
    let day = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
    for (id, severity, from) in [
        ("ART12G-NO-CLAUSE", Severity::Stop, Some("2024-03-20")),
        (
            "ART8G-NO-BELARUS-CLAUSE",
            Severity::Stop,
            Some("2024-07-01"),
        ),
        (
            "ART12GB-NO-RISK-ASSESSMENT",
            Severity::Stop,
            Some("2024-12-26"),
        ),
        (
            "ART12GB-ASSESSMENT-STALE",
            Severity::High,
            Some("2024-12-26"),
        ),
        ("ART8A-SUBSIDIARIES", Severity::High, None),
        ("DUAL-USE-LICENCE", Severity::High, None),
        ("TRANSIT-RU-BY", Severity::Stop, None),
        ("TRANSIT-RU-BY-OTHER", Severity::High, None),
    ] {
        let Some(rule) = rs.rules().iter().find(|r| r.id() == id) else {
            panic!("{id} missing")
        };
        assert_eq!(rule.severity(), severity, "{id}");
        assert_eq!(rule.applies_from(), from.and_then(day), "{id}");
    }
}
