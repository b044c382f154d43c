//! Counterparty declaration: where a buyer or end user opens an exporter's
//! request and answers it.
//!
//! The request arrives either in the URL fragment (`#/declare?r=…`, which
//! never reaches a server) or as a file. It is verified by the core before
//! anything is shown; a tampered, oversize or foreign link gives a message,
//! never a half-filled form. The response is sealed (and optionally signed
//! with the counterparty's own key) in the tab and saved as a file, with a
//! link as an alternative.

pub mod autosave;
pub mod fields;
pub mod form;
pub mod forward;
pub mod to_draft;

use chrono::NaiveDate;
use enduse::chain_status::is_chain_file;
use enduse::country::Country;
use enduse::lang::Lang;
use enduse::record::limits::MAX_DOCUMENT_BYTES;
use enduse::record::v1::{DeclarationRequest, PartyRole};
use enduse::record::{self, ChainReport, DeclarationChain, DocumentKind, Opened, verify_chain};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use crate::components::chain_report::ChainReportView;
use crate::document_problem::{DocumentProblem, document_problem_text};
use crate::file_input;
use crate::i18n::{t, t_string, use_i18n};
use crate::language;
use crate::pages::verify::I18n;
use crate::pages::verify::{Examined, examine, report_view};
use form::DeclareForm;

/// What the page is showing.
#[derive(Clone)]
enum Loaded {
    /// Nothing loaded yet: show the file picker.
    Nothing,
    /// An intact request: show it and the form. The chain holds the
    /// earlier hops (just the request itself for hop 1).
    Request(Box<Opened<DeclarationRequest>>, Box<DeclarationChain>),
    /// A chain whose every request is answered: show its verdict.
    Chain(Box<ChainReport>),
    /// A response link opened here (the exporter's side): show its verdict
    /// and offer it to the drafts it answers (the bytes as received).
    Response(Box<Examined>, Vec<u8>),
    /// A link or file that cannot be used, and why (worded when shown).
    Problem(DocumentProblem),
}

/// The current URL fragment.
fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Takes the document out of the address bar and this history entry once it
/// is read: the link carries names, addresses and goods, which the browser's
/// history (and its sync to other devices) would otherwise keep. The page
/// stays; `replaceState` fires no navigation.
fn forget_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Whether a fragment carries a document.
fn is_document_link(hash: &str) -> bool {
    hash.starts_with("#/declare?")
}

/// Reads a document from bytes (file or decoded link): a request, a chain
/// (answered up to its last request, or all the way), or a response.
fn from_bytes(bytes: &[u8]) -> Loaded {
    if is_chain_file(bytes) {
        return match DeclarationChain::from_bytes(bytes) {
            Err(e) => Loaded::Problem(e.into()),
            Ok(chain) => match chain.open_request() {
                Some(Ok(opened)) => Loaded::Request(Box::new(opened), Box::new(chain)),
                Some(Err(e)) => Loaded::Problem(e.into()),
                None => Loaded::Chain(Box::new(verify_chain(&chain))),
            },
        };
    }
    let report = record::verify(bytes);
    if report.kind == Some(DocumentKind::DeclarationResponse) {
        return Loaded::Response(Box::new(examine(bytes)), bytes.to_vec());
    }
    match (
        record::open_request(bytes),
        DeclarationChain::from_bytes(bytes),
    ) {
        (Ok(opened), Ok(chain)) => Loaded::Request(Box::new(opened), Box::new(chain)),
        (Err(e), _) => Loaded::Problem(e.into()),
        (_, Err(e)) => Loaded::Problem(e.into()),
    }
}

/// Reads a document from a link fragment.
fn from_link(hash: &str) -> Loaded {
    match record::decode_fragment(hash) {
        Ok(bytes) => from_bytes(&bytes),
        Err(e) => Loaded::Problem(e.into()),
    }
}

/// Today in the user's time zone, for the signature date.
fn today() -> Option<NaiveDate> {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
}

/// Sends a document link that landed on another route (typically `/`, when the
/// app is served from the root) to `/declare`, keeping the fragment. Mounted
/// once in the shell.
#[component]
pub fn DeclareLinkRedirect() -> impl IntoView {
    let navigate = use_navigate();
    let go = move || {
        let hash = current_hash();
        let path = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_default();
        if is_document_link(&hash) && path != "/declare" {
            navigate(
                &format!("/declare{hash}"),
                NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                },
            );
        }
    };
    // Navigating while the router is still being built is refused, so the
    // first check waits for the next frame.
    request_animation_frame({
        let go = go.clone();
        move || go()
    });
    let handle = window_event_listener(leptos::ev::hashchange, move |_| go());
    on_cleanup(move || handle.remove());
}

