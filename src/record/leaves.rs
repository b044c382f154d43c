//! Per-leaf hashes: how verification names the field that was changed.
//!
//! A single digest says *that* a record changed, not *where*. So every sealed
//! document also carries a map from each leaf's path (e.g.
//! `body.transaction.goods[0].hs_code`) to `sha256(path ‖ 0x00 ‖ canonical
//! leaf)`. On verification the map is recomputed from the body and compared
//! with the stored one: paths whose hashes differ, and paths present on one
//! side only, are the altered fields.
//!
//! Leaves are scalars (string, integer, boolean, null) plus empty arrays and
//! empty objects, so that emptying a list is also a visible change. Hashing the
//! path together with the value means moving a value to another field changes
//! both hashes.
//!
//! The map is a *locator*, not the integrity proof: the digest (and the
//! signature over it) decide whether a document is intact. Someone who edits a
//! field and also rewrites the map defeats the locator but not the digest;
//! verification then reports the change without naming fields.

use std::collections::BTreeMap;

use serde_json::Value;

use super::canonical::{CanonicalError, child_path, sorted_members, to_canonical_string};
use super::digest::Digest;

/// Path → leaf hash, in path order.
pub type LeafMap = BTreeMap<String, Digest>;

/// Computes the leaf map of `value`, whose own path is `root` (e.g. `body`).
pub fn leaf_map(value: &Value, root: &str) -> Result<LeafMap, CanonicalError> {
    let mut map = LeafMap::new();
    collect(value, root, &mut map)?;
    Ok(map)
}

fn collect(value: &Value, path: &str, map: &mut LeafMap) -> Result<(), CanonicalError> {
    match value {
        Value::Array(items) if !items.is_empty() => {
            for (index, item) in items.iter().enumerate() {
                collect(item, &format!("{path}[{index}]"), map)?;
            }
        }
        Value::Object(members) if !members.is_empty() => {
            for (_, (raw_key, member)) in sorted_members(members, path)? {
                collect(member, &child_path(path, raw_key), map)?;
            }
        }
        leaf => {
            let canonical = to_canonical_string(leaf, path)?;
            let mut preimage = Vec::with_capacity(path.len() + 1 + canonical.len());
            preimage.extend_from_slice(path.as_bytes());
            preimage.push(0);
            preimage.extend_from_slice(canonical.as_bytes());
            map.insert(path.to_string(), Digest::of(&preimage));
        }
    }
    Ok(())
}

/// The paths on which two leaf maps disagree, in path order: changed values,
/// and leaves present in only one of them (added or removed fields).
pub fn differing_paths(stored: &LeafMap, computed: &LeafMap) -> Vec<String> {
    let mut paths: Vec<String> = stored
        .iter()
        .filter(|(path, hash)| computed.get(*path) != Some(*hash))
        .map(|(path, _)| path.clone())
        .collect();
    paths.extend(
        computed
            .keys()
            .filter(|path| !stored.contains_key(*path))
            .cloned(),
    );
    paths.sort();
    paths
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_exactly_the_changed_leaf() {
        let before =
            json!({"goods": [{"hs_code": "854231", "qty": "10"}], "notes": [], "ok": true});
        let mut after = before.clone();
        after["goods"][0]["hs_code"] = json!("854232");
        let a = leaf_map(&before, "body").unwrap();
        let b = leaf_map(&after, "body").unwrap();
        assert_eq!(a.len(), 4);
        assert!(a.contains_key("body.notes"));
        assert_eq!(differing_paths(&a, &b), vec!["body.goods[0].hs_code"]);
    }

    #[test]
    fn added_and_removed_leaves_are_reported() {
        let a = leaf_map(&json!({"x": 1, "y": 2}), "body").unwrap();
        let b = leaf_map(&json!({"x": 1, "z": 2}), "body").unwrap();
        assert_eq!(differing_paths(&a, &b), vec!["body.y", "body.z"]);
    }

    #[test]
    fn moving_a_value_changes_the_hash() {
        let a = leaf_map(&json!({"x": "v", "y": "w"}), "body").unwrap();
        let b = leaf_map(&json!({"x": "w", "y": "v"}), "body").unwrap();
        assert_eq!(differing_paths(&a, &b), vec!["body.x", "body.y"]);
    }
}
