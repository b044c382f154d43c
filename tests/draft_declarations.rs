//! A draft's declaration documents: kept, re-verified on every read,
//! matched to the request they answer, and refused with a reason when they
//! do not belong.

mod record_sample;

use enduse::draft::DraftStore;
use enduse::draft_declarations::{DraftDeclarations, Refusal};
use enduse::model::DeclarationStatus;
use enduse::record::v1::Id;
use enduse::record::{seal_request, seal_response};
use record_sample::*;

fn sealed_request(id_text: &str) -> (String, enduse::record::Digest) {
    let mut body = request();
    body.request_id = Id::new(id_text).unwrap();
    let sealed = seal_request(&body, None).unwrap();
    (sealed.json, sealed.digest)
}

fn sealed_response(id_text: &str, digest: enduse::record::Digest, signed: bool) -> String {
    let mut body = response(digest);
    body.request_id = Id::new(id_text).unwrap();
    let signing = key(7);
    seal_response(&body, signed.then_some(&signing))
        .unwrap()
        .json
}

#[test]
fn a_response_to_an_earlier_request_matches_the_one_it_answers() {
    let mut kept = DraftDeclarations::default();
    let (first, first_digest) = sealed_request("req-first");
    let (second, _) = sealed_request("req-second");
    kept.add_request(&first).unwrap();
    kept.add_request(&second).unwrap();
    assert_eq!(kept.open().status(), Some(DeclarationStatus::Requested));

    let offer = kept
        .offer_response(sealed_response("req-first", first_digest, true).as_bytes())
        .unwrap();
    assert_eq!(offer.request, 0);
    assert_eq!(offer.request_id, "req-first");
    assert!(
        offer.check.problems.is_empty(),
        "{:?}",
        offer.check.problems
    );
    assert_eq!(offer.replaces, None);
    kept.accept(&offer);

    let opened = kept.open();
    assert_eq!(opened.requests.len(), 2, "the earlier request is kept");
    // Signed, but by a key this draft store has no reason to trust (it
    // judges with an empty key book): the engine must not count it as an
    // attributed declaration (issue 16), so the evidence is "unsigned".
    assert_eq!(
        opened.status(),
        Some(DeclarationStatus::ReceivedMatchingUnsigned)
    );
    assert!(opened.response_to(0).is_some());
    assert!(opened.unusable.is_empty());
}

#[test]
fn other_drafts_duplicates_and_replacements_are_not_taken_silently() {
    let mut kept = DraftDeclarations::default();
    let (request_json, digest) = sealed_request("req-mine");
    let response = sealed_response("req-mine", digest, false);
    assert_eq!(
        kept.offer_response(response.as_bytes()).unwrap_err(),
        Refusal::NoRequest
    );
    kept.add_request(&request_json).unwrap();

    // A response to a request this draft never made.
    let (_, other_digest) = sealed_request("req-other");
    let foreign = sealed_response("req-other", other_digest, false);
    assert_eq!(
        kept.offer_response(foreign.as_bytes()).unwrap_err(),
        Refusal::AnotherDraft {
            request_id: "req-other".into()
        }
    );

    let offer = kept.offer_response(response.as_bytes()).unwrap();
    kept.accept(&offer);
    assert_eq!(
        kept.offer_response(response.as_bytes()).unwrap_err(),
        Refusal::Duplicate
    );

    // A second, different answer to the same request names the one it replaces.
    let signed = sealed_response("req-mine", digest, true);
    let offer = kept.offer_response(signed.as_bytes()).unwrap();
    assert_eq!(offer.replaces, Some(0));
    assert_eq!(kept.responses.len(), 1, "nothing replaced before accept");
    kept.accept(&offer);
    assert_eq!(kept.responses.len(), 1);
    // The signed answer replaced the unsigned one; its key is not trusted,
    // so it still counts as unsigned evidence.
    assert_eq!(
        kept.open().status(),
        Some(DeclarationStatus::ReceivedMatchingUnsigned)
    );

    // Garbage is refused with the verifier's reason.
    assert!(matches!(
        kept.offer_response(b"{\"format\":1}").unwrap_err(),
        Refusal::Unreadable(_)
    ));
}

#[test]
fn stored_documents_are_reverified_on_every_read() {
    let mut kept = DraftDeclarations::default();
    let (request_json, digest) = sealed_request("req-mine");
    kept.add_request(&request_json).unwrap();
    let offer = kept
        .offer_response(sealed_response("req-mine", digest, true).as_bytes())
        .unwrap();
    kept.accept(&offer);
    // Someone edits the stored response: it is no longer evidence, and says why.
    kept.responses[0] = kept.responses[0].replace("Steppe Automation LLP", "Someone Else LLP");
    let opened = kept.open();
    assert!(opened.responses.is_empty());
    assert_eq!(opened.unusable.len(), 1);
    assert!(!opened.unusable[0].is_request);
    assert_eq!(opened.status(), Some(DeclarationStatus::Requested));
}

#[test]
fn declarations_survive_the_draft_store() {
    let mut store = DraftStore::default();
    let now = chrono::Utc::now();
    let id = store.create("deal", now, 1);
    let (request_json, digest) = sealed_request("req-mine");
    let mut kept = DraftDeclarations::default();
    kept.add_request(&request_json).unwrap();
    let offer = kept
        .offer_response(sealed_response("req-mine", digest, false).as_bytes())
        .unwrap();
    kept.accept(&offer);
    assert!(store.save_declarations(&id, kept.clone(), now));
    let back = DraftStore::load(Some(&store.to_json())).unwrap();
    assert_eq!(back.get(&id).unwrap().declarations, kept);
    assert_eq!(
        back.get(&id).unwrap().declarations.open().status(),
        Some(DeclarationStatus::ReceivedMatchingUnsigned)
    );
}

