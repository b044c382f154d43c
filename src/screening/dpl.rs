//! BIS Denied Persons List, `dpl.txt`: tab-separated, every field quoted,
//! header `"Name" "Street_Address" "City" "State" "Country" "Postal_Code"
//! "Effective_Date" "Expiration_Date" "Standard_Order" "Last_Update"
//! "Action" "FR_Citation"`. One row per denial order and address, so one
//! party can have several rows; rows are kept apart (each order is its own
//! entry, with its own dates).
//!
//! The file carries no publication date. The newest `Last_Update` stands in
//! for it: the list was published on or after that day, so the age shown can
//! only be overstated, never understated (dates with implausible years,
//! typos in the published file, are skipped).

use chrono::{Datelike, NaiveDate};

use super::list::{EntryName, ListEntry, ListError, NameKind, SubjectKind, csv_error, csv_line};

type Parsed = (Vec<ListEntry>, Option<NaiveDate>);

/// True for the first line of `dpl.txt`.
pub(crate) fn is_header(first_line: &str) -> bool {
    let mut cells = first_line.split('\t').map(|c| c.trim().trim_matches('"'));
    cells.next() == Some("Name") && cells.next() == Some("Street_Address")
}

/// Parses `dpl.txt`.
pub(crate) fn parse(text: &str, file: &str) -> Result<Parsed, ListError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(true)
        .flexible(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| csv_error(file, text, &e))?
        .clone();
    let column = |name: &str| headers.iter().position(|h| h.trim() == name);
    let [
        name,
        street,
        city,
        state,
        country,
        postal,
        effective,
        expiration,
        updated,
        citation,
    ] = [
        "Name",
        "Street_Address",
        "City",
        "State",
        "Country",
        "Postal_Code",
        "Effective_Date",
        "Expiration_Date",
        "Last_Update",
        "FR_Citation",
    ]
    .map(column);
    let mut entries = Vec::new();
    let mut newest: Option<NaiveDate> = None;
    for (row, result) in reader.records().enumerate() {
        let record = result.map_err(|e| csv_error(file, text, &e))?;
        let get = |c: Option<usize>| {
            c.and_then(|c| record.get(c))
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let Some(party) = get(name) else {
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            return Err(ListError::Malformed {
                file: file.to_string(),
                line: csv_line(text, &record),
                message: "the Name field is empty".to_string(),
            });
        };
        // A mistyped year (the 2022 file has a "3017-08-22") must not make
        // the list look newer than it is: implausible years are ignored.
        if let Some(d) = get(updated)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .filter(|d| d.year() < 2100)
        {
            newest = newest.max(Some(d));
        }
        let address: Vec<&str> = [street, city, state, postal, country]
            .into_iter()
            .filter_map(get)
            .collect();
        let mut programmes = vec!["Denied Persons List (15 CFR 764.3(a)(2))".to_string()];
        if let Some(c) = get(citation) {
            programmes.push(c.to_string());
        }
        let term = match (get(effective), get(expiration)) {
            (Some(from), Some(to)) => format!("denial order effective {from}, expires {to}"),
            (Some(from), None) => format!("denial order effective {from}"),
            _ => "denial order".to_string(),
        };
        entries.push(ListEntry {
            id: format!("row {}", row + 1),
            kind: SubjectKind::Unspecified,
            names: vec![EntryName {
                text: party.to_string(),
                kind: NameKind::Primary,
            }],
            programmes,
            countries: get(country)
                .map(|c| vec![c.to_string()])
                .unwrap_or_default(),
            source: Some(format!(
                "Denied Persons List (DPL) - Bureau of Industry and Security: {term}"
            )),
            addresses: if address.len() > 1 {
                vec![address.join(", ")]
            } else {
                Vec::new()
            },
            ..ListEntry::default()
        });
    }
    Ok((entries, newest))
}

#[cfg(test)]
mod tests {
    use crate::screening::{ListFormat, SanctionsList};

    const SAMPLE: &str = include_str!("../../public/lists/sample-dpl.txt");

    #[test]
    fn sample_parses_with_newest_update_as_date() {
        let list = SanctionsList::parse(SAMPLE.as_bytes(), "dpl.txt").expect("valid sample");
        assert_eq!(list.meta.format, ListFormat::BisDplTxt);
        assert_eq!(
            list.meta.published.map(|d| d.to_string()).as_deref(),
            Some("2026-02-10")
        );
        assert!(list.entries[0].addresses[0].contains("ALMATY"));
    }

    #[test]
    fn a_short_row_names_its_line() {
        let bad = "\"Name\"\t\"Street_Address\"\t\"City\"\n\"A\"\t\"B\"\t\"C\"\n\"D\"\t\"E\"\n";
        let err = SanctionsList::parse(bad.as_bytes(), "dpl.txt").expect_err("short row");
        assert!(err.to_string().starts_with("dpl.txt line 3:"), "{err}");
    }
}
