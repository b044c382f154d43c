//! Sealing, verifying and importing records, requests and responses.

mod record_sample;

use enduse::keybook::{Confirmation, KeyBook, KeyEntry};
use enduse::model::DeclarationStatus;
use enduse::record::v1::DeclarationResponse;
use enduse::record::*;
use enduse::trust::Trust;
use record_sample as sample;
use serde_json::Value;

fn state(json: &str) -> VerifyState {
    verify(json.as_bytes()).state
}

/// Every leaf of `value` as (JSON pointer, report path).
fn leaves(value: &Value, pointer: String, path: String, out: &mut Vec<(String, String)>) {
    match value {
        Value::Array(items) if !items.is_empty() => {
            for (i, item) in items.iter().enumerate() {
                leaves(item, format!("{pointer}/{i}"), format!("{path}[{i}]"), out);
            }
        }
        Value::Object(members) if !members.is_empty() => {
            for (key, member) in members {
                let escaped = key.replace('~', "~0").replace('/', "~1");
                let child = enduse::record::canonical::child_path(&path, key);
                leaves(member, format!("{pointer}/{escaped}"), child, out);
            }
        }
        _ => out.push((pointer, path)),
    }
}

fn mutate(leaf: &mut Value) {
    *leaf = match leaf.take() {
        Value::String(s) => Value::String(format!("{s}x")),
        Value::Number(n) => Value::from(n.as_i64().unwrap_or(0) + 1),
        Value::Bool(b) => Value::Bool(!b),
        Value::Null => Value::String("x".into()),
        Value::Array(_) => serde_json::json!([1]),
        Value::Object(_) => serde_json::json!({"x": 1}),
    };
}

fn assert_every_leaf_change_is_located(sealed_json: &str, signed: bool) {
    let envelope: Value = serde_json::from_str(sealed_json).unwrap();
    let mut all = Vec::new();
    leaves(&envelope["body"], "/body".into(), "body".into(), &mut all);
    assert!(all.len() > 20, "sample too small: {} leaves", all.len());
    for (pointer, path) in &all {
        let mut changed = envelope.clone();
        mutate(changed.pointer_mut(pointer).unwrap());
        let report = verify(changed.to_string().as_bytes());
        match &report.state {
            VerifyState::Altered { paths } => assert!(
                paths.iter().any(|p| p == path),
                "{path}: reported {paths:?}"
            ),
            other => panic!("{path}: expected Altered, got {other:?}"),
        }
        if signed {
            assert!(
                matches!(report.signature, SignatureState::Invalid { .. }),
                "{path}: {:?}",
                report.signature
            );
        }
    }
}

#[test]
fn unsigned_and_signed_records_verify() {
    let record = sample::record();
    let unsigned = seal_record(&record, None).unwrap();
    let report = verify(unsigned.json.as_bytes());
    assert_eq!(report.state, VerifyState::Unsigned);
    assert_eq!(report.signature, SignatureState::Absent);
    assert_eq!(report.kind, Some(DocumentKind::Record));

    let key = sample::key(1);
    let signed = seal_record(&record, Some(&key)).unwrap();
    let report = verify(signed.json.as_bytes());
    assert_eq!(report.state, VerifyState::Valid);
    assert_eq!(
        report.signer(),
        Some(key.public_key().fingerprint().as_str())
    );
    assert_eq!(signed.digest, unsigned.digest);

    let opened = open_record(signed.json.as_bytes()).unwrap();
    assert_eq!(opened.body, record);
}

#[test]
fn every_single_field_change_in_a_record_is_named() {
    let record = seal_record(&sample::record(), None).unwrap();
    assert_every_leaf_change_is_located(&record.json, false);
    let signed = seal_record(&sample::record(), Some(&sample::key(2))).unwrap();
    assert_every_leaf_change_is_located(&signed.json, true);
}

