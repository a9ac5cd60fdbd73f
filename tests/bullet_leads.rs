//! Bullet lists that continue the line leading them, run through the binary:
//! a subject named once (`The United States has:` then `- Delivered ...`,
//! on a line of its own or ending a paragraph),
//! or a clause whose last words the bullets name (`Turkey has exported
//! drones to more than 30 countries, among them:` then `- Azerbaijan`).

mod common;

use common::{csv_rows, run_in};

const FACT_SHEET: &str = "\
FACT SHEET: Partners in the Gulf of Guinea

Abuja, 4 March 2025

Since 2021, the United States has:
- Delivered twelve patrol boats to Nigeria.
- Signed a maritime security arrangement with Ghana.
- Ghana and Togo held joint patrols with Benin.

Japan
• Provided radar equipment to Côte d'Ivoire.
• Did not impose sanctions on Niger after the coup.

The European Union will:
- Deliver drones to Senegal.

Assistance to Nigeria:
- Delivered two helicopters in 2024.

Germany has trained officers from many countries.
- Trained coast guard crews from Benin.

Relations with Kenya date back to 1963. France has:
- Delivered two patrol boats to Kenya.

Turkey has exported drones to more than 30 countries, among them:
- Qatar, the first foreign customer, which ordered six in 2018
- Azerbaijan and Pakistan

Exports to the region:
- Poland and Romania
";

/// (subject relation object polarity) of every claim, sorted.
fn claims() -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("sheet.txt"), FACT_SHEET).unwrap();
    let out = run_in(dir.path(), &["run", "--out", "out", "sheet.txt"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let mut found: Vec<String> = csv_rows(&dir.path().join("out/claims.csv"))
        .into_iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r["subject"], r["relation"], r["object"], r["polarity"]
            )
        })
        .collect();
    found.sort();
    found
}

#[test]
fn fragments_take_the_subject_of_their_lead_and_nothing_else_does() {
    assert_eq!(
        claims(),
        [
            "AZE trades_with TUR affirmed",
            // `Ghana and Togo held joint patrols with Benin` has a subject of
            // its own and is read on its own.
            "BEN cooperates_with GHA affirmed",
            "BEN cooperates_with TGO affirmed",
            // A lead may end a paragraph of other sentences.
            "FRA supports KEN affirmed",
            "GHA cooperates_with USA affirmed",
            "JPN sanctions NER negated",
            "JPN supports CIV affirmed",
            "PAK trades_with TUR affirmed",
            "QAT trades_with TUR affirmed",
            // Selling arms is trade, and provides arms.
            "TUR supports AZE affirmed",
            "TUR supports PAK affirmed",
            "TUR supports QAT affirmed",
            "USA supports NGA affirmed",
            // Not: EU supports SEN (`will:` makes the list a plan); anything
            // from `Assistance to Nigeria:` (Nigeria is no subject there);
            // DEU supports BEN (the line before the bullet is a sentence
            // with its own object, not a lead); anything from `- Poland and
            // Romania` (its lead names no actor).
        ]
    );
}
