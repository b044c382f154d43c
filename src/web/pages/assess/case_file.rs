//! The results as a case file an auditor can keep: a dated note stating the
//! reference, when and with which app and ruleset it was made, the lists
//! searched (names, dates, entry counts, digests, and a warning when they
//! are the fictitious samples) with each party's outcome, the declarations
//! kept with the draft and their verdicts (who signed each, judged against
//! the key book in force), and every answer. Shown on screen
//! and printed with the results (the findings and missing information are
//! the results page's own sections).

use chrono::Utc;
use enduse::case_file::{ListSearched, answer_lines, any_sample, lists_for_note, note_time};
use enduse::evaluate::Assessment;
use enduse::lang::Lang;
use enduse::model::ScreeningOutcome;
use enduse::version::{APP_NAME, APP_VERSION};
use leptos::prelude::*;

use super::ctx::Ctx;
use crate::i18n::{t, t_string, use_i18n};
use crate::language;

/// The user's UTC offset in minutes, east positive (JS reports west positive).
fn offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

fn outcome_words(i18n: super::labels::I18n, outcome: ScreeningOutcome) -> String {
    match outcome {
        ScreeningOutcome::NoListMatch => t_string!(i18n, screening.outcome_no_list_match),
        ScreeningOutcome::Review => t_string!(i18n, screening.outcome_review),
        ScreeningOutcome::PotentialMatch => t_string!(i18n, screening.outcome_potential_match),
    }
    .to_string()
}

fn country(code: enduse::country::Country, lang: Lang) -> String {
    code.name(lang).to_string()
}

