//! The rules. Each lives in its own file with its documentation as the doc comment
//! above it; `charterlint explain NAME` prints that comment, so the two cannot drift.

use crate::catalog::ResponsibilityId;
use crate::finding::{Category, Finding, Severity};

mod context;

/// Declares each rule's module and lists the rule in [`RULES`]: adding a rule is its
/// file and one line here.
macro_rules! registry {
    ($($module:ident :: $rule:ident),* $(,)?) => {
        $(mod $module;)*

        /// Every rule, grouped by category.
        pub static RULES: &[&Rule] = &[$(&$module::$rule),*];
    };
}

registry! {
    unowned_area::UNOWNED_AREA,
    unowned_responsibility::UNOWNED_RESPONSIBILITY,
    vacant_role::VACANT_ROLE,
    combined_roles::COMBINED_ROLES,
    over_allocated::OVER_ALLOCATED,
    too_many_accountabilities::TOO_MANY_ACCOUNTABILITIES,
    spread_too_thin::SPREAD_TOO_THIN,
    shared_accountability::SHARED_ACCOUNTABILITY,
    handoff_undefined::HANDOFF_UNDEFINED,
    title_mismatch::TITLE_MISMATCH,
    unknown_duty::UNKNOWN_DUTY,
    unknown_specialist_duty::UNKNOWN_SPECIALIST_DUTY,
    ambiguous_duty::AMBIGUOUS_DUTY,
    similar_names::SIMILAR_NAMES,
    expired_acceptance::EXPIRED_ACCEPTANCE,
    unused_acceptance::UNUSED_ACCEPTANCE,
    stale_baseline::STALE_BASELINE,
}

/// The rules other code names, so that a rule's name is written in one place.
pub use ambiguous_duty::AMBIGUOUS_DUTY;
pub use context::{CheckedFile, Details, DutyIndex, MappedDuty, PersonInTeam, RoleIndex, Sink, TeamView};
pub(crate) use shared_accountability::SHARED_ACCOUNTABILITY;
pub use stale_baseline::STALE_BASELINE;
pub use unknown_duty::UNKNOWN_DUTY;
pub(crate) use unknown_specialist_duty::UNKNOWN_SPECIALIST_DUTY;

/// How and when a rule runs.
#[derive(Clone, Copy)]
pub enum RuleCheck {
    /// On one charter at a time.
    Team(fn(&TeamView<'_>, &mut Sink<'_>)),
    /// Across every charter checked together.
    Org(fn(&OrgView<'_>) -> Vec<Finding>),
    /// On the accepted risks of one policy, after every other rule.
    Policy(fn(&AcceptanceView<'_>) -> Vec<Finding>),
    /// On the entries of a baseline that matched no finding of the run.
    Baseline(fn(&BaselineView<'_>) -> Vec<Finding>),
}

/// What the rules about a baseline see: its file and its entries that matched nothing.
pub struct BaselineView<'a> {
    /// The baseline file, where the findings about it point.
    pub source: &'a crate::source::SourceFile,
    /// The baseline's entries that matched no finding, in file order.
    pub stale: &'a [crate::baseline::BaselineEntry],
    /// The org-wide policy (and `--fail-on`), which judges findings in no charter.
    pub policy: &'a crate::policy::ResolvedPolicy,
}

/// What the org-wide rules see: every checked team, and the people who can be
/// reported (in several teams, or with more than their whole time).
pub struct OrgView<'a> {
    /// How many charters were checked together.
    pub file_count: usize,
    /// The people who can be reported, by name, with what each brings from each team.
    pub people: &'a PeopleAcross<'a>,
}

/// What the rules about accepted risks see of one policy.
pub struct AcceptanceView<'a> {
    /// The policy whose acceptances are judged: a charter's, or the org-wide one.
    pub policy: &'a crate::policy::ResolvedPolicy,
    /// Per acceptance of the policy: whether it silenced a finding.
    pub used: &'a [bool],
    /// The team of the policy's charter; empty for the org-wide policy.
    pub team: &'a str,
    /// The day acceptances expire against.
    pub today: crate::charter::Date,
}

/// A rule: its identity, its documentation and its check.
pub struct Rule {
    /// kebab-case name, as used in `[lint]` and `explain`.
    pub name: &'static str,
    /// The kind of problem the rule looks for.
    pub category: Category,
    /// The severity of its findings, unless policy or the finding itself sets another.
    pub default_severity: Severity,
    /// How the default severity reads where it depends on the team.
    pub default_severity_note: Option<&'static str>,
    /// One line: what the rule reports.
    pub summary: &'static str,
    /// The rule's documentation, from its doc comment (Markdown).
    pub doc: &'static str,
    /// When the rule runs, and the function that checks.
    pub check: RuleCheck,
}

impl Rule {
    /// The documentation with the doc-comment indentation removed.
    pub fn documentation(&self) -> String {
        self.doc
            .lines()
            .map(|line| line.strip_prefix(' ').unwrap_or(line))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    }

    /// The default severity as `explain` shows it: the note, where there is one, else
    /// the severity's name.
    pub fn default_severity_text(&self) -> &'static str {
        self.default_severity_note
            .unwrap_or_else(|| self.default_severity.name())
    }
}

/// Declares a rule; its doc comment becomes its `explain` text.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis static $ident:ident = {
            name: $name:literal,
            category: $category:ident,
            severity: $severity:ident,
            $(severity_note: $note:literal,)?
            summary: $summary:literal,
            check: $check:expr $(,)?
        };
    ) => {
        $(#[doc = $doc])*
        $vis static $ident: $crate::rules::Rule = $crate::rules::Rule {
            name: $name,
            category: $crate::finding::Category::$category,
            default_severity: $crate::finding::Severity::$severity,
            default_severity_note: declare_rule!(@note $($note)?),
            summary: $summary,
            doc: concat!($($doc, "\n"),*),
            check: $check,
        };
    };
    (@note $note:literal) => { Some($note) };
    (@note) => { None };
}
pub(crate) use declare_rule;

