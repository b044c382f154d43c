//! Ruleset loader: what it accepts, and that every refusal names the place.

use enduse::hs::HsCode;
use enduse::lang::Lang;
use enduse::ruleset::{Position, Ruleset, RulesetError, Severity};

const BASE: &str = r#"
[ruleset]
id = "test-rules"
version = "1"
title = { en = "Test rules" }

[country_lists.hubs]
title = { en = "Hubs" }
countries = ["KZ", "KG", "AM"]

[hs_lists.chpl]
title = { en = "CHPL", ru = "Общий список" }

[[hs_lists.chpl.tiers]]
tier = "1"
weight = 3
codes = ["854231", "8542.32"]

[[hs_lists.chpl.tiers]]
tier = "3.B"
codes = ["8482"]

[[rules]]
id = "DEST-RU"
severity = "stop"
title = { en = "To Russia", ru = "В Россию" }
explanation = { en = "Goes to {shipment.destination}.", kk = "{shipment.destination} елге." }
when = { fact = "shipment.destination", in = ["RU", "BY"] }
citations = [ { issuer = "EU", document = "Reg 833/2014", date = 2014-07-31 } ]
mitigations = [ { en = "Do not ship." } ]

[[rules]]
id = "CHPL-HUB"
severity = "high"
title = { en = "CHPL to hub" }
explanation = { en = "{matched.hs} tier {matched.tier} of {matched.list} to {shipment.destination}." }
citations = [ { issuer = "BIS", document = "CHPL", date = "2024-02-23" } ]

[rules.when]
all = [
  { fact = "shipment.destination", in_list = "hubs" },
  { any_line = { fact = "line.hs", in_hs_list = "chpl", tiers = ["1"] } },
]
"#;

fn load(text: &str) -> Result<Ruleset, RulesetError> {
    Ruleset::from_toml_str(text)
}

/// Loads `BASE` with `from` replaced by `to` and returns the problems.
fn broken(from: &str, to: &str) -> RulesetError {
    assert!(BASE.contains(from), "test bug: {from:?} not in BASE");
    match load(&BASE.replacen(from, to, 1)) {
        Ok(_) => panic!("ruleset with {to:?} instead of {from:?} was accepted"),
        Err(e) => e,
    }
}

fn line_of(needle: &str, text: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .map_or(0, |i| i + 1)
}

#[test]
fn base_loads_with_everything_resolved() {
    let rs = load(BASE).unwrap();
    assert_eq!(rs.id(), "test-rules");
    assert_eq!(rs.rules().len(), 2);
    assert_eq!(rs.sha256().len(), 64);
    let rule = rs.rule("DEST-RU").unwrap();
    assert_eq!(rule.severity(), Severity::Stop);
    assert_eq!(rule.title(Lang::Ru), "В Россию");
    assert_eq!(rule.title(Lang::Kk), "To Russia", "falls back to English");
    assert_eq!(
        rule.explanation_source(Lang::Kk),
        "{shipment.destination} елге."
    );
    assert_eq!(
        rule.mitigations(Lang::Ru).collect::<Vec<_>>(),
        ["Do not ship."]
    );
    assert_eq!(
        rule.citations()[0].date.map(|d| d.to_string()).as_deref(),
        Some("2014-07-31")
    );
}

#[test]
fn hash_is_of_the_file_bytes() {
    let a = load(BASE).unwrap();
    let b = load(&format!("{BASE}\n# comment\n")).unwrap();
    assert_ne!(a.sha256(), b.sha256());
    assert_eq!(a.sha256(), load(BASE).unwrap().sha256());
}

#[test]
fn hs_lookup_for_the_ui() {
    let rs = load(BASE).unwrap();
    let hits = rs.hs_lists_containing(&HsCode::parse("8542.32.00").unwrap());
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].list.title.get(Lang::Ru), "Общий список");
    assert_eq!(hits[0].tier.label, "1");
    let hits = rs.hs_lists_containing(&HsCode::parse("848210").unwrap());
    assert_eq!(hits[0].tier.label, "3.B");
    assert!(
        rs.hs_lists_containing(&HsCode::parse("940360").unwrap())
            .is_empty()
    );
}

