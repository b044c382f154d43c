//! `enduse screen`: screen names against published sanctions lists.
//!
//! Exit status: 0 when no name reached the review threshold, 1 when at least
//! one name is a review or potential match, 2 when a list or the names file
//! cannot be read. A 0 means "no list match", never "cleared".

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use enduse::screening::{
    DEFAULT_MAX_AGE_DAYS, Freshness, HitBasis, ListFormat, Outcome, PartyDetails, SanctionsList,
    ScreenOptions, ScreeningIndex, ScreeningResult,
};

use crate::text::{safe_output, shown};

/// Arguments of `enduse screen`.
#[derive(Args)]
pub struct ScreenArgs {
    /// A list file (OFAC sdn.csv or cons_prim.csv, EU XML or CSV export,
    /// OpenSanctions targets.simple.csv, US CSL CSV or JSON, UN consolidated
    /// XML, UK Sanctions List XML, BIS dpl.txt); repeat for several. An OFAC sdn.csv picks up
    /// alt.csv/add.csv next to it; they may also be given explicitly.
    #[arg(long = "list", required = true, value_name = "FILE")]
    lists: Vec<PathBuf>,
    /// Score from which a hit is a potential match (0–1).
    #[arg(long, default_value_t = ScreenOptions::DEFAULT_THRESHOLD)]
    threshold: f32,
    /// Score from which a hit needs review (0–1, at most --threshold).
    #[arg(long)]
    review_threshold: Option<f32>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Lists published more than this many days ago are flagged as stale.
    #[arg(long, default_value_t = DEFAULT_MAX_AGE_DAYS)]
    max_age_days: u32,
    /// The day the --list files were downloaded from their publishers
    /// (YYYY-MM-DD). OFAC legacy CSV, OpenSanctions simple CSV and BIS DPL
    /// carry no date of their own; without this their age is unknown and
    /// they are flagged. Say it only for files fetched from the official
    /// source that day (e.g. by `enduse lists update`).
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    retrieved: Option<chrono::NaiveDate>,
    /// The party's country (ISO 3166-1 alpha-2), compared with the lists'.
    #[arg(long)]
    country: Option<String>,
    /// The party's year of birth (or registration).
    #[arg(long)]
    birth_year: Option<i32>,
    /// An identifier of the party (INN, OGRN, BIN/IIN, IMO, tax number); repeatable.
    #[arg(long = "id", value_name = "ID")]
    identifiers: Vec<String>,
    /// The party's address, one line: a listed entry at the same address is a hit.
    #[arg(long)]
    address: Option<String>,
    /// Names to screen, or one CSV file with a `name` column (or a single
    /// column).
    #[arg(required = true, value_name = "NAMES.csv|NAME")]
    names: Vec<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    /// Hits with their explanation, for people.
    Text,
    /// Lists' provenance and full results, for programs.
    Json,
}

/// Runs `enduse screen`.
pub fn run(args: &ScreenArgs) -> ExitCode {
    match screen(args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("enduse screen: {message}");
            ExitCode::from(2)
        }
    }
}

fn screen(args: &ScreenArgs) -> Result<ExitCode, String> {
    let opts = match args.review_threshold {
        Some(review) => ScreenOptions::new(args.threshold, review),
        None => ScreenOptions::with_threshold(args.threshold),
    }
    .map_err(|e| e.to_string())?;
    let lists = with_retrieved(load_lists(&args.lists)?, args.retrieved);
    let names = read_names(&args.names)?;
    let index = ScreeningIndex::build(lists);
    let details = PartyDetails {
        country: args.country.clone(),
        birth_year: args.birth_year,
        identifiers: args.identifiers.clone(),
        address: args.address.clone(),
    };
    let results: Vec<ScreeningResult> = names
        .iter()
        .map(|n| index.screen_party(n, &details, &opts))
        .collect();
    let today = chrono::Local::now().date_naive();
    match args.format {
        OutputFormat::Text => print_text(&index, &results, &opts, today, args.max_age_days),
        OutputFormat::Json => {
            let freshness: Vec<Freshness> = index
                .lists()
                .iter()
                .map(|l| l.freshness(today, args.max_age_days))
                .collect();
            let json = serde_json::json!({
                "threshold": opts.threshold(),
                "review_threshold": opts.review_threshold(),
                "screened_on": today,
                "max_age_days": args.max_age_days,
                "lists": index.lists(),
                "freshness": freshness,
                "results": results,
            });
            let text = serde_json::to_string_pretty(&json)
                .map_err(|e| format!("cannot write JSON: {e}"))?;
            println!("{text}");
        }
    }
    let flagged = results.iter().any(|r| r.outcome != Outcome::NoListMatch);
    Ok(ExitCode::from(u8::from(flagged)))
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The OFAC companion files next to `sdn` (`sdn.csv` → `alt.csv`,
/// `sample-sdn.csv` → `sample-alt.csv`), those that exist.
fn sibling_companions(sdn: &Path) -> Vec<PathBuf> {
    let Some(name) = sdn.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Vec::new();
    };
    let lower = name.to_ascii_lowercase();
    let Some(at) = lower.rfind("sdn") else {
        return Vec::new();
    };
    ["alt", "add"]
        .iter()
        .map(|part| {
            let part = if name.get(at..at + 3) == Some("SDN") {
                part.to_ascii_uppercase()
            } else {
                part.to_string()
            };
            let sibling = format!(
                "{}{}{}",
                name.get(..at).unwrap_or(""),
                part,
                name.get(at + 3..).unwrap_or("")
            );
            sdn.with_file_name(sibling)
        })
        .filter(|p| p.is_file())
        .collect()
}

/// A `YYYY-MM-DD` argument.
pub(crate) fn parse_day(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|e| format!("\"{text}\" is not a date (YYYY-MM-DD): {e}"))
}

