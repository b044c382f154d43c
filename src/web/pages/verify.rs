//! Verify a document: is this record, request or response intact, who signed
//! it, and if it was changed, which fields.
//!
//! The file is read in the tab (`file_input`), checked by the core's
//! `record::verify` and judged against the user's key book and the host's
//! registry (`record::judge`, through `key_book::with_trust`), and the
//! verdict is rendered as is: the web app adds no judgement of its own. A
//! valid signature by a key the user has not confirmed is said to be exactly
//! that, with its fingerprint and "Add this key" for after the user compared
//! it with the signer; the verdict follows the key book as it changes. A
//! valid record also gets a readable summary with a print layout, so an
//! auditor can file one clean page (its embedded declarations each named
//! with their signer's standing).

use chrono::FixedOffset;
use enduse::chain_status::is_chain_file;
use enduse::country::Country;
use enduse::record::chain::{CHAIN_FORMAT, ChainError};
use enduse::record::limits::MAX_DOCUMENT_BYTES;
use enduse::record::v1::{self, CreatedAt, Rating};
use enduse::record::{
    self, ChainReport, DeclarationChain, DocumentKind, DocumentVerdict, SignatureState,
    VerifyReport, VerifyState, judge,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::chain_report::ChainReportView;
use crate::components::key_book::{TrustKeyForm, verdict_line};
use crate::document_problem::document_problem_text;
use crate::file_input::{self, ReadError};
use crate::i18n::{Locale, t, t_string, use_i18n};

/// The translation context, as the helpers below take it.
pub type I18n = leptos_i18n::I18nContext<Locale>;

/// A document after the core has looked at it.
#[derive(Clone)]
pub struct Examined {
    /// The verdict.
    pub report: VerifyReport,
    /// `sha256:…` of the body, when the document is intact.
    pub digest: Option<String>,
    /// The record's body, for an intact record.
    pub record: Option<v1::Record>,
    /// Who the document says signed it (a response's customer, a request's
    /// or record's exporter), for naming a changed key.
    pub party: Option<(String, Option<Country>)>,
}

impl Examined {
    /// The verdict against the trusted keys in force (reactive: re-judged
    /// when the key book changes).
    pub fn judged(&self) -> DocumentVerdict {
        let party = self.party.as_ref().map(|(n, c)| (n.as_str(), *c));
        crate::key_book::with_trust(|trust| judge(&self.report, trust, party))
    }
}

/// Verifies `bytes` and, when intact, opens the body for the summary.
pub fn examine(bytes: &[u8]) -> Examined {
    let report = record::verify(bytes);
    let mut examined = Examined {
        report,
        digest: None,
        record: None,
        party: None,
    };
    if !examined.report.is_intact() {
        return examined;
    }
    if let Some(kind) = examined.report.kind {
        examined.party = record::verdict::signing_party(bytes, kind);
    }
    match examined.report.kind {
        Some(DocumentKind::Record) => {
            if let Ok(opened) = record::open_record(bytes) {
                examined.digest = Some(opened.digest.to_string());
                examined.record = Some(opened.body);
            }
        }
        Some(DocumentKind::DeclarationRequest) => {
            examined.digest = record::open_request(bytes)
                .ok()
                .map(|o| o.digest.to_string());
        }
        Some(DocumentKind::DeclarationResponse) => {
            examined.digest = record::open_response(bytes)
                .ok()
                .map(|o| o.digest.to_string());
        }
        None => {}
    }
    examined
}

/// The file-reading step's outcome.
#[derive(Clone)]
enum Outcome {
    Idle,
    Reading(String),
    Failed(String, ReadError),
    Checked(String, Box<Examined>),
    /// A declaration chain file (as saved), verified link by link.
    Chain(String, Box<Result<(String, ChainReport), ChainError>>),
}

/// Verifies a chain file, or says why it is not one.
fn examine_chain(bytes: &[u8]) -> Result<(String, ChainReport), ChainError> {
    DeclarationChain::from_bytes(bytes)
        .map(|chain| (chain.to_json(), crate::key_book::verify_chain(&chain)))
}

/// "Use this chain in the assessment" from the verify page: no draft is open
/// here, so the user picks one; the draft then opens at its results.
#[component]
fn UseInDraft(chain_json: String, report: ChainReport) -> impl IntoView {
    let i18n = use_i18n();
    let drafts = crate::pages::assess::chain_import::draft_choices();
    let chosen = RwSignal::new(drafts.first().map(|(id, _)| id.clone()));
    let failure = RwSignal::new(None::<String>);
    let navigate = leptos_router::hooks::use_navigate();
    let hops = StoredValue::new(report.to_model_hops());
    let chain_json = StoredValue::new(chain_json);
    let apply = move |_| {
        let Some(id) = chosen.get() else {
            return;
        };
        let outcome = chain_json.with_value(|json| {
            crate::pages::assess::chain_import::use_chain_in_draft(&id, json, hops.get_value())
        });
        match outcome {
            Ok(()) => navigate(&format!("/assess/{id}/results"), Default::default()),
            Err(e) => failure.set(Some(e)),
        }
    };
    if drafts.is_empty() {
        return view! { <p class="muted no-print">{t!(i18n, chain.no_drafts)}</p> }.into_any();
    }
    let options = drafts
        .into_iter()
        .map(|(id, name)| view! { <option value=id.clone()>{name}</option> })
        .collect_view();
    view! {
        <div class="use-in-draft no-print">
            <div class="field">
                <label for="verify-chain-draft">{t!(i18n, chain.choose_draft)}</label>
                <select id="verify-chain-draft" on:change=move |ev| chosen.set(Some(event_target_value(&ev)))>
                    {options}
                </select>
            </div>
            <p>
                <button type="button" class="button primary" id="verify-chain-use" on:click=apply>
                    {t!(i18n, chain.use_chain)}
                </button>
            </p>
            {move || failure.get().map(|reason| view! { <p class="alert" role="alert">{reason}</p> })}
        </div>
    }
    .into_any()
}

#[component]
pub fn Verify() -> impl IntoView {
    let i18n = use_i18n();
    let outcome = RwSignal::new(Outcome::Idle);
    let dragging = RwSignal::new(false);
    let check = move |file: web_sys::File| {
        let name = file.name();
        outcome.set(Outcome::Reading(name.clone()));
        spawn_local(async move {
            match file_input::read_bytes(&file, MAX_DOCUMENT_BYTES).await {
                Ok(bytes) if is_chain_file(&bytes) => outcome.set(Outcome::Chain(
                    name,
                    Box::new(untrack(|| examine_chain(&bytes))),
                )),
                Ok(bytes) => outcome.set(Outcome::Checked(name, Box::new(examine(&bytes)))),
                Err(e) => outcome.set(Outcome::Failed(name, e)),
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        if let Some(file) = file_input::picked_file(&ev) {
            check(file);
        }
        file_input::reset_input(&ev);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = file_input::dropped_file(&ev) {
            check(file);
        }
    };
    let on_dragover = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(true);
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let result = move || {
        match outcome.get() {
        Outcome::Idle => None,
        Outcome::Reading(name) => Some(
            view! { <p role="status">{t!(i18n, records.reading)} " " {name}</p> }.into_any(),
        ),
        Outcome::Failed(name, error) => Some(
            view! {
                <div class="verify-result state-malformed" data-state="unreadable" role="alert">
                    <p class="verify-file">{name}</p>
                    <p>{read_error_text(i18n, &error)}</p>
                </div>
            }
            .into_any(),
        ),
        Outcome::Chain(name, result) => Some(
            view! {
                <div class="verify-printable">
                    <p class="verify-file">{t!(i18n, records.file)} " " <strong>{name}</strong></p>
                    <p class="verify-kind" data-kind=CHAIN_FORMAT>{t!(i18n, chain.kind_chain)}</p>
                    {match *result {
                        Ok((json, report)) => view! {
                            <ChainReportView report=report.clone() id="verify-chain" />
                            <UseInDraft chain_json=json report />
                        }.into_any(),
                        Err(reason) => view! {
                            <div class="verify-result state-malformed" data-state="malformed" role="alert">
                                <p>{t_string!(i18n, chain.chain_unusable, reason = document_problem_text(i18n, &reason.into())).to_string()}</p>
                            </div>
                        }.into_any(),
                    }}
                </div>
            }
            .into_any(),
        ),
        Outcome::Checked(name, examined) => Some(
            view! {
                <div class="verify-printable">
                    <p class="verify-file">{t!(i18n, records.file)} " " <strong>{name}</strong></p>
                    {report_view(i18n, &examined, true)}
                    {examined.record.clone().map(|r| view! {
                        <p class="no-print">
                            <button type="button" class="button primary" id="verify-print" on:click=print>
                                {t!(i18n, records.print)}
                            </button>
                        </p>
                        {record_summary(i18n, r)}
                    })}
                </div>
            }
            .into_any(),
        ),
    }
    };
    view! {
        <section class="page verify-page">
            <h1>{t!(i18n, shell.verify_title)}</h1>
            <p class="lead">{t!(i18n, shell.verify_lead)}</p>
            <div
                class="drop-zone no-print"
                class:dragging=move || dragging.get()
                role="group"
                aria-labelledby="verify-drop-label"
                on:dragover=on_dragover
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <p id="verify-drop-label">{t!(i18n, records.verify_drop)}</p>
                <label for="verify-file">{t!(i18n, records.verify_file_label)}</label>
                <input id="verify-file" type="file" accept=".json,application/json" on:change=on_pick />
                <p class="hint">
                    {t_string!(i18n, records.size_limit, mib = MAX_DOCUMENT_BYTES / (1024 * 1024)).to_string()}
                </p>
            </div>
            <div aria-live="polite">{result}</div>
            <p class="no-print keys-link">
                <a href="/keys" id="verify-keys-link">{t!(i18n, keys.verify_link)}</a>
            </p>
        </section>
    }
}

/// A read failure in words.
pub fn read_error_text(i18n: I18n, error: &ReadError) -> String {
    match error {
        ReadError::TooLarge { size, limit } => {
            t_string!(i18n, records.file_too_large, size = *size, limit = *limit).to_string()
        }
        ReadError::Unreadable => t_string!(i18n, records.file_unreadable).to_string(),
    }
}

/// The name of a document kind.
pub fn kind_text(i18n: I18n, kind: Option<DocumentKind>) -> String {
    match kind {
        Some(DocumentKind::Record) => t_string!(i18n, records.kind_record),
        Some(DocumentKind::DeclarationRequest) => t_string!(i18n, records.kind_request),
        Some(DocumentKind::DeclarationResponse) => t_string!(i18n, records.kind_response),
        None => t_string!(i18n, records.kind_unknown),
    }
    .to_string()
}

fn state_name(state: &VerifyState) -> &'static str {
    match state {
        VerifyState::Valid => "valid",
        VerifyState::Altered { .. } => "altered",
        VerifyState::Unsigned => "unsigned",
        VerifyState::UnsupportedVersion { .. } => "unsupported",
        VerifyState::Malformed { .. } => "malformed",
        VerifyState::LocatorDamaged { .. } => "locator-damaged",
        VerifyState::Refused { .. } => "refused",
    }
}

/// The verdict: state, changed paths, kind, signature (judged against the
/// trusted keys) and digest. With `offer_trust`, a signature by a key that
/// is not trusted offers "Add this key to my key book".
pub fn report_view(i18n: I18n, examined: &Examined, offer_trust: bool) -> impl IntoView + use<> {
    let report = &examined.report;
    let digest = examined.digest.clone();
    let name = state_name(&report.state);
    let (headline, detail) = match &report.state {
        VerifyState::Valid => (t_string!(i18n, records.state_valid).to_string(), None),
        VerifyState::Unsigned => (t_string!(i18n, records.state_unsigned).to_string(), None),
        VerifyState::Altered { paths } => {
            let items = paths
                .iter()
                .map(|p| view! { <li><code class="path">{p.clone()}</code></li> })
                .collect_view();
            (
                t_string!(i18n, records.state_altered).to_string(),
                Some(
                    view! {
                        <p>{t!(i18n, records.state_altered_paths)}</p>
                        <ul class="changed-paths">{items}</ul>
                    }
                    .into_any(),
                ),
            )
        }
        VerifyState::UnsupportedVersion { version } => (
            t_string!(i18n, records.state_unsupported, version = version.clone()).to_string(),
            None,
        ),
        VerifyState::Malformed { reason } => (
            t_string!(i18n, records.state_malformed).to_string(),
            Some(view! { <p class="reason">{reason.clone()}</p> }.into_any()),
        ),
        VerifyState::LocatorDamaged { paths } => {
            let items = paths
                .iter()
                .map(|p| view! { <li><code class="path">{p.clone()}</code></li> })
                .collect_view();
            let headline = if report.signer().is_some() {
                t_string!(i18n, records.state_locator_signed).to_string()
            } else {
                t_string!(i18n, records.state_locator_unsigned).to_string()
            };
            (
                headline,
                Some(
                    view! {
                        <p>{t!(i18n, records.state_locator_paths)}</p>
                        <ul class="changed-paths">{items}</ul>
                    }
                    .into_any(),
                ),
            )
        }
        VerifyState::Refused { refusal } => (
            t_string!(
                i18n,
                records.state_refused,
                reason = crate::document_problem::refusal_text(i18n, refusal)
            )
            .to_string(),
            None,
        ),
    };
    let role = if report.is_intact() {
        "status"
    } else {
        "alert"
    };
    let signature = signature_view(i18n, &report.signature);
    let kind = kind_text(i18n, report.kind);
    let judged = {
        let examined = examined.clone();
        Memo::new(move |_| examined.judged())
    };
    let valid = report.state == VerifyState::Valid;
    let signed = matches!(report.signature, SignatureState::Valid { .. });
    // For an intact document the headline is the honest verdict: who signed
    // (or that the key is not trusted), never just "the signature is valid".
    let headline = move || {
        if valid {
            judged.with(|v| verdict_line(i18n, &v.document, "verify-headline"))
        } else {
            view! { <p class="verify-headline">{headline.clone()}</p> }.into_any()
        }
    };
    let signer_verdict =
        move || (signed && !valid).then(|| judged.with(|v| verdict_line(i18n, &v.document, "")));
    let trust_form = {
        let public_key = match &report.signature {
            SignatureState::Valid { public_key, .. } => Some(public_key.clone()),
            _ => None,
        };
        let party = examined.party.clone();
        move || {
            let public_key = public_key.clone().filter(|_| offer_trust && valid)?;
            judged.with(|v| v.document.offers_trust()).then(|| {
                let (organisation, country) = party.clone().unwrap_or_default();
                view! { <TrustKeyForm public_key organisation country id="verify" /> }
            })
        }
    };
    let verdict_name = move || judged.with(|v| v.document.as_str());
    // A record's embedded declarations are re-verified from the record alone
    // and each judged against the trusted keys.
    let declarations = (!report.declarations.is_empty()).then(|| {
        let items = report
            .declarations
            .iter()
            .enumerate()
            .map(|(index, state)| {
                let verdict = move || {
                    judged.with(|v| {
                        v.declarations
                            .get(index)
                            .map(|d| verdict_line(i18n, d, "decl-verdict"))
                    })
                };
                view! { <li>{signature_view(i18n, state)} {verdict}</li> }
            })
            .collect_view();
        view! {
            <dt>{t!(i18n, records.summary_declarations_embedded)}</dt>
            <dd><ol class="embedded-declarations">{items}</ol></dd>
        }
    });
    view! {
        <div class=format!("verify-result state-{name}") data-state=name data-verdict=verdict_name role=role>
            {headline}
            {detail}
            <dl class="verify-facts">
                <dt>{t!(i18n, records.kind_label)}</dt>
                <dd data-kind=report.kind.map(|k| k.format_name())>{kind}</dd>
                <dt>{t!(i18n, records.signature_label)}</dt>
                <dd>{signature} {signer_verdict}</dd>
                {declarations}
                {digest.map(|d| view! {
                    <dt>{t!(i18n, records.digest_label)}</dt>
                    <dd><code class="hash">{d}</code></dd>
                })}
            </dl>
            {trust_form}
        </div>
    }
}

fn signature_view(i18n: I18n, state: &SignatureState) -> AnyView {
    match state {
        SignatureState::Absent => view! { <span>{t!(i18n, records.sig_absent)}</span> }.into_any(),
        SignatureState::NotChecked => {
            view! { <span>{t!(i18n, records.sig_not_checked)}</span> }.into_any()
        }
        SignatureState::Valid { fingerprint, .. } => view! {
            <span>
                {t!(i18n, records.sig_valid)} " "
                <code class="fingerprint" data-fingerprint=fingerprint.clone()>{fingerprint.clone()}</code>
            </span>
            <p class="hint">{t!(i18n, records.fingerprint_compare)}</p>
        }
        .into_any(),
        SignatureState::Invalid {
            fingerprint,
            reason,
        } => view! {
            <span>
                {t!(i18n, records.sig_invalid)} " "
                {fingerprint.clone().map(|f| view! { <code class="fingerprint">{f}</code> " " })}
                "(" {reason.clone()} ")"
            </span>
        }
        .into_any(),
    }
}

/// A rating or severity in words, with the class the stylesheets colour.
pub fn rating_view(i18n: I18n, rating: Rating) -> impl IntoView + use<> {
    let (class, text) = match rating {
        Rating::Low => ("low", t_string!(i18n, records.rating_low)),
        Rating::Medium => ("medium", t_string!(i18n, records.rating_medium)),
        Rating::High => ("high", t_string!(i18n, records.rating_high)),
        Rating::Stop => ("stop", t_string!(i18n, records.rating_stop)),
    };
    view! { <span class=format!("rating {class}")>{text.to_string()}</span> }
}

fn severity_rating(severity: v1::Severity) -> Rating {
    match severity {
        v1::Severity::Low => Rating::Low,
        v1::Severity::Medium => Rating::Medium,
        v1::Severity::High => Rating::High,
        v1::Severity::Stop => Rating::Stop,
    }
}

/// The creation time in the creator's own offset, with the offset spelled out.
pub fn created_text(created: &CreatedAt) -> String {
    let utc = created.utc.datetime();
    match FixedOffset::east_opt(created.offset_minutes.minutes() * 60) {
        Some(offset) => {
            let local = utc.with_timezone(&offset);
            format!(
                "{} (UTC{})",
                local.format("%Y-%m-%d %H:%M:%S"),
                local.format("%:z")
            )
        }
        None => format!("{} UTC", utc.format("%Y-%m-%d %H:%M:%S")),
    }
}

/// The declaration status recorded in a record, in words.
pub fn declaration_status_text(i18n: I18n, status: Option<v1::DeclarationStatus>) -> String {
    use v1::DeclarationStatus as S;
    match status {
        None => t_string!(i18n, records.status_unknown),
        Some(S::NotRequested) => t_string!(i18n, records.status_not_requested),
        Some(S::Requested) => t_string!(i18n, records.status_requested),
        Some(S::ReceivedMatchingSigned) => t_string!(i18n, records.status_matching_signed),
        Some(S::ReceivedMatchingUnsigned) => t_string!(i18n, records.status_matching_unsigned),
        Some(S::Mismatching) => t_string!(i18n, records.status_mismatching),
    }
    .to_string()
}

/// A readable summary of a verified record.
/// The record's screening as it states it: the lists searched with their
/// standing on the day (records made before standings were recorded say
/// so), and each party's outcome; or that the record states no screening.
fn screening_view(i18n: I18n, screening: Option<v1::ScreeningSummary>) -> AnyView {
    let Some(screening) = screening else {
        return view! {
            <h3>{t!(i18n, records.summary_screening)}</h3>
            <p class="record-not-screened">{t!(i18n, records.summary_not_screened)}</p>
        }
        .into_any();
    };
    let lists = screening
        .lists
        .into_iter()
        .map(|l| {
            let standing = l
                .standing
                .map(enduse::record::convert::list_standing_from_v1);
            view! {
                <tr data-standing=standing.map(crate::list_standing::standing_tag)>
                    <td>{l.name}</td>
                    <td>{l.date.unwrap_or_else(|| "—".into())}</td>
                    <td>{l.entries.map(|n| n.to_string()).unwrap_or_else(|| "—".into())}</td>
                    <td>{match standing {
                        Some(st) => crate::list_standing::standing_words(i18n, st),
                        None => t_string!(i18n, records.standing_not_recorded).to_string(),
                    }}</td>
                    <td><code class="hash">{l.sha256.to_string()}</code></td>
                </tr>
            }
        })
        .collect_view();
    let results = screening
        .results
        .into_iter()
        .map(|r| {
            let outcome = match r.outcome {
                v1::ScreeningOutcome::NoListMatch => t_string!(i18n, screening.outcome_no_list_match),
                v1::ScreeningOutcome::Review => t_string!(i18n, screening.outcome_review),
                v1::ScreeningOutcome::PotentialMatch => {
                    t_string!(i18n, screening.outcome_potential_match)
                }
            };
            let party = r.party.clone();
            view! {
                <li data-party=party>
                    <code>{r.party}</code> ": " <strong>{outcome}</strong>
                    {(!r.summary.is_empty()).then(|| view! { <br /><span class="muted">{r.summary}</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <h3>{t!(i18n, records.summary_screening)}</h3>
        <div class="table-scroll">
            <table class="record-lists">
                <thead><tr>
                    <th scope="col">{t!(i18n, screening.col_list)}</th>
                    <th scope="col">{t!(i18n, screening.col_date)}</th>
                    <th scope="col">{t!(i18n, screening.col_entries)}</th>
                    <th scope="col">{t!(i18n, screening.col_standing)}</th>
                    <th scope="col">"SHA-256"</th>
                </tr></thead>
                <tbody>{lists}</tbody>
            </table>
        </div>
        <ul class="record-screening">{results}</ul>
    }
    .into_any()
}

fn record_summary(i18n: I18n, record: v1::Record) -> impl IntoView + use<> {
    let chain_cards =
        enduse::chain_status::cards_for_record(&record.transaction, &record.assessment.findings);
    let chain_exporter = (
        record.transaction.exporter.name.clone(),
        record.transaction.exporter.country,
    );
    let a = record.assessment;
    let no_findings = a.findings.is_empty();
    let findings = a
        .findings
        .into_iter()
        .map(|f| {
            let lowered = f.inherent_severity.map(|inherent| {
                view! {
                    <span class="muted lowered-from">
                        "(" {t!(i18n, records.summary_lowered_from)} " "
                        {rating_view(i18n, severity_rating(inherent))} ") "
                    </span>
                }
            });
            let mitigated = (!f.mitigated_by.is_empty()).then(|| {
                view! {
                    <p class="mitigated">
                        {t!(i18n, records.summary_mitigated_by)} " " {f.mitigated_by.join("; ")}
                    </p>
                }
            });
            view! {
                <li class="finding" data-rule=f.rule_id.to_string()>
                    {rating_view(i18n, severity_rating(f.severity))} " "
                    {lowered}
                    <strong>{f.title}</strong>
                    {mitigated}
                    <p>{f.explanation}</p>
                </li>
            }
        })
        .collect_view();
    let ruleset = format!(
        "{} {} · {}",
        record.ruleset.id, record.ruleset.version, record.ruleset.sha256
    );
    let signatory = if record.signatory.role.is_empty() {
        record.signatory.name
    } else {
        format!("{}, {}", record.signatory.name, record.signatory.role)
    };
    let exporter = record.transaction.exporter.name;
    let reference = record.transaction.reference;
    let screening = screening_view(i18n, record.screening);
    view! {
        <section class="record-summary">
            <h2>{t!(i18n, records.summary_heading)}</h2>
            <dl class="verify-facts">
                <dt>{t!(i18n, records.summary_reference)}</dt><dd>{reference}</dd>
                <dt>{t!(i18n, records.summary_exporter)}</dt><dd>{exporter}</dd>
                <dt>{t!(i18n, records.summary_rating)}</dt>
                <dd class="summary-rating">{rating_view(i18n, a.rating)}</dd>
                {a.inherent_rating.map(|inherent| view! {
                    <dt>{t!(i18n, records.summary_inherent)}</dt>
                    <dd class="summary-inherent">{rating_view(i18n, inherent)}</dd>
                })}
                <dt>{t!(i18n, records.summary_worst)}</dt><dd>{rating_view(i18n, a.worst_case)}</dd>
                <dt>{t!(i18n, records.summary_declaration)}</dt>
                <dd>{declaration_status_text(i18n, record.declaration_status)}</dd>
                <dt>{t!(i18n, records.summary_declarations_embedded)}</dt>
                <dd>{record.declarations.len()}</dd>
                <dt>{t!(i18n, records.summary_ruleset)}</dt><dd><code class="hash">{ruleset}</code></dd>
                <dt>{t!(i18n, records.summary_app_version)}</dt><dd>{record.app_version}</dd>
                <dt>{t!(i18n, records.summary_created)}</dt><dd>{created_text(&record.created)}</dd>
                <dt>{t!(i18n, records.summary_signatory)}</dt><dd>{signatory}</dd>
            </dl>
            <h3>{t!(i18n, records.summary_findings)}</h3>
            {no_findings.then(|| view! { <p>{t!(i18n, records.summary_no_findings)}</p> })}
            <ul class="record-findings">{findings}</ul>
            {screening}
            {(!chain_cards.is_empty()).then(|| view! {
                <crate::components::chain_view::ChainView
                    exporter=Signal::stored(chain_exporter)
                    cards=Signal::stored(chain_cards)
                    id="record-chain"
                />
            })}
        </section>
    }
}
