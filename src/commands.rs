//! The text of the informational commands: `map`, `catalog`, `explain`, `init`.

use std::fmt::Write as _;

use charterlint::catalog::{Area, CATALOG};
use charterlint::charter::{InputFormat, LoadedCharter};
use charterlint::mapping::{DutyMapping, Mapper};
use charterlint::rules::RULES;

/// One duty and what it mapped to, for `map --format json`.
#[derive(Debug, serde::Serialize)]
pub struct MappedDutyRow {
    /// 1-based line where the duty's string starts.
    pub line: usize,
    /// 1-based column where the duty's string starts, in characters.
    pub column: usize,
    /// The id of the role whose list holds the duty.
    pub role: String,
    /// The list that holds the duty: `owns`, `does`, `consulted` or `informed`.
    pub list: &'static str,
    /// The duty as the charter writes it.
    pub duty: String,
    /// `mapped`, `several` (the duty names several responsibilities), `ambiguous` or `unknown`.
    pub status: &'static str,
    /// For `mapped`: the catalog id the duty maps to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub responsibility: Option<&'static str>,
    /// For `mapped`: why the duty mapped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<charterlint::mapping::MatchReason>,
    /// For `several`: each responsibility with the words that named it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<MappedPartRow>,
    /// For `several`: parts of the duty that map to nothing on their own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unplaced: Vec<String>,
    /// For `ambiguous`: the catalog ids the duty matches equally well.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<&'static str>,
    /// For `unknown`: the closest alias and its catalog id, as `alias (id)`; absent
    /// when none looks close.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

/// One responsibility of a duty that names several.
#[derive(Debug, serde::Serialize)]
pub struct MappedPartRow {
    /// The part of the duty, or the phrase that matched it.
    pub text: String,
    /// The catalog id the part maps to.
    pub responsibility: &'static str,
    /// Why the part mapped.
    pub reason: charterlint::mapping::MatchReason,
}

/// Every duty of the charter, in file order, with how it mapped.
pub fn map_rows(loaded: &LoadedCharter) -> Vec<MappedDutyRow> {
    let mapper = Mapper::new(&loaded.charter.vocabulary);
    let mut rows = Vec::new();
    for role in &loaded.charter.roles {
        let trade = charterlint::catalog::title_trade(&role.title.value);
        for (raci, list) in role.duty_lists() {
            for duty in list {
                let position = loaded.source.position(duty.span.start);
                let (mapping, _) = mapper.map_in_trade(&duty.value, trade);
                let mut row = MappedDutyRow {
                    line: position.line,
                    column: position.column,
                    role: role.id.value.clone(),
                    list: raci.key(),
                    duty: duty.value.clone(),
                    status: "mapped",
                    responsibility: None,
                    reason: None,
                    parts: Vec::new(),
                    unplaced: Vec::new(),
                    candidates: Vec::new(),
                    suggestion: None,
                };
                match mapping {
                    DutyMapping::Mapped { responsibility, reason } => {
                        row.responsibility = Some(responsibility.entry().id);
                        row.reason = Some(reason);
                    }
                    DutyMapping::Several { parts, unplaced } => {
                        row.status = "several";
                        row.parts = parts
                            .into_iter()
                            .map(|part| MappedPartRow {
                                text: part.text,
                                responsibility: part.responsibility.entry().id,
                                reason: part.reason,
                            })
                            .collect();
                        row.unplaced = unplaced;
                    }
                    DutyMapping::Ambiguous { candidates } => {
                        row.status = "ambiguous";
                        row.candidates = candidates.iter().map(|(index, _)| index.entry().id).collect();
                    }
                    DutyMapping::Unknown { suggestion } => {
                        row.status = "unknown";
                        row.suggestion = suggestion.map(|(index, alias)| format!("{alias} ({})", index.entry().id));
                    }
                }
                rows.push(row);
            }
        }
    }
    rows
}

/// `charterlint map` as text: one aligned line per duty.
pub fn map_text(loaded: &LoadedCharter) -> String {
    let rows = map_rows(loaded);
    let charter = &loaded.charter;
    let mut out = format!(
        "{}: team \"{}\", {}, {}\n",
        loaded.source.path,
        charter.team.name.value,
        charterlint::wording::plural(charter.roles.len(), "role"),
        charterlint::wording::plural(rows.len(), "duty"),
    );
    if rows.is_empty() {
        return out;
    }
    let cells: Vec<[String; 4]> = rows
        .iter()
        .map(|row| {
            let outcome = match row.status {
                "mapped" => row.responsibility.unwrap_or_default().to_string(),
                "several" => row
                    .parts
                    .iter()
                    .map(|part| part.responsibility)
                    .collect::<Vec<_>>()
                    .join(" + "),
                "ambiguous" => "ambiguous".to_string(),
                _ => "unknown".to_string(),
            };
            let why = match row.status {
                "mapped" => row.reason.as_ref().map(|reason| reason.describe()).unwrap_or_default(),
                "several" => {
                    let mut named: Vec<String> = row
                        .parts
                        .iter()
                        .map(|part| format!("\"{}\": {}", part.text, part.reason.describe()))
                        .collect();
                    named.extend(row.unplaced.iter().map(|part| format!("\"{part}\": nothing")));
                    named.join("; ")
                }
                "ambiguous" => format!("matches {} equally", row.candidates.join(", ")),
                _ => match &row.suggestion {
                    Some(suggestion) => format!("closest alias: {suggestion}"),
                    None => "no alias is close; use a catalog id or [vocabulary]".to_string(),
                },
            };
            [
                format!("{}:{}", row.line, row.column),
                format!("{}.{}", row.role, row.list),
                format!("\"{}\"", row.duty),
                format!("{outcome}  ({why})"),
            ]
        })
        .collect();
    let width = |column: usize| cells.iter().map(|row| row[column].chars().count()).max().unwrap_or(0);
    let widths = [width(0), width(1), width(2)];
    for row in &cells {
        let _ = writeln!(
            out,
            "  {:<w0$}  {:<w1$}  {:<w2$}  -> {}",
            row[0],
            row[1],
            row[2],
            row[3],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2]
        );
    }
    out
}

