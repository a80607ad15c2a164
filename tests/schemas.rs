//! The checked-in schemas are exactly what the code generates, and agree with the decoder.

mod common;

#[test]
fn charter_schema_is_up_to_date() {
    assert_eq!(
        common::read("schemas/charter.schema.json"),
        charterlint::commands::charter_schema(),
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
    let schema: serde_json::Value = serde_json::from_str(&charterlint::commands::charter_schema()).expect("JSON");
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
    for (table, keys) in charterlint::charter::KNOWN_KEYS {
        let pointer = match *table {
            "charter" => "/properties".to_string(),
            "team" => "/$defs/Team/properties".to_string(),
            "role" => "/$defs/Role/properties".to_string(),
            "lint" => "/$defs/LintConfig/properties".to_string(),
            "accept" => "/$defs/Acceptance/properties".to_string(),
            other => panic!("unknown table {other}"),
        };
        let mut expected: Vec<String> = keys.iter().map(|key| key.to_string()).collect();
        expected.sort();
        assert_eq!(properties(&pointer), expected, "{table}");
    }
}

#[test]
fn the_json_report_validates_its_own_required_keys() {
    let report = common::run(&["examples/"]);
    let json: serde_json::Value =
        serde_json::from_str(&common::render(&report, charterlint::report::ReportFormat::Json)).expect("JSON");
    for key in ["version", "files", "findings", "summary"] {
        assert!(json.get(key).is_some(), "{key}");
    }
    for finding in json["findings"].as_array().expect("array") {
        for key in ["rule", "category", "severity", "message", "path", "line", "column"] {
            assert!(finding.get(key).is_some(), "{key} in {finding}");
        }
    }
}
