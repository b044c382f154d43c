//! Screening the parties of a transaction: the bridge between
//! [`crate::screening`] (which knows lists and names) and the risk engine's
//! [`Evidence`](crate::model::Evidence) (which knows parties and outcomes).
//!
//! Neither side depends on the other; this module is the only place that
//! knows both, so the web app and the CLI turn a screening into evidence the
//! same way.
//!
//! ```
//! use enduse::model::{PartyRef, ScreeningOutcome, Transaction};
//! use enduse::party_screening::{screen_parties, to_evidence};
//! use enduse::screening::{SanctionsList, ScreenOptions, ScreeningIndex};
//!
//! let csv = "id,schema,name,aliases\nX-1,Company,\"Alfa Trade LLP\",\"ТОО Альфа Трейд\"\n";
//! let index = ScreeningIndex::build(vec![SanctionsList::parse(csv.as_bytes(), "targets.simple.csv")?]);
//! let mut tx = Transaction::default();
//! tx.parties.buyer.name = "ТОО «Альфа Трейд»".into();
//! let results = screen_parties(&tx, &index, &ScreenOptions::default());
//! let evidence = to_evidence(&results, index.lists());
//! assert_eq!(evidence[0].party, PartyRef::Buyer);
//! assert_eq!(evidence[0].outcome, ScreeningOutcome::PotentialMatch);
//! # Ok::<(), enduse::screening::ListError>(())
//! ```

use chrono::NaiveDate;

use crate::model::{
    ListStanding, ListsSearched, PartyRef, PartyScreening, ScreeningOutcome, SearchedList,
    Transaction,
};
use crate::screening::{
    Freshness, Hit, ListMeta, Outcome, ScreenOptions, ScreeningIndex, ScreeningResult,
};

/// Screens every *named* party of `tx` — buyer, consignee, end user, each
/// intermediary, freight forwarder — in that order.
///
/// A party whose name is blank is left out rather than reported as "no list
/// match": an empty name was not screened, and the rules must see that as
/// missing information, not as a clean result.
pub fn screen_parties(
    tx: &Transaction,
    index: &ScreeningIndex,
    opts: &ScreenOptions,
) -> Vec<(PartyRef, ScreeningResult)> {
    tx.parties()
        .filter(|(_, party)| !party.name.trim().is_empty())
        .map(|(r, party)| (r, index.screen(party.name.trim(), opts)))
        .collect()
}

/// The risk engine's view of screening results: one [`PartyScreening`] per
/// screened party, with a one-line summary for the report.
///
/// `lists` are the lists searched (`index.lists()`); a "no list match"
/// summary names them, because the result only means something relative to
/// the lists that were loaded.
pub fn to_evidence(
    results: &[(PartyRef, ScreeningResult)],
    lists: &[ListMeta],
) -> Vec<PartyScreening> {
    results
        .iter()
        .map(|(party, result)| PartyScreening {
            party: *party,
            outcome: outcome_of(result.outcome),
            summary: summary(result, lists),
        })
        .collect()
}

/// The lists searched, each judged on `today` against the host's age limit
/// (`config.json` `list_max_age_days`), for [`Evidence::lists`](crate::model::Evidence::lists).
///
/// `today` is the day of the screening, not the assessment's as-of date: a
/// list is out of date relative to when it is searched, whatever law the
/// assessment applies.
pub fn lists_searched(lists: &[ListMeta], today: NaiveDate, max_age_days: u32) -> ListsSearched {
    ListsSearched::new(
        lists
            .iter()
            .map(|l| SearchedList {
                name: l.file_name.clone(),
                standing: standing(l, today, max_age_days),
            })
            .collect(),
    )
}

/// One list's standing: a sample is a sample whatever its date.
pub fn standing(list: &ListMeta, today: NaiveDate, max_age_days: u32) -> ListStanding {
    if list.sample {
        return ListStanding::Sample;
    }
    match list.freshness(today, max_age_days) {
        Freshness::Current { age_days } => ListStanding::Current { age_days },
        Freshness::Stale {
            age_days,
            max_age_days,
        } => ListStanding::OutOfDate {
            age_days,
            max_age_days,
        },
        Freshness::DateUnknown => ListStanding::DateUnknown,
    }
}

/// The engine's outcome for a screening outcome (the two enums say the same
/// thing; they are separate so neither module depends on the other).
pub fn outcome_of(outcome: Outcome) -> ScreeningOutcome {
    match outcome {
        Outcome::NoListMatch => ScreeningOutcome::NoListMatch,
        Outcome::Review => ScreeningOutcome::Review,
        Outcome::PotentialMatch => ScreeningOutcome::PotentialMatch,
    }
}

