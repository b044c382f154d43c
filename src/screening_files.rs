//! Turning a set of files (fetched from the host or picked by the user) into
//! parsed lists: formats detected from content, OFAC `alt.csv`/`add.csv`
//! attached to their `sdn.csv`, every refusal kept with its file and line.
//!
//! The web page picks files in any order and any mix, so companions are
//! attached after every main list in the set has been parsed, and to the most
//! recently added OFAC `sdn.csv` when the set itself has none.

use crate::screening::{ListError, ListFormat, SanctionsList};

/// A file's name (as shown to the user) and its exact bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Parses `files` and adds them to `lists`; returns one error per refused file.
///
/// A file whose bytes equal an already loaded list (same SHA-256) is skipped,
/// so loading the same file twice does not double every hit.
pub fn add_files(lists: &mut Vec<SanctionsList>, files: Vec<ListFile>) -> Vec<ListError> {
    let mut errors = Vec::new();
    let mut companions = Vec::new();
    let mut first_new_sdn: Option<usize> = None;
    for file in files {
        match ListFormat::detect(&file.bytes) {
            Some(ListFormat::OfacAltCsv | ListFormat::OfacAddCsv) => companions.push(file),
            _ => match SanctionsList::parse(&file.bytes, &file.name) {
                Ok(list) => {
                    if lists.iter().any(|l| l.meta.sha256 == list.meta.sha256) {
                        continue;
                    }
                    if list.meta.format == ListFormat::OfacSdnCsv && first_new_sdn.is_none() {
                        first_new_sdn = Some(lists.len());
                    }
                    lists.push(list);
                }
                Err(e) => errors.push(e),
            },
        }
    }
    let target = first_new_sdn.or_else(|| {
        lists
            .iter()
            .rposition(|l| l.meta.format == ListFormat::OfacSdnCsv)
    });
    for file in companions {
        let Some(sdn) = target.and_then(|i| lists.get_mut(i)) else {
            errors.push(ListError::Invalid {
                file: file.name.clone(),
                message: "an OFAC alt.csv/add.csv needs its sdn.csv: add sdn.csv together with it"
                    .to_string(),
            });
            continue;
        };
        let digest = crate::screening::Sha256Digest::of(&file.bytes);
        if sdn.meta.attached.iter().any(|a| a.sha256 == digest) {
            continue;
        }
        if let Err(e) = sdn.attach_ofac(&file.bytes, &file.name) {
            errors.push(e);
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, bytes: &[u8]) -> ListFile {
        ListFile {
            name: name.to_string(),
            bytes: bytes.to_vec(),
        }
    }

    const SDN: &[u8] = include_bytes!("../public/lists/sample-sdn.csv");
    const ALT: &[u8] = include_bytes!("../public/lists/sample-alt.csv");
    const ADD: &[u8] = include_bytes!("../public/lists/sample-add.csv");
    const EU_XML: &[u8] = include_bytes!("../public/lists/sample-eu.xml");

    #[test]
    fn companions_attach_whatever_the_order() {
        let mut lists = Vec::new();
        let errors = add_files(
            &mut lists,
            vec![
                file("alt.csv", ALT),
                file("eu.xml", EU_XML),
                file("sdn.csv", SDN),
                file("add.csv", ADD),
            ],
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(lists.len(), 2);
        let sdn = lists
            .iter()
            .find(|l| l.meta.format == ListFormat::OfacSdnCsv)
            .expect("sdn loaded");
        let attached: Vec<&str> = sdn
            .meta
            .attached
            .iter()
            .map(|a| a.file_name.as_str())
            .collect();
        assert_eq!(attached, vec!["alt.csv", "add.csv"]);
    }

    #[test]
    fn later_companions_attach_to_loaded_sdn_and_duplicates_are_skipped() {
        let mut lists = Vec::new();
        assert!(add_files(&mut lists, vec![file("sdn.csv", SDN)]).is_empty());
        assert!(add_files(&mut lists, vec![file("alt.csv", ALT), file("sdn.csv", SDN)]).is_empty());
        assert_eq!(lists.len(), 1);
        assert_eq!(lists[0].meta.attached.len(), 1);
        assert!(add_files(&mut lists, vec![file("alt.csv", ALT)]).is_empty());
        assert_eq!(lists[0].meta.attached.len(), 1);
    }

    #[test]
    fn refusals_name_file_and_line() {
        let first_row = SDN.split(|&b| b == b'\n').next().unwrap_or_default();
        let broken_sdn = [first_row, b"\n990099,\"Y\",-0- \n"].concat();
        let mut lists = Vec::new();
        let errors = add_files(
            &mut lists,
            vec![
                file("alt.csv", ALT),
                file("notes.txt", b"hello world"),
                file("sdn.csv", &broken_sdn),
            ],
        );
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].starts_with("notes.txt: not a recognised"));
        assert!(messages[1].starts_with("sdn.csv line "), "{}", messages[1]);
        assert!(messages[2].starts_with("alt.csv: an OFAC alt.csv/add.csv needs"));
        assert!(lists.is_empty());
    }
}
