//! Restricted-party screening (`/screening`): which lists are loaded, one
//! name with every hit explained, and a batch of names with progress and a
//! CSV download.
//!
//! The page decides nothing: matching, outcomes and the CSV layout come from
//! `enduse::screening` and `enduse::screening_batch`, so a name scores here
//! exactly as it does in `enduse screen`.

use std::sync::Arc;

use enduse::screening::{
    Hit, ListMeta, NameKind, Outcome, ScreenOptions, ScreeningIndex, ScreeningResult,
};
use enduse::screening_batch::{parse_names_csv, results_csv};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::components::sample_lists::SampleListsWarning;
use crate::i18n::{t, t_string, use_i18n};
use crate::screening_state::{self, LoadPhase, ScreeningState};

/// Names screened between two yields to the browser: small enough that a
/// chunk takes a few milliseconds, so the page stays responsive.
const CHUNK: usize = 50;
/// Rows of batch results drawn on the page; the download has all of them.
const SHOWN_ROWS: usize = 500;
/// Lowest threshold the control accepts: below it nearly every name "matches".
const MIN_THRESHOLD: f32 = 0.5;
/// Characters of the SHA-256 shown in the table (the full digest is in the title).
const SHA_PREFIX: usize = 12;

#[component]
pub fn Screening() -> impl IntoView {
    let i18n = use_i18n();
    let s = screening_state::state();
    let threshold_text = RwSignal::new(format!("{:.2}", ScreenOptions::DEFAULT_THRESHOLD));
    let options = Signal::derive(move || options_from(&threshold_text.get()));
    view! {
        <section class="page screening">
            <h1>{t!(i18n, screening.title)}</h1>
            <p class="lead">{t!(i18n, screening.lead)}</p>
            <ListsPanel s />
            <ThresholdControl threshold_text options />
            <SingleName s options />
            <Batch s options />
        </section>
    }
}

/// Options from the threshold field; `None` when the text is not a valid threshold.
fn options_from(text: &str) -> Option<ScreenOptions> {
    let threshold: f32 = text.trim().replace(',', ".").parse().ok()?;
    if !(MIN_THRESHOLD..=1.0).contains(&threshold) {
        return None;
    }
    let review = ScreenOptions::DEFAULT_REVIEW_THRESHOLD.min(threshold);
    ScreenOptions::new(threshold, review).ok()
}

