//! Steps 2b–6: end use ("why"), destination and route ("where"), payment and
//! commercial terms, safeguards. Questions appear only when they apply.

use chrono::NaiveDate;
use enduse::country::Country;
use enduse::model::{
    Answer, Disposition, Fact, PartyRef, PaymentMethod, PriceVsMarket, QuantityVsNeed, Region,
    Sector, Symbol, Transaction, TransportMode,
};
use leptos::prelude::*;

use super::ctx::{Ctx, tr};
use super::engine;
use super::form::{parse_currency, parse_date};
use super::labels;
use super::party::PartyEditor;
use crate::components::answer_group::AnswerGroup;
use crate::components::choice_select::ChoiceSelect;
use crate::components::country_select::CountrySelect;
use crate::components::text_field::{TextArea, TextField};
use crate::i18n::{t, t_string, use_i18n};
use crate::language;

/// A yes/no/unknown question bound to a field of the transaction.
macro_rules! answer_question {
    ($ctx:ident, $i18n:ident, $id:literal, $key:ident, $($path:ident).+) => {
        view! {
            <AnswerGroup
                id=$id.to_string()
                legend=tr!($i18n, assess.$key)
                value=$ctx.read(|f| f.tx.$($path).+)
                on_change=$ctx.write(|f, v: Answer| f.tx.$($path).+ = v)
            />
        }
    };
}

/// A choice over a closed set bound to a `Fact<Symbol>` field.
macro_rules! choice_question {
    ($ctx:ident, $i18n:ident, $id:literal, $key:ident, $ty:ty, $label:path, $($path:ident).+) => {
        view! {
            <ChoiceSelect
                id=$id.to_string()
                label=tr!($i18n, assess.$key)
                names={<$ty as Symbol>::NAMES}
                label_of=labels::callback($i18n, $label)
                value=$ctx.read(|f| f.tx.$($path).+.known().map(|v| v.as_str()))
                on_change=$ctx.write(|f, v: Option<&'static str>| {
                    f.tx.$($path).+ = v.and_then(<$ty as Symbol>::from_name).into()
                })
            />
        }
    };
}

/// A date question bound to a `Fact<NaiveDate>` of the transaction; the
/// typed text is kept as typed (under `key`) until it parses.
pub(super) fn date_question(
    ctx: Ctx,
    id: &'static str,
    label: Signal<String>,
    key: &'static str,
    get: fn(&Transaction) -> Fact<NaiveDate>,
    set: fn(&mut Transaction, Fact<NaiveDate>),
) -> impl IntoView {
    let i18n = use_i18n();
    let text = ctx.read(move |f| {
        f.raw(key).map(str::to_string).unwrap_or_else(|| {
            get(&f.tx)
                .known()
                .map(|d| d.to_string())
                .unwrap_or_default()
        })
    });
    let error = Signal::derive(move || {
        parse_date(&text.get())
            .err()
            .map(|_| t_string!(i18n, assess.date_error).to_string())
    });
    view! {
        <TextField
            id=id.to_string()
            label=label
            value=text
            on_input=ctx.write(move |f, v: String| {
                f.set_raw(key, &v);
                set(&mut f.tx, parse_date(&v).unwrap_or_default());
            })
            error=error
            input_type="date"
        />
    }
}

#[component]
pub fn EndUseStep(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let priority = Memo::new(move |_| ctx.form.with(|f| engine::has_priority_goods(&f.tx)));
    view! {
        <TextArea
            id="end-use-description".to_string()
            label=tr!(i18n, assess.end_use_description)
            hint=tr!(i18n, assess.end_use_description_hint)
            value=ctx.read(|f| f.tx.end_use.description.clone())
            on_input=ctx.write(|f, v: String| f.tx.end_use.description = v)
        />
        {choice_question!(ctx, i18n, "end-use-sector", end_use_sector, Sector, labels::sector, end_use.sector)}
        {choice_question!(ctx, i18n, "end-use-disposition", end_use_disposition, Disposition, labels::disposition, end_use.disposition)}
        {answer_question!(ctx, i18n, "q-military", q_military, end_use.military_or_government)}
        <Show when=move || priority.get()>
            <fieldset class="group priority">
                <legend>{t!(i18n, assess.priority_legend)}</legend>
                <p class="hint">{t!(i18n, assess.priority_hint)}</p>
                {answer_question!(ctx, i18n, "q-unfamiliar", q_unfamiliar, signals.unfamiliar_with_product)}
                {answer_question!(ctx, i18n, "q-declines-installation", q_declines_installation, signals.declines_installation)}
            </fieldset>
        </Show>
    }
}

