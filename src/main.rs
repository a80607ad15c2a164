//! The `charterlint` command line: arguments, format choice, exit code.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use charterlint::charter::{self, FailOn, InputFormat, LoadFailure};
use charterlint::lint::{self, RunOptions};
use charterlint::policy::OrgPolicy;
use charterlint::report::{EmitOptions, ReportFormat, text};
use charterlint::rules;

mod commands;

#[derive(Parser)]
#[command(
    name = "charterlint",
    version,
    about = "Lint team charters: find unowned product responsibilities, overloaded people and blurred role boundaries"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check charters and report gaps, overloads and blurred boundaries
    Check(CheckArgs),
    /// Show how each duty of a charter mapped onto the catalog, and why
    Map {
        /// A charter file (`-` reads standard input)
        path: PathBuf,
        /// Output format
        #[arg(long, value_enum, default_value_t = DataFormat::Text)]
        format: DataFormat,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Show what a change does to ownership: findings introduced and resolved, RACI
    /// letters gained and lost, responsibilities become unowned or shared, loads
    Diff(DiffArgs),
    /// Write a charter from a RACI matrix in a spreadsheet (CSV, TSV, XLSX, XLS, ODS),
    /// and show how each of its duties maps
    Import {
        /// The spreadsheet: duties as rows, roles as columns, R/A/C/I in the cells
        file: PathBuf,
        /// Write the charter here (atomically) instead of standard output
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// The charter's format (default: from the output's extension, else toml)
        #[arg(long, value_enum)]
        format: Option<InputFormat>,
        /// Overwrite an existing output file
        #[arg(long)]
        force: bool,
    },
    /// Write charters as RACI spreadsheets: duties as rows, roles as columns, gaps
    /// marked; `import` reads them back
    Export {
        /// A charter file, or a folder of charters (XLSX: a sheet per team)
        path: PathBuf,
        /// The spreadsheet's format
        #[arg(long, value_enum, default_value_t = SheetFormat::Csv)]
        format: SheetFormat,
        /// Write the spreadsheet here (atomically); CSV goes to standard output without it
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// Overwrite an existing output file
        #[arg(long)]
        force: bool,
    },
    /// Explain a rule; without a rule, list them all
    Explain {
        /// A rule name, such as `unowned-responsibility`
        rule: Option<String>,
        /// Every rule's documentation as one Markdown page (docs/rules.md)
        #[arg(long, conflicts_with = "rule")]
        markdown: bool,
    },
    /// List the responsibility catalog with areas, core conditions and aliases
    Catalog {
        /// Output format
        #[arg(long, value_enum, default_value_t = DataFormat::Text)]
        format: DataFormat,
    },
    /// Print the JSON Schema of charters (or of the JSON report)
    Schema {
        #[arg(value_enum, default_value_t = SchemaKind::Charter)]
        kind: SchemaKind,
    },
    /// Measure how well duties map: the share of a labelled corpus of duty phrases
    /// that maps to its expected responsibility, for each stemming
    Accuracy {
        /// Corpus files or folders of `*.tsv` files: a header line, then
        /// `phrase<TAB>expected ids<TAB>source` per line
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Also list every phrase that did not map right
        #[arg(long)]
        misses: bool,
    },
    /// Write a commented starter charter
    Init {
        /// Where to write it (default: team.charter.toml or team.charter.json)
        path: Option<PathBuf>,
        /// The starter's format (default: from the file's extension, else toml)
        #[arg(long, value_enum)]
        format: Option<InputFormat>,
        /// Overwrite an existing file
        #[arg(long)]
        force: bool,
    },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Charter files or folders (folders: *.charter.toml and *.charter.json, recursively); `-` reads standard input
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Report format: text for people, json for scripts, markdown for reviewers, sarif for code scanning, github for annotations, junit for test reports, html for a page to share
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    format: ReportFormat,
    /// Write the report to this file (atomically; `-` is standard output) instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// The lowest severity that makes the exit code 1 (overrides every policy)
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// An org-wide policy file holding a [lint] table
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// When to color the text report (auto: on a terminal; NO_COLOR and CLICOLOR_FORCE obeyed)
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    /// Print nothing but findings and errors (no summary line)
    #[arg(long, short)]
    quiet: bool,
    /// Record this run's findings in FILE, to adopt charterlint on charters that have
    /// findings today; later runs with `--baseline FILE` do not fail on them
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    write_baseline: Option<PathBuf>,
    /// List the findings FILE knows apart, never failing on them; report its entries
    /// whose finding is gone
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// With --baseline: rewrite FILE without the entries whose finding is gone
    #[arg(long, requires = "baseline")]
    prune_baseline: bool,
    /// Markdown and HTML: up to this many teams, every team gets its coverage matrix;
    /// past it, only failing teams do
    #[arg(long, value_name = "TEAMS", default_value_t = charterlint::report::DEFAULT_MATRIX_LIMIT)]
    matrices: usize,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(clap::Args)]