#[component]
pub fn Declare() -> impl IntoView {
    let i18n = use_i18n();
    let loaded = RwSignal::new(Loaded::Nothing);
    let form = RwSignal::new(DeclareForm::default());
    // The request the form answers, and whether it is kept in this browser:
    // `Some(Ok(restored))` once saved (or restored), `Some(Err(_))` when
    // storage refused, so the counterparty knows to finish in this tab.
    let answering = StoredValue::new(None::<DeclarationRequest>);
    let kept = RwSignal::new(None::<Result<bool, String>>);
    let skip_save = StoredValue::new(false);
    let load = move |next: Loaded| {
        if let Loaded::Request(request, chain) = &next {
            // A failure shows as "not saved" at the first edit.
            let _ = autosave::remember_open(&chain.to_json());
            let (restored, was_saved) = autosave::restore(&request.body, today());
            answering.set_value(Some(request.body.clone()));
            // Loading is not an edit: only the next change is saved.
            skip_save.set_value(true);
            form.set(restored);
            kept.set(was_saved.then_some(Ok(true)));
            // The reader's own choice first, then the browser's language (a
            // director with a Russian browser reads Russian), then the language
            // the exporter chose for the request.
            if language::saved().is_none() {
                let lang = language::browser().unwrap_or(request.body.language);
                i18n.set_locale(language::to_locale(lang));
            }
        }
        loaded.set(next);
    };
    let from_hash = move || {
        let hash = current_hash();
        if is_document_link(&hash) {
            load(from_link(&hash));
            forget_fragment();
        }
    };
    from_hash();
    // No link: the request this browser was answering, if it still reads as one.
    if matches!(loaded.get_untracked(), Loaded::Nothing)
        && let Some(bytes) = autosave::reopened()
    {
        let again = from_bytes(&bytes);
        if matches!(again, Loaded::Request(..)) {
            load(again);
        }
    }
    // Every change is kept as typed (the first run is the load itself).
    Effect::new(move |previous: Option<()>| {
        form.track();
        if skip_save.get_value() {
            skip_save.set_value(false);
            return;
        }
        if previous.is_some()
            && let Some(request) = answering.get_value()
        {
            kept.set(Some(
                form.with_untracked(|f| autosave::save(&request, f))
                    .map(|()| false)
                    .map_err(|e| e.to_string()),
            ));
        }
    });
    let discard = move |_| {
        if let Some(request) = answering.get_value() {
            let _ = autosave::discard(&request);
            // The reset itself is not a change to keep; the next edit is.
            skip_save.set_value(true);
            form.set(autosave::fresh(&request, today()));
            kept.set(None);
        }
    };
    let kept_view = move || {
        kept.get().map(|state| match state {
            Ok(restored) => view! {
                <p class="autosave muted" role="status" data-saved="true">
                    {if restored {
                        t!(i18n, records.declare_restored).into_any()
                    } else {
                        t!(i18n, records.declare_saved).into_any()
                    }}
                    " "
                    <button type="button" class="button link" id="declare-discard" on:click=discard>
                        {t!(i18n, records.declare_discard)}
                    </button>
                </p>
            }
            .into_any(),
            Err(reason) => view! {
                <p class="alert autosave" role="status" data-saved="false">
                    {t!(i18n, records.declare_not_saved, reason = move || reason.clone())}
                </p>
            }
            .into_any(),
        })
    };
    let handle = window_event_listener(leptos::ev::hashchange, move |_| from_hash());
    on_cleanup(move || handle.remove());

    let on_pick = move |ev: leptos::ev::Event| {
        let Some(file) = file_input::picked_file(&ev) else {
            return;
        };
        file_input::reset_input(&ev);
        spawn_local(async move {
            match file_input::read_bytes(&file, MAX_DOCUMENT_BYTES).await {
                Ok(bytes) => load(from_bytes(&bytes)),
                Err(e) => load(Loaded::Problem(e.into())),
            }
        });
    };
    let content = move || match loaded.get() {
        Loaded::Nothing => None,
        Loaded::Problem(reason) => Some(
            view! {
                <div class="alert declare-problem" role="alert">
                    <p>{t!(i18n, records.declare_unusable)}</p>
                    <p class="reason">{move || document_problem_text(i18n, &reason)}</p>
                </div>
            }
            .into_any(),
        ),
        Loaded::Response(examined, bytes) => Some(
            view! {
                <p class="note">{t!(i18n, records.declare_is_response)}</p>
                <to_draft::ResponseToDraft bytes=StoredValue::new(bytes) />
                {report_view(i18n, &examined, false)}
            }
            .into_any(),
        ),
        Loaded::Chain(report) => Some(
            view! {
                <p class="note">{t!(i18n, chain.chain_without_request)}</p>
                <ChainReportView report=*report id="declare-chain" />
            }
            .into_any(),
        ),
        Loaded::Request(request, chain) => {
            let request = *request;
            let earlier = (chain.len() > 1).then(|| {
                let report = verify_chain(&chain);
                view! {
                    <section class="earlier-hops" aria-labelledby="earlier-hops-heading">
                        <h2 id="earlier-hops-heading">{t!(i18n, chain.earlier_hops_heading)}</h2>
                        <p class="hint">{t!(i18n, chain.earlier_hops_hint)}</p>
                        <ChainReportView report id="earlier-hops" />
                    </section>
                }
            });
            Some(
                view! {
                    {request_view(i18n, &request)}
                    {earlier}
                    {kept_view}
                    <fields::DeclarationForm request=StoredValue::new(request) chain=StoredValue::new(*chain) form />
                }
                .into_any(),
            )
        }
    };
    view! {
        <section class="page declare-page">
            <h1>{t!(i18n, shell.declare_title)}</h1>
            <p class="lead">{t!(i18n, shell.declare_lead)}</p>
            <div class="file-load no-print">
                <label for="declare-request-file">{t!(i18n, records.declare_file_label)}</label>
                <input id="declare-request-file" type="file" accept=".json,application/json" on:change=on_pick />
            </div>
            {content}
        </section>
    }
}

