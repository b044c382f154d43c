//! Cyrillic (Russian, Kazakh, Ukrainian, Belarusian), Greek, Armenian,
//! Georgian, Arabic, Hebrew and accented Latin folded into plain Latin letters.
//!
//! Greek, Armenian and Georgian are alphabets and fold letter by letter
//! (close to ELOT 743, ISO 9985 and the Georgian national system), so a
//! name typed in Cyprus, Yerevan or Tbilisi meets its Latin listing. Arabic
//! and Hebrew are written without most vowels: their folding is a consonant
//! skeleton (vowel points and tatweel dropped, alef, yeh and heh variants
//! unified) that makes two spellings in the same script meet — the UN list
//! carries Arabic originals — and gives a Latin listing at best partial credit.
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
    if let Some(latin) = cyrillic(c)
        .or_else(|| special_latin(c))
        .or_else(|| greek(c))
        .or_else(|| armenian(c))
        .or_else(|| georgian(c))
        .or_else(|| arabic(c))
        .or_else(|| hebrew(c))
    {
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

/// Greek, lowercase, with the tonos and dialytika forms (NFKC keeps them composed).
fn greek(c: char) -> Option<&'static str> {
    Some(match c {
        'α' | 'ά' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' | 'έ' => "e",
        'ζ' => "z",
        'η' | 'ή' => "i",
        'θ' => "th",
        'ι' | 'ί' | 'ϊ' | 'ΐ' => "i",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' | 'ό' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' | 'ς' => "s",
        'τ' => "t",
        'υ' | 'ύ' | 'ϋ' | 'ΰ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        'ω' | 'ώ' => "o",
        _ => return None,
    })
}

/// Armenian (lowercase letters; the ligature և as "ev").
fn armenian(c: char) -> Option<&'static str> {
    Some(match c {
        'ա' => "a",
        'բ' => "b",
        'գ' => "g",
        'դ' => "d",
        'ե' | 'է' => "e",
        'զ' => "z",
        'ը' => "y",
        'թ' | 'տ' => "t",
        'ժ' => "zh",
        'ի' => "i",
        'լ' => "l",
        'խ' => "kh",
        'ծ' | 'ց' => "ts",
        'կ' | 'ք' => "k",
        'հ' => "h",
        'ձ' => "dz",
        'ղ' => "gh",
        'ճ' | 'չ' => "ch",
        'մ' => "m",
        'յ' => "y",
        'ն' => "n",
        'շ' => "sh",
        'ո' => "o",
        'պ' | 'փ' => "p",
        'ջ' => "j",
        'ռ' | 'ր' => "r",
        'ս' => "s",
        'վ' | 'ւ' => "v",
        'օ' => "o",
        'ֆ' => "f",
        'և' => "ev",
        _ => return None,
    })
}

/// Georgian Mkhedruli (Mtavruli capitals lowercase to it).
fn georgian(c: char) -> Option<&'static str> {
    Some(match c {
        'ა' => "a",
        'ბ' => "b",
        'გ' => "g",
        'დ' => "d",
        'ე' => "e",
        'ვ' => "v",
        'ზ' => "z",
        'თ' | 'ტ' => "t",
        'ი' => "i",
        'კ' | 'ქ' => "k",
        'ლ' => "l",
        'მ' => "m",
        'ნ' => "n",
        'ო' => "o",
        'პ' | 'ფ' => "p",
        'ჟ' => "zh",
        'რ' => "r",
        'ს' => "s",
        'უ' => "u",
        'ღ' => "gh",
        'ყ' => "q",
        'შ' => "sh",
        'ჩ' | 'ჭ' => "ch",
        'ც' | 'წ' => "ts",
        'ძ' => "dz",
        'ხ' => "kh",
        'ჯ' => "j",
        'ჰ' => "h",
        _ => return None,
    })
}

/// Arabic (and Persian letters) to a consonant skeleton.
fn arabic(c: char) -> Option<&'static str> {
    Some(match c {
        // Vowel points, shadda, sukun, superscript alef, tatweel: dropped.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | 'ع' => "",
        'ا' | 'أ' | 'إ' | 'آ' | 'ٱ' | 'ء' | 'ؤ' | 'ئ' => "a",
        'ب' => "b",
        'پ' => "p",
        'ت' | 'ط' => "t",
        'ث' => "th",
        'ج' => "j",
        'چ' => "ch",
        'ح' | 'ه' | 'ة' | 'ۀ' => "h",
        'خ' => "kh",
        'د' | 'ض' => "d",
        'ذ' | 'ظ' => "dh",
        'ر' => "r",
        'ز' => "z",
        'ژ' => "zh",
        'س' | 'ص' => "s",
        'ش' => "sh",
        'غ' => "gh",
        'ف' => "f",
        'ق' | 'ک' | 'ك' => "k",
        'گ' => "g",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        'و' => "u",
        'ي' | 'ى' | 'ی' => "i",
        _ => return None,
    })
}

/// Hebrew to a consonant skeleton (points dropped, final forms unified).
fn hebrew(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{0591}'..='\u{05C7}' | 'א' | 'ע' => "",
        'ב' | 'ו' => "v",
        'ג' => "g",
        'ד' => "d",
        'ה' => "h",
        'ז' => "z",
        'ח' | 'כ' | 'ך' => "kh",
        'ט' | 'ת' => "t",
        'י' => "i",
        'ל' => "l",
        'מ' | 'ם' => "m",
        'נ' | 'ן' => "n",
        'ס' => "s",
        'פ' | 'ף' => "f",
        'צ' | 'ץ' => "ts",
        'ק' => "k",
        'ר' => "r",
        'ש' => "sh",
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
    fn greek_armenian_georgian_letters() {
        assert_eq!(fold("παπαδόπουλος"), "papadopoylos");
        assert_eq!(fold("պետրոսյան"), "petrosyan");
        assert_eq!(fold("ბერიძე"), "beridze");
    }

    #[test]
    fn arabic_and_hebrew_skeletons_ignore_points_and_letter_variants() {
        assert_eq!(fold("صَدّام"), fold("صدام"));
        assert_eq!(fold("أحمد"), fold("احمد"));
        assert_eq!(fold("שָׁלוֹם"), fold("שלום"));
    }

    #[test]
    fn accented_latin() {
        assert_eq!(
            fold("müller şahin ñandú straße"),
            "muller sahin nandu strasse"
        );
    }
}
