"""Strings of access and hardening: the gate, roles, refusals, hostile files, busy database, backups."""

MESSAGES = {
    # -- the gate ------------------------------------------------------------------------
    "access.title": ("Key accounts — sign in", "საკვანძო კლიენტები — შესვლა"),
    "access.code_help": (
        "Type the access code your team gave you. A viewer code shows every figure; an editor code also "
        "lets you upload, delete and change records.",
        "შეიყვანეთ გუნდისგან მიღებული წვდომის კოდი. მნახველის კოდით ჩანს ყველა მაჩვენებელი; რედაქტორის "
        "კოდით ასევე შეგიძლიათ ატვირთვა, წაშლა და ჩანაწერების შეცვლა.",
    ),
    "access.name": ("Your name (kept with the changes you make)", "თქვენი სახელი (ინახება თქვენს ცვლილებებთან)"),
    "access.code": ("Access code", "წვდომის კოდი"),
    "access.enter": ("Enter", "შესვლა"),
    "access.wrong_code": (
        "That code is not right. Check it with your team lead.",
        "კოდი არასწორია. გადაამოწმეთ გუნდის ხელმძღვანელთან.",
    ),
    "access.wait": (
        "Too many wrong codes: wait {seconds} s before the next try.",
        "ძალიან ბევრი არასწორი კოდი: მომდევნო ცდამდე დაელოდეთ {seconds} წმ.",
    ),
    "access.bad_secrets": (
        "The app stays closed: .streamlit/secrets.toml cannot be read ({detail}). Fix the file (see "
        "secrets.toml.example) and reload.",
        "აპი დახურულია: ფაილი .streamlit/secrets.toml ვერ იკითხება ({detail}). შეასწორეთ ფაილი (იხ. "
        "secrets.toml.example) და გადატვირთეთ.",
    ),
    "access.sign_in_help": (
        "Sign in with your company account to see the dashboard.",
        "დაფის სანახავად შედით კომპანიის ანგარიშით.",
    ),
    "access.sign_in": ("Sign in", "შესვლა"),
    "access.sign_in_with": ("Sign in with {provider}", "შესვლა — {provider}"),
    "access.not_on_list": (
        "{email} is signed in but is not on the team's list. Ask your team lead to add this address, "
        "or sign out and use another account.",
        "{email} შესულია, მაგრამ გუნდის სიაში არ არის. სთხოვეთ გუნდის ხელმძღვანელს ამ მისამართის დამატება, "
        "ან გამოდით და სხვა ანგარიში გამოიყენეთ.",
    ),
    "access.sign_out": ("Sign out", "გასვლა"),
    "access.lock": ("Lock", "ჩაკეტვა"),
    "access.authlib_missing": (
        "Sign-in is configured but this installation lacks its sign-in package. Install it "
        "(pip install -r requirements.txt) and restart the app.",
        "შესვლა გამართულია, მაგრამ ამ ინსტალაციას აკლია შესვლის პაკეტი. დააინსტალირეთ "
        "(pip install -r requirements.txt) და გადატვირთეთ აპი.",
    ),
    "access.as": ("{who} · {role}", "{who} · {role}"),
    "access.role.viewer": ("viewer", "მნახველი"),
    "access.team": ("team", "გუნდი"),
    "access.role.editor": ("editor", "რედაქტორი"),
    "access.open_local": (
        "Open on this computer only: anyone here can view and change the data. To share the dashboard, set "
        "up access codes or sign-in (README, “Sharing the dashboard”).",
        "ღიაა მხოლოდ ამ კომპიუტერზე: აქ ნებისმიერს შეუძლია მონაცემების ნახვა და შეცვლა. დაფის "
        "გასაზიარებლად დააყენეთ წვდომის კოდები ან შესვლა (იხ. README).",
    ),
    "access.open_refused": (
        "This dashboard listens on the network but no access is configured, so it shows nothing. Set "
        "[access] codes or [auth] sign-in in .streamlit/secrets.toml (see secrets.toml.example), or start it "
        "on this computer only (--server.address 127.0.0.1).",
        "დაფა ქსელშია ხელმისაწვდომი, მაგრამ წვდომა არ არის გამართული, ამიტომ არაფერს აჩვენებს. დააყენეთ "
        "[access] კოდები ან [auth] შესვლა ფაილში .streamlit/secrets.toml (იხ. secrets.toml.example), ან "
        "გაუშვით მხოლოდ ამ კომპიუტერზე (--server.address 127.0.0.1).",
    ),
    "access.viewer_note": (
        "You are signed in as a viewer: you see everything, and an editor makes the changes.",
        "შესული ხართ როგორც მნახველი: ყველაფერს ხედავთ, ცვლილებებს კი რედაქტორი აკეთებს.",
    ),
    # -- refusals ------------------------------------------------------------------------
    "access.denied": (
        "{who} can view but not change anything. Ask a team editor to make this change, or for editor access. "
        "Nothing was changed.",
        "{who}-ს შეუძლია ნახვა, მაგრამ არა შეცვლა. სთხოვეთ გუნდის რედაქტორს ამ ცვლილების გაკეთება ან "
        "რედაქტორის წვდომა. არაფერი შეცვლილა.",
    ),
    "access.bad_section": (
        "[access] in .streamlit/secrets.toml must be a section of settings; see secrets.toml.example.",
        "[access] ფაილში .streamlit/secrets.toml უნდა იყოს პარამეტრების სექცია; იხ. secrets.toml.example.",
    ),
    "access.bad_list": (
        '[access] {name} in .streamlit/secrets.toml must be a list of e-mail addresses, e.g. {name} = ["a@x.com"].',
        '[access] {name} ფაილში .streamlit/secrets.toml უნდა იყოს ელფოსტების სია, მაგ. {name} = ["a@x.com"].',
    ),
    "access.bad_digest": (
        "[access] {name} in .streamlit/secrets.toml is not a code digest. Make it with "
        "`python -m core hash-code` and paste the line it prints.",
        "[access] {name} ფაილში .streamlit/secrets.toml არ არის კოდის დაიჯესტი. შექმენით "
        "`python -m core hash-code` ბრძანებით და ჩასვით მის მიერ დაბეჭდილი სტრიქონი.",
    ),
    "access.same_codes": (
        "The viewer and editor codes in .streamlit/secrets.toml are the same; give editors their own code.",
        "მნახველისა და რედაქტორის კოდები ფაილში .streamlit/secrets.toml ერთნაირია; რედაქტორებს ცალკე კოდი მიეცით.",
    ),
    "access.code_too_short": (
        "An access code needs at least {n} characters; a longer phrase is safer.",
        "წვდომის კოდს სჭირდება მინიმუმ {n} სიმბოლო; გრძელი ფრაზა უფრო უსაფრთხოა.",
    ),
    # -- hostile files (the archive part of core/reading.py) -----------------------------
    "err.folder": (
        "'{file}' is a folder, not a file. Name the export file itself.",
        "„{file}“ საქაღალდეა და არა ფაილი. მიუთითეთ თავად ექსპორტის ფაილი.",
    ),
    "err.not_regular": (
        "'{file}' is not an ordinary file (a device, pipe or socket). Save the export as a file and load that.",
        "„{file}“ ჩვეულებრივი ფაილი არ არის (მოწყობილობა, არხი ან სოკეტი). შეინახეთ ექსპორტი ფაილად და ის ჩატვირთეთ.",
    ),
    "err.gz_truncated": (
        "'{file}' is cut short: it ends in the middle of its compressed data. Download or copy it again.",
        "„{file}“ მოჭრილია: შეკუმშული მონაცემების შუაში მთავრდება. ხელახლა ჩამოტვირთეთ ან დააკოპირეთ.",
    ),
    "err.not_gzip": (
        "'{file}' is named .gz but is not gzip-compressed. Rename it to .csv, or compress it again.",
        "„{file}“ .gz-ით არის დასახელებული, მაგრამ gzip-ით შეკუმშული არ არის. გადაარქვით .csv ან ხელახლა შეკუმშეთ.",
    ),
    "err.archive_bad": (
        "'{file}' is a damaged archive ({detail}). Export or compress it again.",
        "„{file}“ დაზიანებული არქივია ({detail}). ხელახლა გააკეთეთ ექსპორტი ან შეკუმშვა.",
    ),
    "err.zip_encrypted": (
        "'{file}' is protected by a password. Save the export without a password and load it again.",
        "„{file}“ პაროლით არის დაცული. შეინახეთ ექსპორტი პაროლის გარეშე და ხელახლა ჩატვირთეთ.",
    ),
    "err.unpacked_too_big": (
        "'{file}' unpacks to more than {limit}, more than this dashboard reads at once. Split the export "
        "(by year or region) and load the parts.",
        "„{file}“ გაშლისას {limit}-ზე მეტია — იმაზე მეტი, ვიდრე დაფა ერთბაშად კითხულობს. დაყავით ექსპორტი "
        "(წლების ან რეგიონების მიხედვით) და ნაწილები ჩატვირთეთ.",
    ),
    "err.ratio_too_high": (
        "'{file}' unpacks to over {ratio} times its size, which no sales export does; it was not read. "
        "Load the export itself, or compress it again.",
        "„{file}“ გაშლისას თავის ზომაზე {ratio}-ჯერ მეტი ხდება, რასაც გაყიდვების ექსპორტი არ აკეთებს; ის "
        "არ წაკითხულა. ჩატვირთეთ თავად ექსპორტი ან ხელახლა შეკუმშეთ.",
    ),
    # -- a busy database -----------------------------------------------------------------
    "err.store_busy_by": (
        "The database {path} is open in another program: {holder}. If that is the running dashboard, upload "
        "through its Data page, or stop it; if it is another command, run this one again with --wait SECONDS. "
        "Nothing was changed.",
        "მონაცემთა ბაზა {path} გახსნილია სხვა პროგრამაში: {holder}. თუ ეს გაშვებული დაფაა, ატვირთეთ მისი "
        "„მონაცემების“ გვერდიდან ან გააჩერეთ; თუ სხვა ბრძანებაა, გაუშვით ეს ხელახლა --wait SECONDS-ით. "
        "არაფერი შეცვლილა.",
    ),
    "err.store_busy_waited": (
        "The database {path} was still open in another program after {seconds} s of waiting: {holder}. "
        "Nothing was changed.",
        "მონაცემთა ბაზა {path} {seconds} წმ ლოდინის შემდეგაც გახსნილია სხვა პროგრამაში: {holder}. არაფერი შეცვლილა.",
    ),
    "store.holder": ("process {pid} ({program})", "პროცესი {pid} ({program})"),
    # -- backups -------------------------------------------------------------------------
    "backup.header": ("Backup", "სარეზერვო ასლი"),
    "backup.help": (
        "Download the whole database (every table as Parquet, with a manifest) to keep it safe; it can be "
        "restored here into an empty database.",
        "ჩამოტვირთეთ მთელი ბაზა (ყველა ცხრილი Parquet ფორმატში, მანიფესტით) შესანახად; მისი აღდგენა "
        "შესაძლებელია აქვე, ცარიელ ბაზაში.",
    ),
    "backup.download": ("Download a backup (.zip)", "სარეზერვო ასლის ჩამოტვირთვა (.zip)"),
    "backup.restore": ("Restore a backup into this empty database", "სარეზერვო ასლის აღდგენა ამ ცარიელ ბაზაში"),
    "backup.restore_file": ("Backup file (.zip)", "სარეზერვო ასლის ფაილი (.zip)"),
    "backup.restored": (
        "Restored {tables} tables ({lines} sales lines) from {file}.",
        "აღდგა {tables} ცხრილი ({lines} გაყიდვის სტრიქონი) ფაილიდან {file}.",
    ),
    "err.backup_not_empty": (
        "The database {path} already holds data ({what}); a backup restores only into an empty one. Restore "
        "into a new database file (--db NEW.duckdb). Nothing was changed.",
        "ბაზა {path} უკვე შეიცავს მონაცემებს ({what}); სარეზერვო ასლი აღდგება მხოლოდ ცარიელ ბაზაში. აღადგინეთ "
        "ახალ ფაილში (--db NEW.duckdb). არაფერი შეცვლილა.",
    ),
    "err.backup_not_backup": (
        "'{file}' is not a backup of this dashboard ({detail}). Use a file made by its Backup button or "
        "`python -m core backup`.",
        "„{file}“ ამ დაფის სარეზერვო ასლი არ არის ({detail}). გამოიყენეთ ფაილი, რომელიც შექმნა ღილაკმა "
        "„სარეზერვო ასლი“ ან ბრძანებამ `python -m core backup`.",
    ),
    "err.backup_unknown_table": (
        "'{file}' holds a table or column this version does not know ({name}); restore it with the version "
        "that made it. Nothing was changed.",
        "„{file}“ შეიცავს ცხრილს ან სვეტს, რომელიც ამ ვერსიამ არ იცის ({name}); აღადგინეთ იმ ვერსიით, "
        "რომელმაც შექმნა. არაფერი შეცვლილა.",
    ),
    "err.backup_mismatch": (
        "'{file}' does not restore to what it recorded (table {table}: {detail}); the file is damaged. "
        "Nothing was changed.",
        "„{file}“ არ აღდგება ისე, როგორც ჩაწერილია (ცხრილი {table}: {detail}); ფაილი დაზიანებულია. არაფერი შეცვლილა.",
    ),
}
