//! The payer and the paying bank screened against the ruleset's name lists
//! (`[name_lists.NAME]`: the banks and financial institutions outside Russia
//! that EU law bans transactions with), with the screening matcher the
//! parties use ([`crate::screening::ScreeningIndex`]: transliteration, legal
//! forms, fuzzy tokens) and, for the bank, an exact BIC comparison.
//!
//! Only entries in force on the as-of date are searched. A blank name (and,
//! for the bank, a blank BIC) is not screened, so the rules see missing
//! information, never a clean result. The evaluator calls [`screen_payment`]
//! itself when the evidence carries no payment screening, so every caller
//! (CLI, web, scenarios) gets the same answer.
//!
//! ```
//! use enduse::bank_screening::screen_payment;
//! use enduse::model::{PaymentRef, ScreeningOutcome, Transaction};
//! use enduse::ruleset::Ruleset;
//!
//! let ruleset = Ruleset::embedded()?;
//! let mut tx = Transaction::default();
//! tx.payment.bank_name = "OJSC Dushanbe City Bank".into();
//! let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 15);
//! let found = screen_payment(&tx, &ruleset, day);
//! assert_eq!(found[0].who, PaymentRef::Bank);
//! assert_eq!(found[0].outcome, ScreeningOutcome::PotentialMatch);
//! # Ok::<(), enduse::ruleset::RulesetError>(())
//! ```

use chrono::NaiveDate;

use crate::model::{PaymentRef, PaymentScreening, ScreeningOutcome, Transaction};
use crate::party_screening::{best_hit, outcome_of};
use crate::ruleset::{NameListEntry, Ruleset};
use crate::screening::{
    EntryName, ListEntry, ListFormat, ListMeta, NameKind, SanctionsList, ScreenOptions,
    ScreeningIndex, Sha256Digest, SubjectKind,
};

/// Screens the payer's name and the paying bank's name and BIC against every
/// name-list entry in force on `as_of`. Returns nothing when the ruleset has
/// no name list; otherwise one result for each of payer and bank that was
/// named.
pub fn screen_payment(
    tx: &Transaction,
    ruleset: &Ruleset,
    as_of: Option<NaiveDate>,
) -> Vec<PaymentScreening> {
    if ruleset.name_lists().is_empty() {
        return Vec::new();
    }
    let in_force: Vec<(&str, &NameListEntry)> = ruleset
        .name_lists()
        .iter()
        .flat_map(|l| l.entries.iter().map(move |e| (l.id.as_str(), e)))
        .filter(|(_, e)| e.in_force_on(as_of))
        .collect();
    let index = index_of(&in_force);
    let opts = ScreenOptions::default();
    let mut out = Vec::with_capacity(2);

    let payer = tx.payment.payer_name.trim();
    if !payer.is_empty() {
        out.push(by_name(PaymentRef::Payer, payer, &index, &in_force, &opts));
    }
    let bank = tx.payment.bank_name.trim();
    let bic = normalise_bic(&tx.payment.bank_bic);
    let by_bic = bic.as_deref().and_then(|b| {
        in_force.iter().find(|(_, e)| {
            e.bic
                .as_deref()
                .is_some_and(|eb| eb.get(..8) == b.get(..8) && b.len() >= 8)
        })
    });
    if let Some((_, e)) = by_bic {
        out.push(PaymentScreening {
            who: PaymentRef::Bank,
            outcome: ScreeningOutcome::PotentialMatch,
            summary: format!(
                "BIC {} is {}'s: {}",
                bic.as_deref().unwrap_or(""),
                e.name,
                entry_line(e)
            ),
        });
    } else if !bank.is_empty() {
        out.push(by_name(PaymentRef::Bank, bank, &index, &in_force, &opts));
    } else if let Some(b) = bic {
        out.push(PaymentScreening {
            who: PaymentRef::Bank,
            outcome: ScreeningOutcome::NoListMatch,
            summary: format!(
                "no list match: BIC {b} among {} listed institutions",
                in_force.len()
            ),
        });
    }
    out
}

/// A BIC as written, reduced to capital letters and digits (spaces and
/// dashes dropped); `None` unless 8 or 11 characters remain.
fn normalise_bic(text: &str) -> Option<String> {
    let b: String = text
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (b.len() == 8 || b.len() == 11).then_some(b)
}

fn index_of(in_force: &[(&str, &NameListEntry)]) -> ScreeningIndex {
    let entries: Vec<ListEntry> = in_force
        .iter()
        .enumerate()
        .map(|(i, (_, e))| {
            let mut names = vec![EntryName {
                text: e.name.clone(),
                kind: NameKind::Primary,
            }];
            names.extend(e.aliases.iter().map(|a| EntryName {
                text: a.clone(),
                kind: NameKind::Aka,
            }));
            ListEntry {
                id: i.to_string(),
                kind: SubjectKind::Organisation,
                names,
                programmes: vec![e.listed_by.clone()],
                countries: vec![e.country.code().to_string()],
                ..ListEntry::default()
            }
        })
        .collect();
    if entries.is_empty() {
        return ScreeningIndex::build(Vec::new());
    }
    let file_name = "ruleset name lists".to_string();
    let meta = ListMeta {
        sha256: Sha256Digest::of(file_name.as_bytes()),
        file_name,
        format: ListFormat::RulesetNameList,
        entry_count: entries.len(),
        published: None,
        retrieved: None,
        sample: false,
        encoding: "UTF-8",
        attached: Vec::new(),
    };
    ScreeningIndex::build(vec![SanctionsList { meta, entries }])
}