/// One line for the report. For a hit: the best one's score, list, entry id,
/// programmes and matched name (the outcome itself is in
/// [`PartyScreening::outcome`], and the rules' sentences already say it). For
/// no hit: "no list match" with the name and the lists searched.
pub fn summary(result: &ScreeningResult, lists: &[ListMeta]) -> String {
    match best_hit(result) {
        Some(hit) => hit_line(hit, result.hits.len()),
        None => {
            let files: Vec<&str> = lists.iter().map(|l| l.file_name.as_str()).collect();
            if files.is_empty() {
                format!("{}: «{}» (no lists loaded)", result.outcome, result.query)
            } else {
                format!(
                    "{}: «{}» in {}",
                    result.outcome,
                    result.query,
                    files.join(", ")
                )
            }
        }
    }
}

/// The highest-scoring hit (the first one on ties, so the order is stable).
pub fn best_hit(result: &ScreeningResult) -> Option<&Hit> {
    result.hits.iter().reduce(|best, h| {
        if h.score.value() > best.score.value() {
            h
        } else {
            best
        }
    })
}

fn hit_line(hit: &Hit, hit_count: usize) -> String {
    let programmes = if hit.programmes.is_empty() {
        String::new()
    } else {
        format!(" ({})", hit.programmes.join(", "))
    };
    let others = match hit_count.saturating_sub(1) {
        0 => String::new(),
        n => format!("; {n} more hit(s)"),
    };
    format!(
        "score {score} with {list} entry {id}{programmes}, matched name «{matched}» ({kind}){others}",
        score = hit.score,
        list = hit.list,
        id = hit.entry_id,
        matched = hit.matched_name,
        kind = name_kind_label(hit.matched_name_kind),
    )
}

