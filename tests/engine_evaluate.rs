//! Evaluator semantics on a small ruleset written for the purpose:
//! three-valued logic, quantifiers, scoring, missing information, templates.

use enduse::country::Country;
use enduse::evaluate::{Assessment, Rating, evaluate, evaluate_in};
use enduse::hs::HsCode;
use enduse::lang::Lang;
use enduse::model::{
    Answer, DeclarationStatus, Evidence, Fact, GoodsLine, Party, PartyRef, PartyScreening,
    ScreeningOutcome, Transaction,
};
use enduse::ruleset::Ruleset;

const RULES: &str = r#"
[ruleset]
id = "eval-test"
version = "1"
title = { en = "Evaluator test rules" }

[country_lists.hubs]
title = { en = "Hubs" }
countries = ["KZ", "KG", "AM"]

[hs_lists.chpl]
title = { en = "CHPL" }

[[hs_lists.chpl.tiers]]
tier = "1"
weight = 3
codes = ["854231"]

[[hs_lists.chpl.tiers]]
tier = "3.B"
codes = ["8482"]

[[rules]]
id = "DEST-RU"
severity = "stop"
title = { en = "To Russia" }
explanation = { en = "Goes to {shipment.destination}.", ru = "Направляется в {shipment.destination}." }
when = { fact = "shipment.destination", in = ["RU", "BY"] }
citations = [ { issuer = "EU", document = "Reg 833/2014" } ]

[[rules]]
id = "CHPL-HUB"
severity = "high"
title = { en = "CHPL to hub" }
explanation = { en = "{matched.hs} (tier {matched.tier}) to {shipment.destination}." }
citations = [ { issuer = "BIS", document = "CHPL" } ]
when = { all = [ { fact = "shipment.destination", in_list = "hubs" }, { any_line = { fact = "line.hs", in_hs_list = "chpl" } } ] }

[[rules]]
id = "SCREEN-HIT"
severity = "stop"
title = { en = "Screening hit" }
explanation = { en = "{matched.party.name} resembles a listed party." }
citations = [ { issuer = "OFAC", document = "SDN" } ]
when = { any_party = { fact = "party.screening", is = "potential_match" } }

[[rules]]
id = "NEW-ENTITY"
severity = "medium"
title = { en = "New company" }
explanation = { en = "{matched.parties} founded {matched.party.established}." }
citations = [ { issuer = "FinCEN", document = "FIN-2023-Alert004" } ]
when = { any_party = { fact = "party.established", after = 2022-02-24 } }

[[rules]]
id = "NO-CLAUSE"
severity = "medium"
title = { en = "No clause" }
explanation = { en = "No clause ({safeguards.no_russia_clause})." }
citations = [ { issuer = "EU", document = "Art. 12g" } ]
when = { not = { fact = "safeguards.no_russia_clause", is = "yes" } }

[[rules]]
id = "URGENT"
severity = "low"
title = { en = "Urgent" }
explanation = { en = "Urgent." }
citations = [ { issuer = "BIS", document = "Red flags" } ]
when = { fact = "signals.unusual_urgency", is = "yes" }

[[rules]]
id = "PACKAGING"
severity = "low"
title = { en = "Packaging" }
explanation = { en = "Packaging." }
citations = [ { issuer = "BIS", document = "Red flags" } ]
when = { fact = "signals.unusual_packaging", is = "yes" }

[[rules]]
id = "DECLINES"
severity = "low"
title = { en = "Declines installation" }
explanation = { en = "Declines." }
citations = [ { issuer = "BIS", document = "Red flags" } ]
when = { fact = "signals.declines_installation", is = "yes" }

[[rules]]
id = "END-USER-UNKNOWN"
severity = "medium"
title = { en = "End user not known" }
explanation = { en = "The end user's name is {end_user.name}." }
citations = [ { issuer = "BIS", document = "Know your customer" } ]
when = { unknown = "end_user.name" }

[[rules]]
id = "BIG-LINE"
severity = "low"
title = { en = "Big line" }
explanation = { en = "Line {matched.line.number}: {matched.line.value} {matched.line.currency}." }
citations = [ { issuer = "x", document = "y" } ]
when = { any_line = { fact = "line.value", ge = 100000 } }

[[rules]]
id = "PAYER-ELSEWHERE"
severity = "medium"
title = { en = "Payer elsewhere" }
explanation = { en = "Paid from {payment.payer_country}, buyer in {buyer.country}." }
citations = [ { issuer = "DOJ, BIS, OFAC", document = "Tri-Seal note" } ]
when = { fact = "payment.payer_country", differs_from = "buyer.country" }
"#;

