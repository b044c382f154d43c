//! Step 7: every answer on one page, each section linking back to its step.

use enduse::lang::Lang;
use enduse::model::{Answer, Fact, Party, PartyRef};
use leptos::prelude::*;

use super::ctx::Ctx;
use super::form::Form;
use super::labels::{self, I18n};
use super::steps::Step;
use super::wizard::step_title;
use crate::i18n::{t_string, use_i18n};
use crate::language;

type Row = (String, String);

fn answer_text(i18n: I18n, a: Answer) -> String {
    match a {
        Answer::Yes => t_string!(i18n, assess.answer_yes).to_string(),
        Answer::No => t_string!(i18n, assess.answer_no).to_string(),
        Answer::Unknown => t_string!(i18n, assess.review_unknown).to_string(),
    }
}

fn text_or_unknown(i18n: I18n, s: &str) -> String {
    if s.trim().is_empty() {
        t_string!(i18n, assess.review_unknown).to_string()
    } else {
        s.to_string()
    }
}

fn fact_text<T>(i18n: I18n, f: &Fact<T>, show: impl Fn(&T) -> String) -> String {
    f.known()
        .map(show)
        .unwrap_or_else(|| t_string!(i18n, assess.review_unknown).to_string())
}

fn party_rows(i18n: I18n, lang: Lang, title: String, p: &Party) -> Vec<Row> {
    vec![
        (title, text_or_unknown(i18n, &p.name)),
        (
            t_string!(i18n, assess.party_country).to_string(),
            fact_text(i18n, &p.country, |c| c.name(lang).to_string()),
        ),
        (
            t_string!(i18n, assess.party_established).to_string(),
            fact_text(i18n, &p.established, |d| d.to_string()),
        ),
        (
            t_string!(i18n, assess.party_role).to_string(),
            labels::of_fact(i18n, p.role.known(), labels::role),
        ),
        (
            t_string!(i18n, assess.q_web_presence).to_string(),
            answer_text(i18n, p.web_presence),
        ),
        (
            t_string!(i18n, assess.q_previous_dealings).to_string(),
            answer_text(i18n, p.previous_dealings),
        ),
        (
            t_string!(i18n, assess.q_residential_address).to_string(),
            answer_text(i18n, p.residential_address),
        ),
        (
            t_string!(i18n, assess.q_business_matches_goods).to_string(),
            answer_text(i18n, p.business_matches_goods),
        ),
        (
            t_string!(i18n, assess.q_related).to_string(),
            answer_text(i18n, p.related_to_other_parties),
        ),
        (
            t_string!(i18n, assess.q_related_to_exporter).to_string(),
            answer_text(i18n, p.related_to_exporter),
        ),
        (
            t_string!(i18n, assess.q_owned_by_russia_belarus).to_string(),
            answer_text(i18n, p.owned_by_russia_belarus),
        ),
        (
            t_string!(i18n, assess.party_owner_country).to_string(),
            fact_text(i18n, &p.owner_country, |c| c.name(lang).to_string()),
        ),
        (
            t_string!(i18n, assess.q_prior_russia_business).to_string(),
            answer_text(i18n, p.prior_russia_business),
        ),
        (
            t_string!(i18n, assess.party_email_domain).to_string(),
            labels::of_fact(i18n, p.email_domain.known(), labels::email_domain),
        ),
        (
            t_string!(i18n, assess.party_phone_country).to_string(),
            fact_text(i18n, &p.phone_country, |c| c.name(lang).to_string()),
        ),
    ]
}

