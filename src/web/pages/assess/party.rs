//! The editor for one party of the chain (buyer, consignee, end user, intermediary, forwarder).

use chrono::{Local, NaiveDate};
use enduse::country::Country;
use enduse::model::{Answer, EmailDomain, Fact, Party, PartyRef, PartyRole, Region, Symbol};
use leptos::prelude::*;

use super::ctx::{Ctx, tr};
use super::form::parse_date;
use super::labels;
use crate::components::answer_group::AnswerGroup;
use crate::components::choice_select::ChoiceSelect;
use crate::components::country_select::CountrySelect;
use crate::components::text_field::TextField;
use crate::i18n::{t_string, use_i18n};

/// Countries where sanctions distinguish regions (occupied areas of Ukraine).
fn has_sanctioned_regions(country: Option<Country>) -> bool {
    matches!(country.map(Country::code), Some("UA" | "RU"))
}

/// Reads a party field, or a default when the party does not exist (any more).
fn read<T: Default>(f: &super::form::Form, who: PartyRef, get: impl Fn(&Party) -> T) -> T {
    f.party(who).map(get).unwrap_or_default()
}

/// The fields of one party, inside a fieldset with `legend`.
#[component]
pub fn PartyEditor(ctx: Ctx, who: PartyRef, legend: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let id = move |field: &str| format!("{}-{field}", who.to_string().replace('.', "-"));
    let text =
        move |get: fn(&Party) -> &String| ctx.read(move |f| read(f, who, |p| get(p).clone()));
    let set_text = move |set: fn(&mut Party, String)| {
        ctx.write(move |f, v: String| {
            if let Some(p) = f.party_mut(who) {
                set(p, v)
            }
        })
    };
    let answer = move |get: fn(&Party) -> Answer| ctx.read(move |f| read(f, who, get));
    let set_answer = move |set: fn(&mut Party, Answer)| {
        ctx.write(move |f, v: Answer| {
            if let Some(p) = f.party_mut(who) {
                set(p, v)
            }
        })
    };
    let country = ctx.read(move |f| read(f, who, |p| p.country.known().copied()));
    let show_region = Memo::new(move |_| has_sanctioned_regions(country.get()));
    let established_key = format!("{who}.established");
    let established_text = {
        let key = established_key.clone();
        ctx.read(move |f| {
            f.raw(&key).map(str::to_string).unwrap_or_else(|| {
                read(f, who, |p| {
                    p.established
                        .known()
                        .map(|d| d.to_string())
                        .unwrap_or_default()
                })
            })
        })
    };
    let established_error = Signal::derive(move || {
        let text = established_text.get();
        match parse_date(&text) {
            Err(_) => Some(t_string!(i18n, assess.date_error).to_string()),
            Ok(Fact::Known(d)) if d > Local::now().date_naive() => {
                Some(t_string!(i18n, assess.date_future_error).to_string())
            }
            Ok(_) => None,
        }
    });
    let set_established = {
        let key = established_key.clone();
        ctx.write(move |f, v: String| {
            f.set_raw(&key, &v);
            let parsed: Fact<NaiveDate> = parse_date(&v).unwrap_or_default();
            if let Some(p) = f.party_mut(who) {
                p.established = parsed;
            }
        })
    };
    let related = answer(|p| p.related_to_other_parties);
    let show_relationship = Memo::new(move |_| related.get() == Answer::Yes);
    view! {
        <fieldset class="party" id=id("party")>
            <legend>{move || legend.get()}</legend>
            <TextField
                id=id("name")
                label=tr!(i18n, assess.party_name)
                value=text(|p| &p.name)
                on_input=set_text(|p, v| p.name = v)
                autocomplete="organization"
            />
            <CountrySelect
                id=id("country")
                label=tr!(i18n, assess.party_country)
                value=country
                on_change=ctx.write(move |f, v: Option<Country>| {
                    if let Some(p) = f.party_mut(who) {
                        p.country = v.into();
                    }
                })
            />
            <Show when=move || show_region.get()>
                <ChoiceSelect
                    id=id("region")
                    label=tr!(i18n, assess.party_region)
                    hint=tr!(i18n, assess.region_hint)
                    names=Region::NAMES
                    label_of=labels::callback(i18n, labels::region)
                    value=ctx.read(move |f| read(f, who, |p| p.region.known().map(|r| r.as_str())))
                    on_change=ctx.write(move |f, v: Option<&'static str>| {
                        if let Some(p) = f.party_mut(who) {
                            p.region = v.and_then(Region::from_name).into();
                        }
                    })
                />
            </Show>
            <TextField
                id=id("address")
                label=tr!(i18n, assess.party_address)
                value=text(|p| &p.address)
                on_input=set_text(|p, v| p.address = v)
            />
            <TextField
                id=id("registration")
                label=tr!(i18n, assess.party_registration)
                value=text(|p| &p.registration_number)
                on_input=set_text(|p, v| p.registration_number = v)
            />
            <TextField
                id=id("established")
                label=tr!(i18n, assess.party_established)
                hint=tr!(i18n, assess.party_established_hint)
                value=established_text
                on_input=set_established
                error=established_error
                input_type="date"
            />
            <TextField
                id=id("website")
                label=tr!(i18n, assess.party_website)
                value=text(|p| &p.website)
                on_input=set_text(|p, v| p.website = v)
                input_type="url"
            />
            <AnswerGroup
                id=id("related-to-exporter")
                legend=tr!(i18n, assess.q_related_to_exporter)
                value=answer(|p| p.related_to_exporter)
                on_change=set_answer(|p, v| p.related_to_exporter = v)
            />
            <AnswerGroup
                id=id("owned-by-russia-belarus")
                legend=tr!(i18n, assess.q_owned_by_russia_belarus)
                hint=tr!(i18n, assess.q_owned_by_russia_belarus_hint)
                value=answer(|p| p.owned_by_russia_belarus)
                on_change=set_answer(|p, v| p.owned_by_russia_belarus = v)
            />
            <CountrySelect
                id=id("owner-country")
                label=tr!(i18n, assess.party_owner_country)
                value=ctx.read(move |f| read(f, who, |p| p.owner_country.known().copied()))
                on_change=ctx.write(move |f, v: Option<Country>| {
                    if let Some(p) = f.party_mut(who) {
                        p.owner_country = v.into();
                    }
                })
            />
            <AnswerGroup
                id=id("prior-russia-business")
                legend=tr!(i18n, assess.q_prior_russia_business)
                value=answer(|p| p.prior_russia_business)
                on_change=set_answer(|p, v| p.prior_russia_business = v)
            />
            <ChoiceSelect
                id=id("email-domain")
                label=tr!(i18n, assess.party_email_domain)
                names=EmailDomain::NAMES
                label_of=labels::callback(i18n, labels::email_domain)
                value=ctx.read(move |f| read(f, who, |p| p.email_domain.known().map(|d| d.as_str())))
                on_change=ctx.write(move |f, v: Option<&'static str>| {
                    if let Some(p) = f.party_mut(who) {
                        p.email_domain = v.and_then(EmailDomain::from_name).into();
                    }
                })
            />
            <CountrySelect
                id=id("phone-country")
                label=tr!(i18n, assess.party_phone_country)
                value=ctx.read(move |f| read(f, who, |p| p.phone_country.known().copied()))
                on_change=ctx.write(move |f, v: Option<Country>| {
                    if let Some(p) = f.party_mut(who) {
                        p.phone_country = v.into();
                    }
                })
            />
            <ChoiceSelect
                id=id("role")
                label=tr!(i18n, assess.party_role)
                names=PartyRole::NAMES
                label_of=labels::callback(i18n, labels::role)
                value=ctx.read(move |f| read(f, who, |p| p.role.known().map(|r| r.as_str())))
                on_change=ctx.write(move |f, v: Option<&'static str>| {
                    if let Some(p) = f.party_mut(who) {
                        p.role = v.and_then(PartyRole::from_name).into();
                    }
                })
            />
            <AnswerGroup
                id=id("web_presence")
                legend=tr!(i18n, assess.q_web_presence)
                value=answer(|p| p.web_presence)
                on_change=set_answer(|p, v| p.web_presence = v)
            />
            <AnswerGroup
                id=id("previous_dealings")
                legend=tr!(i18n, assess.q_previous_dealings)
                value=answer(|p| p.previous_dealings)
                on_change=set_answer(|p, v| p.previous_dealings = v)
            />
            <AnswerGroup
                id=id("residential_address")
                legend=tr!(i18n, assess.q_residential_address)
                value=answer(|p| p.residential_address)
                on_change=set_answer(|p, v| p.residential_address = v)
            />
            <AnswerGroup
                id=id("business_matches_goods")
                legend=tr!(i18n, assess.q_business_matches_goods)
                value=answer(|p| p.business_matches_goods)
                on_change=set_answer(|p, v| p.business_matches_goods = v)
            />
            <AnswerGroup
                id=id("related")
                legend=tr!(i18n, assess.q_related)
                value=related
                on_change=set_answer(|p, v| p.related_to_other_parties = v)
            />
            <Show when=move || show_relationship.get()>
                <TextField
                    id=id("relationship")
                    label=tr!(i18n, assess.party_relationship)
                    value=text(|p| &p.relationship)
                    on_input=set_text(|p, v| p.relationship = v)
                />
            </Show>
        </fieldset>
    }
}
