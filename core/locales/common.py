"""Strings of the frame: navigation, sidebar, shared filters, errors."""

MESSAGES = {
    "app.title": ("Key accounts", "საკვანძო კლიენტები"),
    "app.language": ("Language", "ენა"),
    "nav.data": ("Data", "მონაცემები"),
    "nav.grid": ("ABC-XYZ grid", "ABC-XYZ ბადე"),
    "nav.concentration": ("Concentration", "კონცენტრაცია"),
    "nav.churn": ("Lost clients", "დაკარგული კლიენტები"),
    "nav.winback": ("Win-back", "დაბრუნება"),
    "filters.header": ("Filters", "ფილტრები"),
    "filters.dates": ("Dates", "თარიღები"),
    "filters.region": ("Region", "რეგიონი"),
    "filters.manager": ("Manager", "მენეჯერი"),
    "filters.segment": ("Segment", "სეგმენტი"),
    "filters.all": ("All", "ყველა"),
    "common.no_data": (
        "No sales lines yet. Load an export on the Data page.",
        "გაყიდვების მონაცემები ჯერ არ არის. ატვირთეთ ფაილი „მონაცემების“ გვერდზე.",
    ),
    "common.client": ("Client", "კლიენტი"),
    "common.rows_shown": (
        "Showing the first {shown} of {n} rows, in this order.",
        "ნაჩვენებია პირველი {shown} სტრიქონი {n}-დან, ამავე რიგით.",
    ),
    "common.client_id": ("Client ID", "კლიენტის ID"),
    "common.clients": ("Clients", "კლიენტები"),
    "common.revenue": ("Revenue", "შემოსავალი"),
    "common.margin": ("Margin", "მარჟა"),
    "common.basis": ("Basis", "საფუძველი"),
    "common.share": ("Share", "წილი"),
    "common.period": ("Period", "პერიოდი"),
    "common.week": ("Week", "კვირა"),
    "common.month": ("Month", "თვე"),
    "common.quarter": ("Quarter", "კვარტალი"),
    "common.window": ("Window (periods)", "ფანჯარა (პერიოდები)"),
    "common.as_of": ("As of", "თარიღისთვის"),
    "common.manager": ("Manager", "მენეჯერი"),
    "common.region": ("Region", "რეგიონი"),
    "common.segment": ("Segment", "სეგმენტი"),
    "common.last_purchase": ("Last purchase", "ბოლო შესყიდვა"),
    "common.download_xlsx": ("Download Excel", "Excel-ის ჩამოტვირთვა"),
    "common.download_csv": ("Download CSV", "CSV-ის ჩამოტვირთვა"),
}

MESSAGES.update(
    {
        "filters.dates_reset": (
            "The data now runs {date_min} … {date_max}; the date filter no longer fitted it and shows all dates again.",
            "მონაცემები ახლა მოიცავს {date_min} … {date_max}; თარიღის ფილტრი მას აღარ ერგებოდა და ისევ ყველა "
            "თარიღს აჩვენებს.",
        ),
    }
)