#[test]
fn requests_made_before_need_to_know_still_verify_and_match() {
    let mut kept = DraftDeclarations::default();
    let sealed = seal_request(&legacy_request(), None).unwrap();
    assert!(sealed.json.contains("previous_dealings"));
    kept.add_request(&sealed.json).unwrap();
    let opened = kept.open();
    assert_eq!(opened.requests.len(), 1);
    let names: Vec<String> = opened.requests[0]
        .body
        .parties
        .iter()
        .map(|p| p.named().name)
        .collect();
    assert_eq!(names, ["Кулан Трейд ТОО", "Steppe Automation LLP"]);
    let response = seal_response(&response(sealed.digest), None).unwrap();
    let offer = kept.offer_response(response.json.as_bytes()).unwrap();
    assert!(
        offer.check.problems.is_empty(),
        "{:?}",
        offer.check.problems
    );
}

#[test]
fn a_match_says_what_the_request_did_not_ask() {
    use enduse::record::v1::{PartyRole, RequestParty};
    use enduse::record::{Unasked, unasked};
    let mut body = request();
    assert!(unasked(&body).is_empty(), "{:?}", unasked(&body));
    body.parties.retain(|p| p.role() != PartyRole::EndUser);
    body.goods[1].quantity = None;
    assert_eq!(unasked(&body), [Unasked::EndUser, Unasked::Quantity(1)]);
    // An end user named with an empty name is not a named end user.
    let mut blank = request();
    if let Some(RequestParty::Named(p)) = blank
        .parties
        .iter_mut()
        .find(|p| p.role() == PartyRole::EndUser)
    {
        p.name = "  ".into();
    }
    assert_eq!(unasked(&blank), [Unasked::EndUser]);
}

/// Issue 16: a kept response counts as an attributed (signed) declaration
/// only while its key is trusted — in the user's key book (not by first use
/// alone) or in the host's registry — and a key that takes a known party's
/// name is noticed as a changed key.
#[test]
fn a_kept_response_counts_as_signed_only_while_its_key_is_trusted() {
    use enduse::country::Country;
    use enduse::keybook::{Confirmation, KeyBook, KeyEntry};
    use enduse::trust::{KeyRegistry, Trust};

    let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let mut kept = DraftDeclarations::default();
    let (request_json, digest) = sealed_request("req-trust");
    kept.add_request(&request_json).unwrap();
    let response_json = sealed_response("req-trust", digest, true);
    let empty = KeyBook::new();
    let offer = kept
        .offer_response_with(response_json.as_bytes(), &Trust::new(&empty, None))
        .unwrap();
    assert_eq!(
        offer.check.status,
        DeclarationStatus::ReceivedMatchingUnsigned
    );
    assert!(offer.check.counted_as_unsigned());
    assert!(
        offer.check.signature.offers_trust(),
        "an unknown key may be confirmed and added"
    );
    assert!(!offer.check.signature.key_changed());
    kept.accept(&offer);

    let signer = key(7).public_key();
    let kz = Country::parse("KZ").ok();
    let mut first_use = KeyBook::new();
    first_use
        .remember_first_use(signer, "Кулан Трейд ТОО", kz, date)
        .unwrap();
    assert_eq!(
        kept.open_with(&Trust::new(&first_use, None)).status(),
        Some(DeclarationStatus::ReceivedMatchingUnsigned),
        "first use is not trust"
    );

    let mut book = KeyBook::new();
    book.confirm_signer(
        &signer.to_hex(),
        "Кулан Трейд ТОО",
        kz,
        Confirmation::Phone,
        date,
    )
    .unwrap();
    assert_eq!(
        kept.open_with(&Trust::new(&book, None)).status(),
        Some(DeclarationStatus::ReceivedMatchingSigned)
    );
    let offered = kept
        .offer_response_with(
            sealed_response("req-trust", digest, true).as_bytes(),
            &Trust::new(&book, None),
        )
        .unwrap_err();
    assert_eq!(offered, Refusal::Duplicate);

    // Removing the key takes the attribution away at the next read.
    book.remove(&signer);
    assert_eq!(
        kept.open_with(&Trust::new(&book, None)).status(),
        Some(DeclarationStatus::ReceivedMatchingUnsigned)
    );

    // The host's registry makes it trusted too.
    let registry = KeyRegistry {
        members: vec![KeyEntry {
            public_key: signer,
            organisation: "Кулан Трейд ТОО".into(),
            country: kz,
            confirmed: Confirmation::HostRegistry,
            date,
            note: None,
        }],
        revoked: Vec::new(),
    };
    let opened = kept.open_with(&Trust::new(&book, Some(&registry)));
    assert_eq!(
        opened.status(),
        Some(DeclarationStatus::ReceivedMatchingSigned)
    );
    assert!(!opened.responses[0].check.signature.offers_trust());

    // A fresh key in the trusted party's name: unsigned, and a changed key.
    let mut trusted_other = KeyBook::new();
    trusted_other
        .confirm_signer(
            &key(9).public_key().to_hex(),
            "Кулан Трейд ТОО",
            kz,
            Confirmation::InPerson,
            date,
        )
        .unwrap();
    let opened = kept.open_with(&Trust::new(&trusted_other, None));
    assert_eq!(
        opened.status(),
        Some(DeclarationStatus::ReceivedMatchingUnsigned)
    );
    let verdict = &opened.responses[0].check.signature;
    assert!(
        matches!(verdict, enduse::record::Verdict::Untrusted { standing, .. } if standing.key_changed()),
        "{verdict:?}"
    );
    assert!(verdict.key_changed() && verdict.offers_trust());
}
