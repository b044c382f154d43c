//! Chained declarations: an EU exporter → a Kazakh importer → a Kyrgyz end
//! user, each hop declared and forwarded; the chain verifies, a change in the
//! middle is found and named, and the chain feeds the risk engine.

mod record_sample;

use enduse::evaluate::{Rating, evaluate};
use enduse::keybook::{Confirmation, KeyBook, KeyEntry};
use enduse::model::{Evidence, HopRole, Transaction};
use enduse::record::chain::ChainProblem;
use enduse::record::v1::*;
use enduse::record::verdict::Verdict;
use enduse::record::{
    ChainContext, DeclarationChain, LinkState, NextParty, SecretKey, forward_request, open_request,
    open_response, seal_request, seal_response, verify_chain, verify_chain_with,
};
use enduse::ruleset::Ruleset;
use enduse::trust::Trust;
use record_sample::*;

/// The response of `customer` (in `country`) to `request`, confirming every line.
fn answer(
    request: &enduse::record::Opened<DeclarationRequest>,
    customer: &str,
    country_code: &str,
    disposition: Disposition,
    quantities: Option<&[&str]>,
) -> DeclarationResponse {
    let mut items = request.body.items_template();
    if let Some(q) = quantities {
        for (item, q) in items.iter_mut().zip(q) {
            item.quantity = Decimal::new(*q).unwrap();
        }
    }
    DeclarationResponse {
        request_id: request.body.request_id.clone(),
        request_digest: request.digest,
        customer: DeclaredCustomer {
            name: customer.into(),
            address: "Main street 1".into(),
            country: country(country_code),
            website: None,
            role: CustomerRole::Purchaser,
        },
        disposition,
        end_user: DeclaredEndUser {
            name: "Bishkek Automation LLC".into(),
            address: "Chui avenue 5, Bishkek".into(),
            country: country("KG"),
        },
        items,
        end_use: DeclaredEndUse {
            description: "Controllers for irrigation pumps".into(),
            country: country("KG"),
        },
        commitments: Commitments {
            no_russia_belarus: true,
            no_military_end_use: true,
            accept_audit_and_notify: true,
            flow_down: true,
        },
        signatory: DeclarationSignatory {
            name: "A. Signer".into(),
            title: "Director".into(),
            date: chrono::NaiveDate::from_ymd_opt(2024, 3, 22).unwrap(),
        },
        documents: Some(HopDocuments {
            esf: format!("ESF-{customer}"),
            customs_declaration: "50508/220324/0001".into(),
            guarantee_obligation: "GO-17".into(),
            ..HopDocuments::default()
        }),
        previous_response: request.body.forwarded.as_ref().map(|f| f.previous_response),
    }
}

fn next(name: &str, code: &str, id_text: &str) -> NextParty {
    let mut party = NamedParty::from(&parties().remove(0));
    party.name = name.into();
    party.country = Some(country(code));
    NextParty {
        request_id: id(id_text),
        party,
        language: enduse::lang::Lang::Ru,
        created: created(),
    }
}

/// Hop 1 answered (Kulan Trade LLP, KZ, re-exports) and forwarded to
/// `second` in `second_country`, passing on `quantities` (or what it
/// confirmed); the exporter's request, the response and the forwarded request
/// are signed when `signed`.
fn forwarded_to_hop_two(
    second: &str,
    second_country: &str,
    signed: bool,
    quantities: Option<&[Decimal]>,
) -> DeclarationChain {
    let (k1, k2) = (key(1), key(2));
    let (k1, k2) = if signed {
        (Some(&k1), Some(&k2))
    } else {
        (None, None)
    };
    let r1 = seal_request(&request(), k1).unwrap();
    let mut chain = DeclarationChain::start(&r1).unwrap();
    let o1 = open_request(r1.json.as_bytes()).unwrap();
    let d1 = seal_response(
        &answer(
            &o1,
            "Kulan Trade LLP",
            "KZ",
            Disposition::ResellExport,
            None,
        ),
        k2,
    )
    .unwrap();
    chain.push(&d1).unwrap();
    let od1 = open_response(d1.json.as_bytes()).unwrap();
    let r2 = seal_request(
        &forward_request(&o1, &od1, next(second, second_country, "req-2"), quantities),
        k2,
    )
    .unwrap();
    chain.push(&r2).unwrap();
    chain
}

