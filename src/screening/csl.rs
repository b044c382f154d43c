//! US Consolidated Screening List (International Trade Administration,
//! trade.gov): the export-screening lists of Commerce (Entity List, Military
//! End-User, Unverified List, Denied Persons), State (ISN, ITAR debarred) and
//! Treasury (SDN, SSI, FSE, PLC, CAPTA, NS-MBS, CMIC) in one file.
//!
//! CSV export: header `[_id,]source,entity_number,type,programs,name,title,
//! addresses,…,license_requirement,license_policy,…,alt_names,citizenships,
//! dates_of_birth,nationalities,places_of_birth,source_information_url,ids`;
//! multi-valued cells are `; `-separated, an address is `street, city,
//! state, postal code, CC`, an id `[CC, ]number, type`.
//!
//! JSON export: `{"results": [ … ], "sources_used": [{"source", "source_last_updated"}, …]}`
//! (or the bare array), the same fields with arrays (`alt_names`,
//! `addresses` as objects, `ids` as objects with `type`, `number`, `country`).
//!
//! Every entry keeps its `source`, so each hit says which of the component
//! lists it came from, and the Entity List's licence requirement and policy.

use chrono::NaiveDate;
use serde_json::Value;

use super::list::{
    EntryName, Identifier, LicenceTerms, ListEntry, ListError, NameKind, SubjectKind, csv_error,
    csv_line, push_unique,
};

type Parsed = (Vec<ListEntry>, Option<NaiveDate>);

/// True for the first line of a CSL CSV export (with or without `_id`).
pub(crate) fn is_csv_header(first_line: &str) -> bool {
    let lower = first_line.to_ascii_lowercase();
    let lower = lower.trim_start_matches('\u{feff}');
    (lower.starts_with("source,") || lower.starts_with("_id,") || lower.starts_with("\"_id\","))
        && lower.contains("entity_number")
        && lower.contains("alt_names")
}

fn kind_of(raw: &str) -> SubjectKind {
    match raw.trim().to_ascii_lowercase().as_str() {
        "individual" => SubjectKind::Person,
        "entity" => SubjectKind::Organisation,
        "vessel" => SubjectKind::Vessel,
        "aircraft" => SubjectKind::Aircraft,
        _ => SubjectKind::Unspecified,
    }
}

fn push_name(e: &mut ListEntry, name: &str) {
    let name = name.trim();
    if name.is_empty() || e.names.iter().any(|n| n.text == name) {
        return;
    }
    let kind = if e.names.is_empty() {
        NameKind::Primary
    } else {
        NameKind::Aka
    };
    e.names.push(EntryName {
        text: name.to_string(),
        kind,
    });
}

/// `; `-separated cell values.
fn split_multi(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(';').map(str::trim).filter(|s| !s.is_empty())
}

/// One CSV `ids` item, `[CC, ]number, type`; `None` for the notes OFAC puts
/// in the same column ("Subject to Secondary Sanctions, …", websites).
fn parse_id(item: &str) -> Option<Identifier> {
    let parts: Vec<&str> = item.split(", ").map(str::trim).collect();
    let (number, kind) = match parts.as_slice() {
        [number, kind] => (*number, *kind),
        [_, number, kind] => (*number, *kind),
        [single] => {
            let (kind, number) = single.split_once(' ')?;
            (number, kind)
        }
        _ => return None,
    };
    let looks_like_number = number.chars().filter(char::is_ascii_digit).count() >= 4
        && !number.contains("http")
        && !kind.to_ascii_lowercase().contains("subject to");
    looks_like_number.then(|| Identifier {
        kind: kind.trim_end_matches(['.', ':']).to_string(),
        number: number.to_string(),
    })
}

