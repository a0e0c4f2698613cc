"""Writes the 台账 a unit might build itself, with every habit the reader
must survive: a title row above the header, columns in another order and
under other names, no hidden id column, a commitment merged over its rows,
a deadline stored as a date serial without a date format, a percent of 0.8
in a percent format, percents typed as "８０％" and "约80%", a zero-width
space pasted from the web, a 合计 row and a 填表人 row at the bottom, and a
column jianbao does not know. Reads the task names from the month's YAML
through the arguments: OUT then COMMITMENT TASK1 TASK2 TASK3."""

import sys

import openpyxl

out, commitment, task1, task2, task3 = sys.argv[1:]
book = openpyxl.Workbook()
sheet = book.active
sheet.title = "进展表"
sheet["A1"] = "某单位重点工作推进情况表"
sheet.merge_cells("A1:I1")
sheet.append(["序号", "重点工作", "具体内容", "完成进度", "进度评价", "时间节点", "责任部门", "11月进展情况", "备注"])
rows = [
    [1, commitment, task1, 0.8, "达进度", 46387, "市生态环境局", "完成\u200b年度监测任务的八成。", "联系人：张三"],
    [2, None, task2, "８０％", "慢序时", "年底前", "市住房和城乡建设局", "检查工地 12 个。", None],
    [3, None, task3, "约80%", "已办结", "长期", "市水务局", "巡河 900 人次。", None],
]
for row in rows:
    sheet.append(row)
sheet.merge_cells("B3:B5")
sheet["D3"].number_format = "0%"
sheet.append(["合计", None, None, None, None, None, None, None, None])
sheet.append(["填表人：李四", None, None, None, None, None, None, None, None])
book.save(out)
