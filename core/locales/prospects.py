"""Strings of the prospects page (the three "P") and its errors."""

MESSAGES = {
    "nav.prospects": ("Prospects", "პერსპექტიული კლიენტები"),
    "prospects.title": ("Prospects and the three P", "პერსპექტიული კლიენტები და სამი P"),
    "prospects.intro": (
        "A prospect is qualified by three questions: does it need the service, can it pay, does the contact have "
        "the power to decide. Each answer scores yes = 2, unclear = 1, no = 0 (at most {max}); a prospect is "
        "qualified when all three are yes. Qualified prospects come first.",
        "პერსპექტიული კლიენტი სამი კითხვით ფასდება: სჭირდება თუ არა მომსახურება, შეუძლია თუ არა გადახდა, "
        "აქვს თუ არა კონტაქტს გადაწყვეტილების უფლება. პასუხი ფასდება: კი = 2, გაურკვეველია = 1, არა = 0 "
        "(მაქსიმუმ {max}); კლიენტი კვალიფიცირებულია, როცა სამივე პასუხი „კი“-ა. კვალიფიცირებულები პირველია.",
    ),
    "prospects.suggested": ("Suggested by the rule", "წესით შემოთავაზებული"),
    "prospects.months": ("New within (months)", "ახალი ბოლო (თვე)"),
    "prospects.top_share": ("Top share of new clients, %", "ახალი კლიენტების საუკეთესო წილი, %"),
    "prospects.suggested.rule": (
        "First purchase within the last {months} months and revenue in the top {share}\u00a0% of those new clients; "
        "a person confirms.",
        "პირველი შესყიდვა ბოლო {months} თვეში და შემოსავალი ამ ახალ კლიენტებს შორის საუკეთესო {share}\u00a0%-ში; "
        "ადასტურებს ადამიანი.",
    ),
    "prospects.suggested.none": ("No client fits the rule now.", "ამჟამად წესს არცერთი კლიენტი არ აკმაყოფილებს."),
    "prospects.confirm.pick": ("Confirm as prospects", "დადასტურება პერსპექტიულად"),
    "prospects.confirm": ("Confirm", "დადასტურება"),
    "prospects.confirmed": ("{n} prospects confirmed by {who}.", "{who}-მა დაადასტურა {n} პერსპექტიული კლიენტი."),
    "prospects.add": ("Add a prospect by hand", "პერსპექტიული კლიენტის ხელით დამატება"),
    "prospects.add.client_help": (
        "Only when the company is already in the sales data; leave empty for a company that has not bought yet.",
        "მხოლოდ მაშინ, როცა კომპანია უკვე გაყიდვების მონაცემებშია; დატოვეთ ცარიელი, თუ ჯერ არ უყიდია.",
    ),
    "prospects.add.save": ("Add", "დამატება"),
    "prospects.added": ("{name} added by {who}.", "{who}-მა დაამატა {name}."),
    "prospects.list": (
        "Prospects ({n}, qualified: {qualified})",
        "პერსპექტიული კლიენტები ({n}, კვალიფიცირებული: {qualified})",
    ),
    "prospects.none": (
        "No prospects yet: confirm a suggestion or add one by hand.",
        "პერსპექტიული კლიენტები ჯერ არ არის: დაადასტურეთ შემოთავაზება ან დაამატეთ ხელით.",
    ),
    "prospects.hide_dropped": ("Hide dropped", "უარყოფილების დამალვა"),
    "prospects.q.need": ("Need", "საჭიროება"),
    "prospects.q.pay": ("Pay", "გადახდა"),
    "prospects.q.power": ("Power", "უფლებამოსილება"),
    "prospects.q.need.long": ("Need: does it need the service?", "საჭიროება: სჭირდება თუ არა მომსახურება?"),
    "prospects.q.pay.long": ("Pay: can it pay (solvency)?", "გადახდა: შეუძლია თუ არა გადახდა (გადახდისუნარიანობა)?"),
    "prospects.q.power.long": (
        "Power: does the contact decide?",
        "უფლებამოსილება: იღებს თუ არა კონტაქტი გადაწყვეტილებას?",
    ),
    "prospects.answer.yes": ("yes", "კი"),
    "prospects.answer.unclear": ("unclear", "გაურკვეველია"),
    "prospects.answer.no": ("no", "არა"),
    "prospects.status.new": ("new", "ახალი"),
    "prospects.status.contacted": ("contacted", "დაკავშირებული"),
    "prospects.status.negotiating": ("negotiating", "მოლაპარაკება"),
    "prospects.status.won": ("won", "მოპოვებული"),
    "prospects.status.dropped": ("dropped", "უარყოფილი"),
    "prospects.source.suggested": ("suggested", "შემოთავაზებული"),
    "prospects.source.manual": ("by hand", "ხელით"),
    "prospects.col.name": ("Company", "კომპანია"),
    "prospects.col.client_id": ("Client ID (when buying)", "კლიენტის ID (როცა ყიდულობს)"),
    "prospects.col.owner": ("Owner", "პასუხისმგებელი"),
    "prospects.col.note": ("Note", "შენიშვნა"),
    "prospects.col.note_of": ("Note on {question}", "შენიშვნა: {question}"),
    "prospects.col.status": ("Status", "სტატუსი"),
    "prospects.col.score": ("Score", "ქულა"),
    "prospects.col.qualified": ("Qualified", "კვალიფიცირებული"),
    "prospects.col.first_purchase": ("First purchase", "პირველი შესყიდვა"),
    "prospects.col.rank": ("Rank", "ადგილი"),
    "prospects.col.confirmed": ("Kind confirmed", "სახე დადასტურებულია"),
    "prospects.col.in_list": ("In the list", "სიაშია"),
    "prospects.col.source": ("Source", "წყარო"),
    "prospects.col.changed_by": ("Changed by", "შეცვალა"),
    "prospects.col.changed_at": ("Changed", "შეიცვალა"),
    "prospects.link.matches": (
        "These prospects have started buying (a client has the same name):",
        "ეს პერსპექტიული კლიენტები უკვე ყიდულობენ (იგივე სახელის კლიენტი არსებობს):",
    ),
    "prospects.link.match": (
        "Link {name} to client {client} (buying since {since})",
        "{name} დაუკავშირდეს კლიენტს {client} ({since}-დან ყიდულობს)",
    ),
    "prospects.link.help": (
        "When the prospect starts buying, its client id from the sales data; its history stays.",
        "როცა პერსპექტიული კლიენტი დაიწყებს ყიდვას, მისი ID გაყიდვების მონაცემებიდან; ისტორია რჩება.",
    ),
    "prospects.linked": ("{name} is linked to client {client}.", "{name} დაუკავშირდა კლიენტს {client}."),
    "prospects.qualify": ("Qualify a prospect", "პერსპექტიული კლიენტის შეფასება"),
    "prospects.pick": ("Prospect", "პერსპექტიული კლიენტი"),
    "prospects.who": ("Saved as {who}, with the time.", "შეინახება როგორც {who}, დროსთან ერთად."),
    "prospects.save": ("Save", "შენახვა"),
    "prospects.saved": ("{name} saved.", "{name} შენახულია."),
    "prospects.nothing": ("Nothing changed.", "არაფერი შეცვლილა."),
    "prospects.history": ("History of {name}", "{name}: ისტორია"),
    "prospects.error.name": ("Give the company's name.", "მიუთითეთ კომპანიის სახელი."),
    "prospects.error.answer": (
        "'{answer}' is not an answer; use one of: {answers}.",
        "„{answer}“ არ არის პასუხი; გამოიყენეთ: {answers}.",
    ),
    "prospects.error.status": (
        "Unknown status '{status}'; use one of: {statuses}.",
        "უცნობი სტატუსი „{status}“; გამოიყენეთ: {statuses}.",
    ),
    "prospects.error.source": ("Unknown source '{source}'.", "უცნობი წყარო „{source}“."),
    "prospects.error.field": ("Unknown prospect field '{field}'.", "უცნობი ველი „{field}“."),
    "prospects.error.unknown": ("There is no prospect {prospect}.", "პერსპექტიული კლიენტი {prospect} არ არსებობს."),
    "prospects.error.no_client": (
        "There is no client '{client}' in the sales data; a prospect is linked once it buys.",
        "კლიენტი „{client}“ გაყიდვების მონაცემებში არ არის; პერსპექტიული კლიენტი დაკავშირდება, როცა იყიდის.",
    ),
}