/// `charterlint catalog`: the responsibilities by area, with when each is core, the
/// phrases that map onto them and the public texts those phrases come from.
pub fn catalog_text() -> String {
    let mut out = String::new();
    for area in Area::ALL {
        let kind = if area.is_product_ownership() {
            "product ownership"
        } else {
            "neighbouring work, not counted by the product rules"
        };
        let _ = writeln!(out, "{} — {} ({kind})", area.name(), area.description());
        for entry in CATALOG.iter().filter(|entry| entry.area == area) {
            let _ = writeln!(out, "  {}  ({})", entry.id, entry.name);
            let _ = writeln!(
                out,
                "      core: {}; horizon: {}",
                entry.core.describe(),
                entry.horizon.name()
            );
            let aliases: Vec<String> = entry.aliases().map(|alias| format!("\"{alias}\"")).collect();
            let _ = writeln!(out, "      aliases: {}", aliases.join(", "));
            // Where the owner's title changes what the words are, and to what: a
            // specialist reading names its area's titles, a product reading product titles.
            let reading = |specialist: Option<&str>, product: Option<&str>| {
                let titles = |id: &str| {
                    let reading = charterlint::catalog::ResponsibilityId::from_text(id)?.entry();
                    let titles = if reading.is_product_ownership() {
                        "product"
                    } else {
                        reading.area.name()
                    };
                    Some(format!("{} for {titles} titles", reading.id))
                };
                specialist.or(product).and_then(titles)
            };
            for group in &entry.phrases {
                if let Some(reading) = reading(group.specialist_reading, group.product_reading) {
                    let aliases: Vec<String> = group.aliases.iter().map(|alias| format!("\"{alias}\"")).collect();
                    let _ = writeln!(out, "      read as {reading}: {}", aliases.join(", "));
                }
            }
            for frame in &entry.frames {
                let _ = writeln!(
                    out,
                    "      verbs {} with objects {}{}",
                    frame.verbs.join("/"),
                    frame.objects.join("/"),
                    reading(frame.specialist_reading, frame.product_reading)
                        .map_or_else(String::new, |reading| format!(" (read as {reading})"))
                );
            }
            let _ = writeln!(out, "      sources: {}", entry.sources().join("; "));
        }
        out.push('\n');
    }
    out.push_str("A duty maps by catalog id, then the team's [vocabulary], then these aliases and verb frames;\n`charterlint map FILE` shows how each duty of a charter mapped and why.\n");
    out
}

