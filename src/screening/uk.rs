//! UK Sanctions List, published by the FCDO as XML
//! (`https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml`). Since
//! 28 January 2026 it is the only UK list: OFSI's Consolidated List of Asset
//! Freeze Targets was retired, its asset-freeze data folded in here.
//!
//! Root `Designations` (with `DateGenerated`), one `Designation` per party:
//! `UniqueID` (`RUS0001`), `RegimeName`, `IndividualEntityShip`
//! (`Individual` | `Entity` | `Ship`), `DesignationSource`, `Names/Name`
//! with `Name1`…`Name5` (given names) and `Name6` (surname, or the whole
//! name of an entity or ship) and `NameType` (`Primary Name` | `Alias`),
//! `NonLatinNames/NonLatinName/NameNonLatinScript`, `Addresses/Address`
//! (`AddressLine1`…`AddressLine6`, `AddressPostalCode`, `AddressCountry`),
//! and per kind `IndividualDetails` (`DOB`, `Nationality`, passport and
//! national identifier numbers), `EntityDetails`
//! (`BusinessRegistrationNumber`) and `ShipDetails` (`IMONumber`).
//!
//! Elements are matched by name wherever they sit inside a designation, so
//! a re-nesting of the details blocks in a later schema revision does not
//! lose identifiers or dates silently.

use chrono::NaiveDate;

use super::list::{
    Identifier, ListEntry, ListError, NameKind, SubjectKind, line_of_offset, push_name, push_unique,
};
use super::xml_records::{self, Record};

type Parsed = (Vec<ListEntry>, Option<NaiveDate>);

/// Parses the FCDO XML.
pub(crate) fn parse(text: &str, file: &str) -> Result<Parsed, ListError> {
    let mut entries = Vec::new();
    let header = xml_records::read(text, file, "Designations", "Designation", |r| {
        entries.push(entry(&r, text, file)?);
        Ok(())
    })?;
    let published = header
        .fields
        .iter()
        .find(|(k, _)| k == "DateGenerated")
        .map(|(_, v)| v.as_str())
        .or_else(|| {
            header
                .root_attributes
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("DateGenerated"))
                .map(|(_, v)| v.as_str())
        })
        .and_then(parse_date);
    Ok((entries, published))
}

/// ISO (`2026-02-27T…`) or `dd/mm/yyyy`, both of which FCDO files use.
pub(crate) fn parse_date(raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    raw.get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .or_else(|| NaiveDate::parse_from_str(raw.get(..10)?, "%d/%m/%Y").ok())
}