#[component]
pub fn PartiesStep(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let consignee_same = ctx.read(|f| f.flag(super::form::flag::CONSIGNEE_SAME));
    let has_intermediaries = ctx.read(|f| f.has_intermediaries());
    let show_consignee = Memo::new(move |_| consignee_same.get() != Answer::Yes);
    let show_intermediaries = Memo::new(move |_| has_intermediaries.get() == Answer::Yes);
    let count = Memo::new(move |_| ctx.form.with(|f| f.tx.parties.intermediaries.len()));
    let intermediaries = move || {
        (0..count.get())
            .map(|i| {
                let legend = Signal::derive(move || {
                    t_string!(i18n, assess.intermediary_legend, n = i + 1).to_string()
                });
                let remove = move |_| {
                    ctx.edit(|f| {
                        if i < f.tx.parties.intermediaries.len() {
                            f.tx.parties.intermediaries.remove(i);
                            f.remove_raw_item("intermediary", i);
                        }
                    })
                };
                view! {
                    <li>
                        <PartyEditor ctx who=PartyRef::Intermediary(i) legend />
                        <p>
                            <button type="button" class="button" on:click=remove>
                                {move || t_string!(i18n, assess.intermediary_remove, n = i + 1).to_string()}
                            </button>
                        </p>
                    </li>
                }
            })
            .collect_view()
    };
    let add = move |_| ctx.edit(|f| f.tx.parties.intermediaries.push(Default::default()));
    view! {
        <PartyEditor ctx who=PartyRef::Buyer legend=tr!(i18n, assess.buyer_legend) />
        <AnswerGroup
            id="q-consignee-same".to_string()
            legend=tr!(i18n, assess.q_consignee_same)
            value=consignee_same
            on_change=ctx.write(|f, v: Answer| f.set_flag(super::form::flag::CONSIGNEE_SAME, v))
        />
        <Show when=move || show_consignee.get()>
            <PartyEditor ctx who=PartyRef::Consignee legend=tr!(i18n, assess.consignee_legend) />
        </Show>
        <p class="hint">{t!(i18n, assess.end_user_hint)}</p>
        <PartyEditor ctx who=PartyRef::EndUser legend=tr!(i18n, assess.end_user_legend) />
        <AnswerGroup
            id="q-intermediaries".to_string()
            legend=tr!(i18n, assess.q_intermediaries)
            hint=tr!(i18n, assess.q_intermediaries_hint)
            value=has_intermediaries
            on_change=ctx.write(|f, v: Answer| f.set_has_intermediaries(v))
        />
        <Show when=move || show_intermediaries.get()>
            <ol class="intermediaries">{intermediaries}</ol>
            <p>
                <button type="button" class="button" id="intermediary-add" on:click=add>
                    {t!(i18n, assess.intermediary_add)}
                </button>
            </p>
        </Show>
    }
}

