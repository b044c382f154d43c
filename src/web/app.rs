//! The application shell: translations, router, header, footer and error boundary.

use enduse::version::APP_VERSION;
use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::{Lazy, path};

use crate::host_config::{self, HostBrand, HostFooter, HostNotice};
use crate::i18n::{I18nContextProvider, t, t_string, use_i18n};
use crate::language::{self, LanguageSwitcher};
use crate::offline::UpdateNotice;
use crate::{active_ruleset, pages, routes};

/// The root component mounted on `<body>`.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <I18nContextProvider enable_cookie=false>
            <Router>
                <Shell />
            </Router>
        </I18nContextProvider>
    }
}

#[component]
fn Shell() -> impl IntoView {
    language::restore();
    host_config::apply_default_language();
    let i18n = use_i18n();
    let ruleset_label = move || {
        active_ruleset::label()
            .unwrap_or_else(|| t_string!(i18n, shell.footer_ruleset_pending).to_string())
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>{t!(i18n, shell.skip_to_content)}</a>
        <header class="site-header">
            <div class="brand">
                <A href="/" attr:class="brand-name">{t!(i18n, shell.app_name)}</A>
                <span class="tagline">{t!(i18n, shell.tagline)}</span>
                <HostBrand />
            </div>
            <LanguageSwitcher />
            <nav aria-label=move || t_string!(i18n, shell.nav_label).to_string()>
                <ul>
                    <li><A href="/" exact=true>{t!(i18n, shell.nav_home)}</A></li>
                    <li><A href="/assess">{t!(i18n, shell.nav_assess)}</A></li>
                    <li><A href="/screening">{t!(i18n, screening.nav)}</A></li>
                    <li><A href="/declare">{t!(i18n, shell.nav_declare)}</A></li>
                    <li><A href="/verify">{t!(i18n, shell.nav_verify)}</A></li>
                    <li><A href="/keys">{t!(i18n, keys.nav)}</A></li>
                    <li><A href="/sources">{t!(i18n, shell.nav_sources)}</A></li>
                </ul>
            </nav>
        </header>
        <pages::declare::DeclareLinkRedirect />
        <UpdateNotice />
        <main id="main" tabindex="-1">
            <HostNotice />
            <ErrorBoundary fallback=|errors| view! { <pages::error::ErrorPanel errors /> }>
                <Routes fallback=|| view! { <pages::not_found::NotFound /> }>
                    <Route path=path!("") view=pages::home::Home />
                    <Route path=path!("assess") view=pages::assess::Assess />
                    <Route path=path!("assess/:draft/:step") view={Lazy::<routes::AssessDraftRoute>::new()} />
                    <Route path=path!("screening") view={Lazy::<routes::ScreeningRoute>::new()} />
                    <Route path=path!("declare") view={Lazy::<routes::DeclareRoute>::new()} />
                    <Route path=path!("verify") view={Lazy::<routes::VerifyRoute>::new()} />
                    <Route path=path!("keys") view={Lazy::<routes::KeysRoute>::new()} />
                    <Route path=path!("sources") view={Lazy::<routes::SourcesRoute>::new()} />
                </Routes>
            </ErrorBoundary>
        </main>
        <footer class="site-footer">
            <HostFooter />
            <p>
                {t!(i18n, shell.footer_versions, app = || APP_VERSION, ruleset = ruleset_label)}
            </p>
            <p>{t!(i18n, shell.footer_privacy)}</p>
            <p>{t!(i18n, shell.footer_disclaimer)}</p>
        </footer>
    }
}

/// Moves focus to `<main>` without letting the router treat `#main` as a navigation.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        let _ = main.focus();
    }
}
