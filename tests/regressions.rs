//! Sentences that once broke extraction, each named after the bug it pins.

use claimex::pipeline::{Engine, Limits};
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::load(None, Limits::default()).unwrap());

fn claims(sentence: &str) -> Vec<String> {
    let text = claimex::normalize::fold_str(sentence);
    let mentions = ENGINE.tagger.tag_sentence(&text);
    ENGINE
        .extractor
        .extract(ENGINE.lexicon(), &text, 0..text.len(), 0, &mentions)
        .into_iter()
        .map(|c| {
            format!(
                "{} {} {} {}",
                c.subject,
                c.relation,
                c.object,
                c.polarity.as_str()
            )
        })
        .collect()
}

fn sorted_claims(sentence: &str) -> Vec<String> {
    let mut found = claims(sentence);
    found.sort();
    found
}

#[test]
fn possessive_agent_does_not_run_past_a_preposition_into_a_title() {
    assert_eq!(
        claims("France's support for Emir Tamim has grown."),
        ["FRA supports QAT affirmed"]
    );
}

#[test]
fn title_before_a_name_does_not_overlap_an_agent_phrase() {
    let found = claims(
        "U.S. President Donald Trump hosted Azerbaijani President Ilham Aliyev at the White House.",
    );
    assert_eq!(found, ["AZE negotiates_with USA affirmed"]);
}

#[test]
fn title_after_a_coordinated_name_is_not_swallowed() {
    let found = claims(
        "After President Trump and President Xi Jinping met in Busan, Beijing suspended the measures.",
    );
    assert_eq!(found, ["CHN negotiates_with USA affirmed"]);
}

#[test]
fn a_relative_clause_aside_ends_at_its_own_comma() {
    let found = claims(
        "China, whose state oil company developed Niger's oil field, has kept trading with Niamey, even after a dispute.",
    );
    assert!(
        found.contains(&"CHN trades_with NER affirmed".to_string()),
        "{found:?}"
    );
}

#[test]
fn two_item_comma_coordination_is_not_a_list() {
    let found = claims(
        "Saudi forces fly drones purchased from Beijing, and U.S. intelligence concluded that Riyadh was building missiles.",
    );
    assert!(!found.iter().any(|c| c.contains("USA")), "{found:?}");
}

#[test]
fn an_abbreviation_heads_a_list_of_demonyms() {
    let found = claims("Houthi attacks prompted U.S. and British strikes on Yemen.");
    assert_eq!(
        found,
        ["USA attacks YEM affirmed", "GBR attacks YEM affirmed"]
    );
}

#[test]
fn an_abbreviation_in_a_list_of_names_stays_a_name() {
    let found =
        claims("QUAD encompasses loose coordination among the U.S., Japan, India, and Australia.");
    assert_eq!(found.len(), 4, "{found:?}");
}

#[test]
fn a_name_that_only_locates_something_is_no_actor() {
    assert_eq!(
        claims("New Delhi blamed Pakistan-based groups for the attack."),
        Vec::<String>::new()
    );
}

#[test]
fn a_negative_determiner_on_the_object_denies_the_relation() {
    assert_eq!(
        claims("Japan concluded no agreement with Libya."),
        ["JPN cooperates_with LBY negated"]
    );
}

#[test]
fn a_head_of_state_visit_is_a_meeting() {
    assert_eq!(
        claims("President Lula visited Beijing in May."),
        ["BRA negotiates_with CHN affirmed"]
    );
}

#[test]
fn a_sentence_that_opens_with_a_recommendation_states_no_claim() {
    assert_eq!(
        claims("33. The Committee recommends that Japan consult closely with Turkey."),
        Vec::<String>::new()
    );
    assert_eq!(
        claims("The Committee notes that Japan consulted closely with Turkey."),
        ["JPN negotiates_with TUR affirmed"]
    );
}