/// The last element name of a path.
fn leaf(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn entry(r: &Record, text: &str, file: &str) -> Result<ListEntry, ListError> {
    let malformed = |message: String| ListError::Malformed {
        file: file.to_string(),
        line: line_of_offset(text, r.offset),
        message,
    };
    let id = r
        .first("UniqueID")
        .ok_or_else(|| malformed("Designation without UniqueID".to_string()))?;
    let kind = match r
        .first("IndividualEntityShip")
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("individual") => SubjectKind::Person,
        Some("entity") => SubjectKind::Organisation,
        Some("ship") => SubjectKind::Vessel,
        _ => SubjectKind::Unspecified,
    };
    let mut e = ListEntry {
        id: id.to_string(),
        kind,
        ..ListEntry::default()
    };
    let mut aliases = Vec::new();
    for name in r.groups("Names/Name") {
        let get = |k: &str| name.iter().find(|(p, _)| *p == k).map(|(_, v)| *v);
        let parts: Vec<&str> = ["Name1", "Name2", "Name3", "Name4", "Name5", "Name6"]
            .iter()
            .filter_map(|k| get(k))
            .collect();
        if parts.is_empty() {
            continue;
        }
        let full = parts.join(" ");
        let primary = get("NameType").is_some_and(|t| t.eq_ignore_ascii_case("primary name"));
        if primary && e.names.is_empty() {
            push_name(&mut e, &full, NameKind::Primary);
        } else {
            aliases.push(full);
        }
    }
    for alias in aliases {
        let kind = if e.names.is_empty() {
            NameKind::Primary
        } else {
            NameKind::Aka
        };
        push_name(&mut e, &alias, kind);
    }
    for f in &r.fields {
        if f.group {
            continue;
        }
        let value = f.text.trim();
        if value.is_empty() {
            continue;
        }
        match leaf(&f.path) {
            "NameNonLatinScript" => push_name(&mut e, value, NameKind::Aka),
            "DOB" => push_unique(&mut e.birth_dates, value),
            "Nationality" | "AddressCountry" => push_unique(&mut e.countries, value),
            "PassportNumber" => push_identifier(&mut e, "Passport", value),
            "NationalIdentifierNumber" => push_identifier(&mut e, "National identifier", value),
            "BusinessRegistrationNumber" => {
                push_identifier(&mut e, "Business registration number", value)
            }
            "IMONumber" => push_identifier(&mut e, "IMO", value),
            _ => {}
        }
    }
    if e.names.is_empty() {
        return Err(malformed(format!("Designation {id} has no name")));
    }
    if let Some(regime) = r.first("RegimeName") {
        e.programmes.push(regime.to_string());
    }
    e.source = Some(format!(
        "UK Sanctions List{}",
        r.first("DesignationSource")
            .map(|s| format!(" ({s} designation)"))
            .unwrap_or_default()
    ));
    for address in r.groups("Addresses/Address") {
        let line: Vec<&str> = address
            .iter()
            .filter(|(p, _)| p.starts_with("AddressLine") || *p == "AddressPostalCode")
            .map(|(_, v)| *v)
            .chain(
                address
                    .iter()
                    .filter(|(p, _)| *p == "AddressCountry")
                    .map(|(_, v)| *v),
            )
            .collect();
        if line.len() > 1 {
            push_unique(&mut e.addresses, &line.join(", "));
        }
    }
    Ok(e)
}

fn push_identifier(e: &mut ListEntry, kind: &str, number: &str) {
    if !e.identifiers.iter().any(|i| i.number == number) {
        e.identifiers.push(Identifier {
            kind: kind.to_string(),
            number: number.to_string(),
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::screening::{ListFormat, NameKind, SanctionsList, SubjectKind};

    const SAMPLE: &str = include_str!("../../public/lists/sample-uk.xml");

    #[test]
    fn sample_parses_names_details_and_date() {
        let list = SanctionsList::parse(SAMPLE.as_bytes(), "uk.xml").expect("valid sample");
        assert_eq!(list.meta.format, ListFormat::UkXml);
        assert_eq!(
            list.meta.published.map(|d| d.to_string()).as_deref(),
            Some("2026-02-20")
        );
        let person = &list.entries[0];
        assert_eq!(person.kind, SubjectKind::Person);
        assert_eq!(person.primary_name(), "Sample Ivan Petrovich SIDOROV");
        assert!(
            person
                .names
                .iter()
                .any(|n| n.text == "Сидоров Иван Петрович" && n.kind == NameKind::Aka)
        );
        assert_eq!(person.birth_dates, vec!["12/03/1965"]);
        assert_eq!(person.programmes, vec!["Russia"]);
        let ship = list.entries.iter().find(|e| e.kind == SubjectKind::Vessel);
        assert!(ship.is_some_and(|s| s.identifiers.iter().any(|i| i.kind == "IMO")));
    }

    #[test]
    fn a_designation_without_id_names_its_line() {
        let xml = "<Designations>\n<Designation>\n<Names><Name><Name6>X</Name6></Name></Names>\n</Designation>\n</Designations>";
        let err = SanctionsList::parse(xml.as_bytes(), "uk.xml").expect_err("no id");
        assert_eq!(
            err.to_string(),
            "uk.xml line 2: Designation without UniqueID"
        );
    }
}
