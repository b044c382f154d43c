//! Domain → v1: a real transaction evaluated by the real ruleset becomes a
//! record that seals, verifies and reads back with the same facts.

use chrono::{TimeZone, Utc};
use enduse::evaluate::evaluate;
use enduse::lang::Lang;
use enduse::model::{DeclarationStatus, Evidence, Fact, Transaction};
use enduse::record::convert::{RecordContext, record_from_domain, request_from_domain};
use enduse::record::v1;
use enduse::record::*;
use enduse::ruleset::Ruleset;

const TRANSACTION: &str = r#"{
  "reference": "PO-7",
  "exporter": {"name": "Müller GmbH", "country": "DE"},
  "goods": [
    {"hs": "8542.31", "description": "MCU", "quantity": 0.1, "unit": "kg", "value": 1250.5, "currency": "EUR"},
    {"description": "unknown item"}
  ],
  "parties": {
    "buyer": {"name": "Kulan Trade", "country": "KZ", "web_presence": "no"},
    "intermediaries": [{"name": "Gulf Link FZE"}]
  },
  "shipment": {"destination": "KZ", "transit_countries": ["CN"]},
  "payment": {"payer_country": "AM", "third_party_payer": "yes"}
}"#;

fn context() -> RecordContext {
    RecordContext {
        created: Utc.with_ymd_and_hms(2024, 3, 20, 9, 5, 7).unwrap(),
        offset_minutes: 300,
        signatory: v1::Signatory {
            name: "Anna Schmidt".into(),
            role: "Compliance".into(),
        },
        declarations: vec![],
        screening: None,
    }
}

#[test]
fn an_evaluated_transaction_becomes_a_verifiable_record() {
    let tx = Transaction::from_json(TRANSACTION).unwrap();
    let evidence = Evidence {
        declaration: Fact::Known(DeclarationStatus::Requested),
        ..Evidence::default()
    };
    let ruleset = Ruleset::embedded().unwrap();
    let assessment = evaluate(&tx, &evidence, &ruleset);
    let record = record_from_domain(&tx, &evidence, &assessment, context()).unwrap();

    assert_eq!(record.ruleset.id.as_str(), ruleset.id());
    assert_eq!(record.ruleset.sha256.hex(), ruleset.sha256());
    assert_eq!(record.assessment.score, assessment.score);
    // The record carries the day the law was applied as of (the ruleset's date here).
    assert_eq!(record.assessment.as_of, ruleset.updated());
    assert_eq!(record.assessment.findings.len(), assessment.findings.len());
    let line = &record.transaction.goods[0];
    assert_eq!(line.hs_code.as_ref().map(|h| h.as_str()), Some("854231"));
    assert_eq!(line.quantity.as_ref().map(|q| q.as_str()), Some("0.1"));
    assert_eq!(line.value.as_ref().map(|v| v.as_str()), Some("1250.5"));
    assert_eq!(record.transaction.goods[1].quantity, None);
    let roles: Vec<v1::PartyRole> = record.transaction.parties.iter().map(|p| p.role).collect();
    assert_eq!(
        roles,
        vec![
            v1::PartyRole::Buyer,
            v1::PartyRole::Consignee,
            v1::PartyRole::EndUser,
            v1::PartyRole::Intermediary
        ]
    );
    assert_eq!(
        record
            .transaction
            .signals
            .get(&v1::Id::new("price_vs_market").unwrap()),
        Some(&v1::Id::new("unknown").unwrap())
    );
    assert_eq!(
        serde_json::to_string(&record.created.utc).unwrap(),
        "\"2024-03-20T09:05:07Z\""
    );
    assert_eq!(
        record.declaration_status,
        Some(v1::DeclarationStatus::Requested)
    );

    let sealed = seal_record(&record, Some(&SecretKey::from_seed([3; 32]))).unwrap();
    assert_eq!(verify(sealed.json.as_bytes()).state, VerifyState::Valid);
    assert_eq!(open_record(sealed.json.as_bytes()).unwrap().body, record);
}

#[test]
fn values_v1_cannot_hold_are_refused_with_their_path() {
    let mut tx = Transaction::from_json(TRANSACTION).unwrap();
    tx.goods[1].quantity = Fact::Known(-3.0);
    let evidence = Evidence::default();
    let assessment = evaluate(&tx, &evidence, &Ruleset::embedded().unwrap());
    let err = record_from_domain(&tx, &evidence, &assessment, context()).unwrap_err();
    assert_eq!(err.path, "goods[1].quantity");

    let mut bad_offset = context();
    bad_offset.offset_minutes = 2000;
    let tx = Transaction::from_json(TRANSACTION).unwrap();
    assert!(record_from_domain(&tx, &evidence, &assessment, bad_offset).is_err());
}

