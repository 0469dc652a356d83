"""Strings of the win-back view: the call list, statuses, levers, rules, funnel."""

MESSAGES = {
    "winback.title": ("Win-back: whom to call first", "დაბრუნება: ვის დავურეკოთ პირველ რიგში"),
    "winback.intro": (
        "Clients lost as of {as_of} (no purchase for {lost_days} days or more), ranked by their value in the "
        "year before the loss. Each has a suggested lever and the rule that suggested it; the status is shared "
        "by the whole team.",
        "{as_of}-ის მდგომარეობით დაკარგული კლიენტები ({lost_days} ან მეტი დღე შესყიდვის გარეშე), დალაგებული "
        "დაკარგვამდე ბოლო წლის ღირებულების მიხედვით. თითოეულს აქვს შემოთავაზებული ბერკეტი და წესი, რომელმაც "
        "ის შესთავაზა; სტატუსს მთელი გუნდი ხედავს.",
    ),
    "winback.summary": (
        "{clients} clients to win back, {value} of value before loss; {won} clients won back, "
        "{recovered} revenue recovered.",
        "დასაბრუნებელია {clients} კლიენტი, დაკარგვამდე ღირებულება {value}; დაბრუნდა {won} კლიენტი, დაბრუნებული "
        "შემოსავალი {recovered}.",
    ),
    "winback.empty": (
        "No client matches: nobody is lost with these settings, or the filters leave nobody.",
        "არცერთი კლიენტი არ შეესაბამება: ამ პარამეტრებით არავინაა დაკარგული, ან ფილტრები ყველას გამორიცხავს.",
    ),
    # controls
    "winback.settings": ("List settings", "სიის პარამეტრები"),
    "winback.lost_days": ("Lost after days without a purchase (L)", "დაკარგულია შესყიდვის გარეშე დღეების შემდეგ (L)"),
    "winback.risk_k": ("At-risk factor k (× own median gap)", "რისკის კოეფიციენტი k (× საკუთარი საშუალო შუალედი)"),
    "winback.min_value": ("Minimum value before loss", "მინიმალური ღირებულება დაკარგვამდე"),
    "winback.lost_since": ("Lost since", "დაკარგულია ამ თარიღიდან"),
    "winback.lost_before": ("Lost before", "დაკარგულია ამ თარიღამდე"),
    "winback.managers": ("Manager on the list", "მენეჯერი სიაში"),
    "winback.regions": ("Region on the list", "რეგიონი სიაში"),
    "winback.former": ("Former cell", "ყოფილი უჯრა"),
    "winback.reasons": ("Reason", "მიზეზი"),
    "winback.include_at_risk": ("At-risk clients too", "რისკის ზონის კლიენტებიც"),
    "winback.include_at_risk.help": (
        "Clients overdue against their own buying rhythm but not lost yet: call them before they are.",
        "კლიენტები, რომლებიც საკუთარ რიტმს ჩამორჩნენ, მაგრამ ჯერ არ დაკარგულან: დაუკავშირდით მანამდე.",
    ),
    "winback.too_new": ("too new to classify", "კლასიფიკაციისთვის ძალიან ახალი"),
    # columns
    "winback.col.rank": ("#", "#"),
    "winback.col.client_id": ("Client ID", "კლიენტის ID"),
    "winback.col.client_name": ("Client", "კლიენტი"),
    "winback.col.value_before_loss": ("Value before loss", "ღირებულება დაკარგვამდე"),
    "winback.col.last_purchase": ("Last purchase", "ბოლო შესყიდვა"),
    "winback.col.loss_date": ("Lost on", "დაკარგვის თარიღი"),
    "winback.col.days_since": ("Days since", "გასული დღეები"),
    "winback.col.former_cell": ("Former cell", "ყოფილი უჯრა"),
    "winback.col.kind": ("Kind", "ტიპი"),
    "winback.col.manager": ("Manager", "მენეჯერი"),
    "winback.col.region": ("Region", "რეგიონი"),
    "winback.col.segment": ("Segment", "სეგმენტი"),
    "winback.col.reason": ("Reason", "მიზეზი"),
    "winback.col.at_risk": ("At risk, not lost yet", "რისკის ქვეშაა, ჯერ არ დაკარგულა"),
    "winback.col.state": ("Lost or at risk", "დაკარგული თუ რისკის ქვეშ"),
    "winback.state.lost": ("Lost", "დაკარგული"),
    "winback.state.at_risk": ("At risk", "რისკის ქვეშ"),
    "winback.col.lever": ("Suggested lever", "შემოთავაზებული ბერკეტი"),
    "winback.col.rule": ("Rule that fired", "წესი, რომელიც ამოქმედდა"),
    "winback.col.status": ("Status", "სტატუსი"),
    "winback.col.owner": ("Owner", "პასუხისმგებელი"),
    "winback.col.next_step": ("Next step", "შემდეგი ნაბიჯი"),
    "winback.col.note": ("Note", "შენიშვნა"),
    "winback.col.changed_by": ("Changed by", "ვინ შეცვალა"),
    "winback.col.changed_at": ("Changed at", "როდის შეიცვალა"),
    "winback.col.won_back_date": ("Came back on", "დაბრუნების თარიღი"),
    "winback.col.revenue_since": ("Revenue since", "შემოსავალი დაბრუნების შემდეგ"),
    "winback.col.clients": ("Clients", "კლიენტები"),
    "winback.col.value": ("Value before loss", "ღირებულება დაკარგვამდე"),
    "winback.col.recovered": ("Revenue recovered", "დაბრუნებული შემოსავალი"),
    "winback.col.position": ("Position", "რიგი"),
    "winback.col.rule_former": ("Former class or cell", "ყოფილი კლასი ან უჯრა"),
    "winback.col.rule_reason": ("Reason", "მიზეზი"),
    "winback.col.status_source": ("Set by", "ვინ დააყენა"),
    # statuses
    "winback.status.to_contact": ("To contact", "დასაკავშირებელი"),
    "winback.status.contacted": ("Contacted", "დაკავშირებულია"),
    "winback.status.offer_made": ("Offer made", "შეთავაზება გაკეთდა"),
    "winback.status.won_back": ("Won back", "დაბრუნდა"),
    "winback.status.declined": ("Declined", "უარი თქვა"),
    "winback.source.data": ("the data (bought again)", "მონაცემები (ისევ იყიდა)"),
    "winback.source.team": ("the team", "გუნდი"),
    "winback.source.default": ("not yet set", "ჯერ არ დაყენებულა"),
    # levers
    "winback.lever.meeting_and_offer": (
        "Personal meeting by the manager plus a special offer",
        "მენეჯერის პირადი შეხვედრა და სპეციალური შეთავაზება",
    ),
    "winback.lever.discount_usual": ("Discount on their usual products", "ფასდაკლება მათ ჩვეულ პროდუქციაზე"),
    "winback.lever.gift_or_standard": ("Gift or standard offer", "საჩუქარი ან სტანდარტული შეთავაზება"),
    "winback.lever.discount": ("Discount", "ფასდაკლება"),
    "winback.lever.meeting_then_offer": ("A meeting first, offer second", "ჯერ შეხვედრა, შემდეგ შეთავაზება"),
    "winback.lever.standard_offer": ("Standard offer", "სტანდარტული შეთავაზება"),
    # rules
    "winback.rule.any": ("any client", "ნებისმიერი კლიენტი"),
    "winback.rule.former": ("former {former}", "ყოფილი {former}"),
    "winback.rule.reason": ("reason: {reason}", "მიზეზი: {reason}"),
    "winback.rules.header": ("Lever rules", "ბერკეტების წესები"),
    "winback.rules.help": (
        "The first rule, by position, whose conditions all hold fires; an empty condition fits every client. "
        "Former: A, B, C or a cell such as AZ. Reason: a reason as the catalogue of loss reasons names it "
        "(for example {reasons}). Lever: one of the levers below, as written, or your own words.",
        "ამოქმედდება პირველი წესი (რიგის მიხედვით), რომლის ყველა პირობა სრულდება; ცარიელი პირობა ყველა "
        "კლიენტს ერგება. ყოფილი: A, B, C ან უჯრა, მაგალითად AZ. მიზეზი: მიზეზი ისე, როგორც დაკარგვის "
        "მიზეზების კატალოგშია (მაგალითად {reasons}). ბერკეტი: ქვემოთ ჩამოთვლილი ბერკეტი, ზუსტად ასე "
        "დაწერილი, ან თქვენი სიტყვები.",
    ),
    "winback.rules.keys": ("Levers: {keys}", "ბერკეტები: {keys}"),
    "winback.rules.save": ("Save rules", "წესების შენახვა"),
    "winback.rules.reset": ("Put the default rules back", "საწყისი წესების აღდგენა"),
    "winback.rules.saved": ("Rules saved: {count}.", "წესები შენახულია: {count}."),
    # status editor
    "winback.editor.header": ("Update a status", "სტატუსის განახლება"),
    "winback.editor.client": ("Client", "კლიენტი"),
    "winback.editor.save": ("Save status", "სტატუსის შენახვა"),
    "winback.editor.saved": ("Saved: {client} is now “{status}”.", "შენახულია: {client} — „{status}“."),
    "winback.editor.who": ("Recorded as {who}.", "ჩაიწერება როგორც {who}."),
    "winback.history": ("History of {client}", "{client}-ის ისტორია"),
    "winback.history.empty": ("Nothing recorded yet.", "ჯერ არაფერი ჩაწერილა."),
    # funnel and downloads
    "winback.funnel.header": ("Funnel", "ძაბრი"),
    "winback.funnel.value": ("Value before loss: {value}", "ღირებულება: {value}"),
    "winback.funnel.by_manager": ("By manager", "მენეჯერების მიხედვით"),
    "winback.funnel.no_manager": ("(no manager)", "(მენეჯერის გარეშე)"),
    "winback.won_back.header": ("Won back (they bought again)", "დაბრუნებულები (ისევ იყიდეს)"),
    "winback.sheet.call_list": ("Call list", "დასარეკი სია"),
    "winback.sheet.won_back": ("Won back", "დაბრუნებულები"),
    "winback.sheet.funnel": ("Funnel", "ძაბრი"),
    "winback.list.header": ("Call list", "დასარეკი სია"),
}