fn rules() -> Ruleset {
    Ruleset::from_toml_str(RULES).unwrap_or_else(|e| panic!("{e}"))
}

fn c(code: &str) -> Fact<Country> {
    Fact::Known(Country::parse(code).unwrap())
}

fn line(hs: &str) -> GoodsLine {
    GoodsLine {
        hs: Fact::Known(HsCode::parse(hs).unwrap()),
        ..GoodsLine::default()
    }
}

/// A transaction where everything the test rules look at is answered harmlessly.
fn clean() -> Transaction {
    let mut tx = Transaction::default();
    tx.shipment.destination = c("DE");
    tx.goods.push(GoodsLine {
        value: Fact::Known(1000.0),
        ..line("940360")
    });
    for p in [
        &mut tx.parties.buyer,
        &mut tx.parties.consignee,
        &mut tx.parties.end_user,
    ] {
        p.name = "Known GmbH".into();
        p.established = Fact::Known("1990-01-01".parse().unwrap());
    }
    tx.parties.buyer.country = c("DE");
    tx.payment.payer_country = c("DE");
    tx.safeguards.no_russia_clause = Answer::Yes;
    tx.signals.unusual_urgency = Answer::No;
    tx.signals.unusual_packaging = Answer::No;
    tx.signals.declines_installation = Answer::No;
    tx
}

fn screened_clean(tx: &Transaction) -> Evidence {
    Evidence {
        screening: tx
            .parties()
            .map(|(party, _)| PartyScreening {
                party,
                outcome: ScreeningOutcome::NoListMatch,
                summary: String::new(),
            })
            .collect(),
        declaration: Fact::Known(DeclarationStatus::NotRequested),
        payment_screening: Vec::new(),
        // Lists not named: the outcomes are taken as asserted.
        lists: None,
    }
}

fn ids(a: &Assessment) -> Vec<&str> {
    a.findings.iter().map(|f| f.rule.as_str()).collect()
}

#[test]
fn clean_transaction_is_low_with_nothing_missing() {
    let tx = clean();
    let a = evaluate(&tx, &screened_clean(&tx), &rules());
    assert_eq!(a.rating, Rating::Low, "{:?}", ids(&a));
    assert!(a.findings.is_empty(), "{:?}", ids(&a));
    assert!(a.missing.is_empty(), "{:?}", a.missing);
    assert_eq!(a.worst_case, Rating::Low);
    assert_eq!(a.ruleset.id, "eval-test");
    assert_eq!(a.ruleset.sha256, rules().sha256());
}

#[test]
fn stop_rule_fires_and_explains_in_the_report_language() {
    let mut tx = clean();
    tx.shipment.destination = c("RU");
    let ev = screened_clean(&tx);
    let a = evaluate(&tx, &ev, &rules());
    assert_eq!(a.rating, Rating::Stop);
    assert_eq!(a.findings[0].rule, "DEST-RU");
    assert_eq!(a.findings[0].explanation, "Goes to Russia.");
    assert_eq!(a.findings[0].triggers, ["shipment.destination"]);
    let ru = evaluate_in(&tx, &ev, &rules(), Lang::Ru);
    assert_eq!(ru.findings[0].explanation, "Направляется в Россия.");
    // kk has no translation: falls back to the English template, Kazakh values
    let kk = evaluate_in(&tx, &ev, &rules(), Lang::Kk);
    assert_eq!(kk.findings[0].explanation, "Goes to Ресей.");
}

#[test]
fn unknown_destination_is_missing_information_that_could_stop() {
    let mut tx = clean();
    tx.shipment.destination = Fact::Unknown;
    let a = evaluate(&tx, &screened_clean(&tx), &rules());
    assert_eq!(a.rating, Rating::Low);
    assert_eq!(a.worst_case, Rating::Stop);
    let m = &a.missing[0];
    assert_eq!(m.fact, "shipment.destination");
    assert_eq!(m.label(), "Destination country");
    assert_eq!(m.could_reach, Rating::Stop);
    assert!(m.changes_rating);
    assert!(m.rules.iter().any(|x| *x == "DEST-RU"));
    assert!(m.rules.iter().any(|x| *x == "CHPL-HUB") || !tx.goods.is_empty());
}

