//! Policy: the org-wide `--config` table, the charter's `[lint]` and command-line flags,
//! resolved into one set of severities, requirements, thresholds and acceptances.

use crate::catalog::PerResponsibility;
use crate::charter::{Acceptance, Charter, Date, FailOn, LintConfig, RuleLevel, Spanned, Team};
use crate::finding::{AcceptedFinding, Finding, Location, Severity};
use crate::source::SourceFile;

/// `max_accountabilities` when no policy sets it.
pub const DEFAULT_MAX_ACCOUNTABILITIES: u32 = 10;
/// `max_teams_per_person` when no policy sets it.
pub const DEFAULT_MAX_TEAMS_PER_PERSON: u32 = 2;
/// `combined_roles_warn_at` when no policy sets it.
pub const DEFAULT_COMBINED_ROLES_WARN_AT: u32 = 2;

/// The org-wide policy file given with `--config`, if any.
#[derive(Debug, Clone, Default)]
pub struct OrgPolicy {
    /// The file's `[lint]` table; empty without `--config`.
    pub lint: LintConfig,
    /// The policy file, where its acceptances are located; `None` without `--config`.
    pub source: Option<SourceFile>,
}

/// An accepted risk, with where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedAcceptance {
    /// The name of the rule whose findings it silences.
    pub rule: String,
    /// The person, role id or responsibility id it is limited to; `None` matches every
    /// finding of the rule.
    pub target: Option<String>,
    /// Why the risk is accepted.
    pub reason: String,
    /// The last day it holds; `None` when it does not expire.
    pub until: Option<Date>,
    /// Where the acceptance's table is written.
    pub location: Location,
    /// Where its `until` date is written, if it has one.
    pub until_location: Option<Location>,
}

impl ResolvedAcceptance {
    /// An acceptance of a `[lint]` table, located in the file it is written in.
    pub fn new(acceptance: &Acceptance, source: &SourceFile) -> Self {
        ResolvedAcceptance {
            rule: acceptance.rule.value.clone(),
            target: acceptance.target.as_ref().map(|target| target.value.clone()),
            reason: acceptance.reason.value.clone(),
            until: acceptance.until.as_ref().map(|until| until.value),
            location: Location::new(source, &acceptance.span),
            until_location: acceptance
                .until
                .as_ref()
                .map(|until| Location::new(source, &until.span)),
        }
    }

    /// Every acceptance of a `[lint]` table, located in its file.
    pub fn all(lint: &LintConfig, source: &SourceFile) -> Vec<Self> {
        lint.accept
            .iter()
            .map(|acceptance| Self::new(acceptance, source))
            .collect()
    }

    /// Whether its last day is before `today`: an acceptance holds through its `until`
    /// day.
    pub fn is_expired(&self, today: Date) -> bool {
        self.until.is_some_and(|until| until < today)
    }

    /// The finding, set apart by this acceptance.
    pub fn accept(&self, finding: Finding) -> AcceptedFinding {
        AcceptedFinding {
            reason: self.reason.clone(),
            until: self.until.map(|until| until.to_string()),
            accepted_at: self.location.clone(),
            finding,
        }
    }

    /// Whether this acceptance covers the finding: same rule, and the target (if any)
    /// names one of its people, roles or its responsibility.
    pub fn matches(&self, finding: &Finding) -> bool {
        if self.rule != finding.rule {
            return false;
        }
        let Some(target) = &self.target else {
            return true;
        };
        finding.people.iter().any(|person| person == target)
            || finding.roles.iter().any(|role| role == target)
            || finding.responsibility == Some(target.as_str())
    }
}

/// The accepted risks of a run: each charter's own, then the org-wide ones, and which
/// of them matched a finding (the rest are reported as unused).
pub struct Acceptances<'a> {
    own: Vec<&'a [ResolvedAcceptance]>,
    org: &'a [ResolvedAcceptance],
    used: Vec<Vec<bool>>,
    org_used: Vec<bool>,
    today: Date,
}