struct DiffArgs {
    /// OLD and NEW: two charter files or two folders. With --against: the files or
    /// folders of the working tree to compare (default: .)
    paths: Vec<PathBuf>,
    /// Compare the working tree with this git revision (a branch, tag or commit),
    /// read from the repository without a checkout
    #[arg(long, value_name = "REV")]
    against: Option<String>,
    /// Output format: markdown is written to be posted as a pull-request comment
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    format: DiffFormat,
    /// The lowest severity of an introduced finding that makes the exit code 1
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// An org-wide policy file holding a [lint] table
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Write the diff to this file (atomically) instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SheetFormat {
    Csv,
    Xlsx,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DiffFormat {
    Text,
    Json,
    Markdown,
}

#[derive(clap::Args)]
struct InputArgs {
    /// The format of a charter read from standard input (default: JSON when it starts with `{`, else TOML)
    #[arg(long, value_enum)]
    stdin_format: Option<InputFormat>,
    /// Refuse input files larger than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = charter::DEFAULT_MAX_FILE_SIZE,
          allow_negative_numbers = true, value_parser = byte_count)]
    max_file_size: u64,
}

/// A size in bytes, 1 or more; a negative number gets its own message rather than
/// clap's hint to write `-- -1`, which would make it a path.
fn byte_count(text: &str) -> Result<u64, String> {
    match text.trim().parse::<i128>() {
        Ok(bytes) if bytes >= 1 => {
            u64::try_from(bytes).map_err(|_| format!("{bytes} is more bytes than a file can hold"))
        }
        Ok(bytes) => Err(format!(
            "{bytes} is not a size: give a number of bytes of 1 or more, such as 1048576"
        )),
        Err(_) => Err(format!(
            "`{text}` is not a number of bytes: give a whole number such as 1048576"
        )),
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum DataFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaKind {
    Charter,
    Report,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    // An interrupted run leaves no temporary report behind; a handler that cannot
    // be installed (one is already there) only loses that tidying.
    let _ = ctrlc::set_handler(|| {
        charterlint::output::remove_pending();
        std::process::exit(130);
    });
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Diff(args) => diff(args),
        Command::Export {
            path,
            format,
            output,
            force,
        } => export(&path, format, output.as_deref(), force),
        Command::Import {
            file,
            output,
            format,
            force,
        } => import(&file, output.as_deref(), format, force),
        Command::Map { path, format, input } => map(&path, format, &input),
        Command::Explain { markdown: true, .. } => print(&commands::rules_document()),
        Command::Explain { rule, .. } => explain(rule.as_deref()),
        Command::Catalog { format } => print(&match format {
            DataFormat::Text => commands::catalog_text(),
            DataFormat::Json => commands::catalog_json(),
        }),
        Command::Schema { kind } => print(&match kind {
            SchemaKind::Charter => commands::charter_schema(),
            SchemaKind::Report => charterlint::report::json::report_schema(),
        }),
        Command::Init { path, format, force } => init(path, format, force),
        Command::Accuracy { paths, misses } => accuracy(&paths, misses),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        // The reader went away (`charterlint check | head`): nothing left to say.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            let _ = writeln!(io::stderr(), "error: {error}");
            ExitCode::from(2)
        }
    }
}

fn print(text: &str) -> io::Result<u8> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(0)
}

/// Whether to color what goes to `stream`: `auto` follows the stream and the
/// environment as anstream reads it (NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM).
fn use_color(choice: ColorArg, stream: &impl anstream::stream::RawStream) -> bool {
    match choice {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => anstream::AutoStream::choice(stream) != anstream::ColorChoice::Never,
    }
}

/// Reads standard input if a path asks for it, within the size limit. A folder or a
/// closed standard input is an input error, said in words rather than as an OS error.
/// The bytes of standard input and the format to read them in.
type StdinCharter = Option<(Vec<u8>, InputFormat)>;