#[test]
fn a_request_is_prefilled_from_the_transaction() {
    let tx = Transaction::from_json(TRANSACTION).unwrap();
    let request = request_from_domain(
        &tx,
        "req-7",
        Lang::Kk,
        Utc.with_ymd_and_hms(2024, 3, 21, 8, 0, 0).unwrap(),
        360,
    )
    .unwrap();
    assert_eq!(request.goods.len(), 2);
    assert_eq!(request.items_template().len(), 2);
    assert_eq!(request.parties[0].named().name, "Kulan Trade");
    let sealed = seal_request(&request, None).unwrap();
    let opened = open_request_fragment(&encode_fragment(&sealed)).unwrap();
    assert_eq!(opened.body, request);
    assert!(request_from_domain(&tx, "bad id!", Lang::En, Utc::now(), 0).is_err());
}

#[test]
fn the_chain_travels_in_the_record() {
    let tx = Transaction::from_json(
        r#"{"goods":[{"hs":"848210","quantity":4000}],"shipment":{"destination":"KG"},
            "chain":[{"party":"KazPumpMash","country":"KZ","role":"re_exporter","quantities":[4000],
                      "received":"2026-10-09","documents":{"esf":"ESF-1","guarantee_obligation":"GO-7"}},
                     {"party":"OOO Volga","country":"RU","role":"end_user","quantities":[null]}]}"#,
    )
    .unwrap();
    let evidence = Evidence::default();
    let assessment = evaluate(&tx, &evidence, &Ruleset::embedded().unwrap());
    let record = record_from_domain(&tx, &evidence, &assessment, context()).unwrap();
    let chain = &record.transaction.chain;
    assert_eq!(chain.len(), 2);
    assert_eq!(
        chain[0].role.as_ref().map(|r| r.as_str()),
        Some("re_exporter")
    );
    assert_eq!(chain[0].documents.esf, "ESF-1");
    assert_eq!(
        chain[0]
            .documents
            .received
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-10-09")
    );
    assert_eq!(chain[1].quantities, vec![None]);
    let sealed = seal_record(&record, None).unwrap();
    assert_eq!(open_record(sealed.json.as_bytes()).unwrap().body, record);
    // A chain hop's change is named by path.
    let tampered = sealed.json.replace("\"RU\"", "\"KG\"");
    match verify(tampered.as_bytes()).state {
        VerifyState::Altered { paths } => {
            assert!(
                paths
                    .iter()
                    .any(|p| p == "body.transaction.chain[1].country"),
                "{paths:?}"
            )
        }
        other => panic!("{other:?}"),
    }
    // A record without a chain keeps its old shape.
    let plain = Transaction::from_json(r#"{"goods":[]}"#).unwrap();
    let a = evaluate(&plain, &evidence, &Ruleset::embedded().unwrap());
    let r = record_from_domain(&plain, &evidence, &a, context()).unwrap();
    assert!(!serde_json::to_string(&r).unwrap().contains("\"chain\""));
}

#[test]
fn the_screening_section_names_lists_and_outcomes_only_when_screened() {
    use enduse::model::{PartyRef, PartyScreening, ScreeningOutcome};
    use enduse::record::convert::screening_summary;
    use enduse::screening::SanctionsList;
    let csv = "1,\"ALFA TRADE LLP\",\"-0-\",\"RUSSIA-EO14024\",\"-0-\",\"-0-\",\"-0-\",\"-0-\",\"-0-\",\"-0-\",\"-0-\",\"-0-\"\n";
    let list = SanctionsList::parse(csv.as_bytes(), "sdn.csv").unwrap();
    let lists = vec![list.meta.clone()];
    assert_eq!(screening_summary(&lists, &Evidence::default()), None);
    let evidence = Evidence {
        screening: vec![PartyScreening {
            party: PartyRef::Buyer,
            outcome: ScreeningOutcome::NoListMatch,
            summary: "no list match".into(),
        }],
        ..Evidence::default()
    };
    assert_eq!(screening_summary(&[], &evidence), None);
    let summary = screening_summary(&lists, &evidence).unwrap();
    assert_eq!(summary.lists[0].name, "sdn.csv");
    assert_eq!(summary.lists[0].sha256.as_bytes(), &list.meta.sha256.0);
    assert_eq!(summary.results[0].party, "buyer");
    assert_eq!(
        summary.results[0].outcome,
        v1::ScreeningOutcome::NoListMatch
    );
}
