//! The facts a case file (the results print view, an auditor's file note)
//! states about its own making: when, with which lists, and whether those
//! lists were real. Pure, so the browser and tests read the same words.
//!
//! The site ships four fictitious SAMPLE lists so the screening can be tried
//! without downloading anything. A clean result against them proves nothing,
//! so every place that shows screening must say so: [`ListMeta::sample`]
//! (the file marks itself, or the host's index says so) is the one test for
//! it.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde_json::Value;

use crate::model::{ListStanding, Transaction};
use crate::record::convert::{ConvertError, transaction_to_v1};
use crate::screening::ListMeta;

/// One list searched, as a file note states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListSearched {
    /// File name as loaded.
    pub name: String,
    /// Publication date printed in the list, when it has one.
    pub date: Option<String>,
    /// Entries read from it.
    pub entries: usize,
    /// SHA-256 of the file (lowercase hex).
    pub sha256: String,
    /// One of the site's fictitious sample lists.
    pub sample: bool,
    /// How current it was on the day of the note.
    pub standing: ListStanding,
}

/// The lists searched, in load order, each judged on `today` against the
/// host's age limit.
pub fn lists_for_note(
    lists: &[ListMeta],
    today: NaiveDate,
    max_age_days: u32,
) -> Vec<ListSearched> {
    lists
        .iter()
        .map(|l| ListSearched {
            name: l.file_name.clone(),
            date: l.published.map(|d| d.to_string()),
            entries: l.entry_count,
            sha256: l.sha256.to_hex(),
            sample: l.sample,
            standing: crate::party_screening::standing(l, today, max_age_days),
        })
        .collect()
}

/// Whether any searched list is a sample (then the whole screening is).
pub fn any_sample(lists: &[ListSearched]) -> bool {
    lists.iter().any(|l| l.sample)
}

/// A moment as a file note prints it: local date and time with the UTC
/// offset, so the note is unambiguous wherever it is read
/// (`2026-12-01 10:05 UTC+01:00`).
pub fn note_time(instant: DateTime<Utc>, offset_minutes: i32) -> String {
    let offset = FixedOffset::east_opt(offset_minutes.clamp(-18 * 60, 18 * 60) * 60)
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"));
    instant
        .with_timezone(&offset)
        .format("%Y-%m-%d %H:%M UTC%:z")
        .to_string()
}

/// Every answer of the transaction as `path: value` lines, in the record's
/// own member names (`goods[0].value`, `payment.method`), so the file note
/// states exactly what the record holds. Unknown answers read `unknown`;
/// empty texts and lists are left out.
pub fn answer_lines(tx: &Transaction) -> Result<Vec<(String, String)>, ConvertError> {
    let v1 = transaction_to_v1(tx)?;
    let value = serde_json::to_value(&v1).map_err(|e| ConvertError {
        path: "transaction".into(),
        reason: e.to_string(),
    })?;
    let mut out = Vec::new();
    flatten(&value, "", &mut out);
    Ok(out)
}

fn flatten(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let next = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                flatten(v, &next, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                flatten(v, &format!("{path}[{i}]"), out);
            }
        }
        Value::Null => out.push((path.to_string(), "unknown".into())),
        Value::String(text) if text.trim().is_empty() => {}
        Value::String(text) => out.push((path.to_string(), text.clone())),
        other => out.push((path.to_string(), other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_site_lists_are_all_samples() {
        let index: serde_json::Value =
            serde_json::from_str(include_str!("../public/lists/index.json")).expect("index");
        for list in index["lists"].as_array().expect("lists") {
            let file = list["file"].as_str().expect("file");
            let bytes = std::fs::read(format!(
                "{}/public/lists/{file}",
                env!("CARGO_MANIFEST_DIR")
            ))
            .expect("the index names a file that exists");
            let parsed = crate::screening::SanctionsList::parse(&bytes, file).expect("parses");
            assert!(parsed.meta.sample, "{file} marks itself as a sample");
            let day = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
            let noted = &lists_for_note(&[parsed.meta], day, 7)[0];
            assert!(noted.sample);
            assert_eq!(noted.standing, ListStanding::Sample);
        }
    }

    #[test]
    fn every_answer_is_a_line() {
        let mut tx = Transaction {
            reference: "PO-117".into(),
            ..Transaction::default()
        };
        tx.parties.buyer.name = "Steppe Trade LLP".into();
        tx.goods.push(crate::model::GoodsLine {
            description: "Bearings".into(),
            value: crate::model::Fact::Known(480000.0),
            ..Default::default()
        });
        let lines = answer_lines(&tx).expect("converts");
        let get = |path: &str| {
            lines
                .iter()
                .find(|(p, _)| p == path)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(get("reference"), Some("PO-117"));
        assert_eq!(get("goods[0].value"), Some("480000"));
        assert_eq!(get("goods[0].hs_code"), Some("unknown"));
        assert_eq!(get("parties[0].name"), Some("Steppe Trade LLP"));
        assert_eq!(get("goods[0].manufacturer"), None, "empty text is left out");
    }

    #[test]
    fn note_time_names_the_offset() {
        let t = Utc.with_ymd_and_hms(2026, 12, 1, 9, 5, 0).single().unwrap();
        assert_eq!(note_time(t, 60), "2026-12-01 10:05 UTC+01:00");
        assert_eq!(note_time(t, 300), "2026-12-01 14:05 UTC+05:00");
        assert_eq!(note_time(t, 0), "2026-12-01 09:05 UTC+00:00");
        assert_eq!(note_time(t, -240), "2026-12-01 05:05 UTC-04:00");
    }
}
