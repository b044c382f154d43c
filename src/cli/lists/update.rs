//! One run of `enduse lists update`: download each source, accept it only if
//! the crate's own parser reads it as the declared format with at least one
//! entry, write what was accepted atomically, and write `index.json`.
//!
//! A source that fails keeps the previous good file and its index entry
//! ("kept previous"), as long as that file is still on disk with the digest
//! the previous index recorded; a failed or hostile download therefore never
//! replaces a good file, and never leaves a half-written one.

use std::collections::HashSet;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use enduse::config::{CompanionFile, ListIndex, SanctionsListFile, SanctionsListFormat};
use enduse::screening::{ListFormat, SanctionsList, Sha256Digest};

use super::fetch::{self, Limits};
use super::sources::{Source, Sources};

/// The index the command writes next to the files.
pub const INDEX_FILE: &str = "index.json";

/// What happened to one source.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Downloaded, validated and written.
    Updated,
    /// The download failed; the previous good file and its entry stay.
    KeptPrevious(String),
    /// The download failed and there was no previous good file.
    Failed(String),
}

/// One line of the report.
#[derive(Debug, Clone)]
pub struct SourceReport {
    /// The source's id.
    pub id: String,
    /// What happened.
    pub outcome: Outcome,
    /// The index entry now in force for it, if any.
    pub entry: Option<SanctionsListFile>,
    /// Accepted, but worth a look (companion rows whose entry is missing).
    pub notes: Vec<String>,
}

/// The whole run.
#[derive(Debug, Clone)]
pub struct Report {
    /// One line per source processed, in the sources file's order.
    pub sources: Vec<SourceReport>,
    /// The index written.
    pub index_path: PathBuf,
    /// How many lists it names.
    pub index_lists: usize,
    /// A previous index that could not be read (so nothing could be kept).
    pub previous_index_problem: Option<String>,
}

/// Runs the update; `Err` when the output folder or the index cannot be
/// written (the downloads already written stay valid files).
pub fn run(
    sources: &Sources,
    only: &[String],
    out: &Path,
    limits: &Limits,
    now: fn() -> DateTime<Utc>,
) -> Result<Report, String> {
    fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let index_path = out.join(INDEX_FILE);
    let (previous, previous_index_problem) = read_previous(&index_path);
    let selected = |s: &Source| only.is_empty() || only.contains(&s.id);
    let mut reports = Vec::new();
    let mut lists = Vec::new();
    for source in &sources.sources {
        let earlier = previous
            .as_ref()
            .and_then(|p| p.lists.iter().find(|l| l.file == source.file));
        if !selected(source) {
            lists.extend(earlier.cloned());
            continue;
        }
        let report = update_one(source, out, earlier, limits, now);
        lists.extend(report.entry.clone());
        reports.push(report);
    }
    if !only.is_empty() {
        // `--only` touches only those sources: every other list stays listed.
        let ours: HashSet<&str> = sources.sources.iter().map(|s| s.file.as_str()).collect();
        if let Some(previous) = &previous {
            lists.extend(
                previous
                    .lists
                    .iter()
                    .filter(|l| !ours.contains(l.file.as_str()))
                    .cloned(),
            );
        }
    }
    let index = ListIndex {
        note: Some(format!(
            "Official list files downloaded by `enduse lists update` ({} {}); index written {}. \
             Each list names where it came from (source_url), its SHA-256, its entry count, \
             the publication date the file carries (published) and when it was downloaded (retrieved).",
            enduse::version::APP_NAME,
            enduse::version::APP_VERSION,
            enduse::config::format_utc_time(now()),
        )),
        lists,
    };
    let text = index.to_json();
    // The app reads this file: never write one its own reader would refuse.
    ListIndex::from_json(&text).map_err(|e| {
        format!(
            "internal: the index to be written is invalid ({}); the previous index is kept",
            e.problems().join("; ")
        )
    })?;
    write_atomically(out, INDEX_FILE, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", index_path.display()))?;
    Ok(Report {
        sources: reports,
        index_path,
        index_lists: index.lists.len(),
        previous_index_problem,
    })
}

/// The previous index, if there is a readable one.
fn read_previous(path: &Path) -> (Option<ListIndex>, Option<String>) {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (None, None),
        Err(e) => return (None, Some(format!("cannot read {}: {e}", path.display()))),
    };
    match ListIndex::from_json(&text) {
        Ok(index) => (Some(index), None),
        Err(e) => (
            None,
            Some(format!(
                "{} is not a valid index ({}); no previous file can be kept",
                path.display(),
                e.problems().join("; ")
            )),
        ),
    }
}