/// Every rule's name, in registry order: what a charter's `[lint]` may name.
pub fn names() -> &'static [&'static str] {
    static NAMES: std::sync::LazyLock<Vec<&'static str>> =
        std::sync::LazyLock::new(|| RULES.iter().map(|rule| rule.name).collect());
    &NAMES
}

/// The rule with this name, if there is one.
pub fn find(name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|rule| rule.name == name)
}

/// The findings of the rules that look across every charter checked together.
pub fn org_findings(files: &[CheckedFile]) -> Vec<Finding> {
    // Only people in several teams or with more than their whole time can be reported;
    // most people are neither, so the rest never need sorting.
    let mut by_name: rustc_hash::FxHashMap<&str, Vec<_>> = rustc_hash::FxHashMap::default();
    for file in files {
        for (person, team) in &file.people {
            by_name.entry(person.as_str()).or_default().push((file, team));
        }
    }
    let people: PeopleAcross<'_> = by_name
        .into_iter()
        .filter(|(_, teams)| {
            teams.len() > 1
                || teams
                    .iter()
                    .flat_map(|(_, team)| team.roles.iter())
                    .map(|(_, share)| share)
                    .sum::<f64>()
                    > 1.0
        })
        .collect();
    let view = OrgView {
        file_count: files.len(),
        people: &people,
    };
    RULES
        .iter()
        .filter_map(|rule| match rule.check {
            RuleCheck::Org(check) => Some(check(&view)),
            _ => None,
        })
        .flatten()
        .collect()
}

/// Each person with what they bring from each team, teams in path order.
pub(crate) type PeopleAcross<'a> = std::collections::BTreeMap<&'a str, Vec<(&'a CheckedFile, &'a PersonInTeam)>>;

/// The findings about accepted risks: expired ones, and ones that silenced nothing.
pub fn acceptance_findings(
    policy: &crate::policy::ResolvedPolicy,
    used: &[bool],
    team: &str,
    today: crate::charter::Date,
) -> Vec<Finding> {
    let view = AcceptanceView {
        policy,
        used,
        team,
        today,
    };
    RULES
        .iter()
        .filter_map(|rule| match rule.check {
            RuleCheck::Policy(check) => Some(check(&view)),
            _ => None,
        })
        .flatten()
        .collect()
}

/// The findings about a baseline's entries that matched nothing.
pub fn baseline_findings(view: &BaselineView<'_>) -> Vec<Finding> {
    RULES
        .iter()
        .filter_map(|rule| match rule.check {
            RuleCheck::Baseline(check) => Some(check(view)),
            _ => None,
        })
        .flatten()
        .collect()
}

/// `a`, `a and b`, `a, b and c`.
pub(crate) fn join_words<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [only] => only.as_ref().to_string(),
        [init @ .., last] => format!(
            "{} and {}",
            init.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(", "),
            last.as_ref()
        ),
    }
}

/// Each item in backticks: `` `pm` ``.
pub(crate) fn quoted<S: AsRef<str>>(items: &[S]) -> Vec<String> {
    items.iter().map(|item| format!("`{}`", item.as_ref())).collect()
}

/// A finding of an org-wide rule, judged by the policy of the file it points into.
pub(crate) fn org_finding(
    rule: &Rule,
    file: &CheckedFile,
    location: crate::finding::Location,
    message: String,
    details: Details,
) -> Option<Finding> {
    policy_finding(rule, &file.policy, &file.team, || location, message, details)
}

/// A finding, judged by the given policy: `None` when the rule is off.
pub(crate) fn policy_finding(
    rule: &Rule,
    policy: &crate::policy::ResolvedPolicy,
    team: &str,
    location: impl FnOnce() -> crate::finding::Location,
    message: String,
    details: Details,
) -> Option<Finding> {
    let severity = policy.severity(rule.name, details.severity.unwrap_or(rule.default_severity))?;
    Some(Finding {
        rule: rule.name,
        category: rule.category,
        severity,
        message,
        // Located only once the rule is known to be on.
        location: location(),
        responsibility: details.responsibility.map(ResponsibilityId::text),
        roles: details.roles,
        people: details.people,
        help: details.help,
        team: team.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_kebab_case_and_documented() {
        for (index, rule) in RULES.iter().enumerate() {
            assert!(
                rule.name
                    .split('-')
                    .all(|word| !word.is_empty() && word.bytes().all(|byte| byte.is_ascii_lowercase())),
                "{} is not kebab-case",
                rule.name
            );
            assert_eq!(find(rule.name).map(|found| found.name), Some(rule.name));
            assert!(RULES[..index].iter().all(|earlier| earlier.name != rule.name));
            let doc = rule.documentation();
            for section in [
                "## What it checks",
                "## Why it matters",
                "## How to fix it",
                "## Example",
            ] {
                assert!(doc.contains(section), "{} lacks {section}", rule.name);
            }
            assert!(!rule.summary.ends_with('.'), "{}", rule.name);
        }
    }

    #[test]
    fn words_join_like_prose() {
        assert_eq!(join_words(&["a"]), "a");
        assert_eq!(join_words(&["a", "b"]), "a and b");
        assert_eq!(join_words(&["a", "b", "c"]), "a, b and c");
    }
}