fn read_stdin(paths: &[impl AsRef<Path>], input: &InputArgs) -> io::Result<Result<StdinCharter, String>> {
    if !paths.iter().any(|path| path.as_ref() == Path::new("-")) {
        return Ok(Ok(None));
    }
    #[cfg(unix)]
    match std::fs::metadata("/dev/fd/0") {
        Err(_) => {
            return Ok(Err(
                "standard input is closed: there is no charter to read from `-`".to_string()
            ));
        }
        Ok(metadata) if metadata.is_dir() => {
            return Ok(Err("standard input is a folder, not a charter".to_string()));
        }
        Ok(_) => {}
    }
    let mut bytes = Vec::new();
    if let Err(error) = io::stdin()
        .lock()
        .take(input.max_file_size.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        return Ok(Err(format!("cannot read standard input: {error}")));
    }
    // A closed standard input reads as empty too: the process starts with /dev/null.
    if bytes.is_empty() {
        return Ok(Err("standard input is empty: nothing was piped into `-`".to_string()));
    }
    let format = input.stdin_format.unwrap_or_else(|| InputFormat::sniff(&bytes));
    Ok(Ok(Some((bytes, format))))
}

/// The options of a run, or the words of an input error about standard input.
fn run_options(paths: &[impl AsRef<Path>], input: &InputArgs) -> io::Result<Result<RunOptions, String>> {
    let mut options = RunOptions::new(charter::Date::today());
    options.max_file_size = input.max_file_size;
    options.stdin = match read_stdin(paths, input)? {
        Ok(stdin) => stdin,
        Err(message) => return Ok(Err(message)),
    };
    Ok(Ok(options))
}

/// Reports a usage problem with its fix, as rustc does: exit 2.
fn usage_error(message: &str, help: &str) -> io::Result<u8> {
    let mut stderr = io::stderr().lock();
    writeln!(stderr, "error: {message}")?;
    writeln!(stderr, "  = help: {help}")?;
    Ok(2)
}

/// Reports a problem with standard input: exit 2.
fn stdin_error(message: &str) -> io::Result<u8> {
    usage_error(
        message,
        "pipe a charter file into charterlint (`charterlint check - < team.charter.toml`), or name the file",
    )
}

fn write_errors(failures: &[LoadFailure], color: bool) -> io::Result<()> {
    let renderer = text::renderer(color);
    let mut stderr = io::stderr().lock();
    for failure in failures {
        writeln!(stderr, "{}\n", text::render_load_failure(&renderer, failure))?;
    }
    Ok(())
}

/// The org-wide policy of `--config`, or none.
fn load_org(config: Option<&Path>, max_file_size: u64) -> Result<OrgPolicy, Box<LoadFailure>> {
    let Some(path) = config else {
        return Ok(OrgPolicy::default());
    };
    let (source, lint) = charter::load_policy(path, max_file_size, rules::names())?;
    Ok(OrgPolicy {
        lint,
        source: Some(source),
    })
}

