//! A loaded sanctions list: its entries, and where they came from.
//!
//! Whoever acts on a screening result must be able to say which file, of which
//! date, with which digest, was searched. [`ListMeta`] carries that, and every
//! [`super::Hit`] points back to it.

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::decode::decode;
use super::{csl, dpl, eu, ofac, opensanctions, uk, un};

/// The published formats the parsers understand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ListFormat {
    /// US Treasury OFAC SDN legacy CSV, main file (`sdn.csv`).
    OfacSdnCsv,
    /// OFAC legacy CSV aliases (`alt.csv`), only meaningful next to `sdn.csv`.
    OfacAltCsv,
    /// OFAC legacy CSV addresses (`add.csv`), only meaningful next to `sdn.csv`.
    OfacAddCsv,
    /// EU consolidated financial sanctions list, XML export (`export` root).
    EuXml,
    /// EU consolidated financial sanctions list, CSV export (`;`-separated).
    EuCsv,
    /// OpenSanctions `targets.simple.csv`.
    OpenSanctionsCsv,
    /// US Consolidated Screening List (trade.gov), CSV export.
    UsCslCsv,
    /// US Consolidated Screening List (trade.gov), JSON export.
    UsCslJson,
    /// UN Security Council Consolidated List, XML (`CONSOLIDATED_LIST`).
    UnXml,
    /// UK Sanctions List (FCDO), XML (`Designations`).
    UkXml,
    /// BIS Denied Persons List, tab-separated text (`dpl.txt`).
    BisDplTxt,
    /// A name list of the ruleset (`[name_lists.NAME]`: banks under a
    /// transaction ban); built in memory, never read from a file.
    RulesetNameList,
}

impl ListFormat {
    /// A short human label.
    pub fn label(self) -> &'static str {
        match self {
            ListFormat::OfacSdnCsv => "OFAC SDN (legacy CSV)",
            ListFormat::OfacAltCsv => "OFAC SDN aliases (alt.csv)",
            ListFormat::OfacAddCsv => "OFAC SDN addresses (add.csv)",
            ListFormat::EuXml => "EU consolidated financial sanctions (XML)",
            ListFormat::EuCsv => "EU consolidated financial sanctions (CSV)",
            ListFormat::OpenSanctionsCsv => "OpenSanctions targets.simple.csv",
            ListFormat::UsCslCsv => "US Consolidated Screening List (CSV)",
            ListFormat::UsCslJson => "US Consolidated Screening List (JSON)",
            ListFormat::UnXml => "UN Security Council Consolidated List (XML)",
            ListFormat::UkXml => "UK Sanctions List, FCDO (XML)",
            ListFormat::BisDplTxt => "BIS Denied Persons List (dpl.txt)",
            ListFormat::RulesetNameList => "name list of the ruleset",
        }
    }

    /// Recognises a format from the first bytes of a file, or `None`.
    ///
    /// Content decides, not the file name: hosts rename downloads freely.
    pub fn detect(bytes: &[u8]) -> Option<ListFormat> {
        let head_len = bytes.len().min(64 * 1024);
        let head = decode(bytes.get(..head_len).unwrap_or_default()).text;
        let trimmed = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
        if trimmed.starts_with('<') {
            return if trimmed.contains("<export") || trimmed.contains(":export") {
                Some(ListFormat::EuXml)
            } else if trimmed.contains("<CONSOLIDATED_LIST") {
                Some(ListFormat::UnXml)
            } else if trimmed.contains("<Designations") {
                Some(ListFormat::UkXml)
            } else {
                None
            };
        }
        if trimmed.starts_with('{') || trimmed.starts_with('[') {
            return trimmed
                .contains("\"source\"")
                .then_some(ListFormat::UsCslJson);
        }
        let first_line = trimmed.lines().next().unwrap_or_default();
        if csl::is_csv_header(first_line) {
            return Some(ListFormat::UsCslCsv);
        }
        if dpl::is_header(first_line) {
            return Some(ListFormat::BisDplTxt);
        }
        if first_line.contains("Entity_LogicalId") && first_line.contains(';') {
            return Some(ListFormat::EuCsv);
        }
        let lower = first_line.to_ascii_lowercase();
        if lower.starts_with("id,schema,name") || lower.starts_with("\"id\",\"schema\",\"name\"") {
            return Some(ListFormat::OpenSanctionsCsv);
        }
        ofac::detect_part(first_line)
    }
}

