//! Parsers on the bundled samples and (when present) the real OFAC files,
//! hostile input, and the matcher's guarantees against known peer failures.

use std::path::PathBuf;

use enduse::screening::{
    ListError, ListFormat, NameKind, Outcome, SanctionsList, ScreenOptions, ScreeningIndex,
    SubjectKind,
};
use proptest::prelude::*;

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample(file: &str) -> Vec<u8> {
    std::fs::read(manifest().join("public/lists").join(file)).expect("sample file present")
}

fn sample_index() -> ScreeningIndex {
    let mut sdn =
        SanctionsList::parse(&sample("sample-sdn.csv"), "sample-sdn.csv").expect("parses");
    sdn.attach_ofac(&sample("sample-alt.csv"), "sample-alt.csv")
        .expect("attaches");
    sdn.attach_ofac(&sample("sample-add.csv"), "sample-add.csv")
        .expect("attaches");
    ScreeningIndex::build(vec![sdn])
}

#[test]
fn index_json_lists_every_sample_with_its_detected_format() {
    let index: serde_json::Value =
        serde_json::from_slice(&sample("index.json")).expect("index.json is JSON");
    let lists = index["lists"].as_array().expect("lists array");
    assert_eq!(lists.len(), 4);
    for entry in lists {
        let file = entry["file"].as_str().expect("file");
        let bytes = sample(file);
        let format = ListFormat::detect(&bytes).expect("format detected");
        assert_eq!(
            serde_json::to_value(format).expect("serialises"),
            entry["format"],
            "{file}"
        );
        let list = SanctionsList::parse(&bytes, file).expect("sample parses");
        assert!(
            (16..=40).contains(&list.meta.entry_count),
            "{file}: {}",
            list.meta.entry_count
        );
        assert!(
            entry["label"]
                .as_str()
                .is_some_and(|l| l.contains("SAMPLE"))
        );
    }
}

#[test]
fn samples_cover_cyrillic_kazakh_and_the_transit_countries() {
    let list = SanctionsList::parse(&sample("sample-opensanctions.csv"), "s.csv").expect("parses");
    let names: Vec<&str> = list
        .entries
        .iter()
        .flat_map(|e| e.names.iter().map(|n| n.text.as_str()))
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.contains('Ұ') || n.contains('ұ') || n.contains('Қ') || n.contains('і'))
    );
    for country in ["KZ", "KG", "AM", "AE", "TR", "HK"] {
        assert!(
            list.entries
                .iter()
                .any(|e| e.countries.iter().any(|c| c == country)),
            "{country}"
        );
    }
}

#[test]
fn sample_sdn_records_provenance_and_orphans() {
    let mut sdn =
        SanctionsList::parse(&sample("sample-sdn.csv"), "sample-sdn.csv").expect("parses");
    assert_eq!(sdn.meta.format, ListFormat::OfacSdnCsv);
    assert_eq!(sdn.meta.published, None);
    assert_eq!(sdn.meta.sha256.to_hex().len(), 64);
    let alt = sdn
        .attach_ofac(&sample("sample-alt.csv"), "sample-alt.csv")
        .expect("attaches")
        .clone();
    assert_eq!(alt.orphans.count, 1);
    let person = sdn
        .entries
        .iter()
        .find(|e| e.id == "990004")
        .expect("entry 990004");
    assert_eq!(person.kind, SubjectKind::Person);
    assert!(
        person
            .names
            .iter()
            .any(|n| n.kind == NameKind::Aka && n.text.starts_with("АХМЕТЖАНОВ"))
    );
}

#[test]
fn real_ofac_files_load_when_present() {
    let data = manifest().join("../shared/data");
    let Ok(sdn) = std::fs::read(data.join("ofac-sdn-2024-05-03/sdn.csv")) else {
        eprintln!("real OFAC files not present; skipped");
        return;
    };
    let mut list = SanctionsList::parse(&sdn, "sdn.csv").expect("real sdn.csv parses");
    assert_eq!(list.meta.entry_count, 14_965);
    let russia = |exact: bool| {
        list.entries
            .iter()
            .filter(|e| {
                e.programmes.iter().any(|p| {
                    if exact {
                        p == "RUSSIA-EO14024"
                    } else {
                        p.contains("RUSSIA-EO14024")
                    }
                })
            })
            .count()
    };
    // The data README's 4,440 includes one BPI-RUSSIA-EO14024 entry.
    assert_eq!(russia(false), 4_440);
    assert_eq!(russia(true), 4_439);
    if let Ok(alt) = std::fs::read(data.join("ofac-alt-add-2026-06/alt.csv")) {
        let attached = list
            .attach_ofac(&alt, "alt.csv")
            .expect("real alt.csv attaches");
        assert!(
            attached.orphans.count > 0,
            "the 2026 alt.csv is newer than the 2024 sdn.csv"
        );
        assert!(attached.orphans.examples.len() <= 10);
    }
}

