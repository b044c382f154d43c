//! The live risk panel beside the questionnaire, and the finding and
//! missing-information views it shares with the results page.

use enduse::evaluate::{Assessment, Finding, MissingInfo, MitigationUse, Rating};
use enduse::ruleset::{Citation, Severity};
use leptos::prelude::*;

use super::ctx::Ctx;
use super::labels::{self, I18n};
use super::steps::Step;
use crate::i18n::{t, t_string, use_i18n};
use crate::language;

/// The translated name of a rating.
pub fn rating_name(i18n: I18n, rating: Rating) -> String {
    match rating {
        Rating::Low => t_string!(i18n, assess.rating_low).to_string(),
        Rating::Medium => t_string!(i18n, assess.rating_medium).to_string(),
        Rating::High => t_string!(i18n, assess.rating_high).to_string(),
        Rating::Stop => t_string!(i18n, assess.rating_stop).to_string(),
    }
}

/// The rating as a coloured badge (the colour class is never the only cue: the word is there).
pub fn rating_badge(i18n: I18n, rating: Rating) -> impl IntoView {
    view! { <span class=format!("rating {}", rating.as_str())>{rating_name(i18n, rating)}</span> }
}

/// One citation: issuer, document, section, date, and the link as a no-referrer anchor.
pub fn citation_view(c: Citation, lang: enduse::lang::Lang) -> impl IntoView {
    let mut text = format!("{}, {}", c.issuer, c.document);
    if let Some(section) = &c.section {
        text.push_str(", ");
        text.push_str(section);
    }
    if let Some(date) = c.date {
        text.push_str(&format!(" ({date})"));
    }
    let note = c.note.as_ref().map(|n| n.get(lang).to_string());
    view! {
        <li class="citation">
            {text}
            {c.safe_link().map(|url| view! { " " <a href=url.to_string() rel="noreferrer noopener">{url.to_string()}</a> })}
            {note.map(|n| view! { <span class="muted">" — " {n}</span> })}
        </li>
    }
}

