"""Short column headers for the pages' main tables (``pages/tables.py``).

A table's deciding columns must fit a 1280 px screen with the sidebar open;
Georgian headers run longer than their columns' values, so these short forms
head the column and the whole header (the ``*.col.*`` key) is its tooltip.
English keeps its own header where it is already short.
"""

MESSAGES = {
    "winback.col.short.state": ("Lost or at risk", "მდგომარეობა"),
    "winback.col.short.value_before_loss": ("Value before loss", "ღირებულება"),
    "winback.col.short.days_since": ("Days since", "დღეები"),
    "winback.col.short.lever": ("Suggested lever", "ბერკეტი"),
    "churn.col.short.basis": ("Basis, 365 days", "საფუძველი, 365 დღე"),
    "churn.col.short.days_since": ("Days since", "დღეები"),
    "churn.col.short.former_cell": ("Former cell", "ყოფილი უჯრა"),
    "churn.col.short.median_gap": ("Median gap", "შუალედი"),
    "managers.col.short.key_clients": ("Key clients (A)", "საკვანძო (A)"),
    "managers.col.short.lost_clients": ("Lost clients", "დაკარგული"),
    "managers.col.short.lost_value": ("Value before loss", "ღირებულება"),
    "managers.col.short.at_risk": ("At risk", "რისკი"),
    "managers.col.short.won_back": ("Won back", "დაბრუნდა"),
    "managers.col.short.recovered": ("Revenue recovered", "დაბრუნებული"),
    "managers.col.short.days_since": ("Days since", "დღეები"),
    "managers.col.short.status": ("Win-back status", "სტატუსი"),
    "data.col.short.loaded_at": ("Loaded", "ჩატვირთვა"),
    "data.col.short.rows": ("Rows loaded", "ჩატვირთული"),
    "data.col.short.rejected": ("Set aside", "გადადებული"),
    "data.col.short.rows_now": ("Rows now", "ახლა"),
    "prospects.col.short.confirmed": ("Kind confirmed", "დადასტურებული"),
}