fn licence(requirement: Option<&str>, policy: Option<&str>) -> Option<LicenceTerms> {
    let clean = |s: Option<&str>| {
        s.map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let (requirement, policy) = (clean(requirement), clean(policy));
    (requirement.is_some() || policy.is_some()).then_some(LicenceTerms {
        requirement,
        policy,
    })
}

/// Parses the CSV export.
pub(crate) fn parse_csv(text: &str, file: &str) -> Result<Parsed, ListError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| csv_error(file, text, &e))?
        .clone();
    let column = |name: &str| headers.iter().position(|h| h.trim() == name);
    let name_col = column("name").ok_or_else(|| ListError::Malformed {
        file: file.to_string(),
        line: 1,
        message: "the CSL header has no \"name\" column".to_string(),
    })?;
    let cols = [
        "_id",
        "source",
        "entity_number",
        "type",
        "programs",
        "addresses",
        "license_requirement",
        "license_policy",
        "alt_names",
        "citizenships",
        "nationalities",
        "dates_of_birth",
        "ids",
        "vessel_flag",
    ]
    .map(column);
    let [
        id_col,
        source_col,
        number_col,
        type_col,
        programs_col,
        addresses_col,
        requirement_col,
        policy_col,
        alt_col,
        citizenship_col,
        nationality_col,
        dob_col,
        ids_col,
        flag_col,
    ] = cols;
    let mut entries = Vec::new();
    for (row, result) in reader.records().enumerate() {
        let record = result.map_err(|e| csv_error(file, text, &e))?;
        let get = |c: Option<usize>| {
            c.and_then(|c| record.get(c))
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let Some(name) = get(Some(name_col)) else {
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            return Err(ListError::Malformed {
                file: file.to_string(),
                line: csv_line(text, &record),
                message: "the name cell is empty".to_string(),
            });
        };
        let id = get(number_col)
            .or(get(id_col))
            .map(str::to_string)
            .unwrap_or_else(|| format!("row {}", row + 1));
        let mut e = ListEntry {
            id,
            kind: get(type_col).map(kind_of).unwrap_or_default(),
            source: get(source_col).map(str::to_string),
            licence: licence(get(requirement_col), get(policy_col)),
            ..ListEntry::default()
        };
        push_name(&mut e, name);
        for alias in get(alt_col).map(split_multi).into_iter().flatten() {
            push_name(&mut e, alias);
        }
        for programme in get(programs_col).map(split_multi).into_iter().flatten() {
            push_unique(&mut e.programmes, programme);
        }
        for address in get(addresses_col).map(split_multi).into_iter().flatten() {
            let country = address.rsplit(", ").next().unwrap_or("");
            if country.len() == 2 && country.chars().all(|c| c.is_ascii_uppercase()) {
                push_unique(&mut e.countries, country);
            }
            if address.contains(',') {
                push_unique(&mut e.addresses, address);
            }
        }
        for col in [citizenship_col, nationality_col, flag_col] {
            for c in get(col).map(split_multi).into_iter().flatten() {
                push_unique(&mut e.countries, c);
            }
        }
        for dob in get(dob_col).map(split_multi).into_iter().flatten() {
            push_unique(&mut e.birth_dates, dob);
        }
        for id in get(ids_col).map(split_multi).into_iter().flatten() {
            if let Some(id) = parse_id(id) {
                e.identifiers.push(id);
            }
        }
        entries.push(e);
    }
    Ok((entries, None))
}

/// A JSON value as text: strings as they are, numbers printed.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A field that may be a string (`; `-separated) or an array of strings.
fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(items)) => items.iter().filter_map(text_of).collect(),
        Some(Value::String(s)) => split_multi(s).map(str::to_string).collect(),
        _ => Vec::new(),
    }
}

