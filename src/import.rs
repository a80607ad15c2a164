//! Charters from the spreadsheets teams already keep: a RACI matrix with duties as
//! rows, roles as columns and R, A, C, I in the cells. CSV and TSV are read with
//! `csv`, XLSX, XLS and ODS with `calamine`; every cell that cannot be read is an
//! error naming its sheet, row and column, never a silent skip.
//!
//! What is understood, as people lay such sheets out:
//! - rows above the header holding only a title (the title names the team), and
//!   `label | value` rows for the team's methodology, delivery teams and scope;
//! - a header row of role titles, after a row of merged group headings or not;
//! - a row of holders (labelled "holders", "name", "person", "who"…), or a second
//!   sheet of `role | person` rows; without either, roles are vacant;
//! - combined cells ("A/R", "A, R", "RA", lowercase), "-" and blank cells, a note in
//!   parentheses ("A (interim)"), section headings (a row with no letters) and
//!   trailing empty columns;
//! - columns headed "responsibility", "status", "notes" and the like, which are not
//!   roles (a charterlint export has them).

use std::fmt::Write as _;

/// One sheet's cells as text, by absolute row and column (0-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The sheet's name; for CSV and TSV, the file name without its extension.
    pub name: String,
    /// The cells as text, row by row from the sheet's first row; rows may differ in
    /// length.
    pub rows: Vec<Vec<String>>,
}

/// A cell, row or sheet that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The sheet, or `None` for an error about the whole file.
    pub sheet: Option<String>,
    /// 1-based, as a spreadsheet shows it.
    pub row: Option<usize>,
    /// 1-based.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when there is advice to give.
    pub help: Option<String>,
}

impl ImportError {
    fn file(message: String, help: Option<String>) -> Self {
        ImportError {
            sheet: None,
            row: None,
            column: None,
            message,
            help,
        }
    }

    /// `sheet "RACI", row 5, column C`.
    pub fn place(&self) -> String {
        let mut parts = Vec::new();
        if let Some(sheet) = &self.sheet {
            parts.push(format!("sheet \"{sheet}\""));
        }
        if let Some(row) = self.row {
            parts.push(format!("row {row}"));
        }
        if let Some(column) = self.column {
            parts.push(format!("column {}", column_letters(column)));
        }
        parts.join(", ")
    }
}

