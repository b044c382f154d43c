//! From a name as written to the list of keys that are compared.
//!
//! Pipeline (both list names and queries go through it, so both sides agree):
//!
//! 1. Unicode NFKC and lowercase (full-width letters, ligatures, `Ⅱ` → `ii`);
//! 2. Cyrillic and accented Latin folded to Latin ([`super::translit`]);
//! 3. split on anything that is not a letter or digit; apostrophes join;
//! 4. runs of single letters are joined, so initials survive: `A-B-C` → `abc`,
//!    `J. P.` → `jp` (peer matchers that drop one-letter tokens let
//!    "A-B-C Company" match anything that is a company);
//! 5. abbreviations expanded (`INTL` → `international`);
//! 6. each token reduced to its phonetic key ([`super::phonetic`]);
//! 7. legal forms (`LLC`, `ТОО`, `общество с ограниченной ответственностью`)
//!    and stop words removed — unless nothing would be left.

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use super::phonetic::phonetic_key;
use super::translit::fold_char;
use super::vocabulary::{ABBREVIATIONS, GENERIC_WORDS, LEGAL_FORMS, STOP_WORDS};

/// The comparable form of one name: phonetic keys in written order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NameKey {
    /// Phonetic keys, legal forms and stop words removed.
    pub tokens: Vec<String>,
}

impl NameKey {
    /// Normalises a name as written on a list or typed by a user.
    pub fn of(name: &str) -> NameKey {
        let tables = tables();
        let keys = raw_keys(name);
        let without_forms = remove_phrases(&keys, &tables.legal_forms);
        let without_stops: Vec<String> = without_forms
            .iter()
            .filter(|t| !tables.stop_words.iter().any(|s| s == *t))
            .cloned()
            .collect();
        let tokens = if !without_stops.is_empty() {
            without_stops
        } else if !without_forms.is_empty() {
            without_forms
        } else {
            keys
        };
        NameKey { tokens }
    }

    /// True when nothing comparable is left (empty or punctuation only).
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
}

/// True when `key` is a generic business word ("trading", "группа").
pub(crate) fn is_generic(key: &str) -> bool {
    tables().generic.iter().any(|g| g == key)
}

/// Steps 1–6: folded, tokenised, initials joined, abbreviations expanded, keyed.
fn raw_keys(name: &str) -> Vec<String> {
    let mut folded = String::with_capacity(name.len());
    for c in name.nfkc() {
        for lower in c.to_lowercase() {
            fold_char(lower, &mut folded);
        }
    }
    let words: Vec<&str> = folded
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .collect();
    let mut joined: Vec<String> = Vec::with_capacity(words.len());
    let mut initials = String::new();
    for word in words {
        let word = word.replace('\'', "");
        let is_initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
        if is_initial {
            initials.push_str(&word);
            continue;
        }
        if !initials.is_empty() {
            joined.push(std::mem::take(&mut initials));
        }
        joined.push(word);
    }
    if !initials.is_empty() {
        joined.push(initials);
    }
    joined
        .into_iter()
        .map(|word| {
            let expanded = ABBREVIATIONS
                .iter()
                .find(|(short, _)| *short == word)
                .map(|(_, long)| (*long).to_string())
                .unwrap_or(word);
            phonetic_key(&expanded)
        })
        .collect()
}

/// Removes every occurrence of any phrase (longest first) from `keys`.
fn remove_phrases(keys: &[String], phrases: &[Vec<String>]) -> Vec<String> {
    let mut out = Vec::with_capacity(keys.len());
    let mut i = 0;
    'outer: while i < keys.len() {
        for phrase in phrases {
            let end = i + phrase.len();
            if keys
                .get(i..end)
                .is_some_and(|window| window == phrase.as_slice())
            {
                i = end;
                continue 'outer;
            }
        }
        if let Some(k) = keys.get(i) {
            out.push(k.clone());
        }
        i += 1;
    }
    out
}

/// The word tables, normalised once through the same pipeline as names.
struct Tables {
    /// Legal-form phrases, longest first so "public joint stock company" wins
    /// over "joint stock company".
    legal_forms: Vec<Vec<String>>,
    generic: Vec<String>,
    stop_words: Vec<String>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut legal_forms: Vec<Vec<String>> = LEGAL_FORMS
            .iter()
            .map(|f| raw_keys(f))
            .filter(|k| !k.is_empty())
            .collect();
        legal_forms.sort_by_key(|k| std::cmp::Reverse(k.len()));
        legal_forms.dedup();
        let single = |words: &[&str]| -> Vec<String> {
            words.iter().flat_map(|w| raw_keys(w)).collect::<Vec<_>>()
        };
        Tables {
            legal_forms,
            generic: single(GENERIC_WORDS),
            stop_words: single(STOP_WORDS),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Vec<String> {
        NameKey::of(s).tokens
    }

    #[test]
    fn cyrillic_and_latin_meet() {
        assert_eq!(key("ТОО «Альфа Трейд»"), key("Alfa Treid LLP"));
        assert_eq!(key("ООО Иванов и партнёры"), key("Ivanov i Partnery OOO"));
        assert_eq!(key("Қазақ Алтын АҚ"), key("Kazak Altyn JSC"));
    }

    #[test]
    fn legal_forms_vanish_in_any_position() {
        assert_eq!(key("ALFA TRADE, L.L.C."), key("Alfa Trade"));
        assert_eq!(
            key("Общество с ограниченной ответственностью «Вектор»"),
            key("Vektor")
        );
        assert_eq!(key("Vektor GmbH & Co. KG"), key("Vektor"));
        assert_eq!(
            key("Kartal Dis Ticaret A.S."),
            key("Kartal Dış Ticaret A.Ş.")
        );
    }

    #[test]
    fn initials_are_joined_not_dropped() {
        assert_eq!(key("A-B-C Company"), key("ABC"));
        assert_eq!(key("A-B-C Company").len(), 1);
        assert_eq!(key("A.B.C. Co."), key("ABC Company"));
    }

    #[test]
    fn abbreviations_expand() {
        assert_eq!(
            key("INTL TECH MFG"),
            key("International Technology Manufacturing")
        );
    }

    #[test]
    fn a_name_made_only_of_a_legal_form_is_kept() {
        assert_eq!(key("LLC"), key("L.L.C."));
        assert_eq!(key("LLC").len(), 1);
        assert!(NameKey::of("  --- ").is_empty());
    }

    #[test]
    fn generic_words_are_recognised_in_both_scripts() {
        assert!(is_generic(&key("Trading")[0]));
        assert!(is_generic(&key("Группа")[0]));
        assert!(!is_generic(&key("Rosoboronexport")[0]));
    }
}