/// Marks every list as fetched from its publisher on `retrieved`, when the
/// user vouches for it (`--retrieved`).
pub(crate) fn with_retrieved(
    mut lists: Vec<SanctionsList>,
    retrieved: Option<chrono::NaiveDate>,
) -> Vec<SanctionsList> {
    for list in &mut lists {
        list.meta.retrieved = retrieved;
    }
    lists
}

pub(crate) fn load_lists(paths: &[PathBuf]) -> Result<Vec<SanctionsList>, String> {
    let mut lists: Vec<SanctionsList> = Vec::new();
    let mut companions: Vec<PathBuf> = Vec::new();
    let mut auto: Vec<(usize, PathBuf)> = Vec::new();
    for path in paths {
        let bytes = read(path)?;
        match ListFormat::detect(&bytes) {
            Some(ListFormat::OfacAltCsv | ListFormat::OfacAddCsv) => companions.push(path.clone()),
            _ => {
                let list =
                    SanctionsList::parse(&bytes, &display_name(path)).map_err(|e| e.to_string())?;
                if list.meta.format == ListFormat::OfacSdnCsv {
                    auto.extend(
                        sibling_companions(path)
                            .into_iter()
                            .map(|p| (lists.len(), p)),
                    );
                }
                lists.push(list);
            }
        }
    }
    let explicit: Vec<String> = companions.iter().map(|p| display_name(p)).collect();
    for path in &companions {
        let target = lists
            .iter_mut()
            .rev()
            .find(|l| l.meta.format == ListFormat::OfacSdnCsv)
            .ok_or_else(|| {
                format!(
                    "{}: an OFAC alt.csv/add.csv needs an sdn.csv in --list",
                    path.display()
                )
            })?;
        target
            .attach_ofac(&read(path)?, &display_name(path))
            .map_err(|e| e.to_string())?;
    }
    for (at, path) in auto {
        if explicit.contains(&display_name(&path)) {
            continue;
        }
        if let Some(list) = lists.get_mut(at) {
            list.attach_ofac(&read(&path)?, &display_name(&path))
                .map_err(|e| e.to_string())?;
        }
    }
    for list in &lists {
        for part in &list.meta.attached {
            if part.orphans.count > 0 {
                eprintln!(
                    "enduse screen: note: {} has {} row(s) whose ent_num is not in {} (files from different dates?), e.g. {}",
                    part.file_name,
                    part.orphans.count,
                    list.meta.file_name,
                    part.orphans
                        .examples
                        .first()
                        .map(String::as_str)
                        .unwrap_or("")
                );
            }
        }
    }
    Ok(lists)
}

/// Names from the arguments: one existing file is read as CSV, anything
/// else is taken literally.
fn read_names(args: &[String]) -> Result<Vec<String>, String> {
    if let [single] = args
        && Path::new(single).is_file()
    {
        return read_names_csv(Path::new(single));
    }
    Ok(args.to_vec())
}

