//! The charter model: plain types, with the source span of every value a finding may
//! point at. The charter JSON Schema is generated from these types.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::catalog::ResponsibilityId;
use crate::source::Span;

/// A value together with the byte range it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    /// The decoded value.
    pub value: T,
    /// Where the value stands in the file's text, as a byte range.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Pairs a value with the byte range it came from.
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

impl<T: JsonSchema> JsonSchema for Spanned<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

/// A team charter: one team, the roles in it, the people who hold them and the duties
/// each role carries.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields, title = "charterlint team charter")]
pub struct Charter {
    /// The JSON Schema this file follows, for editors; charterlint ignores it.
    #[schemars(rename = "$schema")]
    pub schema: Option<String>,
    /// Version of the charter format. Only 1 is supported.
    #[schemars(range(min = 1, max = 1))]
    pub version: u32,
    /// The team this charter describes.
    pub team: Team,
    /// The team's roles. A role with no holders is vacant and owns nothing.
    #[schemars(default)]
    pub roles: Vec<Role>,
    /// The team's own words for catalog responsibilities: phrase = responsibility id.
    /// Consulted before the built-in aliases.
    #[schemars(default)]
    pub vocabulary: Vocabulary,
    /// Policy for this charter; overrides an org-wide `--config` file key by key.
    #[schemars(default)]
    pub lint: LintConfig,
}

/// The team the charter describes.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Team {
    /// The team's name.
    #[schemars(length(min = 1))]
    pub name: Spanned<String>,
    /// How many people are on the team.
    #[schemars(range(min = 1))]
    pub size: Option<u32>,
    /// How many scrum or delivery teams this charter covers.
    #[schemars(default = "default_delivery_teams", range(min = 1))]
    pub delivery_teams: u32,
    /// How the team plans its work; sprint duties are core only under scrum and safe.
    #[schemars(default)]
    pub methodology: Methodology,
    /// Whether the team's work depends on other teams' work.
    #[schemars(default)]
    pub cross_team_dependencies: bool,
    /// Where the team table is declared: the anchor of team-wide findings.
    #[schemars(skip)]
    pub span: Span,
}

fn default_delivery_teams() -> u32 {
    1
}

/// How a team plans and delivers its work.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, JsonSchema, serde::Serialize)]
#[serde(rename_all = "lowercase")]
#[schemars(rename_all = "lowercase")]
pub enum Methodology {
    /// Scrum: the team works in sprints, so sprint duties are core (the default).
    #[default]
    Scrum,
    /// SAFe: sprints (iterations), so sprint duties are core.
    Safe,
    /// Kanban: continuous flow without sprints, so sprint duties are not core.
    Kanban,
    /// No named method: no sprints, so sprint duties are not core.
    None,
}

impl Methodology {
    /// Every methodology, in the order an error lists the accepted names.
    pub const ALL: [Methodology; 4] = [
        Methodology::Scrum,
        Methodology::Safe,
        Methodology::Kanban,
        Methodology::None,
    ];

    /// The name a charter writes: `scrum`, `safe`, `kanban` or `none`.
    pub fn name(self) -> &'static str {
        match self {
            Methodology::Scrum => "scrum",
            Methodology::Safe => "safe",
            Methodology::Kanban => "kanban",
            Methodology::None => "none",
        }
    }

    /// Whether the team works in sprints, which makes sprint duties core.
    pub fn has_sprints(self) -> bool {
        matches!(self, Methodology::Scrum | Methodology::Safe)
    }
}

/// One role: a title, the people who hold it and the duties it carries, in RACI terms.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Role {
    /// Identifier, unique in the file: lowercase letters, digits and dashes.
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"))]
    pub id: Spanned<String>,
    /// The role's title as the team uses it, such as "Product Owner".
    #[schemars(length(min = 1))]
    pub title: Spanned<String>,
    /// The people who hold the role, matched by exact name across roles and files.
    /// An empty list makes the role vacant.
    #[schemars(inner(regex(pattern = r"\S")), extend("uniqueItems" = true))]
    pub holders: Vec<Spanned<String>>,
    /// The delivery team or part of the product this role covers. Owners of one
    /// responsibility in different scopes split it; a role without a scope covers the
    /// whole team.
    pub scope: Option<Spanned<String>>,
    /// Share of each holder's time this role takes, greater than 0 and at most 1.
    #[schemars(default = "default_allocation", range(max = 1.0), extend("exclusiveMinimum" = 0.0))]
    pub allocation: Spanned<f64>,
    /// Duties the role is accountable for (RACI A): a catalog id or free text.
    #[schemars(default, inner(regex(pattern = r"\S")))]
    pub owns: Vec<Spanned<String>>,
    /// Duties the role does the work for (RACI R).
    #[schemars(default, inner(regex(pattern = r"\S")))]
    pub does: Vec<Spanned<String>>,
    /// Duties the role is consulted on (RACI C).
    #[schemars(default, inner(regex(pattern = r"\S")))]
    pub consulted: Vec<Spanned<String>>,
    /// Duties the role is kept informed about (RACI I).
    #[schemars(default, inner(regex(pattern = r"\S")))]
    pub informed: Vec<Spanned<String>>,
}

