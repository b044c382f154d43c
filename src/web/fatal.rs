//! Last-resort error display: a panic must never leave a blank page.
//!
//! Leptos' `ErrorBoundary` handles errors returned by views; a panic aborts the
//! wasm instance instead, so this hook writes a plain, trilingual notice straight
//! into the DOM (the translation system may be the thing that failed).

use std::panic;

use wasm_bindgen::JsCast;

/// Installs the hook; call first thing in `main`.
pub fn install_panic_hook() {
    panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

fn show(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_id("fatal");
    panel.set_class_name("fatal");
    let _ = panel.set_attribute("role", "alert");
    let lines = [
        ("h2", "End-Use Check stopped because of an internal error."),
        (
            "p",
            "Your saved drafts are kept in this browser. Reload the page to continue. \
             Приложение остановилось из-за внутренней ошибки; черновики сохранены, перезагрузите страницу. \
             Қолданба ішкі қатеге байланысты тоқтады; жобалар сақталған, бетті қайта жүктеңіз.",
        ),
        ("pre", detail),
    ];
    for (tag, text) in lines {
        if let Ok(el) = document.create_element(tag) {
            el.set_text_content(Some(text));
            let _ = panel.append_child(&el);
        }
    }
    if let Ok(button) = document.create_element("button") {
        button.set_text_content(Some("Reload / Перезагрузить / Қайта жүктеу"));
        let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
        reload.forget();
        let _ = panel.append_child(&button);
    }
    let _ = body.prepend_with_node_1(&panel);
}
