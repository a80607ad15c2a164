//! Hostile but valid charters near the documented limits, each at two sizes ten times
//! apart: a minified charter of many roles, a minified policy of many acceptances,
//! two roles sharing many holders, and a charter of many unknown duties. Each runs the
//! whole pipeline (load, map, lint, accept, text report) on a fresh thread, so a cost
//! that grows faster than the input shows as a ratio well above 10 between the sizes.

use std::fmt::Write as _;
use std::hint::black_box;

use charterlint::charter::{Date, InputFormat, load_bytes};
use charterlint::lint::{check_charter, finish};
use charterlint::policy::OrgPolicy;
use charterlint::report::ReportFormat;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// Load, check, finish and render the text report of one charter.
fn pipeline(name: &str, text: &str, format: InputFormat) -> usize {
    let loaded = load_bytes(name, text.as_bytes().to_vec(), format, charterlint::rules::names())
        .unwrap_or_else(|failure| panic!("the generated charter loads: {:?}", failure.errors));
    let org = OrgPolicy::default();
    let checked = check_charter(&loaded, &org, None, false);
    let today = Date::parse("2026-06-01").expect("a valid date");
    let report = finish(vec![checked], Vec::new(), &org, None, today);
    let mut out = Vec::new();
    ReportFormat::Text
        .emitter(charterlint::report::EmitOptions::default())
        .emit(&report, &mut out)
        .expect("in memory");
    out.len()
}

/// One line of JSON: `roles` product owners sharing one responsibility, so every role
/// is a finding whose snippet sits on the same very long line.
fn minified_roles(roles: usize) -> String {
    let mut json = String::from(r#"{"version":1,"team":{"name":"Wide"},"roles":["#);
    for role in 0..roles {
        if role > 0 {
            json.push(',');
        }
        let _ = write!(
            json,
            r#"{{"id":"po-{role}","title":"Product Owner","holders":["Person {role}"],"owns":["backlog prioritization"]}}"#
        );
    }
    json.push_str("]}");
    json
}

/// One line of JSON with `acceptances` accepted risks that match nothing: every one
/// is an unused-acceptance finding on the same line.
fn minified_acceptances(acceptances: usize) -> String {
    let mut json = String::from(
        r#"{"version":1,"team":{"name":"Careful"},"roles":[{"id":"pm","title":"Product Manager","holders":["Dana"],"owns":["product vision"]}],"lint":{"accept":["#,
    );
    for index in 0..acceptances {
        if index > 0 {
            json.push(',');
        }
        let _ = write!(
            json,
            r#"{{"rule":"vacant-role","target":"role-{index}","reason":"kept for the benchmark"}}"#
        );
    }
    json.push_str("]}}");
    json
}

/// Two roles owning the same duty with the same `holders` people each.
fn shared_holders(holders: usize) -> String {
    let names: Vec<String> = (0..holders).map(|index| format!("\"Person {index}\"")).collect();
    let names = names.join(", ");
    format!(
        "version = 1\n[team]\nname = \"Crowd\"\n\n[[roles]]\nid = \"a\"\ntitle = \"Product Owner\"\nholders = [{names}]\nowns = [\"backlog prioritization\"]\n\n[[roles]]\nid = \"b\"\ntitle = \"Product Owner\"\nholders = [{names}]\nowns = [\"backlog prioritization\"]\n"
    )
}

/// One role with `duties` duties that no catalog entry knows, each different.
fn unknown_duties(duties: usize) -> String {
    let mut toml = String::from(
        "version = 1\n[team]\nname = \"Unknown\"\n\n[[roles]]\nid = \"pm\"\ntitle = \"Product Manager\"\nholders = [\"Dana\"]\nowns = [\n",
    );
    for index in 0..duties {
        let _ = writeln!(toml, "  \"watering the office plants on floor {index}\",");
    }
    toml.push_str("]\n");
    toml
}

type Generator = fn(usize) -> String;

const CASES: [(&str, Generator, InputFormat, [usize; 2]); 4] = [
    ("minified-roles", minified_roles, InputFormat::Json, [1_000, 10_000]),
    (
        "minified-acceptances",
        minified_acceptances,
        InputFormat::Json,
        [10_000, 100_000],
    ),
    ("shared-holders", shared_holders, InputFormat::Toml, [1_000, 10_000]),
    ("unknown-duties", unknown_duties, InputFormat::Toml, [25_000, 250_000]),
];

fn limits(criterion: &mut Criterion) {
    for (name, generate, format, sizes) in CASES {
        let mut group = criterion.benchmark_group(format!("limits/{name}"));
        group.sample_size(10);
        for size in sizes {
            let text = generate(size);
            group.throughput(Throughput::Elements(size as u64));
            group.bench_with_input(BenchmarkId::from_parameter(size), &text, |bench, text| {
                // A fresh thread per run: duty mappings are cached per thread, and a
                // process checking one charter starts with an empty cache.
                bench.iter(|| {
                    std::thread::scope(|scope| {
                        scope
                            .spawn(|| pipeline("bench.charter", black_box(text), format))
                            .join()
                            .expect("the pipeline does not panic")
                    })
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, limits);
criterion_main!(benches);