/// `1` → `A`, `27` → `AA`: a column as a spreadsheet names it.
pub fn column_letters(column: usize) -> String {
    let mut letters = Vec::new();
    let mut rest = column;
    while rest > 0 {
        let digit = (rest - 1) % 26;
        letters.push(char::from(b'A' + digit as u8));
        rest = (rest - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// The sheets of a spreadsheet file, chosen by its extension.
pub fn read_sheets(path: &std::path::Path) -> Result<Vec<Sheet>, ImportError> {
    let extension = path
        .extension()
        .and_then(|extension| extension.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match extension.as_str() {
        "csv" | "tsv" | "txt" => {
            let bytes = std::fs::read(path)
                .map_err(|error| ImportError::file(format!("cannot read `{}`: {error}", path.display()), None))?;
            let delimiter = if extension == "tsv" {
                b'\t'
            } else {
                sniff_delimiter(&bytes)
            };
            sheet_from_delimited(&bytes, delimiter, &sheet_name(path))
        }
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => read_workbook(path),
        _ => Err(ImportError::file(
            format!("cannot tell the format of `{}`", path.display()),
            Some("import reads .csv, .tsv, .xlsx, .xls and .ods files".to_string()),
        )),
    }
}

fn sheet_name(path: &std::path::Path) -> String {
    path.file_stem()
        .map_or_else(String::new, |stem| stem.to_string_lossy().into_owned())
}

/// A CSV export from a European spreadsheet often separates with `;`.
fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let first_line = bytes.split(|byte| *byte == b'\n').next().unwrap_or_default();
    let count = |delimiter: u8| first_line.iter().filter(|byte| **byte == delimiter).count();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|delimiter| count(*delimiter))
        .filter(|delimiter| count(*delimiter) > 0)
        .unwrap_or(b',')
}

/// The one sheet of CSV or TSV text, named `name`; a byte order mark is skipped.
pub fn sheet_from_delimited(bytes: &[u8], delimiter: u8, name: &str) -> Result<Vec<Sheet>, ImportError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for (index, record) in reader.byte_records().enumerate() {
        let record = record.map_err(|error| ImportError {
            sheet: Some(name.to_string()),
            row: Some(index + 1),
            column: None,
            message: format!("cannot read the row: {error}"),
            help: None,
        })?;
        let mut row = Vec::with_capacity(record.len());
        for (column, field) in record.iter().enumerate() {
            let text = std::str::from_utf8(field).map_err(|_| ImportError {
                sheet: Some(name.to_string()),
                row: Some(index + 1),
                column: Some(column + 1),
                message: "the cell is not UTF-8 text".to_string(),
                help: Some("export the sheet as CSV UTF-8".to_string()),
            })?;
            row.push(text.to_string());
        }
        rows.push(row);
    }
    Ok(vec![Sheet {
        name: name.to_string(),
        rows,
    }])
}

fn read_workbook(path: &std::path::Path) -> Result<Vec<Sheet>, ImportError> {
    use calamine::{Data, Reader};
    let mut workbook = calamine::open_workbook_auto(path)
        .map_err(|error| ImportError::file(format!("cannot open `{}`: {error}", path.display()), None))?;
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(|error| ImportError {
            sheet: Some(name.clone()),
            row: None,
            column: None,
            message: format!("cannot read the sheet: {error}"),
            help: None,
        })?;
        let (top, left) = range
            .start()
            .map_or((0, 0), |(row, column)| (row as usize, column as usize));
        let mut rows: Vec<Vec<String>> = vec![Vec::new(); top];
        for cells in range.rows() {
            let mut row = vec![String::new(); left];
            row.extend(cells.iter().map(|cell| match cell {
                Data::Empty => String::new(),
                Data::String(text) => text.clone(),
                Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => format!("{number:.0}"),
                other => other.to_string(),
            }));
            rows.push(row);
        }
        sheets.push(Sheet { name, rows });
    }
    Ok(sheets)
}

/// The RACI letters a cell holds, or `None` when it holds something else.
/// `""`, `"-"` and `"–"` hold none; `"A/R"`, `"A, R"`, `"RA"`, `"r"` and
/// `"A (interim)"` hold letters.
pub fn raci_letters(cell: &str) -> Option<Vec<char>> {
    let text = cell.split('(').next().unwrap_or_default().trim();
    if text.is_empty() || matches!(text, "-" | "–" | "—") || text.eq_ignore_ascii_case("n/a") {
        return Some(Vec::new());
    }
    let mut letters = Vec::new();
    for character in text.chars() {
        match character.to_ascii_uppercase() {
            letter @ ('R' | 'A' | 'C' | 'I') => {
                if !letters.contains(&letter) {
                    letters.push(letter);
                }
            }
            '/' | ',' | '+' | '&' | ' ' | ';' => {}
            _ => return None,
        }
    }
    Some(letters)
}

/// Whether a row or column label, as a sheet writes it ("Holders:"), is one of `names`.
fn label_is(label: &str, names: &[&str]) -> bool {
    let label = label.trim().trim_end_matches(':').to_ascii_lowercase();
    names.contains(&label.as_str())
}

fn is_holder_label(label: &str) -> bool {
    label_is(
        label,
        &[
            "holder", "holders", "name", "names", "person", "people", "who", "held by", "owner", "owners",
        ],
    )
}

fn is_id_label(label: &str) -> bool {
    label_is(label, &["id", "ids", "role id", "role ids"])
}

