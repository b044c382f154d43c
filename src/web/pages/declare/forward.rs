//! "Forward to the next party": after declaring its hop, a party that passes
//! the goods on asks the next party for its own declaration.
//!
//! The new request is made by the core (`forward_request`: the goods as
//! declared, the quantities passed on, the digest of this party's response),
//! sealed — and signed with this browser's key when the user signs — and
//! appended to the chain, which travels on as a link or a file. Typed values
//! stay in the form whatever goes wrong.

use chrono::Utc;
use enduse::country::Country;
use enduse::lang::Lang;
use enduse::record::convert::created_at;
use enduse::record::v1::{
    Decimal, DeclarationRequest, DeclarationResponse, Id, NamedParty, PartyRole,
};
use enduse::record::{self, DeclarationChain, NextParty, Opened, SecretKey, forward_request};
use leptos::prelude::*;

use crate::components::copy_link::{CopyableLink, app_link};
use crate::components::record_actions::{new_request_id, utc_offset_minutes};
use crate::download::{download_text, safe_file_stem};
use crate::i18n::{t, t_string, use_i18n};
use crate::language;
use crate::pages::verify::I18n;

/// What the user typed about the next party. The declaration form owns it,
/// so it survives the section being redrawn after a new response is sealed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NextForm {
    name: String,
    address: String,
    country: Option<Country>,
    language: Option<Lang>,
    /// Quantity passed on per goods line, as typed.
    quantities: Vec<String>,
}

/// Something that stops the forwarded request from being made.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ForwardProblem {
    Name,
    Country,
    /// 0-based goods line.
    Quantity(usize),
    /// The core refused (sealing, chain too long, no randomness).
    Failed(String),
}

fn problem_text(i18n: I18n, problem: &ForwardProblem) -> String {
    match problem {
        ForwardProblem::Name => t_string!(i18n, chain.forward_problem_name).to_string(),
        ForwardProblem::Country => t_string!(i18n, chain.forward_problem_country).to_string(),
        ForwardProblem::Quantity(line) => {
            t_string!(i18n, chain.forward_problem_quantity, line = line + 1).to_string()
        }
        ForwardProblem::Failed(reason) => {
            t_string!(i18n, chain.forward_failed, reason = reason.clone()).to_string()
        }
    }
}

fn language_text(i18n: I18n, lang: Lang) -> String {
    match lang {
        Lang::En => t_string!(i18n, chain.lang_en),
        Lang::Ru => t_string!(i18n, chain.lang_ru),
        Lang::Kk => t_string!(i18n, chain.lang_kk),
    }
    .to_string()
}

const LANGUAGES: [(Lang, &str); 3] = [(Lang::En, "en"), (Lang::Ru, "ru"), (Lang::Kk, "kk")];

