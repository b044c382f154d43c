//! The host's `config.json`: fetched once before the app mounts, then applied.
//!
//! Loading finishes *before* the first render (the static "loading" notice in
//! `index.html` stays up meanwhile), so the ruleset override is in place before
//! anything is evaluated and nothing ever has to be re-evaluated. It is one
//! small same-origin request, answered from the service worker's cache when
//! offline.
//!
//! Failure is never fatal: a missing file (404) means "no configuration" and is
//! silent; a broken file, or a ruleset override that does not load, leaves the
//! defaults in place and lists the problems in a visible, translated notice.

use std::cell::OnceCell;
use std::rc::Rc;

use enduse::config::{CONFIG_FILE, HostConfig};
use enduse::lang::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{t, use_i18n};
use crate::{active_ruleset, language};

use crate::site::BASE;

/// What start-up learned about the host's configuration.
#[derive(Debug, Default)]
pub struct HostState {
    /// The configuration in force (the default when absent or invalid).
    pub config: HostConfig,
    /// Problems with `config.json` itself; non-empty means the defaults are used.
    pub config_problems: Vec<String>,
    /// Why the ruleset override was not used, if it was not.
    pub ruleset_problem: Option<String>,
}

thread_local! {
    static STATE: OnceCell<Rc<HostState>> = const { OnceCell::new() };
}

/// The state installed at start-up (defaults before that).
pub fn current() -> Rc<HostState> {
    STATE.with(|s| s.get().cloned()).unwrap_or_default()
}

/// Fetches and validates `config.json` and any ruleset override, applies the
/// colours and the ruleset, and records the outcome for the views.
pub async fn load_and_apply() {
    let mut state = HostState::default();
    match crate::site::get_text(CONFIG_FILE).await {
        Ok(None) => {}
        Ok(Some(text)) => match HostConfig::from_json(&text) {
            Ok(config) => state.config = config,
            Err(e) => state.config_problems = e.problems(),
        },
        Err(reason) => state.config_problems = vec![reason],
    }
    if let Some(path) = state.config.ruleset.clone() {
        match active_ruleset::fetch(path.as_str()).await {
            Ok(ruleset) => active_ruleset::install_override(ruleset),
            Err(reason) => state.ruleset_problem = Some(reason),
        }
    }
    apply_colours(&state.config);
    STATE.with(|s| {
        let _ = s.set(Rc::new(state));
    });
}

/// Sets `--brand` and friends through the CSSOM, which the CSP allows (a style
/// attribute or `<style>` element would be blocked by `style-src 'self'`).
fn apply_colours(config: &HostConfig) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    for (property, value) in config.colours.css_properties() {
        let _ = style.set_property(property, &value);
    }
}

/// Shows the user's saved language, else the host's default language.
///
/// Runs in an effect: leptos_i18n's provider resets the locale from its own
/// initial value in an effect of its own, which would undo a `set_locale` made
/// while the shell is being built. Effects run in creation order, so this one,
/// created after the provider's, has the last word. It reads no signal, so it
/// runs once.
pub fn apply_default_language() {
    let i18n = use_i18n();
    Effect::new(move |_| {
        if let Some(lang) = language::saved().or(current().config.default_language) {
            i18n.set_locale(language::to_locale(lang));
        }
    });
}

/// Logo and organisation name for the header; nothing when unconfigured.
#[component]
pub fn HostBrand() -> impl IntoView {
    let state = current();
    let logo = state.config.logo.clone();
    let has_name = state.config.organisation.is_some();
    let name = move || {
        current()
            .config
            .organisation_name(language::current())
            .map(str::to_string)
    };
    view! {
        {logo.map(|logo| view! { <img class="host-logo" src=format!("{BASE}{logo}") alt="" /> })}
        {has_name.then(|| view! { <span class="host-name">{name}</span> })}
    }
}

/// The visible notice listing configuration problems; nothing when all is well.
#[component]
pub fn HostNotice() -> impl IntoView {
    let i18n = use_i18n();
    let state = current();
    let config_problems = state.config_problems.clone();
    let ruleset_problem = state.ruleset_problem.clone();
    let config_view = (!config_problems.is_empty()).then(|| {
        view! {
            <div class="alert host-notice" role="alert">
                <p><strong>{t!(i18n, hosting.config_invalid)}</strong></p>
                <ul>{config_problems.into_iter().map(|p| view! { <li><code>{p}</code></li> }).collect_view()}</ul>
            </div>
        }
    });
    let ruleset_view = ruleset_problem.map(|reason| {
        view! {
            <div class="alert host-notice" role="alert">
                <p><strong>{t!(i18n, hosting.ruleset_invalid)}</strong></p>
                <p><code>{reason}</code></p>
            </div>
        }
    });
    view! { {config_view} {ruleset_view} }
}

/// The host's guidance and contact details for the footer; nothing when unconfigured.
#[component]
pub fn HostFooter() -> impl IntoView {
    let i18n = use_i18n();
    let state = current();
    if state.config.guidance.is_none() && state.config.contact.is_none() {
        return None;
    }
    let text_in = |lang: Lang| {
        let state = current();
        let guidance = state
            .config
            .guidance
            .as_ref()
            .map(|g| g.get(lang).to_string());
        let contact = state
            .config
            .contact
            .as_ref()
            .and_then(|c| c.text.as_ref())
            .map(|t| t.get(lang).to_string());
        (guidance, contact)
    };
    let guidance = move || {
        text_in(language::current())
            .0
            .map(|g| view! { <p class="host-guidance">{g}</p> })
    };
    let contact_text = move || {
        text_in(language::current())
            .1
            .map(|c| view! { <span>{c}</span> " " })
    };
    let contact = state.config.contact.clone();
    let email = contact.as_ref().and_then(|c| c.email.clone());
    let url = contact.as_ref().and_then(|c| c.url.clone());
    Some(view! {
        <section class="host-info" aria-labelledby="host-info-title">
            <h2 id="host-info-title">{t!(i18n, hosting.host_info_title)}</h2>
            {guidance}
            {contact.is_some().then(|| view! {
                <p class="host-contact">
                    {contact_text}
                    {email.map(|e| view! { <a href=e.mailto()>{e.as_str().to_string()}</a> " " })}
                    {url.map(|u| view! {
                        <a href=u.as_str().to_string() rel="noreferrer noopener" target="_blank">{u.as_str().to_string()}</a>
                    })}
                </p>
            })}
        </section>
    })
}
