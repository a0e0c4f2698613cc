//! `jianbao outline`: the speech as the rest of jianbao sees it.

use std::path::Path;

use super::{Failure, load_speech};

/// Prints the outline tree (or JSON) of the speech.
pub fn run(speech: Option<&Path>, json: bool) -> Result<(), Failure> {
    let outline = load_speech(speech)?;
    if json {
        let text = serde_json::to_string_pretty(&outline)
            .expect("the outline holds only strings and lists");
        println!("{text}");
    } else {
        print!("{outline}");
    }
    Ok(())
}
