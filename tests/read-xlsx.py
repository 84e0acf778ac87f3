#!/usr/bin/python3
# Reads an .xlsx with openpyxl (a real reader, not ours) and prints what the
# tests compare, one fact per line: sheet <TAB> key <TAB> value.
# Values escape backslash, newline and tab as \\ \n \t (g_strcompress undoes it).
#
# Copyright 2026 Council Desk developers
# SPDX-License-Identifier: GPL-3.0-or-later
import re
import sys
import xml.etree.ElementTree as ElementTree
import zipfile

import openpyxl
from openpyxl.utils import get_column_letter


def esc(value):
    text = '' if value is None else str(value)
    return text.replace('\\', '\\\\').replace('\n', '\\n').replace('\t', '\\t')


# Excel reads _xHHHH_ in a string as that character (OOXML ST_Xstring); that is
# how libxlsxwriter writes control characters. openpyxl leaves them escaped,
# so they are decoded here as Excel would.
XSTRING_ESCAPE = re.compile(r'_x([0-9A-Fa-f]{4})_')


def excel_text(value):
    if isinstance(value, str):
        return XSTRING_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
    return value


def fact(sheet, key, value):
    sys.stdout.write('%s\t%s\t%s\n' % (esc(sheet), key, esc(value)))


def main(path):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        # Every part parses: a malformed one is what makes Excel offer a repair.
        for part in names:
            if part.endswith('.xml') or part.endswith('.rels'):
                ElementTree.fromstring(z.read(part))
        fact('', 'xml_parts_well_formed', 'yes')
    wb = openpyxl.load_workbook(path)
    # The values a reader that does not recalculate shows (formulas' cached results).
    cached = openpyxl.load_workbook(path, data_only=True)
    fact('', 'sheets', '|'.join(wb.sheetnames))
    with zipfile.ZipFile(path) as z:
        for member in z.namelist():
            fact('', 'zip:' + member, 1)
        charts = [n for n in z.namelist() if n.startswith('xl/charts/chart') and n.endswith('.xml')]
        fact('', 'charts', len(charts))
        for n in charts:
            xml = z.read(n).decode('utf-8')
            fact('', n + ':bar', 'c:barChart' in xml)
    for ws in wb.worksheets:
        name = ws.title
        fact(name, 'max_row', ws.max_row)
        fact(name, 'max_column', ws.max_column)
        fact(name, 'freeze_panes', ws.freeze_panes)
        fact(name, 'autofilter', ws.auto_filter.ref)
        fact(name, 'orientation', ws.page_setup.orientation)
        fact(name, 'paper_size', ws.page_setup.paperSize)
        fact(name, 'fit_to_width', ws.page_setup.fitToWidth)
        fact(name, 'fit_to_height', ws.page_setup.fitToHeight)
        fact(name, 'fit_to_page', ws.sheet_properties.pageSetUpPr.fitToPage
             if ws.sheet_properties.pageSetUpPr is not None else None)
        fact(name, 'print_title_rows', ws.print_title_rows)
        fact(name, 'footer', ws.oddFooter.center.text)
        fact(name, 'conditional_formats', len(ws.conditional_formatting))
        for col in range(1, ws.max_column + 1):
            letter = get_column_letter(col)
            fact(name, letter + ':width', ws.column_dimensions[letter].width)
        for row in ws.iter_rows():
            for cell in row:
                ref = cell.coordinate
                fact(name, ref, excel_text(cell.value))
                if cell.data_type == 'f':
                    fact(name, ref + ':cached', cached[name][ref].value)
                fact(name, ref + ':type', cell.data_type)
                if cell.hyperlink is not None:
                    fact(name, ref + ':link', cell.hyperlink.location or cell.hyperlink.target)
                fact(name, ref + ':bold', cell.font.b)
                fact(name, ref + ':wrap', cell.alignment.wrap_text)
                fact(name, ref + ':indent', int(cell.alignment.indent or 0))
                fact(name, ref + ':number_format', cell.number_format)
                fill = cell.fill
                fact(name, ref + ':fill',
                     fill.fgColor.rgb if fill is not None and fill.fill_type == 'solid' else '')


if __name__ == '__main__':
    main(sys.argv[1])
