//! A canonical phonetic key for one Latin token, so romanisation variants meet.
//!
//! The same Russian or Kazakh name reaches a list in many spellings:
//! Khodorkovsky / Hodorkovskiy, Yuri / Iurii, Zhambyl / Jambyl,
//! Tsoi / Tsoy, Shchukin / Schukin, Yevgeny / Evgenii. Rather than try every
//! pair, both sides are reduced to a key in which those differences vanish:
//!
//! * digraphs: `shch`/`sch` → `sh`, `dzh`/`dj`/`zh` → `j`, `kh` → `h`,
//!   `ts`/`tz` → `c` (but `tzh` → `tj`), `tch` → `ch`, `ck` → `k`, `ph` → `f`, `gh` → `g`;
//! * Latin `c`: `s` before `e`/`i`/`y`, else `k` (Electronics / Elektroniks);
//! * letters: `y` → `i`, `w` → `v`, `q` → `k`, `x` → `ks`;
//! * iotated `e`: `ie` at the start of a word or after a vowel → `e`
//!   (Yelena / Elena, Andreyev / Andreev);
//! * doubled letters collapse, which also unifies `-ii` / `-iy` / `-y`.
//!
//! Keys are compared exactly first and by edit distance second, so a key that
//! merges two genuinely different names only costs a little precision.

/// Returns the phonetic key of a lowercase folded token. Letters of scripts
/// with no folding (Arabic, Chinese, ...) pass through unchanged.
pub(crate) fn phonetic_key(token: &str) -> String {
    let chars: Vec<char> = token.chars().collect();
    let mut staged = String::with_capacity(token.len());
    let mut i = 0;
    while i < chars.len() {
        let rest = chars.get(i..).unwrap_or_default();
        match digraph(rest) {
            Some((replacement, consumed)) => {
                staged.push_str(replacement);
                i += consumed;
            }
            None => {
                if let Some(c) = rest.first() {
                    staged.push(*c);
                }
                i += 1;
            }
        }
    }
    // Iotated e and doubled letters.
    let mut key = String::with_capacity(staged.len());
    let staged: Vec<char> = staged.chars().collect();
    let mut prev: Option<char> = None;
    let mut j = 0;
    while j < staged.len() {
        let c = staged.get(j).copied().unwrap_or(' ');
        let next = staged.get(j + 1).copied();
        if c == 'i' && next == Some('e') && prev.is_none_or(is_vowel) {
            j += 1;
            continue;
        }
        if prev != Some(c) {
            key.push(c);
        }
        prev = Some(c);
        j += 1;
    }
    key
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// The replacement for the digraph (or remapped letter) at the start of
/// `rest`, and how many characters it consumed.
fn digraph(rest: &[char]) -> Option<(&'static str, usize)> {
    const RULES: &[(&str, &str)] = &[
        ("shch", "sh"),
        ("dzh", "j"),
        ("sch", "sh"),
        ("tch", "ch"),
        ("zh", "j"),
        ("dj", "j"),
        ("kh", "h"),
        ("ts", "c"),
        ("tzh", "tj"),
        ("tz", "c"),
        ("ck", "k"),
        ("ch", "ch"),
        ("ce", "se"),
        ("ci", "si"),
        ("cy", "si"),
        ("c", "k"),
        ("ph", "f"),
        ("gh", "g"),
        ("y", "i"),
        ("w", "v"),
        ("q", "k"),
        ("x", "ks"),
    ];
    RULES.iter().find_map(|(from, to)| {
        let n = from.len();
        (rest.len() >= n && rest.iter().take(n).copied().eq(from.chars())).then_some((*to, n))
    })
}

#[cfg(test)]
mod tests {
    use super::phonetic_key as k;

    #[test]
    fn romanisation_variants_meet() {
        assert_eq!(k("khodorkovsky"), k("hodorkovskiy"));
        assert_eq!(k("khodorkovskii"), k("hodorkovsky"));
        assert_eq!(k("yuri"), k("iurii"));
        assert_eq!(k("zhambyl"), k("jambyl"));
        assert_eq!(k("dzhambul"), k("jambul"));
        assert_eq!(k("tsoi"), k("tsoy"));
        assert_eq!(k("shchukin"), k("schukin"));
        assert_eq!(k("yevgeny"), k("evgenii"));
        assert_eq!(k("yelena"), k("elena"));
        assert_eq!(k("andreyev"), k("andreev"));
        assert_eq!(k("yakovlev"), k("iakovlev"));
        assert_eq!(k("aleksandr"), k("alexandr"));
        assert_eq!(k("akhmetzhanov"), k("ahmetjanov"));
        assert_eq!(k("electronics"), k("elektroniks"));
        assert_eq!(k("semiconductor"), k("semikonduktor"));
    }

    #[test]
    fn different_names_stay_apart() {
        assert_ne!(k("ivanov"), k("petrov"));
        assert_ne!(k("sokol"), k("sokolov"));
    }
}
