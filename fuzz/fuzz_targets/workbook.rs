//! The 台账 workbook reader on arbitrary bytes: see `checks::workbook`.

#![no_main]

// Each target uses one of the shared checks.
#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::workbook(bytes));
