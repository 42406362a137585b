//! The loader (js/loader.js) shows its states before the wasm runs, so it carries a
//! copy of its strings; `i18n::LOADER` is the table, and this keeps the copy equal.
#![cfg(not(target_arch = "wasm32"))]

use review_card::i18n::LOADER;

#[test]
fn the_loader_carries_the_string_table_s_loader_strings_for_every_locale() {
    let loader = include_str!("../js/loader.js");
    let start = loader
        .find("var TEXT = {")
        .expect("the loader has its TEXT table");
    let table = &loader[start..start + loader[start..].find("};").expect("the table ends")];
    for s in &LOADER {
        let entry = format!(
            "{}: {{ loading: \"{}\", failed: \"{}\", retry: \"{}\" }}",
            s.tag, s.loading, s.failed, s.retry
        );
        assert!(
            table.contains(&entry),
            "js/loader.js lacks {entry}\n{table}"
        );
    }
    assert_eq!(
        table.matches("loading:").count(),
        LOADER.len(),
        "no locale in the loader that the table lacks"
    );
}