#[test]
fn every_single_field_change_in_requests_and_responses_is_named() {
    let request = seal_request(&sample::request(), Some(&sample::key(3))).unwrap();
    assert_every_leaf_change_is_located(&request.json, true);
    let response = seal_response(&sample::response(request.digest), None).unwrap();
    assert_every_leaf_change_is_located(&response.json, false);
}

#[test]
fn a_record_resigned_with_another_key_shows_the_other_fingerprint() {
    let original = seal_record(&sample::record(), Some(&sample::key(4))).unwrap();
    let forged = seal_record(&sample::record(), Some(&sample::key(5))).unwrap();
    let mut envelope: Value = serde_json::from_str(&original.json).unwrap();
    let forged_envelope: Value = serde_json::from_str(&forged.json).unwrap();
    envelope["signature"] = forged_envelope["signature"].clone();
    let report = verify(envelope.to_string().as_bytes());
    assert_eq!(report.state, VerifyState::Valid);
    let other = sample::key(5).public_key().fingerprint();
    assert_eq!(report.signer(), Some(other.as_str()));
    assert_ne!(other, sample::key(4).public_key().fingerprint());
}

#[test]
fn envelope_tampering_is_reported_precisely() {
    let key = sample::key(6);
    let sealed = seal_record(&sample::record(), Some(&key)).unwrap();
    let envelope: Value = serde_json::from_str(&sealed.json).unwrap();

    let mut digest_changed = envelope.clone();
    digest_changed["digest"] = Value::String(Digest::of(b"x").to_string());
    assert_eq!(
        state(&digest_changed.to_string()),
        VerifyState::Altered {
            paths: vec!["digest".into()]
        }
    );

    let mut leaf_changed = envelope.clone();
    leaf_changed["leaves"]["body.assessment.score"] = Value::String(Digest::of(b"x").to_string());
    // The body and its signature hold: "signature valid; locator damaged".
    assert_eq!(
        state(&leaf_changed.to_string()),
        VerifyState::LocatorDamaged {
            paths: vec!["leaves[\"body.assessment.score\"]".into()]
        }
    );

    let mut signature_changed = envelope.clone();
    let value = signature_changed["signature"]["value"]
        .as_str()
        .unwrap()
        .to_string();
    let flipped = if value.starts_with('0') { "1" } else { "0" };
    signature_changed["signature"]["value"] = Value::String(format!("{flipped}{}", &value[1..]));
    let report = verify(signature_changed.to_string().as_bytes());
    assert_eq!(
        report.state,
        VerifyState::Altered {
            paths: vec!["signature".into()]
        }
    );
    assert!(matches!(report.signature, SignatureState::Invalid { .. }));

    let mut fingerprint_changed = envelope.clone();
    fingerprint_changed["signature"]["fingerprint"] = Value::String("0000-0000-0000-0000".into());
    assert!(matches!(
        verify(fingerprint_changed.to_string().as_bytes()).signature,
        SignatureState::Invalid { .. }
    ));

    // A body edit with a recomputed digest and leaf map defeats the locator
    // but not the signature.
    let mut record = sample::record();
    record.assessment.score = 5;
    let rewritten = seal_record(&record, None).unwrap();
    let mut rewritten_envelope: Value = serde_json::from_str(&rewritten.json).unwrap();
    rewritten_envelope["signature"] = envelope["signature"].clone();
    let report = verify(rewritten_envelope.to_string().as_bytes());
    assert!(matches!(report.state, VerifyState::Altered { .. }));
    assert!(matches!(report.signature, SignatureState::Invalid { .. }));
}

