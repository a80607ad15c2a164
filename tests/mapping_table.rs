//! Free-text duties as real teams write them, and the responsibility each must map to.

use charterlint::charter::Vocabulary;
use charterlint::mapping::{DutyMapping, Mapper, MatchReason};

const MAPPED: &[(&str, &str)] = &[
    // Program managers' oversight, demos, talking with users, growing people.
    ("Maintain program oversight", "delivery.governance"),
    (
        "Accountable for the results of the sprint demonstration",
        "outcomes.delivery-outcomes",
    ),
    ("Connect with users often", "strategy.discovery"),
    ("Help them grow and push them", "people.development"),
    // strategy.vision
    ("product vision", "strategy.vision"),
    ("Setting the product vision", "strategy.vision"),
    ("Defining the long-term vision", "strategy.vision"),
    ("Owns the product's north star", "strategy.vision"),
    ("Vision & mission", "strategy.vision"),
    ("Product direction", "strategy.vision"),
    ("Be the voice of the product", "strategy.vision"),
    // strategy.product-strategy
    ("Product strategy", "strategy.product-strategy"),
    ("Deciding which strategic bets to make", "strategy.product-strategy"),
    ("Setting the business strategy", "strategy.product-strategy"),
    // strategy.roadmap
    ("Owning the product roadmap", "strategy.roadmap"),
    ("roadmap", "strategy.roadmap"),
    ("Roadmapping", "strategy.roadmap"),
    ("Quarterly planning", "strategy.roadmap"),
    ("Maintaining an outcome-based roadmap", "strategy.roadmap"),
    ("Sequencing priorities across quarters", "strategy.roadmap"),
    ("Long-term planning", "strategy.roadmap"),
    // strategy.discovery
    ("market research", "strategy.discovery"),
    ("customer interviews", "strategy.discovery"),
    ("Running user interviews", "strategy.discovery"),
    ("User research", "strategy.discovery"),
    ("Competitive analysis", "strategy.discovery"),
    ("Analyzing competitors", "strategy.discovery"),
    ("Watching competitors", "strategy.discovery"),
    ("Tracking market trends", "strategy.discovery"),
    ("Product discovery", "strategy.discovery"),
    ("Collecting customer feedback", "strategy.discovery"),
    ("Identifying customer problems worth solving", "strategy.discovery"),
    // strategy.alignment
    ("Stakeholder management", "strategy.alignment"),
    ("Aligning cross-functional teams", "strategy.alignment"),
    ("Communicating with stakeholders", "strategy.alignment"),
    ("Leadership updates", "strategy.alignment"),
    // strategy.go-to-market
    ("go-to-market", "strategy.go-to-market"),
    ("GTM", "strategy.go-to-market"),
    ("Planning product launches", "strategy.go-to-market"),
    ("Sales enablement", "strategy.go-to-market"),
    // backlog.prioritization
    ("Prioritizing the backlog", "backlog.prioritization"),
    ("backlog prioritisation", "backlog.prioritization"),
    ("Backlog prioritization", "backlog.prioritization"),
    ("Managing the product backlog", "backlog.prioritization"),
    ("Ordering the backlog", "backlog.prioritization"),
    ("Owns the backlog", "backlog.prioritization"),
    ("Day-to-day priority decisions", "backlog.prioritization"),
    ("Deciding what comes next", "backlog.prioritization"),
    // backlog.refinement
    ("Writing user stories", "backlog.refinement"),
    ("user stories", "backlog.refinement"),
    ("Backlog grooming", "backlog.refinement"),
    ("Backlog refinement sessions", "backlog.refinement"),
    ("Definition of Ready", "backlog.refinement"),
    ("Story clarity", "backlog.refinement"),
    ("Writing requirements", "backlog.refinement"),
    ("Splitting stories", "backlog.refinement"),
    ("Breaking down work for the team", "backlog.refinement"),
    // backlog.sprint-support
    ("Sprint planning", "backlog.sprint-support"),
    ("Being available mid-sprint", "backlog.sprint-support"),
    ("Answering team questions", "backlog.sprint-support"),
    ("Keeping the team unblocked", "backlog.sprint-support"),
    ("Unblocking engineers", "backlog.sprint-support"),
    // Running the events is facilitation; taking part in them is sprint support.
    ("Running agile ceremonies", "process.facilitation"),
    ("Taking part in agile ceremonies", "backlog.sprint-support"),
    // backlog.acceptance
    ("Accepting or rejecting completed work", "backlog.acceptance"),
    ("accepting or rejecting work", "backlog.acceptance"),
    ("Acceptance", "backlog.acceptance"),
    ("Checking work against acceptance criteria", "backlog.acceptance"),
    ("Signing off on stories", "backlog.acceptance"),
    ("Reviewing completed work", "backlog.acceptance"),
    // backlog.stakeholder-translation
    (
        "Translating business needs into work the team can act on",
        "backlog.stakeholder-translation",
    ),
    ("Stakeholder coordination", "backlog.stakeholder-translation"),
    ("Translating strategy into tasks", "backlog.stakeholder-translation"),
    // outcomes.success-metrics
    ("KPIs", "outcomes.success-metrics"),
    ("OKRs", "outcomes.success-metrics"),
    ("Defining success metrics", "outcomes.success-metrics"),
    ("Measuring success", "outcomes.success-metrics"),
    ("Setting the north star metric", "outcomes.success-metrics"),
    ("Product analytics", "outcomes.success-metrics"),
    ("Objectives and key results", "outcomes.success-metrics"),
    // outcomes.business-outcomes
    ("Tracking adoption and retention", "outcomes.business-outcomes"),
    ("Business outcomes", "outcomes.business-outcomes"),
    ("Customer satisfaction", "outcomes.business-outcomes"),
    ("Revenue growth", "outcomes.business-outcomes"),
    ("Customer lifetime value", "outcomes.business-outcomes"),
    ("Driving engagement", "outcomes.business-outcomes"),
    ("Moving the needle", "outcomes.business-outcomes"),
    // outcomes.delivery-outcomes
    ("Sprint goals", "outcomes.delivery-outcomes"),
    ("Setting the sprint goal", "outcomes.delivery-outcomes"),
    ("Team velocity", "outcomes.delivery-outcomes"),
    ("Delivery clarity", "outcomes.delivery-outcomes"),
    ("Meeting sprint commitments", "outcomes.delivery-outcomes"),
    // outcomes.user-value
    ("Delivering real value to users", "outcomes.user-value"),
    ("Customer value", "outcomes.user-value"),
    ("Whether the product works for its users", "outcomes.user-value"),
    // delivery.governance
    ("Cross-team dependencies", "delivery.governance"),
    ("Managing dependencies between teams", "delivery.governance"),
    ("Delivery governance", "delivery.governance"),
    ("PI planning", "delivery.governance"),
    ("Release train coordination", "delivery.governance"),
    ("Program management", "delivery.governance"),
    // catalog ids, any case
    ("backlog.acceptance", "backlog.acceptance"),
    ("Outcomes.Success-Metrics", "outcomes.success-metrics"),
];

