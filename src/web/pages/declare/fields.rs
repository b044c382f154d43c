//! The end-use declaration form: labelled fields bound to [`DeclareForm`],
//! the four commitments, optional signing, and the "Download response" step.

use enduse::country::Country;
use enduse::lang::Lang;
use enduse::record::v1::{CustomerRole, DeclarationRequest, DeclarationResponse, Disposition};
use enduse::record::{self, DeclarationChain, Opened, SecretKey};
use leptos::prelude::*;

use super::form::{Commitment, DeclareForm, Field, FormProblem};
use super::forward::{ForwardSection, download_chain};
use crate::components::copy_link::{CopyableLink, app_link};
use crate::components::signing_key::{self, SigningKeyPanel};
use crate::download::{download_text, safe_file_stem};
use crate::i18n::{t, t_string, use_i18n};
use crate::language;
use crate::pages::verify::I18n;

/// A field's label.
fn field_label(i18n: I18n, field: Field) -> String {
    match field {
        Field::CustomerName => t_string!(i18n, records.customer_name),
        Field::CustomerAddress => t_string!(i18n, records.customer_address),
        Field::CustomerCountry => t_string!(i18n, records.customer_country),
        Field::CustomerRole => t_string!(i18n, records.customer_role),
        Field::Disposition => t_string!(i18n, records.disposition_legend),
        Field::EndUserName => t_string!(i18n, records.end_user_name),
        Field::EndUserAddress => t_string!(i18n, records.end_user_address),
        Field::EndUserCountry => t_string!(i18n, records.end_user_country),
        Field::EndUseDescription => t_string!(i18n, records.end_use_description),
        Field::EndUseCountry => t_string!(i18n, records.end_use_country),
        Field::SignatoryName => t_string!(i18n, records.signatory_name),
        Field::SignatoryTitle => t_string!(i18n, records.signatory_title),
        Field::SignatoryDate => t_string!(i18n, records.signatory_date),
    }
    .to_string()
}

fn problem_text(i18n: I18n, problem: &FormProblem) -> String {
    match problem {
        FormProblem::Missing(field) => t_string!(
            i18n,
            records.problem_missing,
            field = field_label(i18n, *field)
        )
        .to_string(),
        FormProblem::Quantity(line) => {
            t_string!(i18n, records.problem_quantity, line = line + 1).to_string()
        }
    }
}

fn commitment_text(i18n: I18n, c: Commitment) -> String {
    match c {
        Commitment::NoRussiaBelarus => t_string!(i18n, records.commit_no_russia_belarus),
        Commitment::NoMilitaryEndUse => t_string!(i18n, records.commit_no_military),
        Commitment::AcceptAuditAndNotify => t_string!(i18n, records.commit_audit),
        Commitment::FlowDown => t_string!(i18n, records.commit_flow_down),
    }
    .to_string()
}

fn role_text(i18n: I18n, role: CustomerRole) -> String {
    match role {
        CustomerRole::Purchaser => t_string!(i18n, records.role_purchaser),
        CustomerRole::IntermediateConsignee => t_string!(i18n, records.role_intermediate_consignee),
        CustomerRole::UltimateConsignee => t_string!(i18n, records.role_ultimate_consignee),
        CustomerRole::EndUser => t_string!(i18n, records.role_end_user),
    }
    .to_string()
}

const ROLES: [(CustomerRole, &str); 4] = [
    (CustomerRole::Purchaser, "purchaser"),
    (
        CustomerRole::IntermediateConsignee,
        "intermediate_consignee",
    ),
    (CustomerRole::UltimateConsignee, "ultimate_consignee"),
    (CustomerRole::EndUser, "end_user"),
];

const DISPOSITIONS: [(Disposition, &str); 5] = [
    (Disposition::Consume, "consume"),
    (Disposition::Incorporate, "incorporate"),
    (Disposition::Stock, "stock"),
    (Disposition::ResellDomestic, "resell_domestic"),
    (Disposition::ResellExport, "resell_export"),
];

fn disposition_text(i18n: I18n, d: Disposition) -> String {
    match d {
        Disposition::Consume => t_string!(i18n, records.disp_consume),
        Disposition::Incorporate => t_string!(i18n, records.disp_incorporate),
        Disposition::Stock => t_string!(i18n, records.disp_stock),
        Disposition::ResellDomestic => t_string!(i18n, records.disp_resell_domestic),
        Disposition::ResellExport => t_string!(i18n, records.disp_resell_export),
    }
    .to_string()
}

