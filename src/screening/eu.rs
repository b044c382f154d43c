//! EU consolidated list of persons, groups and entities subject to financial
//! sanctions (Financial Sanctions Files), XML and CSV exports.
//!
//! XML: root `export` (namespace `http://eu.europa.ec/fpi/fsd/export`,
//! attribute `generationDate`), one `sanctionEntity` per party with
//! `logicalId` and `euReferenceNumber`, children `nameAlias` (`wholeName`,
//! `firstName`, `lastName`), `regulation` (`programme`), `subjectType`
//! (`code` = `person` | `enterprise`), `address` and `citizenship`
//! (`countryDescription`).
//!
//! CSV: `;`-separated with a header (`fileGenerationDate;Entity_LogicalId;…;
//! NameAlias_WholeName;…`), one row per alias × address × … combination, so
//! rows are grouped by `Entity_LogicalId`.

use std::collections::HashMap;

use chrono::NaiveDate;
use quick_xml::events::{BytesStart, Event};

use super::list::{
    EntryName, ListEntry, ListError, NameKind, SubjectKind, clean_field, csv_error, csv_line,
    line_of_offset, push_unique,
};

type Parsed = (Vec<ListEntry>, Option<NaiveDate>);

/// Parses a date as the EU files write it: ISO (`2024-05-03T…`) or `dd/mm/yyyy`.
fn parse_date(raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    raw.get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .or_else(|| NaiveDate::parse_from_str(raw, "%d/%m/%Y").ok())
}

fn subject_kind(code: &str) -> SubjectKind {
    match code.trim().to_ascii_lowercase().as_str() {
        "person" | "p" => SubjectKind::Person,
        "enterprise" | "e" => SubjectKind::Organisation,
        _ => SubjectKind::Unspecified,
    }
}

fn push_name(entry: &mut ListEntry, name: &str) {
    let name = name.trim();
    if name.is_empty() || entry.names.iter().any(|n| n.text == name) {
        return;
    }
    let kind = if entry.names.is_empty() {
        NameKind::Primary
    } else {
        NameKind::Aka
    };
    entry.names.push(EntryName {
        text: name.to_string(),
        kind,
    });
}

fn new_entry(id: String) -> ListEntry {
    ListEntry {
        id,
        kind: SubjectKind::Unspecified,
        names: Vec::new(),
        ..ListEntry::default()
    }
}

/// Attributes of an element as (local name, unescaped value) pairs.
fn attributes(e: &BytesStart<'_>) -> Vec<(String, String)> {
    e.attributes()
        .filter_map(Result::ok)
        .filter_map(|a| {
            let key = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
            let value = a.unescape_value().ok()?.into_owned();
            Some((key, value))
        })
        .collect()
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.trim().is_empty())
}

