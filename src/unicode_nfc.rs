//! Unicode NFC: the one place the product tests and applies normalisation.
//!
//! Two things depend on it. The canonical form a digest is taken over
//! normalises every string to NFC (`record::canonical`), and the strict JSON
//! reader (`strict_json`) refuses, or normalises, strings that are not NFC, so
//! that the bytes an importer reads are the bytes that were hashed.
//!
//! Everything goes through [`is_nfc`] and [`to_nfc`] so that the normaliser
//! can be swapped in one place (for example for the browser's own
//! `String.prototype.normalize`, to save the tables' size in the wasm app)
//! without any caller changing. Both follow Unicode Standard Annex #15 as
//! implemented by the `unicode-normalization` crate.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Whether `text` is already in Normalization Form C.
pub fn is_nfc(text: &str) -> bool {
    // ASCII is always NFC: the common case costs one pass and no tables.
    if text.is_ascii() {
        return true;
    }
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => unicode_normalization::is_nfc(text),
    }
}

/// `text` in Normalization Form C, borrowed when it already is.
pub fn to_nfc(text: &str) -> Cow<'_, str> {
    if is_nfc(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_and_composes() {
        assert!(is_nfc("plain ascii"));
        assert!(is_nfc(
            "Caf\u{e9} \u{41a}\u{430}\u{437}\u{430}\u{49b}\u{441}\u{442}\u{430}\u{43d}"
        ));
        assert!(!is_nfc("Cafe\u{301}"));
        assert_eq!(to_nfc("Cafe\u{301}"), "Caf\u{e9}");
        // Singletons: KELVIN SIGN is K, GREEK QUESTION MARK is ';' after NFC.
        assert!(!is_nfc("\u{212a}"));
        assert_eq!(to_nfc("\u{212a}"), "K");
        assert_eq!(to_nfc("\u{37e}"), ";");
        assert!(matches!(to_nfc("x"), Cow::Borrowed("x")));
    }
}