/// `charterlint catalog --format json`.
pub fn catalog_json() -> String {
    let entries: Vec<serde_json::Value> = CATALOG
        .iter()
        .map(|entry| {
            let phrases: Vec<serde_json::Value> = entry
                .phrases
                .iter()
                .map(|group| {
                    let mut group_json = serde_json::json!({
                        "source": charterlint::catalog::source_text(group.source),
                        "aliases": group.aliases,
                    });
                    if let Some(reading) = group.specialist_reading {
                        group_json["specialist_reading"] = reading.into();
                    }
                    if let Some(reading) = group.product_reading {
                        group_json["product_reading"] = reading.into();
                    }
                    group_json
                })
                .collect();
            let frames: Vec<serde_json::Value> = entry
                .frames
                .iter()
                .map(|frame| {
                    let mut frame_json = serde_json::json!({
                        "source": charterlint::catalog::source_text(frame.source),
                        "verbs": frame.verbs,
                        "objects": frame.objects,
                    });
                    if let Some(reading) = frame.specialist_reading {
                        frame_json["specialist_reading"] = reading.into();
                    }
                    if let Some(reading) = frame.product_reading {
                        frame_json["product_reading"] = reading.into();
                    }
                    frame_json
                })
                .collect();
            serde_json::json!({
                "id": entry.id,
                "name": entry.name,
                "area": entry.area,
                "product_ownership": entry.is_product_ownership(),
                "horizon": entry.horizon,
                "core": entry.core,
                "seeds": entry.seeds,
                "phrases": phrases,
                "frames": frames,
            })
        })
        .collect();
    format!("{}\n", serde_json::to_string_pretty(&entries).unwrap_or_default())
}

/// `charterlint explain` with no rule: every rule with its category and default.
pub fn rules_list() -> String {
    let name_width = RULES.iter().map(|rule| rule.name.len()).max().unwrap_or(0);
    let default_width = RULES
        .iter()
        .map(|rule| rule.default_severity_text().len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<name_width$}  {:<10}  {:<default_width$}  summary",
        "rule", "category", "default"
    );
    for rule in RULES {
        let (name, category, default) = (rule.name, rule.category.name(), rule.default_severity_text());
        let _ = writeln!(
            out,
            "{name:<name_width$}  {category:<10}  {default:<default_width$}  {}",
            rule.summary
        );
    }
    out.push_str("\n`charterlint explain RULE` shows what a rule checks, why it matters and how to fix it.\n");
    out
}

