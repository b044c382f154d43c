//! The chain to the final destination, drawn: the exporter, then every hop
//! with its number, party, country, role and status badge.
//!
//! The drawing is inline SVG built from Leptos elements (no `innerHTML`, no
//! `style=` attributes: the CSP allows only the app's own stylesheets, so
//! colours come from classes in `style/chain.css`). The SVG is a picture for
//! sighted readers; the ordered list under it carries the same facts as text
//! for screen readers and print, and every status is a word, never only a
//! colour.

use enduse::chain_status::{HopCard, HopStatus};
use enduse::chain_summary::chain_csv;
use enduse::country::Country;
use enduse::model::{HopRole, Symbol, Transaction};
use leptos::prelude::*;

use crate::download::{download_text, safe_file_stem};
use crate::i18n::{t, t_string, use_i18n};
use crate::language;
use crate::pages::verify::I18n;

/// A hop role in words.
pub fn role_text(i18n: I18n, role: HopRole) -> String {
    match role {
        HopRole::Importer => t_string!(i18n, chain.role_importer),
        HopRole::ReExporter => t_string!(i18n, chain.role_re_exporter),
        HopRole::Distributor => t_string!(i18n, chain.role_distributor),
        HopRole::EndUser => t_string!(i18n, chain.role_end_user),
    }
    .to_string()
}

/// A role by its machine name (for the role select), the name itself when unknown.
pub fn role_name_text(i18n: I18n, name: &str) -> String {
    HopRole::from_name(name).map_or_else(|| name.replace('_', " "), |r| role_text(i18n, r))
}

/// A hop status in words.
pub fn status_text(i18n: I18n, status: HopStatus) -> String {
    match status {
        HopStatus::Signed => t_string!(i18n, chain.status_signed),
        HopStatus::Declared => t_string!(i18n, chain.status_declared),
        HopStatus::Awaiting => t_string!(i18n, chain.status_awaiting),
        HopStatus::Missing => t_string!(i18n, chain.status_missing),
        HopStatus::Flagged => t_string!(i18n, chain.status_flagged),
        HopStatus::Broken => t_string!(i18n, chain.status_broken),
    }
    .to_string()
}

/// A document field's label.
pub fn document_label(i18n: I18n, name: &str) -> String {
    match name {
        "commercial_invoice" => t_string!(i18n, chain.doc_commercial_invoice),
        "transport_document" => t_string!(i18n, chain.doc_transport_document),
        "esf" => t_string!(i18n, chain.doc_esf),
        "customs_declaration" => t_string!(i18n, chain.doc_customs_declaration),
        "snt" => t_string!(i18n, chain.doc_snt),
        _ => t_string!(i18n, chain.doc_guarantee_obligation),
    }
    .to_string()
}

/// Shortens a label for the drawing (the list below has it in full).
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// Horizontal distance between two nodes of the drawing, in SVG units.
const STEP: usize = 190;
/// Height of the drawing, in SVG units.
const HEIGHT: usize = 160;
/// Longest label drawn under a node, in characters (fits `STEP` at 13 px).
const LABEL_CHARS: usize = 20;

/// One node of the drawing: circle with its number, then four lines of text.
fn node(x: usize, mark: String, lines: [String; 4], class: &'static str) -> impl IntoView {
    let [first, second, third, fourth] = lines;
    view! {
        <g class=format!("chain-node {class}")>
            <circle cx=x cy="36" r="20" />
            <text x=x y="42" text-anchor="middle" class="chain-mark">{mark}</text>
            <text x=x y="80" text-anchor="middle" class="chain-party">{first}</text>
            <text x=x y="98" text-anchor="middle" class="chain-country">{second}</text>
            <text x=x y="116" text-anchor="middle" class="chain-role">{third}</text>
            <text x=x y="138" text-anchor="middle" class="chain-badge">{fourth}</text>
        </g>
    }
}