/// Hop 1 (KZ importer, re-exports) and hop 2 (`second` in `second_country`),
/// with hop 2's response signed by `key2`.
fn chain_of_two(second: &str, second_country: &str, key2: Option<&SecretKey>) -> DeclarationChain {
    let chain = forwarded_to_hop_two(second, second_country, true, None);
    // The next party receives the chain as a link and answers the open request.
    let received = DeclarationChain::from_fragment(&chain.to_fragment()).unwrap();
    let o2 = received.open_request().unwrap().unwrap();
    assert_eq!(o2.body.forwarded.as_ref().unwrap().hop, 2);
    let d2 = seal_response(
        &answer(&o2, second, second_country, Disposition::Consume, None),
        key2,
    )
    .unwrap();
    let mut chain = received;
    chain.push(&d2).unwrap();
    chain
}

/// A key book trusting each (seed, organisation, country), confirmed by phone.
fn book(keys: &[(u8, &str, &str)]) -> KeyBook {
    let mut book = KeyBook::new();
    for (seed, name, code) in keys {
        book.add(KeyEntry {
            public_key: key(*seed).public_key(),
            organisation: (*name).into(),
            country: Some(country(code)),
            confirmed: Confirmation::Phone,
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            note: None,
        })
        .unwrap();
    }
    book
}

fn verify_trusting(chain: &DeclarationChain, book: &KeyBook) -> enduse::record::ChainReport {
    verify_chain_with(
        chain,
        &ChainContext {
            trust: Trust::new(book, None),
            own_request: None,
        },
    )
}

/// The parties of the sample chain, as the exporter confirmed their keys.
fn known_parties() -> KeyBook {
    book(&[
        (2, "Kulan Trade LLP", "KZ"),
        (3, "Bishkek Automation LLC", "KG"),
    ])
}

#[test]
fn a_complete_chain_verifies_and_reaches_the_end_user() {
    let chain = chain_of_two("Bishkek Automation LLC", "KG", Some(&key(3)));
    let file = chain.to_json();
    let parsed = DeclarationChain::from_bytes(file.as_bytes()).unwrap();
    // Without trusted keys, valid signatures are attributed to nobody.
    let report = verify_chain(&parsed);
    assert!(
        report.hops.iter().all(|h| h.state == LinkState::Declared
            && matches!(h.signature, Some(Verdict::Untrusted { .. }))),
        "{report:#?}"
    );
    let report = verify_trusting(&parsed, &known_parties());
    let states: Vec<LinkState> = report.hops.iter().map(|h| h.state).collect();
    assert_eq!(
        states,
        vec![LinkState::Signed, LinkState::Signed],
        "{report:#?}"
    );
    assert_eq!(
        report.hops[1].request_signer.as_deref(),
        Some(key(2).public_key().fingerprint().as_str()),
        "hop 2's request was forwarded by hop 1's declarant"
    );
    assert!(report.is_continuous() && report.reaches_end_user());
    assert_eq!(report.chain_id.as_deref(), Some("req-2024-0042"));
    assert_eq!(
        report.hops[1].forwarded_by.as_deref(),
        Some("Kulan Trade LLP")
    );
    let hops = report.to_model_hops();
    assert_eq!(hops.len(), 2);
    assert_eq!(hops[0].role.known(), Some(&HopRole::ReExporter));
    assert_eq!(hops[1].country.known().map(|c| c.code()), Some("KG"));
    assert_eq!(hops[0].documents.esf, "ESF-Kulan Trade LLP");
}

#[test]
fn an_open_request_is_awaiting_and_the_end_user_unknown() {
    let chain = forwarded_to_hop_two("Bishkek Automation LLC", "KG", false, None);
    let report = verify_chain(&chain);
    assert_eq!(report.hops[0].state, LinkState::Declared);
    assert_eq!(report.hops[1].state, LinkState::Awaiting);
    assert!(report.is_continuous() && !report.reaches_end_user());
    let hops = report.to_model_hops();
    assert_eq!(hops.len(), 2);
    assert!(hops[1].role.is_unknown());
}