fn check(args: CheckArgs) -> io::Result<u8> {
    let cli_fail_on = args.fail_on;
    let stderr_color = use_color(args.color, &io::stderr());
    let format = args.format;
    let root = std::env::current_dir().unwrap_or_default();
    // A policy or baseline that cannot be read stops the run, but the report of what
    // happened is still written: CI then shows the error rather than last week's report.
    let mut setup_failures = Vec::new();
    let org = load_org(args.config.as_deref(), args.input.max_file_size).unwrap_or_else(|failure| {
        setup_failures.push(*failure);
        OrgPolicy::default()
    });
    let baseline = match &args.baseline {
        Some(path) => match charterlint::baseline::load(path, args.input.max_file_size) {
            Ok(baseline) => Some(baseline),
            Err(failure) => {
                setup_failures.push(*failure);
                None
            }
        },
        None => None,
    };
    let mut options = match run_options(&args.paths, &args.input)? {
        Ok(options) => options,
        Err(message) => return stdin_error(&message),
    };
    options.fail_on = cli_fail_on;
    options.coverage = format.shows_coverage();
    if format == ReportFormat::Markdown {
        options.matrices_of_failing_only_past = Some(args.matrices);
    }
    let mut report = if setup_failures.is_empty() {
        options.org = org;
        lint::run(&args.paths, &options)
    } else {
        lint::finish(
            Vec::new(),
            setup_failures,
            &OrgPolicy::default(),
            cli_fail_on,
            options.today,
        )
    };
    if report.files.is_empty() && report.input_errors.is_empty() {
        return no_charters(&args.paths);
    }
    if let Some(baseline) = &baseline {
        lint::apply_baseline(&mut report, baseline, &options.org, cli_fail_on, &root);
        if args.prune_baseline {
            let stale = stale_entries(&report, baseline);
            let pruned = charterlint::baseline::pruned(baseline, &stale);
            charterlint::output::write_report(Path::new(&*baseline.source.path), pruned.as_bytes())?;
            writeln!(
                io::stderr(),
                "removed {} from {}",
                charterlint::wording::plural(stale.len(), "stale entry"),
                baseline.source.path
            )?;
        }
    }
    let mut code = report.exit_code();
    if let Some(path) = &args.write_baseline {
        let target = path.as_path();
        if let Err(message) = refused_target(target, &report, &args) {
            return refused(&message);
        }
        charterlint::output::write_report(target, charterlint::baseline::write(&report.findings, &root).as_bytes())?;
        writeln!(
            io::stderr(),
            "wrote {} to {shown}; check with `--baseline {shown}` to fail only on new findings",
            charterlint::report::plural(report.findings.len(), "finding"),
            shown = path.display()
        )?;
        // Recording today's findings is adoption, not failure; unreadable input still is.
        if code == 1 {
            code = 0;
        }
    }
    let emit = EmitOptions {
        matrix_limit: args.matrices,
        ..emit_options(format, false, args.quiet)
    };
    let written = match args.output.as_deref() {
        Some(output) if output != Path::new("-") => {
            let target = output;
            if let Err(message) = refused_target(target, &report, &args) {
                return refused(&message);
            }
            // The report of this run is written whole, input errors included, so that
            // CI never uploads an older report as if it were this one.
            let mut buffer = Vec::new();
            format.emitter(emit).emit(&report, &mut buffer)?;
            charterlint::output::write_report(target, &buffer)?;
            write_errors(&report.input_errors, stderr_color)
        }
        _ => {
            let stdout_color = use_color(args.color, &io::stdout());
            // Standard output is line-buffered; a report of thousands of lines would
            // otherwise cost a write per line.
            let mut stdout = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
            let emit = EmitOptions {
                color: stdout_color,
                ..emit
            };
            format
                .emitter(emit)
                .emit(&report, &mut stdout)
                .and_then(|()| stdout.flush())
                .and_then(|()| {
                    drop(stdout);
                    if matches!(format, ReportFormat::Text) {
                        Ok(())
                    } else {
                        write_errors(&report.input_errors, stderr_color)
                    }
                })
        }
    };
    // Freeing thousands of small results only delays the exit.
    std::mem::forget(report);
    match written {
        // The reader went away (`charterlint check | head`): the findings still decide.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(code),
        Err(error) => Err(error),
        Ok(()) => Ok(code),
    }
}

