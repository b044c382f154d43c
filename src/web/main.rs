//! The browser app: a thin Leptos shell over the `enduse` core.
//!
//! Views render state and forward events; every decision (rules, ratings,
//! screening, records, draft migration) is made by the core library so that the
//! CLI and the tests see exactly what the user sees.

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod fatal;
#[cfg(target_arch = "wasm32")]
mod i18n;
#[cfg(target_arch = "wasm32")]
mod language;
#[cfg(target_arch = "wasm32")]
mod pages;
#[cfg(target_arch = "wasm32")]
mod storage;

#[cfg(target_arch = "wasm32")]
fn main() {
    fatal::install_panic_hook();
    // The static "loading" notice in index.html stays until the app has started,
    // so a failed download or an old browser never leaves a blank page.
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "enduse-web is the browser app: build it with `./run build` (Trunk, wasm32). \
         The native command-line tool is `enduse`."
    );
    std::process::exit(2);
}