#[test]
fn versions_formats_and_schema_are_checked() {
    let sealed = seal_record(&sample::record(), None).unwrap();
    let envelope: Value = serde_json::from_str(&sealed.json).unwrap();

    let mut v2 = envelope.clone();
    v2["version"] = Value::from(2);
    assert_eq!(
        state(&v2.to_string()),
        VerifyState::UnsupportedVersion {
            version: "2".into()
        }
    );

    let mut other = envelope.clone();
    other["format"] = Value::String("something-else".into());
    assert!(matches!(
        state(&other.to_string()),
        VerifyState::Malformed { .. }
    ));

    let mut extra = envelope.clone();
    extra["comment"] = Value::String("hi".into());
    assert!(matches!(
        state(&extra.to_string()),
        VerifyState::Malformed { .. }
    ));

    // Intact digest over a body that breaks the schema: a broken tool.
    let bogus = seal(DocumentKind::Record, &serde_json::json!({"x": 1}), None).unwrap();
    match state(&bogus.json) {
        VerifyState::Malformed { reason } => assert!(reason.contains("v1 schema"), "{reason}"),
        other => panic!("{other:?}"),
    }

    // A record is not a request.
    assert!(matches!(
        open_request(sealed.json.as_bytes()),
        Err(OpenError::WrongKind {
            expected: DocumentKind::DeclarationRequest,
            found: DocumentKind::Record
        })
    ));
}

#[test]
fn whitespace_and_key_order_do_not_matter() {
    let sealed = seal_record(&sample::record(), Some(&sample::key(7))).unwrap();
    let envelope: Value = serde_json::from_str(&sealed.json).unwrap();
    let compact = serde_json::to_string(&envelope).unwrap();
    assert_eq!(state(&compact), VerifyState::Valid);
    assert_eq!(state(&sealed.canonical), VerifyState::Valid);
}

fn response_with(
    request: &Sealed,
    edit: impl FnOnce(&mut DeclarationResponse),
    key: Option<&SecretKey>,
) -> Sealed {
    let mut response = sample::response(request.digest);
    edit(&mut response);
    seal_response(&response, key).unwrap()
}

#[test]
fn responses_map_to_declaration_status() {
    let sealed_request = seal_request(&sample::request(), None).unwrap();
    let request = open_request(sealed_request.json.as_bytes()).unwrap();

    let signed = response_with(&sealed_request, |_| {}, Some(&sample::key(8)));
    // Signed by a key nobody confirmed: attributed to nobody, counted as unsigned.
    let check = check_response_with(
        &request,
        signed.json.as_bytes(),
        &Trust::new(&KeyBook::new(), None),
    );
    assert_eq!(check.problems, vec![]);
    assert_eq!(check.status, DeclarationStatus::ReceivedMatchingUnsigned);
    assert!(check.counted_as_unsigned());
    let mut book = KeyBook::new();
    book.add(KeyEntry {
        public_key: sample::key(8).public_key(),
        organisation: "Кулан Трейд ТОО".into(),
        country: Some(sample::country("KZ")),
        confirmed: Confirmation::Phone,
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        note: None,
    })
    .unwrap();
    let check = check_response_with(&request, signed.json.as_bytes(), &Trust::new(&book, None));
    assert_eq!(check.status, DeclarationStatus::ReceivedMatchingSigned);
    assert!(check.signature.is_trusted());
    let embedded = check.embedded().unwrap();
    assert!(embedded.signature.is_some());
    // The forgery: a fresh key, the counterparty's name typed in.
    let forged = response_with(&sealed_request, |_| {}, Some(&sample::key(66)));
    let check = check_response_with(&request, forged.json.as_bytes(), &Trust::new(&book, None));
    assert_eq!(check.status, DeclarationStatus::ReceivedMatchingUnsigned);
    assert!(
        matches!(&check.signature, Verdict::Untrusted { standing, .. } if standing.key_changed()),
        "the known party's key changed: {:?}",
        check.signature
    );

    let unsigned = response_with(&sealed_request, |_| {}, None);
    let check = check_response_with(
        &request,
        unsigned.json.as_bytes(),
        &Trust::new(&KeyBook::new(), None),
    );
    assert_eq!(check.status, DeclarationStatus::ReceivedMatchingUnsigned);

    /// One way to spoil a response, and the problem the check must report for it.
    type Spoil = Box<dyn Fn(&mut DeclarationResponse)>;
    let cases: Vec<(Spoil, ResponseProblem)> = vec![
        (
            Box::new(|r| r.request_digest = Digest::of(b"other")),
            ResponseProblem::AnswersAnotherRequest,
        ),
        (
            Box::new(|r| r.commitments.flow_down = false),
            ResponseProblem::CommitmentMissing("flow_down"),
        ),
        (
            Box::new(|r| r.end_use.country = sample::country("RU")),
            ResponseProblem::RussiaOrBelarus,
        ),
        (
            Box::new(|r| {
                if let Some(item) = r.items.get_mut(1) {
                    item.quantity = enduse::record::v1::Decimal::new("1300").unwrap();
                }
            }),
            ResponseProblem::QuantityDiffers(1),
        ),
        (
            Box::new(|r| {
                r.items.pop();
            }),
            ResponseProblem::LineNotConfirmed(1),
        ),
        (
            Box::new(|r| {
                if let Some(item) = r.items.get_mut(0) {
                    item.line = 9;
                }
            }),
            ResponseProblem::UnknownLine(9),
        ),
    ];
    for (edit, expected) in cases {
        let sealed = response_with(&sealed_request, edit, None);
        let check = check_response_with(
            &request,
            sealed.json.as_bytes(),
            &Trust::new(&KeyBook::new(), None),
        );
        assert_eq!(check.status, DeclarationStatus::Mismatching);
        assert!(
            check.problems.contains(&expected),
            "{expected:?} not in {:?}",
            check.problems
        );
    }

    // Quantities compare as numbers, not text.
    let sealed = response_with(
        &sealed_request,
        |r| {
            if let Some(item) = r.items.get_mut(0) {
                item.quantity = enduse::record::v1::Decimal::new("500.00").unwrap();
            }
        },
        None,
    );
    let check = check_response_with(
        &request,
        sealed.json.as_bytes(),
        &Trust::new(&KeyBook::new(), None),
    );
    assert_eq!(check.status, DeclarationStatus::ReceivedMatchingUnsigned);

    // An altered response is never reassurance.
    let tampered = signed
        .json
        .replace("Steppe Automation LLP", "Steppe Automation OOO");
    let check = check_response_with(
        &request,
        tampered.as_bytes(),
        &Trust::new(&KeyBook::new(), None),
    );
    assert_eq!(check.status, DeclarationStatus::Mismatching);
    assert!(matches!(
        check.problems.first(),
        Some(ResponseProblem::Unreadable(_))
    ));
}