fn diff(args: DiffArgs) -> io::Result<u8> {
    let stderr_color = use_color(ColorArg::Auto, &io::stderr());
    let org = match load_org(args.config.as_deref(), args.input.max_file_size) {
        Ok(org) => org,
        Err(failure) => {
            write_errors(&[*failure], stderr_color)?;
            return Ok(2);
        }
    };
    let mut options = RunOptions::new(charter::Date::today());
    options.max_file_size = args.input.max_file_size;
    options.org = org;
    options.fail_on = args.fail_on;
    options.coverage = true;
    let (old, new, old_base, new_base) = match &args.against {
        Some(revision) => {
            let paths = if args.paths.is_empty() {
                vec![PathBuf::from(".")]
            } else {
                args.paths.clone()
            };
            // Paths inside a git tree are compared as text, as git stores them.
            let tree_paths: Vec<String> = paths.iter().map(|path| path.to_string_lossy().into_owned()).collect();
            let folder = std::env::current_dir().unwrap_or_default();
            let sources = match charterlint::git::charters_at(&folder, revision, &tree_paths) {
                Ok(sources) => sources,
                Err(message) => {
                    let mut stderr = io::stderr().lock();
                    writeln!(stderr, "error: cannot read the charters at `{revision}`: {message}")?;
                    writeln!(
                        stderr,
                        "  = help: run inside the git repository, and name a branch, tag or commit it has (`git fetch` it first in a shallow CI checkout)"
                    )?;
                    return Ok(2);
                }
            };
            (
                lint::run_sources(sources, &options),
                lint::run(&paths, &options),
                String::new(),
                String::new(),
            )
        }
        None => {
            let [old_path, new_path] = args.paths.as_slice() else {
                let mut stderr = io::stderr().lock();
                writeln!(
                    stderr,
                    "error: `diff` compares two states: OLD and NEW, or --against REV"
                )?;
                writeln!(
                    stderr,
                    "  = help: `charterlint diff old/ new/`, `charterlint diff before.charter.toml after.charter.toml` or `charterlint diff --against main`"
                )?;
                return Ok(2);
            };
            (
                lint::run(std::slice::from_ref(old_path), &options),
                lint::run(std::slice::from_ref(new_path), &options),
                old_path.to_string_lossy().trim_end_matches('/').to_string(),
                new_path.to_string_lossy().trim_end_matches('/').to_string(),
            )
        }
    };
    let changes = charterlint::diff::compare(&old, &new, &old_base, &new_base);
    let text = match args.format {
        DiffFormat::Text => charterlint::report::changes::text(&changes),
        DiffFormat::Json => charterlint::report::changes::json(&changes),
        DiffFormat::Markdown => charterlint::report::changes::markdown(&changes),
    };
    match args.output.as_deref() {
        Some(output) if output != Path::new("-") => {
            let target = output;
            let mut inputs = old.inputs_read.clone();
            inputs.extend(new.inputs_read.iter().cloned());
            if let Err(error) = charterlint::output::refuse_inputs(target, &inputs) {
                return refused(&error.to_string());
            }
            charterlint::output::write_report(target, text.as_bytes())?;
        }
        _ => {
            if let Err(error) = print(&text)
                && error.kind() != io::ErrorKind::BrokenPipe
            {
                return Err(error);
            }
        }
    }
    write_errors(&new.input_errors, stderr_color)?;
    Ok(if !new.input_errors.is_empty() {
        2
    } else if changes.failed {
        1
    } else {
        0
    })
}

fn export(path: &Path, format: SheetFormat, output: Option<&Path>, force: bool) -> io::Result<u8> {
    let mut stderr = io::stderr().lock();
    if let Some(output) = output
        && std::fs::symlink_metadata(output).is_ok()
        && !force
    {
        writeln!(stderr, "error: `{}` already exists", output.display())?;
        writeln!(stderr, "  = help: pass --force to overwrite it, or name another file")?;
        return Ok(2);
    }
    let mut options = RunOptions::new(charter::Date::today());
    options.coverage = true;
    options.threads = 1;
    // Each charter is loaded for its duties and checked for its gaps.
    let mut tables = Vec::new();
    let mut failures = Vec::new();
    let mut inputs = Vec::new();
    let walked = charterlint::discover::for_each_charter(&[path], |found| match lint::load_input(&found, &options) {
        Ok(loaded) => {
            let checked = lint::check_charter(&loaded, &options.org, None, true);
            tables.push((found.display.clone(), charterlint::export::table(&loaded, &checked)));
        }
        Err(failure) => failures.push(*failure),
    });
    inputs.extend(walked.inputs_read.iter().cloned());
    failures.extend(walked.problems.into_iter().map(|problem| charter::LoadFailure {
        errors: vec![charter::InputError::unlocated(problem.message, problem.help)],
        source: charterlint::source::SourceFile::new(problem.path, String::new()),
    }));
    drop(stderr);
    if !failures.is_empty() {
        write_errors(&failures, use_color(ColorArg::Auto, &io::stderr()))?;
        return Ok(2);
    }
    tables.sort_by(|left, right| left.0.cmp(&right.0));
    let tables: Vec<charterlint::export::Table> = tables.into_iter().map(|(_, table)| table).collect();
    let bytes = match (format, tables.as_slice()) {
        (_, []) => return no_charters(&[path]),
        (SheetFormat::Csv, [table]) => charterlint::export::csv(table)?,
        (SheetFormat::Csv, _) => {
            let mut stderr = io::stderr().lock();
            writeln!(
                stderr,
                "error: `{}` holds {} charters; a CSV file holds one",
                path.display(),
                tables.len()
            )?;
            writeln!(
                stderr,
                "  = help: export them as one workbook with `--format xlsx --output charters.xlsx`, or name one charter"
            )?;
            return Ok(2);
        }
        (SheetFormat::Xlsx, _) => charterlint::export::xlsx(&tables)?,
    };
    match output {
        Some(target) => {
            if let Err(error) = charterlint::output::refuse_inputs(target, &inputs) {
                return refused(&error.to_string());
            }
            charterlint::output::write_report(target, &bytes)?;
            writeln!(io::stderr(), "wrote {}", target.display())?;
            Ok(0)
        }
        None if format == SheetFormat::Xlsx && io::stdout().is_terminal() => {
            let mut stderr = io::stderr().lock();
            writeln!(stderr, "error: an XLSX workbook is not for a terminal")?;
            writeln!(stderr, "  = help: name the file with `--output charters.xlsx`")?;
            Ok(2)
        }
        None => {
            let mut stdout = io::stdout().lock();
            stdout.write_all(&bytes)?;
            stdout.flush()?;
            Ok(0)
        }
    }
}