fn read_names_csv(path: &Path) -> Result<Vec<String>, String> {
    let bytes = read(path)?;
    let text =
        String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8 text", path.display()))?;
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = reader.records();
    let Some(first) = rows.next() else {
        return Err(format!("{}: no names in the file", path.display()));
    };
    let first = first.map_err(|e| format!("{}: {e}", path.display()))?;
    let name_column = first
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case("name"));
    if name_column.is_none() && first.len() > 1 {
        return Err(format!(
            "{}: line 1: several columns but none is called \"name\"",
            path.display()
        ));
    }
    let column = name_column.unwrap_or(0);
    let mut names = Vec::new();
    if name_column.is_none() {
        names.extend(first.get(0).map(|s| s.trim().to_string()));
    }
    for row in rows {
        let row = row.map_err(|e| format!("{}: {e}", path.display()))?;
        if let Some(name) = row.get(column).map(str::trim)
            && !name.is_empty()
        {
            names.push(name.to_string());
        }
    }
    names.retain(|n| !n.is_empty());
    if names.is_empty() {
        return Err(format!("{}: no names in the file", path.display()));
    }
    Ok(names)
}

/// Names, list entries and file names come from files: each field is
/// escaped (`text::shown`) so none can forge a line of the report.
fn print_text(
    index: &ScreeningIndex,
    results: &[ScreeningResult],
    opts: &ScreenOptions,
    today: chrono::NaiveDate,
    max_age_days: u32,
) {
    let mut out = String::new();
    for list in index.lists() {
        let date = match (list.published, list.freshness(today, max_age_days)) {
            (Some(d), Freshness::Stale { age_days, .. }) => format!(
                ", published {d} ({age_days} days ago: STALE, older than {max_age_days} days; newer designations are missing)"
            ),
            (Some(d), Freshness::Current { age_days }) => {
                format!(", published {d} ({age_days} days ago)")
            }
            _ => ", publication date UNKNOWN (the file carries none): its age cannot be checked"
                .to_string(),
        };
        let attached: String = list
            .attached
            .iter()
            .map(|a| format!(" + {} ({} rows)", shown(&a.file_name), a.rows))
            .collect();
        out.push_str(&format!(
            "list: {} — {}, {} entries{date}, sha256 {}{attached}\n",
            shown(&list.file_name),
            list.format,
            list.entry_count,
            list.sha256
        ));
    }
    out.push_str(&format!(
        "thresholds: potential match ≥ {:.2}, review ≥ {:.2}\n\n",
        opts.threshold(),
        opts.review_threshold()
    ));
    for result in results {
        out.push_str(&format!(
            "\"{}\": {}\n",
            shown(&result.query),
            result.outcome.label().to_uppercase()
        ));
        for hit in &result.hits {
            let programmes = if hit.programmes.is_empty() {
                String::new()
            } else {
                format!(" [{}]", shown(&hit.programmes.join(", ")))
            };
            let basis = match hit.basis {
                HitBasis::Name => "",
                HitBasis::Identifier => " (shares an identifier)",
                HitBasis::Address => " (shares an address)",
            };
            out.push_str(&format!(
                "  {} {}{basis} — {} #{} {}{programmes}\n",
                hit.score,
                hit.outcome,
                shown(&hit.list),
                shown(&hit.entry_id),
                shown(&hit.entry_name)
            ));
            if let Some(source) = &hit.source {
                out.push_str(&format!("      list: {}\n", shown(source)));
            }
            if let Some(licence) = &hit.licence {
                out.push_str(&format!(
                    "      licence requirement: {}; policy: {}\n",
                    shown(licence.requirement.as_deref().unwrap_or("not stated")),
                    shown(licence.policy.as_deref().unwrap_or("not stated"))
                ));
            }
            for a in &hit.attributes {
                out.push_str(&format!(
                    "      {} {:?}: query \"{}\", list \"{}\" ({:+.2})\n",
                    a.attribute,
                    a.agreement,
                    shown(&a.query),
                    shown(&a.listed),
                    a.adjustment
                ));
            }
            if hit.matched_name != hit.entry_name {
                out.push_str(&format!(
                    "      matched \"{}\" ({:?})\n",
                    shown(&hit.matched_name),
                    hit.matched_name_kind
                ));
            }
            let pairs: Vec<String> = hit
                .pairs
                .iter()
                .map(|p| {
                    format!(
                        "{}≈{} {:.2}×{:.1}",
                        shown(&p.query),
                        shown(&p.entry),
                        p.similarity.value(),
                        p.weight
                    )
                })
                .collect();
            if !pairs.is_empty() {
                out.push_str(&format!("      pairs: {}\n", pairs.join(", ")));
            }
            if !hit.unmatched_query.is_empty() || !hit.unmatched_entry.is_empty() {
                out.push_str(&format!(
                    "      unmatched: query [{}], entry [{}]\n",
                    shown(&hit.unmatched_query.join(" ")),
                    shown(&hit.unmatched_entry.join(" "))
                ));
            }
        }
    }
    print!("{}", safe_output(&out));
}