#[component]
fn ListsPanel(s: ScreeningState) -> impl IntoView {
    let i18n = use_i18n();
    let lists = move || {
        s.index
            .with(|i| i.as_ref().map(|i| i.lists().to_vec()).unwrap_or_default())
    };
    let table = move || {
        let lists = lists();
        if lists.is_empty() {
            return match s.phase.get() {
                LoadPhase::Loading => {
                    view! { <p role="status">{t!(i18n, screening.lists_loading)}</p> }.into_any()
                }
                LoadPhase::Done => {
                    view! { <p class="alert">{t!(i18n, screening.lists_none)}</p> }.into_any()
                }
            };
        }
        let labels = s.labels.get();
        let judged = screening_state::lists_today();
        let clears = judged.as_ref().is_some_and(|j| j.clears());
        let rows = lists
            .into_iter()
            .map(|meta| {
                let label = labels.get(&meta.file_name).cloned();
                let standing = judged.as_ref().and_then(|j| j.standing_of(&meta.file_name));
                list_row(meta, label, standing)
            })
            .collect_view();
        let max = screening_state::max_age_days();
        view! {
            <SampleListsWarning />
            {(!clears).then(|| view! {
                <p class="alert lists-not-current" role="note" id="lists-not-current">
                    {t!(i18n, screening.lists_not_current)}
                </p>
            })}
            <p class="hint">{t_string!(i18n, screening.lists_limit, max = max).to_string()}</p>
            <div class="table-scroll">
                <table class="lists-table" id="loaded-lists">
                    <caption>{t!(i18n, screening.lists_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, screening.col_list)}</th>
                            <th scope="col">{t!(i18n, screening.col_format)}</th>
                            <th scope="col">{t!(i18n, screening.col_entries)}</th>
                            <th scope="col">{t!(i18n, screening.col_date)}</th>
                            <th scope="col">{t!(i18n, screening.col_standing)}</th>
                            <th scope="col">{t!(i18n, screening.col_sha)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let errors = move || {
        let errors = s.errors.get();
        (!errors.is_empty()).then(|| {
            view! {
                <div class="alert" role="alert" id="list-errors">
                    <h3>{t!(i18n, screening.errors_heading)}</h3>
                    <ul>{errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                </div>
            }
        })
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let picked = picked_files(&input);
        input.set_value("");
        wasm_bindgen_futures::spawn_local(async move {
            let mut files = Vec::new();
            let mut errors = Vec::new();
            for file in picked {
                match screening_state::read_file(&file).await {
                    Ok(f) => files.push(f),
                    Err(e) => errors.push(e),
                }
            }
            s.errors.update(|e| e.extend(errors));
            screening_state::add_user_files(s, files);
        });
    };
    view! {
        <section class="screening-lists" aria-labelledby="lists-heading">
            <h2 id="lists-heading">{t!(i18n, screening.lists_heading)}</h2>
            {table}
            {errors}
            <div class="field">
                <label for="list-files">{t!(i18n, screening.add_label)}</label>
                <input
                    id="list-files"
                    type="file"
                    multiple=true
                    accept=".csv,.xml,.txt"
                    aria-describedby="list-files-hint"
                    on:change=on_pick
                />
                <p class="hint" id="list-files-hint">{t!(i18n, screening.add_hint)}</p>
            </div>
        </section>
    }
}

fn list_row(
    meta: ListMeta,
    label: Option<String>,
    standing: Option<enduse::model::ListStanding>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sha = meta.sha256.to_hex();
    let prefix: String = sha.chars().take(SHA_PREFIX).collect();
    let companions: Vec<String> = meta
        .attached
        .iter()
        .map(|a| format!("+ {} ({})", a.file_name, a.rows))
        .collect();
    let date = meta.published.map(|d| d.to_string());
    view! {
        <tr>
            <th scope="row">
                {label.map(|l| view! { <span class="list-label">{l}</span><br /> })}
                <code>{meta.file_name.clone()}</code>
                {companions.into_iter().map(|c| view! { <br /><span class="muted">{c}</span> }).collect_view()}
            </th>
            <td>{meta.format.label()}</td>
            <td class="num">{meta.entry_count}</td>
            <td>
                {match date {
                    Some(d) => d.into_any(),
                    None => t!(i18n, screening.date_not_in_file).into_any(),
                }}
            </td>
            <td
                class="standing"
                data-standing=standing.map(crate::list_standing::standing_tag)
                class:attention=standing.is_some_and(crate::list_standing::needs_attention)
            >
                {standing.map(|st| crate::list_standing::standing_words(i18n, st))}
                {meta.retrieved.map(|d| view! { <br /><span class="muted">{format!("↓ {d}")}</span> })}
            </td>
            <td><code class="hash" title=sha>{prefix}</code></td>
        </tr>
    }
}

fn picked_files(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    let Some(list) = input.files() else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[component]
fn ThresholdControl(
    threshold_text: RwSignal<String>,
    options: Signal<Option<ScreenOptions>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let invalid = move || options.get().is_none();
    view! {
        <div class="field threshold">
            <label for="threshold">{t!(i18n, screening.threshold_label)}</label>
            <input
                id="threshold"
                type="number"
                min="0.5"
                max="1"
                step="0.01"
                inputmode="decimal"
                aria-describedby="threshold-hint threshold-error"
                aria-invalid=move || if invalid() { "true" } else { "false" }
                prop:value=move || threshold_text.get()
                on:input=move |ev| threshold_text.set(event_target_value(&ev))
            />
            <p class="hint" id="threshold-hint">
                {move || {
                    let review = options
                        .get()
                        .map(|o| o.review_threshold())
                        .unwrap_or(ScreenOptions::DEFAULT_REVIEW_THRESHOLD);
                    t_string!(i18n, screening.threshold_hint, review = format!("{review:.2}"))
                        .to_string()
                }}
            </p>
            <p class="field-error" id="threshold-error" role="alert">
                {move || invalid().then(|| t_string!(i18n, screening.threshold_error).to_string())}
            </p>
        </div>
    }
}

#[component]
fn SingleName(s: ScreeningState, options: Signal<Option<ScreenOptions>>) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let query = RwSignal::new(None::<String>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = name.get_untracked().trim().to_string();
        query.set((!text.is_empty()).then_some(text));
    };
    let result = move || {
        let query = query.get()?;
        let opts = options.get()?;
        let index = s.index.get()?;
        Some(index.screen(&query, &opts))
    };
    view! {
        <section class="screening-single" aria-labelledby="single-heading">
            <h2 id="single-heading">{t!(i18n, screening.name_heading)}</h2>
            <form class="screen-form" on:submit=on_submit>
                <div class="field">
                    <label for="screen-name">{t!(i18n, screening.name_label)}</label>
                    <input
                        id="screen-name"
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                </div>
                <button type="submit" class="button primary">{t!(i18n, screening.screen_button)}</button>
            </form>
            <div id="single-result" aria-live="polite">
                {move || result().map(|r| view! { <ResultView result=r /> })}
            </div>
        </section>
    }
}

/// The translated outcome words ("no list match", "review", "potential match").
fn outcome_text(outcome: Outcome) -> String {
    let i18n = use_i18n();
    match outcome {
        Outcome::NoListMatch => t_string!(i18n, screening.outcome_no_list_match).to_string(),
        Outcome::Review => t_string!(i18n, screening.outcome_review).to_string(),
        Outcome::PotentialMatch => t_string!(i18n, screening.outcome_potential_match).to_string(),
    }
}

fn outcome_class(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::NoListMatch => "outcome outcome-none",
        Outcome::Review => "outcome outcome-review",
        Outcome::PotentialMatch => "outcome outcome-potential",
    }
}

#[component]
fn ResultView(result: ScreeningResult) -> impl IntoView {
    let i18n = use_i18n();
    let outcome = result.outcome;
    let query = result.query.clone();
    let counts = screening_state::lists_today().is_some_and(|j| j.clears());
    let note = (outcome == Outcome::NoListMatch).then(|| {
        view! {
            <p class="muted">{t!(i18n, screening.no_match_note)}</p>
            {(!counts).then(|| view! {
                <p class="alert no-match-not-counted">{t!(i18n, screening.no_match_not_counted)}</p>
            })}
        }
    });
    let hits = result
        .hits
        .into_iter()
        .enumerate()
        .map(|(i, hit)| hit_view(hit, i == 0))
        .collect_view();
    view! {
        <p class="result-line">
            {move || t_string!(i18n, screening.result_for, name = query.clone()).to_string()}
            " "
            <strong class=outcome_class(outcome) data-outcome=outcome.label()>
                {move || outcome_text(outcome)}
            </strong>
        </p>
        <SampleListsWarning />
        {note}
        <div class="hits">{hits}</div>
    }
}

fn hit_view(hit: Hit, open: bool) -> impl IntoView {
    let i18n = use_i18n();
    let kind = hit.matched_name_kind;
    let programmes = if hit.programmes.is_empty() {
        "—".to_string()
    } else {
        hit.programmes.join(", ")
    };
    let summary = format!(
        "{} · {} {} · {} · {}",
        hit.score, hit.list, hit.entry_id, hit.entry_name, hit.outcome
    );
    let pairs = hit
        .pairs
        .iter()
        .map(|p| {
            view! {
                <tr>
                    <td>{p.query.clone()}</td>
                    <td>{p.entry.clone()}</td>
                    <td class="num">{p.similarity.to_string()}</td>
                    <td class="num">{format!("{:.2}", p.weight)}</td>
                </tr>
            }
        })
        .collect_view();
    let unmatched_query = hit.unmatched_query.join(" ");
    let unmatched_entry = hit.unmatched_entry.join(" ");
    view! {
        <details class="hit" open=open>
            <summary>
                <span class=outcome_class(hit.outcome)>{move || outcome_text(hit.outcome)}</span>
                " "
                {summary}
            </summary>
            <dl class="hit-facts">
                <dt>{t!(i18n, screening.hit_list)}</dt>
                <dd>{hit.list.clone()} " (" {hit.list_format.label()} ")"</dd>
                <dt>{t!(i18n, screening.hit_entry)}</dt>
                <dd>{hit.entry_id.clone()} " — " {hit.entry_name.clone()}</dd>
                <dt>{t!(i18n, screening.hit_programmes)}</dt>
                <dd>{programmes}</dd>
                <dt>{t!(i18n, screening.hit_matched)}</dt>
                <dd>{hit.matched_name.clone()} " (" {move || name_kind(kind)} ")"</dd>
                <dt>{t!(i18n, screening.hit_score)}</dt>
                <dd class="hit-score">{hit.score.to_string()}</dd>
            </dl>
            <div class="table-scroll">
                <table class="pairs">
                    <caption>{t!(i18n, screening.pairs_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, screening.col_query_token)}</th>
                            <th scope="col">{t!(i18n, screening.col_entry_token)}</th>
                            <th scope="col">{t!(i18n, screening.col_similarity)}</th>
                            <th scope="col">{t!(i18n, screening.col_weight)}</th>
                        </tr>
                    </thead>
                    <tbody>{pairs}</tbody>
                </table>
            </div>
            {(!unmatched_query.is_empty()).then(|| view! {
                <p>{t!(i18n, screening.unmatched_query)} " " <code>{unmatched_query}</code></p>
            })}
            {(!unmatched_entry.is_empty()).then(|| view! {
                <p>{t!(i18n, screening.unmatched_entry)} " " <code>{unmatched_entry}</code></p>
            })}
        </details>
    }
}

fn name_kind(kind: NameKind) -> String {
    let i18n = use_i18n();
    match kind {
        NameKind::Primary => t_string!(i18n, screening.kind_primary).to_string(),
        NameKind::Aka => t_string!(i18n, screening.kind_aka).to_string(),
        NameKind::Fka => t_string!(i18n, screening.kind_fka).to_string(),
        NameKind::Nka => t_string!(i18n, screening.kind_nka).to_string(),
    }
}

/// Where a batch stands.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Progress {
    done: usize,
    total: usize,
}

#[component]
fn Batch(s: ScreeningState, options: Signal<Option<ScreenOptions>>) -> impl IntoView {
    let i18n = use_i18n();
    let pasted = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let progress = RwSignal::new(None::<Progress>);
    let results = RwSignal::new(Arc::new(Vec::<ScreeningResult>::new()));
    // Each run takes a number; a run that sees a newer number stops.
    let generation = StoredValue::new(0u64);

    let start = move |names: Vec<String>| {
        let (Some(index), Some(opts)) = (s.index.get_untracked(), options.get_untracked()) else {
            problem.set(Some(t_string!(i18n, screening.lists_none).to_string()));
            return;
        };
        generation.update_value(|g| *g += 1);
        let run = generation.get_value();
        problem.set(None);
        results.set(Arc::new(Vec::new()));
        wasm_bindgen_futures::spawn_local(run_batch(
            index,
            opts,
            names,
            move || generation.try_get_value() == Some(run),
            progress,
            results,
        ));
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = picked_files(&input).into_iter().next() else {
            return;
        };
        input.set_value("");
        wasm_bindgen_futures::spawn_local(async move {
            let name = file.name();
            let text = match JsFuture::from(file.text()).await {
                Ok(v) => v.as_string().unwrap_or_default(),
                Err(_) => {
                    problem.set(Some(format!("{name}: could not be read")));
                    return;
                }
            };
            match parse_names_csv(&text, &name) {
                Ok(names) => start(names),
                Err(e) => problem.set(Some(e.to_string())),
            }
        });
    };
    let on_paste_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match parse_names_csv(&pasted.get_untracked(), "pasted names") {
            Ok(names) => start(names),
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let on_download = move |_| {
        let csv = results_csv(&results.get_untracked());
        if let Err(e) = download_csv("screening-results.csv", &csv) {
            problem.set(Some(e));
        }
    };

    let progress_view = move || {
        progress.get().map(|p| {
            view! {
                <div class="batch-progress">
                    <label for="batch-progress">{t!(i18n, screening.progress_label)}</label>
                    <progress id="batch-progress" max=p.total value=p.done>
                        {format!("{} / {}", p.done, p.total)}
                    </progress>
                    <p role="status" id="batch-status">
                        {move || {
                            t_string!(i18n, screening.progress_text, done = p.done, total = p.total)
                                .to_string()
                        }}
                    </p>
                </div>
            }
        })
    };
    let finished = move || {
        progress
            .get()
            .is_some_and(|p| p.done == p.total && results.with(|r| r.len() == p.total))
    };
    let results_view = move || {
        finished().then(|| {
            let all = results.get();
            let count = |o: Outcome| all.iter().filter(|r| r.outcome == o).count();
            let summary = t_string!(
                i18n,
                screening.batch_summary,
                total = all.len(),
                potential = count(Outcome::PotentialMatch),
                review = count(Outcome::Review),
                none = count(Outcome::NoListMatch)
            )
            .to_string();
            let truncated = (all.len() > SHOWN_ROWS).then(|| {
                view! {
                    <p class="muted">
                        {t_string!(i18n, screening.rows_truncated, shown = SHOWN_ROWS).to_string()}
                    </p>
                }
            });
            let rows = all.iter().take(SHOWN_ROWS).map(batch_row).collect_view();
            view! {
                <p id="batch-summary">{summary}</p>
                <SampleListsWarning />
                <button type="button" class="button" id="batch-download" on:click=on_download>
                    {t!(i18n, screening.download)}
                </button>
                {truncated}
                <div class="table-scroll">
                    <table class="batch-results" id="batch-results">
                        <caption>{t!(i18n, screening.batch_caption)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, screening.col_name)}</th>
                                <th scope="col">{t!(i18n, screening.col_outcome)}</th>
                                <th scope="col">{t!(i18n, screening.col_score)}</th>
                                <th scope="col">{t!(i18n, screening.col_best)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
    };

    view! {
        <section class="screening-batch" aria-labelledby="batch-heading">
            <h2 id="batch-heading">{t!(i18n, screening.batch_heading)}</h2>
            <div class="field">
                <label for="batch-file">{t!(i18n, screening.batch_file_label)}</label>
                <input id="batch-file" type="file" accept=".csv,.txt" on:change=on_file />
            </div>
            <form class="batch-form" on:submit=on_paste_submit>
                <div class="field">
                    <label for="batch-paste">{t!(i18n, screening.batch_paste_label)}</label>
                    <textarea
                        id="batch-paste"
                        rows="6"
                        spellcheck="false"
                        prop:value=move || pasted.get()
                        on:input=move |ev| pasted.set(event_target_value(&ev))
                    ></textarea>
                </div>
                <button type="submit" class="button primary">{t!(i18n, screening.batch_button)}</button>
            </form>
            {move || problem.get().map(|p| view! { <p class="alert" role="alert">{p}</p> })}
            {progress_view}
            {results_view}
        </section>
    }
}

fn batch_row(r: &ScreeningResult) -> impl IntoView + use<> {
    let best = enduse::party_screening::best_hit(r);
    let score = best.map(|h| h.score.to_string()).unwrap_or_default();
    let entry = best
        .map(|h| format!("{} {} — {}", h.list, h.entry_id, h.entry_name))
        .unwrap_or_default();
    let outcome = r.outcome;
    view! {
        <tr>
            <td>{r.query.clone()}</td>
            <td><span class=outcome_class(outcome) data-outcome=outcome.label()>{move || outcome_text(outcome)}</span></td>
            <td class="num">{score}</td>
            <td>{entry}</td>
        </tr>
    }
}

/// Screens `names` a chunk at a time, yielding to the browser in between so
/// that the progress bar paints and the page keeps answering input.
async fn run_batch(
    index: Arc<ScreeningIndex>,
    opts: ScreenOptions,
    names: Vec<String>,
    still_current: impl Fn() -> bool,
    progress: RwSignal<Option<Progress>>,
    results: RwSignal<Arc<Vec<ScreeningResult>>>,
) {
    let total = names.len();
    let mut out = Vec::with_capacity(total);
    if progress
        .try_set(Some(Progress { done: 0, total }))
        .is_some()
    {
        return;
    }
    for chunk in names.chunks(CHUNK) {
        next_tick().await;
        if !still_current() {
            return;
        }
        out.extend(chunk.iter().map(|n| index.screen(n, &opts)));
        let done = out.len();
        // A page left mid-batch has disposed its signals: stop quietly.
        if progress.try_set(Some(Progress { done, total })).is_some() {
            return;
        }
    }
    let _ = results.try_set(Arc::new(out));
}

/// Resolves on the next macrotask (`setTimeout(0)`), letting the browser
/// paint and handle events first.
async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window().is_some_and(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .is_ok()
        });
        if !scheduled {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Saves the CSV through the app's download helper; nothing leaves the machine.
/// A BOM lets spreadsheet programs read Cyrillic names as UTF-8.
fn download_csv(file_name: &str, csv: &str) -> Result<(), String> {
    crate::download::download_text(
        file_name,
        "text/csv;charset=utf-8",
        &format!("\u{feff}{csv}"),
    )
}
