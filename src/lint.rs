//! The lint run: each charter is mapped and checked on its own, then the org-wide rules
//! and the accepted risks are applied across every file checked together.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::catalog::{Area, CATALOG};
use crate::charter::{Charter, Date, FailOn, LoadFailure, LoadedCharter, Raci, Role, Spanned};
use crate::discover::{CharterPath, Walked};
use crate::finding::{AcceptedFinding, Finding, Location, Severity, Summary};
use crate::mapping::{BacklogLevel, DutyMapping, Mapper, backlog_level};
use crate::policy::{OrgPolicy, ResolvedAcceptance, ResolvedPolicy};
use crate::rules::{self, Rule, RuleCheck};
use crate::source::{SourceFile, Span};

/// One duty string of one role, with what it mapped to.
#[derive(Debug, Clone)]
pub struct MappedDuty<'a> {
    pub role: usize,
    pub raci: Raci,
    pub text: &'a Spanned<String>,
    pub mapping: DutyMapping,
    /// The backlog level the duty names, for responsibilities with levels.
    pub level: Option<BacklogLevel>,
}

impl MappedDuty<'_> {
    pub fn responsibility(&self) -> Option<usize> {
        self.mapping.responsibility()
    }
}

/// A charter with every duty mapped and ownership indexed, as the rules see it.
pub struct TeamView<'a> {
    pub charter: &'a Charter,
    pub source: &'a SourceFile,
    pub policy: &'a ResolvedPolicy,
    /// Every duty of every role, in file order.
    pub duties: Vec<MappedDuty<'a>>,
    /// Per catalog entry: the `owns` duties (indexes into `duties`) of roles with holders.
    pub owners: Vec<Vec<usize>>,
    /// Per catalog entry: the `owns` duties of vacant roles.
    pub vacant_owners: Vec<Vec<usize>>,
    /// Per person: the roles they hold (indexes into the charter's roles).
    pub people: BTreeMap<&'a str, Vec<usize>>,
    /// Per role: the product ownership entries it owns (whether or not it is vacant), sorted.
    owned_by_role: Vec<Vec<usize>>,
    /// Per person: the product ownership entries they own through all their roles, sorted.
    owned_by_person: BTreeMap<&'a str, Vec<usize>>,
    /// Per (role, person): where the person's name stands in the role's holders.
    holder_spans: rustc_hash::FxHashMap<(usize, &'a str), Span>,
}

impl<'a> TeamView<'a> {
    pub fn new(loaded: &'a LoadedCharter, policy: &'a ResolvedPolicy, mapper: &Mapper) -> Self {
        let charter = &loaded.charter;
        let mut duties = Vec::new();
        let mut owners = vec![Vec::new(); CATALOG.len()];
        let mut vacant_owners = vec![Vec::new(); CATALOG.len()];
        let mut people: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut holder_spans = rustc_hash::FxHashMap::default();
        for (role_index, role) in charter.roles.iter().enumerate() {
            for holder in &role.holders {
                holder_spans.insert((role_index, holder.value.as_str()), holder.span.clone());
                let roles = people.entry(holder.value.as_str()).or_default();
                if roles.last() != Some(&role_index) {
                    roles.push(role_index);
                }
            }
            for (raci, list) in role.duty_lists() {
                for text in list {
                    let mapping = mapper.map(&text.value);
                    if raci == Raci::Accountable
                        && let Some(responsibility) = mapping.responsibility()
                    {
                        let index = duties.len();
                        if role.is_vacant() {
                            vacant_owners[responsibility].push(index);
                        } else {
                            owners[responsibility].push(index);
                        }
                    }
                    let level = mapping
                        .responsibility()
                        .filter(|&responsibility| CATALOG[responsibility].has_levels)
                        .and_then(|_| backlog_level(&text.value));
                    duties.push(MappedDuty {
                        role: role_index,
                        raci,
                        text,
                        mapping,
                        level,
                    });
                }
            }
        }
        // Loads and area counts are about product ownership: a role that also owns
        // code review or hiring carries no more of the product for it.
        let mut owned_by_role = vec![Vec::new(); charter.roles.len()];
        for duty in &duties {
            if duty.raci == Raci::Accountable
                && let Some(responsibility) = duty.responsibility()
                && CATALOG[responsibility].is_product_ownership()
            {
                owned_by_role[duty.role].push(responsibility);
            }
        }
        for owned in &mut owned_by_role {
            owned.sort_unstable();
            owned.dedup();
        }
        let owned_by_person = people
            .iter()
            .map(|(&person, roles)| {
                let mut owned: Vec<usize> = roles
                    .iter()
                    .flat_map(|&role| owned_by_role[role].iter().copied())
                    .collect();
                owned.sort_unstable();
                owned.dedup();
                (person, owned)
            })
            .collect();
        TeamView {
            charter,
            source: &loaded.source,
            policy,
            duties,
            owners,
            vacant_owners,
            people,
            owned_by_role,
            owned_by_person,
            holder_spans,
        }
    }

