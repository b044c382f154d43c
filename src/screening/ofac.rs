//! OFAC SDN legacy CSV: `sdn.csv`, `alt.csv`, `add.csv`.
//!
//! No header; `-0-` (often with a trailing space) means empty; names are
//! quoted; the files end with a DOS end-of-file byte (0x1A). Programmes are
//! packed into one field as `IRAN] [SDGT`. Aliases and addresses live in the
//! two companion files keyed by `ent_num`, and those are frequently published
//! on a different day than `sdn.csv`, so orphans are expected.

use std::collections::HashMap;

use super::list::{
    EntryName, Identifier, ListEntry, ListError, ListFormat, NameKind, OrphanReport, SubjectKind,
    clean_field, csv_error, csv_line,
};

const SDN_COLUMNS: usize = 12;
const ALT_COLUMNS: usize = 5;
const ADD_COLUMNS: usize = 6;
const MAX_ORPHAN_EXAMPLES: usize = 10;

/// Recognises which OFAC file a first line belongs to.
pub(crate) fn detect_part(first_line: &str) -> Option<ListFormat> {
    let mut reader = reader(first_line.as_bytes());
    let record = reader.records().next()?.ok()?;
    let ent_num = record.get(0).and_then(clean_field)?;
    ent_num.parse::<u64>().ok()?;
    match record.len() {
        SDN_COLUMNS => Some(ListFormat::OfacSdnCsv),
        ALT_COLUMNS => {
            let alt_type = record
                .get(2)
                .and_then(clean_field)
                .map(str::to_ascii_lowercase);
            matches!(alt_type.as_deref(), Some("aka" | "fka" | "nka"))
                .then_some(ListFormat::OfacAltCsv)
        }
        ADD_COLUMNS => Some(ListFormat::OfacAddCsv),
        _ => None,
    }
}

fn reader(bytes: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
}

/// True for blank lines and the trailing 0x1A end-of-file marker.
fn is_filler(record: &csv::StringRecord) -> bool {
    record.iter().all(|f| clean_field(f).is_none())
}

fn malformed(file: &str, text: &str, record: &csv::StringRecord, message: String) -> ListError {
    ListError::Malformed {
        file: file.to_string(),
        line: csv_line(text, record),
        message,
    }
}

fn ent_num(file: &str, text: &str, record: &csv::StringRecord) -> Result<u64, ListError> {
    let raw = record.get(0).and_then(clean_field).unwrap_or("");
    raw.parse::<u64>().map_err(|_| {
        malformed(
            file,
            text,
            record,
            format!("ent_num \"{raw}\" is not a number; is this really an OFAC legacy CSV file?"),
        )
    })
}

fn expect_columns(
    file: &str,
    text: &str,
    record: &csv::StringRecord,
    expected: usize,
    what: &str,
) -> Result<(), ListError> {
    if record.len() == expected {
        Ok(())
    } else {
        Err(malformed(
            file,
            text,
            record,
            format!(
                "{what} rows have {expected} columns, this one has {}",
                record.len()
            ),
        ))
    }
}

