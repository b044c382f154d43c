//! The sanctions lists of this browser session: loaded once, shared by the
//! screening page and the questionnaire's risk evaluation.
//!
//! On first use the host's configured lists (`config.json`
//! `sanctions_lists`) are fetched — or, when the host names none, those in
//! `lists/index.json` — always from this site's own origin. Files the user
//! picks from disk are added to the same set. Every change rebuilds one
//! [`ScreeningIndex`], published through signals, so anything that screens
//! (including [`evidence_for`]) re-runs when lists arrive.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::Arc;

use enduse::model::{Evidence, ListsSearched, PartyScreening, Transaction};
use enduse::party_screening::{lists_searched, screen_parties, to_evidence};
use enduse::screening::{SanctionsList, ScreenOptions, ScreeningIndex};
use enduse::screening_files::{ListFile, add_files};
use leptos::prelude::*;
use serde::Deserialize;
use wasm_bindgen_futures::JsFuture;

use crate::host_config;

use crate::site::describe;
/// The folder and manifest of the lists shipped with the app.
const LISTS_DIR: &str = "lists/";
const MANIFEST: &str = "lists/index.json";

/// Where loading the site's lists stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadPhase {
    /// Not started or still fetching.
    Loading,
    /// Every file was fetched (some may have been refused: see `errors`).
    Done,
}

/// The shared, reactive screening state.
#[derive(Clone, Copy)]
pub struct ScreeningState {
    /// The index over every loaded list; `None` until the first build.
    pub index: RwSignal<Option<Arc<ScreeningIndex>>>,
    /// Why files were refused (file, and line when there is one).
    pub errors: RwSignal<Vec<String>>,
    /// Site lists: loading or done.
    pub phase: RwSignal<LoadPhase>,
    /// Display labels from the manifest or host configuration, by file name.
    pub labels: RwSignal<HashMap<String, String>>,
}

thread_local! {
    static STATE: Cell<Option<ScreeningState>> = const { Cell::new(None) };
    /// Owns the state's signals for the whole session. Signals created under
    /// the first page that asked would be disposed when that page unmounts.
    static OWNER: RefCell<Option<Owner>> = const { RefCell::new(None) };
    /// Parsed lists, kept so that adding a file rebuilds the index with the others.
    static LISTS: RefCell<Vec<SanctionsList>> = const { RefCell::new(Vec::new()) };
}

/// The session's screening state; the first call starts loading the site's lists.
pub fn state() -> ScreeningState {
    if let Some(s) = STATE.with(Cell::get) {
        return s;
    }
    // `new_root` makes itself the current owner; the caller's is put back below.
    let caller = Owner::current();
    let owner = Owner::new_root(None);
    let s = owner.with(|| ScreeningState {
        index: RwSignal::new(None),
        errors: RwSignal::new(Vec::new()),
        phase: RwSignal::new(LoadPhase::Loading),
        labels: RwSignal::new(HashMap::new()),
    });
    OWNER.with(|o| *o.borrow_mut() = Some(owner));
    if let Some(caller) = caller {
        caller.set();
    }
    STATE.with(|c| c.set(Some(s)));
    wasm_bindgen_futures::spawn_local(load_site_lists(s));
    s
}

/// The screening section of an attestation record: the loaded lists and the
/// parties' outcomes in `evidence`; `None` when nothing was screened.
pub fn record_screening(evidence: &Evidence) -> Option<enduse::record::v1::ScreeningSummary> {
    state().index.with_untracked(|index| {
        index
            .as_ref()
            .and_then(|i| enduse::record::convert::screening_summary(i.lists(), evidence))
    })
}

/// Screening evidence for the risk engine: every named party of `tx`
/// screened against the loaded lists with the default thresholds, and the
/// lists searched judged on today's date against the host's age limit.
///
/// Empty (and no lists) until at least one list is loaded, so the rules see
/// "not screened" (missing information), never a clean result from an empty
/// index; a "no list match" against out-of-date or sample lists is likewise
/// no result (`Evidence::lists`). Reads a signal: call it inside a memo or
/// effect and it re-runs when lists load.
pub fn evidence_for(tx: &Transaction) -> (Vec<PartyScreening>, Option<ListsSearched>) {
    let s = state();
    s.index.with(|index| match index {
        Some(index) if !index.lists().is_empty() => {
            let results = screen_parties(tx, index, &ScreenOptions::default());
            if results.is_empty() {
                return (Vec::new(), None);
            }
            let judged = lists_searched(index.lists(), today(), max_age_days());
            (to_evidence(&results, index.lists()), Some(judged))
        }
        _ => (Vec::new(), None),
    })
}

/// The standing of every loaded list today, in load order (reads the
/// screening signal).
pub fn lists_today() -> Option<ListsSearched> {
    state().index.with(|index| {
        index
            .as_ref()
            .map(|i| lists_searched(i.lists(), today(), max_age_days()))
    })
}

/// This browser's calendar day: lists are judged on the day they are searched.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The host's limit on a list's age (`config.json` `list_max_age_days`).
pub fn max_age_days() -> u32 {
    host_config::current().config.max_list_age_days()
}

/// Adds files the user picked; refused files are added to `errors`.
pub fn add_user_files(s: ScreeningState, files: Vec<ListFile>) {
    let errors = LISTS.with(|lists| add_files(&mut lists.borrow_mut(), files));
    s.errors
        .update(|e| e.extend(errors.iter().map(ToString::to_string)));
    rebuild(s);
}