#[test]
fn requests_and_responses_travel_as_links() {
    let sealed = seal_request(&sample::request(), Some(&sample::key(9))).unwrap();
    let link = encode_fragment(&sealed);
    assert!(link.starts_with("#/declare?r="));
    assert!(link.len() < enduse::record::limits::MAX_FRAGMENT_CHARS);
    let opened = open_request_fragment(&format!("https://example.org/{link}")).unwrap();
    assert_eq!(opened.digest, sealed.digest);
    assert_eq!(opened.body, sample::request());
    assert!(opened.signer().is_some());

    let response = seal_response(&sample::response(sealed.digest), None).unwrap();
    let back = open_response_fragment(&encode_fragment(&response)).unwrap();
    assert_eq!(back.body, sample::response(sealed.digest));
}

#[test]
fn records_embed_declarations_that_still_verify() {
    let sealed_request = seal_request(&sample::request(), None).unwrap();
    let request = open_request(sealed_request.json.as_bytes()).unwrap();
    let response = seal_response(
        &sample::response(sealed_request.digest),
        Some(&sample::key(10)),
    )
    .unwrap();
    let check = check_response_with(
        &request,
        response.json.as_bytes(),
        &Trust::new(&KeyBook::new(), None),
    );
    let mut record = sample::record();
    record.declarations.push(check.embedded().unwrap());
    let sealed = seal_record(&record, Some(&sample::key(11))).unwrap();
    assert_eq!(verify(sealed.json.as_bytes()).state, VerifyState::Valid);
    assert_every_leaf_change_is_located(&sealed.json, true);
}