fn default_allocation() -> f64 {
    1.0
}

impl Role {
    /// Whether nobody holds the role: a vacant role owns nothing.
    pub fn is_vacant(&self) -> bool {
        self.holders.is_empty()
    }

    /// The duty lists with their RACI letter, in a fixed order.
    pub fn duty_lists(&self) -> [(Raci, &[Spanned<String>]); 4] {
        [
            (Raci::Accountable, &self.owns),
            (Raci::Responsible, &self.does),
            (Raci::Consulted, &self.consulted),
            (Raci::Informed, &self.informed),
        ]
    }
}

/// The RACI relation of a role to a duty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum Raci {
    /// Answers for the duty (`owns`).
    #[serde(rename = "A")]
    Accountable,
    /// Does the work (`does`).
    #[serde(rename = "R")]
    Responsible,
    /// Is asked before decisions (`consulted`).
    #[serde(rename = "C")]
    Consulted,
    /// Is kept up to date (`informed`).
    #[serde(rename = "I")]
    Informed,
}

impl Raci {
    /// The RACI letter: `A`, `R`, `C` or `I`.
    pub fn letter(self) -> char {
        match self {
            Raci::Accountable => 'A',
            Raci::Responsible => 'R',
            Raci::Consulted => 'C',
            Raci::Informed => 'I',
        }
    }

    /// The key under which the charter lists duties of this kind.
    pub fn key(self) -> &'static str {
        match self {
            Raci::Accountable => "owns",
            Raci::Responsible => "does",
            Raci::Consulted => "consulted",
            Raci::Informed => "informed",
        }
    }
}

/// The team's own phrases for catalog responsibilities.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vocabulary(pub Vec<VocabularyEntry>);

/// One phrase of a charter's `[vocabulary]` and the responsibility it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct VocabularyEntry {
    /// The team's phrase, as the charter writes it (the key).
    pub phrase: Spanned<String>,
    /// Index into the catalog.
    pub responsibility: Spanned<ResponsibilityId>,
}

impl JsonSchema for Vocabulary {
    fn schema_name() -> Cow<'static, str> {
        "Vocabulary".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let ids: Vec<&str> = crate::catalog::CATALOG.iter().map(|entry| entry.id).collect();
        json_schema!({
            "description": "The team's own words for catalog responsibilities: phrase = responsibility id.",
            "type": "object",
            "additionalProperties": { "type": "string", "enum": ids }
        })
    }
}

/// Policy: how findings are judged for this charter.
#[derive(Debug, Clone, Default, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct LintConfig {
    /// The lowest severity that makes `check` exit with 1.
    pub fail_on: Option<Spanned<FailOn>>,
    /// Severity per rule, including `off`.
    #[schemars(default)]
    pub severity: SeverityOverrides,
    /// Responsibility ids this team treats as core in addition to the catalog's.
    #[schemars(default)]
    pub require: Vec<Spanned<String>>,
    /// Core responsibility ids this team opts out of.
    #[schemars(default)]
    pub optional: Vec<Spanned<String>>,
    /// How many distinct responsibilities one person may own in one team (default 10).
    #[schemars(range(min = 1))]
    pub max_accountabilities: Option<Spanned<u32>>,
    /// In how many teams one person may own responsibilities (default 2).
    #[schemars(range(min = 1))]
    pub max_teams_per_person: Option<Spanned<u32>>,
    /// The number of delivery teams at which `combined-roles` becomes a warning (default 2).
    #[schemars(range(min = 1))]
    pub combined_roles_warn_at: Option<Spanned<u32>>,
    /// Accepted risks: each silences the findings it matches.
    #[schemars(default)]
    pub accept: Vec<Acceptance>,
}

/// The severity at which `check` fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, JsonSchema, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
#[schemars(rename_all = "lowercase")]
pub enum FailOn {
    /// Fail on errors only (the default).
    Error,
    /// Fail on warnings and errors.
    Warning,
    /// Fail on any finding.
    Info,
    /// Never fail on findings; an input error still exits with 2.
    Never,
}