impl NextForm {
    /// The next party as a request party, and the quantities passed on, or
    /// every problem.
    fn read(&self) -> Result<(NamedParty, Lang, Vec<Decimal>), Vec<ForwardProblem>> {
        let mut problems = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            problems.push(ForwardProblem::Name);
        }
        if self.country.is_none() {
            problems.push(ForwardProblem::Country);
        }
        let mut quantities = Vec::new();
        for (line, typed) in self.quantities.iter().enumerate() {
            match Decimal::new(typed.trim().replace(',', ".")) {
                Ok(q) => quantities.push(q),
                Err(_) => problems.push(ForwardProblem::Quantity(line)),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let party = NamedParty {
            role: PartyRole::Buyer,
            name: name.to_string(),
            country: self.country,
            address: self.address.trim().to_string(),
        };
        Ok((party, self.language.unwrap_or(Lang::En), quantities))
    }
}

/// The forwarded request, sealed and appended to `chain`.
fn forward(
    request: &Opened<DeclarationRequest>,
    response: &Opened<DeclarationResponse>,
    chain: &DeclarationChain,
    next: &NextForm,
    key: Option<&SecretKey>,
) -> Result<DeclarationChain, Vec<ForwardProblem>> {
    let (party, language, quantities) = next.read()?;
    let failed = |e: String| vec![ForwardProblem::Failed(e)];
    let id = new_request_id()
        .and_then(|id| Id::new(id).ok())
        .ok_or_else(|| failed("no random numbers available".into()))?;
    let created =
        created_at(Utc::now(), utc_offset_minutes()).map_err(|e| failed(e.to_string()))?;
    let body = forward_request(
        request,
        response,
        NextParty {
            request_id: id,
            party,
            language,
            created,
        },
        Some(&quantities),
    );
    let sealed = record::seal_request(&body, key).map_err(|e| failed(e.to_string()))?;
    let mut extended = chain.clone();
    extended.push(&sealed).map_err(|e| failed(e.to_string()))?;
    Ok(extended)
}

/// Saves a chain file named after the chain's latest request.
pub fn download_chain(chain: &DeclarationChain, stem: &str) -> Result<(), String> {
    download_text(
        &format!("declaration-chain-{}.json", safe_file_stem(stem)),
        "application/json",
        &chain.to_json(),
    )
}

/// The forwarding section, shown once this party's response is sealed.
#[component]
pub fn ForwardSection(
    /// The request this party answered.
    request: StoredValue<Opened<DeclarationRequest>>,
    /// This party's sealed response.
    response: Opened<DeclarationResponse>,
    /// The chain including that response.
    chain: DeclarationChain,
    /// The browser's signing key, if any.
    key: RwSignal<Option<SecretKey>>,
    /// Whether the user signs.
    sign: RwSignal<bool>,
    /// The typed next party; filled with defaults the first time.
    typed: RwSignal<Option<NextForm>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lines = request.with_value(|r| r.body.goods.clone());
    let confirmed: Vec<String> = response
        .body
        .items
        .iter()
        .map(|i| i.quantity.to_string())
        .collect();
    if typed.with_untracked(Option::is_none) {
        typed.set(Some(NextForm {
            quantities: confirmed,
            language: Some(language::from_locale(i18n.get_locale_untracked())),
            ..NextForm::default()
        }));
    }
    let next = Signal::derive(move || typed.get().unwrap_or_default());
    let update = move |change: &dyn Fn(&mut NextForm)| {
        typed.update(|t| {
            if let Some(n) = t.as_mut() {
                change(n);
            }
        })
    };
    let problems = RwSignal::new(Vec::<ForwardProblem>::new());
    let made = RwSignal::new(None::<DeclarationChain>);
    let response = StoredValue::new(response);
    let chain = StoredValue::new(chain);

    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let secret = if sign.get() { key.get() } else { None };
        let outcome = request.with_value(|r| {
            response.with_value(|resp| {
                chain.with_value(|c| next.with(|n| forward(r, resp, c, n, secret.as_ref())))
            })
        });
        match outcome {
            Ok(extended) => {
                problems.set(Vec::new());
                made.set(Some(extended));
            }
            Err(found) => problems.set(found),
        }
    };
    let save = move |_| {
        if let Some(c) = made.get() {
            let stem = next.with(|n| n.name.clone());
            if let Err(e) = download_chain(&c, &stem) {
                problems.set(vec![ForwardProblem::Failed(e)]);
            }
        }
    };
    let text_field = move |id: &'static str,
                           label: Signal<String>,
                           get: fn(&NextForm) -> &String,
                           set: fn(&mut NextForm) -> &mut String| {
        view! {
            <div class="field">
                <label for=id>{move || label.get()}</label>
                <input id=id type="text" autocomplete="off"
                    prop:value=move || next.with(|n| get(n).clone())
                    on:input=move |ev| { let v = event_target_value(&ev); update(&|n| *set(n) = v.clone()); } />
            </div>
        }
    };
    let country_options = move || {
        let lang = language::from_locale(i18n.get_locale());
        let chosen = next.with(|n| n.country);
        crate::components::country_select::sorted_countries(lang)
            .into_iter()
            .map(|c| view! { <option value=c.code() selected=chosen == Some(c)>{c.name(lang)}</option> })
            .collect_view()
    };
    let language_options = move || {
        let chosen = next.with(|n| n.language);
        LANGUAGES
            .iter()
            .map(|(lang, code)| {
                let lang = *lang;
                view! { <option value=*code selected=chosen == Some(lang)>{language_text(i18n, lang)}</option> }
            })
            .collect_view()
    };
    let quantities = lines
        .into_iter()
        .enumerate()
        .map(|(line, goods)| {
            let id = format!("forward-qty-{line}");
            let description = if goods.description.trim().is_empty() {
                t_string!(i18n, chain.line_n, n = line + 1).to_string()
            } else {
                goods.description.clone()
            };
            view! {
                <div class="field">
                    <label for=id.clone()>
                        {move || t_string!(i18n, chain.passed_on, line = description.clone()).to_string()}
                        {(!goods.unit.is_empty()).then(|| format!(" ({})", goods.unit))}
                    </label>
                    <input id=id type="text" inputmode="decimal" class="quantity"
                        prop:value=move || next.with(|n| n.quantities.get(line).cloned().unwrap_or_default())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            update(&|n| if let Some(slot) = n.quantities.get_mut(line) { slot.clone_from(&v) });
                        } />
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="forward-section" aria-labelledby="forward-heading">
            <h2 id="forward-heading">{t!(i18n, chain.forward_heading)}</h2>
            <p class="hint">{t!(i18n, chain.forward_hint)}</p>
            <form class="declare-form forward-form" novalidate on:submit=create>
                <fieldset>
                    <legend>{t!(i18n, chain.forward_heading)}</legend>
                    {text_field("forward-name", Signal::derive(move || t_string!(i18n, chain.next_name).to_string()), |n| &n.name, |n| &mut n.name)}
                    <div class="field">
                        <label for="forward-country">{t!(i18n, chain.next_country)}</label>
                        <select id="forward-country" on:change=move |ev| {
                            let code = event_target_value(&ev);
                            update(&|n| n.country = Country::parse(&code).ok());
                        }>
                            <option value="" selected=move || next.with(|n| n.country.is_none())>{t!(i18n, records.choose)}</option>
                            {country_options}
                        </select>
                    </div>
                    {text_field("forward-address", Signal::derive(move || t_string!(i18n, chain.next_address).to_string()), |n| &n.address, |n| &mut n.address)}
                    <div class="field">
                        <label for="forward-language">{t!(i18n, chain.next_language)}</label>
                        <select id="forward-language" on:change=move |ev| {
                            let code = event_target_value(&ev);
                            update(&|n| n.language = LANGUAGES.iter().find(|(_, c)| *c == code).map(|(l, _)| *l));
                        }>
                            {language_options}
                        </select>
                    </div>
                    {quantities}
                </fieldset>
                {move || {
                    let found = problems.get();
                    (!found.is_empty()).then(|| view! {
                        <div class="alert form-problems" role="alert">
                            <ul>{found.iter().map(|p| view! { <li>{problem_text(i18n, p)}</li> }).collect_view()}</ul>
                        </div>
                    })
                }}
                <p>
                    <button type="submit" class="button primary" id="forward-create">{t!(i18n, chain.forward_button)}</button>
                </p>
            </form>
            {move || made.get().map(|c| {
                let link = app_link(&c.to_fragment());
                view! {
                    <div class="record-done" role="status">
                        <p>{t!(i18n, chain.forward_ready)}</p>
                        <CopyableLink id="forward-link" label=Signal::derive(move || t_string!(i18n, chain.forward_link_label).to_string()) link />
                        <p>
                            <button type="button" class="button" id="forward-chain-download" on:click=save>
                                {t!(i18n, chain.download_chain)}
                            </button>
                        </p>
                    </div>
                }
            })}
        </section>
    }
}
