//! Offline use: registers the service worker (`sw.js`) and tells the user when
//! a new version has taken over.
//!
//! The worker precaches every built file under a cache named after their
//! hashes (see `scripts/precache.mjs`), so after one visit the app starts with
//! no network. A new deployment changes `sw.js`; the browser installs it on the
//! next visit, the worker takes over at once, and the page shows "a new version
//! is available — reload". Drafts live in `localStorage`, which the worker
//! cannot touch, so updates never lose them.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::i18n::{t, use_i18n};

/// The worker script, at the site root so that its scope covers every route.
const WORKER: &str = "/sw.js";

/// Registers the worker and calls `on_update` when a newer version takes control
/// of a page that an older one was already controlling.
fn register(on_update: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    // Service workers exist only in secure contexts (https, localhost); elsewhere
    // the property is missing and the app simply works online only.
    let supported = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if !supported {
        return;
    }
    let container = navigator.service_worker();
    let had_controller = container.controller().is_some();
    if had_controller {
        let changed = Closure::<dyn Fn()>::new(on_update);
        container.set_oncontrollerchange(Some(changed.as_ref().unchecked_ref()));
        changed.forget();
    }
    let registration = container.register(WORKER);
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(registration).await {
            // Offline use is a convenience: say why it is off, keep the app running.
            leptos::logging::warn!("offline use unavailable: {e:?}");
        }
    });
}

/// Registers the service worker and shows a notice when an update is ready.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let i18n = use_i18n();
    let updated = RwSignal::new(false);
    register(move || updated.set(true));
    let reload = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    move || {
        updated.get().then(|| {
            view! {
                <div class="update-notice" role="status">
                    <span>{t!(i18n, hosting.update_available)}</span>
                    " "
                    <button type="button" class="button primary" on:click=reload>
                        {t!(i18n, hosting.update_reload)}
                    </button>
                </div>
            }
        })
    }
}
