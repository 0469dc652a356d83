"""Strings of the ABC-XYZ grid: the page, its Excel pack, the nine strategies of DOMAIN.md."""

MESSAGES = {
    "grid.title": ("ABC-XYZ grid", "ABC-XYZ ბადე"),
    "grid.caption": (
        "Clients by value (ABC: share of the {basis} in the window) and by regularity of purchases "
        "(XYZ: {measure}). Window: {start} – {as_of}.",
        "კლიენტები ღირებულების (ABC: წილი ფანჯარაში, საფუძველი — {basis}) და შესყიდვების "
        "რეგულარობის (XYZ: {measure}) მიხედვით. ფანჯარა: {start} – {as_of}.",
    ),
    "grid.controls": ("Parameters", "პარამეტრები"),
    "grid.basis": ("Basis", "საფუძველი"),
    "grid.basis.revenue": ("revenue", "შემოსავალი"),
    "grid.basis.margin": ("margin", "მარჟა"),
    "grid.period": ("Period", "პერიოდი"),
    "grid.window": ("Window, periods", "ფანჯარა, პერიოდები"),
    "grid.as_of": ("As of", "თარიღისთვის"),
    "grid.as_of.help": (
        "The last day of the analysis; lines after it are left out. Empty: the latest date in the data.",
        "ანალიზის ბოლო დღე; მის შემდეგ ჩანაწერები არ ითვლება. ცარიელი: მონაცემების ბოლო თარიღი.",
    ),
    "grid.abc_limits": ("ABC limits, cumulative share %", "ABC ზღვრები, კუმულაციური წილი %"),
    "grid.abc_limits.help": (
        "A: clients before the first limit (the one that crosses it is still A); B: up to the second; C: the rest.",
        "A: კლიენტები პირველ ზღვრამდე (ვინც მას კვეთს, ისიც A-ა); B: მეორემდე; C: დანარჩენი.",
    ),
    "grid.xyz": ("XYZ measure", "XYZ საზომი"),
    "grid.xyz.cv": ("CV of period basis", "პერიოდული მოცულობის ვარიაციის კოეფიციენტი"),
    "grid.xyz.frequency": ("purchase frequency", "შესყიდვების სიხშირე"),
    "grid.measure.cv": ("CV", "CV"),
    "grid.measure.frequency": ("frequency", "სიხშირე"),
    "grid.cv_x": ("X: CV at most, %", "X: CV არაუმეტეს, %"),
    "grid.cv_y": ("Y: CV at most, %", "Y: CV არაუმეტეს, %"),
    "grid.freq_x": ("X: bought in at least, % of periods", "X: შესყიდვა პერიოდების მინიმუმ, %"),
    "grid.freq_y": ("Y: bought in at least, % of periods", "Y: შესყიდვა პერიოდების მინიმუმ, %"),
    "grid.abc": ("ABC", "ABC"),
    "grid.xyz_class": ("XYZ", "XYZ"),
    "grid.cell": ("Cell", "უჯრა"),
    "grid.clients.n": ("clients: {n}", "კლიენტები: {n}"),
    "grid.strategy": ("Strategy", "სტრატეგია"),
    "grid.too_new": ("Too new", "ძალიან ახალი"),
    "grid.too_new.help": (
        "Fewer than 3 periods of history: too new to judge regularity.",
        "3 პერიოდზე ნაკლები ისტორია: რეგულარობის შესაფასებლად ძალიან ახალია.",
    ),
    "grid.margin_note": (
        "On the margin basis every share is of {total}, the margin of the clients whose margin is positive. "
        "{negative} clients lose money (a negative margin): their shares, and a cell holding them, are below 0, "
        "so the other cells can add up to more than 100\u00a0%.",
        "მარჟის საფუძველზე ყოველი წილი არის {total}-ის, დადებითი მარჟის მქონე კლიენტების მარჟის, წილი. "
        "{negative} კლიენტი ზარალზეა (უარყოფითი მარჟა): მათი წილი და მათი უჯრის წილი 0-ზე ნაკლებია, "
        "ამიტომ დანარჩენი უჯრების ჯამი შეიძლება 100\u00a0%-ს აღემატებოდეს.",
    ),
    "grid.row.A": ("A · high value", "A · მაღალი ღირებულება"),
    "grid.row.B": ("B · middle value", "B · საშუალო ღირებულება"),
    "grid.row.C": ("C · low value", "C · დაბალი ღირებულება"),
    "grid.col.X": ("X · steady", "X · სტაბილური"),
    "grid.col.Y": ("Y · swinging", "Y · მერყევი"),
    "grid.col.Z": ("Z · irregular", "Z · არარეგულარული"),
    "grid.strategy.AX": (
        "keep and protect: dedicated manager, long-term contract",
        "შენარჩუნება და დაცვა: პერსონალური მენეჯერი, გრძელვადიანი ხელშეკრულება",
    ),
    "grid.strategy.AY": (
        "secure volume: account plan, forecast the swings together",
        "მოცულობის უზრუნველყოფა: კლიენტის გეგმა, რყევების ერთად პროგნოზირება",
    ),
    "grid.strategy.AZ": (
        "find out why purchases jump: bundle, contract",
        "გაარკვიეთ, რატომ ხტება შესყიდვები: პაკეტი, ხელშეკრულება",
    ),
    "grid.strategy.BX": ("grow share of wallet: cross-sell", "ბიუჯეტში წილის ზრდა: ჯვარედინი გაყიდვები"),
    "grid.strategy.BY": ("stabilise: regular contact schedule", "სტაბილიზაცია: კონტაქტების რეგულარული გრაფიკი"),
    "grid.strategy.BZ": (
        "qualify: is it a key client in the making?",
        "შეფასება: ხომ არ ყალიბდება საკვანძო კლიენტად?",
    ),
    "grid.strategy.CX": ("serve efficiently: standard terms", "ეფექტიანი მომსახურება: სტანდარტული პირობები"),
    "grid.strategy.CY": ("automate service", "მომსახურების ავტომატიზაცია"),
    "grid.strategy.CZ": (
        "minimise cost to serve, or let go",
        "მომსახურების ხარჯის მინიმიზაცია, ან დათმობა",
    ),
    "grid.strategy.too_new": (
        "watch the first periods; qualify as a prospect",
        "დააკვირდით პირველ პერიოდებს; შეაფასეთ როგორც პერსპექტიული",
    ),
    "grid.hover.share": ("share", "წილი"),
    "grid.select": ("Show the clients of", "კლიენტების ჩვენება უჯრიდან"),
    "grid.select.help": (
        "Pick a cell here or click it on the grid.",
        "აირჩიეთ უჯრა აქ ან დააწკაპუნეთ ბადეზე.",
    ),
    "grid.list.title": ("Clients in {cell}: {count}", "კლიენტები უჯრაში {cell}: {count}"),
    "grid.list.empty": ("No clients in this cell.", "ამ უჯრაში კლიენტები არ არის."),
    "grid.list.none": (
        "Pick a cell to list its clients.",
        "აირჩიეთ უჯრა მისი კლიენტების სანახავად.",
    ),
    "grid.col.client": ("Client", "კლიენტი"),
    "grid.col.client_id": ("Client ID", "კლიენტის ID"),
    "grid.col.basis": ("Basis", "მოცულობა"),
    "grid.col.share": ("Share", "წილი"),
    "grid.col.rank": ("ABC rank", "ABC რანგი"),
    "grid.col.cv": ("CV", "CV"),
    "grid.col.frequency": ("Frequency", "სიხშირე"),
    "grid.col.periods": ("Periods", "პერიოდები"),
    "grid.col.purchase_periods": ("Periods with purchases", "პერიოდები შესყიდვით"),
    "grid.col.last_purchase": ("Last purchase", "ბოლო შესყიდვა"),
    "grid.col.manager": ("Manager", "მენეჯერი"),
    "grid.col.region": ("Region", "რეგიონი"),
    "grid.col.segment": ("Segment", "სეგმენტი"),
    "grid.col.share_before": ("Share of clients above", "ზემოთ მდგომი კლიენტების წილი"),
    "grid.dominant": (
        "{share:.0%} of the classified clients are in {cls}: with these limits the grid hardly separates them.",
        "კლასიფიცირებული კლიენტების {share:.0%} არის {cls}-ში: ამ ზღვრებით ბადე მათ ძლივს არჩევს.",
    ),
    "grid.dominant.offer": (
        "Limits drawn from the data (terciles of the measure) would be X {x:g}\u00a0% and Y {y:g}\u00a0%.",
        "მონაცემებიდან აღებული ზღვრები (საზომის ტერცილები) იქნებოდა X {x:g}\u00a0% და Y {y:g}\u00a0%.",
    ),
    "grid.use_terciles": ("Use limits from the data", "მონაცემებიდან აღებული ზღვრების გამოყენება"),
    "grid.no_clients": (
        "No client has a purchase in this window. Move the as-of date or widen the filters.",
        "ამ ფანჯარაში არცერთ კლიენტს არ აქვს შესყიდვა. შეცვალეთ თარიღი ან გააფართოვეთ ფილტრები.",
    ),
    "grid.summary": (
        "{clients} clients in the window, {classified} classified, {new} too new. Total {basis}: {total}.",
        "ფანჯარაში {clients} კლიენტი, კლასიფიცირებული {classified}, ძალიან ახალი {new}. ჯამი ({basis}): {total}.",
    ),
    "grid.migration": ("Migration", "მიგრაცია"),
    "grid.migration.caption": (
        "Cell in the window ending {previous} (rows) against the cell now (columns). "
        "“new”: not in the earlier grid; “gone”: no purchase in the current window.",
        "უჯრა {previous}-ით დასრულებულ ფანჯარაში (სტრიქონები) მიმდინარე უჯრასთან შედარებით (სვეტები). "
        "„ახალი“: წინა ბადეში არ იყო; „წასული“: მიმდინარე ფანჯარაში შესყიდვა არ აქვს.",
    ),
    "grid.migration.then": ("then", "მაშინ"),
    "grid.migration.now": ("now", "ახლა"),
    "grid.migration.new": ("new", "ახალი"),
    "grid.migration.gone": ("gone", "წასული"),
    "grid.slipped": (
        "Clients that slipped (A → B/C, or X/Y → Z)",
        "კლიენტები, რომლებიც ჩამოქვეითდნენ (A → B/C ან X/Y → Z)",
    ),
    "grid.slipped.none": ("No client slipped.", "არცერთი კლიენტი არ ჩამოქვეითებულა."),
    "grid.col.cell_then": ("Cell then", "უჯრა მაშინ"),
    "grid.col.cell_now": ("Cell now", "უჯრა ახლა"),
    "grid.col.basis_then": ("Basis then", "მოცულობა მაშინ"),
    "grid.col.basis_now": ("Basis now", "მოცულობა ახლა"),
    "grid.export": ("Download the Excel pack", "Excel-ის პაკეტის ჩამოტვირთვა"),
    "grid.sheet.grid": ("Grid", "ბადე"),
    "grid.sheet.clients": ("Clients", "კლიენტები"),
    "grid.sheet.migration": ("Migration", "მიგრაცია"),
    "grid.sheet.slipped": ("Slipped", "ჩამოქვეითებული"),
    "grid.error.period": (
        "Period must be one of {choices}, not '{got}'.",
        "პერიოდი უნდა იყოს ერთ-ერთი: {choices} (და არა „{got}“).",
    ),
    "grid.error.window": ("The window must hold at least one period.", "ფანჯარა მინიმუმ ერთ პერიოდს უნდა მოიცავდეს."),
    "grid.error.abc": (
        "ABC limits must satisfy 0 < A ≤ B ≤ 100 (got A {a}\u00a0%, B {b}\u00a0%). "
        "Move the A slider below the B slider.",
        "ABC ზღვრები უნდა აკმაყოფილებდეს პირობას 0 < A ≤ B ≤ 100 (ახლა A {a}\u00a0%, B {b}\u00a0%). "
        "A-ს სლაიდერი B-ზე ნაკლებზე დააყენეთ.",
    ),
    "grid.error.measure": (
        "The XYZ measure must be one of {choices}, not '{got}'.",
        "XYZ საზომი უნდა იყოს ერთ-ერთი: {choices} (და არა „{got}“).",
    ),
    "grid.error.negative": ("XYZ limits cannot be negative.", "XYZ ზღვრები უარყოფითი ვერ იქნება."),
    "grid.error.cv_limits": (
        "For CV the X limit must not exceed the Y limit (got X {x}\u00a0%, Y {y}\u00a0%).",
        "CV-სთვის X-ის ზღვარი Y-ის ზღვარს არ უნდა აღემატებოდეს (ახლა X {x}\u00a0%, Y {y}\u00a0%).",
    ),
    "grid.error.frequency_limits": (
        "For purchase frequency the X limit must be at least the Y limit and at most 100\u00a0% "
        "(got X {x}\u00a0%, Y {y}\u00a0%).",
        "შესყიდვების სიხშირისთვის X-ის ზღვარი უნდა იყოს არანაკლებ Y-ისა და არაუმეტეს 100\u00a0%-ისა "
        "(ახლა X {x}\u00a0%, Y {y}\u00a0%).",
    ),
    "grid.error.no_margin": (
        "The stored lines carry no margin: choose revenue as the basis, or load a file with a margin column.",
        "შენახულ მონაცემებში მარჟა არ არის: აირჩიეთ შემოსავალი ან ატვირთეთ ფაილი მარჟის სვეტით.",
    ),
}
