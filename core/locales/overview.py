"""The overview page: every view's headline on one screen."""

MESSAGES = {
    "nav.overview": ("Overview", "მიმოხილვა"),
    "overview.title": ("How the key accounts stand", "საკვანძო კლიენტების მდგომარეობა"),
    "overview.caption": (
        "As of {as_of} · analysis window {start} – {as_of} · each view with its default settings and the "
        "sidebar filters; every card opens its page with the same filters.",
        "{as_of}-ის მდგომარეობით · ანალიზის ფანჯარა {start} – {as_of} · თითოეული ხედი ნაგულისხმევი "
        "პარამეტრებით და გვერდითი ფილტრებით; თითოეული ბარათი თავის გვერდს იმავე ფილტრებით ხსნის.",
    ),
    "overview.open": ("Open the page", "გვერდის გახსნა"),
    "overview.key.metric": ("Clients in the key set", "კლიენტები საკვანძო ნაკრებში"),
    "overview.key.of": ("of {clients} clients", "{clients} კლიენტიდან"),
    "overview.key.inside": (
        "They hold **{share}** of {basis_of}: inside the typical key-client share of sales, {band} "
        "(key-client article).",
        "მათზე მოდის {basis_of} **{share}**: ეს საკვანძო კლიენტების ტიპური წილის ფარგლებშია, {band} "
        "(სტატია საკვანძო კლიენტებზე).",
    ),
    "overview.key.below": (
        "They hold **{share}** of {basis_of}: below the typical key-client share of sales, {band} "
        "(key-client article).",
        "მათზე მოდის {basis_of} **{share}**: ეს საკვანძო კლიენტების ტიპურ წილზე ნაკლებია, {band} "
        "(სტატია საკვანძო კლიენტებზე).",
    ),
    "overview.key.above": (
        "They hold **{share}** of {basis_of}: above the typical key-client share of sales, {band} "
        "(key-client article).",
        "მათზე მოდის {basis_of} **{share}**: ეს საკვანძო კლიენტების ტიპურ წილზე მეტია, {band} "
        "(სტატია საკვანძო კლიენტებზე).",
    ),
    "overview.grid.a_share": ("Held by class A", "A კლასის წილი"),
    "overview.grid.a_share_help": (
        "The share of the sum of positive client bases held by the class A clients of the grid.",
        "კლიენტების დადებითი საფუძვლების ჯამში ბადის A კლასის კლიენტების წილი.",
    ),
    "overview.grid.cells": (
        "Clients in each cell; {new} too new to classify.",
        "კლიენტები თითოეულ უჯრაში; {new} ჯერ ძალიან ახალია კლასიფიკაციისთვის.",
    ),
    "overview.churn.lost_in": ("Lost in {period}", "დაკარგული, {period}"),
    "overview.churn.rising": ("Losses per month are **rising**.", "ყოველთვიური დანაკარგები **იზრდება**."),
    "overview.churn.falling": ("Losses per month are **falling**.", "ყოველთვიური დანაკარგები **მცირდება**."),
    "overview.churn.flat": ("Losses per month are **flat**.", "ყოველთვიური დანაკარგები **სტაბილურია**."),
    "overview.churn.none": ("No period to count losses in.", "დანაკარგების დასათვლელი პერიოდი არ არის."),
    "overview.winback.caption": (
        "Clients on the win-back list by status.",
        "დასაბრუნებელი კლიენტები სტატუსების მიხედვით.",
    ),
    "overview.managers.riskiest": (
        "Most clients at risk: **{manager}**, {n}.",
        "ყველაზე მეტი რისკის ზონაში მყოფი კლიენტი: **{manager}**, {n}.",
    ),
    "overview.managers.none": (
        "No client with a manager is at risk.",
        "მენეჯერის მქონე არცერთი კლიენტი არ არის რისკის ზონაში.",
    ),
    "overview.data.metric": ("Clients in the data", "კლიენტები მონაცემებში"),
    "overview.data.range": ("Sales from {first} to {last}.", "გაყიდვები {first}-დან {last}-მდე."),
}