fn import(file: &Path, output: Option<&Path>, format: Option<InputFormat>, force: bool) -> io::Result<u8> {
    use charterlint::import;
    let format =
        format.unwrap_or_else(
            || match output.and_then(|output| InputFormat::from_path(&output.to_string_lossy())) {
                Some(InputFormat::Json) => InputFormat::Json,
                _ => InputFormat::Toml,
            },
        );
    if let Some(output) = output
        && std::fs::symlink_metadata(output).is_ok()
        && !force
    {
        let mut stderr = io::stderr().lock();
        writeln!(stderr, "error: `{}` already exists", output.display())?;
        writeln!(stderr, "  = help: pass --force to overwrite it, or name another file")?;
        return Ok(2);
    }
    let stem = file
        .file_stem()
        .map_or_else(String::new, |stem| stem.to_string_lossy().into_owned());
    let imported = import::read_sheets(file)
        .map_err(|error| vec![error])
        .and_then(|sheets| import::read_charter(&sheets, &stem));
    let charter = match imported {
        Ok(charter) => charter,
        Err(errors) => {
            let mut stderr = io::stderr().lock();
            for error in errors {
                let place = error.place();
                writeln!(stderr, "error: {}", error.message)?;
                if place.is_empty() {
                    writeln!(stderr, " --> {}", file.display())?;
                } else {
                    writeln!(stderr, " --> {}: {place}", file.display())?;
                }
                if let Some(help) = &error.help {
                    writeln!(stderr, "  = help: {help}")?;
                }
                writeln!(stderr)?;
            }
            return Ok(2);
        }
    };
    let text = match format {
        InputFormat::Toml => import::to_toml(&charter, &file.to_string_lossy()),
        InputFormat::Json => import::to_json(&charter),
    };
    // How each duty maps, as `map` shows it: unknown duties are seen at once.
    let shown = output.map_or_else(|| "<standard output>".into(), Path::to_string_lossy);
    if let Ok(loaded) = charter::load_bytes(&shown, text.clone().into_bytes(), format, rules::names()) {
        let mut stderr = io::stderr().lock();
        write!(stderr, "{}", commands::map_text(&loaded))?;
    }
    match output {
        Some(output) => {
            charterlint::output::write_report(output, text.as_bytes())?;
            writeln!(io::stderr(), "wrote {shown}; check it with `charterlint check {shown}`")?;
            Ok(0)
        }
        None => print(&text),
    }
}

/// The baseline entries that matched nothing: those the stale-baseline findings name.
fn stale_entries(
    report: &lint::RunReport,
    baseline: &charterlint::baseline::Baseline,
) -> Vec<charterlint::baseline::BaselineEntry> {
    let reported: std::collections::HashSet<(usize, usize)> = report
        .findings
        .iter()
        .filter(|finding| finding.rule == rules::STALE_BASELINE.name && *finding.location.path == *baseline.source.path)
        .map(|finding| (finding.location.start.line, finding.location.start.column))
        .collect();
    baseline
        .entries
        .iter()
        .filter(|entry| {
            let at = baseline.source.position(entry.span.start);
            reported.contains(&(at.line, at.column))
        })
        .cloned()
        .collect()
}

/// Why a report or baseline may not be written to `target`: it is a file the run reads.
fn refused_target(target: &Path, report: &lint::RunReport, args: &CheckArgs) -> Result<(), String> {
    let mut inputs = report.inputs_read.clone();
    inputs.extend(args.config.iter().cloned());
    inputs.extend(args.baseline.iter().cloned());
    charterlint::output::refuse_inputs(target, &inputs).map_err(|error| error.to_string())
}

