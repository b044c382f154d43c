//! UN Security Council Consolidated List, official XML
//! (`https://scsanctions.un.org/resources/xml/en/consolidated.xml`, schema
//! `sc-sanctions.xsd`).
//!
//! Root `CONSOLIDATED_LIST` (attribute `dateGenerated`) with `INDIVIDUALS`
//! and `ENTITIES`. A person's name is split over `FIRST_NAME` …
//! `FOURTH_NAME` (joined in that order, as the UN prints them); aliases are
//! `INDIVIDUAL_ALIAS`/`ENTITY_ALIAS` with `ALIAS_NAME` and a `QUALITY`
//! (`Good`, `Low`, `a.k.a.`, `f.k.a.`); `NAME_ORIGINAL_SCRIPT` is the name in
//! Arabic, Cyrillic, Korean … script and is indexed as an alias. The entry id
//! is the `REFERENCE_NUMBER` (`CDi.001`), the one the committees cite.

use chrono::NaiveDate;

use super::list::{
    Identifier, ListEntry, ListError, NameKind, SubjectKind, line_of_offset, push_name, push_unique,
};
use super::xml_records::{self, Record};

type Parsed = (Vec<ListEntry>, Option<NaiveDate>);

/// Parses the UN consolidated XML.
pub(crate) fn parse(text: &str, file: &str) -> Result<Parsed, ListError> {
    let mut entries = Vec::new();
    for (record_name, kind) in [
        ("INDIVIDUAL", SubjectKind::Person),
        ("ENTITY", SubjectKind::Organisation),
    ] {
        let header = xml_records::read(text, file, "CONSOLIDATED_LIST", record_name, |r| {
            entries.push(entry(&r, kind, text, file)?);
            Ok(())
        })?;
        if kind == SubjectKind::Organisation {
            let published = header
                .root_attributes
                .iter()
                .find(|(k, _)| k == "dateGenerated")
                .and_then(|(_, v)| v.get(..10))
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            return Ok((entries, published));
        }
    }
    Ok((entries, None))
}

fn entry(r: &Record, kind: SubjectKind, text: &str, file: &str) -> Result<ListEntry, ListError> {
    let id = r
        .first("REFERENCE_NUMBER")
        .or_else(|| r.first("DATAID"))
        .ok_or_else(|| ListError::Malformed {
            file: file.to_string(),
            line: line_of_offset(text, r.offset),
            message: "entry without REFERENCE_NUMBER or DATAID".to_string(),
        })?;
    let primary: Vec<&str> = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"]
        .iter()
        .filter_map(|p| r.first(p))
        .collect();
    if primary.is_empty() {
        return Err(ListError::Malformed {
            file: file.to_string(),
            line: line_of_offset(text, r.offset),
            message: format!("entry {id} has no FIRST_NAME"),
        });
    }
    let mut e = ListEntry {
        id: id.to_string(),
        kind,
        ..ListEntry::default()
    };
    push_name(&mut e, &primary.join(" "), NameKind::Primary);
    for original in r.all("NAME_ORIGINAL_SCRIPT") {
        push_name(&mut e, original, NameKind::Aka);
    }
    let alias_group = if kind == SubjectKind::Person {
        "INDIVIDUAL_ALIAS"
    } else {
        "ENTITY_ALIAS"
    };
    for alias in r.groups(alias_group) {
        let get = |k: &str| alias.iter().find(|(p, _)| *p == k).map(|(_, v)| *v);
        let Some(name) = get("ALIAS_NAME") else {
            continue;
        };
        let kind = match get("QUALITY").map(str::to_ascii_lowercase).as_deref() {
            Some("f.k.a.") => NameKind::Fka,
            _ => NameKind::Aka,
        };
        push_name(&mut e, name, kind);
    }
    if let Some(list_type) = r.first("UN_LIST_TYPE") {
        e.programmes.push(list_type.to_string());
    }
    e.source = Some(format!(
        "UN Security Council Consolidated List{}",
        r.first("UN_LIST_TYPE")
            .map(|t| format!(" ({t})"))
            .unwrap_or_default()
    ));
    for nationality in r.all("NATIONALITY/VALUE") {
        push_unique(&mut e.countries, nationality);
    }
    let address_group = if kind == SubjectKind::Person {
        "INDIVIDUAL_ADDRESS"
    } else {
        "ENTITY_ADDRESS"
    };
    for address in r.groups(address_group) {
        let parts: Vec<&str> = ["STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY"]
            .iter()
            .filter_map(|k| address.iter().find(|(p, _)| p == k).map(|(_, v)| *v))
            .collect();
        if let Some((_, country)) = address.iter().find(|(p, _)| *p == "COUNTRY") {
            push_unique(&mut e.countries, country);
        }
        if parts.len() > 1 || address.iter().any(|(p, _)| *p == "STREET") {
            push_unique(&mut e.addresses, &parts.join(", "));
        }
    }
    for dob in r.groups("INDIVIDUAL_DATE_OF_BIRTH") {
        let get = |k: &str| dob.iter().find(|(p, _)| *p == k).map(|(_, v)| *v);
        if let Some(date) = get("DATE").or_else(|| get("YEAR")) {
            push_unique(&mut e.birth_dates, date.get(..10).unwrap_or(date));
        } else if let (Some(from), Some(to)) = (get("FROM_YEAR"), get("TO_YEAR")) {
            push_unique(&mut e.birth_dates, &format!("{from}-{to}"));
        }
    }
    for doc in r.groups("INDIVIDUAL_DOCUMENT") {
        let get = |k: &str| doc.iter().find(|(p, _)| *p == k).map(|(_, v)| *v);
        if let Some(number) = get("NUMBER") {
            e.identifiers.push(Identifier {
                kind: get("TYPE_OF_DOCUMENT").unwrap_or("Document").to_string(),
                number: number.to_string(),
            });
        }
    }
    Ok(e)
}

#[cfg(test)]
mod tests {
    use crate::screening::{ListFormat, SanctionsList, SubjectKind};

    const SAMPLE: &str = include_str!("../../public/lists/sample-un.xml");

    #[test]
    fn sample_parses_with_original_script_aliases_and_documents() {
        let list = SanctionsList::parse(SAMPLE.as_bytes(), "un.xml").expect("valid sample");
        assert_eq!(list.meta.format, ListFormat::UnXml);
        assert_eq!(
            list.meta.published.map(|d| d.to_string()).as_deref(),
            Some("2026-02-27")
        );
        let person = &list.entries[0];
        assert_eq!(person.kind, SubjectKind::Person);
        assert_eq!(person.primary_name(), "SAMPLE ARAM PETROSYAN");
        assert!(person.names.iter().any(|n| n.text == "Արամ Պետրոսյան"));
        assert_eq!(person.birth_dates, vec!["1970-05-04"]);
        assert_eq!(person.identifiers[0].number, "AM0000000");
        let entity = list
            .entries
            .iter()
            .find(|e| e.kind == SubjectKind::Organisation);
        assert!(entity.is_some_and(|e| e.addresses.iter().any(|a| a.contains("Yerevan"))));
    }
}