#[test]
fn a_group_named_with_mostly_outsiders_is_another_group_of_that_name() {
    // The Sudan Quad shares its name with the Indo-Pacific one.
    assert_eq!(
        claims(
            "In September 2025 the Quad -- the United States, Saudi Arabia, the UAE and Egypt -- proposed a truce."
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        claims(
            "In March 2021 the Quad -- the United States, Japan, India and Australia -- held its first summit."
        ),
        [
            "USA member_of QUAD affirmed",
            "JPN member_of QUAD affirmed",
            "IND member_of QUAD affirmed",
            "AUS member_of QUAD affirmed"
        ]
    );
    // Former members are outsiders too, and their departure stays a claim.
    assert_eq!(
        claims("Mali, Burkina Faso and Niger left ECOWAS in January 2025."),
        [
            "MLI member_of ECOWAS negated",
            "BFA member_of ECOWAS negated",
            "NER member_of ECOWAS negated"
        ]
    );
}

#[test]
fn a_participle_after_an_object_belongs_to_the_clause_subject() {
    assert_eq!(
        claims("Mali broke off relations with Ukraine, accusing Algeria of supporting terrorism."),
        ["MLI condemns DZA affirmed"]
    );
    // The agent of a resolution acts through it.
    assert_eq!(
        claims(
            "The Assembly adopted a resolution, tabled by Georgia, urging Russia to withdraw its troops."
        ),
        ["GEO pressures RUS affirmed"]
    );
}

#[test]
fn two_names_closed_by_and_others_are_a_list() {
    assert_eq!(
        claims(
            "Finland coordinates its deliveries with the United States, the United Kingdom and other donors."
        ),
        [
            "FIN cooperates_with USA affirmed",
            "FIN cooperates_with GBR affirmed"
        ]
    );
}

#[test]
fn a_name_inside_a_relative_clause_is_not_the_main_verbs_subject() {
    let found = claims(
        "Fico, who had travelled to Moscow to meet Vladimir Putin in December 2024, accused President Volodymyr Zelensky of harming Slovak interests.",
    );
    assert!(
        found.contains(&"SVK condemns UKR affirmed".to_string()),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|c| c.starts_with("RUS condemns")),
        "{found:?}"
    );
}

#[test]
fn a_negated_cleft_denies_its_focus() {
    let found =
        claims("It was not NATO aircraft that entered Estonian airspace without a flight plan.");
    assert!(found.iter().all(|c| !c.ends_with("affirmed")), "{found:?}");
}

#[test]
fn a_demonym_coordinated_with_a_regional_adjective_still_heads_an_agent_phrase() {
    let found =
        claims("Moldovan and Western officials have accused Russia of a sustained campaign.");
    assert_eq!(found, ["MDA condemns RUS affirmed"]);
}

#[test]
fn a_name_governed_by_a_preposition_is_no_verbs_subject() {
    let found = claims(
        "Over the past decade Ankara has stayed inside NATO while buying air-defence missiles from Moscow.",
    );
    assert!(!found.iter().any(|c| c.starts_with("NATO ")), "{found:?}");
}

#[test]
fn a_last_conjunct_naming_no_actor_still_ends_a_list() {
    assert_eq!(
        claims("In 1949 the United States, Canada and ten European countries founded NATO."),
        ["USA member_of NATO affirmed", "CAN member_of NATO affirmed"]
    );
    assert_eq!(
        claims("India and other developing countries have refused to condemn Russia."),
        ["IND condemns RUS negated"]
    );
    assert_eq!(
        claims(
            "Mauritius is a member of the United Nations, the African Union, SADC and the Indian Ocean Commission."
        ),
        [
            "MUS member_of UN affirmed",
            "MUS member_of AU affirmed",
            "MUS member_of SADC affirmed"
        ]
    );
}

#[test]
fn a_possessive_conjunct_does_not_make_a_clause_boundary_a_list() {
    let found = claims(
        "Years after Russia invaded Ukraine, the United Kingdom and its partners remain committed to helping Ukraine.",
    );
    assert!(
        !found.contains(&"RUS attacks GBR affirmed".to_string()),
        "{found:?}"
    );
}

#[test]
fn a_list_that_wages_war_against_an_object_does_not_fight_itself() {
    let found = claims("Argentina, Brazil and Uruguay waged war against Paraguay in 1864.");
    assert_eq!(
        found,
        [
            "ARG attacks PRY affirmed",
            "BRA attacks PRY affirmed",
            "URY attacks PRY affirmed"
        ]
    );
}

#[test]
fn a_multibyte_character_right_after_a_name_does_not_split_the_match() {
    // Templates are byte regexes: a class such as `[^-]` after a slot once
    // ended a match inside a four-byte character, and slicing there panicked.
    let found = claims("Russia attacked Ukraine\u{94a2c} in 2022.");
    assert!(found.iter().all(|c| !c.is_empty()), "{found:?}");
    let found = claims("Russia attacked Ukraine\u{1F600}.");
    assert!(found.iter().all(|c| !c.is_empty()), "{found:?}");
}