fn refused(message: &str) -> io::Result<u8> {
    usage_error(
        message,
        "name a report file that no charter, policy or baseline of this run is read from",
    )
}

/// Nothing to check: say why, and how to check what was meant.
fn no_charters(paths: &[impl AsRef<Path>]) -> io::Result<u8> {
    let mut stderr = io::stderr().lock();
    let shown: Vec<String> = paths
        .iter()
        .map(|path| path.as_ref().to_string_lossy().into_owned())
        .collect();
    writeln!(stderr, "error: no charters found in {}", shown.join(", "))?;
    let ignored = charterlint::discover::ignored_charters(paths);
    if ignored > 0 {
        writeln!(
            stderr,
            "  = note: {} below {} {} hidden by .gitignore, .ignore or git's excludes",
            charterlint::wording::plural(ignored, "charter file"),
            shown.join(", "),
            if ignored == 1 { "is" } else { "are" }
        )?;
        writeln!(
            stderr,
            "  = help: name the files to check them anyway, or add a `!*.charter.toml` line to the ignore file"
        )?;
    } else {
        writeln!(
            stderr,
            "  = help: charterlint looks for *.charter.toml and *.charter.json files; name a file to check it whatever its name"
        )?;
    }
    Ok(2)
}

/// Paths in CI reports are relative to the working folder, the repository root in CI;
/// SARIF also names the commit when the folder is in a git working tree.
fn emit_options(format: ReportFormat, color: bool, quiet: bool) -> EmitOptions {
    EmitOptions {
        color,
        quiet,
        ..EmitOptions::for_run(format, std::env::current_dir().unwrap_or_default())
    }
}

fn map(path: &Path, format: DataFormat, input: &InputArgs) -> io::Result<u8> {
    let shown = path.to_string_lossy();
    if path.is_dir() {
        let mut stderr = io::stderr().lock();
        writeln!(
            stderr,
            "error: `{shown}` is a folder; `map` shows the duties of one charter file"
        )?;
        writeln!(
            stderr,
            "  = help: name one charter, such as `charterlint map {}/team.charter.toml`",
            shown.trim_end_matches('/')
        )?;
        return Ok(2);
    }
    let options = match run_options(&[path], input)? {
        Ok(options) => options,
        Err(message) => return stdin_error(&message),
    };
    let charter_path = charterlint::discover::CharterPath {
        path: path.to_path_buf(),
        display: shown.into_owned(),
    };
    match lint::load_input(&charter_path, &options) {
        Ok(loaded) => print(&match format {
            DataFormat::Text => commands::map_text(&loaded),
            DataFormat::Json => {
                let rows = commands::map_rows(&loaded);
                format!("{}\n", serde_json::to_string_pretty(&rows).map_err(io::Error::other)?)
            }
        }),
        Err(failure) => {
            write_errors(&[*failure], use_color(ColorArg::Auto, &io::stderr()))?;
            Ok(2)
        }
    }
}

fn explain(rule: Option<&str>) -> io::Result<u8> {
    let Some(name) = rule else {
        return print(&commands::rules_list());
    };
    match rules::find(name) {
        Some(rule) => print(&commands::explain_text(rule)),
        None => {
            let mut stderr = io::stderr().lock();
            writeln!(stderr, "error: unknown rule `{name}`")?;
            let names = rules::RULES.iter().map(|rule| rule.name);
            match charter::did_you_mean(name, names) {
                Some(close) => writeln!(
                    stderr,
                    "  = help: did you mean `{close}`? `charterlint explain` lists every rule"
                )?,
                None => writeln!(stderr, "  = help: `charterlint explain` lists every rule")?,
            }
            Ok(2)
        }
    }
}

