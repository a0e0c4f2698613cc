"""Prints what openpyxl, an independent reader, sees in a jianbao 台账:
sheet names and visibility, the 台账 header, the hidden id column, the
frozen cell, sheet protection, unlocked columns, data validations and the
print setup, as JSON."""

import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
sheet = book["台账"]
header = [cell.value for cell in sheet[3]]
first_data = sheet[4]
print(
    json.dumps(
        {
            "sheets": {ws.title: ws.sheet_state for ws in book.worksheets},
            "header": header,
            "id_hidden": sheet.column_dimensions["A"].hidden,
            "frozen": sheet.freeze_panes,
            "protected": sheet.protection.sheet,
            "unlocked": [
                header[i] for i, cell in enumerate(first_data) if not cell.protection.locked
            ],
            "validations": [
                {"type": dv.type, "formula1": dv.formula1, "formula2": dv.formula2, "sqref": str(dv.sqref)}
                for dv in sheet.data_validations.dataValidation
            ],
            "notes": {c.value: bool(c.comment) for c in sheet[3]},
            "landscape": sheet.page_setup.orientation,
            "paper": sheet.page_setup.paperSize,
            "repeat_rows": sheet.print_title_rows,
            "ids": [row[0].value for row in sheet.iter_rows(min_row=4)],
            "font": book._fonts[0].name if book._fonts else None,
        },
        ensure_ascii=False,
    )
)