impl fmt::Display for ListFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// SHA-256 of the exact bytes that were loaded.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sha256Digest(pub [u8; 32]);

impl Sha256Digest {
    /// Digest of `bytes`.
    pub fn of(bytes: &[u8]) -> Sha256Digest {
        Sha256Digest(Sha256::digest(bytes).into())
    }

    /// Lowercase hexadecimal, as `sha256sum` prints it.
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    /// Reads the form [`Sha256Digest::to_hex`] writes: exactly 64 lowercase
    /// hex digits (one spelling per digest, so digests compare as text too).
    pub fn from_hex(text: &str) -> Option<Sha256Digest> {
        if text.len() != 64 || !text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return None;
        }
        let mut out = [0u8; 32];
        hex::decode_to_slice(text, &mut out).ok()?;
        Some(Sha256Digest(out))
    }
}

impl fmt::Display for Sha256Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for Sha256Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sha256Digest({})", self.to_hex())
    }
}

impl Serialize for Sha256Digest {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_hex())
    }
}

/// What kind of party an entry is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SubjectKind {
    Person,
    Organisation,
    Vessel,
    Aircraft,
    /// The file did not say.
    #[default]
    Unspecified,
}

/// How a name relates to its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NameKind {
    /// The entry's main name.
    Primary,
    /// Also known as.
    Aka,
    /// Formerly known as.
    Fka,
    /// Now known as.
    Nka,
}

/// One name (primary or alias) of an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntryName {
    pub text: String,
    pub kind: NameKind,
}

/// An identifier published with an entry (tax number, registration number,
/// IMO number, passport), kept as written: the kind is the publisher's label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Identifier {
    /// The publisher's label ("Tax ID No.", "IMO", "INN", "Passport").
    pub kind: String,
    /// The number as published.
    pub number: String,
}

/// What an export-control list requires for an entry (the US Entity List,
/// Military End-User List): shown with every hit because it decides whether a
/// licence can be had at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LicenceTerms {
    /// `license_requirement` as published ("For all items subject to the EAR").
    pub requirement: Option<String>,
    /// `license_policy` as published ("Presumption of denial").
    pub policy: Option<String>,
}

/// One listed party.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListEntry {
    /// The identifier the publisher uses (OFAC `ent_num`, EU `logicalId`,
    /// OpenSanctions `id`).
    pub id: String,
    pub kind: SubjectKind,
    /// Primary name first, then aliases.
    pub names: Vec<EntryName>,
    /// Sanctions programmes or regimes, as published.
    pub programmes: Vec<String>,
    /// Countries of addresses or nationality, as published.
    pub countries: Vec<String>,
    /// The list inside a consolidated file that names this entry (the US
    /// CSL's `source`: "Entity List (EL) - Bureau of Industry and Security";
    /// the UN list type; the UK regime), when the file says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Licence requirement and policy, for export-control lists that state them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub licence: Option<LicenceTerms>,
    /// Dates or years of birth (or of registration), as published.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub birth_dates: Vec<String>,
    /// Published identifiers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Identifier>,
    /// Addresses, one line each, as published.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<String>,
}

impl ListEntry {
    /// The primary name (the first name; every parser guarantees one).
    pub fn primary_name(&self) -> &str {
        self.names.first().map(|n| n.text.as_str()).unwrap_or("")
    }
}

/// Adds `name` (trimmed) to the entry's names with `kind`, unless it is empty
/// or already there: list files repeat a name under several tags.
pub(crate) fn push_name(e: &mut ListEntry, name: &str, kind: NameKind) {
    let name = name.trim();
    if !name.is_empty() && !e.names.iter().any(|n| n.text == name) {
        e.names.push(EntryName {
            text: name.to_string(),
            kind,
        });
    }
}

/// Adds `value` (trimmed) unless it is empty or already there: one
/// attribute list (dates, identifiers, addresses) without repeats.
pub(crate) fn push_unique(values: &mut Vec<String>, value: &str) {
    let value = value.trim();
    if !value.is_empty() && !values.iter().any(|v| v == value) {
        values.push(value.to_string());
    }
}

