//! How a loaded sanctions list stood on the day it was searched, in the
//! user's language: the words the screening page, the results' case file and
//! the Verify page share. The judgement itself is the core's
//! (`enduse::party_screening::standing`); this only words it.

use enduse::model::ListStanding;

use crate::i18n::{Locale, t_string};

type I18n = leptos_i18n::I18nContext<Locale>;

/// "current (3 days)", "OUT OF DATE: 61 days, limit 7", "no date: age
/// unknown", "fictitious sample".
pub fn standing_words(i18n: I18n, standing: ListStanding) -> String {
    match standing {
        ListStanding::Current { age_days } => {
            t_string!(i18n, screening.standing_current, days = age_days).to_string()
        }
        ListStanding::OutOfDate {
            age_days,
            max_age_days,
        } => t_string!(
            i18n,
            screening.standing_out_of_date,
            days = age_days,
            max = max_age_days
        )
        .to_string(),
        ListStanding::DateUnknown => t_string!(i18n, screening.standing_date_unknown).to_string(),
        ListStanding::Sample => t_string!(i18n, screening.standing_sample).to_string(),
    }
}

/// The `data-standing` attribute value: `current`, `out_of_date`,
/// `date_unknown`, `sample` (for styles and tests).
pub fn standing_tag(standing: ListStanding) -> &'static str {
    match standing {
        ListStanding::Current { .. } => "current",
        ListStanding::OutOfDate { .. } => "out_of_date",
        ListStanding::DateUnknown => "date_unknown",
        ListStanding::Sample => "sample",
    }
}

/// Whether the standing keeps a "no list match" from counting.
pub fn needs_attention(standing: ListStanding) -> bool {
    !matches!(standing, ListStanding::Current { .. })
}