#[test]
fn altering_the_middle_link_is_found_and_named() {
    let chain = chain_of_two("Bishkek Automation LLC", "KG", None);
    let file: serde_json::Value = serde_json::from_str(&chain.to_json()).unwrap();

    // 1. Edit hop 1's response in place: its own digest no longer matches.
    let mut edited = file.clone();
    edited["links"][1]["body"]["items"][0]["quantity"] = "50".into();
    let report =
        verify_chain(&DeclarationChain::from_bytes(edited.to_string().as_bytes()).unwrap());
    assert_eq!(report.first_break(), Some(1), "{report:#?}");
    assert!(
        matches!(report.hops[0].problems[0], ChainProblem::Response(ref why) if why.contains("body.items[0].quantity"))
    );
    assert_eq!(report.hops[1].state, LinkState::Broken);

    // 2. Replace hop 1's response by a freshly sealed, different one: it is
    //    intact, but hop 2's request continues the original.
    let r1 = open_request(file["links"][0].to_string().as_bytes()).unwrap();
    let forged = seal_response(
        &answer(
            &r1,
            "Someone Else LLP",
            "KZ",
            Disposition::ResellExport,
            None,
        ),
        None,
    )
    .unwrap();
    let mut swapped = file.clone();
    swapped["links"][1] = serde_json::from_str(&forged.canonical).unwrap();
    let report =
        verify_chain(&DeclarationChain::from_bytes(swapped.to_string().as_bytes()).unwrap());
    assert_eq!(report.hops[0].state, LinkState::Declared);
    assert_eq!(report.first_break(), Some(2));
    assert!(
        report.hops[1]
            .problems
            .contains(&ChainProblem::ContinuesAnotherResponse)
    );
    assert!(
        report.to_model_hops().len() == 1,
        "hops after the break are left out"
    );

    // 3. Drop the middle pair: hop 2's request now sits at hop 1.
    let mut dropped = file.clone();
    let links = dropped["links"].as_array_mut().unwrap();
    links.drain(0..2);
    let report =
        verify_chain(&DeclarationChain::from_bytes(dropped.to_string().as_bytes()).unwrap());
    assert_eq!(report.hops[0].problems[0], ChainProblem::FirstIsForwarded);
}

#[test]
fn quantities_passed_on_are_compared_with_the_hop_before() {
    let less = [Decimal::new("300").unwrap(), Decimal::new("1200").unwrap()];
    let chain = forwarded_to_hop_two("Bishkek Automation LLC", "KG", false, Some(&less));
    let report = verify_chain(&chain);
    assert_eq!(report.hops[1].state, LinkState::Flagged);
    assert_eq!(
        report.hops[1].problems,
        vec![ChainProblem::QuantityShrank { line: 0 }]
    );
}

#[test]
fn a_chain_ending_in_russia_rates_stop() {
    let chain = chain_of_two("OOO Volga Avtomatika", "RU", None);
    let report = verify_chain(&chain);
    // The Russian declarant names a Kyrgyz end use (as a diverter would), but
    // its own address gives it away.
    assert!(report.is_continuous());
    let mut tx = Transaction::from_json(
        r#"{"exporter":{"name":"Müller","country":"DE"},
            "goods":[{"hs":"854231","quantity":500},{"hs":"848210","quantity":1200}],
            "shipment":{"destination":"KG"}}"#,
    )
    .unwrap();
    tx.chain = report.to_model_hops();
    let assessment = evaluate(&tx, &Evidence::default(), &Ruleset::embedded().unwrap());
    assert_eq!(assessment.rating, Rating::Stop);
    let finding = assessment
        .findings
        .iter()
        .find(|f| f.rule == "CHAIN-HOP-RU-BY")
        .expect("chain rule fires");
    assert_eq!(finding.hops, vec![1]);
    assert!(
        finding
            .explanation
            .contains("hop 2: OOO Volga Avtomatika (Russia)")
    );
}