/// The chain view: SVG route plus its text alternative.
#[component]
pub fn ChainView(
    /// The exporter's name and country.
    #[prop(into)]
    exporter: Signal<(String, Option<Country>)>,
    /// The hops, in order.
    #[prop(into)]
    cards: Signal<Vec<HopCard>>,
    /// Id prefix, unique on the page.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    let drawing = move || {
        let lang = language::from_locale(i18n.get_locale());
        let (exporter_name, exporter_country) = exporter.get();
        let cards = cards.get();
        let width = STEP * (cards.len() + 1);
        let country_name = |c: Option<Country>| {
            c.map(|c| short(c.name(lang), LABEL_CHARS))
                .unwrap_or_else(|| t_string!(i18n, chain.country_unknown).to_string())
        };
        let lines = (0..cards.len())
            .map(|i| {
                let x1 = STEP / 2 + i * STEP + 22;
                let x2 = STEP / 2 + (i + 1) * STEP - 22;
                let status = cards.get(i).map_or("missing", |c| c.status.as_str());
                view! { <line x1=x1 y1="36" x2=x2 y2="36" class=format!("chain-edge status-{status}") /> }
            })
            .collect_view();
        let exporter_node = node(
            STEP / 2,
            "E".to_string(),
            [
                short(&exporter_name, LABEL_CHARS),
                country_name(exporter_country),
                t_string!(i18n, chain.exporter).to_string(),
                String::new(),
            ],
            "exporter",
        );
        let hop_nodes = cards
            .iter()
            .enumerate()
            .map(|(i, card)| {
                let party = if card.party.trim().is_empty() {
                    t_string!(i18n, chain.party_unnamed).to_string()
                } else {
                    short(card.party.trim(), LABEL_CHARS)
                };
                let role = card.role.map_or_else(
                    || t_string!(i18n, chain.role_unknown).to_string(),
                    |r| short(&role_text(i18n, r), LABEL_CHARS),
                );
                let badge = status_text(i18n, card.status);
                let class = match card.status {
                    HopStatus::Signed => "status-signed",
                    HopStatus::Declared => "status-declared",
                    HopStatus::Awaiting => "status-awaiting",
                    HopStatus::Missing => "status-missing",
                    HopStatus::Flagged => "status-flagged",
                    HopStatus::Broken => "status-broken",
                };
                node(
                    STEP / 2 + (i + 1) * STEP,
                    card.number.to_string(),
                    [party, country_name(card.country), role, badge],
                    class,
                )
            })
            .collect_view();
        let summary = t_string!(i18n, chain.drawing_label, n = cards.len()).to_string();
        view! {
            <svg
                class="chain-svg"
                viewBox=format!("0 0 {width} {HEIGHT}")
                width=width
                height=HEIGHT
                role="img"
                aria-label=summary
                preserveAspectRatio="xMinYMid meet"
            >
                {lines}
                {exporter_node}
                {hop_nodes}
            </svg>
        }
    };
    let list = move || {
        let lang = language::from_locale(i18n.get_locale());
        cards
            .get()
            .into_iter()
            .map(|card| {
                let country = card
                    .country
                    .map(|c| c.name(lang).to_string())
                    .unwrap_or_else(|| t_string!(i18n, chain.country_unknown).to_string());
                let role = card
                    .role
                    .map(|r| role_text(i18n, r))
                    .unwrap_or_else(|| t_string!(i18n, chain.role_unknown).to_string());
                let party = if card.party.trim().is_empty() {
                    t_string!(i18n, chain.party_unnamed).to_string()
                } else {
                    card.party.trim().to_string()
                };
                let status = card.status.as_str();
                view! {
                    <li class=format!("chain-hop status-{status}") data-hop=card.number data-status=status>
                        <span class="chain-hop-number">
                            {t_string!(i18n, chain.hop_n, n = card.number).to_string()}
                        </span>
                        ": " <strong class="chain-hop-party">{party}</strong>
                        " — " <span class="chain-hop-country">{country}</span>
                        " — " <span class="chain-hop-role">{role}</span>
                        " — " <span class=format!("chain-badge-text status-{status}")>{status_text(i18n, card.status)}</span>
                    </li>
                }
            })
            .collect_view()
    };
    let exporter_line = move || {
        let lang = language::from_locale(i18n.get_locale());
        let (name, country) = exporter.get();
        let country = country
            .map(|c| format!(" ({})", c.name(lang)))
            .unwrap_or_default();
        format!("{name}{country}")
    };
    view! {
        <figure class="chain-view" id=id aria-labelledby=labelled_by>
            <figcaption id=heading_id>{t!(i18n, chain.view_heading)}</figcaption>
            <div class="chain-drawing">{drawing}</div>
            <p class="chain-exporter">{t!(i18n, chain.exporter)} ": " {exporter_line}</p>
            <ol class="chain-list">{list}</ol>
        </figure>
    }
}

/// "Download chain summary (CSV)": goods and document numbers per hop.
#[component]
pub fn ChainCsvButton(
    /// The transaction whose chain is summarised.
    #[prop(into)]
    transaction: Signal<Transaction>,
    /// Id of the button.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let failure = RwSignal::new(None::<String>);
    let save = move |_| {
        let (csv, stem) = transaction.with(|tx| (chain_csv(tx), safe_file_stem(&tx.reference)));
        failure.set(
            download_text(&format!("chain-summary-{stem}.csv"), "text/csv", &csv)
                .err()
                .map(|e| t_string!(i18n, chain.csv_failed, reason = e).to_string()),
        );
    };
    view! {
        <p class="chain-csv no-print">
            <button type="button" class="button" id=id on:click=save>{t!(i18n, chain.csv_download)}</button>
            {move || failure.get().map(|reason| view! { <span class="field-error" role="alert">" " {reason}</span> })}
        </p>
    }
}