const UNKNOWN: &[&str] = &[
    "ordering team lunch",
    "ideation",
    "budget approval",
    "office plants",
    "expense reports",
    "watering the plants",
    "organising the summer party",
    "parking permits",
    "watering the office plants",
    "running the office fantasy football league",
];

/// Duties no phrase matches, read by their words alone ([`MatchReason::ClosestWords`]):
/// neighbouring work when its words are clearly most like it, with the words that
/// decided, and unknown when they are most like product ownership. The last two show
/// what the reading costs: an office chore whose words belong to machine learning and
/// to one-to-ones is taken as that work, where it was an unknown duty.
const READ_BY_WORDS: &[(&str, Option<&str>)] = &[
    ("choreographs motion and response", Some("design.ux")),
    ("Diagnosing unmet needs in existing molecules", None),
    ("coffee machine", Some("data.experiment-analysis")),
    ("booking meeting rooms", Some("people.development")),
];

#[test]
fn a_duty_no_phrase_matches_is_read_by_its_words_as_neighbouring_work_only() {
    let mapper = Mapper::new(&Vocabulary::default());
    for &(duty, expected) in READ_BY_WORDS {
        let mapping = mapper.map(duty);
        match (expected, &mapping) {
            (
                Some(expected),
                DutyMapping::Mapped {
                    responsibility,
                    reason: MatchReason::ClosestWords { words },
                },
            ) => {
                assert_eq!(responsibility.entry().id, expected, "{duty:?}");
                assert!(!responsibility.entry().is_product_ownership(), "{duty:?}");
                assert!(
                    words.iter().all(|word| duty.to_lowercase().contains(word.as_str())),
                    "{duty:?}: {words:?}"
                );
            }
            (None, DutyMapping::Unknown { .. }) => {}
            _ => panic!("{duty:?} mapped to {mapping:?}, expected {expected:?}"),
        }
    }
}