/// OFAC `alt.csv`/`add.csv` rows whose `ent_num` is not in `sdn.csv` —
/// normal when the files come from different days, and worth saying.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct OrphanReport {
    pub count: usize,
    /// Up to ten examples, as "file line N: ent_num X".
    pub examples: Vec<String>,
}

/// A companion file folded into a list (OFAC `alt.csv`, `add.csv`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttachedFile {
    pub file_name: String,
    pub format: ListFormat,
    pub sha256: Sha256Digest,
    pub rows: usize,
    pub orphans: OrphanReport,
}

/// Provenance of a loaded list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListMeta {
    pub file_name: String,
    pub format: ListFormat,
    pub entry_count: usize,
    /// Publication or generation date, when the file carries one (EU files
    /// do; OFAC legacy CSV and OpenSanctions simple CSV do not).
    pub published: Option<NaiveDate>,
    /// The day the host's daily job fetched the file from its publisher
    /// (`lists/index.json` `retrieved`), when the host says so. A file
    /// fetched from the official source that day was the current list that
    /// day, whatever date it carries, so the age counts from the later of
    /// the two ([`ListMeta::current_as_of`]). Never set for a file the user
    /// picked from disk: nobody vouches for when it was fetched.
    pub retrieved: Option<NaiveDate>,
    /// A fictitious list written for testing (the project's own files in
    /// `public/lists/`, or a host's marked `"sample": true`). A search of it
    /// proves nothing about real designations: its hits are shown, but its
    /// "no list match" never clears anyone.
    pub sample: bool,
    pub sha256: Sha256Digest,
    /// "UTF-8", "windows-1252", ...
    pub encoding: &'static str,
    pub attached: Vec<AttachedFile>,
}

/// A parsed list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SanctionsList {
    pub meta: ListMeta,
    pub entries: Vec<ListEntry>,
}

/// Why a file could not be loaded. Every message names the file, and the
/// line when there is one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ListError {
    #[error(
        "{file}: not a recognised sanctions list (expected OFAC sdn.csv/alt.csv/add.csv, EU XML or CSV export, or OpenSanctions targets.simple.csv)"
    )]
    UnknownFormat { file: String },
    #[error("{file} line {line}: {message}")]
    Malformed {
        file: String,
        line: u64,
        message: String,
    },
    #[error("{file}: {message}")]
    Invalid { file: String, message: String },
    #[error(
        "{file}: {bytes} bytes is more than the {MAX_LIST_BYTES} a list file may have; is this really a sanctions list?"
    )]
    TooLarge { file: String, bytes: usize },
    #[error("{file}: the file contains no entries")]
    Empty { file: String },
    #[error(
        "{file}: this is an OFAC {format} companion file; load sdn.csv and attach it (`--list sdn.csv` picks up alt.csv/add.csv next to it)"
    )]
    CompanionOnly { file: String, format: ListFormat },
}

impl SanctionsList {
    /// Parses a list, detecting its format from the content.
    pub fn parse(bytes: &[u8], file_name: &str) -> Result<SanctionsList, ListError> {
        let format = ListFormat::detect(bytes).ok_or_else(|| ListError::UnknownFormat {
            file: file_name.to_string(),
        })?;
        SanctionsList::parse_as(bytes, file_name, format)
    }

