//! Severities, translated texts and citations: the parts of a rule people read.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// How serious a rule's finding is. Ordered: `Low < Medium < High < Stop`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth noting; adds a little to the score.
    Low,
    /// A red flag that needs an answer before shipping.
    Medium,
    /// A serious red flag: do not ship without enhanced due diligence.
    High,
    /// Prohibited or sanctioned: do not ship.
    Stop,
}

impl Severity {
    /// All severities, lowest first.
    pub const ALL: [Severity; 4] = [
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Stop,
    ];

    /// This severity lowered by `steps`, never below `floor`; a stop is
    /// never lowered (a legal prohibition is not a matter of degree).
    pub fn lowered(self, steps: u32, floor: Severity) -> Severity {
        if self == Severity::Stop {
            return self;
        }
        let i = Severity::ALL.iter().position(|s| *s == self).unwrap_or(0);
        let lowered = Severity::ALL
            .get(i.saturating_sub(steps as usize))
            .copied()
            .unwrap_or(Severity::Low);
        lowered.max(floor).min(self)
    }

    /// `low`, `medium`, `high`, `stop`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Stop => "stop",
        }
    }
}

/// A text in English with optional Russian and Kazakh translations.
///
/// Each text is a shared string: findings name their rule's title and
/// mitigations on every evaluation (the web app evaluates on every
/// keystroke), and share them with the ruleset instead of copying them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalizedText {
    /// English, required: the fallback for every language.
    pub en: Arc<str>,
    /// Russian.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ru: Option<Arc<str>>,
    /// Kazakh.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kk: Option<Arc<str>>,
}

impl LocalizedText {
    /// The text in `lang`, or in English when that translation is missing or empty.
    pub fn get(&self, lang: Lang) -> &str {
        self.shared(lang)
    }

    /// The text [`LocalizedText::get`] gives, as the shared string itself:
    /// cloning it is a counter increment, not a copy.
    pub fn shared(&self, lang: Lang) -> &Arc<str> {
        let translated = match lang {
            Lang::En => None,
            Lang::Ru => self.ru.as_ref(),
            Lang::Kk => self.kk.as_ref(),
        };
        translated
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(&self.en)
    }

    /// Every language present, with its text.
    pub fn present(&self) -> impl Iterator<Item = (Lang, &str)> {
        [
            (Lang::En, Some(&*self.en)),
            (Lang::Ru, self.ru.as_deref()),
            (Lang::Kk, self.kk.as_deref()),
        ]
        .into_iter()
        .filter_map(|(l, t)| t.map(|t| (l, t)))
    }
}

/// Where a rule comes from: the primary document it implements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// Authority that issued the document (Council of the EU, BIS, FinCEN).
    pub issuer: String,
    /// Title or number of the document.
    pub document: String,
    /// Article, section or paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Date of the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Link to the official text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Remark, e.g. on confidence in the reading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<LocalizedText>,
}

impl Citation {
    /// The link to put in an `href`, only when it is a safe one (see
    /// [`is_safe_https_url`]); views show any other `url` as plain text.
    pub fn safe_link(&self) -> Option<&str> {
        self.url.as_deref().filter(|url| is_safe_https_url(url))
    }

    /// One line for reports: "BIS, Common High Priority List, tier 1 (2024-02-23) <url>".
    pub fn one_line(&self, lang: Lang) -> String {
        let mut s = format!("{}, {}", self.issuer, self.document);
        if let Some(section) = &self.section {
            s.push_str(", ");
            s.push_str(section);
        }
        if let Some(date) = self.date {
            s.push_str(&format!(" ({date})"));
        }
        if let Some(url) = &self.url {
            s.push_str(&format!(" <{url}>"));
        }
        if let Some(note) = &self.note {
            s.push_str(" — ");
            s.push_str(note.get(lang));
        }
        s
    }
}

/// Whether `url` may become a link: an absolute `https://` URL with a host,
/// and nothing a browser or an HTML attribute could read another way (no
/// whitespace, controls, quotes, angle brackets or backslashes). A host's
/// ruleset can put any text in `url`; `javascript:`, `data:` or plain `http:`
/// must never become a clickable citation.
pub fn is_safe_https_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && !host.contains('@')
        && url.len() <= 2048
        && !url.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translations_fall_back_to_english() {
        let t = LocalizedText {
            en: "Stop".into(),
            ru: Some("Стоп".into()),
            kk: Some("  ".into()),
        };
        assert_eq!(t.get(Lang::Ru), "Стоп");
        assert_eq!(t.get(Lang::Kk), "Stop");
        assert_eq!(t.present().count(), 3);
    }

    #[test]
    fn only_plain_https_links_are_safe() {
        for good in [
            "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:02014R0833-20240224",
            "https://www.bis.gov/articles/russia-export-controls#x",
        ] {
            assert!(is_safe_https_url(good), "{good}");
        }
        for bad in [
            "http://example.org/",
            "javascript:alert(1)",
            "data:text/html,x",
            "https://",
            "https:///path",
            "https://user@evil.example/",
            "https://ok.example/\"onmouseover=x",
            "https://ok.example/ path",
            "HTTPS://ok.example/",
        ] {
            assert!(!is_safe_https_url(bad), "{bad}");
        }
    }

    #[test]
    fn severities_are_ordered() {
        assert!(Severity::Low < Severity::Medium && Severity::High < Severity::Stop);
    }
}