/// Work beside product ownership: known, never unknown, never counted as product.
const NEIGHBOURING: &[&str] = &[
    "on-call rota",
    "hiring",
    "code review",
    "incident response",
    "performance reviews",
    "security audits",
];

#[test]
fn everyday_phrasings_map_to_the_right_responsibility() {
    assert!(MAPPED.len() >= 80, "{} duties", MAPPED.len());
    let mapper = Mapper::new(&Vocabulary::default());
    let mut wrong = Vec::new();
    for (duty, expected) in MAPPED {
        let mapped = mapper.map(duty).responsibility().map(|index| index.entry().id);
        if mapped != Some(*expected) {
            wrong.push(format!("{duty:?}: expected {expected}, got {:?}", mapper.map(duty)));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn unrelated_duties_stay_unknown() {
    assert!(UNKNOWN.len() >= 10);
    let mapper = Mapper::new(&Vocabulary::default());
    for duty in UNKNOWN {
        assert!(
            matches!(mapper.map(duty), DutyMapping::Unknown { .. }),
            "{duty:?} mapped to {:?}",
            mapper.map(duty)
        );
    }
}

#[test]
fn neighbouring_work_is_known_and_not_product_ownership() {
    let mapper = Mapper::new(&Vocabulary::default());
    for duty in NEIGHBOURING {
        let mapped = mapper.map(duty).responsibility();
        assert!(
            mapped.is_some_and(|index| !index.entry().is_product_ownership()),
            "{duty:?} mapped to {:?}",
            mapper.map(duty)
        );
    }
}

#[test]
fn a_duty_listing_two_duties_counts_for_both() {
    let mapper = Mapper::new(&Vocabulary::default());
    let mapping = mapper.map("Product vision and product strategy");
    assert!(matches!(mapping, DutyMapping::Several { .. }), "{mapping:?}");
    let ids: Vec<&str> = mapping
        .responsibilities()
        .iter()
        .map(|&index| index.entry().id)
        .collect();
    assert_eq!(ids, ["strategy.vision", "strategy.product-strategy"]);
    // A list that starts with a name goes on naming: a later bare verb form is a
    // noun ("coach-party organisers"), while a gerund or a verb-led list keeps its verb.
    for (duty, expected) in [
        (
            "Market research on day-out visitors, enthusiasts and coach-party organisers",
            &["strategy.discovery"][..],
        ),
        (
            "Vision, roadmap and coaching the team",
            &["strategy.vision", "strategy.roadmap", "process.coaching"][..],
        ),
        (
            "Prioritize the backlog and coach the team",
            &["backlog.prioritization", "process.coaching"][..],
        ),
    ] {
        let ids: Vec<&str> = mapper
            .map(duty)
            .responsibilities()
            .iter()
            .map(|&index| index.entry().id)
            .collect();
        assert_eq!(ids, expected, "{duty}");
    }
}

#[test]
fn one_phrase_that_fits_two_responsibilities_is_ambiguous() {
    let mapper = Mapper::new(&Vocabulary::default());
    let DutyMapping::Ambiguous { candidates } = mapper.map("Annual iteration planning") else {
        panic!("expected ambiguous");
    };
    let ids: Vec<&str> = candidates.iter().map(|(index, _)| index.entry().id).collect();
    assert_eq!(ids, ["strategy.roadmap", "backlog.sprint-support"]);
    // Joined, the two are two duties: a lone word shares the head noun of the next.
    assert_eq!(
        ids_of(&mapper.map("Strategic and sprint planning")),
        ["strategy.product-strategy", "backlog.sprint-support"]
    );
    // A list's last noun heads an earlier part when the two are an alias word for word.
    assert_eq!(
        ids_of(&mapper.map("Clinic adoption and subscription revenue targets")),
        ["outcomes.success-metrics", "outcomes.business-outcomes"]
    );
}

fn ids_of(mapping: &DutyMapping) -> Vec<&'static str> {
    mapping.responsibilities().iter().map(|id| id.text()).collect()
}

#[test]
fn a_neighbour_duty_told_in_product_words_is_the_neighbour_duty() {
    let mapper = Mapper::new(&Vocabulary::default());
    // "requirements" alone would be backlog refinement, "goals" outcomes.
    for (duty, id) in [
        (
            "security reviews and requirements for the release",
            "engineering.security",
        ),
        ("building dashboards and defining goals for them", "data.dashboards"),
    ] {
        assert_eq!(ids_of(&mapper.map(duty)), [id], "{duty}");
    }
    // A part that is a duty's whole name is kept.
    assert_eq!(
        ids_of(&mapper.map("code reviews and roadmap")),
        ["engineering.quality", "strategy.roadmap"]
    );
}

#[test]
fn the_word_before_a_product_noun_names_whose_work_it_is() {
    let mapper = Mapper::new(&Vocabulary::default());
    for (duty, id) in [
        ("defining suitable security requirements", "engineering.security"),
        ("own the hiring plan", "people.hiring"),
        ("maintain the design system roadmap", "design.design-system"),
        // Product nouns with product words before them stay product work.
        ("define the product requirements", "backlog.refinement"),
        ("own the product roadmap", "strategy.roadmap"),
    ] {
        assert_eq!(ids_of(&mapper.map(duty)), [id], "{duty}");
    }
    // Only a word written as the alias writes it names a kind: "implementable"
    // shares no more than a stem with "implementation".
    assert_eq!(
        ids_of(&mapper.map("refine roadmap items into implementable backlog items")),
        ["backlog.refinement"]
    );
}

#[test]
fn a_one_word_noun_alias_is_not_the_verb_that_shares_its_stem() {
    let mapper = Mapper::new(&Vocabulary::default());
    // "contributions" (to a design system) and "contribute" stem alike.
    let ids = ids_of(&mapper.map("Contribute to vision and roadmap"));
    assert!(
        ids.contains(&"strategy.roadmap") && !ids.contains(&"design.design-system"),
        "{ids:?}"
    );
    assert_eq!(
        ids_of(&mapper.map("design system contributions")),
        ["design.design-system"]
    );
}

#[test]
fn the_rest_of_a_duty_tells_product_work_from_a_neighbours() {
    let mapper = Mapper::new(&Vocabulary::default());
    for (duty, id) in [
        (
            "Build release pipelines with environment gates and approvals",
            "engineering.delivery-pipeline",
        ),
        (
            "shepherding the epic through the portfolio Kanban system",
            "strategy.product-strategy",
        ),
    ] {
        assert_eq!(ids_of(&mapper.map(duty)), [id], "{duty}");
    }
}

#[test]
fn the_first_verb_of_a_list_governs_its_objects() {
    let mapper = Mapper::new(&Vocabulary::default());
    // "user stories" alone would be refinement: here they are what needs are
    // translated into.
    assert_eq!(
        ids_of(&mapper.map("translating customer needs into requirements and user stories")),
        ["backlog.stakeholder-translation"]
    );
    // Each object keeps its own responsibility under the shared verb.
    assert_eq!(
        ids_of(&mapper.map("set the vision, strategy and roadmap")),
        ["strategy.vision", "strategy.product-strategy", "strategy.roadmap"]
    );
    // A verb form inside a noun ("code reviews") governs nothing.
    assert_eq!(
        ids_of(&mapper.map("code reviews and roadmap")),
        ["engineering.quality", "strategy.roadmap"]
    );
}

#[test]
fn examples_after_including_or_such_as_are_no_duties_of_their_own() {
    let mapper = Mapper::new(&Vocabulary::default());
    for (duty, id) in [
        (
            "Track product metrics including activation, retention and NPS",
            "outcomes.success-metrics",
        ),
        (
            "Lead Scrum events such as planning, reviews and retrospectives",
            "process.facilitation",
        ),
    ] {
        assert_eq!(ids_of(&mapper.map(duty)), [id], "{duty}");
    }
}

#[test]
fn a_list_that_starts_with_a_duty_name_keeps_each_duty() {
    let mapper = Mapper::new(&Vocabulary::default());
    // "hiring" and "marketing" have a verb's form but name duties: the product duty
    // after them is not swallowed (that would show a false gap).
    assert_eq!(
        ids_of(&mapper.map("hiring and backlog prioritization")),
        ["people.hiring", "backlog.prioritization"]
    );
    assert_eq!(
        ids_of(&mapper.map("marketing and release plan")),
        ["strategy.go-to-market", "strategy.roadmap"]
    );
    // A verb before "and" still shares the object that follows.
    assert_eq!(
        ids_of(&mapper.map("Creating and communicating Product Backlog items")),
        ["backlog.refinement"]
    );
    // When the second verb decides a duty of its own, each verb is a duty on it.
    assert_eq!(
        ids_of(&mapper.map("Write and prioritize user stories")),
        ["backlog.refinement", "backlog.prioritization"]
    );
    assert_eq!(
        ids_of(&mapper.map("Organising and prioritising tasks")),
        ["backlog.prioritization"]
    );
}

#[test]
fn a_duty_is_about_the_noun_phrase_before_its_qualifiers() {
    let mapper = Mapper::new(&Vocabulary::default());
    for (duty, id) in [
        // "for", "before", "at" and "during" start a qualifier, as "using" does.
        ("Vision for the payments platform", "strategy.vision"),
        (
            "Ordering the work queue before each planning meeting",
            "backlog.prioritization",
        ),
        // Without a verb, the head is the last word before the first preposition,
        // and it credits only a phrase of the words before it.
        ("Solution demo to the customers", "outcomes.delivery-outcomes"),
        ("Backlog items with clear acceptance criteria", "backlog.refinement"),
        // What follows "with" in a duty without a verb names who takes part, when
        // the words before it name a duty in full.
        (
            "Sprint review with editorial and marketing",
            "outcomes.delivery-outcomes",
        ),
        ("Discovery with recruiters and hiring managers", "strategy.discovery"),
        // A verb's form after words that name a duty is a noun: no verb leads these.
        (
            "Sprint review demo to the travel stakeholders",
            "outcomes.delivery-outcomes",
        ),
        ("Business impact of the hiring product", "outcomes.business-outcomes"),
        // The people a product serves, in the team's own words, are its customers.
        ("Shopper interviews about checkout friction", "strategy.discovery"),
        ("Gather and synthesise player feedback", "strategy.discovery"),
        // An object of several words written as the catalog writes it decides.
        (
            "Maximising the business value of Customer Hub",
            "outcomes.business-outcomes",
        ),
        // Digits match only as written: "1 1s" are one-to-ones, not "day-7".
        ("Day-7 activation targets", "outcomes.success-metrics"),
        // An alias that repeats a word needs it as often: "one on ones" is no "one".
        ("Sprint Planning One", "backlog.sprint-support"),
        ("Weekly one-on-ones with each engineer", "people.development"),
        ("Conducts training on how to do scrum", "process.coaching"),
        ("Ensuring the right work goes to the right people", "people.staffing"),
    ] {
        assert_eq!(ids_of(&mapper.map(duty)), [id], "{duty}");
    }
    // A duty that is an alias word for word keeps its qualifier.
    assert_eq!(
        ids_of(&mapper.map("point of contact for stakeholders")),
        ["strategy.alignment"]
    );
}

#[test]
fn what_follows_a_colon_details_the_duty() {
    let mapper = Mapper::new(&Vocabulary::default());
    assert_eq!(
        ids_of(&mapper.map("Team KPIs: churn, NPS and activation")),
        ["outcomes.success-metrics"]
    );
    // The colon of "1:1s" has no space after it.
    assert_eq!(ids_of(&mapper.map("1:1s and career paths")), ["people.development"]);
}

#[test]
fn a_duty_that_turns_one_backlog_level_into_the_other_works_at_the_level_it_makes() {
    use charterlint::mapping::{BacklogLevel, backlog_level};
    assert_eq!(
        backlog_level("Breaking features down into user stories"),
        Some(BacklogLevel::Team)
    );
    assert_eq!(
        backlog_level("Grouping stories into features"),
        Some(BacklogLevel::Program)
    );
    assert_eq!(backlog_level("Features and stories"), None);
}

#[test]
fn a_specialists_duty_reads_in_the_trade_of_its_title() {
    use charterlint::catalog::title_trade;
    let mapper = Mapper::new(&Vocabulary::default());
    let read = |duty: &str, title: &str| ids_of(&mapper.map_in_trade(duty, title_trade(title)).0);
    for (duty, product_owner, specialist, title) in [
        // The Scrum Guide's events: a product role takes part, a Scrum Master makes them happen.
        (
            "Sprint planning",
            "backlog.sprint-support",
            "process.facilitation",
            "Scrum Master",
        ),
        (
            "Sprint Review",
            "outcomes.delivery-outcomes",
            "process.facilitation",
            "Scrum Master",
        ),
        (
            "Backlog refinement",
            "backlog.refinement",
            "process.facilitation",
            "Agile Coach",
        ),
        (
            "Replenishment meetings",
            "backlog.prioritization",
            "process.facilitation",
            "Flow Manager",
        ),
        (
            "Unblocking the team",
            "backlog.sprint-support",
            "process.impediments",
            "Delivery Manager",
        ),
        // Testing against acceptance criteria is quality work for a tester.
        (
            "User acceptance testing",
            "backlog.acceptance",
            "engineering.quality",
            "QA Engineer",
        ),
        (
            "Verifying stories against acceptance criteria",
            "backlog.acceptance",
            "engineering.quality",
            "Senior SDET",
        ),
    ] {
        assert_eq!(read(duty, "Product Owner"), [product_owner], "{duty}");
        assert_eq!(read(duty, title), [specialist], "{duty} ({title})");
        // A reading belongs to one trade: an engineering manager's sprint planning is
        // still the product's.
        assert_eq!(
            read(duty, "Engineering Manager"),
            [product_owner],
            "{duty} (Engineering Manager)"
        );
    }
    // Words the catalog reads the same for everyone stay product work.
    assert_eq!(read("Accepting stories", "QA Engineer"), ["backlog.acceptance"]);
    assert_eq!(read("Ordering the backlog", "Scrum Master"), ["backlog.prioritization"]);
    // A tie between product work and the trade's own is the trade's.
    assert_eq!(
        ids_of(&mapper.map("Plan and run sprint ceremonies")),
        Vec::<&str>::new()
    );
    assert_eq!(
        read("Plan and run sprint ceremonies", "Scrum Master"),
        ["process.facilitation"]
    );
    // ... and a product owner's is the product part of the event.
    assert_eq!(
        read("Plan and run sprint ceremonies", "Product Owner"),
        ["backlog.sprint-support"]
    );
}

#[test]
fn a_product_roles_running_of_an_event_is_its_part_in_it() {
    use charterlint::catalog::title_trade;
    let mapper = Mapper::new(&Vocabulary::default());
    let read = |duty: &str, title: &str| ids_of(&mapper.map_in_trade(duty, title_trade(title)).0);
    for (duty, product_part) in [
        ("Leading sprint planning", "backlog.sprint-support"),
        ("Runs iteration planning with the team", "backlog.sprint-support"),
        ("Hosting the sprint review", "outcomes.delivery-outcomes"),
        ("Organize sprint demos for stakeholders", "outcomes.delivery-outcomes"),
        ("Run backlog refinement sessions", "backlog.refinement"),
    ] {
        assert_eq!(read(duty, "Product Owner"), [product_part], "{duty}");
        assert_eq!(read(duty, "Senior Product Manager"), [product_part], "{duty}");
        // Making the event happen is a Scrum Master's facilitation, and so it stays
        // for a title the list does not know.
        assert_eq!(
            read(duty, "Scrum Master"),
            ["process.facilitation"],
            "{duty} (Scrum Master)"
        );
        assert_eq!(
            read(duty, "Head of Claims"),
            ["process.facilitation"],
            "{duty} (Head of Claims)"
        );
    }
    // "Facilitate" says whose work it is, whoever writes it; and events without a
    // product part stay facilitation for everyone.
    assert_eq!(
        read("Facilitating sprint planning", "Product Owner"),
        ["process.facilitation"]
    );
    assert_eq!(
        read("Sprint planning facilitation", "Product Owner"),
        ["process.facilitation"]
    );
    assert_eq!(
        read("Running the daily scrum", "Product Owner"),
        ["process.facilitation"]
    );
}

#[test]
fn it_or_them_in_a_later_part_is_the_object_of_the_part_before() {
    let mapper = Mapper::new(&Vocabulary::default());
    // The update is of the roadmap; the clause after "it" says when, and the
    // survey findings it names are no duty of the owner's.
    assert_eq!(
        ids_of(&mapper.map("Own the product roadmap and update it as survey findings come in")),
        ["strategy.roadmap"]
    );
    // The vision is maintained and communicated.
    assert_eq!(
        ids_of(&mapper.map("Product vision, maintaining it, and communicating it")),
        ["strategy.vision"]
    );
    // A prepositional phrase after the pronoun stays part of the duty.
    assert_eq!(
        ids_of(&mapper.map("Add new user stories to the backlog and order them by business value")),
        ["backlog.refinement", "backlog.prioritization"]
    );
}

#[test]
fn what_a_duty_uses_is_its_means_and_the_verb_after_to_its_duty() {
    let mapper = Mapper::new(&Vocabulary::default());
    assert_eq!(
        ids_of(&mapper.map("Use data to inform prioritization decisions")),
        ["backlog.prioritization"]
    );
    assert_eq!(
        ids_of(&mapper.map("Leverage product analytics to measure success")),
        ["outcomes.success-metrics"]
    );
    // Supporting the team "by" doing something is doing it.
    assert_eq!(
        ids_of(&mapper.map("supports the team by identifying and removing obstacles")),
        ["process.impediments"]
    );
    // The means may be a technique of the duty; the clause after "to" still decides.
    assert_eq!(
        ids_of(&mapper.map("Using WSJF to order the ART backlog")),
        ["backlog.prioritization"]
    );
}