#[component]
pub fn CaseFile(
    ctx: Ctx,
    assessment: Memo<Result<Assessment, String>>,
    name: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Re-read whenever lists load, so the note names what was searched.
    let lists = move || -> Vec<ListSearched> {
        crate::screening_state::state()
            .index
            .with(|index| {
                index.as_ref().map(|i| {
                    lists_for_note(
                        i.lists(),
                        crate::screening_state::today(),
                        crate::screening_state::max_age_days(),
                    )
                })
            })
            .unwrap_or_default()
    };
    let header = move || {
        let reference = ctx.form.with(|f| f.tx.reference.clone());
        let ruleset = assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    format!(
                        "{} {} · SHA-256 {}",
                        a.ruleset.id, a.ruleset.version, a.ruleset.sha256
                    )
                })
                .unwrap_or_default()
        });
        view! {
            <dl class="case-facts">
                <dt>{t!(i18n, assess.case_reference)}</dt>
                <dd class="case-reference">{if reference.trim().is_empty() { "—".to_string() } else { reference }}</dd>
                <dt>{t!(i18n, assess.case_draft)}</dt><dd>{move || name.get()}</dd>
                <dt>{t!(i18n, assess.case_prepared)}</dt>
                <dd class="case-time">{note_time(Utc::now(), offset_minutes())}</dd>
                <dt>{t!(i18n, assess.case_app)}</dt><dd>{format!("{APP_NAME} {APP_VERSION}")}</dd>
                <dt>{t!(i18n, assess.case_ruleset)}</dt><dd><code class="hash">{ruleset}</code></dd>
            </dl>
        }
    };
    let screening = move || {
        let lists = lists();
        let lang = language::from_locale(i18n.get_locale());
        let (outcomes, judged) = ctx
            .form
            .with(|f| crate::screening_state::evidence_for(&f.tx));
        let counts = judged.as_ref().is_none_or(|j| j.clears());
        if lists.is_empty() {
            return view! { <p class="note case-not-screened">{t!(i18n, assess.case_not_screened)}</p> }
                .into_any();
        }
        let sample = any_sample(&lists);
        let party_name = move |party: enduse::model::PartyRef| {
            ctx.form.with(|f| {
                f.tx.parties()
                    .find(|(r, _)| *r == party)
                    .map(|(_, p)| {
                        let c = p.country.known().map(|c| country(*c, lang));
                        match c {
                            Some(c) => format!("{} ({c})", p.name),
                            None => p.name.clone(),
                        }
                    })
                    .unwrap_or_else(|| party.to_string())
            })
        };
        view! {
            <crate::components::sample_lists::SampleListsWarning />
            <div class="table-scroll">
                <table class="case-lists">
                    <thead><tr>
                        <th scope="col">{t!(i18n, assess.case_list_name)}</th>
                        <th scope="col">{t!(i18n, assess.case_list_date)}</th>
                        <th scope="col">{t!(i18n, assess.case_list_entries)}</th>
                        <th scope="col">{t!(i18n, screening.col_standing)}</th>
                        <th scope="col">"SHA-256"</th>
                    </tr></thead>
                    <tbody>
                        {lists.into_iter().map(|l| view! {
                            <tr data-sample=l.sample.to_string()>
                                <td>{l.name}</td>
                                <td>{l.date.unwrap_or_else(|| "—".into())}</td>
                                <td>{l.entries}</td>
                                <td data-standing=crate::list_standing::standing_tag(l.standing)>
                                    {crate::list_standing::standing_words(i18n, l.standing)}
                                </td>
                                <td><code class="hash">{l.sha256}</code></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <ul class="case-outcomes">
                {outcomes.into_iter().map(|o| view! {
                    <li data-party=o.party.to_string() data-outcome=format!("{:?}", o.outcome)>
                        <strong>{party_name(o.party)}</strong> ": " {outcome_words(i18n, o.outcome)}
                        {sample.then(|| view! { " " <em>{t!(i18n, assess.case_sample_short)}</em> })}
                        {(!counts && o.outcome == ScreeningOutcome::NoListMatch).then(|| view! {
                            " " <em class="not-counted">{t!(i18n, screening.no_match_not_counted)}</em>
                        })}
                        {(!o.summary.is_empty()).then(|| view! { <br /><span class="muted">{o.summary.clone()}</span> })}
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let declarations = move || {
        let lang = language::from_locale(i18n.get_locale());
        let opened = ctx.declarations.with(crate::key_book::open_declarations);
        if opened.responses.is_empty() {
            let requested = opened.requests.len();
            return view! {
                <p class="case-no-declaration">
                    {t_string!(i18n, assess.case_no_declaration, n = requested).to_string()}
                </p>
            }
            .into_any();
        }
        opened
            .responses
            .iter()
            .map(|kept| {
                let request_id = opened.requests[kept.request].body.request_id.to_string();
                let status = crate::components::record_actions::status_text(i18n, kept.check.status);
                let body = kept.check.response.as_ref().map(|r| (r.body.clone(), r.signer().map(str::to_string)));
                let shown_id = request_id.clone();
                let verdict = crate::components::key_book::verdict_line(i18n, &kept.check.signature, "case-verdict");
                view! {
                    <div class="case-declaration" data-request-id=request_id>
                        <p><strong>{shown_id}</strong> " · " {status}</p>
                        {body.map(|(b, signer)| view! {
                            <dl class="case-facts">
                                <dt>{t!(i18n, records.request_parties)}</dt>
                                <dd>{format!("{} ({})", b.customer.name, country(b.customer.country, lang))}</dd>
                                <dt>{t!(i18n, assess.case_end_user)}</dt>
                                <dd>{format!("{} ({})", b.end_user.name, country(b.end_user.country, lang))}</dd>
                                <dt>{t!(i18n, assess.case_end_use)}</dt>
                                <dd>{format!("{} ({})", b.end_use.description, country(b.end_use.country, lang))}</dd>
                                <dt>{t!(i18n, assess.case_signatory)}</dt>
                                <dd>{format!("{}, {} · {}", b.signatory.name, b.signatory.title, b.signatory.date)}</dd>
                                <dt>{t!(i18n, records.signature_label)}</dt>
                                <dd>{match signer {
                                    Some(fp) => view! { <code class="fingerprint">{fp}</code> }.into_any(),
                                    None => view! { {t!(i18n, assess.case_unsigned)} }.into_any(),
                                }}</dd>
                            </dl>
                        })}
                        {verdict}
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    let answers = move || {
        ctx.form.with(|f| answer_lines(&f.tx)).map_or_else(
            |e| view! { <p class="alert">{e.to_string()}</p> }.into_any(),
            |lines| {
                view! {
                    <dl class="case-answers">
                        {lines.into_iter().map(|(path, value)| view! {
                            <dt><code>{path}</code></dt><dd>{value}</dd>
                        }).collect_view()}
                    </dl>
                }
                .into_any()
            },
        )
    };
    view! {
        <section class="case-file" aria-labelledby="case-file-heading">
            <h2 id="case-file-heading">{t!(i18n, assess.case_heading)}</h2>
            {header}
            <h3>{t!(i18n, assess.case_screening)}</h3>
            {screening}
            <h3>{t!(i18n, assess.case_declarations)}</h3>
            {declarations}
            <details class="case-answers-box" open>
                <summary>{t!(i18n, assess.case_answers)}</summary>
                {answers}
            </details>
        </section>
    }
}