fn name_kind_label(kind: crate::screening::NameKind) -> &'static str {
    use crate::screening::NameKind;
    match kind {
        NameKind::Primary => "primary name",
        NameKind::Aka => "a.k.a.",
        NameKind::Fka => "f.k.a.",
        NameKind::Nka => "n.k.a.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Party;
    use crate::screening::SanctionsList;

    const SDN: &[u8] = include_bytes!("../public/lists/sample-sdn.csv");
    const ALT: &[u8] = include_bytes!("../public/lists/sample-alt.csv");
    const OPEN: &[u8] = include_bytes!("../public/lists/sample-opensanctions.csv");

    fn sample_index() -> ScreeningIndex {
        let mut sdn = SanctionsList::parse(SDN, "sample-sdn.csv").expect("sample sdn parses");
        sdn.attach_ofac(ALT, "sample-alt.csv")
            .expect("sample alt attaches");
        let open = SanctionsList::parse(OPEN, "sample-opensanctions.csv")
            .expect("sample opensanctions parses");
        ScreeningIndex::build(vec![sdn, open])
    }

    fn named(name: &str) -> Party {
        Party {
            name: name.to_string(),
            ..Party::default()
        }
    }

    #[test]
    fn every_named_party_is_screened_in_order() {
        let index = sample_index();
        let mut tx = Transaction::default();
        tx.parties.buyer = named("Northwind Garden Supplies GmbH");
        tx.parties.consignee = named("ТОО «Каратау Вектор Электроника»");
        // End user left blank: not screened.
        tx.parties.intermediaries = vec![named("Acme Plumbing Ltd"), named("  ")];
        tx.shipment.freight_forwarder = Some(named("Issyk-Kul Tranzit Logistika"));
        let results = screen_parties(&tx, &index, &ScreenOptions::default());
        let refs: Vec<PartyRef> = results.iter().map(|(r, _)| *r).collect();
        assert_eq!(
            refs,
            vec![
                PartyRef::Buyer,
                PartyRef::Consignee,
                PartyRef::Intermediary(0),
                PartyRef::FreightForwarder
            ]
        );
        let outcomes: Vec<Outcome> = results.iter().map(|(_, r)| r.outcome).collect();
        assert_eq!(
            outcomes,
            vec![
                Outcome::NoListMatch,
                Outcome::PotentialMatch,
                Outcome::NoListMatch,
                Outcome::PotentialMatch
            ]
        );
    }

    #[test]
    fn evidence_carries_outcome_and_explaining_summary() {
        let index = sample_index();
        let mut tx = Transaction::default();
        tx.parties.buyer = named("ТОО Каратау Вектор Электроника");
        tx.parties.end_user = named("Northwind Garden Supplies GmbH");
        let results = screen_parties(&tx, &index, &ScreenOptions::default());
        let evidence = to_evidence(&results, index.lists());
        assert_eq!(evidence.len(), 2);

        let buyer = &evidence[0];
        assert_eq!(buyer.party, PartyRef::Buyer);
        assert_eq!(buyer.outcome, ScreeningOutcome::PotentialMatch);
        assert!(
            buyer.summary.starts_with("score 1.00 with "),
            "{}",
            buyer.summary
        );
        // The best hit's list, id, programme and matched name are named.
        let best = best_hit(&results[0].1).expect("a potential match has a hit");
        assert!(buyer.summary.contains(&best.list), "{}", buyer.summary);
        assert!(buyer.summary.contains(&best.entry_id), "{}", buyer.summary);
        assert!(
            buyer.summary.contains("RUSSIA-EO14024"),
            "{}",
            buyer.summary
        );
        assert!(
            buyer.summary.contains(&format!("«{}»", best.matched_name)),
            "{}",
            buyer.summary
        );

        let end_user = &evidence[1];
        assert_eq!(end_user.party, PartyRef::EndUser);
        assert_eq!(end_user.outcome, ScreeningOutcome::NoListMatch);
        assert!(end_user.summary.starts_with("no list match: "));
        assert!(end_user.summary.contains("sample-sdn.csv"));
        assert!(end_user.summary.contains("sample-opensanctions.csv"));
        assert!(!end_user.summary.to_lowercase().contains("clear"));
    }

    #[test]
    fn review_band_maps_to_review() {
        let index = sample_index();
        let mut tx = Transaction::default();
        tx.parties.buyer = named("Karatau Vektor");
        let strict = ScreenOptions::new(1.0, 0.3).expect("valid thresholds");
        let results = screen_parties(&tx, &index, &strict);
        let evidence = to_evidence(&results, index.lists());
        let (_, result) = &results[0];
        assert!(!result.hits.is_empty(), "partial name finds the entry");
        assert_eq!(evidence[0].outcome, outcome_of(result.outcome));
        assert_eq!(evidence[0].outcome, ScreeningOutcome::Review);
        assert!(
            evidence[0].summary.starts_with("score 0."),
            "{}",
            evidence[0].summary
        );
    }

    #[test]
    fn no_lists_means_no_match_that_says_so() {
        let index = ScreeningIndex::build(Vec::new());
        let mut tx = Transaction::default();
        tx.parties.buyer = named("Anyone");
        let results = screen_parties(&tx, &index, &ScreenOptions::default());
        let evidence = to_evidence(&results, index.lists());
        assert_eq!(evidence[0].outcome, ScreeningOutcome::NoListMatch);
        assert!(evidence[0].summary.contains("no lists loaded"));
    }

    #[test]
    fn outcomes_map_one_to_one() {
        assert_eq!(
            outcome_of(Outcome::NoListMatch),
            ScreeningOutcome::NoListMatch
        );
        assert_eq!(outcome_of(Outcome::Review), ScreeningOutcome::Review);
        assert_eq!(
            outcome_of(Outcome::PotentialMatch),
            ScreeningOutcome::PotentialMatch
        );
    }

    #[test]
    fn lists_are_judged_on_the_day_of_the_screening() {
        use crate::model::{ListStanding, ListsStanding};
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        let csv = "id,schema,name,aliases\nX-1,Company,\"Alfa Trade LLP\",\n";
        let mut real = SanctionsList::parse(csv.as_bytes(), "targets.simple.csv")
            .expect("parses")
            .meta;
        assert!(!real.sample);
        // OpenSanctions simple CSV carries no date: unknown until a host
        // says when it fetched the file.
        assert_eq!(
            standing(&real, day(2026, 12, 1), 7),
            ListStanding::DateUnknown
        );
        real.retrieved = Some(day(2026, 11, 28));
        assert_eq!(
            standing(&real, day(2026, 12, 1), 7),
            ListStanding::Current { age_days: 3 }
        );
        assert_eq!(
            standing(&real, day(2026, 12, 9), 7),
            ListStanding::OutOfDate {
                age_days: 11,
                max_age_days: 7
            }
        );
        // The later of the file's date and the retrieval date counts.
        real.published = Some(day(2026, 12, 5));
        assert_eq!(
            standing(&real, day(2026, 12, 9), 7),
            ListStanding::Current { age_days: 4 }
        );

        let index = sample_index();
        let judged = lists_searched(index.lists(), day(2026, 12, 1), 7);
        assert!(
            judged
                .lists()
                .iter()
                .all(|l| l.standing == ListStanding::Sample)
        );
        assert_eq!(judged.standing(), ListsStanding::SamplesOnly);
        let mixed = lists_searched(&[index.lists()[0].clone(), real], day(2026, 12, 9), 7);
        assert!(mixed.clears(), "{}", mixed.summary());
    }
}
