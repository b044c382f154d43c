//! Three-state answers and explicitly unknown facts.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The answer to a yes/no question, where "not known" is a first-class answer.
///
/// The risk engine reads `Unknown` as missing information that may hide a red
/// flag, never as "no".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Answer {
    /// Yes.
    Yes,
    /// No.
    No,
    /// Not answered, or the exporter does not know.
    #[default]
    Unknown,
}

impl Answer {
    /// `yes`, `no` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::Unknown => "unknown",
        }
    }
}

impl From<bool> for Answer {
    fn from(b: bool) -> Answer {
        if b { Answer::Yes } else { Answer::No }
    }
}

/// An optional fact whose absence means "not known", not "none".
///
/// In JSON an unknown fact is `null` or simply missing; a known fact is the
/// plain value (`"KZ"`, `"2023-05-01"`, `12.5`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Fact<T> {
    /// Not answered.
    #[default]
    Unknown,
    /// Answered with this value.
    Known(T),
}

impl<T> Fact<T> {
    /// The value, if known.
    pub fn known(&self) -> Option<&T> {
        match self {
            Fact::Known(v) => Some(v),
            Fact::Unknown => None,
        }
    }

    /// Whether the fact is still unknown.
    pub fn is_unknown(&self) -> bool {
        matches!(self, Fact::Unknown)
    }
}

impl<T> From<Option<T>> for Fact<T> {
    fn from(o: Option<T>) -> Fact<T> {
        o.map_or(Fact::Unknown, Fact::Known)
    }
}

impl<T: Serialize> Serialize for Fact<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.known().serialize(s)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Fact<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Option::<T>::deserialize(d).map(Fact::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fact_serde_uses_null_for_unknown() {
        let f: Fact<u32> = serde_json::from_str("null").unwrap();
        assert!(f.is_unknown());
        let f: Fact<u32> = serde_json::from_str("7").unwrap();
        assert_eq!(f, Fact::Known(7));
        assert_eq!(
            serde_json::to_string(&Fact::<u32>::Unknown).unwrap(),
            "null"
        );
    }

    #[test]
    fn answer_serde_is_lowercase() {
        assert_eq!(
            serde_json::to_string(&Answer::Unknown).unwrap(),
            "\"unknown\""
        );
        assert_eq!(
            serde_json::from_str::<Answer>("\"no\"").unwrap(),
            Answer::No
        );
        assert!(serde_json::from_str::<Answer>("\"maybe\"").is_err());
    }
}
