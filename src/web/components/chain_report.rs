//! The verdict on an imported declaration chain: where it breaks (said
//! first, in words), each hop's state and problems, the chain view, the CSV
//! summary, and — where a draft is at hand — "Use this chain in the
//! assessment".
//!
//! Everything shown comes from `enduse::record::verify_chain_with` (judged
//! against the trusted keys); the problems are the core's, in the reader's
//! language.

use enduse::chain_status::{cards_for_report, transaction_for_report};
use enduse::record::{ChainProblem, ChainReport, LinkState};
use leptos::prelude::*;

use super::chain_view::{ChainCsvButton, ChainView};
use super::record_actions::problem_text;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::verify::I18n;

/// A link state in words.
pub fn link_state_text(i18n: I18n, state: LinkState) -> String {
    match state {
        LinkState::Signed => t_string!(i18n, chain.status_signed),
        LinkState::Declared => t_string!(i18n, chain.status_declared),
        LinkState::Flagged => t_string!(i18n, chain.status_flagged),
        LinkState::Awaiting => t_string!(i18n, chain.status_awaiting),
        LinkState::Broken => t_string!(i18n, chain.status_broken),
    }
    .to_string()
}

/// The chain verdict. `on_use` adds the "Use this chain" button.
#[component]
pub fn ChainReportView(
    /// The verified chain.
    report: ChainReport,
    /// Id prefix, unique on the page.
    id: &'static str,
    /// Called when the user asks to use the chain in the open draft.
    #[prop(optional)]
    on_use: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let headline = match report.first_break() {
        Some(hop) => view! {
            <p class="chain-verdict chain-break alert" role="alert" data-break=hop>
                {t_string!(i18n, chain.breaks_at, n = hop).to_string()}
            </p>
        }
        .into_any(),
        None if report.reaches_end_user() => view! {
            <p class="chain-verdict chain-complete" role="status" data-break="none">
                {t!(i18n, chain.reaches_end_user)}
            </p>
        }
        .into_any(),
        None => view! {
            <p class="chain-verdict chain-open" role="status" data-break="none">
                {t!(i18n, chain.continuous_so_far)}
            </p>
        }
        .into_any(),
    };
    let rows = report
        .hops
        .iter()
        .map(|h| {
            let state = h.state.as_str();
            let party = h
                .declared
                .as_ref()
                .map(|d| d.party.clone())
                .or_else(|| h.addressee.as_ref().map(|(n, _)| n.clone()))
                .unwrap_or_default();
            let problems: Vec<String> = h
                .problems
                .iter()
                .map(|p| chain_problem_text(i18n, p))
                .collect();
            let signer = h.declared.as_ref().and_then(|d| d.signer.clone());
            let link_state = h.state;
            view! {
                <tr class=format!("chain-row state-{state}") data-hop=h.hop data-state=state>
                    <th scope="row">{h.hop}</th>
                    <td>{party}</td>
                    <td class="chain-state">
                        <span class=format!("chain-badge-text status-{state}")>{move || link_state_text(i18n, link_state)}</span>
                        {signer.map(|fp| view! { <br /> <code class="fingerprint">{fp}</code> })}
                    </td>
                    <td>
                        {(!problems.is_empty()).then(|| view! {
                            <ul class="chain-problems">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let exporter = (report.exporter.clone().unwrap_or_default(), None);
    let cards = cards_for_report(&report);
    let tx = transaction_for_report(&report);
    let use_button = on_use.map(|callback| {
        view! {
            <p class="no-print">
                <button type="button" class="button primary" id=format!("{id}-use") on:click=move |_| callback.run(())>
                    {t!(i18n, chain.use_chain)}
                </button>
            </p>
        }
    });
    view! {
        <section class="chain-report" id=id data-hops=report.hops.len()>
            {headline}
            <div class="table-scroll">
                <table class="chain-table">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, chain.col_hop)}</th>
                            <th scope="col">{t!(i18n, chain.col_party)}</th>
                            <th scope="col">{t!(i18n, chain.col_state)}</th>
                            <th scope="col">{t!(i18n, chain.col_problems)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <ChainView exporter=Signal::stored(exporter) cards=Signal::stored(cards) id=format!("{id}-view") />
            <ChainCsvButton transaction=Signal::stored(tx) id=format!("{id}-csv") />
            {use_button}
        </section>
    }
}

/// A chain problem in the user's language (goods lines counted from 1).
pub fn chain_problem_text(i18n: I18n, problem: &ChainProblem) -> String {
    let line = |n: &usize| n.saturating_add(1);
    match problem {
        ChainProblem::Answer(answer) => problem_text(i18n, answer),
        ChainProblem::Request(why) => {
            t_string!(i18n, chain.cp_request, reason = why.clone()).to_string()
        }
        ChainProblem::Response(why) => {
            t_string!(i18n, chain.cp_response, reason = why.clone()).to_string()
        }
        ChainProblem::FirstIsForwarded => t_string!(i18n, chain.cp_first_forwarded).to_string(),
        ChainProblem::NotForwarded => t_string!(i18n, chain.cp_not_forwarded).to_string(),
        ChainProblem::HopNumber { found } => {
            t_string!(i18n, chain.cp_hop_number, found = *found).to_string()
        }
        ChainProblem::OtherChain => t_string!(i18n, chain.cp_other_chain).to_string(),
        ChainProblem::ExporterDiffers => t_string!(i18n, chain.cp_exporter_differs).to_string(),
        ChainProblem::ContinuesAnotherResponse => {
            t_string!(i18n, chain.cp_continues_another).to_string()
        }
        ChainProblem::PreviousNotEchoed => {
            t_string!(i18n, chain.cp_previous_not_echoed).to_string()
        }
        ChainProblem::GoodsLinesDiffer { previous, now } => {
            t_string!(i18n, chain.cp_goods_lines, previous = *previous, now = *now).to_string()
        }
        ChainProblem::HsCodeChanged { line: n } => {
            t_string!(i18n, chain.cp_hs_changed, line = line(n)).to_string()
        }
        ChainProblem::QuantityGrew { line: n } => {
            t_string!(i18n, chain.cp_qty_grew, line = line(n)).to_string()
        }
        ChainProblem::QuantityShrank { line: n } => {
            t_string!(i18n, chain.cp_qty_shrank, line = line(n)).to_string()
        }
        ChainProblem::AfterBreak { hop } => {
            t_string!(i18n, chain.cp_after_break, hop = *hop).to_string()
        }
        ChainProblem::NotOwnRequest => t_string!(i18n, chain.cp_not_own_request).to_string(),
        ChainProblem::ForwardUnsigned => t_string!(i18n, chain.cp_forward_unsigned).to_string(),
        ChainProblem::ForwardedByOtherKey { found, expected } => t_string!(
            i18n,
            chain.cp_forwarded_other_key,
            found = found.clone(),
            expected = expected.clone()
        )
        .to_string(),
        ChainProblem::SameKeyTwoParties { hop, party } => {
            t_string!(i18n, chain.cp_same_key, hop = *hop, party = party.clone()).to_string()
        }
        ChainProblem::KeyChanged { fingerprint } => t_string!(
            i18n,
            chain.cp_key_changed,
            fingerprint = fingerprint.clone()
        )
        .to_string(),
    }
}
