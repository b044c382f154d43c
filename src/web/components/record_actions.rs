//! The exporter's record and declaration actions, embedded in the results page.
//!
//! * "Download attestation record": the transaction, the engine's assessment
//!   (re-run with the declaration evidence known here), the ruleset hash, the
//!   signatory, and any declaration received, sealed and optionally signed.
//! * "Create declaration request": a sealed request for the counterparty, as
//!   a file and as a link, kept with the draft (`Draft::declarations`);
//!   making another asks first and keeps the earlier ones listed.
//! * "Import counterparty response": the core matches it to the draft's
//!   request it answers (`enduse::draft_declarations`), refuses one for
//!   another draft or one already kept with the reason, and asks before it
//!   replaces a kept answer. Kept responses are re-verified on every read,
//!   fed into the evaluation as `Evidence::declaration` and embedded in the
//!   next record. Each is judged against the user's key book and the
//!   host's registry (`key_book::open_declarations`): a response signed by a
//!   key that is not trusted counts as unsigned and says so, with "Add this
//!   key" for after the user confirmed it.

use chrono::Utc;
use enduse::chain_status::{first_response_json, is_chain_file};
use enduse::draft_declarations::{DraftDeclarations, Offer, OpenedDeclarations, Refusal};
use enduse::evaluate::{Assessment, Rating, evaluate_in};
use enduse::model::{DeclarationStatus, Evidence, Fact, Hop, Transaction};
use enduse::record::convert::{RecordContext, record_from_domain, request_from_domain};
use enduse::record::limits::MAX_DOCUMENT_BYTES;
use enduse::record::v1::Signatory;
use enduse::record::{
    self, ChainReport, DeclarationChain, ResponseCheck, ResponseProblem, SecretKey, Unasked,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::active_ruleset;
use crate::components::chain_report::ChainReportView;
use crate::components::copy_link::{CopyableLink, app_link};
use crate::components::key_book::{TrustKeyForm, verdict_line};
use crate::components::signing_key::{self, SigningKeyPanel};
use crate::document_problem::document_problem_text;
use crate::download::{download_text, safe_file_stem};
use crate::file_input;
use crate::i18n::{t, t_string, use_i18n};
use crate::language;
use crate::pages::verify::I18n;
use crate::pages::verify::read_error_text;
use crate::storage;

/// Where releases before 0.3 kept a draft's latest request (sealed JSON),
/// followed by `.<draft id>`; the questionnaire adopts it into the draft's
/// declarations when it opens a draft that has none.
pub const LEGACY_REQUEST_STORAGE_KEY: &str = "enduse.declaration-request";

/// The request an older release kept for draft `id`, if it is still intact.
pub fn legacy_request(id: &str) -> Option<String> {
    let text = storage::get(&format!("{LEGACY_REQUEST_STORAGE_KEY}.{id}"))
        .ok()
        .flatten()?;
    record::open_request(text.as_bytes()).ok().map(|_| text)
}

/// The user's UTC offset in minutes, east positive (JS reports west positive).
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// What a request did not ask, in words (lines counted from 1).
fn unasked_text(i18n: I18n, unasked: Unasked) -> String {
    let line = |n: u32| u64::from(n) + 1;
    match unasked {
        Unasked::EndUser => t_string!(i18n, records.unasked_end_user).to_string(),
        Unasked::HsCode(n) => t_string!(i18n, records.unasked_hs, line = line(n)).to_string(),
        Unasked::Quantity(n) => {
            t_string!(i18n, records.unasked_quantity, line = line(n)).to_string()
        }
    }
}

fn unasked_symbol(unasked: Unasked) -> &'static str {
    match unasked {
        Unasked::EndUser => "end_user",
        Unasked::HsCode(_) => "hs_code",
        Unasked::Quantity(_) => "quantity",
    }
}

/// Why a response was not taken, in words.
fn refusal_text(i18n: I18n, refusal: &Refusal) -> String {
    match refusal {
        Refusal::Unreadable(e) => t_string!(
            i18n,
            records.prob_unreadable,
            reason = document_problem_text(i18n, &e.clone().into())
        )
        .to_string(),
        Refusal::NoRequest => t_string!(i18n, records.no_request).to_string(),
        Refusal::AnotherDraft { request_id } => {
            t_string!(i18n, records.refuse_another_draft, id = request_id.clone()).to_string()
        }
        Refusal::Duplicate => t_string!(i18n, records.refuse_duplicate).to_string(),
        Refusal::Full => t_string!(i18n, records.refuse_full).to_string(),
        Refusal::NotText => t_string!(i18n, records.refuse_not_text).to_string(),
    }
}