/// The rows of one step's answers.
fn rows(i18n: I18n, lang: Lang, f: &Form, step: Step) -> Vec<Row> {
    let tx = &f.tx;
    let a = |key: String, v: Answer| (key, answer_text(i18n, v));
    match step {
        Step::Goods => {
            let mut rows = vec![
                (
                    t_string!(i18n, assess.exporter_name).to_string(),
                    text_or_unknown(i18n, &tx.exporter.name),
                ),
                (
                    t_string!(i18n, assess.exporter_country).to_string(),
                    fact_text(i18n, &tx.exporter.country, |c| c.name(lang).to_string()),
                ),
                (
                    t_string!(i18n, assess.q_risk_assessment).to_string(),
                    answer_text(i18n, tx.exporter.risk_assessment),
                ),
                (
                    t_string!(i18n, assess.risk_assessment_reviewed).to_string(),
                    fact_text(i18n, &tx.exporter.risk_assessment_reviewed, |d| {
                        d.to_string()
                    }),
                ),
                (
                    t_string!(i18n, assess.q_non_eu_subsidiaries).to_string(),
                    answer_text(i18n, tx.exporter.non_eu_subsidiaries),
                ),
                (
                    t_string!(i18n, assess.q_subsidiaries_best_efforts).to_string(),
                    answer_text(i18n, tx.exporter.subsidiaries_best_efforts),
                ),
            ];
            for (i, line) in tx.goods.iter().enumerate() {
                let hs = f
                    .raw(&format!("goods.{i}.hs"))
                    .map(str::to_string)
                    .unwrap_or_else(|| fact_text(i18n, &line.hs, |c| c.to_string()));
                let mut value = format!("{hs} — {}", text_or_unknown(i18n, &line.description));
                if let Some(q) = line.quantity.known() {
                    value.push_str(&format!(", {q} {}", line.unit));
                }
                if let (Some(v), Some(c)) = (line.value.known(), line.currency.known()) {
                    value.push_str(&format!(", {v} {c}"));
                }
                if let Some(o) = line.origin.known() {
                    value.push_str(&format!(", {}", o.name(lang)));
                }
                if line.dual_use == Answer::Yes {
                    value.push_str(&format!(", {}", t_string!(i18n, assess.review_dual_use)));
                }
                rows.push((
                    t_string!(i18n, assess.goods_line, n = i + 1).to_string(),
                    value,
                ));
            }
            rows
        }
        Step::Parties => {
            let mut rows = party_rows(
                i18n,
                lang,
                t_string!(i18n, assess.buyer_legend).to_string(),
                &tx.parties.buyer,
            );
            rows.extend(party_rows(
                i18n,
                lang,
                t_string!(i18n, assess.consignee_legend).to_string(),
                &tx.parties.consignee,
            ));
            rows.extend(party_rows(
                i18n,
                lang,
                t_string!(i18n, assess.end_user_legend).to_string(),
                &tx.parties.end_user,
            ));
            for (i, p) in tx.parties.intermediaries.iter().enumerate() {
                let title = t_string!(i18n, assess.intermediary_legend, n = i + 1).to_string();
                rows.extend(party_rows(i18n, lang, title, p));
            }
            rows
        }
        Step::EndUse => vec![
            (
                t_string!(i18n, assess.end_use_description).to_string(),
                text_or_unknown(i18n, &tx.end_use.description),
            ),
            (
                t_string!(i18n, assess.end_use_sector).to_string(),
                labels::of_fact(i18n, tx.end_use.sector.known(), labels::sector),
            ),
            (
                t_string!(i18n, assess.end_use_disposition).to_string(),
                labels::of_fact(i18n, tx.end_use.disposition.known(), labels::disposition),
            ),
            a(
                t_string!(i18n, assess.q_military).to_string(),
                tx.end_use.military_or_government,
            ),
            a(
                t_string!(i18n, assess.q_unfamiliar).to_string(),
                tx.signals.unfamiliar_with_product,
            ),
            a(
                t_string!(i18n, assess.q_declines_installation).to_string(),
                tx.signals.declines_installation,
            ),
        ],
        Step::Route => {
            let transit = match tx.shipment.transit_countries.known() {
                Some(list) if list.is_empty() => t_string!(i18n, assess.answer_no).to_string(),
                Some(list) => list
                    .iter()
                    .map(|c| c.name(lang))
                    .collect::<Vec<_>>()
                    .join(", "),
                None => t_string!(i18n, assess.review_unknown).to_string(),
            };
            let mut rows = vec![
                (
                    t_string!(i18n, assess.destination).to_string(),
                    fact_text(i18n, &tx.shipment.destination, |c| c.name(lang).to_string()),
                ),
                (
                    t_string!(i18n, assess.transport_mode).to_string(),
                    labels::of_fact(i18n, tx.shipment.mode.known(), labels::mode),
                ),
                (t_string!(i18n, assess.q_transit).to_string(), transit),
                a(
                    t_string!(i18n, assess.q_transit_complete).to_string(),
                    tx.shipment.transit_list_complete,
                ),
                a(
                    t_string!(i18n, assess.q_last_minute).to_string(),
                    tx.shipment.last_minute_changes,
                ),
                a(
                    t_string!(i18n, assess.q_vague_delivery).to_string(),
                    tx.shipment.vague_delivery_dates,
                ),
                (
                    t_string!(i18n, assess.contract_date).to_string(),
                    fact_text(i18n, &tx.shipment.contract_date, |d| d.to_string()),
                ),
                (
                    t_string!(i18n, assess.shipment_date).to_string(),
                    fact_text(i18n, &tx.shipment.date, |d| d.to_string()),
                ),
                a(
                    t_string!(i18n, assess.q_forwarder).to_string(),
                    f.has_forwarder(),
                ),
            ];
            if let Some(p) = tx.party(PartyRef::FreightForwarder) {
                rows.extend(party_rows(
                    i18n,
                    lang,
                    t_string!(i18n, assess.forwarder_legend).to_string(),
                    p,
                ));
            }
            if !tx.chain.is_empty() {
                rows.push((
                    t_string!(i18n, chain.final_destination).to_string(),
                    fact_text(i18n, &enduse::model::final_country(tx), |c| {
                        c.name(lang).to_string()
                    }),
                ));
            }
            for (i, hop) in tx.chain.iter().enumerate() {
                let role = hop.role.known().map_or_else(
                    || t_string!(i18n, assess.review_unknown).to_string(),
                    |r| crate::components::chain_view::role_text(i18n, *r),
                );
                rows.push((
                    t_string!(i18n, chain.hop_n, n = i + 1).to_string(),
                    format!(
                        "{} — {} — {}",
                        text_or_unknown(i18n, &hop.party),
                        fact_text(i18n, &hop.country, |c| c.name(lang).to_string()),
                        role
                    ),
                ));
            }
            rows
        }
        Step::Payment => vec![
            (
                t_string!(i18n, assess.payer_name).to_string(),
                text_or_unknown(i18n, &tx.payment.payer_name),
            ),
            (
                t_string!(i18n, assess.bank_name).to_string(),
                text_or_unknown(i18n, &tx.payment.bank_name),
            ),
            (
                t_string!(i18n, assess.bank_bic).to_string(),
                text_or_unknown(i18n, &tx.payment.bank_bic),
            ),
            (
                t_string!(i18n, assess.payer_country).to_string(),
                fact_text(i18n, &tx.payment.payer_country, |c| {
                    c.name(lang).to_string()
                }),
            ),
            (
                t_string!(i18n, assess.bank_country).to_string(),
                fact_text(i18n, &tx.payment.bank_country, |c| c.name(lang).to_string()),
            ),
            (
                t_string!(i18n, assess.payment_method).to_string(),
                labels::of_fact(i18n, tx.payment.method.known(), labels::payment_method),
            ),
            (
                t_string!(i18n, assess.payment_currency).to_string(),
                fact_text(i18n, &tx.payment.currency, |c| c.code().to_string()),
            ),
            a(
                t_string!(i18n, assess.q_prepayment).to_string(),
                tx.payment.prepayment,
            ),
            a(
                t_string!(i18n, assess.q_third_party_payer).to_string(),
                tx.payment.third_party_payer,
            ),
            (
                t_string!(i18n, assess.price_vs_market).to_string(),
                labels::of_fact(i18n, tx.signals.price_vs_market.known(), labels::price),
            ),
            (
                t_string!(i18n, assess.quantity_vs_need).to_string(),
                labels::of_fact(i18n, tx.signals.quantity_vs_need.known(), labels::quantity),
            ),
            a(
                t_string!(i18n, assess.q_urgency).to_string(),
                tx.signals.unusual_urgency,
            ),
            a(
                t_string!(i18n, assess.q_packaging).to_string(),
                tx.signals.unusual_packaging,
            ),
            a(
                t_string!(i18n, assess.q_refuses_information).to_string(),
                tx.signals.refuses_information,
            ),
            a(
                t_string!(i18n, assess.q_lc_issuing_bank).to_string(),
                tx.payment.lc_consigned_to_issuing_bank,
            ),
            a(
                t_string!(i18n, assess.q_remove_russia_references).to_string(),
                tx.signals.remove_russia_references,
            ),
            a(
                t_string!(i18n, assess.q_item_unfit).to_string(),
                tx.signals.item_unfit_for_destination,
            ),
            a(
                t_string!(i18n, assess.q_several_end_users).to_string(),
                tx.signals.several_end_users,
            ),
            a(
                t_string!(i18n, assess.q_third_party_communications).to_string(),
                tx.signals.communications_from_third_party,
            ),
        ],
        Step::Safeguards => vec![
            a(
                t_string!(i18n, assess.q_no_russia_clause).to_string(),
                tx.safeguards.no_russia_clause,
            ),
            a(
                t_string!(i18n, assess.q_end_use_statement).to_string(),
                tx.safeguards.end_use_statement,
            ),
            a(
                t_string!(i18n, assess.q_audit_rights).to_string(),
                tx.safeguards.audit_rights,
            ),
            a(
                t_string!(i18n, assess.q_re_export_notification).to_string(),
                tx.safeguards.re_export_notification,
            ),
            a(
                t_string!(i18n, assess.q_no_belarus_clause).to_string(),
                tx.safeguards.no_belarus_clause,
            ),
            a(
                t_string!(i18n, assess.q_ip_rights_granted).to_string(),
                tx.safeguards.ip_rights_granted,
            ),
            a(
                t_string!(i18n, assess.q_no_russia_ip_clause).to_string(),
                tx.safeguards.no_russia_ip_clause,
            ),
            a(
                t_string!(i18n, assess.q_seller_installs).to_string(),
                tx.safeguards.seller_installs,
            ),
            a(
                t_string!(i18n, assess.q_site_verified).to_string(),
                tx.safeguards.site_verified,
            ),
            a(
                t_string!(i18n, assess.q_post_shipment_verified).to_string(),
                tx.safeguards.post_shipment_verified,
            ),
        ],
        Step::Review | Step::Results => Vec::new(),
    }
}

#[component]
pub fn ReviewStep(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let sections = move || {
        let lang = language::current();
        ctx.form.with(|f| {
            Step::WIZARD
                .into_iter()
                .filter(|s| *s != Step::Review)
                .map(|step| {
                    let rows = rows(i18n, lang, f, step);
                    let href = ctx.href(step);
                    let title = step_title(i18n, step);
                    let change = t_string!(i18n, assess.review_change, step = title.clone()).to_string();
                    view! {
                        <section class="review-section">
                            <h2>{title}</h2>
                            <dl class="review-list">
                                {rows.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                            </dl>
                            <p><a href=href class="button">{change}</a></p>
                        </section>
                    }
                })
                .collect_view()
        })
    };
    view! { <div class="review">{sections}</div> }
}