    pub fn role(&self, index: usize) -> &'a Role {
        &self.charter.roles[index]
    }

    pub fn team_name(&self) -> &'a str {
        &self.charter.team.name.value
    }

    /// The people who own a responsibility through their roles, sorted, without repeats.
    pub fn owner_names(&self, responsibility: usize) -> Vec<&'a str> {
        let mut names: Vec<&str> = self.owners[responsibility]
            .iter()
            .flat_map(|&duty| self.role(self.duties[duty].role).holders.iter())
            .map(|holder| holder.value.as_str())
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// The product ownership entries a person owns in this team, sorted.
    pub fn owned_by(&self, person: &str) -> &[usize] {
        self.owned_by_person.get(person).map_or(&[][..], Vec::as_slice)
    }

    /// The product ownership entries a role owns (whether or not it is vacant), sorted.
    pub fn owned_by_role(&self, role: usize) -> &[usize] {
        &self.owned_by_role[role]
    }

    /// Whether any role with holders owns something in the area.
    pub fn area_is_owned(&self, area: Area) -> bool {
        CATALOG
            .iter()
            .enumerate()
            .any(|(index, entry)| entry.area == area && !self.owners[index].is_empty())
    }

    /// The span of the first role of a person, at their name in `holders`.
    pub fn holder_span(&self, person: &str, role: usize) -> Span {
        self.holder_spans
            .get(&(role, person))
            .map_or_else(|| self.role(role).id.span.clone(), Clone::clone)
    }
}

/// Extra facts a finding carries besides its message and place.
#[derive(Debug, Clone, Default)]
pub struct Details {
    pub responsibility: Option<usize>,
    pub roles: Vec<String>,
    pub people: Vec<String>,
    pub help: Option<String>,
    /// A severity that replaces the rule's default (before policy overrides).
    pub severity: Option<Severity>,
}

/// Collects the findings of the rules run on one charter.
pub struct Sink<'a> {
    source: &'a SourceFile,
    policy: &'a ResolvedPolicy,
    team: &'a str,
    pub findings: Vec<Finding>,
}

impl<'a> Sink<'a> {
    pub fn new(source: &'a SourceFile, policy: &'a ResolvedPolicy, team: &'a str) -> Self {
        Sink {
            source,
            policy,
            team,
            findings: Vec::new(),
        }
    }

    pub fn report(&mut self, rule: &Rule, span: &Span, message: String, details: Details) {
        let source = self.source;
        let finding = rules::policy_finding(
            rule,
            self.policy,
            self.team,
            || Location::new(source, span),
            message,
            details,
        );
        self.findings.extend(finding);
    }
}

/// What one person brings to the org-wide rules from one team.
#[derive(Debug, Clone)]
pub struct PersonInTeam {
    pub team: std::sync::Arc<str>,
    pub path: std::sync::Arc<str>,
    /// (role id, allocation) of each role held.
    pub roles: Vec<(String, f64)>,
    /// Distinct responsibilities owned in this team.
    pub owned: usize,
    /// The areas of those responsibilities.
    pub areas: BTreeSet<Area>,
    /// Where a finding about this person points: their name in their first role.
    pub location: Location,
}

/// The result of checking one charter on its own.
#[derive(Debug, Clone)]
pub struct CheckedFile {
    pub path: std::sync::Arc<str>,
    pub team: String,
    pub role_count: usize,
    pub policy: ResolvedPolicy,
    pub findings: Vec<Finding>,
    pub people: BTreeMap<String, PersonInTeam>,
    /// The coverage matrix, when the report shows it.
    pub coverage: Option<crate::coverage::Coverage>,
}

/// Maps and lints one charter.
pub fn check_charter(
    loaded: &LoadedCharter,
    org: &OrgPolicy,
    cli_fail_on: Option<FailOn>,
    with_coverage: bool,
) -> CheckedFile {
    let policy = ResolvedPolicy::resolve(&loaded.charter, &loaded.source, org, cli_fail_on);
    let mapper = Mapper::new(&loaded.charter.vocabulary);
    let view = TeamView::new(loaded, &policy, &mapper);
    let mut sink = Sink::new(&loaded.source, &policy, view.team_name());
    for rule in rules::RULES {
        if let RuleCheck::Team(check) = rule.check {
            check(&view, &mut sink);
        }
    }
    let team_name: std::sync::Arc<str> = view.team_name().into();
    let people = view
        .people
        .iter()
        .map(|(&person, roles)| {
            let owned = view.owned_by(person);
            let contribution = PersonInTeam {
                team: team_name.clone(),
                path: loaded.source.path.clone(),
                roles: roles
                    .iter()
                    .map(|&role| (view.role(role).id.value.clone(), view.role(role).allocation.value))
                    .collect(),
                owned: owned.len(),
                areas: owned.iter().map(|&index| CATALOG[index].area).collect(),
                location: Location::new(&loaded.source, &view.holder_span(person, roles[0])),
            };
            (person.to_string(), contribution)
        })
        .collect();
    let findings = sink.findings;
    let coverage = with_coverage.then(|| crate::coverage::Coverage::new(&view, &findings));
    CheckedFile {
        path: loaded.source.path.clone(),
        team: view.team_name().to_string(),
        role_count: loaded.charter.roles.len(),
        policy,
        findings,
        people,
        coverage,
    }
}