/// A finding as a `<details>`: title in the summary, then explanation, mitigations and sources.
pub fn finding_view(i18n: I18n, finding: Finding, open: bool) -> impl IntoView {
    let lang = language::current();
    let severity = finding.severity;
    let inherent = finding.inherent;
    let lowered_by = finding.mitigated_by.clone();
    let could_lower = finding.could_be_mitigated_by.clone();
    let mitigations = finding.mitigations.clone();
    let has_mitigations = !mitigations.is_empty();
    let citations = finding.citations.clone();
    view! {
        <li class="finding" data-rule=finding.rule.to_string()>
            <details open=open>
                <summary>
                    <span class=format!("severity {}", severity.as_str())>
                        {labels::severity(i18n, severity)}
                    </span>
                    " "
                    <span class="finding-title">{finding.title.clone()}</span>
                    " "
                    <span class="rule-id">{finding.rule.to_string()}</span>
                </summary>
                <p>{finding.explanation.clone()}</p>
                {mitigation_uses(i18n, severity, inherent, lowered_by, could_lower)}
                {has_mitigations.then(|| view! {
                    <h4>{t!(i18n, assess.mitigations)}</h4>
                    <ul>{mitigations.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                })}
                <h4>{t!(i18n, assess.citations)}</h4>
                <ul class="citations">
                    {citations.iter().cloned().map(|c| citation_view(c, lang)).collect_view()}
                </ul>
            </details>
        </li>
    }
}

/// Which recorded mitigating facts lowered a finding from its inherent
/// severity (or held at the rule's floor), and which further ones would: the
/// engine decided both; this only shows them.
fn mitigation_uses(
    i18n: I18n,
    severity: Severity,
    inherent: Severity,
    lowered_by: Vec<MitigationUse>,
    could_lower: Vec<MitigationUse>,
) -> impl IntoView {
    let items = |uses: Vec<MitigationUse>| {
        uses.into_iter()
            .map(|m| view! { <li data-mitigation=m.id.clone()>{m.title}</li> })
            .collect_view()
    };
    let lowered = (!lowered_by.is_empty()).then(|| {
        let heading = if severity < inherent {
            t_string!(
                i18n,
                assess.finding_lowered,
                inherent = labels::severity(i18n, inherent)
            )
            .to_string()
        } else {
            t_string!(i18n, assess.finding_at_floor).to_string()
        };
        view! {
            <div class="mitigated">
                <h4>{heading}</h4>
                <ul>{items(lowered_by)}</ul>
            </div>
        }
    });
    let further = (!could_lower.is_empty()).then(|| {
        view! {
            <div class="could-mitigate">
                <h4>{t!(i18n, assess.finding_could_lower)}</h4>
                <ul>{items(could_lower)}</ul>
            </div>
        }
    });
    view! { {lowered} {further} }
}

/// One unanswered question, linking to the step that asks it.
pub fn missing_view(i18n: I18n, ctx: Ctx, m: MissingInfo) -> impl IntoView {
    let reach = rating_name(i18n, m.could_reach);
    let note = t_string!(i18n, assess.missing_could_reach, rating = reach).to_string();
    let fact = m.fact.path();
    let link = Step::asking(&fact).map(|step| ctx.href(step));
    let label = labels::fact_label(i18n, &fact).unwrap_or_else(|| m.label());
    view! {
        <li class="missing" data-fact=fact>
            {match link {
                Some(href) => view! { <a href=href>{label}</a> }.into_any(),
                None => view! { <span>{label}</span> }.into_any(),
            }}
            " — "
            <span class="muted">{note}</span>
        </li>
    }
}

/// The panel: rating (announced politely), findings, and the missing answers that matter.
#[component]
pub fn RiskPanel(ctx: Ctx, assessment: Memo<Result<Assessment, String>>) -> impl IntoView {
    let i18n = use_i18n();
    let rating_line = move || match assessment.get() {
        Ok(a) => view! {
            {t!(i18n, assess.panel_rating)}
            " "
            {rating_badge(i18n, a.rating)}
        }
        .into_any(),
        Err(reason) => view! { <span class="alert">{reason}</span> }.into_any(),
    };
    let findings = move || {
        assessment.get().ok().map(|a| {
            if a.findings.is_empty() {
                view! { <p class="muted">{t!(i18n, assess.panel_no_findings)}</p> }.into_any()
            } else {
                view! {
                    <ul class="findings">
                        {a.findings.into_iter().map(|f| finding_view(i18n, f, false)).collect_view()}
                    </ul>
                }
                .into_any()
            }
        })
    };
    let missing = move || {
        assessment.get().ok().map(|a| {
            let (changing, other): (Vec<MissingInfo>, Vec<MissingInfo>) =
                a.missing.into_iter().partition(|m| m.changes_rating);
            let other_count = other.len();
            view! {
                {(!changing.is_empty()).then(|| view! {
                    <h3>{t!(i18n, assess.panel_missing)}</h3>
                    <ul class="missing-list">
                        {changing.into_iter().map(|m| missing_view(i18n, ctx, m)).collect_view()}
                    </ul>
                })}
                {(other_count > 0).then(|| view! {
                    <details class="missing-other">
                        <summary>{t_string!(i18n, assess.panel_missing_other, n = other_count).to_string()}</summary>
                        <ul class="missing-list">
                            {other.into_iter().map(|m| missing_view(i18n, ctx, m)).collect_view()}
                        </ul>
                    </details>
                })}
            }
        })
    };
    view! {
        <aside class="risk-panel" aria-labelledby="risk-panel-title">
            <h2 id="risk-panel-title">{t!(i18n, assess.panel_title)}</h2>
            <p class="rating-line" aria-live="polite" id="live-rating">{rating_line}</p>
            <h3>{t!(i18n, assess.panel_findings)}</h3>
            {findings}
            {missing}
        </aside>
    }
}