fn update_one(
    source: &Source,
    out: &Path,
    earlier: Option<&SanctionsListFile>,
    limits: &Limits,
    now: fn() -> DateTime<Utc>,
) -> SourceReport {
    let mut notes = Vec::new();
    let result = download(source, limits, now).and_then(|accepted| {
        let named: Vec<(&str, &[u8])> = accepted
            .files
            .iter()
            .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
            .collect();
        write_set(out, &named)?;
        notes = accepted.notes;
        Ok(accepted.entry)
    });
    let (outcome, entry) = match result {
        Ok(entry) => (Outcome::Updated, Some(entry)),
        Err(reason) => match earlier.map(|e| still_on_disk(out, e)) {
            Some(Ok(())) => (Outcome::KeptPrevious(reason), earlier.cloned()),
            Some(Err(why)) => (Outcome::Failed(format!("{reason}; {why}")), None),
            None => (Outcome::Failed(reason), None),
        },
    };
    SourceReport {
        id: source.id.clone(),
        outcome,
        entry,
        notes,
    }
}

/// A source that passed every check, not yet written.
struct Accepted {
    entry: SanctionsListFile,
    /// (file name, bytes): the list first, then its companions.
    files: Vec<(String, Vec<u8>)>,
    notes: Vec<String>,
}

/// Downloads and validates a source with its companions: the index entry
/// and the files to write, or why they are refused.
fn download(
    source: &Source,
    limits: &Limits,
    now: fn() -> DateTime<Utc>,
) -> Result<Accepted, String> {
    let name = source.file.as_str();
    let refuse =
        |url: &enduse::config::SourceUrl, why: String| format!("{}: {why}", url.without_query());
    let bytes = fetch::get(&source.url, &source.headers, limits)
        .map_err(|e| refuse(&source.url, e.to_string()))?;
    check_format(&bytes, source.format).map_err(|why| refuse(&source.url, why))?;
    check_complete(&bytes, source.format).map_err(|why| refuse(&source.url, why))?;
    let mut list = SanctionsList::parse_as(&bytes, name, list_format(source.format))
        .map_err(|e| refuse(&source.url, e.to_string()))?;
    let mut files = vec![(name.to_string(), bytes)];
    let mut companion_files = Vec::new();
    let mut notes = Vec::new();
    for companion in &source.companions {
        let cname = companion.file.as_str();
        let cbytes = fetch::get(&companion.url, &source.headers, limits)
            .map_err(|e| refuse(&companion.url, format!("{cname}: {e}")))?;
        check_format(&cbytes, companion.format)
            .and_then(|()| check_complete(&cbytes, companion.format))
            .map_err(|why| refuse(&companion.url, format!("{cname}: {why}")))?;
        let attached = list
            .attach_ofac(&cbytes, cname)
            .map_err(|e| refuse(&companion.url, e.to_string()))?;
        if attached.orphans.count > 0 {
            notes.push(format!(
                "{cname}: {} row(s) name an entry that is not in {name} (files of different days?)",
                attached.orphans.count
            ));
        }
        companion_files.push(CompanionFile {
            file: companion.file.clone(),
            format: companion.format,
            sha256: Some(attached.sha256),
            rows: u64::try_from(attached.rows).ok().filter(|&r| r > 0),
            source_url: Some(companion.url.without_query()),
        });
        files.push((cname.to_string(), cbytes));
    }
    let mut entry = SanctionsListFile::new(source.file.clone(), source.format);
    entry.label = source.label.clone();
    entry.companions = source.companions.iter().map(|c| c.file.clone()).collect();
    entry.published = list.meta.published;
    entry.retrieved = Some(now());
    entry.sha256 = Some(list.meta.sha256);
    entry.entries = u64::try_from(list.meta.entry_count).ok();
    entry.source_url = Some(source.url.without_query());
    entry.companion_files = companion_files;
    Ok(Accepted {
        entry,
        files,
        notes,
    })
}

/// Refuses a file whose content is not the declared format, before parsing:
/// a publisher's error or login page served with status 200 is the common case.
fn check_format(bytes: &[u8], declared: SanctionsListFormat) -> Result<(), String> {
    let want = list_format(declared);
    match ListFormat::detect(bytes) {
        Some(found) if found == want => Ok(()),
        Some(found) => Err(format!(
            "the file is {found}, not {want} as the sources file declares ({declared})"
        )),
        None if looks_like_html(bytes) => Err(format!(
            "the server sent an HTML page, not {want} (an error, consent or login page?)"
        )),
        None if bytes.is_empty() => Err("the server sent an empty file".into()),
        None => Err(format!("not a recognised list file; expected {want}")),
    }
}