fn rebuild(s: ScreeningState) {
    let index = LISTS.with(|lists| ScreeningIndex::build(lists.borrow().clone()));
    s.index.set(Some(Arc::new(index)));
}

/// One list the site offers: the file, its companions, a label, and what
/// the host vouches for: the day its daily job fetched the file from the
/// publisher, and whether it is a fictitious sample.
struct SiteList {
    file: String,
    companions: Vec<String>,
    label: Option<String>,
    retrieved: Option<chrono::NaiveDate>,
    /// A publication date the host states for a file that carries none.
    published: Option<chrono::NaiveDate>,
    sample: bool,
}

#[derive(Deserialize)]
struct Manifest {
    lists: Vec<ManifestEntry>,
}

#[derive(Deserialize)]
struct ManifestEntry {
    file: String,
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    companions: Vec<String>,
    /// `YYYY-MM-DD` or an RFC 3339 time: the day the file was fetched.
    #[serde(default)]
    retrieved: Option<String>,
    /// `YYYY-MM-DD`: the publication date, for a file that carries none.
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    sample: bool,
}

/// The calendar day of a manifest's `retrieved` or `published` (a date, or
/// a date-time whose first ten characters are the date); anything else is
/// ignored, so the list's age stays what the file itself says.
fn retrieved_day(text: &str) -> Option<chrono::NaiveDate> {
    let day = text.trim().get(..10)?;
    chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

async fn load_site_lists(s: ScreeningState) {
    let mut errors = Vec::new();
    let site_lists = match configured_lists().await {
        Ok(lists) => lists,
        Err(e) => {
            errors.push(e);
            Vec::new()
        }
    };
    let mut labels = HashMap::new();
    let mut vouched = HashMap::new();
    let mut files = Vec::new();
    for list in site_lists {
        if let Some(label) = &list.label {
            labels.insert(file_name(&list.file).to_string(), label.clone());
        }
        vouched.insert(
            file_name(&list.file).to_string(),
            (list.retrieved, list.published, list.sample),
        );
        for path in std::iter::once(&list.file).chain(list.companions.iter()) {
            match fetch_bytes(path).await {
                Ok(bytes) => files.push(ListFile {
                    name: file_name(path).to_string(),
                    bytes,
                }),
                Err(e) => errors.push(e),
            }
        }
    }
    let refused = LISTS.with(|lists| {
        let mut lists = lists.borrow_mut();
        let refused = add_files(&mut lists, files);
        for list in lists.iter_mut() {
            if let Some((retrieved, published, sample)) = vouched.get(&list.meta.file_name) {
                list.meta.retrieved = *retrieved;
                // The file's own date wins; the host's stands in only for
                // files that carry none.
                list.meta.published = list.meta.published.or(*published);
                list.meta.sample |= *sample;
            }
        }
        refused
    });
    errors.extend(refused.iter().map(ToString::to_string));
    s.labels.set(labels);
    s.errors.update(|e| e.extend(errors));
    rebuild(s);
    s.phase.set(LoadPhase::Done);
}

/// The host's configured lists, else the manifest shipped with the app.
async fn configured_lists() -> Result<Vec<SiteList>, String> {
    let host = host_config::current();
    if !host.config.sanctions_lists.is_empty() {
        return Ok(host
            .config
            .sanctions_lists
            .iter()
            .map(|l| SiteList {
                file: l.file.as_str().to_string(),
                companions: l
                    .companions
                    .iter()
                    .map(|c| c.as_str().to_string())
                    .collect(),
                label: l.label.clone(),
                retrieved: l.retrieved.map(|t| t.date_naive()),
                published: l.published,
                sample: l.sample,
            })
            .collect());
    }
    let bytes = fetch_bytes(MANIFEST).await?;
    let manifest: Manifest =
        serde_json::from_slice(&bytes).map_err(|e| format!("{MANIFEST} line {}: {e}", e.line()))?;
    Ok(manifest
        .lists
        .into_iter()
        .filter_map(|entry| {
            let file = in_lists_dir(&entry.file)?;
            let companions = entry
                .companions
                .iter()
                .filter_map(|c| in_lists_dir(c))
                .collect();
            Some(SiteList {
                file,
                companions,
                label: entry.label,
                retrieved: entry.retrieved.as_deref().and_then(retrieved_day),
                published: entry.published.as_deref().and_then(retrieved_day),
                sample: entry.sample,
            })
        })
        .collect())
}

/// A manifest file name as a path under `lists/`; names that could leave the
/// folder or the origin are ignored.
fn in_lists_dir(name: &str) -> Option<String> {
    let safe = !name.is_empty()
        && !name.contains("..")
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
        && !name.starts_with('/');
    safe.then(|| format!("{LISTS_DIR}{name}"))
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// GETs a same-origin file's bytes; the error names the path.
async fn fetch_bytes(path: &str) -> Result<Vec<u8>, String> {
    let response = crate::site::get(path).await?;
    crate::site::check_ok(path, &response)?;
    let buffer = crate::site::read_body(path, response.array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Reads a file the user picked.
pub async fn read_file(file: &web_sys::File) -> Result<ListFile, String> {
    let name = file.name();
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{name}: could not be read ({})", describe(&e)))?;
    Ok(ListFile {
        name,
        bytes: js_sys::Uint8Array::new(&buffer).to_vec(),
    })
}