impl<'a> Acceptances<'a> {
    /// `files` are the policies of the run's files, in the order `accept` numbers them.
    pub fn new(files: impl Iterator<Item = &'a ResolvedPolicy>, org: &'a ResolvedPolicy, today: Date) -> Self {
        let own: Vec<&[ResolvedAcceptance]> = files.map(|policy| policy.acceptances.as_slice()).collect();
        Acceptances {
            used: own.iter().map(|list| vec![false; list.len()]).collect(),
            org_used: vec![false; org.acceptances.len()],
            own,
            org: &org.acceptances,
            today,
        }
    }

    /// The unexpired acceptance that covers the finding, of its own file (`file`, an
    /// index into the policies given to `new`) before the organisation's, marked used.
    pub fn covering(&mut self, file: Option<usize>, finding: &Finding) -> Option<&'a ResolvedAcceptance> {
        let today = self.today;
        let covers = |acceptance: &ResolvedAcceptance| !acceptance.is_expired(today) && acceptance.matches(finding);
        let own = file.map_or(&[][..], |index| self.own[index]);
        if let Some(position) = own.iter().position(covers) {
            if let Some(index) = file {
                self.used[index][position] = true;
            }
            return Some(&own[position]);
        }
        let position = self.org.iter().position(covers)?;
        self.org_used[position] = true;
        Some(&self.org[position])
    }

    /// Per file, then for the organisation: which acceptances matched a finding.
    pub fn used(self) -> (Vec<Vec<bool>>, Vec<bool>) {
        (self.used, self.org_used)
    }
}

/// The policy in force for one charter.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedPolicy {
    /// The lowest severity that fails the run: the command line's, else the last
    /// layer's, else error.
    pub fail_on: FailOn,
    levels: Vec<(String, RuleLevel)>,
    /// Per catalog entry: whether it is core for this team.
    pub core: PerResponsibility<bool>,
    /// How many distinct product ownership responsibilities one person may own in one
    /// team.
    pub max_accountabilities: u32,
    /// In how many teams one person may own responsibilities.
    pub max_teams_per_person: u32,
    /// The number of delivery teams at which `combined-roles` becomes a warning.
    pub combined_roles_warn_at: u32,
    /// The charter's own acceptances; the org-wide ones are shared by every file.
    pub acceptances: Vec<ResolvedAcceptance>,
}

impl ResolvedPolicy {
    /// Layers: org-wide file, then the charter's `[lint]` (scalars key by key, severities
    /// rule by rule, requirement lists added together), then the command line.
    pub fn resolve(charter: &Charter, source: &SourceFile, org: &OrgPolicy, cli_fail_on: Option<FailOn>) -> Self {
        let mut policy = Self::from_layers(&[&org.lint, &charter.lint], Some(&charter.team), cli_fail_on);
        policy.acceptances = ResolvedAcceptance::all(&charter.lint, source);
        policy
    }

    /// The policy of the org-wide layer alone, for what belongs to no charter.
    pub fn resolve_org(org: &OrgPolicy, cli_fail_on: Option<FailOn>) -> Self {
        let mut policy = Self::from_layers(&[&org.lint], None, cli_fail_on);
        if let Some(source) = &org.source {
            policy.acceptances = ResolvedAcceptance::all(&org.lint, source);
        }
        policy
    }