/// Refuses a CSV-family file that was cut off where the parser cannot see it.
///
/// The CSV reader accepts a file that ends inside a quoted field (the last
/// entry's remarks cut short), and a file cut at a row boundary is a smaller
/// valid list: either would silently drop designations. So: an odd number of
/// `"` means the file ends inside a quoted field (escaped quotes are doubled,
/// so a whole file has an even number; UTF-16 files, where 0x22 can be half of
/// another character, are left to the parser), and an OFAC legacy CSV must end
/// with the end-of-file mark (0x1A) every file OFAC publishes carries.
fn check_complete(bytes: &[u8], format: SanctionsListFormat) -> Result<(), String> {
    use SanctionsListFormat as F;
    let csv_family = matches!(
        format,
        F::OfacSdnCsv
            | F::OfacAltCsv
            | F::OfacAddCsv
            | F::EuCsv
            | F::OpenSanctionsCsv
            | F::UsCslCsv
            | F::BisDplTxt
    );
    let utf16 = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
    if csv_family && !utf16 && bytes.iter().filter(|&&b| b == b'"').count() % 2 == 1 {
        return Err(
            "the file ends inside a quoted field: it is truncated (the download was cut short)"
                .into(),
        );
    }
    let ofac = matches!(format, F::OfacSdnCsv | F::OfacAltCsv | F::OfacAddCsv);
    if ofac && bytes.trim_ascii_end().last() != Some(&0x1a) {
        return Err(
            "the file does not end with the end-of-file mark (0x1A) that every OFAC legacy CSV \
             file carries: it is probably truncated"
                .into(),
        );
    }
    Ok(())
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or_default();
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let t = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    t.starts_with("<!doctype html") || t.starts_with("<html") || t.contains("<html")
}

/// The parser's format for a config tag (the two enums share their tags).
fn list_format(f: SanctionsListFormat) -> ListFormat {
    match f {
        SanctionsListFormat::OfacSdnCsv => ListFormat::OfacSdnCsv,
        SanctionsListFormat::OfacAltCsv => ListFormat::OfacAltCsv,
        SanctionsListFormat::OfacAddCsv => ListFormat::OfacAddCsv,
        SanctionsListFormat::EuXml => ListFormat::EuXml,
        SanctionsListFormat::EuCsv => ListFormat::EuCsv,
        SanctionsListFormat::OpenSanctionsCsv => ListFormat::OpenSanctionsCsv,
        SanctionsListFormat::UsCslCsv => ListFormat::UsCslCsv,
        SanctionsListFormat::UsCslJson => ListFormat::UsCslJson,
        SanctionsListFormat::UnXml => ListFormat::UnXml,
        SanctionsListFormat::UkXml => ListFormat::UkXml,
        SanctionsListFormat::BisDplTxt => ListFormat::BisDplTxt,
    }
}

/// A kept entry is only as good as its file: it must still be on disk with
/// the digest the previous index recorded.
fn still_on_disk(out: &Path, entry: &SanctionsListFile) -> Result<(), String> {
    let check = |file: &str, digest: Option<Sha256Digest>| -> Result<(), String> {
        let bytes = fs::read(out.join(file))
            .map_err(|e| format!("the previous {file} cannot be read ({e}), so nothing is kept"))?;
        match digest {
            Some(d) if Sha256Digest::of(&bytes) != d => Err(format!(
                "the previous {file} no longer has the SHA-256 its index entry records, so it is not kept"
            )),
            _ => Ok(()),
        }
    };
    check(entry.file.as_str(), entry.sha256)?;
    for companion in &entry.companions {
        let digest = entry
            .companion_files
            .iter()
            .find(|c| &c.file == companion)
            .and_then(|c| c.sha256);
        check(companion.as_str(), digest)?;
    }
    Ok(())
}

/// Writes a list and its companions: every file to a temporary name first,
/// then each renamed over its old version, so a failure before the renames
/// leaves every previous file as it was.
fn write_set(out: &Path, files: &[(&str, &[u8])]) -> Result<(), String> {
    let mut temps = Vec::new();
    for (name, bytes) in files {
        match write_temp(out, name, bytes) {
            Ok(temp) => temps.push((temp, out.join(name))),
            Err(e) => {
                for (temp, _) in &temps {
                    let _ = fs::remove_file(temp);
                }
                return Err(format!("cannot write {name} in {}: {e}", out.display()));
            }
        }
    }
    for (temp, target) in &temps {
        if let Err(e) = fs::rename(temp, target) {
            for (temp, _) in &temps {
                let _ = fs::remove_file(temp);
            }
            return Err(format!("cannot replace {}: {e}", target.display()));
        }
    }
    sync_dir(out);
    Ok(())
}

/// Writes one file atomically (temporary file, then rename).
fn write_atomically(out: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    let temp = write_temp(out, name, bytes)?;
    fs::rename(&temp, out.join(name)).inspect_err(|_| {
        let _ = fs::remove_file(&temp);
    })?;
    sync_dir(out);
    Ok(())
}

/// `.NAME.partial-PID` beside the target: same file system, so the rename is
/// atomic; hidden, so a static host never serves it as a list.
fn write_temp(out: &Path, name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let temp = out.join(format!(".{name}.partial-{}", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    match result {
        Ok(()) => Ok(temp),
        Err(e) => {
            let _ = fs::remove_file(&temp);
            Err(e)
        }
    }
}

/// Makes the renames durable where the platform allows it (best effort).
fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}