#[test]
fn a_false_part_settles_all_despite_unknowns() {
    // Destination DE is not a hub, so an unknown HS code cannot make CHPL-HUB fire.
    let mut tx = clean();
    tx.goods = vec![GoodsLine::default()];
    let a = evaluate(&tx, &screened_clean(&tx), &rules());
    assert!(
        a.missing
            .iter()
            .all(|m| !m.rules.iter().any(|x| *x == "CHPL-HUB"))
    );
    // To a hub, the unknown HS code is missing information.
    tx.shipment.destination = c("KZ");
    let a = evaluate(&tx, &screened_clean(&tx), &rules());
    let m = a
        .missing
        .iter()
        .find(|m| m.fact == "goods.0.hs")
        .expect("goods.0.hs missing");
    assert_eq!(m.rules, ["CHPL-HUB"]);
    assert_eq!(m.could_reach, Rating::High);
}

#[test]
fn tier_weight_multiplies_and_template_quotes_the_match() {
    let mut tx = clean();
    tx.shipment.destination = c("KZ");
    tx.goods = vec![line("940360"), GoodsLine::default(), line("8542.31.90")];
    let a = evaluate(&tx, &screened_clean(&tx), &rules());
    let f = a.findings.iter().find(|f| f.rule == "CHPL-HUB").unwrap();
    assert_eq!(f.score, 30, "high (10) x tier-1 weight (3)");
    assert_eq!(
        f.explanation,
        "8542319 (tier 1) to Kazakhstan.".replace("8542319", "85423190")
    );
    assert!(f.triggers.iter().any(|x| *x == "goods.2.hs"));
    // One matching line settles the quantifier: the unknown line 1 is not missing for it.
    assert!(a.missing.iter().all(|m| m.fact != "goods.1.hs"));
    assert_eq!(a.rating, Rating::High);
    // A tier without weight counts once.
    tx.goods = vec![line("848210")];
    let a = evaluate(&tx, &screened_clean(&tx), &rules());
    let f = a.findings.iter().find(|f| f.rule == "CHPL-HUB").unwrap();
    assert_eq!(
        (f.score, f.explanation.as_str()),
        (10, "848210 (tier 3.B) to Kazakhstan.")
    );
}

#[test]
fn evidence_drives_party_rules() {
    let mut tx = clean();
    tx.parties.intermediaries.push(Party {
        name: "Gulf Links FZE".into(),
        established: Fact::Known("2015-01-01".parse().unwrap()),
        ..Party::default()
    });
    let mut ev = screened_clean(&tx);
    let a = evaluate(&tx, &ev, &rules());
    assert_eq!(a.rating, Rating::Low);
    ev.screening
        .retain(|s| s.party != PartyRef::Intermediary(0));
    let a = evaluate(&tx, &ev, &rules());
    let m = a
        .missing
        .iter()
        .find(|m| m.fact == "intermediary.0.screening")
        .expect("unscreened party not reported");
    assert_eq!(
        (m.could_reach, m.label().as_str()),
        (Rating::Stop, "Intermediary 1: restricted-party screening")
    );
    ev.screening.push(PartyScreening {
        party: PartyRef::Intermediary(0),
        outcome: ScreeningOutcome::PotentialMatch,
        summary: "91% SDN".into(),
    });
    let a = evaluate(&tx, &ev, &rules());
    assert_eq!(a.rating, Rating::Stop);
    assert_eq!(
        a.findings[0].explanation,
        "Gulf Links FZE resembles a listed party."
    );
    assert_eq!(a.findings[0].triggers, ["intermediary.0.screening"]);
}

#[test]
fn dates_and_matched_party_lists() {
    let mut tx = clean();
    tx.parties.buyer.established = Fact::Known("2022-05-04".parse().unwrap());
    tx.parties.buyer.country = c("KZ");
    tx.parties.end_user.established = Fact::Known("2022-02-24".parse().unwrap());
    let a = evaluate(&tx, &screened_clean(&tx), &rules());
    let f = a.findings.iter().find(|f| f.rule == "NEW-ENTITY").unwrap();
    // 24 Feb 2022 itself is not "after"
    assert_eq!(f.explanation, "Known GmbH (Kazakhstan) founded 2022-05-04.");
    assert_eq!(a.rating, Rating::Medium);
}