    fn from_layers(layers: &[&LintConfig], team: Option<&Team>, cli_fail_on: Option<FailOn>) -> Self {
        let last = |pick: fn(&LintConfig) -> Option<&Spanned<u32>>, default: u32| {
            layers
                .iter()
                .rev()
                .find_map(|layer| pick(layer))
                .map_or(default, |value| value.value)
        };
        let fail_on = cli_fail_on
            .or_else(|| {
                layers
                    .iter()
                    .rev()
                    .find_map(|layer| layer.fail_on.as_ref().map(|value| value.value))
            })
            .unwrap_or(FailOn::Error);
        let mut levels: Vec<(String, RuleLevel)> = Vec::new();
        for layer in layers {
            for (rule, level) in &layer.severity.0 {
                levels.retain(|(name, _)| *name != rule.value);
                levels.push((rule.value.clone(), level.value));
            }
        }
        // Most layers list nothing: then no entry needs looking up.
        let lists_any = layers
            .iter()
            .any(|layer| !layer.optional.is_empty() || !layer.require.is_empty());
        let listed = |id: &str, pick: fn(&LintConfig) -> &Vec<Spanned<String>>| {
            lists_any
                && layers
                    .iter()
                    .any(|layer| pick(layer).iter().any(|entry| entry.value == id))
        };
        let core = PerResponsibility::from_fn(|responsibility| {
            let entry = responsibility.entry();
            let Some(team) = team else { return false };
            if listed(entry.id, |layer| &layer.optional) {
                false
            } else {
                listed(entry.id, |layer| &layer.require)
                    || entry.core.holds_for(
                        team.methodology.has_sprints(),
                        team.delivery_teams,
                        team.cross_team_dependencies,
                    )
            }
        });
        ResolvedPolicy {
            fail_on,
            levels,
            core,
            max_accountabilities: last(
                |layer| layer.max_accountabilities.as_ref(),
                DEFAULT_MAX_ACCOUNTABILITIES,
            ),
            max_teams_per_person: last(
                |layer| layer.max_teams_per_person.as_ref(),
                DEFAULT_MAX_TEAMS_PER_PERSON,
            ),
            combined_roles_warn_at: last(
                |layer| layer.combined_roles_warn_at.as_ref(),
                DEFAULT_COMBINED_ROLES_WARN_AT,
            ),
            acceptances: Vec::new(),
        }
    }

    /// The severity a rule's finding gets here, or `None` when the rule is off.
    pub fn severity(&self, rule: &str, default: Severity) -> Option<Severity> {
        match self
            .levels
            .iter()
            .find(|(name, _)| name == rule)
            .map(|(_, level)| *level)
        {
            None => Some(default),
            Some(RuleLevel::Error) => Some(Severity::Error),
            Some(RuleLevel::Warning) => Some(Severity::Warning),
            Some(RuleLevel::Info) => Some(Severity::Info),
            Some(RuleLevel::Off) => None,
        }
    }

