//! Property tests for the pieces under the record format: canonical form,
//! leaf map, value types and decoders.

use enduse::record::canonical::to_canonical_string;
use enduse::record::leaves::{differing_paths, leaf_map};
use enduse::record::v1::{Decimal, HsCode, Id, UtcTimestamp};
use enduse::record::{decode_fragment, verify};
use proptest::prelude::*;
use serde_json::Value;

/// Arbitrary JSON without floats (what a valid body can contain).
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
        "[a\u{301}e\u{0}\n\"\\\\]{0,6}".prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,6}|\\PC{1,4}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn canonical_form_is_a_fixed_point(value in json_value()) {
        if let Ok(once) = to_canonical_string(&value, "body") {
            let reparsed: Value = serde_json::from_str(&once).unwrap();
            prop_assert_eq!(to_canonical_string(&reparsed, "body").unwrap(), once.clone());
            let pretty = serde_json::to_string_pretty(&value).unwrap();
            let from_pretty: Value = serde_json::from_str(&pretty).unwrap();
            prop_assert_eq!(to_canonical_string(&from_pretty, "body").unwrap(), once);
        }
    }

    #[test]
    fn leaf_maps_of_equal_values_agree_and_differ_otherwise(a in json_value(), b in json_value()) {
        if let (Ok(map_a), Ok(map_b)) = (leaf_map(&a, "body"), leaf_map(&b, "body")) {
            let same_canonical = to_canonical_string(&a, "body").ok() == to_canonical_string(&b, "body").ok();
            prop_assert_eq!(differing_paths(&map_a, &map_b).is_empty(), same_canonical);
            prop_assert!(differing_paths(&map_a, &map_a).is_empty());
        }
    }

    #[test]
    fn value_parsers_and_decoders_never_panic(text in "\\PC{0,64}", bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let _ = Decimal::new(text.clone());
        let _ = HsCode::new(text.clone());
        let _ = Id::new(text.clone());
        let _ = UtcTimestamp::try_from(text.clone());
        let _ = decode_fragment(&text);
        let report = verify(&bytes);
        prop_assert!(!report.is_intact());
        let report = verify(text.as_bytes());
        prop_assert!(!report.is_intact());
    }

    #[test]
    fn decimals_accept_exactly_plain_non_negative_numbers(whole in 0u64..1_000_000, fraction in prop::option::of("[0-9]{1,6}")) {
        let text = match &fraction {
            Some(f) => format!("{whole}.{f}"),
            None => whole.to_string(),
        };
        prop_assert!(Decimal::new(text.clone()).is_ok());
        let negative = format!("-{text}");
        prop_assert!(Decimal::new(negative).is_err());
        let exponent = format!("{text}e3");
        prop_assert!(Decimal::new(exponent).is_err());
    }
}
