//! Typo tolerance between two keys: bounded Damerau–Levenshtein (optimal
//! string alignment) with length-aware limits.
//!
//! Short tokens must match exactly — one edit turns "ALI" into "ALE" or "LI"
//! into "LU", which are different people; this is also why exact short
//! matches are scored in full rather than diluted. Longer tokens tolerate
//! one edit, and two from eight characters up.

/// Shortest token length that tolerates any edit.
const FUZZY_FROM: usize = 4;
/// Shortest token length that tolerates two edits.
const TWO_EDITS_FROM: usize = 8;

/// Similarity in `0.0..=1.0` of two keys; 0 when they differ by more than
/// their length allows.
pub(crate) fn token_similarity(a: &str, b: &str) -> f32 {
    if a == b {
        return 1.0;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let shorter = a.len().min(b.len());
    let longer = a.len().max(b.len());
    if shorter < FUZZY_FROM {
        return 0.0;
    }
    let allowed = if shorter >= TWO_EDITS_FROM { 2 } else { 1 };
    match bounded_osa(&a, &b, allowed) {
        Some(d) => 1.0 - d as f32 / longer as f32,
        None => 0.0,
    }
}

/// A loose similarity (`1 - distance / longer length`) for tokens that
/// failed [`token_similarity`]: credited partially to leftover pairs so one
/// badly mangled word does not sink an otherwise matching name, but never
/// enough on its own to satisfy the distinctive-token rule.
pub(crate) fn loose_similarity(a: &str, b: &str) -> f32 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let longer = a.len().max(b.len());
    if longer == 0 {
        return 0.0;
    }
    let limit = longer / 2;
    match bounded_osa(&a, &b, limit) {
        Some(d) => 1.0 - d as f32 / longer as f32,
        None => 0.0,
    }
}

/// Optimal-string-alignment distance, or `None` when above `limit`.
pub(crate) fn bounded_osa(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let width = b.len() + 1;
    let mut prev2 = vec![0usize; width];
    let mut prev: Vec<usize> = (0..width).collect();
    let mut cur = vec![0usize; width];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        let ai = a.get(i - 1).copied();
        for j in 1..width {
            let bj = b.get(j - 1).copied();
            let cost = usize::from(ai != bj);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && ai == b.get(j - 2).copied() && a.get(i - 2).copied() == bj {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= limit).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn osa(a: &str, b: &str, limit: usize) -> Option<usize> {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        bounded_osa(&a, &b, limit)
    }

    #[test]
    fn distances() {
        assert_eq!(osa("ivanov", "ivanov", 2), Some(0));
        assert_eq!(osa("ivanov", "ivnaov", 2), Some(1));
        assert_eq!(osa("ivanov", "ivanv", 2), Some(1));
        assert_eq!(osa("ivanov", "petrov", 2), None);
        assert_eq!(osa("", "abc", 3), Some(3));
    }

    #[test]
    fn short_tokens_need_exact_matches() {
        assert_eq!(token_similarity("ali", "ale"), 0.0);
        assert_eq!(token_similarity("ali", "ali"), 1.0);
    }

    #[test]
    fn longer_tokens_tolerate_length_aware_edits() {
        assert!(token_similarity("ivanov", "ivanof") > 0.8);
        assert!(loose_similarity("stepe", "scpe") >= 0.6);
        assert_eq!(loose_similarity("abcd", "wxyz"), 0.0);
        assert_eq!(token_similarity("ivanov", "ivnaof"), 0.0);
        assert!(token_similarity("rosoboroneksport", "rosoboronekspotr") > 0.9);
        assert!(token_similarity("rosoboroneksport", "rasoboroneksprt") > 0.85);
    }
}