#[test]
fn hostile_chain_files_get_clear_errors() {
    for (bytes, needle) in [
        (&b"[]"[..], "expected a JSON object"),
        (
            br#"{"format":"enduse-record"}"#,
            "format is \"enduse-record\"",
        ),
        (
            br#"{"format":"enduse-declaration-chain","version":9,"links":[{}]}"#,
            "version 9",
        ),
        (
            br#"{"format":"enduse-declaration-chain","version":1,"links":[]}"#,
            "empty",
        ),
        (
            br#"{"format":"enduse-declaration-chain","version":1,"links":[{}],"x":1}"#,
            "unknown member",
        ),
    ] {
        let err = DeclarationChain::from_bytes(bytes).unwrap_err().to_string();
        assert!(err.contains(needle), "{err}");
    }
    let many = format!(
        r#"{{"format":"enduse-declaration-chain","version":1,"links":[{}]}}"#,
        vec!["{}"; 40].join(",")
    );
    assert!(DeclarationChain::from_bytes(many.as_bytes()).is_err());
    // Garbage links verify as broken, never panic.
    let junk = r#"{"format":"enduse-declaration-chain","version":1,"links":[{"format":"enduse-declaration-request"},7,"x"]}"#;
    let report = verify_chain(&DeclarationChain::from_bytes(junk.as_bytes()).unwrap());
    assert_eq!(report.first_break(), Some(1));
    assert_eq!(report.hops.len(), 2);
}

