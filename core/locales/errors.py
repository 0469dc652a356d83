"""Messages of the errors a person can meet while loading data or opening a view."""

MESSAGES = {
    "err.unreadable": (
        "'{file}' could not be read as a sales export: {detail}",
        "„{file}“ ვერ წაიკითხა როგორც გაყიდვების ექსპორტი: {detail}",
    ),
    "err.zip_members": (
        "The zip holds {count} files ({names}); put exactly one CSV in it.",
        "zip არქივში {count} ფაილია ({names}); ჩადეთ მასში მხოლოდ ერთი CSV.",
    ),
    "err.malformed": (
        "'{file}': {bad} of its {rows} lines do not have as many fields as the header ({example}). "
        "Export it again with text fields in quotes, or with another separator.",
        "„{file}“: {rows} სტრიქონიდან {bad}-ში ველების რაოდენობა სათაურს არ ემთხვევა ({example}). "
        "გაიტანეთ ხელახლა ბრჭყალებში ჩასმული ტექსტური ველებით ან სხვა გამყოფით.",
    ),
    "err.line_too_long": (
        "'{file}' has a field longer than 131,072 characters: a quote opened and never closed, or not a table at all.",
        "„{file}“-ში ველი 131 072 სიმბოლოზე გრძელია: ბრჭყალი გაიხსნა და არ დაიხურა, ან ეს საერთოდ არ არის ცხრილი.",
    ),
    "err.not_a_table": (
        "'{file}' is a {kind}, not a sales table. Export the sales as CSV or Excel.",
        "„{file}“ არის {kind} და არა გაყიდვების ცხრილი. გაიტანეთ გაყიდვები CSV ან Excel ფორმატში.",
    ),
    "err.html_named_excel": (
        "'{file}' is a web page (HTML) saved under an Excel name, not a workbook. Open it in Excel and save it "
        "as .xlsx, or export the sales as CSV.",
        "„{file}“ არის ვებგვერდი (HTML), შენახული Excel-ის სახელით, და არა წიგნი. გახსენით Excel-ში და შეინახეთ "
        ".xlsx ფორმატში, ან გაიტანეთ გაყიდვები CSV-ად.",
    ),
    "err.mixed_encoding": (
        "'{file}' mixes two text encodings (UTF-8 and another one), so some names would come out garbled. "
        "Save it again as UTF-8 and upload it.",
        "„{file}“-ში ორი სხვადასხვა კოდირებაა (UTF-8 და სხვა), ამიტომ ზოგი სახელი დამახინჯდებოდა. "
        "შეინახეთ ხელახლა UTF-8-ით და ატვირთეთ.",
    ),
    "err.no_rows": (
        "'{file}' has a header row ({columns}) but no data rows.",
        "„{file}“-ს აქვს სათაურების სტრიქონი ({columns}), მაგრამ მონაცემები არ აქვს.",
    ),
    "err.empty_file": ("'{file}' is empty.", "„{file}“ ცარიელია."),
    "err.single_column": (
        "'{file}' has a single column: no separator (comma, semicolon, tab) was found.",
        "„{file}“ ერთსვეტიანია: გამყოფი (მძიმე, წერტილმძიმე, ტაბულაცია) ვერ მოიძებნა.",
    ),
    "err.not_excel": (
        "'{file}' is not a readable Excel workbook: {detail}",
        "„{file}“ არ არის წაკითხვადი Excel-ის წიგნი: {detail}",
    ),
    "err.no_sheet": (
        "'{file}' has no sheet '{sheet}'. Its sheets: {sheets}.",
        "„{file}“-ში ფურცელი „{sheet}“ არ არის. მისი ფურცლები: {sheets}.",
    ),
    "err.empty_sheet": ("Sheet '{sheet}' of '{file}' is empty.", "„{file}“-ის ფურცელი „{sheet}“ ცარიელია."),
    "err.no_column": (
        "'{file}' has no column '{column}'. Its columns: {columns}.",
        "„{file}“-ში სვეტი „{column}“ არ არის. მისი სვეტები: {columns}.",
    ),
    "err.missing_roles": (
        "'{file}' has no usable column for: {roles}. Columns found: {columns}. Pick them by hand.",
        "„{file}“-ში არ არის გამოსადეგი სვეტი: {roles}. ნაპოვნი სვეტები: {columns}. მიუთითეთ ისინი ხელით.",
    ),
    "err.missing_roles.cli": ("(--map ROLE=COLUMN)", "(--map ROLE=COLUMN)"),
    "err.two_candidates": (
        "'{file}': the {role} could be any of {columns}. Pick one.",
        "„{file}“: „{role}“ შეიძლება იყოს ნებისმიერი ამათგან: {columns}. აირჩიეთ ერთი.",
    ),
    "err.two_candidates.cli": ("(--map {code}=COLUMN)", "(--map {code}=COLUMN)"),
    "err.empty_dates": (
        "'{file}': the date column '{column}' is empty.",
        "„{file}“: თარიღის სვეტი „{column}“ ცარიელია.",
    ),
    "err.ambiguous_dates": (
        "'{file}': dates in '{column}' such as '{example}' could be day-first or month-first. Pick one.",
        "„{file}“: „{column}“-ის თარიღები, მაგ. „{example}“, შეიძლება იყოს ჯერ დღე ან ჯერ თვე. აირჩიეთ ერთი.",
    ),
    "err.ambiguous_dates.cli": ("(--dayfirst or --monthfirst)", "(--dayfirst ან --monthfirst)"),
    "err.nothing_readable": (
        "'{file}': none of its {rows} rows could be read ({example}). Nothing was stored.",
        "„{file}“: მისი {rows} სტრიქონიდან ვერცერთი წაიკითხა ({example}). არაფერი შენახულა.",
    ),
    "err.overlap": (
        "'{file}' overlaps {rows} lines already loaded from the same source ({date_min} … {date_max}, "
        "from {files}). Confirm to replace that period.",
        "„{file}“ ფარავს იმავე წყაროდან უკვე ჩატვირთულ {rows} სტრიქონს ({date_min} … {date_max}, "
        "ფაილიდან {files}). დაადასტურეთ ამ პერიოდის ჩანაცვლება.",
    ),
    "err.overlap.cli": ("(--replace-overlap)", "(--replace-overlap)"),
    "err.store_busy": (
        "The database {path} is open in another program — most likely the running dashboard. Upload through "
        "the app's Data page, or stop the app and run the command again. Nothing was changed.",
        "მონაცემთა ბაზა {path} გახსნილია სხვა პროგრამაში — სავარაუდოდ, გაშვებულ დაფაში. ატვირთეთ აპის "
        "„მონაცემების“ გვერდიდან ან გააჩერეთ აპი და გაუშვით ბრძანება ხელახლა. არაფერი შეცვლილა.",
    ),
    "err.store_open": ("Cannot open the database {path}: {detail}", "ბაზა {path} ვერ გაიხსნა: {detail}"),
    "err.read_memory": (
        "${env} is {value}; write it like 512MB or 2GB.",
        "${env} არის {value}; ჩაწერეთ ასე: 512MB ან 2GB.",
    ),
    "err.store_read": ("The database could not answer: {detail}", "ბაზამ ვერ უპასუხა: {detail}"),
    "err.store_write": (
        "The database refused the change; nothing was saved. ({detail})",
        "ბაზამ ცვლილება არ მიიღო; არაფერი შენახულა. ({detail})",
    ),
    "err.basis_too_large": (
        "The sales loaded add up to more than 400 trillion, too large to sum exactly: check the "
        "amount column of the files loaded (a code or a date read as an amount?).",
        "ატვირთული გაყიდვების ჯამი 400 ტრილიონს აღემატება — ზუსტად შესაკრებად ზედმეტად დიდია: "
        "შეამოწმეთ ატვირთული ფაილების თანხის სვეტი (თანხად ხომ არ წაიკითხა კოდი ან თარიღი?).",
    ),
    "err.no_lines": (
        "There are no sales lines to analyse yet: load a file on the Data page first.",
        "გასაანალიზებელი გაყიდვები ჯერ არ არის: ჯერ ატვირთეთ ფაილი „მონაცემების“ გვერდზე.",
    ),
}