fn init(path: Option<PathBuf>, format: Option<InputFormat>, force: bool) -> io::Result<u8> {
    let mut stderr = io::stderr().lock();
    let shown = path
        .as_deref()
        .map(|path| path.display().to_string())
        .unwrap_or_default();
    let from_extension = path
        .as_deref()
        .map(|path| InputFormat::from_path(&path.to_string_lossy()));
    let format = match (format, from_extension) {
        (format, None) => format.unwrap_or(InputFormat::Toml),
        (None, Some(Some(InputFormat::Toml))) | (Some(InputFormat::Toml), Some(Some(InputFormat::Toml))) => {
            InputFormat::Toml
        }
        (None, Some(Some(InputFormat::Json))) | (Some(InputFormat::Json), Some(Some(InputFormat::Json))) => {
            InputFormat::Json
        }
        (Some(asked), Some(Some(found))) => {
            let asked = asked.name().to_ascii_lowercase();
            writeln!(
                stderr,
                "error: `--format {asked}` does not match the extension of `{}`, which is {}",
                shown,
                found.name()
            )?;
            writeln!(
                stderr,
                "  = help: name the file `….charter.{asked}`, or leave out `--format`"
            )?;
            return Ok(2);
        }
        (_, Some(None)) => {
            writeln!(
                stderr,
                "error: `{}` does not end in `.toml` or `.json`, so `check` would not read it",
                shown
            )?;
            writeln!(
                stderr,
                "  = help: name the file like `team.charter.toml` or `team.charter.json`"
            )?;
            return Ok(2);
        }
    };
    let target = path.unwrap_or_else(|| match format {
        InputFormat::Toml => PathBuf::from("team.charter.toml"),
        InputFormat::Json => PathBuf::from("team.charter.json"),
    });
    let path = target.display();
    if std::fs::symlink_metadata(&target).is_ok() && !force {
        writeln!(stderr, "error: `{path}` already exists")?;
        writeln!(stderr, "  = help: pass --force to overwrite it, or name another file")?;
        return Ok(2);
    }
    charterlint::output::write_report(&target, commands::starter_charter(format).as_bytes())?;
    writeln!(stderr, "wrote {path}; edit it, then run `charterlint check {path}`")?;
    Ok(0)
}

fn accuracy(paths: &[PathBuf], misses: bool) -> io::Result<u8> {
    use charterlint::corpus;
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<_> = std::fs::read_dir(path)?
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|file| file.extension().is_some_and(|extension| extension == "tsv"))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.to_path_buf());
        }
    }
    let mut phrases = Vec::new();
    let mut failed = false;
    let mut stderr = io::stderr().lock();
    for file in &files {
        let shown = file.to_string_lossy();
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(error) => {
                writeln!(stderr, "error: cannot read `{shown}`: {error}")?;
                failed = true;
                continue;
            }
        };
        match corpus::parse(&shown, &text) {
            Ok(parsed) => phrases.extend(parsed),
            Err(errors) => {
                for error in errors {
                    writeln!(stderr, "error: {error}")?;
                }
                failed = true;
            }
        }
    }
    if failed {
        return Ok(2);
    }
    let product = phrases.iter().filter(|phrase| phrase.is_product_ownership()).count();
    let mut out = format!(
        "{} phrases from {}: {product} product ownership, {} neighbouring work\n\n",
        phrases.len(),
        charterlint::wording::plural(files.len(), "file"),
        phrases.len() - product
    );
    out.push_str("stemming  product: expected id   neighbouring: recognized   neighbouring: expected id   neighbouring counted as product\n");
    let results: Vec<corpus::Accuracy> = charterlint::mapping::Stemming::ALL
        .iter()
        .map(|&stemming| corpus::measure(&phrases, stemming))
        .collect();
    for result in &results {
        out.push_str(&format!(
            "{:<8}  {:<24}  {:<25}  {:<26}  {}\n",
            result.stemming,
            result.product.to_string(),
            result.neighbouring_recognized.to_string(),
            result.neighbouring_exact.to_string(),
            result.neighbouring_as_product
        ));
    }
    out.push_str("\nproduct phrases not mapped right, by what a user sees:\n");
    out.push_str("stemming  warned: unknown   warned: ambiguous   silent: other product work   product duty taken as neighbouring\n");
    for result in &results {
        let counts = result.product_misses;
        out.push_str(&format!(
            "{:<8}  {:<15}   {:<17}   {:<26}   {}\n",
            result.stemming, counts.unknown, counts.ambiguous, counts.other_product, counts.neighbouring_only
        ));
    }
    if misses {
        out.push_str(&format!("\nmisses with {} stemming:\n", results[0].stemming));
        for outcome in &results[0].outcomes {
            let right = if outcome.phrase.is_product_ownership() {
                outcome.exact
            } else {
                outcome.recognized
            };
            if !right {
                let expected: Vec<&str> = outcome.phrase.expected.iter().map(|&index| index.entry().id).collect();
                out.push_str(&format!(
                    "  {}  \"{}\"  expected {}, got {}\n",
                    outcome.phrase.location,
                    outcome.phrase.phrase,
                    expected.join(" or "),
                    outcome.got
                ));
            }
        }
    }
    drop(stderr);
    print(&out)
}