/// A fresh request id: `req-` and 12 random hex digits.
pub fn new_request_id() -> Option<String> {
    signing_key::random_bytes::<6>().map(|bytes| format!("req-{}", hex::encode(bytes)))
}

/// A declaration status in words.
pub fn status_text(i18n: I18n, status: DeclarationStatus) -> String {
    match status {
        DeclarationStatus::NotRequested => t_string!(i18n, records.status_not_requested),
        DeclarationStatus::Requested => t_string!(i18n, records.status_requested),
        DeclarationStatus::ReceivedMatchingSigned => {
            t_string!(i18n, records.status_matching_signed)
        }
        DeclarationStatus::ReceivedMatchingUnsigned => {
            t_string!(i18n, records.status_matching_unsigned)
        }
        DeclarationStatus::Mismatching => t_string!(i18n, records.status_mismatching),
    }
    .to_string()
}

/// The symbol tests and styles key on.
fn status_symbol(status: DeclarationStatus) -> &'static str {
    match status {
        DeclarationStatus::NotRequested => "not_requested",
        DeclarationStatus::Requested => "requested",
        DeclarationStatus::ReceivedMatchingSigned => "received_matching_signed",
        DeclarationStatus::ReceivedMatchingUnsigned => "received_matching_unsigned",
        DeclarationStatus::Mismatching => "mismatching",
    }
}

/// A response problem in words (lines counted from 1 for people).
pub fn problem_text(i18n: I18n, problem: &ResponseProblem) -> String {
    let line = |n: &u32| u64::from(*n) + 1;
    match problem {
        ResponseProblem::Unreadable(why) => {
            t_string!(i18n, records.prob_unreadable, reason = why.clone()).to_string()
        }
        ResponseProblem::AnswersAnotherRequest => {
            t_string!(i18n, records.prob_another_request).to_string()
        }
        ResponseProblem::RequestIdDiffers => t_string!(i18n, records.prob_request_id).to_string(),
        ResponseProblem::CommitmentMissing(name) => {
            t_string!(i18n, records.prob_commitment, name = *name).to_string()
        }
        ResponseProblem::UnknownLine(n) => {
            t_string!(i18n, records.prob_unknown_line, line = line(n)).to_string()
        }
        ResponseProblem::DuplicateLine(n) => {
            t_string!(i18n, records.prob_duplicate_line, line = line(n)).to_string()
        }
        ResponseProblem::LineNotConfirmed(n) => {
            t_string!(i18n, records.prob_line_missing, line = line(n)).to_string()
        }
        ResponseProblem::HsCodeDiffers(n) => {
            t_string!(i18n, records.prob_hs_differs, line = line(n)).to_string()
        }
        ResponseProblem::QuantityDiffers(n) => {
            t_string!(i18n, records.prob_quantity_differs, line = line(n)).to_string()
        }
        ResponseProblem::RussiaOrBelarus => {
            t_string!(i18n, records.prob_russia_belarus).to_string()
        }
    }
}

