//! The charter back as a RACI spreadsheet, for the people who read it outside
//! engineering: a title row naming the team, the team's shape, a header of role
//! titles with rows of role ids, holders, scopes and allocations, then one row per
//! duty with its RACI letters, the responsibility it maps to, and a row marking each
//! core responsibility nobody owns. `charterlint import` reads it back to a charter
//! with the same findings.

use crate::charter::LoadedCharter;
use crate::mapping::{DutyMapping, Mapper};
use crate::rules::CheckedFile;

/// One team as rows of cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The team's name, from the charter.
    pub team: String,
    /// The cells, row by row, every row as wide as the header: the duty, one column per
    /// role, then the responsibility and the status.
    pub rows: Vec<Vec<String>>,
}

/// The matrix of one charter; `checked` is its lint result with coverage, for the gaps.
pub fn table(loaded: &LoadedCharter, checked: &CheckedFile) -> Table {
    let charter = &loaded.charter;
    let width = charter.roles.len() + 3;
    let padded = |mut row: Vec<String>| {
        row.resize(width, String::new());
        row
    };
    let mut rows = vec![padded(vec![charter.team.name.value.clone()])];
    rows.push(padded(vec![
        "methodology".to_string(),
        charter.team.methodology.name().to_string(),
    ]));
    rows.push(padded(vec![
        "delivery teams".to_string(),
        charter.team.delivery_teams.to_string(),
    ]));
    rows.push(padded(vec![
        "cross-team dependencies".to_string(),
        if charter.team.cross_team_dependencies {
            "yes"
        } else {
            "no"
        }
        .to_string(),
    ]));
    rows.push(padded(Vec::new()));
    let mut header = vec!["Duty".to_string()];
    header.extend(charter.roles.iter().map(|role| role.title.value.clone()));
    header.extend(["Responsibility".to_string(), "Status".to_string()]);
    rows.push(header);
    let role_row = |label: &str, value: &dyn Fn(&crate::charter::Role) -> String| {
        let mut row = vec![label.to_string()];
        row.extend(charter.roles.iter().map(value));
        padded(row)
    };
    rows.push(role_row("id", &|role| role.id.value.clone()));
    rows.push(role_row("holders", &|role| {
        role.holders
            .iter()
            .map(|holder| holder.value.clone())
            .collect::<Vec<_>>()
            .join(", ")
    }));
    if charter.roles.iter().any(|role| role.scope.is_some()) {
        rows.push(role_row("scope", &|role| {
            role.scope
                .as_ref()
                .map_or_else(String::new, |scope| scope.value.clone())
        }));
    }
    if charter.roles.iter().any(|role| role.allocation.value != 1.0) {
        rows.push(role_row("allocation", &|role| role.allocation.value.to_string()));
    }
    // Every distinct duty, in the order the charter first names it.
    let mut duties: Vec<&str> = Vec::new();
    for role in &charter.roles {
        for (_, list) in role.duty_lists() {
            for duty in list {
                if !duties.contains(&duty.value.as_str()) {
                    duties.push(&duty.value);
                }
            }
        }
    }
    let mapper = Mapper::new(&charter.vocabulary);
    for duty in duties {
        let mut row = vec![duty.to_string()];
        // A duty reads as a specialist's own trade for a role whose title names one,
        // so two roles can list the same words for different work: each reading once.
        let mut readings: Vec<String> = Vec::new();
        for role in &charter.roles {
            let letters: Vec<String> = role
                .duty_lists()
                .into_iter()
                .filter(|(_, list)| list.iter().any(|entry| entry.value == duty))
                .map(|(raci, _)| raci.letter().to_string())
                .collect();
            row.push(letters.join("/"));
            if letters.is_empty() {
                continue;
            }
            let (mapping, _) = mapper.map_in_trade(duty, crate::catalog::title_trade(&role.title.value));
            let reading = match &mapping {
                DutyMapping::Ambiguous { .. } => "ambiguous".to_string(),
                DutyMapping::Unknown { .. } => "unknown".to_string(),
                mapped => mapped
                    .responsibilities()
                    .iter()
                    .map(|&index| index.entry().id)
                    .collect::<Vec<_>>()
                    .join(" + "),
            };
            if !readings.contains(&reading) {
                readings.push(reading);
            }
        }
        row.push(readings.join(" / "));
        row.push(String::new());
        rows.push(row);
    }
    if let Some(coverage) = &checked.coverage {
        for row in coverage.rows.iter().filter(|row| row.unowned) {
            let entry = &row.responsibility.entry();
            rows.push(
                padded(vec![entry.name.to_string()])
                    .into_iter()
                    .enumerate()
                    .map(|(column, cell)| {
                        if column == width - 2 {
                            entry.id.to_string()
                        } else if column == width - 1 {
                            "GAP: core, and nobody owns it".to_string()
                        } else {
                            cell
                        }
                    })
                    .collect(),
            );
        }
    }
    Table {
        team: charter.team.name.value.clone(),
        rows,
    }
}

/// One table as CSV.
pub fn csv(table: &Table) -> std::io::Result<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in &table.rows {
        writer.write_record(row).map_err(std::io::Error::other)?;
    }
    writer
        .into_inner()
        .map_err(|error| std::io::Error::other(error.to_string()))
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique.
fn sheet_name(team: &str, taken: &mut Vec<String>) -> String {
    let cleaned: String = team
        .chars()
        .map(|character| if "[]:*?/\\".contains(character) { ' ' } else { character })
        .collect();
    let base: String = cleaned.trim().chars().take(28).collect();
    let base = if base.is_empty() { "Team".to_string() } else { base };
    let mut name = base.clone();
    let mut number = 2;
    while taken.iter().any(|existing| existing.eq_ignore_ascii_case(&name)) {
        name = format!("{base} {number}");
        number += 1;
    }
    taken.push(name.clone());
    name
}

/// Every table as one workbook, a sheet per team.
pub fn xlsx(tables: &[Table]) -> std::io::Result<Vec<u8>> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let mut taken = Vec::new();
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet
            .set_name(sheet_name(&table.team, &mut taken))
            .map_err(std::io::Error::other)?;
        for (row_index, row) in table.rows.iter().enumerate() {
            let is_header = row.first().is_some_and(|cell| cell == "Duty") || row_index == 0;
            for (column, cell) in row.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                let (row_number, column_number) = (row_index as u32, column as u16);
                if is_header {
                    sheet
                        .write_string_with_format(row_number, column_number, cell, &bold)
                        .map_err(std::io::Error::other)?;
                } else {
                    sheet
                        .write_string(row_number, column_number, cell)
                        .map_err(std::io::Error::other)?;
                }
            }
        }
        sheet.set_column_width(0, 42).map_err(std::io::Error::other)?;
    }
    workbook.save_to_buffer().map_err(std::io::Error::other)
}
