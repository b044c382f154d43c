//! Mitigations (inherent → residual severity) and fact-to-fact comparisons:
//! what the loader refuses, with positions, and what the evaluator makes of them.

use enduse::country::Country;
use enduse::evaluate::{Rating, evaluate};
use enduse::model::{Answer, Evidence, Fact, Party, Transaction};
use enduse::ruleset::{Ruleset, RulesetError, Severity};

const BASE: &str = r#"
[ruleset]
id = "test-mitigations"
version = "1"
title = { en = "Mitigation tests" }

[country_lists.eaeu]
title = { en = "EAEU" }
countries = ["KZ", "KG", "AM"]

[mitigations.own_account]
title = { en = "Payment from the buyer's own account in its own country" }
steps = 1
citations = [ { issuer = "EC", document = "Best practices for enhanced due diligence" } ]

[mitigations.own_account.when]
all = [
  { fact = "payment.payer_name", same_as = "buyer.name" },
  { fact = "payment.payer_country", same_as = "buyer.country" },
  { fact = "payment.bank_country", same_as = "buyer.country" },
]

[mitigations.known_customer]
title = { en = "Long-standing customer" }
when = { fact = "buyer.previous_dealings", is = "yes" }
citations = [ { issuer = "BIS", document = "Know Your Customer guidance" } ]

[[rules]]
id = "DEST-RU"
severity = "stop"
title = { en = "To Russia" }
explanation = { en = "Goes to {shipment.destination}." }
when = { fact = "shipment.destination", is = "RU" }
citations = [ { issuer = "EU", document = "Reg 833/2014" } ]

[[rules]]
id = "DEST-EAEU"
severity = "medium"
floor = "low"
mitigated_by = ["own_account", "known_customer"]
title = { en = "EAEU destination" }
explanation = { en = "Goes to {shipment.destination}." }
when = { fact = "shipment.destination", in_list = "eaeu" }
citations = [ { issuer = "FinCEN, BIS", document = "FIN-2022-Alert003" } ]

[[rules]]
id = "PAYER-ELSEWHERE"
severity = "high"
floor = "medium"
mitigated_by = ["known_customer"]
title = { en = "Payer in another country than the buyer" }
explanation = { en = "Payer in {payment.payer_country}, buyer in {buyer.country}." }
when = { fact = "payment.payer_country", differs_from = "buyer.country" }
citations = [ { issuer = "FinCEN, BIS", document = "FIN-2022-Alert003" } ]

[[rules]]
id = "MANY-TRANSIT"
severity = "low"
title = { en = "Several transit countries" }
explanation = { en = "Through {shipment.transit_countries}." }
when = { fact = "shipment.transit_count", ge = 2 }
citations = [ { issuer = "BIS", document = "Red flags" } ]

[[rules]]
id = "RECEIVED-BEFORE-SHIPPED"
severity = "medium"
title = { en = "Hop received before it was shipped" }
explanation = { en = "{matched.hops}" }
when = { any_hop = { fact = "hop.received", earlier_than = "hop.shipped" } }
citations = [ { issuer = "BIS", document = "Red flags" } ]
"#;

fn load(text: &str) -> Result<Ruleset, RulesetError> {
    Ruleset::from_toml_str(text)
}

fn rules() -> Ruleset {
    match load(BASE) {
        Ok(rs) => rs,
        Err(e) => panic!("BASE does not load:\n{e}"),
    }
}

/// Loads `BASE` with `from` replaced by `to`; returns the problems as text.
fn refused(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "test bug: {from:?} not in BASE");
    match load(&BASE.replacen(from, to, 1)) {
        Ok(_) => panic!("ruleset with {to:?} instead of {from:?} was accepted"),
        Err(e) => {
            assert!(
                e.problems.iter().all(|p| p.position.is_some()),
                "a problem without position: {e}"
            );
            e.to_string()
        }
    }
}

fn kz(c: &str) -> Fact<Country> {
    Fact::Known(Country::parse(c).unwrap())
}

/// A Kazakh buyer paying from its own Kazakh account.
fn kazakh_trade() -> Transaction {
    let mut tx = Transaction::default();
    tx.shipment.destination = kz("KZ");
    tx.parties.buyer = Party {
        name: "TOO Dala Dairy".into(),
        country: kz("KZ"),
        ..Party::default()
    };
    tx.payment.payer_name = "too dala-dairy".into();
    tx.payment.payer_country = kz("KZ");
    tx.payment.bank_country = kz("KZ");
    tx
}

