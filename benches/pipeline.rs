//! Loading, mapping and linting, from one team up to a 5,000-role charter, on charters
//! generated in-process.

use std::fmt::Write as _;
use std::hint::black_box;

use charterlint::charter::{InputFormat, Vocabulary, load_bytes};
use charterlint::lint::check_charter;
use charterlint::mapping::Mapper;
use charterlint::policy::OrgPolicy;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

const DUTIES: &[&str] = &[
    "Setting the product vision",
    "Owning the product roadmap",
    "customer interviews",
    "Prioritizing the backlog",
    "writing user stories",
    "sprint planning",
    "Accepting or rejecting completed work",
    "KPIs",
    "Tracking adoption and retention",
    "sprint goals",
    "cross-team dependencies",
    "ordering team lunch",
    "vision and strategy",
    "competitive analysis",
    "definition of ready",
    "OKRs",
    "market research",
    "backlog grooming",
    "business outcomes",
    "PI planning",
];

/// A charter of `roles` roles with `duties_per_role` duties each, as TOML and JSON.
fn charter(roles: usize, duties_per_role: usize) -> (String, String) {
    let mut toml = String::from("version = 1\n\n[team]\nname = \"Bench\"\ndelivery_teams = 4\n");
    let mut json_roles = Vec::with_capacity(roles);
    for role in 0..roles {
        let duties: Vec<String> = (0..duties_per_role)
            .map(|index| format!("\"{}\"", DUTIES[(role * 7 + index) % DUTIES.len()]))
            .collect();
        let holder = format!("\"Person {}\"", role % (roles / 3 + 1));
        let scope = format!("\"team {}\"", role % 4);
        let _ = write!(
            toml,
            "\n[[roles]]\nid = \"role-{role}\"\ntitle = \"Product Owner\"\nholders = [{holder}]\nscope = {scope}\nallocation = 0.5\nowns = [{}]\n",
            duties.join(", ")
        );
        json_roles.push(format!(
            "{{\"id\": \"role-{role}\", \"title\": \"Product Owner\", \"holders\": [{holder}], \"scope\": {scope}, \"allocation\": 0.5, \"owns\": [{}]}}",
            duties.join(", ")
        ));
    }
    let json = format!(
        "{{\"version\": 1, \"team\": {{\"name\": \"Bench\", \"delivery_teams\": 4}}, \"roles\": [{}]}}",
        json_roles.join(",\n")
    );
    (toml, json)
}

const SIZES: [(&str, usize, usize); 3] = [("one-team", 4, 6), ("200-roles", 200, 10), ("5000-roles", 5_000, 20)];

fn load(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("load");
    group.sample_size(10);
    for (name, roles, duties) in SIZES {
        let (toml, json) = charter(roles, duties);
        for (format, text) in [(InputFormat::Toml, &toml), (InputFormat::Json, &json)] {
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(format.name(), name), text, |bench, text| {
                bench.iter(|| {
                    load_bytes(
                        "bench",
                        black_box(text.as_bytes().to_vec()),
                        format,
                        charterlint::rules::names(),
                    )
                    .map(|loaded| loaded.charter.roles.len())
                })
            });
        }
    }
    group.finish();
}

fn map(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("map");
    let mapper = Mapper::new(&Vocabulary::default());
    group.throughput(Throughput::Elements(DUTIES.len() as u64));
    group.bench_function("duties, cached", |bench| {
        bench.iter(|| {
            DUTIES
                .iter()
                .filter_map(|duty| mapper.map(black_box(duty)).responsibility())
                .count()
        })
    });
    let fresh: Vec<String> = (0..DUTIES.len())
        .map(|index| format!("{} {index}", DUTIES[index]))
        .collect();
    group.bench_function("duties, first sight", |bench| {
        bench.iter(|| {
            fresh
                .iter()
                .filter_map(|duty| {
                    charterlint::mapping::normalized_words(black_box(duty))
                        .first()
                        .map(String::len)
                })
                .count()
        })
    });
    group.finish();
}

fn lint(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("lint");
    group.sample_size(10);
    let org = OrgPolicy::default();
    for (name, roles, duties) in SIZES {
        let (toml, _) = charter(roles, duties);
        let loaded = load_bytes(
            "bench.charter.toml",
            toml.into_bytes(),
            InputFormat::Toml,
            charterlint::rules::names(),
        )
        .expect("generated charters load");
        group.throughput(Throughput::Elements((roles * duties) as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), &loaded, |bench, loaded| {
            bench.iter(|| check_charter(black_box(loaded), &org, None, false).findings.len())
        });
    }
    group.finish();
}

criterion_group!(benches, load, map, lint);
criterion_main!(benches);