/// A group followed by its known members in apposition was read as a list
/// of partners, and the members met "with" their own group.
#[test]
fn members_in_apposition_to_their_group_are_members_not_partners() {
    let mut found = claims(
        "The foreign ministers of the Weimar Triangle, France, Germany and Poland, met in Warsaw.",
    );
    found.sort();
    assert_eq!(
        found,
        [
            "DEU member_of WEIMAR_TRIANGLE affirmed",
            "FRA member_of WEIMAR_TRIANGLE affirmed",
            "POL member_of WEIMAR_TRIANGLE affirmed",
        ]
    );
    // Without the closing comma it is a list of three actors.
    let mut found = claims("The EU, Germany and France pledged aid to Ukraine.");
    found.sort();
    assert_eq!(
        found,
        [
            "DEU supports UKR affirmed",
            "EU supports UKR affirmed",
            "FRA supports UKR affirmed",
        ]
    );
}

/// A list marked as the group itself (a dash pair, `namely`, `meaning`,
/// `GROUP of`): its states are the group's members.
#[test]
fn members_after_a_marked_apposition_are_members_of_the_group() {
    for sentence in [
        "In 2025 the G20--Brazil, Argentina and Mexico--issued a statement.",
        "At the G20, namely Brazil, Argentina and Mexico, the talks went on.",
        "The G20 of Brazil, Argentina and Mexico issued a statement.",
    ] {
        assert_eq!(
            sorted_claims(sentence),
            [
                "ARG member_of G20 affirmed",
                "BRA member_of G20 affirmed",
                "MEX member_of G20 affirmed",
            ],
            "{sentence}"
        );
    }
    // A list with a group in it is not the group's membership.
    assert!(claims("The G20--Brazil and the EU--issued a statement.").is_empty());
}

/// `the two governments` named no actor, so a claim whose parties the
/// sentence had just named was lost; it now refers back to them, but only
/// when exactly two actors of the noun's kind come before it.
#[test]
fn the_two_countries_refers_back_to_the_two_actors_named_before_it() {
    assert_eq!(
        sorted_claims(
            "When Modi travelled to Colombo, the two governments signed a defence cooperation memorandum."
        ),
        [
            "IND cooperates_with LKA affirmed",
            "IND negotiates_with LKA affirmed"
        ]
    );
    assert_eq!(
        sorted_claims(
            "Prabowo met Biden at the White House after leaving Beijing, and the two leaders reaffirmed their strategic partnership."
        ),
        [
            "IDN cooperates_with USA affirmed",
            "IDN negotiates_with USA affirmed"
        ]
    );
    // Three candidates: no antecedent is chosen.
    assert!(
        !claims("Muizzu visited Ankara and then Beijing, where the two governments signed a security agreement.")
            .iter()
            .any(|c| c.contains("cooperates_with"))
    );
    // Pointing forward, or `on both sides`, is left alone.
    assert!(
        claims("The two countries signed a defence pact, making Japan India's closest partner.")
            .is_empty()
    );
    assert!(
        !claims("Pakistan and Afghanistan traded fire, and soldiers on both sides signed a truce.")
            .iter()
            .any(|c| c.contains("cooperates_with"))
    );
}

/// `the foreign minister of Tunisia` named Tunisia's agent only before a
/// verb; as an object it hid the state from every pattern.
#[test]
fn the_agent_of_a_state_after_a_verb_is_that_state() {
    assert_eq!(
        claims("Algiers met the foreign minister of Tunisia in May."),
        ["DZA negotiates_with TUN affirmed"]
    );
    assert_eq!(
        sorted_claims("Algiers convened consultations with the leaders of Tunisia and Libya."),
        [
            "DZA negotiates_with LBY affirmed",
            "DZA negotiates_with TUN affirmed"
        ]
    );
    // The phrase never joins the slot before it into a list.
    assert!(
        !claims("After the invasion of Ukraine, the parliaments of Lithuania and Latvia condemned Russia.")
            .iter()
            .any(|c| c.starts_with("UKR"))
    );
}