/// A party role in words.
fn party_role_text(i18n: I18n, role: PartyRole) -> String {
    match role {
        PartyRole::Buyer => t_string!(i18n, records.party_buyer),
        PartyRole::Consignee => t_string!(i18n, records.party_consignee),
        PartyRole::EndUser => t_string!(i18n, records.party_end_user),
        PartyRole::Intermediary => t_string!(i18n, records.party_intermediary),
        PartyRole::FreightForwarder => t_string!(i18n, records.party_forwarder),
    }
    .to_string()
}

/// A country's name in the current language.
pub fn country_text(country: Option<Country>, lang: Lang) -> String {
    country
        .map(|c| c.name(lang).to_string())
        .unwrap_or_default()
}

/// What the exporter asks: who, which goods, which parties.
fn request_view(i18n: I18n, request: &Opened<DeclarationRequest>) -> impl IntoView + use<> {
    let body = request.body.clone();
    let signer = request.signer().map(str::to_string);
    let exporter_country = body.exporter.country;
    let goods = body.goods.clone();
    let parties: Vec<_> = body.parties.iter().map(|p| p.named()).collect();
    let created = crate::pages::verify::created_text(&body.created);
    view! {
        <section class="declare-request" aria-labelledby="declare-request-heading">
            <h2 id="declare-request-heading">{t!(i18n, records.request_heading)}</h2>
            <dl class="verify-facts">
                <dt>{t!(i18n, records.request_exporter)}</dt>
                <dd class="request-exporter">
                    {body.exporter.name.clone()}
                    {move || {
                        let name = country_text(exporter_country, language::from_locale(i18n.get_locale()));
                        (!name.is_empty()).then(|| format!(" ({name})"))
                    }}
                </dd>
                <dt>{t!(i18n, records.request_id)}</dt><dd><code>{body.request_id.to_string()}</code></dd>
                <dt>{t!(i18n, records.summary_created)}</dt><dd>{created}</dd>
                <dt>{t!(i18n, records.signature_label)}</dt>
                <dd>
                    {match signer {
                        Some(fp) => view! {
                            {t!(i18n, records.sig_valid)} " "
                            <code class="fingerprint" data-fingerprint=fp.clone()>{fp.clone()}</code>
                        }.into_any(),
                        None => view! { {t!(i18n, records.request_unsigned)} }.into_any(),
                    }}
                </dd>
            </dl>
            <h3>{t!(i18n, records.request_goods)}</h3>
            <div class="table-scroll">
                <table class="request-goods">
                    <GoodsTableHead />
                    <tbody>
                        {goods.into_iter().enumerate().map(|(i, g)| view! {
                            <tr>
                                <td>{i + 1}</td>
                                <td>{g.description}</td>
                                <td>{g.hs_code.map(|h| h.to_string()).unwrap_or_default()}</td>
                                <td>{g.quantity.map(|q| q.to_string()).unwrap_or_default()}</td>
                                <td>{g.unit}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>{t!(i18n, records.request_parties)}</h3>
            <ul class="request-parties">
                {parties.into_iter().map(|p| {
                    let role = p.role;
                    let country = p.country;
                    view! {
                        <li>
                            <strong>{move || party_role_text(i18n, role)}</strong> ": " {p.name} " "
                            {move || {
                                let name = country_text(country, language::from_locale(i18n.get_locale()));
                                (!name.is_empty()).then(|| format!("({name})"))
                            }}
                            {(!p.address.is_empty()).then(|| view! { <br /> <span class="muted">{p.address}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The column headings shared by the request's goods table and the
/// declaration's items table, so both read the same in every language.
#[component]
pub fn GoodsTableHead() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <thead>
            <tr>
                <th scope="col">"#"</th>
                <th scope="col">{t!(i18n, records.col_description)}</th>
                <th scope="col">{t!(i18n, records.col_hs)}</th>
                <th scope="col">{t!(i18n, records.col_quantity)}</th>
                <th scope="col">{t!(i18n, records.col_unit)}</th>
            </tr>
        </thead>
    }
}