/// Parses the XML export.
pub(crate) fn parse_xml(text: &str, file: &str) -> Result<Parsed, ListError> {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut entries = Vec::new();
    let mut published = None;
    let mut current: Option<ListEntry> = None;
    let mut saw_root = false;
    loop {
        let event = reader.read_event().map_err(|e| ListError::Malformed {
            file: file.to_string(),
            line: line_of_offset(text, reader.error_position()),
            message: format!("XML error: {e}"),
        })?;
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if !saw_root {
                    if name != b"export" {
                        return Err(ListError::Malformed {
                            file: file.to_string(),
                            line: line_of_offset(text, reader.buffer_position()),
                            message: format!(
                                "root element is <{}>, an EU sanctions XML export has <export>",
                                String::from_utf8_lossy(name)
                            ),
                        });
                    }
                    saw_root = true;
                    published = attr(&attributes(&e), "generationDate").and_then(parse_date);
                    continue;
                }
                let attrs = attributes(&e);
                match name {
                    b"sanctionEntity" => {
                        let id = attr(&attrs, "logicalId")
                            .or_else(|| attr(&attrs, "euReferenceNumber"))
                            .ok_or_else(|| ListError::Malformed {
                                file: file.to_string(),
                                line: line_of_offset(text, reader.buffer_position()),
                                message: "sanctionEntity without logicalId".to_string(),
                            })?;
                        current = Some(new_entry(id.to_string()));
                    }
                    b"nameAlias" => {
                        if let Some(entry) = current.as_mut() {
                            let whole =
                                attr(&attrs, "wholeName").map(str::to_string).or_else(|| {
                                    let parts: Vec<&str> = ["firstName", "middleName", "lastName"]
                                        .iter()
                                        .filter_map(|k| attr(&attrs, k))
                                        .collect();
                                    (!parts.is_empty()).then(|| parts.join(" "))
                                });
                            if let Some(whole) = whole {
                                push_name(entry, &whole);
                            }
                        }
                    }
                    b"regulation" => {
                        if let (Some(entry), Some(p)) =
                            (current.as_mut(), attr(&attrs, "programme"))
                        {
                            push_unique(&mut entry.programmes, p);
                        }
                    }
                    b"subjectType" => {
                        if let (Some(entry), Some(code)) = (current.as_mut(), attr(&attrs, "code"))
                        {
                            entry.kind = subject_kind(code);
                        }
                    }
                    b"address" | b"citizenship" => {
                        if let (Some(entry), Some(c)) =
                            (current.as_mut(), attr(&attrs, "countryDescription"))
                            && c != "UNKNOWN"
                        {
                            push_unique(&mut entry.countries, c);
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) if e.local_name().as_ref() == b"sanctionEntity" => {
                if let Some(entry) = current.take()
                    && !entry.names.is_empty()
                {
                    entries.push(entry);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        return Err(ListError::Invalid {
            file: file.to_string(),
            message: "no <export> element: not an EU sanctions XML export".to_string(),
        });
    }
    Ok((entries, published))
}

/// Parses the CSV export.
pub(crate) fn parse_csv(text: &str, file: &str) -> Result<Parsed, ListError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| csv_error(file, text, &e))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == name)
    };
    let (Some(id_col), Some(name_col)) =
        (column("Entity_LogicalId"), column("NameAlias_WholeName"))
    else {
        return Err(ListError::Malformed {
            file: file.to_string(),
            line: 1,
            message: "header lacks Entity_LogicalId or NameAlias_WholeName".to_string(),
        });
    };
    let date_col = column("fileGenerationDate");
    let kind_col =
        column("Entity_SubjectType_ClassificationCode").or_else(|| column("Entity_SubjectType"));
    let programme_col = column("Entity_Regulation_Programme");
    let country_cols: Vec<usize> = [
        "Address_CountryDescription",
        "Citizenship_CountryDescription",
    ]
    .iter()
    .filter_map(|c| column(c))
    .collect();
    let mut entries: Vec<ListEntry> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut published = None;
    for result in reader.records() {
        let record = result.map_err(|e| csv_error(file, text, &e))?;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let Some(id) = record.get(id_col).and_then(clean_field) else {
            return Err(ListError::Malformed {
                file: file.to_string(),
                line: csv_line(text, &record),
                message: "Entity_LogicalId is empty".to_string(),
            });
        };
        if published.is_none() {
            published = date_col.and_then(|c| record.get(c)).and_then(parse_date);
        }
        let at = match by_id.get(id) {
            Some(&at) => at,
            None => {
                entries.push(new_entry(id.to_string()));
                by_id.insert(id.to_string(), entries.len() - 1);
                entries.len() - 1
            }
        };
        let Some(entry) = entries.get_mut(at) else {
            continue;
        };
        if let Some(name) = record.get(name_col).and_then(clean_field) {
            push_name(entry, name);
        }
        if let Some(kind) = kind_col.and_then(|c| record.get(c)).and_then(clean_field) {
            entry.kind = subject_kind(kind);
        }
        if let Some(p) = programme_col
            .and_then(|c| record.get(c))
            .and_then(clean_field)
        {
            push_unique(&mut entry.programmes, p);
        }
        for &c in &country_cols {
            if let Some(country) = record.get(c).and_then(clean_field)
                && country != "UNKNOWN"
            {
                push_unique(&mut entry.countries, country);
            }
        }
    }
    entries.retain(|e| !e.names.is_empty());
    Ok((entries, published))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screening::list::{ListFormat, SanctionsList};

    const XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2024-05-03T17:00:00.000+02:00">
  <sanctionEntity logicalId="13" euReferenceNumber="EU.27.28">
    <regulation programme="RUS"/>
    <subjectType code="enterprise" classificationCode="E"/>
    <nameAlias wholeName="ALFA &amp; OMEGA LLC" firstName="" lastName=""/>
    <nameAlias wholeName="ООО «Альфа и Омега»"/>
    <address countryDescription="KAZAKHSTAN"/>
  </sanctionEntity>
</export>"#;

    #[test]
    fn parses_xml_export() {
        let list = SanctionsList::parse(XML.as_bytes(), "eu.xml").expect("valid sample");
        assert_eq!(list.meta.format, ListFormat::EuXml);
        assert_eq!(list.meta.published, NaiveDate::from_ymd_opt(2024, 5, 3));
        let e = &list.entries[0];
        assert_eq!(e.id, "13");
        assert_eq!(e.names[0].text, "ALFA & OMEGA LLC");
        assert_eq!(e.names[1].kind, NameKind::Aka);
        assert_eq!(e.programmes, vec!["RUS"]);
        assert_eq!(e.kind, SubjectKind::Organisation);
        assert_eq!(e.countries, vec!["KAZAKHSTAN"]);
    }

    #[test]
    fn broken_xml_names_the_line() {
        let bad = "<export generationDate=\"2024-01-01\">\n<sanctionEntity logicalId=\"1\">\n<nameAlias wholeName=\"X\"></wrong>\n</export>";
        let err = SanctionsList::parse(bad.as_bytes(), "eu.xml").expect_err("mismatched tag");
        assert!(
            err.to_string().starts_with("eu.xml line 3: XML error"),
            "{err}"
        );
    }

    #[test]
    fn parses_csv_export_grouping_rows() {
        let csv = "fileGenerationDate;Entity_LogicalId;Entity_SubjectType_ClassificationCode;Entity_Regulation_Programme;NameAlias_WholeName;Address_CountryDescription\n\
05/08/2026;13;enterprise;RUS;ALFA LLC;KAZAKHSTAN\n\
05/08/2026;13;enterprise;RUS;ТОО Альфа;KYRGYZSTAN\n\
05/08/2026;14;person;BLR;Ivan IVANOV;\n";
        let list = SanctionsList::parse(csv.as_bytes(), "eu.csv").expect("valid sample");
        assert_eq!(list.meta.format, ListFormat::EuCsv);
        assert_eq!(list.meta.published, NaiveDate::from_ymd_opt(2026, 8, 5));
        assert_eq!(list.entries.len(), 2);
        assert_eq!(list.entries[0].names.len(), 2);
        assert_eq!(list.entries[0].countries, vec!["KAZAKHSTAN", "KYRGYZSTAN"]);
        assert_eq!(list.entries[1].kind, SubjectKind::Person);
    }
}