    /// Parses a list in a known format.
    pub fn parse_as(
        bytes: &[u8],
        file_name: &str,
        format: ListFormat,
    ) -> Result<SanctionsList, ListError> {
        if bytes.len() > MAX_LIST_BYTES {
            return Err(ListError::TooLarge {
                file: file_name.to_string(),
                bytes: bytes.len(),
            });
        }
        let decoded = decode(bytes);
        let text = decoded.text.as_ref();
        refuse_mis_encoded(text, file_name, decoded.lossy)?;
        let (entries, published) = match format {
            ListFormat::OfacSdnCsv => (ofac::parse_sdn(text, file_name)?, None),
            ListFormat::OfacAltCsv | ListFormat::OfacAddCsv => {
                return Err(ListError::CompanionOnly {
                    file: file_name.to_string(),
                    format,
                });
            }
            ListFormat::EuXml => eu::parse_xml(text, file_name)?,
            ListFormat::EuCsv => eu::parse_csv(text, file_name)?,
            ListFormat::OpenSanctionsCsv => (opensanctions::parse(text, file_name)?, None),
            ListFormat::UsCslCsv => csl::parse_csv(text, file_name)?,
            ListFormat::UsCslJson => csl::parse_json(text, file_name)?,
            ListFormat::UnXml => un::parse(text, file_name)?,
            ListFormat::UkXml => uk::parse(text, file_name)?,
            ListFormat::BisDplTxt => dpl::parse(text, file_name)?,
            ListFormat::RulesetNameList => {
                return Err(ListError::UnknownFormat {
                    file: file_name.to_string(),
                });
            }
        };
        if entries.is_empty() {
            return Err(ListError::Empty {
                file: file_name.to_string(),
            });
        }
        Ok(SanctionsList {
            meta: ListMeta {
                file_name: file_name.to_string(),
                format,
                entry_count: entries.len(),
                published,
                retrieved: None,
                sample: marks_itself_sample(text),
                sha256: Sha256Digest::of(bytes),
                encoding: decoded.encoding,
                attached: Vec::new(),
            },
            entries,
        })
    }

    /// Folds an OFAC `alt.csv` or `add.csv` into a parsed `sdn.csv`.
    ///
    /// Rows whose `ent_num` has no entry are counted in the returned
    /// [`AttachedFile::orphans`], not treated as errors.
    pub fn attach_ofac(
        &mut self,
        bytes: &[u8],
        file_name: &str,
    ) -> Result<&AttachedFile, ListError> {
        if self.meta.format != ListFormat::OfacSdnCsv {
            return Err(ListError::Invalid {
                file: file_name.to_string(),
                message: format!(
                    "alt.csv/add.csv can only be attached to an OFAC sdn.csv, not to {}",
                    self.meta.format
                ),
            });
        }
        let format = ListFormat::detect(bytes)
            .filter(|f| matches!(f, ListFormat::OfacAltCsv | ListFormat::OfacAddCsv))
            .ok_or_else(|| ListError::Invalid {
                file: file_name.to_string(),
                message:
                    "not an OFAC alt.csv or add.csv (expected 5 or 6 columns starting with ent_num)"
                        .to_string(),
            })?;
        let decoded = decode(bytes);
        let (rows, orphans) = match format {
            ListFormat::OfacAltCsv => {
                ofac::attach_alt(&mut self.entries, &decoded.text, file_name)?
            }
            _ => ofac::attach_add(&mut self.entries, &decoded.text, file_name)?,
        };
        self.meta.attached.push(AttachedFile {
            file_name: file_name.to_string(),
            format,
            sha256: Sha256Digest::of(bytes),
            rows,
            orphans,
        });
        self.meta.attached.last().ok_or_else(|| ListError::Invalid {
            file: file_name.to_string(),
            message: "internal: attachment not recorded".to_string(),
        })
    }
}

/// The largest list file accepted: the biggest official files (the full US
/// CSL JSON, the OpenSanctions sanctions collection) are well below it, and
/// parsing stays within a browser tab's memory.
pub const MAX_LIST_BYTES: usize = 256 * 1024 * 1024;

/// Refuses text that cannot be what the publisher wrote: NUL characters
/// (UTF-16 without a byte-order mark, or a binary file) or bytes that were
/// not valid in the encoding the file declared with its byte-order mark.
fn refuse_mis_encoded(text: &str, file: &str, lossy: bool) -> Result<(), ListError> {
    let bad = |offset: usize, message: &str| ListError::Malformed {
        file: file.to_string(),
        line: line_of_offset(text, offset as u64),
        message: message.to_string(),
    };
    if let Some(offset) = text.find('\0') {
        return Err(bad(
            offset,
            "NUL character: the file is UTF-16 without a byte-order mark, or not text at all; save it as UTF-8",
        ));
    }
    if lossy && let Some(offset) = text.find('\u{FFFD}') {
        return Err(bad(
            offset,
            "bytes that are not valid in the file's declared encoding (byte-order mark); the file is damaged or mis-encoded",
        ));
    }
    Ok(())
}

