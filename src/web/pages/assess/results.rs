//! The results page: rating, findings grouped by area, what to do next, and a
//! print layout that makes a clean one-document summary.

use enduse::evaluate::{Assessment, Finding, Rating};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use enduse::chain_status::cards_for_transaction;

use super::ctx::Ctx;
use super::panel::{finding_view, missing_view, rating_badge};
use super::steps::Step;
use super::wizard::step_title;
use crate::chunk::{ChunkFailed, ChunkMissing};
use crate::components::chain_view::{ChainCsvButton, ChainView};
use crate::i18n::{t, t_string, use_i18n};

/// The area of a finding: the step of its first trigger.
fn area(f: &Finding) -> Option<Step> {
    f.triggers.iter().find_map(|t| Step::asking(&t.path()))
}

#[component]
pub fn Results(
    ctx: Ctx,
    assessment: Memo<Result<Assessment, String>>,
    name: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let report = super::chain_import::stored_report(ctx);
    // The chain as the engine sees it, each hop flagged by the findings about it.
    let chain_section = move || {
        let findings =
            assessment.with(|a| a.as_ref().map(|a| a.findings.clone()).unwrap_or_default());
        let (cards, exporter, has_hops) = ctx.form.with(|f| {
            (
                cards_for_transaction(&f.tx, report.get().as_ref(), &findings),
                (
                    f.tx.exporter.name.clone(),
                    f.tx.exporter.country.known().copied(),
                ),
                !f.tx.chain.is_empty(),
            )
        });
        has_hops.then(|| {
            view! {
                <section class="results-chain">
                    <ChainView exporter=Signal::stored(exporter) cards=Signal::stored(cards) id="results-chain" />
                    <ChainCsvButton transaction=Signal::derive(move || ctx.form.with(|f| f.tx.clone())) id="results-chain-csv" />
                </section>
            }
        })
    };
    let body = move || match assessment.get() {
        Err(reason) => view! { <p class="alert" role="alert">{reason}</p> }.into_any(),
        Ok(a) => {
            let advice = match a.rating {
                Rating::Low => t_string!(i18n, assess.advice_low).to_string(),
                Rating::Medium => t_string!(i18n, assess.advice_medium).to_string(),
                Rating::High => t_string!(i18n, assess.advice_high).to_string(),
                Rating::Stop => t_string!(i18n, assess.advice_stop).to_string(),
            };
            let mut mitigations: Vec<std::sync::Arc<str>> = Vec::new();
            for f in &a.findings {
                for m in &f.mitigations {
                    if !mitigations.contains(m) {
                        mitigations.push(m.clone());
                    }
                }
            }
            let groups = Step::WIZARD
                .into_iter()
                .map(Some)
                .chain([None])
                .filter_map(|step| {
                    let in_group: Vec<Finding> =
                        a.findings.iter().filter(|f| area(f) == step).cloned().collect();
                    (!in_group.is_empty()).then(|| {
                        let title = match step {
                            Some(s) => step_title(i18n, s),
                            None => t_string!(i18n, assess.results_other_area).to_string(),
                        };
                        view! {
                            <section class="finding-group">
                                <h3>{title}</h3>
                                <ul class="findings">
                                    {in_group.into_iter().map(|f| finding_view(i18n, f, true)).collect_view()}
                                </ul>
                            </section>
                        }
                    })
                })
                .collect_view();
            let no_findings = a.findings.is_empty();
            let missing_count = a.missing.len();
            let worst = a.worst_case;
            let rating = a.rating;
            let inherent = a.inherent_rating;
            let law = enduse::law_as_of::line(a.as_of, &a.ruleset.version, a.lang);
            let ruleset = format!(
                "{} {} · SHA-256 {}",
                a.ruleset.id, a.ruleset.version, a.ruleset.sha256
            );
            view! {
                <p class="results-rating" aria-live="polite">
                    {t!(i18n, assess.panel_rating)} " " {rating_badge(i18n, rating)}
                </p>
                {(inherent != rating).then(|| view! {
                    <p class="results-inherent">
                        {t!(i18n, assess.results_inherent)} " " {rating_badge(i18n, inherent)}
                    </p>
                    <p class="note">{t!(i18n, assess.results_residual_note)}</p>
                })}
                <p>{advice}</p>
                {(worst > rating).then(|| view! {
                    <p class="note">
                        {t!(i18n, assess.results_worst_case)} " " {rating_badge(i18n, worst)}
                    </p>
                })}
                {chain_section}
                <h2>{t!(i18n, assess.results_findings)}</h2>
                {no_findings.then(|| view! { <p>{t!(i18n, assess.panel_no_findings)}</p> })}
                {groups}
                <h2>{t!(i18n, assess.results_next)}</h2>
                <ul class="next-steps">
                    {mitigations.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                    <li>{t!(i18n, assess.results_next_record)}</li>
                </ul>
                <h2>{t_string!(i18n, assess.results_missing, n = missing_count).to_string()}</h2>
                <ul class="missing-list">
                    {a.missing.into_iter().map(|m| missing_view(i18n, ctx, m)).collect_view()}
                </ul>
                <p class="muted ruleset-line">{t!(i18n, assess.results_ruleset)} " " <code class="hash">{ruleset}</code></p>
                <p class="muted law-as-of">{law}</p>
            }
            .into_any()
        }
    };
    view! {
        <div class="results">
            <p class="print-only">{move || name.get()}</p>
            <p class="results-actions">
                <button type="button" class="button primary" id="print" on:click=print>
                    {t!(i18n, assess.results_print)}
                </button>
                " "
                <a class="button" href=ctx.href(Step::Review)>{t!(i18n, assess.results_back)}</a>
            </p>
            {body}
            <super::case_file::CaseFile ctx assessment name />
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    record_actions(ctx)
                        .await
                        .unwrap_or_else(|_| view! { <ChunkFailed inline=true /> }.into_any())
                })}
            </Suspense>
        </div>
    }
}

/// The record, request, response and chain actions under the results.
///
/// A split point (see `routes.rs`): sealing, signing, verifying and the
/// declaration forms are a large part of the questionnaire's code but only
/// needed here, at the end, so the questionnaire opens without them.
#[wasm_split(record_actions, wasm_split_path = ::leptos::wasm_split, fallible)]
#[allow(improper_ctypes_definitions)]
fn record_actions(ctx: Ctx) -> Result<AnyView, ChunkMissing> {
    Ok(view! {
        <crate::components::record_actions::RecordActions
            transaction=Signal::derive(move || ctx.form.with(|f| f.tx.clone()))
            kept=ctx.declarations
            on_chain=Callback::new(move |(json, hops): (String, Vec<enduse::model::Hop>)| {
                ctx.edit(|f| super::chain_import::use_chain(f, &json, hops))
            })
        />
    }
    .into_any())
}