/// Everything a report shows about a run.
#[derive(Debug, Clone, Default)]
pub struct RunReport {
    /// Files checked, in path order.
    pub files: Vec<CheckedFile>,
    /// Files that could not be loaded, in path order.
    pub input_errors: Vec<LoadFailure>,
    pub findings: Vec<Finding>,
    pub accepted: Vec<AcceptedFinding>,
    pub summary: Summary,
    /// Whether any finding is at or above its file's `fail_on`.
    pub failed: bool,
    /// The canonical path of every file the run read, so a report is never written
    /// over one of them.
    pub canonical_inputs: Vec<std::path::PathBuf>,
}

impl RunReport {
    /// 0 clean, 1 findings at or above `fail_on`, 2 an input could not be used.
    pub fn exit_code(&self) -> u8 {
        if !self.input_errors.is_empty() {
            2
        } else if self.failed {
            1
        } else {
            0
        }
    }
}

/// Runs the org-wide rules over every checked file and applies accepted risks.
pub fn finish(
    mut files: Vec<CheckedFile>,
    mut input_errors: Vec<LoadFailure>,
    org: &OrgPolicy,
    cli_fail_on: Option<FailOn>,
    today: Date,
) -> RunReport {
    files.sort_by(|left, right| left.path.cmp(&right.path));
    input_errors.sort_by(|left, right| left.source.path.cmp(&right.source.path));
    let mut findings: Vec<Finding> = files
        .iter_mut()
        .flat_map(|file| std::mem::take(&mut file.findings))
        .collect();
    findings.extend(rules::org_findings(&files));

    let org_policy = ResolvedPolicy::resolve_org(org, cli_fail_on);
    let file_of: HashMap<&str, usize> = files
        .iter()
        .enumerate()
        .map(|(index, file)| (&*file.path, index))
        .collect();
    let mut used: Vec<Vec<bool>> = files
        .iter()
        .map(|file| vec![false; file.policy.acceptances.len()])
        .collect();
    let mut org_used = vec![false; org_policy.acceptances.len()];
    let mut kept = Vec::with_capacity(findings.len());
    let mut accepted = Vec::new();
    for finding in findings {
        let file_index = file_of.get(&*finding.location.path).copied();
        let covers = |acceptance: &ResolvedAcceptance| !acceptance.is_expired(today) && acceptance.matches(&finding);
        let own = file_index.map_or(&[][..], |index| files[index].policy.acceptances.as_slice());
        let matched = if let Some(position) = own.iter().position(covers) {
            if let Some(index) = file_index {
                used[index][position] = true;
            }
            Some(&own[position])
        } else if let Some(position) = org_policy.acceptances.iter().position(covers) {
            org_used[position] = true;
            Some(&org_policy.acceptances[position])
        } else {
            None
        };
        match matched {
            Some(acceptance) => accepted.push(AcceptedFinding {
                reason: acceptance.reason.clone(),
                until: acceptance.until.map(|until| until.to_string()),
                accepted_at: acceptance.location.clone(),
                finding,
            }),
            None => kept.push(finding),
        }
    }
    for (file, used) in files.iter().zip(&used) {
        kept.extend(rules::acceptance_findings(&file.policy, used, &file.team, today));
    }
    kept.extend(rules::acceptance_findings(&org_policy, &org_used, "", today));
    kept.sort_by(|left, right| left.sort_key().cmp(&right.sort_key()));
    accepted.sort_by(|left, right| left.finding.sort_key().cmp(&right.finding.sort_key()));
    let failed = kept.iter().any(|finding| {
        let policy = match file_of.get(&*finding.location.path) {
            Some(&index) => &files[index].policy,
            None => &org_policy,
        };
        policy.fails(finding.severity)
    });
    let summary = Summary::count(&kept, accepted.len());
    RunReport {
        files,
        input_errors,
        findings: kept,
        accepted,
        summary,
        failed,
        canonical_inputs: Vec::new(),
    }
}