/// `enduse verify` on chain files: each hop's state, the break, exit codes.
#[test]
fn the_cli_reports_each_link() {
    let run = |name: &str, text: &str, extra: &[&str]| {
        let path = std::env::temp_dir().join(format!(
            "enduse-chain-cli-{}-{name}.json",
            std::process::id()
        ));
        std::fs::write(&path, text).unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_enduse"))
            .arg("verify")
            .arg(&path)
            .args(extra)
            .output()
            .unwrap();
        let _ = std::fs::remove_file(&path);
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let chain = chain_of_two("Bishkek Automation LLC", "KG", Some(&key(3)));
    let (code, text) = run("ok", &chain.to_json(), &[]);
    // Every hop signed, but no key trusted (no --trusted-keys): exit 5.
    assert_eq!(code, 5, "{text}");
    assert!(
        text.contains("hop 1: DECLARED Kulan Trade LLP (KZ), re exporter"),
        "{text}"
    );
    assert!(
        text.contains("hop 2: DECLARED Bishkek Automation LLC (KG), end user"),
        "{text}"
    );
    assert!(text.contains("forwarded by Kulan Trade LLP"), "{text}");
    assert!(text.contains("CONTINUOUS: every hop declared"), "{text}");

    let mut edited: serde_json::Value = serde_json::from_str(&chain.to_json()).unwrap();
    edited["links"][1]["body"]["customer"]["country"] = "RU".into();
    let (code, text) = run("bad", &edited.to_string(), &[]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("hop 1: BROKEN"), "{text}");
    assert!(text.contains("CHAIN BROKEN at hop 1"), "{text}");
    let (code, json) = run("bad-json", &edited.to_string(), &["--format", "json"]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["first_break"], 1);
    assert_eq!(json["hops"][1]["state"], "broken");

    let unsigned = chain_of_two("Bishkek Automation LLC", "KG", None);
    let (code, text) = run("unsigned", &unsigned.to_json(), &[]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("hop 2: DECLARED"), "{text}");
}

/// Hop 1 forwarded with `forward_key` signing the forwarded request, hop 2
/// answered by `second` with `key2`.
fn chain_forwarded_by(
    forward_key: Option<&SecretKey>,
    second: &str,
    key2: &SecretKey,
) -> DeclarationChain {
    let r1 = seal_request(&request(), Some(&key(1))).unwrap();
    let mut chain = DeclarationChain::start(&r1).unwrap();
    let o1 = open_request(r1.json.as_bytes()).unwrap();
    let d1 = seal_response(
        &answer(
            &o1,
            "Kulan Trade LLP",
            "KZ",
            Disposition::ResellExport,
            None,
        ),
        Some(&key(2)),
    )
    .unwrap();
    chain.push(&d1).unwrap();
    let od1 = open_response(d1.json.as_bytes()).unwrap();
    let r2 = seal_request(
        &forward_request(&o1, &od1, next(second, "KG", "req-2"), None),
        forward_key,
    )
    .unwrap();
    chain.push(&r2).unwrap();
    let o2 = open_request(r2.json.as_bytes()).unwrap();
    let d2 = seal_response(
        &answer(&o2, second, "KG", Disposition::Consume, None),
        Some(key2),
    )
    .unwrap();
    chain.push(&d2).unwrap();
    chain
}

#[test]
fn forgery_invented_chain_with_fresh_keys_is_not_trusted() {
    // The first buyer invents the end user with a fresh key of its own making.
    let chain = chain_forwarded_by(Some(&key(2)), "Bishkek Automation LLC", &key(77));
    let report = verify_trusting(&chain, &known_parties());
    assert!(report.is_continuous(), "hash links alone cannot tell");
    assert_eq!(report.hops[0].state, LinkState::Signed);
    assert_eq!(report.hops[1].state, LinkState::Flagged, "{report:#?}");
    assert!(
        matches!(&report.hops[1].signature, Some(Verdict::Untrusted { standing, .. }) if standing.key_changed()),
        "the end user is known under another key: {:?}",
        report.hops[1].signature
    );
    assert!(
        report.hops[1]
            .problems
            .iter()
            .any(|p| matches!(p, ChainProblem::KeyChanged { .. }))
    );

    // With the buyer's own key for both parties, one hand wrote both.
    let chain = chain_forwarded_by(Some(&key(2)), "Bishkek Automation LLC", &key(2));
    let report = verify_trusting(&chain, &known_parties());
    assert!(
        report.hops[1]
            .problems
            .contains(&ChainProblem::SameKeyTwoParties {
                hop: 1,
                party: "Kulan Trade LLP".into()
            }),
        "{report:#?}"
    );
    assert_eq!(report.hops[1].state, LinkState::Flagged);
}

#[test]
fn forgery_key_changed_between_hops_breaks_the_chain() {
    // Somebody other than hop 1's declarant forwarded its declaration.
    let chain = chain_forwarded_by(Some(&key(5)), "Bishkek Automation LLC", &key(3));
    let report = verify_trusting(&chain, &known_parties());
    assert_eq!(report.first_break(), Some(2), "{report:#?}");
    assert!(report.hops[1].problems.iter().any(|p| matches!(
        p,
        ChainProblem::ForwardedByOtherKey { found, expected }
            if *found == key(5).public_key().fingerprint().to_string()
                && *expected == key(2).public_key().fingerprint().to_string()
    )));

    let chain = chain_forwarded_by(None, "Bishkek Automation LLC", &key(3));
    let report = verify_trusting(&chain, &known_parties());
    assert_eq!(report.first_break(), Some(2));
    assert!(
        report.hops[1]
            .problems
            .contains(&ChainProblem::ForwardUnsigned)
    );
}

#[test]
fn forgery_old_chain_into_a_new_draft_is_refused() {
    let chain = chain_of_two("Bishkek Automation LLC", "KG", Some(&key(3)));
    let book = known_parties();
    let own = verify_chain(&chain).hops[0].request_digest.unwrap();
    let context = |digest| ChainContext {
        trust: Trust::new(&book, None),
        own_request: Some(digest),
    };
    let report = verify_chain_with(&chain, &context(own));
    assert!(report.is_continuous(), "{report:#?}");
    // A new draft's request: the old chain does not answer it.
    let other = seal_request(
        &DeclarationRequest {
            request_id: id("req-2026-new"),
            ..request()
        },
        None,
    )
    .unwrap();
    let report = verify_chain_with(&chain, &context(other.digest));
    assert_eq!(report.first_break(), Some(1));
    assert_eq!(report.hops[0].problems[0], ChainProblem::NotOwnRequest);
}

#[test]
fn forgery_spliced_fork_shows_the_missing_quantity() {
    // Hop 1 confirms 500 + 1200 but the chain it hands on passes on less:
    // the rest went down a branch the chain leaves out.
    let less = [Decimal::new("300").unwrap(), Decimal::new("1200").unwrap()];
    let chain = forwarded_to_hop_two("Bishkek Automation LLC", "KG", true, Some(&less));
    let report = verify_trusting(&chain, &known_parties());
    assert!(
        report.hops[1]
            .problems
            .contains(&ChainProblem::QuantityShrank { line: 0 })
    );
    assert_eq!(report.hops[1].state, LinkState::Flagged);
}