/// Parses `sdn.csv`.
pub(crate) fn parse_sdn(text: &str, file: &str) -> Result<Vec<ListEntry>, ListError> {
    let mut entries = Vec::new();
    for result in reader(text.as_bytes()).records() {
        let record = result.map_err(|e| csv_error(file, text, &e))?;
        if is_filler(&record) {
            continue;
        }
        expect_columns(file, text, &record, SDN_COLUMNS, "sdn.csv")?;
        let id = ent_num(file, text, &record)?;
        let name = record
            .get(1)
            .and_then(clean_field)
            .ok_or_else(|| malformed(file, text, &record, "SDN_Name is empty".to_string()))?;
        let kind = match record
            .get(2)
            .and_then(clean_field)
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            None => SubjectKind::Organisation,
            Some("individual") => SubjectKind::Person,
            Some("vessel") => SubjectKind::Vessel,
            Some("aircraft") => SubjectKind::Aircraft,
            Some(_) => SubjectKind::Unspecified,
        };
        let programmes = record
            .get(3)
            .and_then(clean_field)
            .map(|p| {
                p.split("] [")
                    .map(|s| s.trim_matches(['[', ']', ' ']).to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let mut countries = Vec::new();
        if let Some(flag) = record.get(9).and_then(clean_field) {
            countries.push(flag.to_string());
        }
        let remarks = record.get(11).and_then(clean_field).map(remark_details);
        entries.push(ListEntry {
            id: id.to_string(),
            kind,
            names: vec![EntryName {
                text: name.to_string(),
                kind: NameKind::Primary,
            }],
            programmes,
            countries,
            birth_dates: remarks.as_ref().map(|r| r.0.clone()).unwrap_or_default(),
            identifiers: remarks.map(|r| r.1).unwrap_or_default(),
            ..ListEntry::default()
        });
    }
    Ok(entries)
}

/// Labels of identifiers in OFAC remarks (`Tax ID No. 7714456916 (Russia)`,
/// `Registration Number 1207700001486`, `Vessel Registration
/// Identification IMO 9187629`, `Passport 1234567 (Russia)`).
const IDENTIFIER_LABELS: &[&str] = &[
    "tax id",
    "registration",
    "imo",
    "passport",
    "national id",
    "identification",
    "company number",
    "inn",
    "ogrn",
    "bin",
    "iin",
    "kpp",
    "okpo",
    "swift",
    "cedula",
    "nit #",
    "rfc",
    "id no",
];

/// Dates of birth and identifiers out of an OFAC `Remarks` field
/// (`DOB 12 Mar 1965; POB Moscow; Tax ID No. 7714456916 (Russia).`).
fn remark_details(remarks: &str) -> (Vec<String>, Vec<Identifier>) {
    let mut dates = Vec::new();
    let mut ids = Vec::new();
    for item in remarks.split(';') {
        let item = item.trim().trim_end_matches('.').trim();
        if let Some(dob) = item.strip_prefix("DOB ") {
            dates.push(dob.trim().to_string());
            continue;
        }
        // Label: the words before the first one with a digit.
        let Some(at) = item
            .split_whitespace()
            .position(|w| w.chars().any(|c| c.is_ascii_digit()))
        else {
            continue;
        };
        let words: Vec<&str> = item.split_whitespace().collect();
        let label = words.get(..at).unwrap_or_default().join(" ");
        let lower = label.to_ascii_lowercase();
        let Some(number) = words.get(at) else {
            continue;
        };
        if at > 0
            && IDENTIFIER_LABELS.iter().any(|l| lower.contains(l))
            && number.chars().filter(char::is_ascii_digit).count() >= 5
        {
            ids.push(Identifier {
                kind: label.trim_end_matches(['.', ':']).to_string(),
                number: number.trim_end_matches([',', '.']).to_string(),
            });
        }
    }
    (dates, ids)
}

fn index_by_id(entries: &[ListEntry]) -> HashMap<&str, usize> {
    entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect()
}

fn note_orphan(
    orphans: &mut OrphanReport,
    file: &str,
    text: &str,
    record: &csv::StringRecord,
    id: u64,
) {
    orphans.count += 1;
    if orphans.examples.len() < MAX_ORPHAN_EXAMPLES {
        orphans.examples.push(format!(
            "{file} line {}: ent_num {id}",
            csv_line(text, record)
        ));
    }
}

/// Folds `alt.csv` rows into `entries`; returns (rows read, orphans).
pub(crate) fn attach_alt(
    entries: &mut [ListEntry],
    text: &str,
    file: &str,
) -> Result<(usize, OrphanReport), ListError> {
    let positions: HashMap<String, usize> = index_by_id(entries)
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    let mut orphans = OrphanReport::default();
    let mut rows = 0;
    for result in reader(text.as_bytes()).records() {
        let record = result.map_err(|e| csv_error(file, text, &e))?;
        if is_filler(&record) {
            continue;
        }
        expect_columns(file, text, &record, ALT_COLUMNS, "alt.csv")?;
        let id = ent_num(file, text, &record)?;
        rows += 1;
        let kind = match record
            .get(2)
            .and_then(clean_field)
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("fka") => NameKind::Fka,
            Some("nka") => NameKind::Nka,
            _ => NameKind::Aka,
        };
        let Some(name) = record.get(3).and_then(clean_field) else {
            continue;
        };
        match positions
            .get(&id.to_string())
            .and_then(|&i| entries.get_mut(i))
        {
            Some(entry) => {
                if !entry.names.iter().any(|n| n.text == name) {
                    entry.names.push(EntryName {
                        text: name.to_string(),
                        kind,
                    });
                }
            }
            None => note_orphan(&mut orphans, file, text, &record, id),
        }
    }
    Ok((rows, orphans))
}

/// Folds `add.csv` rows (their country) into `entries`; returns (rows read, orphans).
pub(crate) fn attach_add(
    entries: &mut [ListEntry],
    text: &str,
    file: &str,
) -> Result<(usize, OrphanReport), ListError> {
    let positions: HashMap<String, usize> = index_by_id(entries)
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    let mut orphans = OrphanReport::default();
    let mut rows = 0;
    for result in reader(text.as_bytes()).records() {
        let record = result.map_err(|e| csv_error(file, text, &e))?;
        if is_filler(&record) {
            continue;
        }
        expect_columns(file, text, &record, ADD_COLUMNS, "add.csv")?;
        let id = ent_num(file, text, &record)?;
        rows += 1;
        match positions
            .get(&id.to_string())
            .and_then(|&i| entries.get_mut(i))
        {
            Some(entry) => {
                if let Some(country) = record.get(4).and_then(clean_field)
                    && !entry.countries.iter().any(|c| c == country)
                {
                    entry.countries.push(country.to_string());
                }
                // Street and city/postcode, with the country: the line an
                // address match compares.
                let parts: Vec<&str> = (2..=4)
                    .filter_map(|c| record.get(c).and_then(clean_field))
                    .collect();
                if parts.len() > 1 {
                    let line = parts.join(", ");
                    if !entry.addresses.contains(&line) {
                        entry.addresses.push(line);
                    }
                }
            }
            None => note_orphan(&mut orphans, file, text, &record, id),
        }
    }
    Ok((rows, orphans))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screening::list::SanctionsList;

    const SDN: &str = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\
2674,\"ABBAS, Abu\",\"individual\",\"SDGT] [IRAN\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1948.\"\r\n\x1a";

    #[test]
    fn parses_sdn_with_placeholders_and_eof_byte() {
        let list = SanctionsList::parse(SDN.as_bytes(), "sdn.csv").expect("valid sample");
        assert_eq!(list.meta.format, ListFormat::OfacSdnCsv);
        assert_eq!(list.entries.len(), 2);
        let abbas = &list.entries[1];
        assert_eq!(abbas.kind, SubjectKind::Person);
        assert_eq!(abbas.programmes, vec!["SDGT", "IRAN"]);
        assert_eq!(list.entries[0].kind, SubjectKind::Organisation);
    }

    #[test]
    fn remarks_give_dates_of_birth_and_identifiers() {
        let (dates, ids) = remark_details(
            "DOB 12 Mar 1965; POB Moscow; Tax ID No. 7714456916 (Russia); Registration Number 1207700001486 (Russia); Vessel Registration Identification IMO 9187629; Website www.x.ru.",
        );
        assert_eq!(dates, vec!["12 Mar 1965"]);
        let numbers: Vec<&str> = ids.iter().map(|i| i.number.as_str()).collect();
        assert_eq!(numbers, vec!["7714456916", "1207700001486", "9187629"]);
        assert_eq!(ids[0].kind, "Tax ID No");
    }

    #[test]
    fn alt_and_add_attach_and_report_orphans() {
        let mut list = SanctionsList::parse(SDN.as_bytes(), "sdn.csv").expect("valid sample");
        let alt = "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n999,13,\"fka\",\"GHOST\",-0- \r\n";
        let attached = list
            .attach_ofac(alt.as_bytes(), "alt.csv")
            .expect("valid alt");
        assert_eq!(attached.rows, 2);
        assert_eq!(attached.orphans.count, 1);
        assert_eq!(
            attached.orphans.examples,
            vec!["alt.csv line 2: ent_num 999"]
        );
        assert_eq!(list.entries[0].names[1].text, "AERO-CARIBBEAN");
        let add = "36,25,-0- ,\"Havana\",\"Cuba\",-0- \r\n";
        list.attach_ofac(add.as_bytes(), "add.csv")
            .expect("valid add");
        assert_eq!(list.entries[0].countries, vec!["Cuba"]);
    }

    #[test]
    fn wrong_column_count_names_the_line() {
        let bad = "36,\"A\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n37,\"B\",-0-\n";
        let err = SanctionsList::parse_as(bad.as_bytes(), "sdn.csv", ListFormat::OfacSdnCsv)
            .expect_err("second row is short");
        assert_eq!(
            err.to_string(),
            "sdn.csv line 2: sdn.csv rows have 12 columns, this one has 3"
        );
    }

    #[test]
    fn companion_file_alone_is_refused_clearly() {
        let alt = "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n";
        let err = SanctionsList::parse(alt.as_bytes(), "alt.csv").expect_err("alt alone");
        assert!(matches!(err, ListError::CompanionOnly { .. }));
    }
}