#[test]
fn wrong_files_are_refused_with_a_message() {
    let err = SanctionsList::parse(b"hello,world\n1,2\n", "notes.csv").expect_err("not a list");
    assert!(matches!(err, ListError::UnknownFormat { .. }));
    let err = SanctionsList::parse(b"<html><body>404</body></html>", "sdn.xml").expect_err("html");
    assert!(matches!(err, ListError::UnknownFormat { .. }));
    let err = SanctionsList::parse_as(b"<html/>", "eu.xml", ListFormat::EuXml).expect_err("html");
    assert!(err.to_string().contains("eu.xml line 1"), "{err}");
    let err = SanctionsList::parse(b"", "empty.csv").expect_err("empty");
    assert!(matches!(err, ListError::UnknownFormat { .. }));
}

#[test]
fn windows_1252_files_are_decoded() {
    let sdn = b"1,\"M\xDCLLER HANDELS GMBH\",-0- ,\"RUSSIA-EO14024\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
    let list = SanctionsList::parse(sdn, "sdn.csv").expect("parses");
    assert_eq!(list.meta.encoding, "windows-1252");
    assert_eq!(list.entries[0].primary_name(), "MÜLLER HANDELS GMBH");
}

#[test]
fn generic_words_and_legal_forms_alone_never_match() {
    let index = sample_index();
    let opts = ScreenOptions::default();
    for q in [
        "Trading",
        "LLC",
        "International Trading Group LLC",
        "Company",
        "Holding Co., Ltd.",
        "ТОО",
    ] {
        assert_eq!(index.screen(q, &opts).outcome, Outcome::NoListMatch, "{q}");
    }
}

#[test]
fn initials_are_kept_so_abc_company_matches_only_abc() {
    let index = sample_index();
    let opts = ScreenOptions::default();
    let hit = index.screen("A.B.V. Komponent", &opts);
    assert_eq!(hit.outcome, Outcome::PotentialMatch);
    assert_eq!(hit.hits[0].entry_id, "990023");
    assert_eq!(
        index.screen("X-Y-Z Komponent", &opts).outcome,
        Outcome::NoListMatch
    );
}

#[test]
fn hits_explain_themselves() {
    let index = sample_index();
    let result = index.screen("Tsygankova Yuliya", &ScreenOptions::default());
    let hit = result.hits.first().expect("a hit");
    assert_eq!(hit.entry_id, "990020");
    assert_eq!(hit.programmes, vec!["RUSSIA-EO14024"]);
    assert_eq!(hit.list, "sample-sdn.csv");
    assert!(hit.pairs.iter().all(|p| p.similarity.value() == 1.0));
    assert!(
        hit.pairs
            .iter()
            .any(|p| p.query == "ciganko" || p.query.starts_with("cigank"))
    );
}

#[test]
fn batch_reports_progress_in_chunks() {
    let index = sample_index();
    let names: Vec<String> = (0..25).map(|i| format!("Name {i}")).collect();
    let mut seen = Vec::new();
    let results = index.screen_batch(&names, &ScreenOptions::default(), 10, |p, chunk| {
        seen.push((p.done, p.total, chunk.len()))
    });
    assert_eq!(results.len(), 25);
    assert_eq!(seen, vec![(10, 25, 10), (20, 25, 10), (25, 25, 5)]);
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic_the_parsers(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = SanctionsList::parse(&bytes, "fuzz");
        for format in [ListFormat::OfacSdnCsv, ListFormat::EuXml, ListFormat::EuCsv, ListFormat::OpenSanctionsCsv] {
            let _ = SanctionsList::parse_as(&bytes, "fuzz", format);
        }
    }

    #[test]
    fn arbitrary_names_never_panic_the_matcher(name in "\\PC{0,60}") {
        let index = sample_index();
        let result = index.screen(&name, &ScreenOptions::default());
        prop_assert!(result.hits.len() <= 10);
    }
}