fn is_scope_label(label: &str) -> bool {
    label_is(label, &["scope", "scopes"])
}

fn is_allocation_label(label: &str) -> bool {
    label_is(label, &["allocation", "allocations", "time", "share of time"])
}

/// Header cells of columns that describe a duty rather than a role.
fn is_descriptive_column(header: &str) -> bool {
    matches!(
        header.trim().to_ascii_lowercase().as_str(),
        "responsibility"
            | "responsibilities"
            | "status"
            | "notes"
            | "note"
            | "comments"
            | "comment"
            | "area"
            | "core"
            | "category"
            | "description"
            | "id"
    )
}

/// One role read from the sheet.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportedRole {
    /// From the sheet's id row, else made from the title (`Product Owner` →
    /// `product-owner`); numbered (`-2`) to keep it unique.
    pub id: String,
    /// The role's title, from the header row.
    pub title: String,
    /// The people holding the role, from the holder row or a sheet of people; empty
    /// makes it vacant.
    pub holders: Vec<String>,
    /// From the scope row; `None` when the sheet has none or the cell is empty.
    pub scope: Option<String>,
    /// Share of time from the allocation row (`50%` is 0.5); `None` when the sheet has
    /// none or the cell is empty.
    pub allocation: Option<f64>,
    /// Duties marked A, in row order.
    pub owns: Vec<String>,
    /// Duties marked R, in row order.
    pub does: Vec<String>,
    /// Duties marked C, in row order.
    pub consulted: Vec<String>,
    /// Duties marked I, in row order.
    pub informed: Vec<String>,
}

/// A charter read from a sheet, before it is written out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportedCharter {
    /// The team's name: from a `team` row or the title above the header, else the name
    /// the caller gave.
    pub team: String,
    /// From a `methodology` or `framework` row, lowercased; not checked here.
    pub methodology: Option<String>,
    /// From a `delivery teams` row.
    pub delivery_teams: Option<u32>,
    /// From a `cross-team dependencies` row: yes, true, y or 1 mean true.
    pub cross_team_dependencies: Option<bool>,
    /// One role per role column of the header, left to right.
    pub roles: Vec<ImportedRole>,
    /// Where the holders came from, for the charter's comments.
    pub holders_from: Option<String>,
    /// Section headings met, in order.
    pub sections: Vec<String>,
    /// Rows an export marked as gaps: core responsibilities nobody owned.
    pub gaps: Vec<String>,
    /// The sheet the matrix was read from.
    pub sheet: String,
}

/// The team a title names: "Claims Release Train — RACI matrix, PI 24.3" is the
/// Claims Release Train.
fn team_of_title(title: &str) -> String {
    if !title.to_ascii_lowercase().contains("raci") {
        return title.to_string();
    }
    let cut = [" — ", " – ", " - ", ": "]
        .iter()
        .filter_map(|separator| title.find(separator))
        .min()
        .unwrap_or(title.len());
    let team = title[..cut].trim();
    if team.is_empty() || team.to_ascii_lowercase().contains("raci") {
        title.to_string()
    } else {
        team.to_string()
    }
}

fn cell(row: &[String], column: usize) -> &str {
    row.get(column).map_or("", |text| text.trim())
}

