//! The whole build from arbitrary progress text: see `checks::whole_build`.

#![no_main]

use std::sync::LazyLock;

use jianbao::render::pdf::FontLibrary;

// Each target uses one of the shared checks.
#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

static FONTS: LazyLock<FontLibrary> = LazyLock::new(|| FontLibrary::new(&[], false));

libfuzzer_sys::fuzz_target!(|text: &str| {
    checks::whole_build(text, &FONTS);
    // typst memoises every compilation; keep the cache from growing.
    typst::comemo::evict(10);
});