#[component]
pub fn RouteStep(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let destination = ctx.read(|f| f.tx.shipment.destination.known().copied());
    let show_region =
        Memo::new(move |_| matches!(destination.get().map(Country::code), Some("UA" | "RU")));
    let has_transit = ctx.read(|f| f.has_transit());
    let show_transit = Memo::new(move |_| has_transit.get() == Answer::Yes);
    let has_forwarder = ctx.read(|f| f.has_forwarder());
    let show_forwarder = Memo::new(move |_| has_forwarder.get() == Answer::Yes);
    let transit = Memo::new(move |_| {
        ctx.form.with(|f| {
            f.tx.shipment
                .transit_countries
                .known()
                .cloned()
                .unwrap_or_default()
        })
    });
    let transit_list = move || {
        let lang = language::current();
        transit
            .get()
            .into_iter()
            .map(|country| {
                let code = country.code();
                let remove = move |_| {
                    ctx.edit(|f| {
                        if let Fact::Known(list) = &mut f.tx.shipment.transit_countries {
                            list.retain(|c| c.code() != code);
                            if list.is_empty() {
                                f.tx.shipment.transit_countries = Fact::Unknown;
                            }
                        }
                    })
                };
                let name = country.name(lang);
                view! {
                    <li>
                        {name}
                        " "
                        <button type="button" class="button small" on:click=remove>
                            {move || t_string!(i18n, assess.transit_remove, country = name).to_string()}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let add_transit = ctx.write(|f, v: Option<Country>| {
        if let Some(country) = v {
            let mut list =
                f.tx.shipment
                    .transit_countries
                    .known()
                    .cloned()
                    .unwrap_or_default();
            if !list.iter().any(|c| c.code() == country.code()) {
                list.push(country);
            }
            f.tx.shipment.transit_countries = Fact::Known(list);
        }
    });
    view! {
        <CountrySelect
            id="destination".to_string()
            label=tr!(i18n, assess.destination)
            hint=tr!(i18n, assess.destination_hint)
            value=destination
            on_change=ctx.write(|f, v: Option<Country>| f.tx.shipment.destination = v.into())
        />
        <Show when=move || show_region.get()>
            {choice_question!(ctx, i18n, "destination-region", party_region, Region, labels::region, shipment.destination_region)}
        </Show>
        {choice_question!(ctx, i18n, "transport-mode", transport_mode, TransportMode, labels::mode, shipment.mode)}
        <AnswerGroup
            id="q-transit".to_string()
            legend=tr!(i18n, assess.q_transit)
            value=has_transit
            on_change=ctx.write(|f, v: Answer| {
                f.set_flag(super::form::flag::HAS_TRANSIT, v);
                // "Yes" with no country listed yet is not "no transit": keep it unknown.
                let none_listed = f
                    .tx
                    .shipment
                    .transit_countries
                    .known()
                    .is_none_or(|list| list.is_empty());
                if v == Answer::Unknown || (v == Answer::Yes && none_listed) {
                    f.tx.shipment.transit_countries = Fact::Unknown;
                }
            })
        />
        <Show when=move || show_transit.get()>
            <fieldset class="group">
                <legend>{t!(i18n, assess.transit_legend)}</legend>
                <ul class="transit">{transit_list}</ul>
                <CountrySelect
                    id="transit-add".to_string()
                    label=tr!(i18n, assess.transit_add)
                    value=Signal::derive(|| None)
                    on_change=add_transit
                    empty_label=tr!(i18n, assess.transit_choose)
                />
                <TextArea
                    id="route".to_string()
                    label=tr!(i18n, assess.route)
                    hint=tr!(i18n, assess.route_hint)
                    value=ctx.read(|f| f.tx.shipment.route.clone())
                    on_input=ctx.write(|f, v: String| f.tx.shipment.route = v)
                />
            </fieldset>
        </Show>
        <Show when=move || show_transit.get()>
            {answer_question!(ctx, i18n, "q-transit-complete", q_transit_complete, shipment.transit_list_complete)}
        </Show>
        {answer_question!(ctx, i18n, "q-last-minute", q_last_minute, shipment.last_minute_changes)}
        {answer_question!(ctx, i18n, "q-vague-delivery", q_vague_delivery, shipment.vague_delivery_dates)}
        {date_question(
            ctx,
            "contract-date",
            tr!(i18n, assess.contract_date),
            "shipment.contract_date",
            |tx| tx.shipment.contract_date,
            |tx, v| tx.shipment.contract_date = v,
        )}
        {date_question(
            ctx,
            "shipment-date",
            tr!(i18n, assess.shipment_date),
            "shipment.date",
            |tx| tx.shipment.date,
            |tx, v| tx.shipment.date = v,
        )}
        <AnswerGroup
            id="q-forwarder".to_string()
            legend=tr!(i18n, assess.q_forwarder)
            value=has_forwarder
            on_change=ctx.write(|f, v: Answer| f.set_has_forwarder(v))
        />
        <Show when=move || show_forwarder.get()>
            <PartyEditor ctx who=PartyRef::FreightForwarder legend=tr!(i18n, assess.forwarder_legend) />
            {answer_question!(ctx, i18n, "q-forwarder-final", q_forwarder_final, shipment.forwarder_is_final_destination)}
        </Show>
        <super::chain_editor::ChainEditor ctx />
    }
}

#[component]
pub fn PaymentStep(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let currency_text = ctx.read(|f| {
        f.raw("payment.currency")
            .map(str::to_string)
            .unwrap_or_else(|| {
                f.tx.payment
                    .currency
                    .known()
                    .map(|c| c.code().to_string())
                    .unwrap_or_default()
            })
    });
    let currency_error = Signal::derive(move || {
        parse_currency(&currency_text.get())
            .err()
            .map(|_| t_string!(i18n, assess.currency_error).to_string())
    });
    let is_letter_of_credit = Memo::new(move |_| {
        ctx.form
            .with(|f| f.tx.payment.method == Fact::Known(PaymentMethod::LetterOfCredit))
    });
    view! {
        <fieldset class="group">
            <legend>{t!(i18n, assess.payment_legend)}</legend>
            <TextField
                id="payer-name".to_string()
                label=tr!(i18n, assess.payer_name)
                value=ctx.read(|f| f.tx.payment.payer_name.clone())
                on_input=ctx.write(|f, v: String| f.tx.payment.payer_name = v)
            />
            <CountrySelect
                id="payer-country".to_string()
                label=tr!(i18n, assess.payer_country)
                value=ctx.read(|f| f.tx.payment.payer_country.known().copied())
                on_change=ctx.write(|f, v: Option<Country>| f.tx.payment.payer_country = v.into())
            />
            <CountrySelect
                id="bank-country".to_string()
                label=tr!(i18n, assess.bank_country)
                value=ctx.read(|f| f.tx.payment.bank_country.known().copied())
                on_change=ctx.write(|f, v: Option<Country>| f.tx.payment.bank_country = v.into())
            />
            <TextField
                id="bank-name".to_string()
                label=tr!(i18n, assess.bank_name)
                value=ctx.read(|f| f.tx.payment.bank_name.clone())
                on_input=ctx.write(|f, v: String| f.tx.payment.bank_name = v)
            />
            <TextField
                id="bank-bic".to_string()
                label=tr!(i18n, assess.bank_bic)
                value=ctx.read(|f| f.tx.payment.bank_bic.clone())
                on_input=ctx.write(|f, v: String| f.tx.payment.bank_bic = v)
            />
            {choice_question!(ctx, i18n, "payment-method", payment_method, PaymentMethod, labels::payment_method, payment.method)}
            <TextField
                id="payment-currency".to_string()
                label=tr!(i18n, assess.payment_currency)
                value=currency_text
                on_input=ctx.write(|f, v: String| {
                    f.set_raw("payment.currency", &v);
                    f.tx.payment.currency = parse_currency(&v).unwrap_or_default();
                })
                error=currency_error
            />
            <Show when=move || is_letter_of_credit.get()>
                {answer_question!(ctx, i18n, "q-lc-issuing-bank", q_lc_issuing_bank, payment.lc_consigned_to_issuing_bank)}
            </Show>
            {answer_question!(ctx, i18n, "q-prepayment", q_prepayment, payment.prepayment)}
            {answer_question!(ctx, i18n, "q-third-party-payer", q_third_party_payer, payment.third_party_payer)}
        </fieldset>
        <fieldset class="group">
            <legend>{t!(i18n, assess.commercial_legend)}</legend>
            {choice_question!(ctx, i18n, "price-vs-market", price_vs_market, PriceVsMarket, labels::price, signals.price_vs_market)}
            {choice_question!(ctx, i18n, "quantity-vs-need", quantity_vs_need, QuantityVsNeed, labels::quantity, signals.quantity_vs_need)}
            {answer_question!(ctx, i18n, "q-urgency", q_urgency, signals.unusual_urgency)}
            {answer_question!(ctx, i18n, "q-packaging", q_packaging, signals.unusual_packaging)}
            {answer_question!(ctx, i18n, "q-refuses-information", q_refuses_information, signals.refuses_information)}
            {answer_question!(ctx, i18n, "q-remove-russia-references", q_remove_russia_references, signals.remove_russia_references)}
            {answer_question!(ctx, i18n, "q-item-unfit", q_item_unfit, signals.item_unfit_for_destination)}
            {answer_question!(ctx, i18n, "q-several-end-users", q_several_end_users, signals.several_end_users)}
            {answer_question!(ctx, i18n, "q-third-party-communications", q_third_party_communications, signals.communications_from_third_party)}
        </fieldset>
    }
}

#[component]
pub fn SafeguardsStep(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="hint">{t!(i18n, assess.safeguards_hint)}</p>
        {answer_question!(ctx, i18n, "q-no-russia-clause", q_no_russia_clause, safeguards.no_russia_clause)}
        {answer_question!(ctx, i18n, "q-no-belarus-clause", q_no_belarus_clause, safeguards.no_belarus_clause)}
        {answer_question!(ctx, i18n, "q-ip-rights-granted", q_ip_rights_granted, safeguards.ip_rights_granted)}
        {answer_question!(ctx, i18n, "q-no-russia-ip-clause", q_no_russia_ip_clause, safeguards.no_russia_ip_clause)}
        {answer_question!(ctx, i18n, "q-end-use-statement", q_end_use_statement, safeguards.end_use_statement)}
        {answer_question!(ctx, i18n, "q-audit-rights", q_audit_rights, safeguards.audit_rights)}
        {answer_question!(ctx, i18n, "q-re-export-notification", q_re_export_notification, safeguards.re_export_notification)}
        {answer_question!(ctx, i18n, "q-seller-installs", q_seller_installs, safeguards.seller_installs)}
        {answer_question!(ctx, i18n, "q-site-verified", q_site_verified, safeguards.site_verified)}
        {answer_question!(ctx, i18n, "q-post-shipment-verified", q_post_shipment_verified, safeguards.post_shipment_verified)}
    }
}