/// The phrases the project's own fictitious lists carry in every entry
/// (remarks `SAMPLE ENTRY - fictitious`; the OpenSanctions-format sample's
/// dataset `sample_not_real`), documented in `public/lists/README.md` so a
/// host's own test lists can mark themselves the same way.
const SAMPLE_MARKS: [&str; 2] = ["SAMPLE ENTRY - fictitious", "sample_not_real"];

/// Whether a list's text marks itself as fictitious.
fn marks_itself_sample(text: &str) -> bool {
    SAMPLE_MARKS.iter().any(|m| text.contains(m))
}

impl ListMeta {
    /// The day the list is known to have been current: the later of the
    /// date it carries and the day the host fetched it.
    pub fn current_as_of(&self) -> Option<NaiveDate> {
        self.published.max(self.retrieved)
    }

    /// Whole days from [`ListMeta::current_as_of`] to `today`, when that is
    /// known (a date after `today` counts as 0).
    pub fn age_days(&self, today: NaiveDate) -> Option<i64> {
        self.current_as_of()
            .map(|p| today.signed_duration_since(p).num_days().max(0))
    }

    /// How current the list is against a host's limit.
    pub fn freshness(&self, today: NaiveDate, max_age_days: u32) -> Freshness {
        match self.age_days(today) {
            None => Freshness::DateUnknown,
            Some(age) if age > i64::from(max_age_days) => Freshness::Stale {
                age_days: age,
                max_age_days,
            },
            Some(age) => Freshness::Current { age_days: age },
        }
    }
}

/// A loaded list's age against the host's limit (`config.json`
/// `list_max_age_days`, default [`DEFAULT_MAX_AGE_DAYS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "state")]
pub enum Freshness {
    /// Published within the limit.
    Current { age_days: i64 },
    /// Older than the limit: a search against it may miss recent designations.
    Stale { age_days: i64, max_age_days: u32 },
    /// The file carries no date (OFAC legacy CSV, US CSL CSV, OpenSanctions
    /// simple CSV) and none was given with it (`lists/index.json`
    /// `published`): its age cannot be shown, so it is treated like a stale one.
    DateUnknown,
}

impl Freshness {
    /// True unless the list is known to be within the limit.
    pub fn needs_attention(self) -> bool {
        !matches!(self, Freshness::Current { .. })
    }
}

/// Lists older than this many days are flagged unless the host sets another limit.
pub const DEFAULT_MAX_AGE_DAYS: u32 = 7;

/// Trims a field and maps OFAC's `-0-` placeholder to nothing.
pub(crate) fn clean_field(raw: &str) -> Option<&str> {
    let t = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{1a}');
    (!t.is_empty() && t != "-0-").then_some(t)
}

/// The 1-based line where a CSV record starts in `text`.
///
/// Computed from the byte offset because the csv crate's own line counter
/// undercounts CRLF files (which all official exports are).
pub(crate) fn csv_line(text: &str, record: &csv::StringRecord) -> u64 {
    record
        .position()
        .map(|p| line_of_offset(text, p.byte()))
        .unwrap_or(0)
}

/// The 1-based line of a byte offset in `text`.
pub(crate) fn line_of_offset(text: &str, offset: u64) -> u64 {
    let mut end = usize::try_from(offset)
        .unwrap_or(usize::MAX)
        .min(text.len());
    // A CRLF record boundary is reported at its '\n'; step over it.
    while matches!(text.as_bytes().get(end), Some(b'\r' | b'\n')) {
        end += 1;
    }
    let prefix = text.as_bytes().get(..end).unwrap_or_default();
    1 + prefix.iter().filter(|&&b| b == b'\n').count() as u64
}

/// Converts a CSV reader error into a [`ListError`] naming the line.
pub(crate) fn csv_error(file: &str, text: &str, err: &csv::Error) -> ListError {
    ListError::Malformed {
        file: file.to_string(),
        line: err
            .position()
            .map(|p| line_of_offset(text, p.byte()))
            .unwrap_or(0),
        message: err.to_string(),
    }
}