/// Record, request and response actions for one transaction.
///
/// Embed in the results page:
/// `<RecordActions transaction=Signal::derive(move || ctx.form.with(|f| f.tx.clone())) kept=ctx.declarations />`
#[component]
pub fn RecordActions(
    /// The transaction as the questionnaire currently has it.
    #[prop(into)]
    transaction: Signal<Transaction>,
    /// The draft's declaration documents: what this panel adds is kept with
    /// the draft (the host page saves it).
    kept: RwSignal<DraftDeclarations>,
    /// Told a verified declaration chain's file and hops when the user
    /// chooses "Use this chain in the assessment".
    #[prop(optional)]
    on_chain: Option<Callback<(String, Vec<Hop>)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (stored_key, key_problem) = signing_key::load();
    let key = RwSignal::new(stored_key);
    let sign = RwSignal::new(false);
    let signatory_name = RwSignal::new(String::new());
    let signatory_role = RwSignal::new(String::new());
    // Re-verified whenever the kept documents change (never trusted as stored).
    let opened = Memo::new_with_compare(
        move |_| kept.with(crate::key_book::open_declarations),
        |_: Option<&OpenedDeclarations>, _: Option<&OpenedDeclarations>| true,
    );
    let request_link = RwSignal::new(None::<String>);
    // A response that would replace a kept one: waits for the user's yes.
    let pending = RwSignal::new(None::<Offer>);
    // "Create" pressed while a request exists: waits for the user's yes.
    let confirm_new = RwSignal::new(false);
    let notice = RwSignal::new(key_problem);
    let response_link = RwSignal::new(String::new());
    // An imported declaration chain: its file and the verdict on it.
    let chain = RwSignal::new(None::<(String, ChainReport)>);

    // The same evidence as the live panel and results: the parties screened
    // against the loaded lists, and the declaration's status. (Reads signals:
    // the memo below re-runs when lists load.)
    let evidence = move |tx: &enduse::model::Transaction| {
        let (screening, lists) = crate::screening_state::evidence_for(tx);
        Evidence {
            screening,
            lists,
            declaration: match opened.with(OpenedDeclarations::status) {
                Some(status) => Fact::Known(status),
                None => Fact::Unknown,
            },
            payment_screening: Vec::new(),
        }
    };
    let assessment = Memo::new(move |_| -> Result<Assessment, String> {
        let lang = language::from_locale(i18n.get_locale());
        let ruleset = active_ruleset::get()?;
        Ok(transaction.with(|tx| evaluate_in(tx, &evidence(tx), &ruleset, lang)))
    });
    let signing_key = move || -> Option<SecretKey> { if sign.get() { key.get() } else { None } };

    let download_record = move |_| {
        let name = signatory_name.get().trim().to_string();
        if name.is_empty() {
            notice.set(Some(t_string!(i18n, records.record_needs_name).to_string()));
            return;
        }
        let assessment = match assessment.get() {
            Ok(a) => a,
            Err(e) => {
                notice.set(Some(e));
                return;
            }
        };
        let context = RecordContext {
            created: Utc::now(),
            offset_minutes: utc_offset_minutes(),
            signatory: Signatory {
                name,
                role: signatory_role.get().trim().to_string(),
            },
            declarations: opened.with(|o| {
                o.responses
                    .iter()
                    .filter_map(|kept| kept.check.embedded())
                    .collect()
            }),
            screening: None,
        };
        let outcome = transaction.with(|tx| {
            let evidence = evidence(tx);
            let context = RecordContext {
                screening: crate::screening_state::record_screening(&evidence),
                ..context
            };
            let record = record_from_domain(tx, &evidence, &assessment, context)
                .map_err(|e| e.to_string())?;
            let sealed =
                record::seal_record(&record, signing_key().as_ref()).map_err(|e| e.to_string())?;
            let stem = safe_file_stem(&tx.reference);
            download_text(
                &format!("enduse-record-{stem}.json"),
                "application/json",
                &sealed.json,
            )
        });
        notice.set(Some(match outcome {
            Ok(()) => t_string!(i18n, records.record_saved).to_string(),
            Err(e) => t_string!(i18n, records.record_failed, reason = e).to_string(),
        }));
    };

    let create_request = move || {
        confirm_new.set(false);
        let Some(id) = new_request_id() else {
            notice.set(Some(t_string!(i18n, records.key_no_random).to_string()));
            return;
        };
        let lang = language::from_locale(i18n.get_locale());
        let outcome = transaction.with(|tx| {
            let body = request_from_domain(tx, &id, lang, Utc::now(), utc_offset_minutes())
                .map_err(|e| e.to_string())?;
            let sealed =
                record::seal_request(&body, signing_key().as_ref()).map_err(|e| e.to_string())?;
            let opened = record::open_request(sealed.json.as_bytes()).map_err(|e| e.to_string())?;
            download_text(
                &format!("declaration-request-{id}.json"),
                "application/json",
                &sealed.json,
            )?;
            Ok::<_, String>((sealed, opened))
        });
        match outcome {
            Ok((sealed, _opened)) => {
                let mut result = Ok(());
                kept.update(|k| result = k.add_request(&sealed.json));
                notice.set(result.err().map(|e| {
                    t_string!(
                        i18n,
                        records.request_not_kept,
                        reason = refusal_text(i18n, &e)
                    )
                    .to_string()
                }));
                pending.set(None);
                request_link.set(Some(app_link(&record::encode_fragment(&sealed))));
            }
            Err(e) => notice.set(Some(
                t_string!(i18n, records.request_failed, reason = e).to_string(),
            )),
        }
    };

    // Ask first when a request is out already: the counterparty may be
    // answering it, and a new one must not make that answer look foreign.
    let on_create = move |_| {
        if opened.with(|o| o.requests.is_empty()) {
            create_request();
        } else {
            confirm_new.set(true);
        }
    };
    let keep = move |offer: Offer| {
        kept.update(|k| k.accept(&offer));
        pending.set(None);
        notice.set(Some(
            t_string!(i18n, records.response_kept, id = offer.request_id.clone()).to_string(),
        ));
    };
    let offer = move |bytes: &[u8]| match kept.with(|k| crate::key_book::offer_response(k, bytes)) {
        Ok(offer) if offer.replaces.is_some() => {
            notice.set(None);
            pending.set(Some(offer));
        }
        Ok(offer) => keep(offer),
        Err(refusal) => notice.set(Some(refusal_text(i18n, &refusal))),
    };
    let import_chain = move |bytes: &[u8]| match DeclarationChain::from_bytes(bytes) {
        Ok(parsed) => {
            let report = crate::key_book::verify_chain(&parsed);
            notice.set(None);
            chain.set(Some((parsed.to_json(), report)));
        }
        Err(e) => {
            chain.set(None);
            notice.set(Some(
                t_string!(
                    i18n,
                    chain.chain_unusable,
                    reason = document_problem_text(i18n, &e.into())
                )
                .to_string(),
            ));
        }
    };
    // "Use this chain": the hops go to the draft; when hop 1 answers this
    // draft's own request, its response is the declaration evidence as for
    // a single response.
    let use_chain = move || {
        let Some((json, report)) = chain.get() else {
            return;
        };
        // A chain that does not start at one of this draft's requests is not
        // evidence about this deal.
        if opened.with(|o| o.chain_request(&report)).is_none() {
            notice.set(Some(t_string!(i18n, records.refuse_chain).to_string()));
            return;
        }
        if let Some(callback) = on_chain {
            callback.run((json.clone(), report.to_model_hops()));
        }
        notice.set(Some(t_string!(i18n, chain.chain_used).to_string()));
        let first = DeclarationChain::from_bytes(json.as_bytes())
            .ok()
            .and_then(|c| first_response_json(&c));
        if let Some(response) = first {
            match kept.with(|k| crate::key_book::offer_response(k, response.as_bytes())) {
                Ok(offer) if offer.replaces.is_some() => pending.set(Some(offer)),
                Ok(offer) => {
                    kept.update(|k| k.accept(&offer));
                }
                // Already kept (the single response was imported before): fine.
                Err(Refusal::Duplicate) => {}
                Err(refusal) => notice.set(Some(refusal_text(i18n, &refusal))),
            }
        }
    };
    let import_bytes = move |bytes: Vec<u8>| {
        if is_chain_file(&bytes) {
            import_chain(&bytes);
            return;
        }
        chain.set(None);
        offer(&bytes);
    };
    let import_file = move |ev: leptos::ev::Event| {
        let Some(file) = file_input::picked_file(&ev) else {
            return;
        };
        file_input::reset_input(&ev);
        spawn_local(async move {
            match file_input::read_bytes(&file, MAX_DOCUMENT_BYTES).await {
                Ok(bytes) => import_bytes(bytes),
                Err(e) => notice.set(Some(read_error_text(i18n, &e))),
            }
        });
    };
    let import_link = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match record::decode_fragment(&response_link.get()) {
            Ok(bytes) => import_bytes(bytes),
            Err(e) => notice.set(Some(
                t_string!(
                    i18n,
                    records.prob_unreadable,
                    reason = document_problem_text(i18n, &e.into())
                )
                .to_string(),
            )),
        }
    };

    let rating = move || {
        assessment.get().ok().map(|a| {
            let (symbol, text) = match a.rating {
                Rating::Low => ("low", t_string!(i18n, records.rating_low)),
                Rating::Medium => ("medium", t_string!(i18n, records.rating_medium)),
                Rating::High => ("high", t_string!(i18n, records.rating_high)),
                Rating::Stop => ("stop", t_string!(i18n, records.rating_stop)),
            };
            view! {
                <p class="record-rating">
                    {t!(i18n, records.rating_with_evidence)} " "
                    <strong data-rating=symbol>{text.to_string()}</strong>
                </p>
            }
        })
    };
    // The response the evidence comes from, or the one waiting for a yes.
    // With it, what its request did not ask (a match says nothing about that).
    let shown = move || -> Option<(ResponseCheck, Vec<Unasked>)> {
        let unasked_of = |index: usize| {
            opened.with(|o| {
                o.requests
                    .get(index)
                    .map(|r| record::unasked(&r.body))
                    .unwrap_or_default()
            })
        };
        pending
            .with(|p| p.as_ref().map(|o| (o.check.clone(), o.request)))
            .or_else(|| {
                opened.with(|o| {
                    o.responses
                        .iter()
                        .max_by_key(|kept| kept.request)
                        .map(|kept| (kept.check.clone(), kept.request))
                })
            })
            .map(|(check, index)| (check, unasked_of(index)))
    };
    let check_view = move || {
        shown().map(|(c, unasked)| {
            let symbol = status_symbol(c.status);
            let signer = c.response.as_ref().and_then(|r| r.signer().map(str::to_string));
            let verdict = verdict_line(i18n, &c.signature, "response-verdict");
            // A valid signature by a key not (yet) trusted: counted as
            // unsigned, and the user may add the key once confirmed.
            let counted_unsigned = c.counted_as_unsigned().then(|| view! {
                <p class="counted-unsigned">{t!(i18n, keys.counted_unsigned)}</p>
            });
            let trust_form = c.signature.offers_trust().then(|| {
                let response = c.response.as_ref();
                let public_key = response
                    .and_then(|r| r.signature.as_ref())
                    .map(|b| b.public_key.clone())
                    .unwrap_or_default();
                let (organisation, country) = response
                    .map(|r| (r.body.customer.name.clone(), Some(r.body.customer.country)))
                    .unwrap_or_default();
                view! { <TrustKeyForm public_key organisation country id="response" /> }
            });
            view! {
                <div class=format!("declaration-check status-{symbol}") role="status" data-status=symbol data-verdict=c.signature.as_str()>
                    <p>{t!(i18n, records.response_status)} " " <strong>{status_text(i18n, c.status)}</strong></p>
                    {signer.map(|fp| view! {
                        <p>{t!(i18n, records.sig_valid)} " " <code class="fingerprint" data-fingerprint=fp.clone()>{fp.clone()}</code></p>
                    })}
                    {verdict}
                    {counted_unsigned}
                    {trust_form}
                    {(!c.problems.is_empty()).then(|| view! {
                        <p>{t!(i18n, records.response_problems)}</p>
                        <ul>{c.problems.iter().map(|p| view! { <li>{problem_text(i18n, p)}</li> }).collect_view()}</ul>
                    })}
                    <p class="muted compared">{t!(i18n, records.match_compared)}</p>
                    {(!unasked.is_empty()).then(|| view! {
                        <p class="note">{t!(i18n, records.match_unasked)}</p>
                        <ul class="unasked">{unasked.iter().map(|u| view! {
                            <li data-unasked=unasked_symbol(*u)>{unasked_text(i18n, *u)}</li>
                        }).collect_view()}</ul>
                    })}
                </div>
            }
        })
    };

    view! {
        <section class="record-actions no-print" aria-labelledby="record-actions-heading">
            <h2 id="record-actions-heading">{t!(i18n, records.actions_heading)}</h2>
            <div class="field">
                <label for="record-signatory-name">{t!(i18n, records.record_signatory_name)}</label>
                <input id="record-signatory-name" type="text" autocomplete="name"
                    prop:value=move || signatory_name.get()
                    on:input=move |ev| signatory_name.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="record-signatory-role">{t!(i18n, records.record_signatory_role)}</label>
                <input id="record-signatory-role" type="text" autocomplete="organization-title"
                    prop:value=move || signatory_role.get()
                    on:input=move |ev| signatory_role.set(event_target_value(&ev)) />
            </div>
            <SigningKeyPanel key id="record" />
            <div class="choice">
                <input type="checkbox" id="record-sign"
                    prop:disabled=move || key.with(Option::is_none)
                    prop:checked=move || sign.get() && key.with(Option::is_some)
                    on:change=move |ev| sign.set(event_target_checked(&ev)) />
                <label for="record-sign">{t!(i18n, records.sign_with_key)}</label>
            </div>
            {rating}
            <div class="record-buttons">
                <button type="button" class="button primary" id="record-download" on:click=download_record>
                    {t!(i18n, records.download_record)}
                </button>
                <button type="button" class="button" id="request-create" on:click=on_create>
                    {t!(i18n, records.create_request)}
                </button>
            </div>
            {move || request_link.get().map(|link| view! {
                <div class="record-done" role="status">
                    <p>{t!(i18n, records.request_ready)}</p>
                    <CopyableLink id="request-link" label=Signal::derive(move || t_string!(i18n, records.request_link_label).to_string()) link />
                </div>
            })}
            {move || confirm_new.get().then(|| view! {
                <div class="confirm" role="alertdialog" aria-labelledby="request-again-text">
                    <p id="request-again-text">{t!(i18n, records.request_again)}</p>
                    <button type="button" class="button" id="request-again-yes" on:click=move |_| create_request()>
                        {t!(i18n, records.request_again_yes)}
                    </button>
                    " "
                    <button type="button" class="button" id="request-again-no" on:click=move |_| confirm_new.set(false)>
                        {t!(i18n, records.cancel)}
                    </button>
                </div>
            })}
            {move || {
                let rows = opened.with(|o| {
                    o.requests
                        .iter()
                        .enumerate()
                        .map(|(index, r)| {
                            let status = o
                                .response_to(index)
                                .map_or(DeclarationStatus::Requested, |kept| kept.check.status);
                            (
                                r.body.request_id.to_string(),
                                crate::pages::verify::created_text(&r.body.created),
                                status,
                            )
                        })
                        .collect::<Vec<_>>()
                });
                (!rows.is_empty()).then(|| view! {
                    <p class="muted">{t!(i18n, records.requests_kept)}</p>
                    <ul class="declaration-requests">
                        {rows.into_iter().map(|(id, created, status)| {
                            let shown = id.clone();
                            view! {
                                <li data-request-id=id data-status=status_symbol(status)>
                                    <code>{shown}</code> " · " {created} " · " {status_text(i18n, status)}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
            {move || opened.with(|o| o.unusable.iter().map(|u| u.reason.clone()).collect::<Vec<_>>()).into_iter().map(|reason| view! {
                <p class="alert">{t!(i18n, records.kept_unusable, reason = move || reason.clone())}</p>
            }).collect_view()}
            <h3>{t!(i18n, records.import_heading)}</h3>
            <div class="file-load">
                <label for="response-file">{t!(i18n, records.import_response_file)}</label>
                <input id="response-file" type="file" accept=".json,application/json" on:change=import_file />
            </div>
            <form class="field import-link" on:submit=import_link>
                <label for="response-link">{t!(i18n, records.import_response_link)}</label>
                <div class="copy-row">
                    <input id="response-link" type="text" prop:value=move || response_link.get()
                        on:input=move |ev| response_link.set(event_target_value(&ev)) />
                    <button type="submit" class="button">{t!(i18n, records.import_link_button)}</button>
                </div>
            </form>
            {check_view}
            {move || pending.get().map(|offer| {
                let id = offer.request_id.clone();
                view! {
                <div class="confirm" role="alertdialog" aria-labelledby="response-replace-text">
                    <p id="response-replace-text">{t!(i18n, records.response_replace, id = move || id.clone())}</p>
                    <button type="button" class="button" id="response-replace-yes" on:click=move |_| keep(offer.clone())>
                        {t!(i18n, records.response_replace_yes)}
                    </button>
                    " "
                    <button type="button" class="button" id="response-replace-no" on:click=move |_| pending.set(None)>
                        {t!(i18n, records.cancel)}
                    </button>
                </div>
                }
            })}
            {move || chain.get().map(|(_, report)| {
                if on_chain.is_some() {
                    view! { <ChainReportView report id="import-chain" on_use=Callback::new(move |()| use_chain()) /> }.into_any()
                } else {
                    view! { <ChainReportView report id="import-chain" /> }.into_any()
                }
            })}
            <p class="record-notice" role="status">{move || notice.get()}</p>
        </section>
    }
}
