//! OpenSanctions `targets.simple.csv`: one row per target, comma-separated
//! with a header (`id,schema,name,aliases,birth_date,countries,addresses,
//! identifiers,sanctions,phones,emails,dataset,first_seen,last_seen,
//! last_change`); multi-valued cells are `;`-separated.

use super::list::{
    EntryName, ListEntry, ListError, NameKind, SubjectKind, clean_field, csv_error, csv_line,
};

fn split_multi(cell: Option<&str>) -> impl Iterator<Item = &str> {
    cell.unwrap_or("")
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn subject_kind(schema: &str) -> SubjectKind {
    match schema {
        "Person" => SubjectKind::Person,
        "Company" | "Organization" | "LegalEntity" | "PublicBody" => SubjectKind::Organisation,
        "Vessel" => SubjectKind::Vessel,
        "Airplane" => SubjectKind::Aircraft,
        _ => SubjectKind::Unspecified,
    }
}

/// Parses `targets.simple.csv`.
pub(crate) fn parse(text: &str, file: &str) -> Result<Vec<ListEntry>, ListError> {
    let mut reader = csv::ReaderBuilder::new()
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
    let (Some(id_col), Some(name_col)) = (column("id"), column("name")) else {
        return Err(ListError::Malformed {
            file: file.to_string(),
            line: 1,
            message: "header lacks the id or name column of targets.simple.csv".to_string(),
        });
    };
    let schema_col = column("schema");
    let aliases_col = column("aliases");
    let countries_col = column("countries");
    let sanctions_col = column("sanctions");
    let mut entries = Vec::new();
    for result in reader.records() {
        let record = result.map_err(|e| csv_error(file, text, &e))?;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        // The line is computed only on error: it costs a scan from the start.
        let malformed = |message: &str| ListError::Malformed {
            file: file.to_string(),
            line: csv_line(text, &record),
            message: message.to_string(),
        };
        let id = record
            .get(id_col)
            .and_then(clean_field)
            .ok_or_else(|| malformed("id is empty"))?;
        let name = record
            .get(name_col)
            .and_then(clean_field)
            .ok_or_else(|| malformed("name is empty"))?;
        let mut names = vec![EntryName {
            text: name.to_string(),
            kind: NameKind::Primary,
        }];
        for alias in split_multi(aliases_col.and_then(|c| record.get(c))) {
            if !names.iter().any(|n| n.text == alias) {
                names.push(EntryName {
                    text: alias.to_string(),
                    kind: NameKind::Aka,
                });
            }
        }
        entries.push(ListEntry {
            id: id.to_string(),
            kind: schema_col
                .and_then(|c| record.get(c))
                .map(subject_kind)
                .unwrap_or(SubjectKind::Unspecified),
            names,
            programmes: split_multi(sanctions_col.and_then(|c| record.get(c)))
                .map(str::to_string)
                .collect(),
            countries: split_multi(countries_col.and_then(|c| record.get(c)))
                .map(str::to_ascii_uppercase)
                .collect(),
            ..ListEntry::default()
        });
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use crate::screening::list::{ListFormat, SanctionsList, SubjectKind};

    #[test]
    fn parses_simple_csv_with_aliases() {
        let csv = "id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,dataset,first_seen,last_seen,last_change\n\
NK-1,Company,\"Alfa Trade LLP\",\"ТОО Альфа Трейд;Alfa Treid\",,kz;ru,,,\"EU RUS;US EO14024\",,,sample,2024-01-01,2024-05-01,2024-05-01\n";
        let list =
            SanctionsList::parse(csv.as_bytes(), "targets.simple.csv").expect("valid sample");
        assert_eq!(list.meta.format, ListFormat::OpenSanctionsCsv);
        let e = &list.entries[0];
        assert_eq!(e.names.len(), 3);
        assert_eq!(e.countries, vec!["KZ", "RU"]);
        assert_eq!(e.programmes.len(), 2);
        assert_eq!(e.kind, SubjectKind::Organisation);
    }

    #[test]
    fn missing_name_names_the_line() {
        let csv = "id,schema,name,aliases\nNK-1,Company,,\n";
        let err = SanctionsList::parse(csv.as_bytes(), "t.csv").expect_err("empty name");
        assert_eq!(err.to_string(), "t.csv line 2: name is empty");
    }
}