#[test]
fn syntax_errors_have_positions() {
    let e = load("[ruleset]\nid = \"x\"\nversion = \n").unwrap_err();
    assert_eq!(e.problems.len(), 1);
    assert_eq!(e.problems[0].position.map(|p| p.line), Some(3), "{e}");
}

#[test]
fn unknown_keys_are_refused_with_position() {
    let e = broken(
        "severity = \"stop\"",
        "severity = \"stop\"\nseverty = \"high\"",
    );
    let msg = e.to_string();
    assert!(msg.contains("severty"), "{msg}");
    assert!(e.problems[0].position.is_some());
}

#[test]
fn unknown_fact_points_at_the_path() {
    let e = broken(
        "\"shipment.destination\", in = [",
        "\"shipment.destinaton\", in = [",
    );
    let p = &e.problems[0];
    assert!(p.message.contains("shipment.destinaton"), "{e}");
    let expected_line = line_of(
        "shipment.destinaton",
        &BASE.replacen("shipment.destination\", in", "shipment.destinaton\", in", 1),
    );
    assert_eq!(p.position.map(|p| p.line), Some(expected_line));
}

#[test]
fn unknown_lists_and_tiers() {
    let e = broken("in_list = \"hubs\"", "in_list = \"hub\"");
    assert!(
        e.to_string().contains("unknown country list \"hub\""),
        "{e}"
    );
    let e = broken("in_hs_list = \"chpl\"", "in_hs_list = \"chp\"");
    assert!(e.to_string().contains("unknown HS list"), "{e}");
    let e = broken("tiers = [\"1\"]", "tiers = [\"9\"]");
    assert!(e.to_string().contains("no tier \"9\""), "{e}");
}

#[test]
fn invalid_values_for_the_fact_kind() {
    let e = broken("in = [\"RU\", \"BY\"]", "in = [\"RU\", \"RUS\"]");
    assert!(e.to_string().contains("\"RUS\""), "{e}");
    let e = broken(
        "{ fact = \"shipment.destination\", in = [\"RU\", \"BY\"] }",
        "{ fact = \"payment.prepayment\", is = \"maybe\" }",
    );
    assert!(e.to_string().contains("yes, no"), "{e}");
    let e = broken(
        "{ fact = \"shipment.destination\", in = [\"RU\", \"BY\"] }",
        "{ fact = \"shipment.destination\", gt = 3 }",
    );
    assert!(e.to_string().contains("a country"), "{e}");
    let e = broken(
        "{ fact = \"shipment.destination\", in = [\"RU\", \"BY\"] }",
        "{ fact = \"buyer.name\", in = [\"x\"] }",
    );
    assert!(e.to_string().contains("free text"), "{e}");
}

#[test]
fn malformed_conditions() {
    let when = "{ fact = \"shipment.destination\", in = [\"RU\", \"BY\"] }";
    for (bad, expect) in [
        ("{ }", "exactly one of"),
        ("{ fact = \"shipment.destination\" }", "exactly one test"),
        ("{ all = [] }", "at least one"),
        ("{ is = \"RU\" }", "need a `fact`"),
        (
            "{ fact = \"shipment.destination\", in = [\"RU\"], in_list = \"hubs\" }",
            "exactly one test",
        ),
        (
            "{ fact = \"line.hs\", hs_prefix = [\"8542\"] }",
            "only available inside any_line",
        ),
        (
            "{ fact = \"party.country\", is = \"RU\" }",
            "only available inside any_party",
        ),
        (
            "{ not = { unknown = \"buyer.country\" } }",
            "may not appear under `not`",
        ),
        (
            "{ any_line = { fact = \"line.hs\", hs_prefix = [\"8\"] } }",
            "2 to 10 digits",
        ),
        (
            "{ any_line = { fact = \"line.hs\", tiers = [\"1\"], hs_prefix = [\"85\"] } }",
            "tiers",
        ),
        (
            "{ fact = \"payment.payer_country\", same_as = \"buyer.name\" }",
            "cannot compare",
        ),
        (
            "{ fact = \"payment.payer_country\", differs_from = \"party.country\" }",
            "only available inside any_party",
        ),
        (
            "{ fact = \"buyer.established\", after = 2022-02-30 }",
            "date",
        ),
    ] {
        let e = broken(when, bad);
        assert!(e.to_string().contains(expect), "{bad}: {e}");
        assert!(
            e.problems.iter().all(|p| p.position.is_some()),
            "{bad}: {e}"
        );
    }
}