/// `accused India of backing the Afghan side` states India's act as the
/// accuser's claim: it is read, and attributed to the accuser.
#[test]
fn an_accusation_is_read_as_the_accusers_claim() {
    let sentence = "Islamabad has accused India of backing the Afghan side.";
    let text = claimex::normalize::fold_str(sentence);
    let mentions = ENGINE.tagger.tag_sentence(&text);
    let found = ENGINE
        .extractor
        .extract(ENGINE.lexicon(), &text, 0..text.len(), 0, &mentions);
    let backing = found
        .iter()
        .find(|c| c.relation == "supports")
        .expect("IND supports AFG");
    assert_eq!(
        (backing.subject.0.as_str(), backing.object.0.as_str()),
        ("IND", "AFG")
    );
    assert_eq!(
        backing.attributed_to.as_ref().map(|a| a.0.as_str()),
        Some("PAK")
    );
}

/// A demonym phrase after `and` that opens a clause of its own is no
/// second object of the verb before it.
#[test]
fn a_later_demonym_that_opens_a_clause_is_no_conjunct() {
    assert_eq!(
        claims("Japan condemned Russian strikes overnight and Chinese officials stayed silent."),
        ["JPN condemns RUS affirmed"]
    );
}

/// sentence's start from the readings, and the members meeting under the
/// group's presidency were lost.
#[test]
fn a_paragraph_number_does_not_hide_the_start_of_a_sentence() {
    let mut found = claims(
        "1. We, the Foreign Ministers of France, Italy and Japan, and the High Representative of the European Union, met in Niagara under Canada's G7 Presidency.",
    );
    found.sort();
    assert_eq!(
        found,
        // The EU's High Representative is one of the speakers, all of whom
        // meet as the group.
        [
            "CAN member_of G7 affirmed",
            "EU member_of G7 affirmed",
            "FRA member_of G7 affirmed",
            "ITA member_of G7 affirmed",
            "JPN member_of G7 affirmed",
        ]
    );
}

/// A demonym coordinated with an actor's agent phrase was left out of the
/// list: `American and NATO forces` named only NATO's forces.
#[test]
fn a_demonym_shares_the_head_noun_of_a_coordinated_agent_phrase() {
    let mut found =
        claims("Pakistan provided overflight rights and air bases to American and NATO forces.");
    found.sort();
    assert_eq!(
        found,
        ["PAK supports NATO affirmed", "PAK supports USA affirmed"]
    );
}

#[test]
fn modifiers_between_the_article_and_an_agent_noun_join_the_agent() {
    assert_eq!(
        sorted_claims("Moscow sent instructors to the new military authorities in Niamey."),
        ["RUS supports NER affirmed"]
    );
    assert_eq!(
        sorted_claims("Ankara became the main backer of the new government of Syria."),
        ["TUR supports SYR affirmed"]
    );
}

#[test]
fn a_member_state_is_no_agent_of_the_group_it_belongs_to() {
    assert_eq!(
        sorted_claims(
            "We welcomed the admission of Timor-Leste as the eleventh member state of ASEAN."
        ),
        ["TLS member_of ASEAN affirmed"]
    );
}

/// `as did X` and `so did X` put the auxiliary first; only claims said of
/// the clause's subject carry over, not those of a phrase in its object.
#[test]
fn an_inverted_elliptical_clause_repeats_only_the_subjects_predicate() {
    assert_eq!(
        sorted_claims("China condemned the US strikes on Venezuela, as did Brazil."),
        [
            "BRA condemns USA affirmed",
            "CHN condemns USA affirmed",
            "USA attacks VEN affirmed"
        ]
    );
    assert_eq!(
        sorted_claims("Mali left ECOWAS in 2024, and so did Niger."),
        [
            "MLI member_of ECOWAS negated",
            "NER member_of ECOWAS negated"
        ]
    );
}

