//! Properties that hold for any input: no panic, exit 0/1/2, locations inside the
//! file, order never matters, TOML and JSON agree, and more owners never add gaps.

mod common;

use charterlint::catalog::{Area, CATALOG};
use charterlint::charter::InputFormat;
use charterlint::finding::Category;
use charterlint::lint::{self, RunOptions, RunReport};
use charterlint::report::ReportFormat;
use proptest::prelude::*;

fn check(text: &[u8], format: InputFormat) -> RunReport {
    let mut options = RunOptions::new(common::today());
    options.coverage = true;
    options.stdin = Some((text.to_vec(), format));
    lint::run(&["-".to_string()], &options)
}

/// Every report format renders, and every location lies inside its file.
fn assert_sound(report: &RunReport, text: &str) {
    // Nothing is skipped: the one input is either checked or reported as an error.
    assert_eq!(
        report.files.len() + report.input_errors.len(),
        1,
        "{} files checked, {} failed to load",
        report.files.len(),
        report.input_errors.len()
    );
    // An input error is never silent: it carries at least one located message.
    for failure in &report.input_errors {
        assert!(!failure.located_messages().is_empty(), "{failure:?}");
    }
    // The exit code follows the findings: 1 exactly when one is at or above fail_on.
    if report.input_errors.is_empty() {
        let fails = report.files.iter().any(|file| {
            report
                .findings
                .iter()
                .any(|finding| *finding.location.path == *file.path && file.policy.fails(finding.severity))
        });
        assert_eq!(
            report.exit_code() == 1,
            fails,
            "exit code {} for {:?}",
            report.exit_code(),
            report.findings
        );
    }
    // Every format renders, and JSON validates against its schema (in `render`).
    for format in ReportFormat::ALL {
        assert!(
            !common::render(report, format).is_empty(),
            "{format:?} rendered nothing"
        );
    }
    let lines: Vec<&str> = text.split('\n').collect();
    for finding in &report.findings {
        let start = finding.location.start;
        assert!(start.line >= 1 && start.line <= lines.len(), "{finding:?}");
        let width = lines[start.line - 1].chars().count();
        assert!(start.column >= 1 && start.column <= width + 1, "{finding:?}");
    }
    for failure in &report.input_errors {
        for (position, _) in failure.located_messages() {
            if let Some(position) = position {
                assert!(position.line >= 1 && position.line <= lines.len().max(1));
            }
        }
    }
}

const NAMES: &[&str] = &["Ana", "Bo", "Cy", "Di", "Zoë Ñúñez", "Eli \"E\" Ford"];
const TITLES: &[&str] = &[
    "Product Manager",
    "Product Owner",
    "Tech Lead",
    "Delivery Manager",
    "PO",
];
const SCOPES: &[&str] = &["web", "app", "payments"];

fn duty_pool() -> Vec<String> {
    let mut pool: Vec<String> = CATALOG.iter().map(|entry| entry.id.to_string()).collect();
    pool.extend(
        CATALOG
            .iter()
            .flat_map(|entry| entry.aliases().take(2).map(|alias| alias.to_string())),
    );
    pool.extend(
        [
            "ordering team lunch",
            "vision and strategy",
            "Prioritizing the backlog",
            "on-call",
        ]
        .map(String::from),
    );
    pool
}

#[derive(Debug, Clone)]
struct GeneratedRole {
    title: &'static str,
    holders: Vec<&'static str>,
    scope: Option<&'static str>,
    allocation: Option<f64>,
    lists: [Vec<String>; 4],
}

#[derive(Debug, Clone)]
struct GeneratedCharter {
    delivery_teams: u32,
    methodology: &'static str,
    cross_team: bool,
    roles: Vec<GeneratedRole>,
}

fn role_strategy() -> impl Strategy<Value = GeneratedRole> {
    let duties = proptest::collection::vec(proptest::sample::select(duty_pool()), 0..5);
    (
        proptest::sample::select(TITLES),
        proptest::sample::subsequence(NAMES, 0..3),
        proptest::option::of(proptest::sample::select(SCOPES)),
        proptest::option::of(1u32..=20),
        [duties.clone(), duties.clone(), duties.clone(), duties],
    )
        .prop_map(|(title, holders, scope, allocation, lists)| GeneratedRole {
            title,
            holders,
            scope,
            allocation: allocation.map(|twentieths| f64::from(twentieths) / 20.0),
            lists,
        })
}