    /// Whether a finding of this severity fails the run.
    pub fn fails(&self, severity: Severity) -> bool {
        match self.fail_on {
            FailOn::Error => severity >= Severity::Error,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Info => true,
            FailOn::Never => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charter::{InputFormat, load_bytes};

    /// The rules these tests name in `[lint]`; policy knows no rule registry.
    const RULE_NAMES: &[&str] = &[
        "combined-roles",
        "title-mismatch",
        "vacant-role",
        "unknown-duty",
        "shared-accountability",
    ];

    fn charter(lint: &str) -> crate::charter::LoadedCharter {
        let text = format!("version = 1\n[team]\nname = \"T\"\nmethodology = \"kanban\"\n{lint}");
        load_bytes("team.charter.toml", text.into_bytes(), InputFormat::Toml, RULE_NAMES).expect("valid charter")
    }

    fn org(lint: &str) -> OrgPolicy {
        let loaded = charter(lint);
        OrgPolicy {
            lint: loaded.charter.lint,
            source: Some(loaded.source),
        }
    }

    fn resolve(org_lint: &str, charter_lint: &str, cli: Option<FailOn>) -> ResolvedPolicy {
        let loaded = charter(charter_lint);
        ResolvedPolicy::resolve(&loaded.charter, &loaded.source, &org(org_lint), cli)
    }

    fn core(policy: &ResolvedPolicy, id: &str) -> bool {
        policy.core[crate::catalog::ResponsibilityId::from_text(id).expect("catalog id")]
    }

    #[test]
    fn defaults_without_any_policy() {
        let policy = resolve("", "", None);
        assert_eq!(policy.fail_on, FailOn::Error);
        assert_eq!(policy.max_accountabilities, DEFAULT_MAX_ACCOUNTABILITIES);
        assert_eq!(policy.severity("title-mismatch", Severity::Info), Some(Severity::Info));
        // A kanban team: sprint duties are not core.
        assert!(!core(&policy, "backlog.sprint-support"));
        assert!(core(&policy, "strategy.vision"));
    }

    #[test]
    fn the_charter_overrides_the_org_key_by_key_and_the_command_line_overrides_both() {
        let org_lint = "[lint]\nfail_on = \"warning\"\nmax_accountabilities = 8\nmax_teams_per_person = 3\n";
        let charter_lint = "[lint]\nmax_accountabilities = 12\n";
        let policy = resolve(org_lint, charter_lint, None);
        assert_eq!(policy.fail_on, FailOn::Warning, "kept from the org");
        assert_eq!(policy.max_accountabilities, 12, "the charter's own");
        assert_eq!(policy.max_teams_per_person, 3, "kept from the org");
        let policy = resolve(org_lint, charter_lint, Some(FailOn::Never));
        assert_eq!(policy.fail_on, FailOn::Never, "the command line wins");
    }

    #[test]
    fn severities_merge_rule_by_rule() {
        let policy = resolve(
            "[lint]\nseverity = { \"title-mismatch\" = \"off\", \"combined-roles\" = \"error\" }\n",
            "[lint]\nseverity = { \"combined-roles\" = \"warning\" }\n",
            None,
        );
        assert_eq!(
            policy.severity("title-mismatch", Severity::Info),
            None,
            "off from the org"
        );
        assert_eq!(
            policy.severity("combined-roles", Severity::Info),
            Some(Severity::Warning),
            "the charter's"
        );
        assert_eq!(
            policy.severity("vacant-role", Severity::Warning),
            Some(Severity::Warning),
            "untouched"
        );
    }

    #[test]
    fn requirement_lists_of_both_layers_apply() {
        let policy = resolve(
            "[lint]\nrequire = [\"strategy.go-to-market\"]\n",
            "[lint]\nrequire = [\"backlog.stakeholder-translation\"]\noptional = [\"outcomes.business-outcomes\"]\n",
            None,
        );
        assert!(core(&policy, "strategy.go-to-market"), "the org's requirement");
        assert!(
            core(&policy, "backlog.stakeholder-translation"),
            "the charter's requirement"
        );
        assert!(!core(&policy, "outcomes.business-outcomes"), "the charter opts out");
    }

    #[test]
    fn acceptances_match_by_rule_and_by_person_role_or_responsibility() {
        let policy = resolve(
            "",
            "[[lint.accept]]\nrule = \"vacant-role\"\ntarget = \"designer\"\nreason = \"hiring\"\nuntil = \"2020-01-01\"\n",
            None,
        );
        let acceptance = &policy.acceptances[0];
        assert!(acceptance.is_expired(Date::parse("2026-06-01").expect("date")));
        assert!(!acceptance.is_expired(Date::parse("2019-12-31").expect("date")));
        let finding = |rule: &'static str, roles: &[&str]| Finding {
            rule,
            category: crate::finding::Category::Gap,
            severity: Severity::Warning,
            message: String::new(),
            location: acceptance.location.clone(),
            responsibility: None,
            roles: roles.iter().map(|role| role.to_string()).collect(),
            people: Vec::new(),
            help: None,
            team: String::new(),
        };
        assert!(acceptance.matches(&finding("vacant-role", &["designer"])));
        assert!(!acceptance.matches(&finding("vacant-role", &["po"])));
        assert!(!acceptance.matches(&finding("combined-roles", &["designer"])));
    }
}