#[test]
fn negation_keeps_unknown_and_cites_the_answer() {
    let mut tx = clean();
    tx.safeguards.no_russia_clause = Answer::Unknown;
    let a = evaluate(&tx, &screened_clean(&tx), &rules());
    assert!(!ids(&a).contains(&"NO-CLAUSE"));
    let m = a
        .missing
        .iter()
        .find(|m| m.fact == "safeguards.no_russia_clause")
        .unwrap();
    assert_eq!((m.could_reach, m.changes_rating), (Rating::Medium, true));
    tx.safeguards.no_russia_clause = Answer::No;
    let a = evaluate(&tx, &screened_clean(&tx), &rules());
    let f = a.findings.iter().find(|f| f.rule == "NO-CLAUSE").unwrap();
    assert_eq!(f.explanation, "No clause (no).");
    assert_eq!(f.triggers, ["safeguards.no_russia_clause"]);
}

#[test]
fn unknown_condition_fires_on_missing_answer() {
    let mut tx = clean();
    tx.parties.end_user.name = "  ".into();
    let a = evaluate(&tx, &screened_clean(&tx), &rules());
    let f = a
        .findings
        .iter()
        .find(|f| f.rule == "END-USER-UNKNOWN")
        .unwrap();
    assert_eq!(f.explanation, "The end user's name is unknown.");
    assert_eq!(f.triggers, ["end_user.name"]);
}

#[test]
fn scores_add_up_to_thresholds() {
    let mut tx = clean();
    tx.signals.unusual_urgency = Answer::Yes;
    tx.signals.unusual_packaging = Answer::Yes;
    let a = evaluate(&tx, &screened_clean(&tx), &rules());
    assert_eq!((a.rating, a.score), (Rating::Low, 2));
    tx.signals.declines_installation = Answer::Yes;
    let a = evaluate(&tx, &screened_clean(&tx), &rules());
    assert_eq!(
        (a.rating, a.score),
        (Rating::Medium, 3),
        "3 lows reach medium_from"
    );
    // 3 lows + 3 mediums... here: + no clause (3) + new entity (3) + end user unknown (3) = 12 -> High
    tx.safeguards.no_russia_clause = Answer::No;
    tx.parties.buyer.established = Fact::Known("2023-01-01".parse().unwrap());
    tx.parties.end_user.name.clear();
    let a = evaluate(&tx, &screened_clean(&tx), &rules());
    assert_eq!((a.rating, a.score), (Rating::High, 12), "{:?}", ids(&a));
    assert_eq!(
        a.findings.last().map(|f| f.severity.as_str()),
        Some("low"),
        "most severe first"
    );
}

#[test]
fn numbers_render_plainly() {
    let mut tx = clean();
    tx.goods[0].value = Fact::Known(250000.0);
    tx.goods[0].currency = Fact::Known(enduse::model::Currency::parse("EUR").unwrap());
    let a = evaluate(&tx, &screened_clean(&tx), &rules());
    let f = a.findings.iter().find(|f| f.rule == "BIG-LINE").unwrap();
    assert_eq!(f.explanation, "Line 1: 250000 EUR.");
}

#[test]
fn evaluation_is_deterministic() {
    let mut tx = clean();
    tx.shipment.destination = Fact::Unknown;
    tx.parties.intermediaries.push(Party::default());
    let ev = Evidence::default();
    let a = evaluate(&tx, &ev, &rules());
    let b = evaluate(&tx, &ev, &rules());
    assert_eq!(a, b);
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
}

#[test]
fn empty_draft_reports_what_to_ask_first() {
    let a = evaluate(&Transaction::default(), &Evidence::default(), &rules());
    assert_eq!(a.worst_case, Rating::Stop);
    assert!(
        a.missing
            .first()
            .is_some_and(|m| m.could_reach == Rating::Stop)
    );
    // sorted: everything that changes the rating comes first
    let first_non_changing = a
        .missing
        .iter()
        .position(|m| !m.changes_rating)
        .unwrap_or(a.missing.len());
    assert!(
        a.missing[first_non_changing..]
            .iter()
            .all(|m| !m.changes_rating)
    );
}

