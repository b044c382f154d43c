//! Cyrillic (Russian, Kazakh, Ukrainian, Belarusian) and accented Latin
//! folded into plain Latin letters.
//!
//! The output is not a romanisation standard anyone would print: it is one
//! side of a comparison. Whatever system a clerk used (BGN/PCGN, passport
//! ICAO 9303, Kazakh Latin 2021, ad hoc), [`super::phonetic`] later squeezes
//! the variants into one key, so this table only has to be consistent.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Appends the Latin folding of one lowercase character to `out`.
///
/// Letters with no Latin equivalent (Arabic, Chinese, ...) are kept as they
/// are: they can still match the same script exactly.
pub(crate) fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c);
        return;
    }
    if let Some(latin) = cyrillic(c).or_else(|| special_latin(c)) {
        out.push_str(latin);
        return;
    }
    // Accented Latin: drop the accents (é → e, ñ → n, ğ → g, ü → u).
    let mut base = String::new();
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            base.push(d);
        }
    });
    if base.is_empty() {
        return;
    }
    if base.is_ascii() {
        out.push_str(&base);
    } else {
        out.push(c);
    }
}

/// Russian plus the extra letters of Kazakh, Ukrainian and Belarusian.
fn cyrillic(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'й' => "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'ю' => "yu",
        'я' => "ya",
        // Kazakh.
        'ә' => "a",
        'ғ' => "g",
        'қ' => "k",
        'ң' => "n",
        'ө' => "o",
        'ұ' | 'ү' => "u",
        'һ' => "h",
        'і' => "i",
        // Ukrainian and Belarusian.
        'є' => "ye",
        'ї' => "yi",
        'ґ' => "g",
        'ў' => "u",
        _ => return None,
    })
}

/// Latin letters that do not decompose into a base letter plus accents.
fn special_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'ł' => "l",
        'đ' => "d",
        'ı' => "i",
        'þ' => "th",
        // Apostrophe-like marks join the letters around them (O'NEIL, Gama'at).
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' | '\u{02B9}' => "",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            fold_char(c, &mut out);
        }
        out
    }

    #[test]
    fn russian_letters() {
        assert_eq!(fold("щукин"), "shchukin");
        assert_eq!(fold("юрий"), "yurii");
        assert_eq!(fold("объединение"), "obedinenie");
    }

    #[test]
    fn kazakh_letters() {
        assert_eq!(fold("қазақстан"), "kazakstan");
        assert_eq!(
            fold("әлем ғылым өнер ұлы үй һ і ң"),
            "alem gylym oner uly ui h i n"
        );
    }

    #[test]
    fn accented_latin() {
        assert_eq!(
            fold("müller şahin ñandú straße"),
            "muller sahin nandu strasse"
        );
    }
}