/// A labelled text input (or text area) bound to one string of the form.
fn text_input(
    form: RwSignal<DeclareForm>,
    id: &'static str,
    label: Signal<String>,
    get: fn(&DeclareForm) -> &String,
    set: fn(&mut DeclareForm) -> &mut String,
    multiline: bool,
    autocomplete: &'static str,
) -> impl IntoView {
    let value = move || form.with(|f| get(f).clone());
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        form.update(|f| *set(f) = text);
    };
    let control = if multiline {
        view! { <textarea id=id rows="3" autocomplete=autocomplete prop:value=value on:input=on_input></textarea> }
            .into_any()
    } else {
        view! { <input id=id type="text" autocomplete=autocomplete prop:value=value on:input=on_input /> }
            .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{move || label.get()}</label>
            {control}
        </div>
    }
}

/// A labelled country `<select>` bound to one country of the form.
fn country_input(
    form: RwSignal<DeclareForm>,
    id: &'static str,
    label: Signal<String>,
    get: fn(&DeclareForm) -> Option<Country>,
    set: fn(&mut DeclareForm, Option<Country>),
) -> impl IntoView {
    let i18n = use_i18n();
    let options = move || {
        let lang: Lang = language::from_locale(i18n.get_locale());
        let mut countries: Vec<Country> = Country::all().collect();
        countries.sort_by_key(|c| c.name(lang).to_lowercase());
        let chosen = form.with(get);
        countries
            .into_iter()
            .map(|c| {
                view! { <option value=c.code() selected=chosen == Some(c)>{c.name(lang)}</option> }
            })
            .collect_view()
    };
    let on_change = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        form.update(|f| set(f, Country::parse(&code).ok()));
    };
    view! {
        <div class="field">
            <label for=id>{move || label.get()}</label>
            <select id=id on:change=on_change>
                <option value="" selected=move || form.with(get).is_none()>{t!(i18n, records.choose)}</option>
                {options}
            </select>
        </div>
    }
}

macro_rules! label {
    ($i18n:ident, $key:ident) => {
        Signal::derive(move || t_string!($i18n, records.$key).to_string())
    };
}

