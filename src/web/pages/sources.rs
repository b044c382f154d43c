//! Sources & method: every rule with its citations, generated from the active ruleset,
//! so a user sees exactly what is checked and on whose authority.
use enduse::lang::Lang;
use enduse::ruleset::{Citation, Rule, Ruleset, Severity};
use leptos::prelude::*;

use crate::active_ruleset;
use crate::i18n::{t, use_i18n};
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
    let hash = ruleset.sha256().to_string();
    let count = ruleset.rules().len();
    let rs = ruleset.clone();
    let rules = move || {
        let lang = language::current();
        rs.rules()
            .iter()
            .map(|rule| rule_view(rule, lang))
            .collect_view()
    };
    view! {
        <dl class="ruleset-facts">
            <dt>{t!(i18n, shell.sources_ruleset, id = move || id.clone(), version = move || version.clone())}</dt>
            <dd></dd>
            <dt>{t!(i18n, shell.sources_hash)}</dt>
            <dd><code class="hash">{hash}</code></dd>
            <dt>{t!(i18n, shell.sources_rule_count)}</dt>
            <dd>{count}</dd>
        </dl>
        <ul class="rules">{rules}</ul>
    }
}

fn rule_view(rule: &Rule, lang: Lang) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let severity = rule.severity();
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
            <p>{rule.explanation_source(lang).to_string()}</p>
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
