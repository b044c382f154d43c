//! Documents built the way an attacker would (issue 15): amplifiers that fit
//! a link, two readings of one file, bytes that change while the digest
//! holds, and an edited locator. Each is refused (or worded) precisely, in
//! bounded work; the figures for time and memory live in
//! `benches/hostile_documents.rs`, not here.

mod record_sample;

use std::fmt;

use enduse::record::fragment::{FRAGMENT_PREFIX, encode_bytes};
use enduse::record::leaves::{LeafError, compare_leaves, leaf_map};
use enduse::record::limits::{MAX_FRAGMENT_CHARS, MAX_LEAVES, MAX_PATH_BYTES, Refusal};
use enduse::record::open::OpenError;
use enduse::record::*;
use enduse::strict_json::JsonError;
use proptest::prelude::*;
use record_sample as sample;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value, json};

/// The amplifier: one 500 KB member name over 240,000 array items,
/// about 980 KB of JSON that deflates to a link of a few kilobytes.
fn amplifier() -> Vec<u8> {
    let key = "k".repeat(500_000);
    let items = vec!["0"; 240_000].join(",");
    format!(
        "{{\"format\":\"enduse-declaration-request\",\"version\":1,\"body\":{{\"{key}\":[{items}]}},\"digest\":\"sha256:{}\",\"leaves\":{{}}}}",
        "0".repeat(64)
    )
    .into_bytes()
}