#[test]
fn a_forged_embedded_declaration_is_caught_even_in_a_freshly_signed_record() {
    let sealed_request = seal_request(&sample::request(), None).unwrap();
    let request = open_request(sealed_request.json.as_bytes()).unwrap();
    let response = seal_response(
        &sample::response(sealed_request.digest),
        Some(&sample::key(12)),
    )
    .unwrap();
    let check = check_response_with(
        &request,
        response.json.as_bytes(),
        &Trust::new(&KeyBook::new(), None),
    );
    let mut embedded = check.embedded().unwrap();
    // The record's author edits the counterparty's answer, keeps its
    // signature, and signs the record with their own key.
    embedded.body.end_use.description = "Anything".into();
    let mut record = sample::record();
    record.declarations.push(embedded);
    let sealed = seal_record(&record, Some(&sample::key(13))).unwrap();
    let report = verify(sealed.json.as_bytes());
    assert_eq!(
        report.state,
        VerifyState::Altered {
            paths: vec![
                "body.declarations[0].digest".into(),
                "body.declarations[0].signature".into()
            ]
        }
    );
    assert!(matches!(report.signature, SignatureState::Valid { .. }));

    // Untouched, the embedded declaration reports its signer.
    let mut record = sample::record();
    record.declarations.push(
        check_response_with(
            &request,
            response.json.as_bytes(),
            &Trust::new(&KeyBook::new(), None),
        )
        .embedded()
        .unwrap(),
    );
    let report = verify(seal_record(&record, None).unwrap().json.as_bytes());
    assert_eq!(report.state, VerifyState::Unsigned);
    assert_eq!(
        report.declarations,
        vec![SignatureState::Valid {
            fingerprint: sample::key(12).public_key().fingerprint().to_string(),
            public_key: sample::key(12).public_key().to_hex(),
        }]
    );
}

#[test]
fn documents_stay_small_enough_to_mail_and_link() {
    let record = seal_record(&sample::record(), Some(&sample::key(14))).unwrap();
    let request = seal_request(&sample::request(), Some(&sample::key(14))).unwrap();
    let link = encode_fragment(&request);
    println!(
        "record: {} bytes pretty, {} canonical; request link: {} chars",
        record.json.len(),
        record.canonical.len(),
        link.len()
    );
    // Browsers and mail clients handle links of a few KiB reliably.
    assert!(
        link.len() < 8 * 1024,
        "request link is {} chars",
        link.len()
    );
    assert!(record.json.len() < 64 * 1024);
    let started = std::time::Instant::now();
    for _ in 0..100 {
        assert!(verify(record.json.as_bytes()).is_valid());
    }
    println!(
        "verify: {:?} per signed record (debug build)",
        started.elapsed() / 100
    );
}

/// Issue 14: a record stores the day the law was applied as of. The member
/// is optional, so a record made before it (the sample has none) seals,
/// verifies and reads back exactly as before, and a dated one round-trips.
#[test]
fn a_record_stores_its_as_of_date_and_old_records_still_verify() {
    let old = sample::record();
    assert_eq!(old.assessment.as_of, None);
    let sealed_old = seal_record(&old, None).unwrap();
    assert!(!sealed_old.json.contains("as_of"));
    assert_eq!(
        verify(sealed_old.json.as_bytes()).state,
        VerifyState::Unsigned
    );

    let mut dated = sample::record();
    dated.assessment.as_of = chrono::NaiveDate::from_ymd_opt(2025, 1, 15);
    let key = sample::key(1);
    let signed = seal_record(&dated, Some(&key)).unwrap();
    assert!(
        signed.json.contains("\"as_of\"") && signed.json.contains("\"2025-01-15\""),
        "{}",
        signed.json
    );
    assert_eq!(verify(signed.json.as_bytes()).state, VerifyState::Valid);
    let opened = open_record(signed.json.as_bytes()).unwrap();
    assert_eq!(opened.body.assessment.as_of, dated.assessment.as_of);
    assert_ne!(signed.digest, sealed_old.digest);
}