fn finding<'a>(a: &'a enduse::evaluate::Assessment, id: &str) -> &'a enduse::evaluate::Finding {
    match a.findings.iter().find(|f| f.rule == id) {
        Some(f) => f,
        None => panic!("{id} did not fire: {:?}", a.findings),
    }
}

#[test]
fn base_loads_with_mitigations_resolved() {
    let rs = rules();
    assert_eq!(rs.mitigations().len(), 2);
    let rule = rs.rule("DEST-EAEU").unwrap();
    assert_eq!(rule.floor(), Severity::Low);
    assert_eq!(rule.mitigated_by().len(), 2);
    // A rule without mitigations keeps its own severity as floor.
    assert_eq!(rs.rule("MANY-TRANSIT").unwrap().floor(), Severity::Low);
    assert_eq!(rs.rule("DEST-RU").unwrap().floor(), Severity::Stop);
}

#[test]
fn a_stop_cannot_be_mitigated() {
    let text = refused(
        "citations = [ { issuer = \"EU\", document = \"Reg 833/2014\" } ]",
        "citations = [ { issuer = \"EU\", document = \"Reg 833/2014\" } ]\nmitigated_by = [\"known_customer\"]\nfloor = \"high\"",
    );
    assert!(text.contains("cannot be mitigated"), "{text}");
    assert!(text.contains("never lowered"), "{text}");
}

#[test]
fn unknown_mitigations_and_unused_ones_are_refused() {
    let text = refused(
        "mitigated_by = [\"own_account\", \"known_customer\"]",
        "mitigated_by = [\"own_acount\", \"known_customer\"]",
    );
    assert!(text.contains("unknown mitigation \"own_acount\""), "{text}");
    assert!(text.contains("named by no rule"), "{text}");
    let text = refused(
        "mitigated_by = [\"known_customer\"]",
        "mitigated_by = [\"known_customer\", \"known_customer\"]",
    );
    assert!(text.contains("named twice"), "{text}");
}

#[test]
fn floors_and_steps_are_checked() {
    let text = refused("floor = \"medium\"", "floor = \"stop\"");
    assert!(text.contains("above the rule's severity"), "{text}");
    let text = refused("steps = 1", "steps = 4");
    assert!(text.contains("steps must be 1, 2 or 3"), "{text}");
}

#[test]
fn mitigations_need_citations_and_known_answers() {
    let text = refused(
        "citations = [ { issuer = \"BIS\", document = \"Know Your Customer guidance\" } ]",
        "",
    );
    assert!(text.contains("needs at least one citation"), "{text}");
    let text = refused(
        "when = { fact = \"buyer.previous_dealings\", is = \"yes\" }",
        "when = { unknown = \"buyer.previous_dealings\" }",
    );
    assert!(text.contains("never mitigates"), "{text}");
    let text = refused(
        "when = { fact = \"buyer.previous_dealings\", is = \"yes\" }",
        "when = { fact = \"buyer.previous_deals\", is = \"yes\" }",
    );
    assert!(
        text.contains("unknown fact \"buyer.previous_deals\""),
        "{text}"
    );
}

#[test]
fn comparisons_refuse_incompatible_kinds_with_position() {
    let text = refused(
        "differs_from = \"buyer.country\"",
        "differs_from = \"buyer.name\"",
    );
    assert!(text.contains("cannot compare"), "{text}");
    let line = BASE
        .lines()
        .position(|l| l.contains("differs_from = \"buyer.country\""))
        .unwrap()
        + 1;
    assert!(text.starts_with(&format!("{line}:")), "{text}");
    let text = refused(
        "earlier_than = \"hop.shipped\"",
        "earlier_than = \"hop.country\"",
    );
    assert!(text.contains("compare two dates"), "{text}");
    let text = refused(
        "{ fact = \"shipment.transit_count\", ge = 2 }",
        "{ fact = \"shipment.transit_countries\", same_as = \"shipment.transit_countries\" }",
    );
    assert!(text.contains("not a list"), "{text}");
}