fn by_name(
    who: PaymentRef,
    name: &str,
    index: &ScreeningIndex,
    in_force: &[(&str, &NameListEntry)],
    opts: &ScreenOptions,
) -> PaymentScreening {
    let result = index.screen(name, opts);
    let hit = best_hit(&result).and_then(|h| {
        h.entry_id
            .parse::<usize>()
            .ok()
            .and_then(|i| in_force.get(i))
            .map(|(_, e)| (h, *e))
    });
    let summary = match hit {
        Some((h, e)) => format!(
            "{}: «{}» ~ {} ({:.2}): {}",
            result.outcome,
            name,
            h.matched_name,
            h.score.value(),
            entry_line(e)
        ),
        None => format!(
            "{}: «{}» among {} listed institutions",
            result.outcome,
            name,
            in_force.len()
        ),
    };
    PaymentScreening {
        who,
        outcome: outcome_of(result.outcome),
        summary,
    }
}

/// "Dushanbe City Bank (TJ), listed by Council Regulation (EU) 2025/2033 of
/// 2025-10-23, from 2025-11-12".
fn entry_line(e: &NameListEntry) -> String {
    let mut line = format!(
        "{} ({}), listed by {}",
        e.name,
        e.country.code(),
        e.listed_by
    );
    if let Some(d) = e.date {
        line.push_str(&format!(" of {d}"));
    }
    if let Some(d) = e.applies_from {
        line.push_str(&format!(", from {d}"));
    }
    if let Some(b) = &e.bic {
        line.push_str(&format!(", BIC {b}"));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ruleset() -> Ruleset {
        Ruleset::embedded().unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn a_listed_bank_is_found_in_latin_and_cyrillic_from_its_first_day() {
        let r = ruleset();
        for name in [
            "Dushanbe City Bank",
            "ОАО «Душанбе Сити Банк»",
            "Spitamen Bank OJSC",
        ] {
            let mut tx = Transaction::default();
            tx.payment.bank_name = name.into();
            let got = screen_payment(&tx, &r, day(2025, 11, 12));
            assert_eq!(got.len(), 1, "{name}");
            assert_eq!(
                got[0].outcome,
                ScreeningOutcome::PotentialMatch,
                "{name}: {got:?}"
            );
            assert!(got[0].summary.contains("2025/2033"), "{}", got[0].summary);
            // The day before the ban applies, the entry is not law yet.
            let before = screen_payment(&tx, &r, day(2025, 11, 11));
            assert_eq!(before[0].outcome, ScreeningOutcome::NoListMatch, "{name}");
        }
    }

    #[test]
    fn the_payer_is_screened_too_and_blank_names_are_not() {
        let r = ruleset();
        let mut tx = Transaction::default();
        assert!(screen_payment(&tx, &r, day(2026, 1, 1)).is_empty());
        tx.payment.payer_name = "Tolubay Bank".into();
        let got = screen_payment(&tx, &r, day(2026, 1, 1));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].who, PaymentRef::Payer);
        assert_eq!(got[0].outcome, ScreeningOutcome::PotentialMatch);
    }

    #[test]
    fn an_ordinary_bank_is_no_match() {
        let r = ruleset();
        let mut tx = Transaction::default();
        tx.payment.payer_name = "KazPumpMash JSC".into();
        tx.payment.bank_name = "Deutsche Bank AG".into();
        tx.payment.bank_bic = "DEUT DE FF".into();
        let got = screen_payment(&tx, &r, day(2026, 1, 1));
        assert_eq!(got.len(), 2);
        assert!(
            got.iter()
                .all(|s| s.outcome == ScreeningOutcome::NoListMatch),
            "{got:?}"
        );
    }

    #[test]
    fn hostile_bics_and_names_never_panic() {
        let r = ruleset();
        for text in [
            "",
            " ",
            "ÄÖÜ",
            "🦀🦀🦀🦀🦀🦀🦀🦀",
            "A-B-C-D-E-F-G-H-I-J-K",
            "\u{202e}bank",
            "x",
        ] {
            let mut tx = Transaction::default();
            tx.payment.bank_name = text.repeat(50);
            tx.payment.bank_bic = text.into();
            tx.payment.payer_name = text.into();
            let _ = screen_payment(&tx, &r, None);
        }
        assert_eq!(normalise_bic("deut de ff 500"), Some("DEUTDEFF500".into()));
        assert_eq!(normalise_bic("DEUT"), None);
    }
}
