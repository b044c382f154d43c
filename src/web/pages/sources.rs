//! Sources & method: every rule with its citations, generated from the active ruleset,
//! so a user sees exactly what is checked and on whose authority.
use enduse::lang::Lang;
use enduse::ruleset::{Citation, Rule, Ruleset, Severity};
use leptos::prelude::*;

use crate::active_ruleset;
use crate::i18n::{t, t_string, use_i18n};
use crate::language;

/// The translated name of a severity.
pub fn severity_name(severity: Severity) -> impl IntoView {
    let i18n = use_i18n();
    match severity {
        Severity::Low => t!(i18n, shell.severity_low).into_any(),
        Severity::Medium => t!(i18n, shell.severity_medium).into_any(),
        Severity::High => t!(i18n, shell.severity_high).into_any(),
        Severity::Stop => t!(i18n, shell.severity_stop).into_any(),
    }
}

#[component]
pub fn Sources() -> impl IntoView {
    let i18n = use_i18n();
    let body = match active_ruleset::get() {
        Ok(ruleset) => view! { <RulesetView ruleset /> }.into_any(),
        Err(reason) => view! {
            <p class="alert" role="alert">{t!(i18n, shell.sources_load_error, reason = move || reason.clone())}</p>
        }
        .into_any(),
    };
    view! {
        <section class="page sources">
            <h1>{t!(i18n, shell.sources_title)}</h1>
            <p class="lead">{t!(i18n, shell.sources_lead)}</p>
            {body}
        </section>
    }
}

#[component]
fn RulesetView(ruleset: std::sync::Arc<Ruleset>) -> impl IntoView {
    let i18n = use_i18n();
    let id = ruleset.id().to_string();
    let version = ruleset.version().to_string();
    // The line the core words ("Law as of DATE, ruleset version VERSION"):
    // the ruleset's date, which every assessment in the app applies.
    let updated = ruleset.updated();
    let law_version = version.clone();
    let law = move || enduse::law_as_of::line(updated, &law_version, language::current());
    let hash = ruleset.sha256().to_string();
    let count = ruleset.rules().len();
    let rs = ruleset.clone();
    let rules = move || {
        let lang = language::current();
        rs.rules()
            .iter()
            .map(|rule| rule_view(&rs, rule, lang))
            .collect_view()
    };
    view! {
        <dl class="ruleset-facts">
            <dt>{t!(i18n, shell.sources_ruleset, id = move || id.clone(), version = move || version.clone())}</dt>
            <dd class="law-as-of">{law}</dd>
            <dt>{t!(i18n, shell.sources_hash)}</dt>
            <dd><code class="hash">{hash}</code></dd>
            <dt>{t!(i18n, shell.sources_rule_count)}</dt>
            <dd>{count}</dd>
        </dl>
        <ul class="rules">{rules}</ul>
        <MitigationsView ruleset=ruleset.clone() />
    }
}

/// Every mitigating fact of the ruleset: what it lowers, by how much, on
/// whose authority.
#[component]
fn MitigationsView(ruleset: std::sync::Arc<Ruleset>) -> impl IntoView {
    let i18n = use_i18n();
    let items = move || {
        let lang = language::current();
        ruleset
            .mitigations()
            .iter()
            .map(|m| {
                let steps = m.steps;
                let citations = m.citations.clone();
                view! {
                    <li class="mitigation" id=format!("mitigation-{}", m.id)>
                        <h3>{m.title.get(lang).to_string()}</h3>
                        <p class="rule-id">{m.id.clone()} " · " {t!(i18n, shell.sources_steps, steps = steps)}</p>
                        <ul>{citations.into_iter().map(|c| citation_view(c, lang)).collect_view()}</ul>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <h2 id="mitigations">{t!(i18n, shell.sources_mitigations_title)}</h2>
        <p>{t!(i18n, shell.sources_mitigations_lead)}</p>
        <ul class="mitigations">{items}</ul>
    }
}

fn rule_view(ruleset: &Ruleset, rule: &Rule, lang: Lang) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let severity = rule.severity();
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
    let dates = (rule.applies_from().is_some()
        || rule.applies_until().is_some()
        || rule.reviewed().is_some())
    .then(|| {
        let open = || t_string!(i18n, shell.sources_date_open).to_string();
        let from = date(rule.applies_from()).unwrap_or_else(open);
        let until = date(rule.applies_until()).unwrap_or_else(open);
        let reviewed = date(rule.reviewed()).unwrap_or_else(open);
        view! {
            <p class="rule-dates">
                {t!(i18n, shell.sources_dates, from = from, until = until, reviewed = reviewed)}
            </p>
        }
    });
    let lowered_by: Vec<(String, String)> = rule
        .mitigated_by()
        .iter()
        .filter_map(|&i| ruleset.mitigations().get(i))
        .map(|m| (m.id.to_string(), m.title.get(lang).to_string()))
        .collect();
    let floor = rule.floor();
    let lowering = if lowered_by.is_empty() {
        view! { <p class="muted">{t!(i18n, shell.sources_never_lowered)}</p> }.into_any()
    } else {
        let floor_name = move || match floor {
            Severity::Low => t_string!(i18n, shell.severity_low).to_string(),
            Severity::Medium => t_string!(i18n, shell.severity_medium).to_string(),
            Severity::High => t_string!(i18n, shell.severity_high).to_string(),
            Severity::Stop => t_string!(i18n, shell.severity_stop).to_string(),
        };
        view! {
            <h3>{t!(i18n, shell.sources_lowered_by, floor = floor_name)}</h3>
            <ul class="lowered-by">
                {lowered_by.into_iter().map(|(id, title)| view! {
                    <li data-mitigation=id>{title}</li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let mitigations: Vec<String> = rule.mitigations(lang).map(str::to_string).collect();
    let citations: Vec<Citation> = rule.citations().to_vec();
    view! {
        <li class="rule" id=format!("rule-{}", rule.id())>
            <h2>
                <span class=format!("severity {}", severity.as_str())>{severity_name(severity)}</span>
                " "
                {rule.title(lang).to_string()}
            </h2>
            <p class="rule-id">{rule.id().to_string()}</p>
            {dates}
            <p>{rule.explanation_source(lang).to_string()}</p>
            {lowering}
            <h3>{t!(i18n, shell.sources_citations)}</h3>
            <ul>{citations.into_iter().map(|c| citation_view(c, lang)).collect_view()}</ul>
            <h3>{t!(i18n, shell.sources_mitigations)}</h3>
            <ul>{mitigations.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
        </li>
    }
}

fn citation_view(c: Citation, lang: Lang) -> impl IntoView {
    let text = {
        let mut s = format!("{}, {}", c.issuer, c.document);
        if let Some(section) = &c.section {
            s.push_str(", ");
            s.push_str(section);
        }
        if let Some(date) = c.date {
            s.push_str(&format!(" ({date})"));
        }
        s
    };
    let note = c.note.as_ref().map(|n| n.get(lang).to_string());
    view! {
        <li>
            {text}
            {c.safe_link().map(|url| view! { " — " <a href=url.to_string() rel="noreferrer noopener" target="_blank">{url.to_string()}</a> })}
            {note.map(|n| view! { <span class="muted">" — " {n}</span> })}
        </li>
    }
}