/// The declaration form for one request.
#[component]
pub fn DeclarationForm(
    request: StoredValue<Opened<DeclarationRequest>>,
    /// The chain the request came in (a single request is a chain of one).
    chain: StoredValue<DeclarationChain>,
    form: RwSignal<DeclareForm>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (stored_key, key_problem) = signing_key::load();
    let key = RwSignal::new(stored_key);
    let sign = RwSignal::new(false);
    let problems = RwSignal::new(Vec::<FormProblem>::new());
    let failure = RwSignal::new(key_problem);
    let produced = RwSignal::new(None::<String>);
    // This party's sealed response and the chain that now ends with it.
    let sealed_state = RwSignal::new(None::<(Opened<DeclarationResponse>, DeclarationChain)>);
    let forwarded = request.with_value(|r| r.body.forwarded.is_some());
    let next_party = RwSignal::new(None::<super::forward::NextForm>);
    let goods = request.with_value(|r| r.body.goods.clone());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        produced.set(None);
        let response = request.with_value(|r| form.with(|f| f.to_response(r)));
        let response = match response {
            Ok(response) => response,
            Err(found) => {
                problems.set(found);
                return;
            }
        };
        problems.set(Vec::new());
        let secret: Option<SecretKey> = if sign.get() { key.get() } else { None };
        let sealed = match record::seal_response(&response, secret.as_ref()) {
            Ok(sealed) => sealed,
            Err(e) => {
                failure.set(Some(e.to_string()));
                return;
            }
        };
        let opened = record::open_response(sealed.json.as_bytes()).map_err(|e| e.to_string());
        let extended = chain.with_value(|c| {
            let mut extended = c.clone();
            extended
                .push(&sealed)
                .map(|()| extended)
                .map_err(|e| e.to_string())
        });
        let (opened, extended) = match (opened, extended) {
            (Ok(o), Ok(e)) => (o, e),
            (Err(e), _) | (_, Err(e)) => {
                failure.set(Some(e));
                return;
            }
        };
        let id = response.request_id.as_str().to_string();
        // A forwarded request's answer only makes sense with the hops before
        // it: it travels as the whole chain. Hop 1 keeps the single response.
        let saved = if forwarded {
            download_chain(&extended, &id)
        } else {
            download_text(
                &format!("declaration-response-{}.json", safe_file_stem(&id)),
                "application/json",
                &sealed.json,
            )
        };
        match saved {
            Ok(()) => {
                failure.set(None);
                produced.set(Some(if forwarded {
                    app_link(&extended.to_fragment())
                } else {
                    app_link(&record::encode_fragment(&sealed))
                }));
                sealed_state.set(Some((opened, extended)));
            }
            Err(e) => failure.set(Some(
                t_string!(i18n, records.download_failed, reason = e).to_string(),
            )),
        }
    };
    let save_chain = move |_| {
        if let Some((response, extended)) = sealed_state.get()
            && let Err(e) = download_chain(&extended, response.body.request_id.as_str())
        {
            failure.set(Some(
                t_string!(i18n, records.download_failed, reason = e).to_string(),
            ));
        }
    };
    let documents = super::form::DOCUMENTS
        .into_iter()
        .map(|(name, get, set)| {
            let id = format!("declare-doc-{name}");
            view! {
                <div class="field">
                    <label for=id.clone()>{move || crate::components::chain_view::document_label(i18n, name)}</label>
                    <input id=id type="text" autocomplete="off"
                        prop:value=move || form.with(|f| get(&f.documents).clone())
                        on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| *set(&mut f.documents) = v); } />
                </div>
            }
        })
        .collect_view();

    let items = goods
        .into_iter()
        .enumerate()
        .map(|(index, line)| {
            let id = format!("declare-qty-{index}");
            let value = move || form.with(|f| f.quantities.get(index).cloned().unwrap_or_default());
            let on_input = move |ev: leptos::ev::Event| {
                let text = event_target_value(&ev);
                form.update(|f| {
                    if let Some(slot) = f.quantities.get_mut(index) {
                        *slot = text;
                    }
                });
            };
            let description = line.description.clone();
            view! {
                <tr>
                    <td>{index + 1}</td>
                    <td>{line.description.clone()}</td>
                    <td>{line.hs_code.map(|h| h.to_string()).unwrap_or_default()}</td>
                    <td>
                        <label class="visually-hidden" for=id.clone()>
                            {move || t_string!(i18n, records.item_quantity_label, line = index + 1, description = description.clone()).to_string()}
                        </label>
                        <input id=id type="text" inputmode="decimal" class="quantity" prop:value=value on:input=on_input />
                    </td>
                    <td>{line.unit.clone()}</td>
                </tr>
            }
        })
        .collect_view();

    let role_select = move || {
        let chosen = form.with(|f| f.customer_role);
        ROLES
            .iter()
            .map(|(role, value)| {
                view! { <option value=*value selected=chosen == Some(*role)>{role_text(i18n, *role)}</option> }
            })
            .collect_view()
    };
    let on_role = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let role = ROLES.iter().find(|(_, v)| *v == value).map(|(r, _)| *r);
        form.update(|f| f.customer_role = role);
    };
    let dispositions = DISPOSITIONS
        .iter()
        .map(|(d, value)| {
            let d = *d;
            let id = format!("declare-disposition-{value}");
            view! {
                <div class="choice">
                    <input type="radio" name="declare-disposition" id=id.clone() value=*value
                        prop:checked=move || form.with(|f| f.disposition == Some(d))
                        on:change=move |_| form.update(|f| f.disposition = Some(d)) />
                    <label for=id>{move || disposition_text(i18n, d)}</label>
                </div>
            }
        })
        .collect_view();
    let commitments = Commitment::ALL
        .iter()
        .map(|c| {
            let c = *c;
            let id = format!("declare-commit-{}", c.key());
            view! {
                <div class="choice commitment">
                    <input type="checkbox" id=id.clone()
                        prop:checked=move || form.with(|f| f.committed(c))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            form.update(|f| f.set_committed(c, on));
                        } />
                    <label for=id>{move || commitment_text(i18n, c)}</label>
                </div>
            }
        })
        .collect_view();

    view! {
        <form class="declare-form" novalidate on:submit=submit aria-labelledby="declare-form-heading">
            <h2 id="declare-form-heading">{t!(i18n, records.form_heading)}</h2>
            <fieldset>
                <legend>{t!(i18n, records.section_customer)}</legend>
                {text_input(form, "declare-customer-name", label!(i18n, customer_name), |f| &f.customer_name, |f| &mut f.customer_name, false, "organization")}
                {text_input(form, "declare-customer-address", label!(i18n, customer_address), |f| &f.customer_address, |f| &mut f.customer_address, true, "street-address")}
                {country_input(form, "declare-customer-country", label!(i18n, customer_country), |f| f.customer_country, |f, c| f.customer_country = c)}
                {text_input(form, "declare-customer-website", label!(i18n, customer_website), |f| &f.customer_website, |f| &mut f.customer_website, false, "url")}
                <div class="field">
                    <label for="declare-customer-role">{t!(i18n, records.customer_role)}</label>
                    <select id="declare-customer-role" on:change=on_role>
                        <option value="" selected=move || form.with(|f| f.customer_role.is_none())>{t!(i18n, records.choose)}</option>
                        {role_select}
                    </select>
                </div>
            </fieldset>
            <fieldset>
                <legend>{t!(i18n, records.disposition_legend)}</legend>
                {dispositions}
            </fieldset>
            <fieldset>
                <legend>{t!(i18n, records.section_end_user)}</legend>
                {text_input(form, "declare-end-user-name", label!(i18n, end_user_name), |f| &f.end_user_name, |f| &mut f.end_user_name, false, "off")}
                {text_input(form, "declare-end-user-address", label!(i18n, end_user_address), |f| &f.end_user_address, |f| &mut f.end_user_address, true, "off")}
                {country_input(form, "declare-end-user-country", label!(i18n, end_user_country), |f| f.end_user_country, |f, c| f.end_user_country = c)}
            </fieldset>
            <fieldset>
                <legend>{t!(i18n, records.section_items)}</legend>
                <p class="hint">{t!(i18n, records.items_hint)}</p>
                <div class="table-scroll">
                    <table class="declare-items">
                        <super::GoodsTableHead />
                        <tbody>{items}</tbody>
                    </table>
                </div>
            </fieldset>
            <fieldset>
                <legend>{t!(i18n, records.section_end_use)}</legend>
                {text_input(form, "declare-end-use", label!(i18n, end_use_description), |f| &f.end_use_description, |f| &mut f.end_use_description, true, "off")}
                {country_input(form, "declare-end-use-country", label!(i18n, end_use_country), |f| f.end_use_country, |f, c| f.end_use_country = c)}
            </fieldset>
            <fieldset class="declare-documents">
                <legend>{t!(i18n, chain.documents_heading)}</legend>
                <p class="hint">{t!(i18n, chain.documents_hint)}</p>
                {documents}
                <div class="field">
                    <label for="declare-received">{t!(i18n, chain.received_label)}</label>
                    <input id="declare-received" type="date"
                        prop:value=move || form.with(|f| f.received.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| f.received = v); } />
                </div>
            </fieldset>
            <fieldset>
                <legend>{t!(i18n, records.section_commitments)}</legend>
                <p class="hint">{t!(i18n, records.commitments_hint)}</p>
                {commitments}
            </fieldset>
            <fieldset>
                <legend>{t!(i18n, records.section_signatory)}</legend>
                {text_input(form, "declare-signatory-name", label!(i18n, signatory_name), |f| &f.signatory_name, |f| &mut f.signatory_name, false, "name")}
                {text_input(form, "declare-signatory-title", label!(i18n, signatory_title), |f| &f.signatory_title, |f| &mut f.signatory_title, false, "organization-title")}
                <div class="field">
                    <label for="declare-signatory-date">{t!(i18n, records.signatory_date)}</label>
                    <input id="declare-signatory-date" type="date"
                        prop:value=move || form.with(|f| f.signatory_date.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| f.signatory_date = v); } />
                </div>
            </fieldset>
            <fieldset>
                <legend>{t!(i18n, records.section_signing)}</legend>
                <SigningKeyPanel key id="declare" />
                <div class="choice">
                    <input type="checkbox" id="declare-sign"
                        prop:disabled=move || key.with(Option::is_none)
                        prop:checked=move || sign.get() && key.with(Option::is_some)
                        on:change=move |ev| sign.set(event_target_checked(&ev)) />
                    <label for="declare-sign">{t!(i18n, records.sign_with_key)}</label>
                </div>
            </fieldset>
            {move || {
                let found = problems.get();
                (!found.is_empty()).then(|| view! {
                    <div class="alert form-problems" role="alert">
                        <p>{t!(i18n, records.problems_heading)}</p>
                        <ul>{found.iter().map(|p| view! { <li>{problem_text(i18n, p)}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            {move || failure.get().map(|reason| view! { <p class="alert" role="alert">{reason}</p> })}
            <p>
                <button type="submit" class="button primary" id="declare-download">{t!(i18n, records.download_response)}</button>
            </p>
            {move || produced.get().map(|link| view! {
                <div class="record-done" role="status">
                    {if forwarded {
                        view! {
                            <p>{t!(i18n, chain.chain_ready)}</p>
                            <CopyableLink id="declare-response-link" label=Signal::derive(move || t_string!(i18n, chain.chain_link_label).to_string()) link />
                        }.into_any()
                    } else {
                        view! {
                            <p>{t!(i18n, records.response_ready)}</p>
                            <CopyableLink id="declare-response-link" label=label!(i18n, response_link_label) link />
                        }.into_any()
                    }}
                    <p>
                        <button type="button" class="button" id="declare-chain-download" on:click=save_chain>
                            {t!(i18n, chain.download_chain)}
                        </button>
                    </p>
                </div>
            })}
        </form>
        {move || sealed_state.get().map(|(response, extended)| view! {
            <ForwardSection request response chain=extended key sign typed=next_party />
        })}
    }
}