impl FailOn {
    /// The values `fail_on` accepts, as a charter writes them.
    pub const NAMES: [&'static str; 4] = ["error", "warning", "info", "never"];

    /// The `fail_on` value a name stands for, or `None` for an unknown name.
    pub fn parse(text: &str) -> Option<FailOn> {
        match text {
            "error" => Some(FailOn::Error),
            "warning" => Some(FailOn::Warning),
            "info" => Some(FailOn::Info),
            "never" => Some(FailOn::Never),
            _ => None,
        }
    }
}

/// A severity chosen for a rule, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, JsonSchema)]
#[schemars(rename_all = "lowercase")]
pub enum RuleLevel {
    /// Report the rule's findings as errors.
    Error,
    /// Report the rule's findings as warnings.
    Warning,
    /// Report the rule's findings as info.
    Info,
    /// Turn the rule off: it reports nothing.
    Off,
}

impl RuleLevel {
    /// The values `[lint] severity` accepts, as a charter writes them.
    pub const NAMES: [&'static str; 4] = ["error", "warning", "info", "off"];

    /// The level a name stands for, or `None` for an unknown name.
    pub fn parse(text: &str) -> Option<RuleLevel> {
        match text {
            "error" => Some(RuleLevel::Error),
            "warning" => Some(RuleLevel::Warning),
            "info" => Some(RuleLevel::Info),
            "off" => Some(RuleLevel::Off),
            _ => None,
        }
    }
}

/// Rule name = severity.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SeverityOverrides(pub Vec<(Spanned<String>, Spanned<RuleLevel>)>);

impl JsonSchema for SeverityOverrides {
    fn schema_name() -> Cow<'static, str> {
        "SeverityOverrides".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        // The rule names are added by whoever prints the schema: the model knows no rules.
        json_schema!({
            "description": "Severity per rule: error, warning, info or off.",
            "type": "object",
            "additionalProperties": { "type": "string", "enum": RuleLevel::NAMES }
        })
    }
}

/// An accepted risk: silences the findings of one rule, optionally for one target and
/// until a date.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Acceptance {
    /// The rule whose findings this acceptance silences.
    pub rule: Spanned<String>,
    /// A person, role id or responsibility id; without it every finding of the rule matches.
    pub target: Option<Spanned<String>>,
    /// Why the risk is accepted. Required and shown in reports.
    #[schemars(length(min = 1))]
    pub reason: Spanned<String>,
    /// The last day the acceptance holds (YYYY-MM-DD); after it the findings come back.
    pub until: Option<Spanned<Date>>,
    /// The acceptance table itself, where `unused-acceptance` points.
    #[schemars(skip)]
    pub span: Span,
}

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year; four digits when parsed from text.
    pub year: i32,
    /// The month, 1 (January) to 12.
    pub month: u32,
    /// The day of the month, from 1.
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking the day exists.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let year_text = parts.next()?;
        let month_text = parts.next()?;
        let day_text = parts.next()?;
        if parts.next().is_some()
            || year_text.len() != 4
            || month_text.len() != 2
            || day_text.len() != 2
            || !(year_text.bytes().chain(month_text.bytes()).chain(day_text.bytes())).all(|byte| byte.is_ascii_digit())
        {
            return None;
        }
        let date = Date {
            year: year_text.parse().ok()?,
            month: month_text.parse().ok()?,
            day: day_text.parse().ok()?,
        };
        (date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= date.days_in_month()).then_some(date)
    }

    fn days_in_month(self) -> u32 {
        let leap = (self.year % 4 == 0 && self.year % 100 != 0) || self.year % 400 == 0;
        match self.month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// The date of a count of days since 1970-01-01 (Howard Hinnant's civil_from_days).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let shifted = days + 719_468;
        let era = shifted.div_euclid(146_097);
        let day_of_era = shifted.rem_euclid(146_097);
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_index = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
        let month = if month_index < 10 {
            month_index + 3
        } else {
            month_index - 9
        } as u32;
        let year = (year_of_era + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Today in UTC.
    pub fn today() -> Date {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs() as i64);
        Date::from_days_since_epoch(seconds.div_euclid(86_400))
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "format": "date" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_order() {
        let date = Date::parse("2027-03-31").unwrap();
        assert_eq!(date.to_string(), "2027-03-31");
        assert!(Date::parse("2027-02-30").is_none());
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("27-3-31").is_none());
        assert!(Date::parse("2020-01-01").unwrap() < date);
    }

    #[test]
    fn dates_from_days() {
        assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days_since_epoch(20_513).to_string(), "2026-03-01");
        assert_eq!(Date::from_days_since_epoch(11_016).to_string(), "2000-02-29");
    }
}
