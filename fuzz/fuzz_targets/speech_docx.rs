//! The speech reader on arbitrary `.docx`-like bytes (seeded with Word
//! documents, so the fuzzer mutates zip archives): see `checks::speech`.

#![no_main]

// Each target uses one of the shared checks.
#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::speech(bytes));
