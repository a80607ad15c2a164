//! The checked-in schemas and the rules page are exactly what the code generates, and agree with the decoder.

mod common;

#[test]
fn charter_schema_is_up_to_date() {
    assert_eq!(
        common::read("schemas/charter.schema.json"),
        charterlint::schema::charter_schema(charterlint::rules::names()),
        "run `cargo run -- schema > schemas/charter.schema.json`"
    );
}

#[test]
fn report_schema_is_up_to_date() {
    assert_eq!(
        common::read("schemas/report.schema.json"),
        charterlint::report::json::report_schema(),
        "run `cargo run -- schema report > schemas/report.schema.json`"
    );
}

#[test]
fn the_schema_and_the_decoder_accept_the_same_keys() {
    // The decoder lists the keys a table takes when it meets one it does not know, so
    // an unknown key in every table reads back what the decoder accepts.
    let schema: serde_json::Value =
        serde_json::from_str(&charterlint::schema::charter_schema(charterlint::rules::names())).expect("JSON");
    let properties = |pointer: &str| -> Vec<String> {
        let mut keys: Vec<String> = schema
            .pointer(pointer)
            .and_then(|value| value.as_object())
            .unwrap_or_else(|| panic!("{pointer} in schema"))
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    };
    let charter = r#"{"zz": 1, "version": 1, "team": {"name": "T", "zz": 1},
        "roles": [{"id": "po", "title": "PO", "holders": ["Sam"], "zz": 1}],
        "lint": {"zz": 1, "accept": [{"rule": "vacant-role", "reason": "r", "zz": 1}]}}"#;
    let failure = charterlint::charter::load_bytes(
        "keys.json",
        charter.as_bytes().to_vec(),
        charterlint::charter::InputFormat::Json,
        charterlint::rules::names(),
    )
    .expect_err("unknown keys are refused");
    let decoded: std::collections::BTreeMap<String, Vec<String>> = failure
        .errors
        .iter()
        .map(|error| {
            assert!(error.message.starts_with("unknown key `zz` in "), "{}", error.message);
            let help = error.help.as_deref().expect("help");
            let (table, listed) = help.split_once(" takes ").expect("a list of keys");
            let mut keys: Vec<String> = listed
                .split(", ")
                .map(|key| key.trim_matches('`').to_string())
                .collect();
            keys.sort();
            (table.to_string(), keys)
        })
        .collect();
    let expected = [
        ("the top level", "/properties"),
        ("`team`", "/$defs/Team/properties"),
        ("`roles[0]`", "/$defs/Role/properties"),
        ("`lint`", "/$defs/LintConfig/properties"),
        ("`lint.accept[0]`", "/$defs/Acceptance/properties"),
    ];
    assert_eq!(decoded.len(), expected.len(), "{decoded:?}");
    for (table, pointer) in expected {
        assert_eq!(decoded.get(table), Some(&properties(pointer)), "{table}");
    }
}

#[test]
fn json_reports_validate_against_the_report_schema() {
    // `common::render` validates every JSON report; these cover the shapes: findings
    // with and without roles and people, accepted risks and input errors.
    for paths in [
        &["examples/"][..],
        &["tests/fixtures/org-with-broken"],
        &["tests/broken"],
    ] {
        let report = common::run(paths);
        common::render(&report, charterlint::report::ReportFormat::Json);
    }
}

#[test]
fn every_charter_that_loads_validates_against_the_charter_schema() {
    let mut checked = 0;
    for folder in ["examples", "tests/fixtures"] {
        let report = common::run(&[folder]);
        for file in &report.files {
            let text = std::fs::read_to_string(&*file.path).expect("readable");
            let json = if file.path.ends_with(".json") {
                text
            } else {
                let value: toml::Value = toml::from_str(&text).expect("TOML");
                serde_json::to_string(&value).expect("JSON")
            };
            common::assert_valid(&json, "schemas/charter.schema.json");
            checked += 1;
        }
    }
    assert!(checked >= 40, "{checked} charters");
}

#[test]
#[should_panic(expected = "schemas/report.schema.json")]
fn the_schema_check_refuses_a_report_without_its_keys() {
    common::assert_valid(
        r#"{"version": 1, "findings": [{"rule": "vacant-role"}]}"#,
        "schemas/report.schema.json",
    );
}

#[test]
fn the_rules_page_is_up_to_date() {
    let output = common::exits(common::charterlint().args(["explain", "--markdown"]), 0);
    assert_eq!(
        common::read("docs/rules.md"),
        String::from_utf8_lossy(&output.stdout),
        "run `cargo run -- explain --markdown > docs/rules.md`"
    );
}

/// Broken inputs the schema cannot refuse, because what is wrong with them is not a
/// property of one JSON value: each names why.
const BEYOND_THE_SCHEMA: &[(&str, &str)] = &[
    ("duplicate-key.charter.json", "a JSON value keeps one of two equal keys"),
    (
        "duplicate-role-id.charter.toml",
        "uniqueness of a key inside array items",
    ),
    ("version-float.charter.toml", "JSON Schema counts 1.0 as the integer 1"),
];

#[test]
fn the_schema_refuses_every_broken_input_it_can_express() {
    let schema: serde_json::Value =
        serde_json::from_str(&common::read("schemas/charter.schema.json")).expect("the schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .expect("folder")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut refused = 0;
    for name in &names {
        let Ok(text) = std::fs::read_to_string(folder.join(name)) else {
            continue; // not UTF-8: no JSON value to validate
        };
        let text = text.trim_start_matches('\u{feff}');
        let value: Option<serde_json::Value> = if name.ends_with(".json") {
            serde_json::from_str(text).ok()
        } else {
            toml::from_str::<toml::Value>(text)
                .ok()
                .and_then(|value| serde_json::to_value(value).ok())
        };
        let Some(value) = value else {
            continue; // a syntax error: the parser refuses it before any schema
        };
        let beyond = BEYOND_THE_SCHEMA.iter().any(|(file, _)| file == name);
        assert_eq!(
            validator.is_valid(&value),
            beyond,
            "{name}: the schema {} it",
            if beyond {
                "now refuses; take it off BEYOND_THE_SCHEMA"
            } else {
                "accepts"
            }
        );
        refused += usize::from(!beyond);
    }
    assert!(refused >= 20, "{refused} broken inputs refused by the schema");
}
