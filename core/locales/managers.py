"""Strings of the managers page (portfolios by manager, assignments files) and their errors."""

MESSAGES = {
    "managers.margin_note": (
        "On the margin basis every share is of the margin of the clients whose margin is positive, as on the "
        "grid. {negative} clients lose money (a negative margin): they pull their manager's share down, below 0 "
        "for a portfolio of them.",
        "მარჟის საფუძველზე ყოველი წილი არის დადებითი მარჟის მქონე კლიენტების მარჟის წილი, როგორც ბადეზე. "
        "{negative} კლიენტი ზარალზეა (უარყოფითი მარჟა): ისინი მათი მენეჯერის წილს ამცირებენ, ასეთი "
        "კლიენტების პორტფელისთვის 0-ზე ქვემოთაც.",
    ),
    "nav.managers": ("Managers", "მენეჯერები"),
    "managers.title": ("Key account managers", "საკვანძო კლიენტების მენეჯერები"),
    "managers.intro": (
        "Window {start} … {as_of}, by {basis}; lost after {days} days without a purchase. Money follows the line "
        "(the manager on it, else the assignment in force on its date); a client counts under its manager as of "
        "{as_of}. Each column adds up to the figure of the grid, lost-clients and win-back pages for the same "
        "settings.",
        "ფანჯარა {start} … {as_of}, საფუძველი: {basis}; დაკარგულია {days} დღე შესყიდვის გარეშე. თანხა მიჰყვება "
        "სტრიქონს (მასზე მითითებულ მენეჯერს, თუ არა — იმ დღეს მოქმედ მიმაგრებას); კლიენტი ითვლება მისი "
        "მენეჯერის ქვეშ {as_of}-ის მდგომარეობით. ყოველი სვეტის ჯამი ემთხვევა ბადის, დაკარგული კლიენტებისა "
        "და დაბრუნების გვერდების მაჩვენებლებს იმავე პარამეტრებით.",
    ),
    "managers.lost_days": ("Lost after (days)", "დაკარგულია (დღე)"),
    "managers.risk_k": ("At-risk factor k", "რისკის კოეფიციენტი k"),
    "managers.side_by_side": ("Managers side by side", "მენეჯერები გვერდიგვერდ"),
    "managers.no_manager": ("(no manager)", "(მენეჯერის გარეშე)"),
    "managers.col.manager": ("Manager", "მენეჯერი"),
    "managers.col.clients": ("Clients", "კლიენტები"),
    "managers.col.key_clients": ("Key clients (A)", "საკვანძო კლიენტები (A)"),
    "managers.col.share": ("Share", "წილი"),
    "managers.col.lost_clients": ("Lost clients", "დაკარგული კლიენტები"),
    "managers.col.lost_value": ("Value before loss", "ღირებულება დაკარგვამდე"),
    "managers.col.at_risk": ("At risk", "რისკის ქვეშ"),
    "managers.col.won_back": ("Won back", "დაბრუნებული"),
    "managers.col.in_progress": ("Being worked", "მუშავდება"),
    "managers.col.recovered": ("Revenue recovered", "დაბრუნებული შემოსავალი"),
    "managers.col.cell": ("Cell", "უჯრა"),
    "managers.col.state": ("State", "მდგომარეობა"),
    "managers.col.days_since": ("Days since purchase", "დღე შესყიდვიდან"),
    "managers.col.value_before_loss": ("Value before loss", "ღირებულება დაკარგვამდე"),
    "managers.col.status": ("Win-back status", "დაბრუნების სტატუსი"),
    "managers.totals": (
        "Together: {clients} clients, {keys} key clients, basis {basis}, {lost} lost, {risk} at risk.",
        "ჯამში: {clients} კლიენტი, {keys} საკვანძო, საფუძველი {basis}, {lost} დაკარგული, {risk} რისკის ქვეშ.",
    ),
    "managers.bar_text": ("{share} · A: {a}", "{share} · A: {a}"),
    "managers.distribution": ("Grid distribution (clients per cell)", "ბადის განაწილება (კლიენტები უჯრებში)"),
    "managers.too_new": ("too new", "ძალიან ახალი"),
    "managers.progress": ("Win-back progress (clients per status)", "დაბრუნების პროგრესი (კლიენტები სტატუსებით)"),
    "managers.portfolio": ("One manager's portfolio", "ერთი მენეჯერის პორტფელი"),
    "managers.pick": ("Manager", "მენეჯერი"),
    "managers.none": ("No manager and no client in this window.", "ამ ფანჯარაში მენეჯერი და კლიენტი არ არის."),
    "managers.key_help": (
        "Class A of the ABC-XYZ grid for the same window.",
        "ABC-XYZ ბადის A კლასი იმავე ფანჯრისთვის.",
    ),
    "managers.grid": ("ABC-XYZ cells (too new: {too_new})", "ABC-XYZ უჯრები (ძალიან ახალი: {too_new})"),
    "managers.funnel": ("Win-back funnel", "დაბრუნების ძაბრი"),
    "managers.clients": ("Clients ({n})", "კლიენტები ({n})"),
    "managers.clients.none": ("No client.", "კლიენტი არ არის."),
    "managers.assign": (
        "Assignments file (who manages which client or region)",
        "მიმაგრების ფაილი (ვინ მართავს რომელ კლიენტს ან რეგიონს)",
    ),
    "managers.assign.help": (
        "For sales data without a manager column: a file with a client id or a region, a manager and optionally "
        "the date from which the assignment holds. A reassignment is a new row with a later date; the lines before "
        "it stay with the former manager.",
        "მენეჯერის სვეტის გარეშე გაყიდვებისთვის: ფაილი კლიენტის ID-ით ან რეგიონით, მენეჯერით და, სურვილისამებრ, "
        "თარიღით, საიდანაც მოქმედებს მიმაგრება. ხელახალი მიმაგრება ახალი სტრიქონია გვიანდელი თარიღით; მანამდე "
        "სტრიქონები წინა მენეჯერთან რჩება.",
    ),
    "managers.assign.file": ("Assignments file (CSV, XLSX, XLS)", "მიმაგრების ფაილი (CSV, XLSX, XLS)"),
    "managers.assign.load": ("Load the assignments", "მიმაგრებების ჩატვირთვა"),
    "managers.assign.loaded": (
        "{file}: {n} assignments loaded, {rejected} rows set aside.",
        "{file}: ჩაიტვირთა {n} მიმაგრება, გვერდზე გადაიდო {rejected} სტრიქონი.",
    ),
    "managers.assign.unchanged": (
        "{file} was loaded before; nothing changed.",
        "{file} უკვე ჩატვირთულია; არაფერი შეცვლილა.",
    ),
    "managers.assign.none": ("No assignments file loaded.", "მიმაგრების ფაილი ჩატვირთული არ არის."),
    "managers.assign.in_force": ("Assignments in force", "მოქმედი მიმაგრებები"),
    "managers.assign.files": ("Files loaded", "ჩატვირთული ფაილები"),
    "managers.assign.file_line": (
        "{file}: {n} rows ({rejected} set aside), by {who} on {when}",
        "{file}: {n} სტრიქონი ({rejected} გვერდზე), {who}, {when}",
    ),
    "managers.assign.delete": ("Delete", "წაშლა"),
    "managers.assign.deleted": ("{file}: {n} assignments deleted.", "{file}: წაიშალა {n} მიმაგრება."),
    "managers.assign.col.scope": ("By", "მიხედვით"),
    "managers.assign.col.key": ("Client or region", "კლიენტი ან რეგიონი"),
    "managers.assign.col.manager": ("Manager", "მენეჯერი"),
    "managers.assign.col.date_from": ("From", "საიდან"),
    "managers.scope.client": ("client", "კლიენტი"),
    "managers.scope.region": ("region", "რეგიონი"),
    "managers.role.client_id": ("Client id column", "კლიენტის ID-ის სვეტი"),
    "managers.role.region": ("Region column", "რეგიონის სვეტი"),
    "managers.role.manager": ("Manager column", "მენეჯერის სვეტი"),
    "managers.role.date_from": ("Date-from column", "თარიღის („დან“) სვეტი"),
    "managers.error.no_file": ("'{file}' does not exist.", "„{file}“ არ არსებობს."),
    "managers.error.no_column": (
        "'{file}' has no column '{column}'. Its columns: {columns}.",
        "„{file}“-ში სვეტი „{column}“ არ არის. მისი სვეტები: {columns}.",
    ),
    "managers.error.role": (
        "Unknown role '{role}' for an assignments file; use one of: {roles}.",
        "მიმაგრების ფაილისთვის უცნობი როლი „{role}“; გამოიყენეთ: {roles}.",
    ),
    "managers.error.roles": (
        "'{file}' has no column for: {missing}. Its columns: {columns}. Name it.",
        "„{file}“-ში არ არის სვეტი: {missing}. მისი სვეტები: {columns}. მიუთითეთ ის.",
    ),
    "managers.error.roles.cli": ("(--map ROLE=COLUMN)", "(--map ROLE=COLUMN)"),
    "managers.error.nothing": (
        "'{file}': none of its {rows} rows has a manager and a client id or region; nothing was stored.",
        "„{file}“: მის {rows} სტრიქონში არცერთს არ აქვს მენეჯერი და კლიენტის ID ან რეგიონი; არაფერი შენახულა.",
    ),
}