/// What a run needs besides the paths.
#[derive(Debug, Clone)]
pub struct RunOptions {
    pub org: OrgPolicy,
    /// `--fail-on`, which overrides every policy.
    pub fail_on: Option<FailOn>,
    /// The day acceptances expire against.
    pub today: Date,
    pub max_file_size: u64,
    /// The bytes and format of standard input, for the path `-`.
    pub stdin: Option<(Vec<u8>, crate::charter::InputFormat)>,
    /// Whether to keep each team's coverage matrix (the Markdown report shows it).
    pub coverage: bool,
    /// How many files to check at once; 0 uses every core.
    pub threads: usize,
}

impl RunOptions {
    pub fn new(today: Date) -> Self {
        RunOptions {
            org: OrgPolicy::default(),
            fail_on: None,
            today,
            max_file_size: crate::charter::DEFAULT_MAX_FILE_SIZE,
            stdin: None,
            coverage: true,
            threads: 0,
        }
    }
}

/// The name standard input goes by in reports.
pub const STDIN_PATH: &str = "<stdin>";

/// Loads one input: a path, or standard input for `-`.
pub fn load_input(input: &CharterPath, options: &RunOptions) -> Result<LoadedCharter, Box<LoadFailure>> {
    if input.display != "-" {
        return crate::charter::load_path(&input.path, &input.display, options.max_file_size);
    }
    let Some((bytes, format)) = &options.stdin else {
        return Err(Box::new(LoadFailure {
            source: SourceFile::new(STDIN_PATH, String::new()),
            errors: vec![crate::charter::InputError::unlocated(
                "standard input was not read".to_string(),
                None,
            )],
        }));
    };
    if bytes.len() as u64 > options.max_file_size {
        return Err(crate::charter::too_large(STDIN_PATH, options.max_file_size));
    }
    crate::charter::load_bytes(STDIN_PATH, bytes.clone(), *format)
}

/// Checks files and folders (walked for `*.charter.toml` / `*.charter.json`): every
/// charter on its own, then the org-wide rules and accepted risks across them all.
pub fn run(inputs: &[String], options: &RunOptions) -> RunReport {
    let (checked, mut failures, walked) = check_all(inputs, options);
    failures.extend(walked.problems.into_iter().map(|problem| LoadFailure {
        errors: vec![crate::charter::InputError::unlocated(problem.message, problem.help)],
        source: SourceFile::new(problem.path, String::new()),
    }));
    let mut report = finish(checked, failures, &options.org, options.fail_on, options.today);
    report.canonical_inputs = walked.canonical_inputs;
    report
}

/// Loads and checks one input.
fn check_one(
    path: &CharterPath,
    options: &RunOptions,
    checked: &mut Vec<CheckedFile>,
    failures: &mut Vec<LoadFailure>,
) {
    match load_input(path, options) {
        Ok(loaded) => checked.push(check_charter(&loaded, &options.org, options.fail_on, options.coverage)),
        Err(failure) => failures.push(*failure),
    }
}

/// Walks the inputs on this thread while workers on every core load and check what it
/// finds. Each worker keeps only the small per-file results; `finish` sorts them, so
/// the order of work never shows in the output.
fn check_all(inputs: &[String], options: &RunOptions) -> (Vec<CheckedFile>, Vec<LoadFailure>, Walked) {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let mut threads = if options.threads == 0 { cores } else { options.threads };
    // Files named one by one need no more workers than there are files.
    if inputs.iter().all(|input| !std::path::Path::new(input).is_dir()) {
        threads = threads.min(inputs.len());
    }
    let (mut checked, mut failures) = (Vec::new(), Vec::new());
    if threads <= 1 {
        let walked = crate::discover::for_each_charter(inputs, |path| {
            check_one(&path, options, &mut checked, &mut failures);
        });
        return (checked, failures, walked);
    }
    let (sender, receiver) = std::sync::mpsc::channel::<CharterPath>();
    let receiver = std::sync::Mutex::new(receiver);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let (mut checked, mut failures) = (Vec::new(), Vec::new());
                    loop {
                        // A poisoned lock means another worker panicked; that panic is re-raised below.
                        let next = match receiver.lock() {
                            Ok(receiver) => receiver.recv(),
                            Err(_) => break,
                        };
                        let Ok(path) = next else { break };
                        check_one(&path, options, &mut checked, &mut failures);
                    }
                    (checked, failures)
                })
            })
            .collect();
        let walked = crate::discover::for_each_charter(inputs, |path| {
            // Workers only stop receiving by panicking, which the join below re-raises.
            let _ = sender.send(path);
        });
        drop(sender);
        for worker in workers {
            // A worker only panics on a bug; re-raise it rather than lose files silently.
            let (some_checked, some_failures) = worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            checked.extend(some_checked);
            failures.extend(some_failures);
        }
        (checked, failures, walked)
    })
}
