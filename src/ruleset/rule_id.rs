//! A rule's stable identifier, shared rather than copied.
//!
//! Every finding names its rule and every item of missing information names
//! the rules waiting on it; the web app evaluates on every keystroke, and
//! copying the id string for each of them was a measurable share of an
//! evaluation. A `RuleId` is a reference-counted string: cloning it is a
//! counter increment, and it reads, compares and serialises as the string.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// A rule id such as `DEST-RU-BY`; serialises as that string.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RuleId(Arc<str>);

impl RuleId {
    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for RuleId {
    fn from(s: &str) -> RuleId {
        RuleId(Arc::from(s))
    }
}

impl From<String> for RuleId {
    fn from(s: String) -> RuleId {
        RuleId(Arc::from(s))
    }
}

impl Deref for RuleId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for RuleId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for RuleId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for RuleId {
    fn eq(&self, other: &String) -> bool {
        &*self.0 == other.as_str()
    }
}

impl PartialEq<RuleId> for str {
    fn eq(&self, other: &RuleId) -> bool {
        self == &*other.0
    }
}

impl PartialEq<RuleId> for &str {
    fn eq(&self, other: &RuleId) -> bool {
        *self == &*other.0
    }
}

/// The rules an item of missing information waits on: usually one, so one
/// is held without a separate allocation. Reads as a slice of [`RuleId`]s
/// and serialises as a list.
#[derive(Clone, PartialEq, Eq)]
pub enum RuleIds {
    /// Exactly one rule.
    One(RuleId),
    /// Any number, in the order they were met.
    Many(Vec<RuleId>),
}

impl RuleIds {
    /// Adds `id` unless it is already listed.
    pub fn add(&mut self, id: RuleId) {
        if self.contains(&id) {
            return;
        }
        match self {
            RuleIds::One(first) => *self = RuleIds::Many(vec![first.clone(), id]),
            RuleIds::Many(all) => all.push(id),
        }
    }
}

impl Deref for RuleIds {
    type Target = [RuleId];
    fn deref(&self) -> &[RuleId] {
        match self {
            RuleIds::One(id) => std::slice::from_ref(id),
            RuleIds::Many(all) => all,
        }
    }
}

/// `ids == ["A", "B"]`, for tests and callers that name rules.
impl<const N: usize> PartialEq<[&str; N]> for RuleIds {
    fn eq(&self, other: &[&str; N]) -> bool {
        self.len() == N && self.iter().zip(other).all(|(a, b)| a == b)
    }
}

impl fmt::Debug for RuleIds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for RuleIds {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::{RuleId, RuleIds};

    #[test]
    fn rule_ids_read_as_a_list_without_duplicates() {
        let mut ids = RuleIds::One(RuleId::from("A"));
        assert_eq!(ids.len(), 1);
        ids.add(RuleId::from("A"));
        assert_eq!(ids.len(), 1);
        ids.add(RuleId::from("B"));
        ids.add(RuleId::from("A"));
        assert_eq!(&*ids, &[RuleId::from("A"), RuleId::from("B")]);
        assert_eq!(
            serde_json::to_string(&ids).ok().as_deref(),
            Some(r#"["A","B"]"#)
        );
    }

    #[test]
    fn reads_compares_and_serialises_as_its_string() {
        let id = RuleId::from("DEST-RU-BY");
        assert_eq!(id, "DEST-RU-BY");
        assert_eq!(id.as_str(), "DEST-RU-BY");
        assert_eq!(format!("{id} {id:?}"), "DEST-RU-BY \"DEST-RU-BY\"");
        assert_eq!(
            serde_json::to_string(&id).ok().as_deref(),
            Some("\"DEST-RU-BY\"")
        );
        let back: Result<RuleId, _> = serde_json::from_str("\"DEST-RU-BY\"");
        assert_eq!(back.ok(), Some(id));
    }
}
