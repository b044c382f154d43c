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
//! 5. abbreviations expanded (`INTL` → `international`); ordinals and
//!    number words become digits (`1st`, `First` → `1`; `Forty-Four` → `44`);
//! 6. each token reduced to its phonetic key ([`super::phonetic`]);
//! 7. legal forms (`LLC`, `ТОО`, `общество с ограниченной ответственностью`)
//!    and stop words removed — unless nothing would be left. Forms of two or
//!    more words, and long one-word forms (`Aktiengesellschaft`), are also
//!    recognised with one typo per word (`LIMITED LIABIUITY COMPANY`): a typo
//!    inside a legal form must not turn it into a name word.

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use super::phonetic::phonetic_key;
use super::similarity::token_similarity;
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
    let words = numbers_as_digits(&words);
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

/// Cardinal and ordinal number words, as digits.
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("first", 1),
    ("two", 2),
    ("second", 2),
    ("three", 3),
    ("third", 3),
    ("four", 4),
    ("fourth", 4),
    ("five", 5),
    ("fifth", 5),
    ("six", 6),
    ("sixth", 6),
    ("seven", 7),
    ("seventh", 7),
    ("eight", 8),
    ("eighth", 8),
    ("nine", 9),
    ("ninth", 9),
    ("ten", 10),
    ("tenth", 10),
    ("eleven", 11),
    ("eleventh", 11),
    ("twelve", 12),
    ("twelfth", 12),
    ("thirteen", 13),
    ("thirteenth", 13),
    ("fourteen", 14),
    ("fourteenth", 14),
    ("fifteen", 15),
    ("fifteenth", 15),
    ("sixteen", 16),
    ("sixteenth", 16),
    ("seventeen", 17),
    ("seventeenth", 17),
    ("eighteen", 18),
    ("eighteenth", 18),
    ("nineteen", 19),
    ("nineteenth", 19),
];

/// Tens, cardinal and ordinal.
const TENS_WORDS: &[(&str, u32)] = &[
    ("twenty", 20),
    ("twentieth", 20),
    ("thirty", 30),
    ("thirtieth", 30),
    ("forty", 40),
    ("fortieth", 40),
    ("fifty", 50),
    ("fiftieth", 50),
    ("sixty", 60),
    ("sixtieth", 60),
    ("seventy", 70),
    ("seventieth", 70),
    ("eighty", 80),
    ("eightieth", 80),
    ("ninety", 90),
    ("ninetieth", 90),
];

/// `1st`/`First` → `1`, `44th`/`Forty-Four`/`forty fourth` → `44`: lists
/// and people write numbers in names both ways ("183rd Guard Regiment").
fn numbers_as_digits(words: &[&str]) -> Vec<String> {
    let value =
        |table: &[(&str, u32)], w: &str| table.iter().find(|(word, _)| *word == w).map(|(_, v)| *v);
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while let Some(&word) = words.get(i) {
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = word.get(digits.len()..).unwrap_or("");
        if !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit())
            && matches!(suffix, "st" | "nd" | "rd" | "th")
        {
            out.push(digits.to_string());
        } else if let Some(tens) = value(TENS_WORDS, word) {
            match words.get(i + 1).and_then(|w| value(NUMBER_WORDS, w)) {
                Some(unit) if (1..10).contains(&unit) => {
                    out.push((tens + unit).to_string());
                    i += 1;
                }
                _ => out.push(tens.to_string()),
            }
        } else if let Some(n) = value(NUMBER_WORDS, word) {
            out.push(n.to_string());
        } else {
            out.push(word.to_string());
        }
        i += 1;
    }
    out
}

/// True when `key` is a one-word legal form (`llc`, `ag`, `тоо` → `too`).
pub(crate) fn is_legal_form_key(key: &str) -> bool {
    tables()
        .legal_forms
        .iter()
        .any(|f| f.len() == 1 && f.first().is_some_and(|k| k == key))
}

/// Shortest one-word legal form matched with a typo (shorter ones such as
/// `llc` or `ao` are names' words too often).
const FUZZY_FORM_FROM: usize = 8;

/// True when `window` is `phrase`, allowing one typo in each word of a
/// multi-word form or of a long one-word form.
fn phrase_matches(window: &[String], phrase: &[String]) -> bool {
    if window == phrase {
        return true;
    }
    let fuzzy_allowed = phrase.len() >= 2
        || phrase
            .first()
            .is_some_and(|k| k.chars().count() >= FUZZY_FORM_FROM);
    fuzzy_allowed
        && window.len() == phrase.len()
        && window
            .iter()
            .zip(phrase)
            .all(|(w, p)| w == p || (p.chars().count() >= 5 && token_similarity(w, p) > 0.0))
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
                .is_some_and(|window| phrase_matches(window, phrase))
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
    fn legal_forms_tolerate_a_typo_and_meet_across_languages() {
        assert_eq!(key("ALFA LIMITED LIABIUITY COMPANY"), key("Alfa"));
        assert_eq!(key("Siemens Aktiengesellschaft"), key("Siemens AG"));
        assert_eq!(key("Siemens Aktiengesselschaft"), key("Siemens"));
        assert_eq!(key("ТОО Алтын"), key("Altyn LLP"));
        assert_eq!(key("Алтын ЖШС"), key("Altyn LLP"));
        assert_eq!(key("ООО Вектор"), key("Vektor LLC"));
        assert_eq!(key("АО Вектор"), key("Vektor JSC"));
        assert_eq!(key("Вектор АҚ"), key("Vektor JSC"));
        assert_eq!(key("Vektor Société Anonyme"), key("Vektor SA"));
    }

    #[test]
    fn ordinals_and_number_words_become_digits() {
        assert_eq!(key("1st Guard Regiment"), key("First Guard Regiment"));
        assert_eq!(key("44 Kilometre"), key("Forty-Four Kilometre"));
        assert_eq!(key("183rd Regiment"), key("183 Regiment"));
        assert_eq!(key("Twentieth Century"), key("20th Century"));
    }

    #[test]
    fn generic_words_are_recognised_in_both_scripts() {
        assert!(is_generic(&key("Trading")[0]));
        assert!(is_generic(&key("Группа")[0]));
        assert!(!is_generic(&key("Rosoboronexport")[0]));
    }
}
