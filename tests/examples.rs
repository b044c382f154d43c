//! The sample documents in `examples/`, made by the real code.
//!
//! Users and auditors try `enduse verify examples/…` on them, and other
//! implementations test against them, so they must always verify. This test
//! rebuilds every file from the sealing code (Ed25519 signatures are
//! deterministic, the keys are fixed test seeds) and fails when a file in
//! `examples/` differs: regenerate them with
//!
//! ```sh
//! ENDUSE_WRITE_EXAMPLES=1 cargo test --test examples
//! ```
//!
//! The keys are public test seeds (`[seed; 32]`); a signature by them proves
//! nothing about any real company.

mod record_sample;

use std::path::PathBuf;

use enduse::record::v1::*;
use enduse::record::{
    DeclarationChain, LinkState, NextParty, Opened, SignatureState, VerifyState, forward_request,
    open_request, open_response, seal_record, seal_request, seal_response, verify, verify_chain,
};
use record_sample::*;

/// The answer of `customer` (in `country_code`) to `request`, every line
/// confirmed, with `disposition`.
fn answer(
    request: &Opened<DeclarationRequest>,
    customer: &str,
    country_code: &str,
    disposition: Disposition,
) -> DeclarationResponse {
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
        items: request.body.items_template(),
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
            date: chrono::NaiveDate::from_ymd_opt(2024, 3, 22).expect("date"),
        },
        documents: Some(HopDocuments {
            esf: format!("ESF-{}", customer.split(' ').next().unwrap_or("X")),
            customs_declaration: "50508/220324/0001".into(),
            ..HopDocuments::default()
        }),
        previous_response: request.body.forwarded.as_ref().map(|f| f.previous_response),
    }
}

fn next(name: &str, code: &str, id_text: &str) -> NextParty {
    let mut party = parties().remove(0);
    party.name = name.into();
    party.country = Some(country(code));
    NextParty {
        request_id: id(id_text),
        party: (&party).into(),
        language: enduse::lang::Lang::Ru,
        created: created(),
    }
}

/// Every example: file name and contents.
fn examples() -> Vec<(&'static str, String)> {
    let record = seal_record(&record(), Some(&key(33))).expect("record");
    let request = seal_request(&request(), Some(&key(1))).expect("request");
    let opened = open_request(request.json.as_bytes()).expect("opens");
    let response = seal_response(
        &answer(&opened, "Kulan Trade LLP", "KZ", Disposition::Consume),
        Some(&key(2)),
    )
    .expect("response");

    // Three hops: KZ re-exporter → KG re-exporter → KG end user.
    let mut chain = DeclarationChain::start(&request).expect("chain");
    let mut current = opened;
    let hops = [
        ("Kulan Trade LLP", "KZ", Disposition::ResellExport, 2u8),
        (
            "Ala-Too Distribution LLC",
            "KG",
            Disposition::ResellExport,
            3,
        ),
        ("Bishkek Automation LLC", "KG", Disposition::Consume, 4),
    ];
    for (index, (name, code, disposition, seed)) in hops.iter().enumerate() {
        let sealed = seal_response(
            &answer(&current, name, code, *disposition),
            Some(&key(*seed)),
        )
        .expect("hop response");
        chain.push(&sealed).expect("push response");
        if index + 1 == hops.len() {
            break;
        }
        let declared: Opened<DeclarationResponse> =
            open_response(sealed.json.as_bytes()).expect("opens");
        let (next_name, next_code, _, _) = hops[index + 1];
        let forwarded = seal_request(
            &forward_request(
                &current,
                &declared,
                next(next_name, next_code, &format!("req-{}", index + 2)),
                None,
            ),
            Some(&key(*seed)),
        )
        .expect("forwarded request");
        chain.push(&forwarded).expect("push request");
        current = open_request(forwarded.json.as_bytes()).expect("opens");
    }

    vec![
        ("attestation-record.signed.json", record.json),
        ("declaration-request.signed.json", request.json),
        ("declaration-response.signed.json", response.json),
        ("declaration-chain.three-hops.json", chain.to_json()),
    ]
}

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples")
}

#[test]
fn examples_are_current_and_verify() {
    let write = std::env::var_os("ENDUSE_WRITE_EXAMPLES").is_some();
    let mut stale = Vec::new();
    for (name, text) in examples() {
        let path = dir().join(name);
        if write {
            std::fs::create_dir_all(dir()).expect("examples dir");
            std::fs::write(&path, &text).expect("write example");
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "examples/ is stale ({stale:?}); regenerate with ENDUSE_WRITE_EXAMPLES=1 cargo test --test examples"
    );
    for name in [
        "attestation-record.signed.json",
        "declaration-request.signed.json",
        "declaration-response.signed.json",
    ] {
        let bytes = std::fs::read(dir().join(name)).expect("example");
        let report = verify(&bytes);
        assert_eq!(report.state, VerifyState::Valid, "{name}");
        assert!(matches!(report.signature, SignatureState::Valid { .. }));
    }
    let bytes = std::fs::read(dir().join("declaration-chain.three-hops.json")).expect("chain");
    let chain = DeclarationChain::from_bytes(&bytes).expect("chain reads");
    let report = verify_chain(&chain);
    assert_eq!(report.hops.len(), 3);
    assert!(report.is_continuous() && report.reaches_end_user());
    // No key is trusted here (no key book), so each hop is declared and
    // validly signed, by a key nobody confirmed: never "signed" (trusted).
    assert!(report.hops.iter().all(|h| h.state == LinkState::Declared
        && matches!(
            h.signature,
            Some(enduse::record::verdict::Verdict::Untrusted { .. })
        )));
}