#[test]
fn facts_compared_with_each_other() {
    let mut tx = clean();
    let ev = screened_clean(&tx);
    assert!(!ids(&evaluate(&tx, &ev, &rules())).contains(&"PAYER-ELSEWHERE"));
    tx.payment.payer_country = c("AE");
    let a = evaluate(&tx, &ev, &rules());
    let f = a
        .findings
        .iter()
        .find(|f| f.rule == "PAYER-ELSEWHERE")
        .unwrap();
    assert_eq!(
        f.explanation,
        "Paid from United Arab Emirates, buyer in Germany."
    );
    assert_eq!(f.triggers, ["payment.payer_country", "buyer.country"]);
    tx.parties.buyer.country = Fact::Unknown;
    let a = evaluate(&tx, &ev, &rules());
    let m = a
        .missing
        .iter()
        .find(|m| m.fact == "buyer.country")
        .unwrap();
    assert_eq!(m.rules, ["PAYER-ELSEWHERE"]);
}

#[test]
fn format_doc_example_transaction_deserialises() {
    let doc = include_str!("../docs/ruleset-format.md");
    let section = doc.split("## 7.").nth(1).expect("format doc has a §7");
    let json = section
        .split("```json")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("§7 has a json block");
    let tx = Transaction::from_json(json).unwrap_or_else(|e| panic!("doc example: {e}"));
    assert_eq!(tx.goods.len(), 1);
    assert_eq!(tx.parties.intermediaries.len(), 1);
    assert!(tx.shipment.freight_forwarder.is_some());
    // and it rates something sensible with the embedded ruleset
    let rs = Ruleset::embedded().unwrap_or_else(|e| panic!("{e}"));
    assert!(evaluate(&tx, &Evidence::default(), &rs).rating >= Rating::High);
}

#[test]
fn answers_whose_absence_fires_a_rule_are_missing_information() {
    let tx = Transaction::from_json(
        r#"{"exporter":{"country":"DE"},"goods":[{"hs":"848210","quantity":10}],
            "shipment":{"destination":"KG"},
            "chain":[{"party":"KazPumpMash","country":"KZ","role":"re_exporter","quantities":[10]},
                     {"party":"Bishkek Pump","country":"KG","quantities":[10]}]}"#,
    )
    .unwrap();
    let rs = Ruleset::embedded().unwrap();
    let a = evaluate(&tx, &Evidence::default(), &rs);
    assert!(
        a.findings
            .iter()
            .any(|f| f.rule == "CHAIN-FINAL-UNKNOWN-CHPL")
    );
    let role = a
        .missing
        .iter()
        .find(|m| m.fact == "chain.1.role")
        .expect("the last hop's role is listed as missing");
    assert!(role.rules.iter().any(|x| *x == "CHAIN-FINAL-UNKNOWN-CHPL"));
    assert_eq!(role.label(), "Hop 2: role");
    assert_eq!(role.could_reach, a.rating);
    assert!(!role.changes_rating);
    let end_user = a
        .missing
        .iter()
        .find(|m| m.fact == "end_user.name")
        .unwrap();
    assert!(end_user.rules.iter().any(|x| *x == "END-USER-UNKNOWN-CHPL"));
}

#[test]
fn chain_findings_name_their_hops() {
    let tx = Transaction::from_json(
        r#"{"exporter":{"country":"DE"},"goods":[{"hs":"848210","quantity":10}],
            "shipment":{"destination":"KZ"},"parties":{"end_user":{"name":"KazPump","country":"KZ"}},
            "chain":[{"party":"KazPumpMash","country":"KZ","role":"re_exporter","quantities":[10]},
                     {"party":"Yerevan Hydro","country":"AM","role":"end_user","quantities":[10]}]}"#,
    )
    .unwrap();
    let a = evaluate(&tx, &Evidence::default(), &Ruleset::embedded().unwrap());
    let mismatch = a
        .findings
        .iter()
        .find(|f| f.rule == "CHAIN-DEST-MISMATCH")
        .unwrap();
    assert_eq!(mismatch.hops, vec![1]);
    assert!(
        mismatch.triggers.iter().any(|x| *x == "chain.1.country"),
        "{:?}",
        mismatch.triggers
    );
    let onward = a
        .findings
        .iter()
        .find(|f| f.rule == "CHAIN-EAEU-ONWARD")
        .unwrap();
    assert_eq!(onward.hops, vec![1]);
    assert!(
        onward
            .explanation
            .contains("hop 2: Yerevan Hydro (Armenia)"),
        "{}",
        onward.explanation
    );
    let docs = a
        .findings
        .iter()
        .find(|f| f.rule == "CHAIN-KZ-REEXPORT-DOCS")
        .unwrap();
    assert_eq!(docs.hops, vec![0]);
    let dest = a.findings.iter().find(|f| f.rule == "DEST-EAEU").unwrap();
    assert!(dest.hops.is_empty());
}