#[test]
fn the_link_amplifier_is_refused_before_any_path_is_built() {
    let bytes = amplifier();
    assert!(bytes.len() > 960_000 && bytes.len() < 1024 * 1024);
    let link = format!("{FRAGMENT_PREFIX}{}", encode_bytes(&bytes));
    assert!(
        link.len() < MAX_FRAGMENT_CHARS,
        "fits a link: {}",
        link.len()
    );

    let report = verify(&bytes);
    assert!(
        matches!(
            report.state,
            VerifyState::Refused {
                refusal: Refusal::Reading(JsonError::KeyTooLong { .. })
            }
        ),
        "{report:?}"
    );
    match open_request_fragment(&link) {
        Err(OpenError::NotIntact(report)) => {
            assert!(matches!(report.state, VerifyState::Refused { .. }))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_leaf_walk_is_bounded_while_it_runs() {
    // Without the reader's name cap, the walk itself refuses a long path...
    let mut members = Map::new();
    members.insert("k".repeat(MAX_PATH_BYTES), json!([0, 1, 2]));
    let long = Value::Object(members);
    assert_eq!(
        leaf_map(&long, "body"),
        Err(LeafError::PathTooLong {
            limit: MAX_PATH_BYTES
        })
    );
    // ...and counts leaves as it goes.
    let wide = json!({ "x": vec![0; MAX_LEAVES + 1] });
    assert_eq!(
        compare_leaves(&Default::default(), &wide, "body", true),
        Err(LeafError::TooManyLeaves { limit: MAX_LEAVES })
    );
    // A wide body that fits is compared without a path per leaf: only the
    // reported ones are built, and at most 100 are named.
    let fits = json!({ "x": vec![0; MAX_LEAVES - 1] });
    let paths = compare_leaves(&Default::default(), &fits, "body", true).unwrap();
    assert_eq!(paths.len(), 101);
    assert_eq!(
        paths.last().unwrap(),
        &format!("… {} more", MAX_LEAVES - 101)
    );
}

fn signed_request() -> Sealed {
    seal_request(&sample::request(), Some(&sample::key(7))).unwrap()
}

fn refusal(bytes: &[u8]) -> JsonError {
    match verify(bytes).state {
        VerifyState::Refused {
            refusal: Refusal::Reading(e),
        } => e,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn an_earlier_duplicate_member_cannot_give_a_second_reading() {
    let sealed = signed_request();
    let at = sealed.json.find("\"country\": \"KZ\"").unwrap();
    let forged = format!(
        "{}\"country\": \"RU\",\n{}",
        &sealed.json[..at],
        &sealed.json[at..]
    );
    // serde_json alone would keep the last ("KZ") and call it intact.
    let last_wins: Value = serde_json::from_str(&forged).unwrap();
    assert_eq!(
        last_wins,
        serde_json::from_str::<Value>(&sealed.json).unwrap()
    );
    assert!(matches!(
        refusal(forged.as_bytes()),
        JsonError::DuplicateKey { ref key, .. } if key == "country"
    ));
}

#[test]
fn text_that_only_looks_the_same_is_refused() {
    let sealed = signed_request();
    for (from, to) in [
        ("\"pcs\"", "\"pcs\u{301}\""),
        ("\"KZ\"", "\"\u{212a}Z\""),
        ("\"pcs\"", "\"pcs\u{37e}\""),
        ("\"pcs\"", "\"pc\\u0073\\u0301\""),
    ] {
        let changed = sealed.json.replacen(from, to, 1);
        assert_ne!(changed, sealed.json);
        assert!(
            matches!(refusal(changed.as_bytes()), JsonError::NotNfc { .. }),
            "{to}"
        );
    }
}

#[test]
fn integers_beyond_2_pow_53_are_refused() {
    let sealed = signed_request();
    for big in ["9007199254740993", "-9007199254740993", "1e300"] {
        let changed = sealed.json.replacen(
            "\"offset_minutes\": 300",
            &format!("\"offset_minutes\": {big}"),
            1,
        );
        assert_ne!(changed, sealed.json);
        let err = refusal(changed.as_bytes());
        assert!(
            matches!(err, JsonError::IntegerOutOfRange { .. }),
            "{big}: {err}"
        );
    }
}

#[test]
fn an_edited_locator_reads_signature_valid_locator_damaged() {
    let sealed = signed_request();
    let mut envelope: Value = serde_json::from_str(&sealed.json).unwrap();
    let leaves = envelope["leaves"].as_object_mut().unwrap();
    let first = leaves.keys().next().unwrap().clone();
    leaves.remove(&first);
    let report = verify(envelope.to_string().as_bytes());
    assert!(
        matches!(&report.state, VerifyState::LocatorDamaged { paths } if paths.len() == 1),
        "{report:?}"
    );
    assert!(report.signer().is_some(), "the signature still holds");
    assert!(!report.is_intact(), "importers ask for a fresh copy");
}

#[test]
fn a_forwarded_hop_number_is_bounded() {
    let mut request = sample::request();
    request.forwarded = Some(enduse::record::v1::Forwarding {
        chain_id: sample::id("chain-1"),
        hop: u32::MAX,
        previous_response: Digest::of(b"x"),
        forwarded_by: "X".into(),
    });
    let sealed = seal_request(&request, None).unwrap();
    let report = verify(sealed.json.as_bytes());
    assert!(
        matches!(&report.state, VerifyState::Malformed { reason } if reason.contains("hop")),
        "{report:?}"
    );
}

/// A reader that keeps the *first* of duplicate member names, as some JSON
/// libraries and every person reading top-down do.
struct FirstWins;

impl<'de> DeserializeSeed<'de> for FirstWins {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for FirstWins {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(FirstWins)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            let value = access.next_value_seed(FirstWins)?;
            members.entry(key).or_insert(value);
        }
        Ok(Value::Object(members))
    }
}

fn first_wins(text: &str) -> Value {
    let mut de = serde_json::Deserializer::from_str(text);
    FirstWins.deserialize(&mut de).unwrap()
}

/// Writes `value` as JSON, duplicating member `member` of the `object`-th
/// object met (in document order) with `other`, before or after the original.
fn with_duplicate(
    value: &Value,
    object: usize,
    member: usize,
    other: &Value,
    before: bool,
) -> String {
    fn emit(v: &Value, seen: &mut usize, dup: (usize, usize, &Value, bool), out: &mut String) {
        match v {
            Value::Object(map) => {
                let here = *seen;
                *seen += 1;
                out.push('{');
                let mut first = true;
                let mut put = |out: &mut String, k: &str, v: &Value, seen: &mut usize| {
                    if !std::mem::take(&mut first) {
                        out.push(',');
                    }
                    out.push_str(&serde_json::to_string(k).unwrap());
                    out.push(':');
                    emit(v, seen, dup, out);
                };
                for (i, (k, member)) in map.iter().enumerate() {
                    let duplicated = here == dup.0 && i == dup.1 % map.len().max(1);
                    if duplicated && dup.3 {
                        put(out, k, dup.2, seen);
                    }
                    put(out, k, member, seen);
                    if duplicated && !dup.3 {
                        put(out, k, dup.2, seen);
                    }
                }
                out.push('}');
            }
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    emit(item, seen, dup, out);
                }
                out.push(']');
            }
            scalar => out.push_str(&scalar.to_string()),
        }
    }
    let mut out = String::new();
    emit(value, &mut 0, (object, member, other, before), &mut out);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any document that verifies reads the same under a first-wins and a
    /// last-wins reader (serde_json): there is one reading.
    #[test]
    fn whatever_verifies_has_one_reading(
        which in 0usize..3,
        object in 0usize..40,
        member in 0usize..20,
        duplicate in any::<bool>(),
        before in any::<bool>(),
        other in prop_oneof![Just(json!("RU")), Just(json!(0)), Just(json!(null)), Just(json!({}))],
    ) {
        let request = signed_request();
        let documents = [
            request.json.clone(),
            seal_response(&sample::response(request.digest), Some(&sample::key(8))).unwrap().json,
            seal_record(&sample::record(), None).unwrap().json,
        ];
        let envelope: Value = serde_json::from_str(&documents[which]).unwrap();
        let text = if duplicate {
            with_duplicate(&envelope, object, member, &other, before)
        } else {
            with_duplicate(&envelope, usize::MAX, 0, &other, before)
        };
        let report = verify(text.as_bytes());
        if report.is_intact() || matches!(report.state, VerifyState::LocatorDamaged { .. }) {
            let last_wins: Value = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(first_wins(&text), last_wins);
        }
        if !duplicate {
            prop_assert!(report.is_intact());
        }
    }
}
