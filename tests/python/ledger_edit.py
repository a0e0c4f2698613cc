"""Edits a workbook the way a unit does in WPS or Excel: openpyxl opens
FILE, sets each SHEET!CELL=VALUE given (an empty VALUE clears the cell; a
value starting with == is the formula after the first =; a CELL of
COLUMN* such as J* fills that column of every task row, with {task}
standing for the row's 具体任务), and saves to OUT.

usage: ledger_edit.py FILE OUT [SHEET!CELL=VALUE ...]"""

import sys

import openpyxl

source, target, *edits = sys.argv[1:]
book = openpyxl.load_workbook(source)
for edit in edits:
    place, value = edit.split("=", 1)
    sheet, cell = place.split("!")
    if value.startswith("=="):
        value = value[1:]
    elif value.replace(".", "", 1).isdigit():
        value = float(value) if "." in value else int(value)
    if cell.endswith("*"):
        column = cell[:-1]
        for row in range(4, book[sheet].max_row + 1):
            task = book[sheet][f"D{row}"].value
            if task:
                book[sheet][f"{column}{row}"] = str(value).replace("{task}", task)
        continue
    book[sheet][cell] = value if value != "" else None
book.save(target)