#[test]
fn duplicate_ids_and_missing_citations() {
    let e = broken("id = \"CHPL-HUB\"", "id = \"DEST-RU\"");
    assert!(
        e.to_string().contains("duplicate rule id \"DEST-RU\""),
        "{e}"
    );
    let e = broken(
        "citations = [ { issuer = \"BIS\", document = \"CHPL\", date = \"2024-02-23\" } ]\n",
        "",
    );
    assert!(e.to_string().contains("at least one citation"), "{e}");
    let e = broken("id = \"DEST-RU\"", "id = \"dest ru\"");
    assert!(e.to_string().contains("invalid rule id"), "{e}");
}

#[test]
fn template_placeholders_are_checked_in_every_language() {
    let e = broken(
        "\"Goes to {shipment.destination}.\"",
        "\"Goes to {shipment.dest}.\"",
    );
    assert!(e.to_string().contains("shipment.dest"), "{e}");
    let e = broken("\"{shipment.destination} елге.\"", "\"{buyer.nam} елге.\"");
    assert!(e.to_string().contains("(kk)"), "{e}");
    // {matched.hs} needs an any_line in the condition
    let e = broken(
        "\"Goes to {shipment.destination}.\"",
        "\"Goes {matched.hs}.\"",
    );
    assert!(e.to_string().contains("any_line"), "{e}");
    let pos = e.problems[0]
        .position
        .unwrap_or(Position { line: 0, column: 0 });
    assert_eq!(pos.line, line_of("Goes to {shipment", BASE));
}

#[test]
fn problems_are_all_reported_in_file_order() {
    let text = BASE
        .replacen("in_list = \"hubs\"", "in_list = \"nope\"", 1)
        .replacen("\"Goes to {shipment.destination}.\"", "\"{x.y}\"", 1);
    let e = load(&text).unwrap_err();
    assert_eq!(e.problems.len(), 2, "{e}");
    assert!(e.problems[0].position < e.problems[1].position);
}

#[test]
fn scoring_is_validated() {
    let e = load(&BASE.replacen(
        "[country_lists.hubs]",
        "[scoring]\nweight = { low = 5, medium = 3, high = 10, stop = 100 }\n\n[country_lists.hubs]",
        1,
    ))
    .unwrap_err();
    assert!(e.to_string().contains("must not decrease"), "{e}");
    let e = load(&BASE.replacen(
        "[country_lists.hubs]",
        "[scoring]\nmedium_from = 20\nhigh_from = 10\n\n[country_lists.hubs]",
        1,
    ))
    .unwrap_err();
    assert!(e.to_string().contains("medium_from"), "{e}");
}

#[test]
fn hostile_input_never_panics() {
    for text in [
        "",
        "\u{0}",
        "[[rules]]",
        "rules = 5",
        "[ruleset]\nid = 1",
        &"[".repeat(10_000),
        &format!(
            "{BASE}\n[[rules]]\nid = \"X\"\nwhen = {{ any = [{}] }}",
            "{ not = ".repeat(50)
        ),
    ] {
        assert!(load(text).is_err());
    }
    // Deeply nested conditions hit the TOML parser's recursion limit, not the stack.
    let deep = format!(
        "{BASE}\n[[rules]]\nid = \"DEEP\"\nseverity = \"low\"\ntitle = {{ en = \"d\" }}\nexplanation = {{ en = \"d\" }}\ncitations = [ {{ issuer = \"x\", document = \"y\" }} ]\nwhen = {}{{ fact = \"signals.unusual_urgency\", is = \"yes\" }}{}\n",
        "{ not = ".repeat(5000),
        " }".repeat(5000)
    );
    let e = load(&deep).unwrap_err();
    assert!(e.problems[0].position.is_some(), "{e}");
}

