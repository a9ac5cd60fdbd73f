//! pySBD's 48 English "Golden Rules" for sentence boundary detection.
//! The data lives outside the crate and is absent on some machines.

use claimex::sentences::split;
use std::path::Path;

#[test]
fn passes_the_english_golden_rules() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/benchmarks/sbd-golden-rules-en.json");
    let Ok(json) = std::fs::read_to_string(&path) else {
        println!("golden rules: {} not found, skipping", path.display());
        return;
    };
    let rules: Vec<serde_json::Value> =
        serde_json::from_str(&json).expect("golden rules are valid JSON");
    let mut passed = 0;
    for rule in &rules {
        let text = rule["text"].as_str().expect("rule has text");
        let expected: Vec<&str> = rule["expected"]
            .as_array()
            .expect("rule has expected sentences")
            .iter()
            .map(|sentence| sentence.as_str().expect("sentence is a string"))
            .collect();
        let got: Vec<&str> = split(text).into_iter().map(|range| &text[range]).collect();
        if got == expected {
            passed += 1;
        } else {
            println!(
                "FAIL rule {} ({})\n  expected {expected:?}\n  got      {got:?}",
                rule["id"], rule["name"]
            );
        }
    }
    println!("golden rules: {passed}/{}", rules.len());
    assert!(passed >= 47, "golden rules: {passed}/{}", rules.len());
}