#[test]
fn mitigation_lowers_residual_not_inherent() {
    let rs = rules();
    let a = evaluate(&kazakh_trade(), &Evidence::default(), &rs);
    let f = finding(&a, "DEST-EAEU");
    assert_eq!(f.inherent, Severity::Medium);
    assert_eq!(f.severity, Severity::Low);
    assert_eq!(f.mitigated_by.len(), 1, "{f:?}");
    assert_eq!(&*f.mitigated_by[0].id, "own_account");
    // At its floor: nothing more to suggest.
    assert!(f.could_be_mitigated_by.is_empty());
    assert_eq!(a.inherent_rating, Rating::Medium);
    assert_eq!(a.rating, Rating::Low);
    assert!(a.score < a.inherent_score);
}

#[test]
fn unknown_answers_never_mitigate() {
    let rs = rules();
    let mut tx = kazakh_trade();
    tx.payment.bank_country = Fact::Unknown;
    let a = evaluate(&tx, &Evidence::default(), &rs);
    let f = finding(&a, "DEST-EAEU");
    assert_eq!(f.severity, Severity::Medium);
    assert!(f.mitigated_by.is_empty());
    let open: Vec<&str> = f.could_be_mitigated_by.iter().map(|m| &*m.id).collect();
    assert_eq!(open, ["own_account", "known_customer"]);
    assert_eq!(a.rating, Rating::Medium);
}

#[test]
fn floor_holds_and_stop_stays() {
    let rs = rules();
    let mut tx = kazakh_trade();
    tx.payment.payer_country = kz("KG");
    tx.parties.buyer.previous_dealings = Answer::Yes;
    let a = evaluate(&tx, &Evidence::default(), &rs);
    let f = finding(&a, "PAYER-ELSEWHERE");
    assert_eq!((f.inherent, f.severity), (Severity::High, Severity::Medium));
    tx.shipment.destination = kz("RU");
    let a = evaluate(&tx, &Evidence::default(), &rs);
    assert_eq!(finding(&a, "DEST-RU").severity, Severity::Stop);
    assert_eq!(a.rating, Rating::Stop);
}

#[test]
fn names_compare_ignoring_case_and_punctuation() {
    let rs = rules();
    let mut tx = kazakh_trade();
    tx.payment.payer_name = "TOO Dala Trading".into();
    let a = evaluate(&tx, &Evidence::default(), &rs);
    assert_eq!(finding(&a, "DEST-EAEU").severity, Severity::Medium);
}

#[test]
fn counts_distinct_transit_countries() {
    let rs = rules();
    let mut tx = kazakh_trade();
    let c = |s: &str| Country::parse(s).unwrap();
    tx.shipment.transit_countries = Fact::Known(vec![c("GE"), c("GE")]);
    let a = evaluate(&tx, &Evidence::default(), &rs);
    assert!(!a.findings.iter().any(|f| f.rule == "MANY-TRANSIT"));
    tx.shipment.transit_countries = Fact::Known(vec![c("GE"), c("AZ")]);
    let a = evaluate(&tx, &Evidence::default(), &rs);
    finding(&a, "MANY-TRANSIT");
    tx.shipment.transit_countries = Fact::Unknown;
    let a = evaluate(&tx, &Evidence::default(), &rs);
    assert!(
        a.missing
            .iter()
            .any(|m| m.fact == "shipment.transit_count" || m.fact == "shipment.transit_countries"),
        "{:?}",
        a.missing
    );
}

#[test]
fn dates_compare_with_dates() {
    let rs = rules();
    let mut tx = kazakh_trade();
    let d = |s: &str| Fact::Known(chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap());
    let hop = enduse::model::Hop {
        shipped: d("2025-03-10"),
        received: d("2025-03-01"),
        ..Default::default()
    };
    tx.chain.push(hop);
    let a = evaluate(&tx, &Evidence::default(), &rs);
    assert_eq!(finding(&a, "RECEIVED-BEFORE-SHIPPED").hops, vec![0usize]);
    tx.chain[0].received = d("2025-03-12");
    let a = evaluate(&tx, &Evidence::default(), &rs);
    assert!(
        !a.findings
            .iter()
            .any(|f| f.rule == "RECEIVED-BEFORE-SHIPPED")
    );
}