/// A role id from its title: `Product Owner` → `product-owner`.
fn role_id(title: &str) -> String {
    let mut id = String::new();
    for character in title.chars() {
        if character.is_ascii_alphanumeric() {
            id.push(character.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() { "role".to_string() } else { id }
}

/// Finds the matrix in the workbook and reads it; `fallback_team` names the team
/// when no title row does.
pub fn read_charter(sheets: &[Sheet], fallback_team: &str) -> Result<ImportedCharter, Vec<ImportError>> {
    // The matrix is on the first sheet that has a row of RACI letters.
    let Some((sheet, first_data)) = sheets
        .iter()
        .find_map(|sheet| first_data_row(sheet).map(|row| (sheet, row)))
    else {
        return Err(vec![ImportError::file(
            "no RACI matrix found: no row holds R, A, C or I letters under role columns".to_string(),
            Some(
                "lay the matrix out with duties in the first column, one column per role and R, A, C, I in the cells"
                    .to_string(),
            ),
        )]);
    };
    let error_at = |row: usize, column: Option<usize>, message: String, help: Option<String>| ImportError {
        sheet: Some(sheet.name.clone()),
        row: Some(row + 1),
        column: column.map(|column| column + 1),
        message,
        help,
    };
    // The header: the nearest row above the data whose cells are titles, skipping the
    // holder, scope and allocation rows.
    let mut header = None;
    let mut id_row = None;
    let mut holder_row = None;
    let mut scope_row = None;
    let mut allocation_row = None;
    for row in (0..first_data).rev() {
        let label = cell(&sheet.rows[row], 0);
        if is_holder_label(label) {
            holder_row.get_or_insert(row);
        } else if is_id_label(label) {
            id_row.get_or_insert(row);
        } else if is_scope_label(label) {
            scope_row.get_or_insert(row);
        } else if is_allocation_label(label) {
            allocation_row.get_or_insert(row);
        } else if sheet.rows[row]
            .iter()
            .skip(1)
            .filter(|text| !text.trim().is_empty())
            .count()
            >= 1
        {
            header = Some(row);
            break;
        }
    }
    let Some(header) = header else {
        return Err(vec![error_at(
            first_data,
            None,
            "no header row of role titles above the first duty".to_string(),
            Some("put the role titles in the row above the duties".to_string()),
        )]);
    };
    let columns: Vec<usize> = (1..sheet.rows[header].len())
        .filter(|&column| {
            let title = cell(&sheet.rows[header], column);
            !title.is_empty() && !is_descriptive_column(title)
        })
        .collect();
    let status_column =
        (1..sheet.rows[header].len()).find(|&column| cell(&sheet.rows[header], column).eq_ignore_ascii_case("status"));
    let mut imported = ImportedCharter {
        team: fallback_team.to_string(),
        sheet: sheet.name.clone(),
        ..ImportedCharter::default()
    };
    let mut errors = Vec::new();
    // Above the header: a title names the team; `label | value` rows set the team's shape.
    let mut titled = false;
    for row in 0..header {
        let filled: Vec<(usize, &str)> = sheet.rows[row]
            .iter()
            .enumerate()
            .map(|(column, text)| (column, text.trim()))
            .filter(|(_, text)| !text.is_empty())
            .collect();
        match filled.as_slice() {
            // A title stands alone at the left; a lone cell further right heads a
            // group of role columns.
            [(0, title)] if !titled => {
                titled = true;
                imported.team = team_of_title(title);
            }
            [(_, _)] => {}
            [(_, label), (column, value), ..] => match label.trim_end_matches(':').to_ascii_lowercase().as_str() {
                "team" | "team name" => imported.team = value.to_string(),
                "methodology" | "framework" => imported.methodology = Some(value.to_ascii_lowercase()),
                "delivery teams" => match value.parse::<u32>() {
                    Ok(count) if count >= 1 => imported.delivery_teams = Some(count),
                    _ => errors.push(error_at(
                        row,
                        Some(*column),
                        format!("`{value}` is not a number of delivery teams"),
                        None,
                    )),
                },
                "cross-team dependencies" | "cross team dependencies" => {
                    imported.cross_team_dependencies = Some(matches!(
                        value.to_ascii_lowercase().as_str(),
                        "yes" | "true" | "y" | "1"
                    ))
                }
                _ => {}
            },
            _ => {}
        }
    }
    let mut used_ids = std::collections::BTreeSet::new();
    for &column in &columns {
        let title = cell(&sheet.rows[header], column).to_string();
        let named = id_row
            .map(|row| cell(&sheet.rows[row], column))
            .filter(|id| !id.is_empty());
        let mut id = named.map_or_else(|| role_id(&title), role_id);
        if !used_ids.insert(id.clone()) {
            let base = id.clone();
            let mut number = 2;
            while !used_ids.insert(format!("{base}-{number}")) {
                number += 1;
            }
            id = format!("{base}-{number}");
        }
        let holders = holder_row
            .map(|row| split_names(cell(&sheet.rows[row], column)))
            .unwrap_or_default();
        let scope = scope_row
            .map(|row| cell(&sheet.rows[row], column).to_string())
            .filter(|scope| !scope.is_empty());
        let allocation = match allocation_row.map(|row| (row, cell(&sheet.rows[row], column))) {
            Some((_, "")) | None => None,
            Some((row, text)) => match text.trim_end_matches('%').trim().parse::<f64>() {
                Ok(number) if text.ends_with('%') => Some(number / 100.0),
                Ok(number) => Some(number),
                Err(_) => {
                    errors.push(error_at(
                        row,
                        Some(column),
                        format!("`{text}` is not a share of time"),
                        Some("write it as 0.5 or 50%".to_string()),
                    ));
                    None
                }
            },
        };
        imported.roles.push(ImportedRole {
            id,
            title,
            holders,
            scope,
            allocation,
            ..ImportedRole::default()
        });
    }
    if holder_row.is_some() {
        imported.holders_from = Some("the holder row".to_string());
    } else if let Some(people) = people_sheet(sheets, sheet) {
        for role in &mut imported.roles {
            role.holders = people
                .iter()
                .filter(|(title, _)| title.eq_ignore_ascii_case(&role.title) || title.eq_ignore_ascii_case(&role.id))
                .flat_map(|(_, names)| names.iter().cloned())
                .collect();
        }
        imported.holders_from = Some(format!(
            "the sheet \"{}\"",
            people_sheet_name(sheets, sheet).unwrap_or_default()
        ));
    }
    for row in header + 1..sheet.rows.len() {
        if [holder_row, id_row, scope_row, allocation_row].contains(&Some(row)) {
            continue;
        }
        let duty = cell(&sheet.rows[row], 0);
        let cells: Vec<(usize, &str)> = columns
            .iter()
            .map(|&column| (column, cell(&sheet.rows[row], column)))
            .collect();
        if duty.is_empty() {
            if let Some((column, text)) = cells.iter().find(|(_, text)| !text.is_empty()) {
                errors.push(error_at(
                    row,
                    Some(*column),
                    format!("`{text}` stands in a row without a duty"),
                    Some("write the duty in the first column of the row".to_string()),
                ));
            }
            continue;
        }
        if cells.iter().all(|(_, text)| text.is_empty()) {
            // A charterlint export marks the gaps it found; any other row without
            // letters heads a section.
            let marked_gap = status_column
                .is_some_and(|column| cell(&sheet.rows[row], column).to_ascii_lowercase().starts_with("gap"));
            if marked_gap {
                imported.gaps.push(duty.to_string());
            } else {
                imported.sections.push(duty.to_string());
            }
            continue;
        }
        for (position, (column, text)) in cells.iter().enumerate() {
            let Some(letters) = raci_letters(text) else {
                errors.push(error_at(
                    row,
                    Some(*column),
                    format!("`{text}` is not a RACI value"),
                    Some("write R, A, C or I, a combination such as A/R, or leave the cell empty".to_string()),
                ));
                continue;
            };
            let role = &mut imported.roles[position];
            for letter in letters {
                let list = match letter {
                    'A' => &mut role.owns,
                    'R' => &mut role.does,
                    'C' => &mut role.consulted,
                    _ => &mut role.informed,
                };
                if !list.iter().any(|existing| existing == duty) {
                    list.push(duty.to_string());
                }
            }
        }
    }
    if errors.is_empty() { Ok(imported) } else { Err(errors) }
}

/// The first row with a label and at least one RACI letter under another column.
fn first_data_row(sheet: &Sheet) -> Option<usize> {
    sheet.rows.iter().position(|row| {
        let label = cell(row, 0);
        !label.is_empty()
            && !is_holder_label(label)
            && !is_scope_label(label)
            && !is_allocation_label(label)
            && row
                .iter()
                .skip(1)
                .any(|text| raci_letters(text).is_some_and(|letters| !letters.is_empty()))
    })
}

fn people_sheet_name<'a>(sheets: &'a [Sheet], matrix: &Sheet) -> Option<&'a str> {
    sheets
        .iter()
        .filter(|sheet| sheet.name != matrix.name)
        .find(|sheet| {
            sheet.rows.first().is_some_and(|header| {
                header.iter().any(|text| text.trim().eq_ignore_ascii_case("role"))
                    && header.iter().any(|text| {
                        matches!(
                            text.trim().to_ascii_lowercase().as_str(),
                            "person" | "people" | "name" | "holder" | "holders"
                        )
                    })
            })
        })
        .map(|sheet| sheet.name.as_str())
}

/// A second sheet of `role | person` rows: (role title, names).
fn people_sheet(sheets: &[Sheet], matrix: &Sheet) -> Option<Vec<(String, Vec<String>)>> {
    let name = people_sheet_name(sheets, matrix)?;
    let sheet = sheets.iter().find(|sheet| sheet.name == name)?;
    let header = sheet.rows.first()?;
    let role_column = header
        .iter()
        .position(|text| text.trim().eq_ignore_ascii_case("role"))?;
    let person_column = header.iter().position(|text| {
        matches!(
            text.trim().to_ascii_lowercase().as_str(),
            "person" | "people" | "name" | "holder" | "holders"
        )
    })?;
    Some(
        sheet
            .rows
            .iter()
            .skip(1)
            .filter(|row| !cell(row, role_column).is_empty())
            .map(|row| {
                (
                    cell(row, role_column).to_string(),
                    split_names(cell(row, person_column)),
                )
            })
            .collect(),
    )
}

/// `"Dana, Sam"`, `"Dana; Sam"`, `"Dana and Sam"`, `"Dana / Sam"` → two names.
fn split_names(text: &str) -> Vec<String> {
    text.replace(" and ", ",")
        .replace(['/', ';', '\n'], ",")
        .split(',')
        .map(str::trim)
        .filter(|name| {
            !name.is_empty()
                && *name != "-"
                && !name.eq_ignore_ascii_case("tbd")
                && !name.eq_ignore_ascii_case("vacant")
        })
        .map(str::to_string)
        .collect()
}

fn toml_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

fn toml_list(items: &[String]) -> String {
    if items.is_empty() {
        return "[]".to_string();
    }
    if items.iter().map(String::len).sum::<usize>() < 60 {
        return format!(
            "[{}]",
            items
                .iter()
                .map(|item| toml_string(item))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let mut out = String::from("[\n");
    for item in items {
        let _ = writeln!(out, "  {},", toml_string(item));
    }
    out.push(']');
    out
}

/// The charter as commented TOML, ready to check.
pub fn to_toml(charter: &ImportedCharter, source: &str) -> String {
    let mut out = format!(
        "# Imported by `charterlint import` from {source} (sheet \"{}\").\n# Check it with `charterlint check`, then keep this file as the team's charter.\nversion = 1\n\n[team]\nname = {}\n",
        charter.sheet,
        toml_string(&charter.team)
    );
    if let Some(methodology) = &charter.methodology {
        let _ = writeln!(out, "methodology = {}", toml_string(methodology));
    }
    if let Some(count) = charter.delivery_teams {
        let _ = writeln!(out, "delivery_teams = {count}");
    }
    if let Some(cross) = charter.cross_team_dependencies {
        let _ = writeln!(out, "cross_team_dependencies = {cross}");
    }
    if !charter.sections.is_empty() {
        let _ = writeln!(out, "# The sheet's sections: {}.", charter.sections.join(", "));
    }
    if !charter.gaps.is_empty() {
        let _ = writeln!(out, "# The sheet marks these as unowned: {}.", charter.gaps.join(", "));
    }
    for role in &charter.roles {
        let _ = write!(
            out,
            "\n[[roles]]\nid = {}\ntitle = {}\n",
            toml_string(&role.id),
            toml_string(&role.title)
        );
        if role.holders.is_empty() {
            out.push_str("# Nobody is named for this role in the sheet: it is vacant until holders are added.\n");
        }
        let _ = writeln!(out, "holders = {}", toml_list(&role.holders));
        if let Some(scope) = &role.scope {
            let _ = writeln!(out, "scope = {}", toml_string(scope));
        }
        if let Some(allocation) = role.allocation {
            let _ = writeln!(out, "allocation = {allocation}");
        }
        for (key, duties) in [
            ("owns", &role.owns),
            ("does", &role.does),
            ("consulted", &role.consulted),
            ("informed", &role.informed),
        ] {
            if !duties.is_empty() {
                let _ = writeln!(out, "{key} = {}", toml_list(duties));
            }
        }
    }
    out
}

/// The charter as JSON, ready to check.
pub fn to_json(charter: &ImportedCharter) -> String {
    let roles: Vec<serde_json::Value> = charter
        .roles
        .iter()
        .map(|role| {
            let mut value = serde_json::json!({
                "id": role.id,
                "title": role.title,
                "holders": role.holders,
            });
            if let Some(scope) = &role.scope {
                value["scope"] = serde_json::json!(scope);
            }
            if let Some(allocation) = role.allocation {
                value["allocation"] = serde_json::json!(allocation);
            }
            for (key, duties) in [
                ("owns", &role.owns),
                ("does", &role.does),
                ("consulted", &role.consulted),
                ("informed", &role.informed),
            ] {
                if !duties.is_empty() {
                    value[key] = serde_json::json!(duties);
                }
            }
            value
        })
        .collect();
    let mut team = serde_json::json!({ "name": charter.team });
    if let Some(methodology) = &charter.methodology {
        team["methodology"] = serde_json::json!(methodology);
    }
    if let Some(count) = charter.delivery_teams {
        team["delivery_teams"] = serde_json::json!(count);
    }
    if let Some(cross) = charter.cross_team_dependencies {
        team["cross_team_dependencies"] = serde_json::json!(cross);
    }
    let document = serde_json::json!({
        "$schema": "https://raw.githubusercontent.com/charterlint/charterlint/main/schemas/charter.schema.json",
        "version": 1,
        "team": team,
        "roles": roles,
    });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_people_write_them() {
        for (cell, letters) in [
            ("A/R", vec!['A', 'R']),
            ("A, R", vec!['A', 'R']),
            ("RA", vec!['R', 'A']),
            ("r/c", vec!['R', 'C']),
            (" A ", vec!['A']),
            ("A (interim)", vec!['A']),
            ("R+C", vec!['R', 'C']),
            ("", vec![]),
            ("-", vec![]),
        ] {
            assert_eq!(raci_letters(cell), Some(letters), "{cell:?}");
        }
        for cell in ["Owner", "yes", "X", "5"] {
            assert_eq!(raci_letters(cell), None, "{cell:?}");
        }
    }

    #[test]
    fn columns_are_named_as_spreadsheets_name_them() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
    }

    #[test]
    fn role_ids_come_from_titles() {
        assert_eq!(role_id("Product Owner"), "product-owner");
        assert_eq!(role_id("PO (Intake)"), "po-intake");
        assert_eq!(role_id("  "), "role");
    }
}