/// Every rule's documentation as one Markdown page, `docs/rules.md`: each rule under
/// a heading of its own name, so `docs/rules.md#<rule>` links to it (SARIF's
/// `helpUri`). `charterlint explain --markdown` prints it.
pub fn rules_document() -> String {
    let mut out = String::from(
        "# charterlint rules\n\nThis page is generated from the rules' documentation: `charterlint explain --markdown > docs/rules.md`.\n\n| rule | category | default | reports |\n|---|---|---|---|\n",
    );
    for rule in RULES {
        let _ = writeln!(
            out,
            "| [`{0}`](#{0}) | {1} | {2} | {3} |",
            rule.name,
            rule.category.name(),
            rule.default_severity_text(),
            rule.summary
        );
    }
    let _ = writeln!(
        out,
        "| [`input-error`](#input-error) | input | error | a charter could not be read or is not valid |"
    );
    for rule in RULES {
        let documentation = rule
            .documentation()
            .lines()
            .map(|line| {
                if line.starts_with('#') {
                    format!("#{line}")
                } else {
                    line.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let _ = write!(
            out,
            "\n## {}\n\ncategory: {}; default severity: {}\n\n{documentation}\n",
            rule.name,
            rule.category.name(),
            rule.default_severity_text()
        );
    }
    out.push_str(
        "\n## input-error\n\ncategory: input; default severity: error\n\nNot a rule of the charter but of the file: it could not be read, it is not UTF-8, TOML or JSON, or it is not a valid charter (an unknown key, a wrong type, a missing `team`). Every such error names the file, line and column, what was expected and how to fix it; `charterlint check` exits with 2 and still checks the other files. SARIF reports these as results of `input-error`, so code scanning shows them like findings.\n",
    );
    out
}

/// `charterlint explain RULE`.
pub fn explain_text(rule: &charterlint::rules::Rule) -> String {
    format!(
        "# {}\n\ncategory: {}; default severity: {}\n{}\n\n{}\n",
        rule.name,
        rule.category.name(),
        rule.default_severity_text(),
        rule.summary,
        rule.documentation()
    )
}

const STARTER_TOML: &str = r#"# A team charter: who holds which role, and which duties each role carries.
# `charterlint check` reports duties nobody owns, people who carry too much and
# duties whose ownership is blurred. `charterlint catalog` lists the duties it knows.
version = 1

[team]
name = "My team"
delivery_teams = 1          # scrum or delivery teams this charter covers
methodology = "scrum"       # scrum | safe | kanban | none

# One [[roles]] table per role. Duties are catalog ids or plain phrases, in RACI lists:
#   owns      accountable: answers for the duty (one owner per duty)
#   does      responsible: does the work
#   consulted asked before decisions
#   informed  kept up to date
[[roles]]
id = "pm"
title = "Product Manager"
holders = ["Dana"]          # an empty list marks the role vacant
owns = ["product vision", "roadmap", "user research", "success metrics", "business outcomes"]
consulted = ["backlog prioritization"]

[[roles]]
id = "po"
title = "Product Owner"
holders = ["Sam"]
owns = ["backlog prioritization", "writing user stories", "sprint planning", "acceptance", "sprint goals"]
consulted = ["roadmap"]

# The team's own words for catalog duties (optional).
[vocabulary]
"OKR setting" = "outcomes.success-metrics"

# Policy for this charter (optional); an org-wide --config file has the same table.
[lint]
fail_on = "error"           # error | warning | info | never
# severity = { "title-mismatch" = "off" }
# [[lint.accept]]
# rule = "combined-roles"
# target = "Dana"
# reason = "one product person until the Q3 hire"
# until = "2027-03-31"
"#;

const STARTER_JSON: &str = r#"{
  "version": 1,
  "team": {
    "name": "My team",
    "delivery_teams": 1,
    "methodology": "scrum"
  },
  "roles": [
    {
      "id": "pm",
      "title": "Product Manager",
      "holders": ["Dana"],
      "owns": ["product vision", "roadmap", "user research", "success metrics", "business outcomes"],
      "consulted": ["backlog prioritization"]
    },
    {
      "id": "po",
      "title": "Product Owner",
      "holders": ["Sam"],
      "owns": ["backlog prioritization", "writing user stories", "sprint planning", "acceptance", "sprint goals"],
      "consulted": ["roadmap"]
    }
  ],
  "vocabulary": {
    "OKR setting": "outcomes.success-metrics"
  },
  "lint": {
    "fail_on": "error"
  }
}
"#;

/// The starter charter `init` writes.
pub fn starter_charter(format: InputFormat) -> &'static str {
    match format {
        InputFormat::Toml => STARTER_TOML,
        InputFormat::Json => STARTER_JSON,
    }
}

/// The charter JSON Schema, as checked in at `schemas/charter.schema.json`.
pub fn charter_schema() -> String {
    charterlint::schema::charter_schema(charterlint::rules::names())
}
