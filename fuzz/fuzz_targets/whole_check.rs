//! The whole check: see `alinea::fuzz::whole_check`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| alinea::fuzz::whole_check(data));