/// Parses the JSON export (the API's search response or the download).
pub(crate) fn parse_json(text: &str, file: &str) -> Result<Parsed, ListError> {
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        ListError::Malformed {
            file: file.to_string(),
            line: e.line() as u64,
            message: format!("JSON error: {e} (a truncated download ends like this)"),
        }
    })?;
    let (results, sources_used) = match &value {
        Value::Array(items) => (items.as_slice(), None),
        Value::Object(map) => match map.get("results") {
            Some(Value::Array(items)) => (items.as_slice(), map.get("sources_used")),
            _ => {
                return Err(ListError::Invalid {
                    file: file.to_string(),
                    message: "a CSL JSON file has a \"results\" array".to_string(),
                });
            }
        },
        _ => {
            return Err(ListError::Invalid {
                file: file.to_string(),
                message: "a CSL JSON file is an object with \"results\" or an array".to_string(),
            });
        }
    };
    let mut entries = Vec::with_capacity(results.len());
    for (i, item) in results.iter().enumerate() {
        let Some(obj) = item.as_object() else {
            return Err(ListError::Invalid {
                file: file.to_string(),
                message: format!("results[{i}] is not an object"),
            });
        };
        let get = |k: &str| obj.get(k).and_then(text_of);
        let Some(name) = get("name") else {
            return Err(ListError::Invalid {
                file: file.to_string(),
                message: format!("results[{i}] has no name"),
            });
        };
        let mut e = ListEntry {
            id: get("entity_number")
                .or_else(|| get("id"))
                .unwrap_or_else(|| format!("results[{i}]")),
            kind: get("type").as_deref().map(kind_of).unwrap_or_default(),
            source: get("source"),
            licence: licence(
                get("license_requirement").as_deref(),
                get("license_policy").as_deref(),
            ),
            ..ListEntry::default()
        };
        push_name(&mut e, &name);
        for alias in strings(obj.get("alt_names")) {
            push_name(&mut e, &alias);
        }
        e.programmes = strings(obj.get("programs"));
        for key in ["citizenships", "nationalities"] {
            for c in strings(obj.get(key)) {
                push_unique(&mut e.countries, &c);
            }
        }
        e.birth_dates = strings(obj.get("dates_of_birth"));
        if let Some(Value::Array(addresses)) = obj.get("addresses") {
            for a in addresses {
                let part = |k: &str| a.get(k).and_then(text_of);
                let line: Vec<String> = ["address", "city", "state", "postal_code", "country"]
                    .iter()
                    .filter_map(|k| part(k))
                    .collect();
                if let Some(country) = part("country") {
                    push_unique(&mut e.countries, &country);
                }
                if line.len() > 1 {
                    push_unique(&mut e.addresses, &line.join(", "));
                }
            }
        }
        if let Some(Value::Array(ids)) = obj.get("ids") {
            for id in ids {
                if let (Some(kind), Some(number)) = (
                    id.get("type").and_then(text_of),
                    id.get("number").and_then(text_of),
                ) {
                    e.identifiers.push(Identifier { kind, number });
                }
            }
        }
        entries.push(e);
    }
    // The file is as old as its oldest component list.
    let published = match sources_used {
        Some(Value::Array(sources)) => sources
            .iter()
            .filter_map(|s| s.get("source_last_updated").and_then(Value::as_str))
            .filter_map(|d| NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok())
            .min(),
        _ => None,
    };
    Ok((entries, published))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screening::{ListFormat, SanctionsList};

    const CSV: &str = include_str!("../../public/lists/sample-csl.csv");
    const JSON: &str = include_str!("../../public/lists/sample-csl.json");

    #[test]
    fn csv_sample_keeps_source_and_licence_terms() {
        let list = SanctionsList::parse(CSV.as_bytes(), "csl.csv").expect("valid sample");
        assert_eq!(list.meta.format, ListFormat::UsCslCsv);
        let el = list
            .entries
            .iter()
            .find(|e| {
                e.source
                    .as_deref()
                    .is_some_and(|s| s.starts_with("Entity List"))
            })
            .expect("an Entity List row");
        let licence = el.licence.as_ref().expect("licence terms");
        assert_eq!(licence.policy.as_deref(), Some("Presumption of denial."));
        assert!(el.countries.iter().any(|c| c == "KZ"));
        assert!(
            list.entries
                .iter()
                .any(|e| e.identifiers.iter().any(|i| i.kind == "Tax ID No"))
        );
    }

    #[test]
    fn json_sample_has_the_oldest_source_date() {
        let list = SanctionsList::parse(JSON.as_bytes(), "csl.json").expect("valid sample");
        assert_eq!(list.meta.format, ListFormat::UsCslJson);
        assert_eq!(
            list.meta.published.map(|d| d.to_string()).as_deref(),
            Some("2026-02-25")
        );
        assert!(list.entries.iter().all(|e| e.source.is_some()));
    }

    #[test]
    fn ids_cell_items() {
        let id = parse_id("US, 80-0890696, Tax ID No.").expect("id");
        assert_eq!(
            (id.kind.as_str(), id.number.as_str()),
            ("Tax ID No", "80-0890696")
        );
        let imo = parse_id("IMO 8898831, Vessel Registration Identification").expect("imo");
        assert_eq!(imo.number, "IMO 8898831");
        assert!(
            parse_id("Subject to Secondary Sanctions, Additional Sanctions Information -")
                .is_none()
        );
    }

    #[test]
    fn truncated_json_is_refused_with_its_line() {
        let cut = &JSON[..JSON.len() / 2];
        let err = SanctionsList::parse(cut.as_bytes(), "csl.json").expect_err("truncated");
        assert!(err.to_string().starts_with("csl.json line "), "{err}");
    }
}
