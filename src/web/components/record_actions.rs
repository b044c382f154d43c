//! The exporter's record and declaration actions, embedded in the results page.
//!
//! * "Download attestation record": the transaction, the engine's assessment
//!   (re-run with the declaration evidence known here), the ruleset hash, the
//!   signatory, and any declaration received, sealed and optionally signed.
//! * "Create declaration request": a sealed request for the counterparty, as
//!   a file and as a link; the latest one is kept in `localStorage`
//!   ([`REQUEST_STORAGE_KEY`]) so that the answer can be checked later.
//! * "Import counterparty response": the core checks it against that request;
//!   the resulting status is shown, fed into the evaluation as
//!   `Evidence::declaration`, embedded in the next record, and reported to
//!   the host page through `on_declaration`.

use chrono::Utc;
use enduse::chain_status::{first_response_json, is_chain_file};
use enduse::evaluate::{Assessment, Rating, evaluate_in};
use enduse::model::{DeclarationStatus, Evidence, Fact, Hop, Transaction};
use enduse::record::convert::{RecordContext, record_from_domain, request_from_domain};
use enduse::record::limits::MAX_DOCUMENT_BYTES;
use enduse::record::v1::{DeclarationRequest, Signatory};
use enduse::record::{
    self, ChainReport, DeclarationChain, Opened, ResponseCheck, ResponseProblem, SecretKey,
    verify_chain,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::active_ruleset;
use crate::components::chain_report::ChainReportView;
use crate::components::copy_link::{CopyableLink, app_link};
use crate::components::signing_key::{self, SigningKeyPanel};
use crate::document_problem::document_problem_text;
use crate::download::{download_text, safe_file_stem};
use crate::file_input;
use crate::i18n::{t, t_string, use_i18n};
use crate::language;
use crate::pages::verify::I18n;
use crate::pages::verify::read_error_text;
use crate::storage;

/// Where the latest declaration request (sealed JSON) is kept; followed by
/// `.<scope>` (the draft id) when the host page gives one, so that one
/// draft's request never counts as evidence for another.
pub const REQUEST_STORAGE_KEY: &str = "enduse.declaration-request";

fn request_storage_key(scope: Option<&str>) -> String {
    match scope {
        Some(scope) => format!("{REQUEST_STORAGE_KEY}.{scope}"),
        None => REQUEST_STORAGE_KEY.to_string(),
    }
}

/// The user's UTC offset in minutes, east positive (JS reports west positive).
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// The saved request, if it is still intact.
fn saved_request(key: &str) -> Option<Opened<DeclarationRequest>> {
    let text = storage::get(key).ok().flatten()?;
    record::open_request(text.as_bytes()).ok()
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
/// `<RecordActions transaction=Signal::derive(move || ctx.form.with(|f| f.tx.clone())) scope=ctx.draft.get_value() />`
#[component]
pub fn RecordActions(
    /// The transaction as the questionnaire currently has it.
    #[prop(into)]
    transaction: Signal<Transaction>,
    /// Told the declaration status whenever a response is imported.
    #[prop(optional)]
    on_declaration: Option<Callback<DeclarationStatus>>,
    /// Keeps the request per draft (pass the draft id).
    #[prop(optional, into)]
    scope: Option<String>,
    /// Told a verified declaration chain's file and hops when the user
    /// chooses "Use this chain in the assessment".
    #[prop(optional)]
    on_chain: Option<Callback<(String, Vec<Hop>)>>,
) -> impl IntoView {
    let storage_key = StoredValue::new(request_storage_key(scope.as_deref()));
    let i18n = use_i18n();
    let (stored_key, key_problem) = signing_key::load();
    let key = RwSignal::new(stored_key);
    let sign = RwSignal::new(false);
    let signatory_name = RwSignal::new(String::new());
    let signatory_role = RwSignal::new(String::new());
    let request = RwSignal::new(storage_key.with_value(|k| saved_request(k)));
    let request_link = RwSignal::new(None::<String>);
    let check = RwSignal::new(None::<ResponseCheck>);
    let notice = RwSignal::new(key_problem);
    let response_link = RwSignal::new(String::new());
    // An imported declaration chain: its file and the verdict on it.
    let chain = RwSignal::new(None::<(String, ChainReport)>);

    // The same evidence as the live panel and results: the parties screened
    // against the loaded lists, and the declaration's status. (Reads signals:
    // the memo below re-runs when lists load.)
    let evidence = move |tx: &enduse::model::Transaction| Evidence {
        screening: crate::screening_state::evidence_for(tx),
        declaration: match (
            check.with(|c| c.as_ref().map(|c| c.status)),
            request.with(Option::is_some),
        ) {
            (Some(status), _) => Fact::Known(status),
            (None, true) => Fact::Known(DeclarationStatus::Requested),
            (None, false) => Fact::Unknown,
        },
        payment_screening: Vec::new(),
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
            declarations: check
                .with(|c| c.as_ref().and_then(ResponseCheck::embedded))
                .into_iter()
                .collect(),
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

    let create_request = move |_| {
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
            Ok((sealed, opened)) => {
                if let Err(e) = storage_key.with_value(|k| storage::set(k, &sealed.json)) {
                    notice.set(Some(
                        t_string!(i18n, records.request_not_kept, reason = e.to_string())
                            .to_string(),
                    ));
                } else {
                    notice.set(None);
                }
                request.set(Some(opened));
                check.set(None);
                request_link.set(Some(app_link(&record::encode_fragment(&sealed))));
            }
            Err(e) => notice.set(Some(
                t_string!(i18n, records.request_failed, reason = e).to_string(),
            )),
        }
    };

    let accept = move |result: ResponseCheck| {
        if let Some(callback) = on_declaration {
            callback.run(result.status);
        }
        check.set(Some(result));
    };
    let import_chain = move |bytes: &[u8]| match DeclarationChain::from_bytes(bytes) {
        Ok(parsed) => {
            let report = verify_chain(&parsed);
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
        if let Some(callback) = on_chain {
            callback.run((json.clone(), report.to_model_hops()));
        }
        let own = request
            .get()
            .filter(|r| report.hops.first().and_then(|h| h.request_digest) == Some(r.digest));
        let first = DeclarationChain::from_bytes(json.as_bytes())
            .ok()
            .and_then(|c| first_response_json(&c));
        if let (Some(opened), Some(response)) = (own, first) {
            accept(record::check_response(&opened, response.as_bytes()));
        }
        notice.set(Some(t_string!(i18n, chain.chain_used).to_string()));
    };
    let import_bytes = move |bytes: Vec<u8>| {
        if is_chain_file(&bytes) {
            import_chain(&bytes);
            return;
        }
        chain.set(None);
        let Some(opened) = request.get() else {
            notice.set(Some(t_string!(i18n, records.no_request).to_string()));
            return;
        };
        accept(record::check_response(&opened, &bytes));
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
    let check_view = move || {
        check.get().map(|c| {
            let symbol = status_symbol(c.status);
            let signer = c.response.as_ref().and_then(|r| r.signer().map(str::to_string));
            view! {
                <div class=format!("declaration-check status-{symbol}") role="status" data-status=symbol>
                    <p>{t!(i18n, records.response_status)} " " <strong>{status_text(i18n, c.status)}</strong></p>
                    {signer.map(|fp| view! {
                        <p>{t!(i18n, records.sig_valid)} " " <code class="fingerprint" data-fingerprint=fp.clone()>{fp.clone()}</code></p>
                    })}
                    {(!c.problems.is_empty()).then(|| view! {
                        <p>{t!(i18n, records.response_problems)}</p>
                        <ul>{c.problems.iter().map(|p| view! { <li>{problem_text(i18n, p)}</li> }).collect_view()}</ul>
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
                <button type="button" class="button" id="request-create" on:click=create_request>
                    {t!(i18n, records.create_request)}
                </button>
            </div>
            {move || request_link.get().map(|link| view! {
                <div class="record-done" role="status">
                    <p>{t!(i18n, records.request_ready)}</p>
                    <CopyableLink id="request-link" label=Signal::derive(move || t_string!(i18n, records.request_link_label).to_string()) link />
                </div>
            })}
            {move || request.with(|r| r.as_ref().map(|r| r.body.request_id.to_string())).map(|id| view! {
                <p class="muted">{t!(i18n, records.current_request)} " " <code>{id}</code></p>
            })}
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
