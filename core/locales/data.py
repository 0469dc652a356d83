"""Strings of the Data page: uploads, column mapping, validation, the upload log."""

MESSAGES = {
    "data.title": ("Data", "მონაცემები"),
    "data.intro": (
        "Drop fresh sales exports from your ERP or CRM here (CSV, XLSX, XLS, also .csv.gz and .zip). "
        "Nothing is stored until you confirm the columns.",
        "ჩააგდეთ აქ ახალი გაყიდვების ექსპორტი ERP-დან ან CRM-დან (CSV, XLSX, XLS, ასევე .csv.gz და .zip). "
        "სვეტების დადასტურებამდე არაფერი ინახება.",
    ),
    "data.uploader": ("Sales exports", "გაყიდვების ექსპორტი"),
    "data.unchanged": (
        "{file}: already loaded on {when}; nothing changed.",
        "{file}: ეს ფაილი უკვე ჩაიტვირთა {when}-ზე; არაფერი შეცვლილა.",
    ),
    "data.preview": ("What confirming will store", "რას შეინახავს დადასტურება"),
    "data.rows_to_store": ("Rows to store", "შესანახი სტრიქონები"),
    "data.date_from": ("First date", "პირველი თარიღი"),
    "data.date_to": ("Last date", "ბოლო თარიღი"),
    "data.rejected_rows": ("Rows", "სტრიქონები"),
    "data.first_row": ("First row", "პირველი სტრიქონი"),
    "data.pick": ("Pick a column", "აირჩიეთ სვეტი"),
    "data.candidates": (
        "Two columns fit about equally: {columns}. Pick the right one.",
        "ორი სვეტი თითქმის თანაბრად მიესადაგება: {columns}. აირჩიეთ სწორი.",
    ),
    "data.amount_derived": ("Amount = quantity × unit price", "თანხა = რაოდენობა × ერთეულის ფასი"),
    "data.margin_derived": ("Margin = amount − cost", "მარჟა = თანხა − თვითღირებულება"),
    "data.sheet": ("Sheet of {file}", "ფურცელი — {file}"),
    "data.reading": ("Reading {file}…", "იკითხება {file}…"),
    "data.checking": ("Checking {rows} rows of {file}…", "მოწმდება {file}: {rows} სტრიქონი…"),
    "data.validating": ("Checking every row…", "მოწმდება ყველა სტრიქონი…"),
    "data.storing": ("Storing…", "ინახება…"),
    "data.stored_rows": ("{done} of {total} rows stored", "შენახულია {done} / {total} სტრიქონი"),
    "data.mapping_header": ("Columns of {file}", "{file} — სვეტები"),
    "data.mapping_help": (
        "Check which column plays which role, correct it if needed, then confirm. "
        "Date, client and amount (*) are required; under each choice, its first values as they will be read.",
        "შეამოწმეთ, რომელი სვეტი რა როლს ასრულებს, საჭიროებისას შეასწორეთ და დაადასტურეთ. "
        "თარიღი, კლიენტი და თანხა (*) სავალდებულოა; თითოეულის ქვეშ — პირველი მნიშვნელობები ისე, როგორც წაიკითხება.",
    ),
    "data.remembered": (
        "Columns as you confirmed them for an earlier file with the same headers.",
        "სვეტები ისე, როგორც დაადასტურეთ იმავე სათაურების მქონე წინა ფაილისთვის.",
    ),
    "data.role": ("Role", "როლი"),
    "data.column": ("Column in the file", "სვეტი ფაილში"),
    "data.examples": ("Examples", "მაგალითები"),
    "data.none": ("— none —", "— არცერთი —"),
    "data.amount_from_price": (
        "No amount column: amount = quantity × unit price.",
        "თანხის სვეტი არ არის: თანხა = რაოდენობა × ერთეულის ფასი.",
    ),
    "data.date_order": ("How are the dates written?", "როგორ არის ჩაწერილი თარიღები?"),
    "data.date_order_help": (
        "Dates such as '{example}' could be read two ways; the file does not tell. Pick one.",
        "თარიღი, მაგალითად „{example}“, ორნაირად იკითხება; ფაილიდან ეს არ ჩანს. აირჩიეთ.",
    ),
    "data.dayfirst": ("Day first (31/01/2019)", "ჯერ დღე (31/01/2019)"),
    "data.monthfirst": ("Month first (01/31/2019)", "ჯერ თვე (01/31/2019)"),
    "data.confirm": ("Confirm columns and load", "სვეტების დადასტურება და ჩატვირთვა"),
    "data.overlap": (
        "This export overlaps {rows} lines already loaded from the same source ({date_min} … {date_max}, "
        "from {files}, {amount} in total). Loading it replaces that period.",
        "ეს ექსპორტი ფარავს იმავე წყაროდან უკვე ჩატვირთულ {rows} სტრიქონს ({date_min} … {date_max}, "
        "ფაილიდან {files}, ჯამში {amount}). ჩატვირთვა ამ პერიოდს ჩაანაცვლებს.",
    ),
    "data.replace": ("Replace that period", "ამ პერიოდის ჩანაცვლება"),
    "data.cancel": ("Cancel", "გაუქმება"),
    "data.loaded": ("{file}: loaded {rows} rows.", "{file}: ჩაიტვირთა {rows} სტრიქონი."),
    "data.replaced": ("{rows} earlier lines were replaced.", "ჩანაცვლდა {rows} წინა სტრიქონი."),
    "data.summary": ("Check against your ERP", "შეადარეთ თქვენს ERP-ს"),
    "data.rows": ("Rows loaded", "ჩატვირთული სტრიქონები"),
    "data.rejected": ("Rows set aside", "გვერდზე გადადებული სტრიქონები"),
    "data.clients": ("Clients", "კლიენტები"),
    "data.date_range": ("Dates", "თარიღები"),
    "data.amount": ("Total amount", "ჯამური თანხა"),
    "data.margin": ("Total margin", "ჯამური მარჟა"),
    "data.returns": ("Returns", "დაბრუნებები"),
    "data.rejected_help": (
        "These rows could not be read and were not stored. Download them, fix them in the source and upload again.",
        "ეს სტრიქონები ვერ წაიკითხა და არ შეინახა. ჩამოტვირთეთ, გაასწორეთ წყაროში და ხელახლა ატვირთეთ.",
    ),
    "data.rejected_download": ("Download set-aside rows", "გვერდზე გადადებული სტრიქონების ჩამოტვირთვა"),
    "data.row_number": ("Row", "სტრიქონი"),
    "data.reason": ("Reason", "მიზეზი"),
    "data.raw": ("Row as in the file", "სტრიქონი, როგორც ფაილშია"),
    "data.uploads": ("Loaded files", "ჩატვირთული ფაილები"),
    "data.no_uploads": ("Nothing loaded yet.", "ჯერ არაფერია ჩატვირთული."),
    "data.file": ("File", "ფაილი"),
    "data.sheet_col": ("Sheet", "ფურცელი"),
    "data.loaded_at": ("Loaded", "ჩატვირთვის დრო"),
    "data.loaded_by": ("By", "ვინ"),
    "data.rows_now": ("Rows now", "სტრიქონები ახლა"),
    "data.delete": ("Delete selected upload", "მონიშნული ატვირთვის წაშლა"),
    "data.delete_confirm": (
        "Delete '{file}' and its {rows} lines? Tags, reasons and statuses entered for clients stay.",
        "წავშალო „{file}“ და მისი {rows} სტრიქონი? კლიენტებისთვის შეყვანილი ტეგები, მიზეზები და სტატუსები დარჩება.",
    ),
    "data.deleted": ("Deleted '{file}' ({rows} lines).", "წაიშალა „{file}“ ({rows} სტრიქონი)."),
    "data.select_to_delete": ("Select a row to delete it.", "წასაშლელად მონიშნეთ სტრიქონი."),
    "data.store_total": (
        "In the store: {rows} lines, {clients} clients, {date_min} … {date_max}.",
        "ბაზაში: {rows} სტრიქონი, {clients} კლიენტი, {date_min} … {date_max}.",
    ),
    "data.unexpected": (
        "Something went wrong while loading {file}; nothing was stored. ({error})",
        "{file}-ის ჩატვირთვისას რაღაც შეფერხდა; არაფერი შენახულა. ({error})",
    ),
    "role.date": ("Date (order / invoice)", "თარიღი (შეკვეთა / ინვოისი)"),
    "role.client_id": ("Client ID", "კლიენტის ID"),
    "role.client_name": ("Client name", "კლიენტის სახელი"),
    "role.amount": ("Amount (revenue)", "თანხა (შემოსავალი)"),
    "role.margin": ("Margin (profit)", "მარჟა (მოგება)"),
    "role.cost": ("Cost (of the line)", "თვითღირებულება (სტრიქონის)"),
    "role.quantity": ("Quantity", "რაოდენობა"),
    "role.unit_price": ("Unit price", "ერთეულის ფასი"),
    "role.product": ("Product", "პროდუქტი"),
    "role.order_id": ("Order / invoice no.", "შეკვეთის / ინვოისის №"),
    "role.manager": ("Key account manager", "საკვანძო კლიენტის მენეჯერი"),
    "role.region": ("Region", "რეგიონი"),
    "role.segment": ("Segment", "სეგმენტი"),
    "role.loss_reason": ("Loss reason", "დაკარგვის მიზეზი"),
}

MESSAGES["role.client_kind"] = (
    "Kind of key client (image maker, expert)",
    "საკვანძო კლიენტის სახე (იმიჯის შემქმნელი, ექსპერტი)",
)
