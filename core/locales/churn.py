"""Strings of the Lost clients page (churn dynamics, reasons, at-risk) and the reason catalogue."""

MESSAGES = {
    "churn.title": ("Lost clients and their dynamics", "დაკარგული კლიენტები და მათი დინამიკა"),
    "churn.intro": (
        "A client is lost when it has not bought for **{days} days**; the loss is dated {days} days after its "
        "last purchase. As of {as_of}.",
        "კლიენტი დაკარგულად ითვლება, თუ **{days} დღე** არ უყიდია; დაკარგვის თარიღი ბოლო შესყიდვიდან {days} "
        "დღის შემდეგაა. მდგომარეობა {as_of}-ისთვის.",
    ),
    "churn.lost_days": ("Lost after L days without a purchase", "დაკარგულია L დღე შესყიდვის გარეშე"),
    "churn.risk_k": ("At risk: k × own median gap", "რისკის ზონა: k × საკუთარი მედიანური შუალედი"),
    "churn.risk_k_help": (
        "A client is at risk when the days since its last purchase exceed k times the median gap between its "
        "purchase days (at least 3 purchase days), before the L days run out.",
        "კლიენტი რისკის ზონაშია, როცა ბოლო შესყიდვიდან გასული დღეები აღემატება მისი შესყიდვის დღეებს შორის "
        "მედიანური შუალედის k-ჯერადს (მინიმუმ 3 შესყიდვის დღე), სანამ L დღე ამოიწურება.",
    ),
    "churn.lost_now": ("Lost now", "ამჟამად დაკარგული"),
    "churn.lost_now_value": ("Their value before loss", "მათი ღირებულება დაკარგვამდე"),
    "churn.at_risk_now": ("At risk now", "ამჟამად რისკის ზონაში"),
    "churn.won_back_total": ("Clients won back (periods shown)", "დაბრუნებული კლიენტები (ნაჩვენებ პერიოდებში)"),
    "churn.won_back_help": (
        "Clients who bought again after a loss, each counted once: {clients} clients in {events} win-backs "
        "(a client can leave and come back more than once). The table counts win-backs per period.",
        "კლიენტები, რომლებმაც დაკარგვის შემდეგ ისევ იყიდეს, თითოეული ერთხელ: {clients} კლიენტი {events} "
        "დაბრუნებაში (კლიენტს შეუძლია რამდენჯერმე წავიდეს და დაბრუნდეს). ცხრილი პერიოდში დაბრუნებებს ითვლის.",
    ),
    "churn.lost_value_note": (
        "Value before loss per period is the sum over the losses dated in it, each loss counting the client's "
        "basis in the 365 days before it.",
        "დაკარგვამდე ღირებულება პერიოდში არის მასში დათარიღებული დანაკარგების ჯამი: თითოეული დანაკარგი "
        "კლიენტის საფუძველს ითვლის მის წინა 365 დღეში.",
    ),
    "churn.lost_again_note": (
        "{again} of the {clients} clients lost in these periods were lost more than once ({losses} losses): "
        "their value is counted at each loss, so the column can add up to more than they ever bought.",
        "ამ პერიოდებში დაკარგული {clients} კლიენტიდან {again} ერთზე მეტჯერ დაიკარგა ({losses} დანაკარგი): "
        "მათი ღირებულება ყოველ დანაკარგზე ითვლება, ამიტომ სვეტის ჯამი შეიძლება აღემატებოდეს მათ მთელ შესყიდვებს.",
    ),
    "churn.rising": (
        "Losses are **rising**: the least-squares trend adds {slope} lost clients per {period} over {n} periods.",
        "დანაკარგები **იზრდება**: უმცირეს კვადრატთა ტრენდით ყოველ {period}ში {slope} დაკარგული კლიენტით მეტი "
        "({n} პერიოდი).",
    ),
    "churn.falling": (
        "Losses are **falling**: the least-squares trend removes {slope} lost clients per {period} over {n} periods.",
        "დანაკარგები **მცირდება**: უმცირეს კვადრატთა ტრენდით ყოველ {period}ში {slope} დაკარგული კლიენტით ნაკლები "
        "({n} პერიოდი).",
    ),
    "churn.flat": (
        "Losses are **flat**: the least-squares slope is {slope} lost clients per {period} over {n} periods.",
        "დანაკარგები **სტაბილურია**: უმცირეს კვადრატთა დახრა {slope} დაკარგული კლიენტია ყოველ {period}ში "
        "({n} პერიოდი).",
    ),
    "churn.per.month": ("month", "თვე"),
    "churn.per.quarter": ("quarter", "კვარტალ"),
    "churn.no_periods": (
        "No loss can be dated yet: the data is shorter than L days.",
        "დაკარგვა ჯერ ვერ დათარიღდება: მონაცემები L დღეზე მოკლეა.",
    ),
    "churn.dynamics": ("Losses per period", "დანაკარგები პერიოდების მიხედვით"),
    "churn.trend_line": ("Trend", "ტრენდი"),
    "churn.col.period": ("Period", "პერიოდი"),
    "churn.col.lost": ("Lost", "დაკარგული"),
    "churn.col.lost_value": ("Value before loss, sum over losses", "ღირებულება დაკარგვამდე, დანაკარგების ჯამი"),
    "churn.col.active_start": ("Active at start", "აქტიური პერიოდის დასაწყისში"),
    "churn.col.churn_rate": ("Churn rate", "გადინების მაჩვენებელი"),
    "churn.col.won_back": ("Win-backs", "დაბრუნებები"),
    "churn.col.client": ("Client", "კლიენტი"),
    "churn.col.name": ("Name", "დასახელება"),
    "churn.col.basis": ("Basis, 365 days to last purchase", "საფუძველი, 365 დღე ბოლო შესყიდვამდე"),
    "churn.col.last_purchase": ("Last purchase", "ბოლო შესყიდვა"),
    "churn.col.loss_date": ("Lost on", "დაკარგვის თარიღი"),
    "churn.col.days_since": ("Days since", "გასული დღეები"),
    "churn.col.median_gap": ("Median gap, days", "მედიანური შუალედი, დღე"),
    "churn.col.former_cell": ("Former ABC-XYZ cell", "ყოფილი ABC-XYZ უჯრა"),
    "churn.col.manager": ("Manager", "მენეჯერი"),
    "churn.col.reason": ("Reason", "მიზეზი"),
    "churn.col.clients": ("Clients", "კლიენტები"),
    "churn.col.value": ("Lost value", "დაკარგული ღირებულება"),
    "churn.col.cumulative": ("Cumulative share", "კუმულაციური წილი"),
    "churn.reasons": ("Where the losses come from", "საიდან მოდის დანაკარგები"),
    "churn.reasons_per_period": (
        "Reasons per period (lost clients)",
        "მიზეზები პერიოდების მიხედვით (დაკარგული კლიენტები)",
    ),
    "churn.pareto": ("Pareto of reasons by lost value", "მიზეზების პარეტო დაკარგული ღირებულებით"),
    "churn.unknown_share": (
        "{share} of the lost value has no known reason yet: record reasons below or load a reasons file.",
        "დაკარგული ღირებულების {share} ჯერ მიზეზის გარეშეა: ჩაწერეთ მიზეზები ქვემოთ ან ატვირთეთ მიზეზების ფაილი.",
    ),
    "churn.lost_table": ("Clients lost as of {as_of}", "დაკარგული კლიენტები {as_of}-ისთვის"),
    "churn.lost_table_caption": (
        "{n} clients, sorted by their value before loss. Showing the first {shown}; "
        "the whole list is on the Win-back page, with its downloads.",
        "{n} კლიენტი, დალაგებული დაკარგვამდე ღირებულებით. ნაჩვენებია პირველი {shown}; "
        "სრული სია „დაბრუნების“ გვერდზეა, ჩამოსატვირთადაც.",
    ),
    "churn.at_risk_table": ("At risk: overdue against their own rhythm", "რისკის ზონა: საკუთარ რიტმს ჩამორჩენილები"),
    "churn.no_at_risk": ("Nobody is overdue right now.", "ამჟამად არავინ ჩამორჩება."),
    "churn.no_lost": ("No client is lost as of this date.", "ამ თარიღისთვის დაკარგული კლიენტი არ არის."),
    "churn.former_cell_missing": (
        "The former ABC-XYZ cell is not available yet.",
        "ყოფილი ABC-XYZ უჯრა ჯერ მიუწვდომელია.",
    ),
    "churn.record": ("Record a reason for a lost client", "დაკარგული კლიენტის მიზეზის ჩაწერა"),
    "churn.record_client": ("Lost client", "დაკარგული კლიენტი"),
    "churn.record_reason": ("Reason", "მიზეზი"),
    "churn.record_own": ("…or in your own words", "…ან საკუთარი სიტყვებით"),
    "churn.record_save": ("Save reason", "მიზეზის შენახვა"),
    "churn.record_saved": ("Saved: {client} — {reason} (by {who}).", "შენახულია: {client} — {reason} ({who})."),
    "churn.catalogue": ("Reason catalogue", "მიზეზების კატალოგი"),
    "churn.catalogue_help": (
        "One reason per row; the built-in ones are shown in the chosen language.",
        "ერთი მიზეზი თითო სტრიქონზე; ჩაშენებული მიზეზები ნაჩვენებია არჩეულ ენაზე.",
    ),
    "churn.catalogue_save": ("Save catalogue", "კატალოგის შენახვა"),
    "churn.catalogue_saved": ("Catalogue saved: {n} reasons.", "კატალოგი შენახულია: {n} მიზეზი."),
    "churn.reasons_file": ("Load a reasons file", "მიზეზების ფაილის ატვირთვა"),
    "churn.reasons_file_help": (
        "CSV or Excel with a client id, a reason and optionally a date. Reasons are kept across re-uploads of sales.",
        "CSV ან Excel კლიენტის ID-ით, მიზეზით და სურვილისამებრ თარიღით. მიზეზები ინახება გაყიდვების ხელახალი "
        "ატვირთვისას.",
    ),
    "churn.reasons_file_loaded": (
        "{n} reasons for {clients} clients stored from {file}.",
        "{file}-დან შენახულია {n} მიზეზი {clients} კლიენტისთვის.",
    ),
    "churn.reasons_file_unknown": (
        "{n} client ids are not in the sales data (e.g. {examples}); their reasons are kept and apply if the "
        "clients are uploaded later.",
        "{n} კლიენტის ID გაყიდვების მონაცემებში არ არის (მაგ. {examples}); მათი მიზეზები შენახულია და "
        "გამოიყენება, თუ ეს კლიენტები მოგვიანებით აიტვირთება.",
    ),
    "churn.recorded": ("Recorded reasons", "ჩაწერილი მიზეზები"),
    "churn.col.set_by": ("Set by", "ვინ ჩაწერა"),
    "churn.col.set_at": ("When", "როდის"),
    "churn.col.source": ("Source", "წყარო"),
    # The catalogue: the article's four, plus the common ones.
    "churn.reason.service_level": ("Service level declined", "მომსახურების დონის შემცირება"),
    "churn.reason.quality": ("Product or service quality worse", "პროდუქციის ან მომსახურების ხარისხის გაუარესება"),
    "churn.reason.broken_promises": (
        "Missed deadlines or broken promises",
        "დარღვეული ვადები და შეუსრულებელი დაპირებები",
    ),
    "churn.reason.opinion_ignored": ("Client's opinion ignored", "კლიენტის აზრის უგულებელყოფა"),
    "churn.reason.price": ("Price", "ფასი"),
    "churn.reason.competitor": ("Competitor's offer", "კონკურენტის შეთავაზება"),
    "churn.reason.closed_or_merged": ("Client closed or merged", "კლიენტი დაიხურა ან შეერწყა"),
    "churn.reason.other": ("Other", "სხვა"),
    "churn.reason.unknown": ("unknown", "უცნობი"),
}
