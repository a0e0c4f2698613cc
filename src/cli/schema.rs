//! `jianbao schema`: the JSON Schema of the progress file.

use super::Failure;

/// The schema as pretty-printed JSON.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(crate::progress::file::ProgressFile);
    serde_json::to_string_pretty(&schema).expect("a schema is plain JSON")
}

/// Prints the schema.
pub fn run() -> Result<(), Failure> {
    println!("{}", schema_json());
    Ok(())
}