fn charter_strategy() -> impl Strategy<Value = GeneratedCharter> {
    (
        1u32..6,
        proptest::sample::select(&["scrum", "safe", "kanban", "none"][..]),
        any::<bool>(),
        proptest::collection::vec(role_strategy(), 0..6),
    )
        .prop_map(|(delivery_teams, methodology, cross_team, roles)| GeneratedCharter {
            delivery_teams,
            methodology,
            cross_team,
            roles,
        })
}

fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("strings serialize")
}

fn list(items: &[impl AsRef<str>]) -> String {
    format!(
        "[{}]",
        items
            .iter()
            .map(|item| quoted(item.as_ref()))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

const KEYS: [&str; 4] = ["owns", "does", "consulted", "informed"];

impl GeneratedCharter {
    fn toml(&self) -> String {
        let mut text = format!(
            "version = 1\n\n[team]\nname = \"Generated\"\ndelivery_teams = {}\nmethodology = \"{}\"\ncross_team_dependencies = {}\n",
            self.delivery_teams, self.methodology, self.cross_team
        );
        for (index, role) in self.roles.iter().enumerate() {
            text.push_str(&format!(
                "\n[[roles]]\nid = \"role-{index}\"\ntitle = {}\nholders = {}\n",
                quoted(role.title),
                list(&role.holders)
            ));
            if let Some(scope) = role.scope {
                text.push_str(&format!("scope = {}\n", quoted(scope)));
            }
            if let Some(allocation) = role.allocation {
                text.push_str(&format!("allocation = {allocation:?}\n"));
            }
            for (key, duties) in KEYS.iter().zip(&role.lists) {
                text.push_str(&format!("{key} = {}\n", list(duties)));
            }
        }
        text
    }

    fn json(&self) -> String {
        let roles: Vec<String> = self
            .roles
            .iter()
            .enumerate()
            .map(|(index, role)| {
                let mut fields = vec![
                    format!("\"id\": \"role-{index}\""),
                    format!("\"title\": {}", quoted(role.title)),
                    format!("\"holders\": {}", list(&role.holders)),
                ];
                if let Some(scope) = role.scope {
                    fields.push(format!("\"scope\": {}", quoted(scope)));
                }
                if let Some(allocation) = role.allocation {
                    fields.push(format!("\"allocation\": {allocation:?}"));
                }
                for (key, duties) in KEYS.iter().zip(&role.lists) {
                    fields.push(format!("\"{key}\": {}", list(duties)));
                }
                format!("{{{}}}", fields.join(", "))
            })
            .collect();
        format!(
            "{{\"version\": 1, \"team\": {{\"name\": \"Generated\", \"delivery_teams\": {}, \"methodology\": \"{}\", \"cross_team_dependencies\": {}}}, \"roles\": [{}]}}",
            self.delivery_teams,
            self.methodology,
            self.cross_team,
            roles.join(", ")
        )
    }
}

/// A scrum team in which one person owns each product ownership area, minus the
/// responsibilities `kept` leaves out. Such a team has no finding or a few, so its
/// exit code is tested at the edge where one finding decides it.
fn nearly_healthy(kept: &[bool]) -> String {
    let mut text = String::from("version = 1\n\n[team]\nname = \"Nearly\"\nmethodology = \"scrum\"\n");
    let mut kept = kept.iter().copied().chain(std::iter::repeat(true));
    for (index, area) in Area::PRODUCT.into_iter().enumerate() {
        let owns: Vec<&str> = CATALOG
            .iter()
            .filter(|entry| entry.area == area)
            .map(|entry| entry.id)
            .filter(|_| kept.next().unwrap_or(true))
            .collect();
        // The strategy and backlog owners consult each other: that is their handoff.
        let (title, consulted) = match area {
            Area::Strategy => ("Product Manager", "backlog.prioritization"),
            Area::Backlog => ("Product Owner", "strategy.roadmap"),
            _ => ("Product Lead", "strategy.vision"),
        };
        text.push_str(&format!(
            "\n[[roles]]\nid = \"{}\"\ntitle = \"{title}\"\nholders = [\"{}\"]\nowns = {}\nconsulted = [\"{consulted}\"]\n",
            area.name(),
            NAMES[index],
            list(&owns)
        ));
    }
    text
}

/// The responsibilities reported unowned: an unowned area counts as all of its entries.
fn gaps(report: &RunReport) -> std::collections::BTreeSet<&'static str> {
    let mut gaps = std::collections::BTreeSet::new();
    for finding in report
        .findings
        .iter()
        .filter(|finding| finding.category == Category::Gap)
    {
        match finding.rule {
            "unowned-responsibility" => {
                gaps.extend(finding.responsibility);
            }
            "unowned-area" => {
                let area = Area::ALL
                    .into_iter()
                    .find(|area| finding.message.contains(&format!("any {} responsibility", area.name())))
                    .expect("the message names its area");
                gaps.extend(CATALOG.iter().filter(|entry| entry.area == area).map(|entry| entry.id));
            }
            _ => {}
        }
    }
    gaps
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        for format in [InputFormat::Toml, InputFormat::Json] {
            let report = check(&bytes, format);
            assert_sound(&report, &String::from_utf8_lossy(&bytes));
        }
    }

    #[test]
    fn damaged_charters_never_panic(
        charter in charter_strategy(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8),
    ) {
        for (format, text) in [(InputFormat::Toml, charter.toml()), (InputFormat::Json, charter.json())] {
            let mut bytes = text.into_bytes();
            for (at, byte, kind) in &edits {
                if bytes.is_empty() { break; }
                let position = at.index(bytes.len());
                match kind {
                    0 => bytes[position] = *byte,
                    1 => { bytes.remove(position); }
                    _ => bytes.insert(position, *byte),
                }
            }
            let report = check(&bytes, format);
            assert_sound(&report, &String::from_utf8_lossy(&bytes));
        }
    }

    #[test]
    fn a_team_missing_a_few_duties_fails_exactly_when_one_is_core(
        kept in proptest::collection::vec(proptest::bool::weighted(0.9), 0..CATALOG.len()),
    ) {
        let text = nearly_healthy(&kept);
        let report = check(text.as_bytes(), InputFormat::Toml);
        prop_assert!(report.input_errors.is_empty(), "{:?}\n{text}", report.input_errors);
        assert_sound(&report, &text);
    }

    #[test]
    fn valid_charters_load_and_lint(charter in charter_strategy()) {
        let text = charter.toml();
        let report = check(text.as_bytes(), InputFormat::Toml);
        prop_assert!(report.input_errors.is_empty(), "{:?}\n{text}", report.input_errors);
        prop_assert!(report.exit_code() <= 1);
        assert_sound(&report, &text);
    }

    #[test]
    fn exporting_and_importing_a_charter_keeps_its_findings(mut charter in charter_strategy()) {
        // A sheet has one row a duty: a duty listed twice in one list is written once.
        for role in &mut charter.roles {
            for list in &mut role.lists {
                let mut seen = std::collections::HashSet::new();
                list.retain(|duty| seen.insert(duty.clone()));
            }
        }
        prop_assume!(charter.roles.iter().any(|role| role.lists.iter().any(|list| !list.is_empty())));
        let text = charter.toml();
        let loaded = charterlint::charter::load_bytes("generated.charter.toml", text.clone().into_bytes(), InputFormat::Toml, charterlint::rules::names())
            .expect("generated charters load");
        let checked = lint::check_charter(&loaded, &charterlint::policy::OrgPolicy::default(), None, true);
        let sheet = charterlint::export::csv(&charterlint::export::table(&loaded, &checked)).expect("CSV");
        let sheets = charterlint::import::sheet_from_delimited(&sheet, b',', "generated").expect("the export reads back");
        let imported = charterlint::import::read_charter(&sheets, "generated").expect("the export imports");
        let back = charterlint::import::to_toml(&imported, "generated.csv");
        let before = check(text.as_bytes(), InputFormat::Toml);
        let after = check(back.as_bytes(), InputFormat::Toml);
        prop_assert!(after.input_errors.is_empty(), "{:?}\n{back}", after.input_errors);
        prop_assert_eq!(common::finding_set(&before), common::finding_set(&after), "{}\n---\n{}", text, back);
    }

    #[test]
    fn toml_and_json_forms_agree(charter in charter_strategy()) {
        let from_toml = check(charter.toml().as_bytes(), InputFormat::Toml);
        let from_json = check(charter.json().as_bytes(), InputFormat::Json);
        prop_assert!(from_json.input_errors.is_empty(), "{:?}", from_json.input_errors);
        prop_assert_eq!(common::finding_set(&from_toml), common::finding_set(&from_json));
    }

    #[test]
    fn minified_json_agrees_and_stays_located(charter in charter_strategy(), padding in 0usize..3000) {
        // One long line, padded so that findings sit past the window limit.
        let json = charter.json().replace('\n', "");
        let padded = format!("{}{json}", " ".repeat(padding));
        let from_json = check(padded.as_bytes(), InputFormat::Json);
        let from_toml = check(charter.toml().as_bytes(), InputFormat::Toml);
        prop_assert_eq!(common::finding_set(&from_json), common::finding_set(&from_toml));
        assert_sound(&from_json, &padded);
        for finding in &from_json.findings {
            let excerpt = &finding.location.excerpt;
            prop_assert!(excerpt.text.len() <= 2_000, "an excerpt of {} bytes", excerpt.text.len());
            let pointed = &excerpt.text[excerpt.span.clone()];
            let line = padded.lines().nth(finding.location.start.line - 1).unwrap_or_default();
            let at: String = line.chars().skip(finding.location.start.column - 1).take(pointed.chars().count()).collect();
            prop_assert_eq!(pointed, at.as_str());
        }
    }

    #[test]
    fn order_of_roles_and_duties_never_matters(charter in charter_strategy(), seed in any::<u64>()) {
        let mut shuffled = charter.clone();
        let mut state = seed | 1;
        let mut next = move |bound: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % bound.max(1) as u64) as usize
        };
        for index in (1..shuffled.roles.len()).rev() {
            shuffled.roles.swap(index, next(index + 1));
        }
        for role in &mut shuffled.roles {
            for duties in &mut role.lists {
                for index in (1..duties.len()).rev() {
                    duties.swap(index, next(index + 1));
                }
            }
        }
        // Role ids follow position, so compare what the findings say about duties and people.
        let strip = |report: &RunReport| {
            let mut set: Vec<String> = report
                .findings
                .iter()
                .map(|finding| {
                    let mut people = finding.people.clone();
                    people.sort();
                    format!("{} {:?} {:?} {:?}", finding.rule, finding.severity, finding.responsibility, people)
                })
                .collect();
            set.sort();
            set
        };
        let original = check(charter.toml().as_bytes(), InputFormat::Toml);
        let reordered = check(shuffled.toml().as_bytes(), InputFormat::Toml);
        prop_assert_eq!(strip(&original), strip(&reordered));
    }

    #[test]
    fn adding_an_owner_never_adds_a_gap(charter in charter_strategy(), owned in proptest::sample::select(duty_pool())) {
        let before = check(charter.toml().as_bytes(), InputFormat::Toml);
        let mut more = charter.clone();
        more.roles.push(GeneratedRole {
            title: "Product Lead",
            holders: vec!["New Person"],
            scope: None,
            allocation: Some(0.1),
            lists: [vec![owned], Vec::new(), Vec::new(), Vec::new()],
        });
        let after = check(more.toml().as_bytes(), InputFormat::Toml);
        let (gaps_before, gaps_after) = (gaps(&before), gaps(&after));
        prop_assert!(gaps_after.is_subset(&gaps_before), "before {:?}, after {:?}", gaps_before, gaps_after);
    }
}

#[test]
fn the_order_of_files_never_matters() {
    let forward = common::run(&["examples/", "tests/fixtures/org"]);
    let backward = common::run(&["tests/fixtures/org", "examples/06-json-team.charter.json", "examples/"]);
    assert_eq!(
        common::render(&forward, ReportFormat::Json),
        common::render(&backward, ReportFormat::Json)
    );
}

#[test]
fn the_nearly_healthy_team_lints_clean_with_nothing_left_out() {
    let text = nearly_healthy(&[]);
    let report = check(text.as_bytes(), InputFormat::Toml);
    let findings: Vec<&str> = report.findings.iter().map(|finding| finding.rule).collect();
    assert_eq!(findings, Vec::<&str>::new(), "{text}");
}
