//! The line every printout and the Sources & method page carry: "Law as of
//! DATE, ruleset VERSION", in the reader's language. One wording, made here,
//! so the CLI, the results page, its print view and the Sources page cannot
//! say different things.

use chrono::NaiveDate;

use crate::lang::Lang;

/// "Law as of 2025-01-15, ruleset version 2026.12.1"; without a date (neither
/// the user nor the ruleset named one) it says so, because every dated rule
/// then counts as in force.
pub fn line(as_of: Option<NaiveDate>, version: &str, lang: Lang) -> String {
    match (as_of, lang) {
        (Some(d), Lang::En) => format!("Law as of {d}, ruleset version {version}"),
        (Some(d), Lang::Ru) => format!("Право по состоянию на {d}, версия правил {version}"),
        (Some(d), Lang::Kk) => format!("Құқық {d} жағдайы бойынша, ережелер нұсқасы {version}"),
        (None, Lang::En) => {
            format!("Law as of: no date given (the ruleset names none), ruleset version {version}")
        }
        (None, Lang::Ru) => format!(
            "Право по состоянию на: дата не указана (в наборе правил её нет), версия правил {version}"
        ),
        (None, Lang::Kk) => format!(
            "Құқық жағдайы: күн көрсетілмеген (ережелер жинағында жоқ), ережелер нұсқасы {version}"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_names_the_date_and_the_version() {
        let day = NaiveDate::from_ymd_opt(2025, 1, 15);
        for lang in [Lang::En, Lang::Ru, Lang::Kk] {
            let dated = line(day, "2026.12.1", lang);
            assert!(
                dated.contains("2025-01-15") && dated.contains("2026.12.1"),
                "{dated}"
            );
            let undated = line(None, "2026.12.1", lang);
            assert!(
                undated.contains("2026.12.1") && !undated.contains("2025"),
                "{undated}"
            );
        }
        assert_eq!(
            line(day, "1", Lang::En),
            "Law as of 2025-01-15, ruleset version 1"
        );
    }
}
