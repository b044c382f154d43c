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
//!
//! The walk is bounded while it runs, not after: it counts leaves against
//! [`MAX_LEAVES`] and keeps one path buffer, refusing a path longer than
//! [`MAX_PATH_BYTES`]. Verification compares against the stored map as it
//! walks and builds a path string only for a field it reports (at most
//! [`MAX_REPORTED_PATHS`]), so a document whose long member name sits over a
//! wide array costs one buffer, not one copy of the name per element.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::canonical::{
    CanonicalError, child_path, sorted_members, to_canonical_string, write_string,
};
use super::digest::Digest;
use super::limits::{MAX_LEAVES, MAX_PATH_BYTES};

/// Path → leaf hash, in path order.
pub type LeafMap = BTreeMap<String, Digest>;

/// Most changed fields a verdict names; the rest are counted.
pub const MAX_REPORTED_PATHS: usize = 100;

/// Why a value's leaf map cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LeafError {
    /// A value with no canonical form.
    #[error(transparent)]
    Canonical(#[from] CanonicalError),
    /// More leaves than [`MAX_LEAVES`].
    #[error("the body has more than {limit} fields")]
    TooManyLeaves {
        /// Limit applied.
        limit: usize,
    },
    /// A field path longer than [`MAX_PATH_BYTES`].
    #[error("a field path is longer than {limit} bytes")]
    PathTooLong {
        /// Limit applied.
        limit: usize,
    },
}

/// Computes the leaf map of `value`, whose own path is `root` (e.g. `body`).
pub fn leaf_map(value: &Value, root: &str) -> Result<LeafMap, LeafError> {
    let mut map = LeafMap::new();
    walk(value, root, false, &mut |path, hash| {
        map.insert(path.to_string(), hash);
    })?;
    Ok(map)
}

/// Compares the leaves of `value` with a stored map while walking, and names
/// the paths on which they disagree, in path order (at most
/// [`MAX_REPORTED_PATHS`], then one entry `… N more`): changed values, and
/// leaves present on one side only.
///
/// With `lenient`, a non-integer number (which has no canonical form, so was
/// never sealed) gets a hash of its text instead of an error, so an edit that
/// turns `3` into `3.5` is still located.
pub fn compare_leaves(
    stored: &LeafMap,
    value: &Value,
    root: &str,
    lenient: bool,
) -> Result<Vec<String>, LeafError> {
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut paths = Vec::new();
    let mut differing = 0usize;
    walk(value, root, lenient, &mut |path, hash| {
        let matched = match stored.get_key_value(path) {
            Some((key, stored_hash)) => {
                seen.insert(key.as_str());
                *stored_hash == hash
            }
            None => false,
        };
        if !matched {
            differing += 1;
            if paths.len() < MAX_REPORTED_PATHS {
                paths.push(path.to_string());
            }
        }
    })?;
    for path in stored.keys().filter(|path| !seen.contains(path.as_str())) {
        differing += 1;
        if paths.len() < MAX_REPORTED_PATHS {
            paths.push(path.clone());
        }
    }
    paths.sort();
    if differing > paths.len() {
        paths.push(format!("… {} more", differing - paths.len()));
    }
    Ok(paths)
}

/// Calls `visit(path, hash)` for every leaf, in member order, within bounds.
fn walk(
    value: &Value,
    root: &str,
    lenient: bool,
    visit: &mut dyn FnMut(&str, Digest),
) -> Result<usize, LeafError> {
    let mut walker = Walker {
        path: String::from(root),
        leaves: 0,
        lenient,
        visit,
    };
    if walker.path.len() > MAX_PATH_BYTES {
        return Err(LeafError::PathTooLong {
            limit: MAX_PATH_BYTES,
        });
    }
    walker.value(value)?;
    Ok(walker.leaves)
}

struct Walker<'v> {
    /// The current path; children push onto it and truncate back.
    path: String,
    leaves: usize,
    lenient: bool,
    visit: &'v mut dyn FnMut(&str, Digest),
}

impl Walker<'_> {
    fn value(&mut self, value: &Value) -> Result<(), LeafError> {
        match value {
            Value::Array(items) if !items.is_empty() => {
                for (index, item) in items.iter().enumerate() {
                    let mark = self.path.len();
                    self.path.push('[');
                    self.path.push_str(&index.to_string());
                    self.path.push(']');
                    self.child(item, mark)?;
                }
            }
            Value::Object(members) if !members.is_empty() => {
                let sorted = {
                    let parent = &self.path;
                    sorted_members(members, &|| parent.clone())?
                };
                for (_, (raw_key, member)) in sorted {
                    let mark = self.path.len();
                    if raw_key.len() > MAX_PATH_BYTES {
                        return Err(LeafError::PathTooLong {
                            limit: MAX_PATH_BYTES,
                        });
                    }
                    let child = child_path(&self.path, raw_key);
                    self.path = child;
                    self.child(member, mark)?;
                }
            }
            leaf => self.leaf(leaf)?,
        }
        Ok(())
    }

    fn child(&mut self, value: &Value, mark: usize) -> Result<(), LeafError> {
        if self.path.len() > MAX_PATH_BYTES {
            return Err(LeafError::PathTooLong {
                limit: MAX_PATH_BYTES,
            });
        }
        self.value(value)?;
        self.path.truncate(mark);
        Ok(())
    }

    fn leaf(&mut self, leaf: &Value) -> Result<(), LeafError> {
        self.leaves += 1;
        if self.leaves > MAX_LEAVES {
            return Err(LeafError::TooManyLeaves { limit: MAX_LEAVES });
        }
        let canonical = match leaf {
            Value::Number(n) if self.lenient && n.as_i64().is_none() && n.as_u64().is_none() => {
                let mut text = String::new();
                write_string(&format!("\u{0}float:{n}"), &mut text);
                text
            }
            _ => to_canonical_string(leaf, &self.path)?,
        };
        let mut preimage = Vec::with_capacity(self.path.len() + 1 + canonical.len());
        preimage.extend_from_slice(self.path.as_bytes());
        preimage.push(0);
        preimage.extend_from_slice(canonical.as_bytes());
        (self.visit)(&self.path, Digest::of(&preimage));
        Ok(())
    }
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
