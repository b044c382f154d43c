//! The overall verdict on a transaction.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::ruleset::Severity;

/// Overall risk rating. Ordered: `Low < Medium < High < Stop`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    /// No red flag beyond minor ones: proceed with standard diligence.
    #[default]
    Low,
    /// Red flags that must be resolved or documented before shipping.
    Medium,
    /// Serious red flags: enhanced due diligence, senior sign-off, or decline.
    High,
    /// Prohibited or sanctioned: do not ship.
    Stop,
}

impl Rating {
    /// All ratings, lowest first.
    pub const ALL: [Rating; 4] = [Rating::Low, Rating::Medium, Rating::High, Rating::Stop];

    /// `low`, `medium`, `high`, `stop`.
    pub fn as_str(self) -> &'static str {
        match self {
            Rating::Low => "low",
            Rating::Medium => "medium",
            Rating::High => "high",
            Rating::Stop => "stop",
        }
    }

    /// Parses `low`, `medium`, `high`, `stop` (any case).
    pub fn parse(s: &str) -> Option<Rating> {
        Rating::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(s.trim()))
    }

    /// The rating's name for people.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Rating::Low, Lang::En) => "Low",
            (Rating::Medium, Lang::En) => "Medium",
            (Rating::High, Lang::En) => "High",
            (Rating::Stop, Lang::En) => "Stop",
            (Rating::Low, Lang::Ru) => "Низкий",
            (Rating::Medium, Lang::Ru) => "Средний",
            (Rating::High, Lang::Ru) => "Высокий",
            (Rating::Stop, Lang::Ru) => "Стоп",
            (Rating::Low, Lang::Kk) => "Төмен",
            (Rating::Medium, Lang::Kk) => "Орташа",
            (Rating::High, Lang::Kk) => "Жоғары",
            (Rating::Stop, Lang::Kk) => "Тоқтату",
        }
    }
}

impl From<Severity> for Rating {
    fn from(s: Severity) -> Rating {
        match s {
            Severity::Low => Rating::Low,
            Severity::Medium => Rating::Medium,
            Severity::High => Rating::High,
            Severity::Stop => Rating::Stop,
        }
    }
}

impl std::fmt::Display for Rating {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordered_and_parsed() {
        assert!(Rating::Low < Rating::Medium && Rating::High < Rating::Stop);
        for r in Rating::ALL {
            assert_eq!(Rating::parse(r.as_str()), Some(r));
        }
        assert_eq!(Rating::parse("HIGH"), Some(Rating::High));
        assert_eq!(Rating::parse("severe"), None);
    }
}
