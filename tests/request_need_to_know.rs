//! Need to know: a declaration request carries only what the counterparty
//! must see — who asks, the goods, the parties as the exporter names them,
//! the request's own id, language and date — and never the exporter's
//! internal answers (previous dealings, residential address, business fit,
//! web presence, relationships), signals, payment, safeguards, findings or
//! screening.
//!
//! The test builds a request from every golden scenario's transaction (with
//! every party's internal answers set, so a leak cannot hide behind an
//! empty value), walks the sealed body and fails on any member path that is
//! not on the allow-list below.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::{TimeZone, Utc};
use enduse::lang::Lang;
use enduse::model::{Answer, Transaction};
use enduse::record::convert::request_from_domain;
use enduse::record::{open_request, seal_request};
use serde_json::Value;

/// Every member path a request body may have (`[]` stands for any index).
const ALLOWED: &[&str] = &[
    "request_id",
    "language",
    "created",
    "created.utc",
    "created.offset_minutes",
    "exporter",
    "exporter.name",
    "exporter.country",
    "goods",
    "goods[]",
    "goods[].hs_code",
    "goods[].description",
    "goods[].quantity",
    "goods[].unit",
    "goods[].origin",
    "goods[].manufacturer",
    "parties",
    "parties[]",
    "parties[].role",
    "parties[].name",
    "parties[].country",
    "parties[].address",
    "forwarded",
    "forwarded.chain_id",
    "forwarded.hop",
    "forwarded.previous_response",
    "forwarded.forwarded_by",
];

/// Members the frozen v1 goods line requires, which a request always leaves
/// `null`: prices are between the exporter and its buyer, and a request can
/// reach another party.
const ALWAYS_NULL: &[&str] = &["goods[].value", "goods[].currency"];

fn paths(value: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                if ALWAYS_NULL.contains(&path.as_str()) {
                    assert!(v.is_null(), "`{path}` must be null in a request, found {v}");
                    continue;
                }
                out.insert(path.clone());
                paths(v, &path, out);
            }
        }
        Value::Array(items) => {
            let path = format!("{prefix}[]");
            for v in items {
                out.insert(path.clone());
                paths(v, &path, out);
            }
        }
        _ => {}
    }
}

/// Every party's internal answers set to a value that would show.
fn with_internal_answers(mut tx: Transaction) -> Transaction {
    let mark = |p: &mut enduse::model::Party| {
        p.previous_dealings = Answer::Yes;
        p.residential_address = Answer::Yes;
        p.business_matches_goods = Answer::No;
        p.web_presence = Answer::No;
        p.related_to_other_parties = Answer::Yes;
        p.relationship = "INTERNAL-RELATIONSHIP-NOTE".into();
        p.registration_number = "INTERNAL-REG-123".into();
        p.website = "https://internal.example".into();
        p.owned_by_russia_belarus = Answer::Yes;
        p.related_to_exporter = Answer::Yes;
        p.prior_russia_business = Answer::Yes;
    };
    mark(&mut tx.parties.buyer);
    mark(&mut tx.parties.consignee);
    mark(&mut tx.parties.end_user);
    tx.parties.intermediaries.iter_mut().for_each(mark);
    if let Some(forwarder) = tx.shipment.freight_forwarder.as_mut() {
        mark(forwarder);
    }
    tx.payment.payer_name = "INTERNAL-PAYER".into();
    tx.payment.bank_name = "INTERNAL-BANK".into();
    // The exporter's own compliance profile and classification.
    tx.exporter.risk_assessment = Answer::No;
    tx.exporter.non_eu_subsidiaries = Answer::Yes;
    tx.goods.iter_mut().for_each(|g| g.dual_use = Answer::Yes);
    tx
}

fn scenario_transactions() -> Vec<(String, Transaction)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("scenarios folder") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable");
        let value: Value = serde_json::from_str(&text).expect("json");
        let tx = Transaction::from_json(&value["transaction"].to_string()).expect("transaction");
        out.push((path.display().to_string(), with_internal_answers(tx)));
    }
    assert!(out.len() >= 10, "the golden scenarios are there");
    out
}

#[test]
fn request_members_are_on_the_allow_list() {
    let allowed: BTreeSet<&str> = ALLOWED.iter().copied().collect();
    let created = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).single().unwrap();
    let mut seen = BTreeSet::new();
    for (name, tx) in scenario_transactions() {
        let request = request_from_domain(&tx, "req-0123456789ab", Lang::Ru, created, 60)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let sealed = seal_request(&request, None).expect("seals");
        let envelope: Value = serde_json::from_str(&sealed.json).expect("json");
        let mut found = BTreeSet::new();
        paths(&envelope["body"], "", &mut found);
        for path in &found {
            assert!(
                allowed.contains(path.as_str()),
                "{name}: the request carries `{path}`, which the counterparty does not need"
            );
        }
        for leak in [
            "INTERNAL-RELATIONSHIP-NOTE",
            "INTERNAL-REG-123",
            "internal.example",
            "INTERNAL-PAYER",
            "INTERNAL-BANK",
        ] {
            assert!(!sealed.json.contains(leak), "{name}: `{leak}` leaked");
        }
        // The new shape still opens (and so verifies) as a request.
        open_request(sealed.json.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        seen.extend(found);
    }
    // The scenarios exercise the members that matter, so the test cannot pass
    // on requests that are empty.
    for needed in ["parties[].name", "parties[].role", "goods[].description"] {
        assert!(seen.contains(needed), "no scenario produced `{needed}`");
    }
}