#[test]
fn embedded_ruleset_loads() {
    let rs = Ruleset::embedded().unwrap_or_else(|e| panic!("{e}"));
    assert!(rs.rules().len() >= 3);
    assert!(!rs.hs_lists().is_empty());
}

#[test]
fn reversed_date_range_is_refused_at_the_rule() {
    let text = BASE.replacen(
        "id = \"DEST-RU\"\nseverity = \"stop\"",
        "id = \"DEST-RU\"\nseverity = \"stop\"\napplies_from = 2024-12-20\napplies_until = 2024-03-20",
        1,
    );
    let e = load(&text).expect_err("reversed range accepted");
    let p = &e.problems[0];
    assert!(p.message.contains("reversed"), "{e}");
    assert!(p.message.contains("DEST-RU"), "{e}");
    assert_eq!(
        p.position.map(|p| p.line),
        Some(line_of("id = \"DEST-RU\"", &text))
    );
}

#[test]
fn a_date_that_is_not_a_date_is_refused_with_position() {
    let text = BASE.replacen(
        "id = \"DEST-RU\"\nseverity = \"stop\"",
        "id = \"DEST-RU\"\nseverity = \"stop\"\napplies_from = \"2024-02-30\"",
        1,
    );
    let e = load(&text).expect_err("30 February accepted");
    let p = &e.problems[0];
    assert!(p.message.contains("not a date"), "{e}");
    assert_eq!(
        p.position.map(|p| p.line),
        Some(line_of("applies_from", &text))
    );
    let e = broken(
        "severity = \"stop\"",
        "severity = \"stop\"\nreviewed = 20241220",
    );
    assert!(e.problems[0].message.contains("date"), "{e}");
}

#[test]
fn reviewed_after_the_ruleset_date_is_refused() {
    let text = BASE
        .replacen(
            "title = { en = \"Test rules\" }",
            "title = { en = \"Test rules\" }\nupdated = 2026-01-01",
            1,
        )
        .replacen(
            "severity = \"stop\"",
            "severity = \"stop\"\nreviewed = 2026-06-01",
            1,
        );
    let e = load(&text).expect_err("review after the ruleset date accepted");
    assert!(e.problems[0].message.contains("reviewed"), "{e}");
}

#[test]
fn a_date_fact_the_model_does_not_have_is_refused() {
    let e = broken(
        "when = { fact = \"shipment.destination\", in = [\"RU\", \"BY\"] }",
        "when = { fact = \"shipment.signing_date\", after = 2023-12-18 }",
    );
    assert!(
        e.problems[0].message.contains("shipment.signing_date"),
        "{e}"
    );
    assert!(e.problems[0].position.is_some(), "{e}");
}

#[test]
fn rules_apply_only_within_their_dates() {
    use enduse::evaluate::evaluate_at;
    use enduse::model::{Evidence, Transaction};
    let text = BASE.replacen(
        "id = \"DEST-RU\"\nseverity = \"stop\"",
        "id = \"DEST-RU\"\nseverity = \"stop\"\napplies_from = 2024-03-20\napplies_until = 2024-12-19",
        1,
    );
    let rs = load(&text).expect("loads");
    let tx = Transaction::from_json(r#"{"shipment":{"destination":"RU"}}"#).expect("tx");
    let day = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
    let fired = |d: &str| {
        evaluate_at(&tx, &Evidence::default(), &rs, Lang::En, day(d))
            .findings
            .iter()
            .any(|f| f.rule == "DEST-RU")
    };
    assert!(!fired("2024-03-19"), "the day before applies_from");
    assert!(fired("2024-03-20"), "the first day");
    assert!(fired("2024-12-19"), "the last day");
    assert!(!fired("2024-12-20"), "the day after applies_until");
    // No date at all (the test ruleset names none): the rule counts as in force.
    let a = evaluate_at(&tx, &Evidence::default(), &rs, Lang::En, None);
    assert_eq!(a.as_of, None);
    assert!(a.findings.iter().any(|f| f.rule == "DEST-RU"));
}