#[test]
fn an_elliptical_clause_repeats_the_predicate_for_its_subject() {
    assert_eq!(
        sorted_claims("Mali severed diplomatic relations with Ukraine, and Niger followed."),
        ["MLI condemns UKR affirmed", "NER condemns UKR affirmed"]
    );
    // Without a comma the last conjunct is still no object of the first clause.
    assert_eq!(
        sorted_claims(
            "Mali severed diplomatic relations with Ukraine and Niger followed days later."
        ),
        ["MLI condemns UKR affirmed", "NER condemns UKR affirmed"]
    );
    // A list after the conjunction is the elliptical subject as a whole.
    assert_eq!(
        sorted_claims("Mali left ECOWAS in 2024, and Burkina Faso and Niger did the same."),
        [
            "BFA member_of ECOWAS negated",
            "MLI member_of ECOWAS negated",
            "NER member_of ECOWAS negated"
        ]
    );
    // No ellipsis, no copy: a plain list object stays a list.
    assert_eq!(
        sorted_claims("Russia attacked Ukraine and Georgia."),
        ["RUS attacks GEO affirmed", "RUS attacks UKR affirmed"]
    );
}

#[test]
fn a_named_body_owned_by_an_actor_is_its_agent() {
    assert_eq!(
        sorted_claims("The Russian Defence Ministry's Africa Corps has sent instructors to Niger."),
        ["RUS supports NER affirmed"]
    );
    assert_eq!(
        sorted_claims(
            "Turkey signed a maritime memorandum with Libya's Government of National Accord."
        ),
        ["LBY cooperates_with TUR affirmed"]
    );
    // A product is no body: `bought Israel's SPYDER` still names the seller.
    assert_eq!(
        claims("Abu Dhabi has bought Israel's SPYDER and Barak air defence systems."),
        ["ARE trades_with ISR affirmed"]
    );
}

#[test]
fn a_verb_reverses_the_noun_phrase_its_actor_opens() {
    assert_eq!(
        claims("The Act lifted a decades-old US arms embargo on Cyprus."),
        ["USA sanctions CYP negated"]
    );
    assert_eq!(
        claims("Washington lifted its remaining embargo on arms sales to Vietnam."),
        ["USA supports VNM affirmed"]
    );
    assert_eq!(
        claims(
            "Aoun called on the international community to intervene to stop Israeli attacks on Lebanon."
        ),
        ["ISR attacks LBN affirmed"]
    );
}

#[test]
fn a_membership_opposed_is_not_held() {
    assert_eq!(
        claims("Ankara has long opposed Sweden's NATO membership."),
        ["TUR condemns SWE affirmed"]
    );
}

#[test]
fn a_second_predicate_found_in_a_later_reading_keeps_its_own_polarity() {
    // `it has backed Caracas` is found only once the shared subject is
    // restored; its cue word is in no match of the negated clause.
    assert_eq!(
        sorted_claims(
            "Russia has not formally endorsed Venezuela's claim, but it has backed Caracas diplomatically."
        ),
        ["RUS supports VEN affirmed", "RUS supports VEN negated"]
    );
    // A reading that drops the reversal (`paused part of its aid to Y` read
    // as `its aid to Y`) restates a word of the negated match: no opposite.
    assert_eq!(
        sorted_claims("The United States paused part of its aid to Ethiopia."),
        ["USA supports ETH negated"]
    );
}

#[test]
fn the_purpose_of_an_instrument_is_its_users_act() {
    assert_eq!(
        sorted_claims(
            "On 1 February 2025 Trump invoked the International Emergency Economic Powers Act to impose 25 percent tariffs on Mexico and Canada."
        ),
        ["USA sanctions CAN affirmed", "USA sanctions MEX affirmed"]
    );
    // The object of `urged` does the act: no purpose reading.
    assert_eq!(
        sorted_claims("Washington urged Tokyo to impose tariffs on China."),
        ["USA pressures JPN affirmed"]
    );
}

#[test]
fn a_ban_on_imports_is_no_trade() {
    assert_eq!(
        sorted_claims("China banned imports from Japan."),
        ["CHN sanctions JPN affirmed", "CHN trades_with JPN negated"]
    );
}

#[test]
fn a_singular_relative_verb_after_a_list_agrees_with_its_last_conjunct() {
    assert_eq!(
        sorted_claims(
            "The UAE and Iran, which supplies drones to the Sudanese army, compete with Russia for influence."
        ),
        [
            "ARE competes_with RUS affirmed",
            "IRN competes_with RUS affirmed",
            "IRN supports SDN affirmed"
        ]
    );
    assert_eq!(
        sorted_claims("France and Germany, which support Ukraine, met in Paris."),
        [
            "DEU negotiates_with FRA affirmed",
            "DEU supports UKR affirmed",
            "FRA supports UKR affirmed"
        ]
    );
}
