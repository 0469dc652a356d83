"""Why a row was set aside (``core.setaside``): the English words as stored, and the Georgian."""

MESSAGES = {
    "setaside.no_date": ("no date", "თარიღი არ არის"),
    "setaside.bad_date": (
        "date '{value}' cannot be read as a date written {style}",
        "თარიღი '{value}' ვერ იკითხება: სვეტის სხვა თარიღები დაწერილია {style}",
    ),
    "setaside.before_1900": ("date '{value}' is before 1900", "თარიღი '{value}' 1900 წლამდეა"),
    "setaside.future_date": (
        "date '{value}' is more than 31 days after the upload",
        "თარიღი '{value}' ატვირთვის დღიდან 31 დღეზე მეტით გვიანაა",
    ),
    "setaside.no_client": ("no client", "კლიენტი არ არის"),
    "setaside.point": (
        "{label} '{value}' is written with a decimal point; this column uses a decimal comma",
        "{label} '{value}' დაწერილია ათწილადი წერტილით; ეს სვეტი ათწილად მძიმეს იყენებს",
    ),
    "setaside.comma": (
        "{label} '{value}' is written with a decimal comma; this column uses a decimal point",
        "{label} '{value}' დაწერილია ათწილადი მძიმით; ეს სვეტი ათწილად წერტილს იყენებს",
    ),
    "setaside.not_a_number": ("{label} '{value}' is not a number", "{label} '{value}' რიცხვი არ არის"),
    "setaside.not_finite": (
        "{label} '{value}' is not finite or beyond ±10^15",
        "{label} '{value}' სასრული არ არის ან ±10^15-ს სცილდება",
    ),
    "setaside.no_amount": ("no amount", "თანხა არ არის"),
    "setaside.too_large": ("{label} is beyond ±10^15", "{label} ±10^15-ს სცილდება"),
    "setaside.too_many_fields": (
        "line {line} has {fields} fields, the header has {width}: a separator inside an unquoted text?",
        "სტრიქონ {line}-ში {fields} ველია, სათაურში — {width}: გამყოფი ბრჭყალების გარეშე ტექსტში?",
    ),
    "setaside.too_few_fields": (
        "line {line} has {fields} fields, the header has {width}: a field missing or cut off?",
        "სტრიქონ {line}-ში {fields} ველია, სათაურში — {width}: ველი აკლია ან მოჭრილია?",
    ),
    "setaside.unreadable_line": ("line {line} cannot be read ({detail})", "სტრიქონი {line} ვერ იკითხება ({detail})"),
    "setaside.no_manager": ("no manager", "მენეჯერი არ არის"),
    "setaside.no_client_or_region": ("no client id or region", "არ არის არც კლიენტის ID, არც რეგიონი"),
    "setaside.bad_date_from": (
        "date_from '{value}' is not a date (write YYYY-MM-DD)",
        "date_from '{value}' თარიღი არ არის (დაწერეთ YYYY-MM-DD)",
    ),
    "setaside.label.amount": ("amount", "თანხა"),
    "setaside.label.unit_price": ("unit price", "ერთეულის ფასი"),
    "setaside.label.quantity": ("quantity", "რაოდენობა"),
    "setaside.label.margin": ("margin", "მარჟა"),
    "setaside.label.cost": ("cost", "თვითღირებულება"),
    "setaside.style.ymd": (
        "year first, like the rest of the column (2024-01-31)",
        "ჯერ წლით (2024-01-31)",
    ),
    "setaside.style.ymd8": (
        "as eight digits, like the rest of the column (20240131)",
        "რვა ციფრით (20240131)",
    ),
    "setaside.style.dayfirst": (
        "day first, like the rest of the column (31/01/2024)",
        "ჯერ დღით (31/01/2024)",
    ),
    "setaside.style.monthfirst": (
        "month first, like the rest of the column (01/31/2024)",
        "ჯერ თვით (01/31/2024)",
    ),
}
