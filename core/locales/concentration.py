"""Strings of the concentration page and of the kinds of key client (the sidebar kind filter too)."""

MESSAGES = {
    "concentration.title": ("Concentration in key clients", "კონცენტრაცია საკვანძო კლიენტებში"),
    "concentration.intro": (
        "How few clients carry the business, over the analysis window {start} – {end} ({basis}).",
        "რამდენი კლიენტი ატარებს ბიზნესს — ანალიზის ფანჯარა {start} – {end} ({basis}).",
    ),
    "concentration.top": ("Top N clients", "ტოპ N კლიენტი"),
    "concentration.target": ("Key-set target, % of total", "საკვანძო ჯგუფის მიზანი, % ჯამიდან"),
    "concentration.total": ("Total", "ჯამი"),
    "concentration.clients": ("Clients", "კლიენტები"),
    "concentration.left_out": (
        "{n} clients with zero or negative {basis} are left out of shares, the key set, Gini and HHI.",
        "{n} კლიენტი ნულოვანი ან უარყოფითი მაჩვენებლით ({basis}) არ შედის წილებში, საკვანძო ჯგუფში, ჯინისა და HHI-ში.",
    ),
    "concentration.top_n_share": ("Top {n} share", "ტოპ {n}-ის წილი"),
    "concentration.key_set": ("Key set, clients", "საკვანძო ჯგუფი"),
    "concentration.key_set_delta": ("{share} of total", "ჯამის {share}"),
    "concentration.gini": ("Gini", "ჯინი"),
    "concentration.hhi": ("HHI", "HHI"),
    "concentration.gini_help": (
        "0 when every client buys the same; close to 1 when one client holds nearly everything.",
        "0, როცა ყველა კლიენტი თანაბრად ყიდულობს; 1-თან ახლოს, როცა თითქმის ყველაფერი ერთ კლიენტზე მოდის.",
    ),
    "concentration.headline": (
        "**{k} clients** bring half of the {basis} ({share}); the top {n} bring **{top}**.",
        "**{k} კლიენტს** მოაქვს {basis_of} ნახევარი ({share}); ტოპ {n} კლიენტს — **{top}**.",
    ),
    "concentration.headline_target": (
        "**{k} clients** bring {target}\u00a0% of the {basis} ({share}); the top {n} bring **{top}**.",
        "**{k} კლიენტს** მოაქვს {basis_of} {target}\u00a0% ({share}); ტოპ {n} კლიენტს — **{top}**.",
    ),
    "concentration.rising": (
        "Dependence is **rising**: the top {n} share went from {first} to {last} over {periods} periods.",
        "დამოკიდებულება **იზრდება**: ტოპ {n}-ის წილი {periods} პერიოდში {first}-დან {last}-მდე გაიზარდა.",
    ),
    "concentration.falling": (
        "Dependence is **falling**: the top {n} share went from {first} to {last} over {periods} periods.",
        "დამოკიდებულება **მცირდება**: ტოპ {n}-ის წილი {periods} პერიოდში {first}-დან {last}-მდე შემცირდა.",
    ),
    "concentration.steady": (
        "Dependence is **steady**: the top {n} share moved from {first} to {last} over {periods} periods.",
        "დამოკიდებულება **სტაბილურია**: ტოპ {n}-ის წილი {periods} პერიოდში {first}-დან {last}-მდე შეიცვალა.",
    ),
    "concentration.hhi.unconcentrated": (
        "HHI {hhi}: unconcentrated (below 1,500, the usual antitrust bands).",
        "HHI {hhi}: არაკონცენტრირებული (1 500-ზე ნაკლები, ანტიმონოპოლიური ზღვრების მიხედვით).",
    ),
    "concentration.hhi.moderate": (
        "HHI {hhi}: moderately concentrated (1,500–2,500, the usual antitrust bands).",
        "HHI {hhi}: ზომიერად კონცენტრირებული (1 500–2 500, ანტიმონოპოლიური ზღვრების მიხედვით).",
    ),
    "concentration.hhi.high": (
        "HHI {hhi}: highly concentrated (above 2,500, the usual antitrust bands).",
        "HHI {hhi}: მაღალკონცენტრირებული (2 500-ზე მეტი, ანტიმონოპოლიური ზღვრების მიხედვით).",
    ),
    "concentration.pareto": ("Pareto curve", "პარეტოს მრუდი"),
    "concentration.axis": ("Horizontal axis", "ჰორიზონტალური ღერძი"),
    "concentration.axis.rank": ("Clients ranked", "კლიენტები რიგით"),
    "concentration.axis.share": ("Share of clients, %", "კლიენტების წილი, %"),
    "concentration.cumulative": ("Cumulative share, %", "კუმულაციური წილი, %"),
    "concentration.band": (
        "30–55\u00a0%: the typical key-client share of sales (key-client article)",
        "30–55\u00a0%: საკვანძო კლიენტების გაყიდვების ტიპური წილი (სტატია საკვანძო კლიენტებზე)",
    ),
    "concentration.target_line": ("Target {target}\u00a0%", "მიზანი {target}\u00a0%"),
    "concentration.key_set_line": ("Key set: {k}", "საკვანძო ჯგუფი: {k}"),
    "concentration.side_by_side": ("Revenue and margin side by side", "შემოსავალი და მარჟა გვერდიგვერდ"),
    "concentration.figure": ("Figure", "მაჩვენებელი"),
    "concentration.key_set_list": ("The key set: {k} clients", "საკვანძო ჯგუფი: {k} კლიენტი"),
    "concentration.rank": ("Rank", "რიგი"),
    "concentration.cumulative_short": ("Cumulative", "კუმულაციური"),
    "concentration.breadwinner_flag": ("Breadwinner", "მარჩენალი"),
    "concentration.kinds": ("Kinds", "სახეები"),
    "concentration.breadwinners": ("Breadwinners and dependency risk", "მარჩენლები და დამოკიდებულების რისკი"),
    "concentration.breadwinners_found": (
        "{n} breadwinner(s) — each brings {share}\u00a0% or more of the {basis}, a dependency risk at once: {names}.",
        "{n} მარჩენალი — თითოეულს მოაქვს {basis_of} {share}\u00a0% ან მეტი, ეს დამოკიდებულების რისკიცაა: {names}.",
    ),
    "concentration.no_breadwinners": (
        "No client brings {share}\u00a0% or more of the {basis}: no single client is a breadwinner.",
        "არცერთ კლიენტს არ მოაქვს {basis_of} {share}\u00a0% ან მეტი: მარჩენალი არ არის.",
    ),
    "concentration.breadwinner_share": ("Breadwinner threshold, % of {basis}", "მარჩენლის ზღვარი, {basis_of}\u00a0%"),
    "concentration.what_if": ("What if these clients leave?", "რა მოხდება, თუ ეს კლიენტები წავლენ?"),
    "concentration.what_if_pick": ("Clients who leave", "კლიენტები, რომლებიც მიდიან"),
    "concentration.what_if_hint": (
        "Pick one or several clients to see the figures as if they had never bought.",
        "აირჩიეთ ერთი ან რამდენიმე კლიენტი — მაჩვენებლები ისე გამოჩნდება, თითქოს მათ არასდროს უყიდიათ.",
    ),
    "concentration.now": ("Now", "ახლა"),
    "concentration.without": ("Without them", "მათ გარეშე"),
    "concentration.change": ("Change", "ცვლილება"),
    "concentration.points": ("{value} pp", "{value} პ.პ."),
    "concentration.key_set_clients": ("Key-set clients", "საკვანძო ჯგუფის კლიენტები"),
    "concentration.key_set_share": ("Key-set share", "საკვანძო ჯგუფის წილი"),
    "concentration.trend": ("Trend", "ტენდენცია"),
    "concentration.trend_caption": (
        "Each point is a rolling window of {window} periods ending with that period.",
        "თითოეული წერტილი {window} პერიოდის მოძრავი ფანჯარაა, რომელიც ამ პერიოდით მთავრდება.",
    ),
    "concentration.trend_short": (
        "The data holds less than one full window, so the trend has a single point.",
        "მონაცემები ერთ სრულ ფანჯარაზე ნაკლებს მოიცავს, ამიტომ ტენდენცია ერთი წერტილია.",
    ),
    "concentration.basis.revenue": ("revenue", "შემოსავალი"),
    "concentration.basis.margin": ("margin", "მარჟა"),
    "concentration.basis_of.revenue": ("revenue", "შემოსავლის"),
    "concentration.basis_of.margin": ("margin", "მარჟის"),
    "tags.filter": ("Kind of key client", "საკვანძო კლიენტის სახე"),
    "tags.kind.breadwinner": ("Breadwinner", "მარჩენალი"),
    "tags.kind.prospect": ("Prospect", "პერსპექტიული"),
    "tags.kind.image_maker": ("Image maker", "იმიჯის შემქმნელი"),
    "tags.kind.expert": ("Expert", "ექსპერტი"),
    "tags.header": ("Kinds of key client", "საკვანძო კლიენტების სახეები"),
    "tags.explain": (
        "Breadwinner is computed (margin share ≥ 10\u00a0%, revenue when there is no margin). Prospects are suggested "
        "(first purchase in the last 6 months, revenue in the top 20\u00a0% of new clients) and confirmed by a person. "
        "Image makers and experts are set by a person. Tick and save: the whole team sees it, and it survives "
        "new uploads.",
        "მარჩენალი გამოითვლება (მარჟის წილი ≥ 10\u00a0%, მარჟის არქონისას — შემოსავლის). პერსპექტიულს სისტემა "
        "გვთავაზობს (პირველი შესყიდვა ბოლო 6 თვეში, შემოსავალი ახალი კლიენტების ტოპ 20\u00a0%-ში) და ადამიანი "
        "ადასტურებს. იმიჯის შემქმნელსა და ექსპერტს ადამიანი მონიშნავს. მონიშნეთ და შეინახეთ: მთელი გუნდი "
        "დაინახავს და ახალი ატვირთვის შემდეგაც შენარჩუნდება.",
    ),
    "tags.suggested": ("Suggested prospect", "შემოთავაზებული"),
    "tags.first_date": ("First purchase", "პირველი შესყიდვა"),
    "tags.changed": ("Last change", "ბოლო ცვლილება"),
    "tags.add_client": ("Add a client to the table (client ID)", "კლიენტის დამატება ცხრილში (კლიენტის ID)"),
    "tags.unknown_client": (
        "No client with ID '{client}' in the data.",
        "კლიენტი ID-ით '{client}' მონაცემებში არ არის.",
    ),
    "tags.save": ("Save kinds", "სახეების შენახვა"),
    "tags.saved": ("Saved {n} change(s) as {who}.", "შენახულია {n} ცვლილება ({who})."),
    "tags.nothing": ("Nothing changed.", "არაფერი შეცვლილა."),
    "tags.history": ("History of changes", "ცვლილებების ისტორია"),
    "tags.kind": ("Kind", "სახე"),
    "tags.action": ("Change", "ცვლილება"),
    "tags.action.set": ("set", "მინიჭებულია"),
    "tags.action.removed": ("removed", "მოხსნილია"),
    "tags.changed_by": ("By", "ვინ"),
    "tags.changed_at": ("When", "როდის"),
    "tags.by": ("{who}, {when}", "{who}, {when}"),
}
