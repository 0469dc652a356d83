"""The words that name each column role in a sales export: one data table, many languages.

``core.mapping`` scores every (role, column) pair from these words and from the
column's values; this module is only the vocabulary, so that adding a language
or an ERP's spelling is an edit here and nowhere else. Phrases are written as a
person would read them; they are normalised (camelCase split, accents and case
dropped, simple word endings stemmed) by ``core.mapping.tokens`` exactly like the
headers they are compared with, so ``OrderDate``, ``order_date``, ``ORDER DATE``
and ``Order-Date`` all meet the phrase ``order date``.

- ``ROLE_WORDS[role]``: phrases that name the role, in English, Russian,
  Georgian, French, German, Spanish, Italian, Portuguese and Turkish.
- The word groups below them are modifiers: they make a candidate stronger or
  weaker (an id suffix makes a column a code, "ship" makes a date secondary,
  "discount" says a number is not the revenue).
"""

from __future__ import annotations

# fmt: off
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "date": (
        # en
        "date", "order date", "invoice date", "sale date", "sales date", "document date", "transaction date",
        "posting date", "booking date", "billing date", "bill date", "close date", "closed date", "doc date",
        "txn date", "purchase date", "~period", "~day", "~month", "~timestamp", "~datetime", "~time",
        "purchase timestamp", "order timestamp", "won time", "won date",
        # ru
        "дата", "дата заказа", "дата продажи", "дата документа", "дата счета", "дата реализации", "период",
        "дата накладной", "дата операции", "дата чека",
        # ka
        "თარიღი", "შეკვეთის თარიღი", "გაყიდვის თარიღი", "ინვოისის თარიღი", "დოკუმენტის თარიღი", "ზედნადების თარიღი",
        # fr de es it pt tr
        "date de commande", "date facture", "date de facture", "date de vente", "date piece", "date document",
        "datum", "rechnungsdatum", "auftragsdatum", "belegdatum", "buchungsdatum", "verkaufsdatum",
        "fecha", "fecha factura", "fecha de factura", "fecha pedido", "fecha de venta", "fecha documento",
        "data", "data fattura", "data documento", "data ordine", "data vendita", "data da venda", "data emissao",
        "tarih", "fatura tarihi", "siparis tarihi", "satis tarihi", "belge tarihi", "islem tarihi",
        # blind-test additions
        "trx date", "~created at", "~created", "~completed", "inv dt", "~dt", "doc dt", "data sprzedazy",
        "data wystawienia", "factuurdatum", "orderdatum", "boekdatum",
    ),
    "client_id": (
        "client", "customer", "~account", "buyer", "reseller", "~dealer", "~partner", "~company", "sold to",
        "bill to", "~payer", "debtor", "sold to party", "sell to customer", "associated company", "organization",
        "organisation", "~org", "kl", "klient", "kontragent", "pokupatel",
        "client id", "customer id", "account id", "customer code", "client code",
        "customer number", "customer no", "customer key", "reseller key", "dealer code", "partner id",
        "клиент", "контрагент", "покупатель", "заказчик", "код клиента", "код контрагента", "инн",
        "კლიენტი", "მყიდველი", "კონტრაგენტი", "კლიენტის კოდი", "საიდენტიფიკაციო კოდი", "პარტნიორი",
        "code client", "client", "numero client", "acheteur", "societe",
        "kunde", "kunden", "kundennummer", "kundennr", "debitor", "debitorennummer", "abnehmer",
        "cliente", "codigo cliente", "comprador", "codice cliente",
        "musteri", "musteri kodu", "cari", "cari kod", "alici",
        # blind-test additions
        "account reference", "account ref", "cust", "cust no", "cust id", "~contact", "компания", "company id",
        "kontrahent", "nip", "nabywca", "odbiorca", "klant", "klantnummer", "debiteur", "debiteurnummer", "~email",
        "customer email",
    ),
    "client_name": (
        "client name", "customer name", "account name", "company name", "buyer name", "reseller name",
        "dealer name", "partner name", "naim", "naim kl", "libelle client", "libelle",
        "наименование клиента", "наименование контрагента", "название клиента", "имя клиента", "наименование",
        "კლიენტის სახელი", "კლიენტის დასახელება", "კომპანიის სახელი", "დასახელება",
        "nom client", "nom du client", "raison sociale", "kundenname", "name", "nombre cliente", "nombre del cliente",
        "razon social", "nome cliente", "ragione sociale", "nome do cliente", "musteri adi", "cari adi", "unvan",
        # blind-test additions
        "contact name", "cust nm", "debiteurnaam", "klantnaam", "nazwa kontrahenta", "nazwa",
    ),
    "amount": (
        "amount", "sales", "revenue", "~net", "~total", "~value", "turnover", "~sum", "line amount", "line total",
        "sales amount", "net sales", "net amount", "net revenue", "invoice amount", "dollar value", "sales value",
        "~extended amount", "line value", "gross sales", "sales total", "total amount", "amt", "subtotal",
        "net value",
        "~grand total", "summa", "vyruchka",
        "сумма", "выручка", "стоимость", "оборот", "сумма продажи", "сумма без ндс", "сумма реализации",
        "თანხა", "შემოსავალი", "გაყიდვები", "ბრუნვა", "ღირებულება", "გაყიდვის თანხა", "ჯამი", "~სულ",
        "montant", "ventes", "chiffre d affaires", "ca", "montant ht", "total ht", "ca ht",
        "umsatz", "betrag", "nettoumsatz", "nettobetrag", "gesamtbetrag", "wert",
        "importe", "ventas", "total venta", "importe neto", "monto",
        "importo", "vendite", "fatturato", "valore", "valor", "valor total", "receita", "faturamento",
        "tutar", "satis tutari", "ciro", "net tutar", "toplam",
        # blind-test additions
        "base imponible", "imponibile", "wartosc netto", "~wartosc", "bedrag", "bedrag excl btw", "omzet",
        "ext amt", "~row total",
    ),
    "margin": (
        "margin", "profit", "gross profit", "gross margin", "contribution", "contribution margin", "net profit",
        "маржа", "прибыль", "валовая прибыль", "наценка", "доход",
        "მარჟა", "მოგება", "მთლიანი მოგება",
        "marge", "marge brute", "benefice", "deckungsbeitrag", "rohertrag", "gewinn", "marge",
        "margen", "beneficio", "ganancia", "margine", "utile", "lucro", "margem", "kar", "brut kar", "kar marji",
    ),
    "cost": (
        "cost", "total cost", "cost of sales", "cost of goods", "cogs", "line cost", "product cost",
        "total product cost",
        "себестоимость", "себестоимость продаж", "затраты",
        "თვითღირებულება", "ხარჯი",
        "cout", "cout total", "prix de revient", "kosten", "einstandswert", "wareneinsatz", "herstellkosten",
        "coste", "costo", "costo totale", "custo", "maliyet", "toplam maliyet",
        # blind-test additions
        "kostprijs", "koszt",
    ),
    "quantity": (
        "quantity", "qty", "units", "pieces", "number of cds", "order quantity", "volume",
        "количество", "кол во", "кол", "шт", "kol", "kolvo",
        "რაოდენობა", "რაოდ",
        "quantite", "qte", "menge", "anzahl", "stuck", "cantidad", "cant", "quantita", "quantidade", "qtd",
        "miktar", "adet",
        # blind-test additions
        "unidades", "ilosc", "aantal", "qty ordered",
    ),
    "unit_price": (
        "unit price", "price", "price per unit", "list price", "selling price",
        "цена", "цена за единицу", "цена продажи",
        "ფასი", "ერთეულის ფასი",
        "prix", "prix unitaire", "preis", "einzelpreis", "stuckpreis", "precio", "precio unitario",
        "prezzo", "prezzo unitario", "preco", "preco unitario", "fiyat", "birim fiyat",
        # blind-test additions
        "unit pr", "item rate", "pu ht", "pu", "cena netto", "cena", "prijs per eenheid", "prijs", "unit amount",
    ),
    "product": (
        "product", "product name", "item", "sku", "article", "stock code", "~material", "~description",
        "товар", "номенклатура", "продукт", "артикул", "tov", "tovar",
        "პროდუქტი", "პროდუქცია", "საქონელი", "არტიკული",
        "produit", "article", "designation", "artikel", "artikelnummer", "produkt", "producto", "articulo",
        "prodotto", "articolo", "produto", "urun", "stok kodu", "malzeme",
        # blind-test additions
        "omschrijving", "artikelcode", "item desc", "product service", "asin", "towar", "nazwa towaru",
    ),
    "order_id": (
        "order", "order id", "order no", "order number", "invoice", "invoice id", "invoice no", "invoice number",
        "document", "document no", "sales order", "sales order number", "bill no", "receipt", "transaction id",
        "номер заказа", "заказ", "документ", "накладная", "номер документа", "счет", "чек", "chek", "chk",
        "receipt no",
        "შეკვეთა", "შეკვეთის ნომერი", "ინვოისი", "ზედნადები", "დოკუმენტი", "ჩეკი",
        "commande", "facture", "numero de facture", "piece", "auftrag", "auftragsnummer", "rechnung",
        "rechnungsnummer", "beleg", "belegnummer", "pedido", "factura", "numero factura", "ordine", "fattura",
        "numero fattura", "nota fiscal", "siparis", "siparis no", "fatura", "fatura no", "belge no",
        # blind-test additions
        "trx number", "inv no", "sale id", "factuurnummer", "numer", "numero documento", "amazon order id",
        "increment id", "numero factura",
    ),
    "manager": (
        "manager", "account manager", "key account manager", "sales rep", "salesperson", "sales person",
        "sales manager", "kam", "~owner", "account owner", "~rep", "representative", "~seller", "~employee",
        "менеджер", "ответственный", "торговый представитель", "продавец", "сотрудник",
        "მენეჯერი", "გაყიდვების მენეჯერი", "პასუხისმგებელი", "გამყიდველი",
        "commercial", "vendeur", "responsable", "vertreter", "verkaufer", "betreuer", "aussendienst",
        "vertriebsmitarbeiter", "kundenbetreuer", "aussendienstmitarbeiter",
        "vendedor", "comercial", "responsable", "venditore", "agente", "responsabile", "gerente",
        "temsilci", "satis temsilcisi", "plasiyer", "sorumlu",
        # blind-test additions
        "sls rep", "sales rep name", "handlowiec", "verkoper", "owner name",
    ),
    "region": (
        "region", "territory", "area", "district", "sales territory", "~city", "~country", "~state",
        "регион", "область", "город", "территория", "филиал",
        "რეგიონი", "ტერიტორია", "ქალაქი",
        "zone", "secteur", "~ville", "~pays", "gebiet", "bezirk", "~land", "~stadt", "zona", "~ciudad", "~pais",
        "territorio", "~citta", "~paese", "~cidade", "bolge", "~sehir", "~il", "regiao", "regione", "provincia",
        "province",
        # blind-test additions
        "region cd", "wojewodztwo", "regio", "vertriebsgebiet",
    ),
    "segment": (
        "segment", "customer segment", "channel", "customer group", "sector", "industry", "customer class",
        "сегмент", "канал", "группа клиентов", "отрасль",
        "სეგმენტი", "არხი", "ინდუსტრია",
        "canal", "kundengruppe", "branche", "kanal", "sektor", "segmento", "canale", "settore", "kanal", "sektor",
    ),
    "loss_reason": (
        "loss reason", "churn reason", "reason", "reason lost", "lost reason",
        "причина", "причина ухода", "причина потери",
        "მიზეზი", "წასვლის მიზეზი", "დაკარგვის მიზეზი",
        "raison", "motif", "grund", "motivo", "neden",
    ),
    "client_kind": (
        "kind", "client kind", "client type", "customer type", "key client type", "kind of key client",
        "тип клиента", "категория клиента",
        "კლიენტის ტიპი", "კლიენტის სახე", "საკვანძო კლიენტის სახე",
        "type client", "kundentyp", "tipo cliente", "tipo de cliente", "musteri tipi",
    ),
}

# An id suffix (or prefix, in head-first languages): the column is a code, not a
# measure. Evidence for client_id / order_id / product; a veto for money roles.
ID_WORDS = (
    "id", "ids", "key", "code", "cd", "no", "nr", "num", "number", "#", "sk", "инн", "nip",
    "код", "номер", "№", "კოდი", "ნომერი", "#",
    "numero", "nummer", "codigo", "codice", "cod", "kod", "kodu", "no", "n",
)
# A name column, not an id.
NAME_WORDS = (
    "name", "наименование", "название", "имя", "სახელი", "დასახელება", "naim", "libelle", "nm", "nazwa", "naam",
    "nom", "nombre", "nome", "adi", "ad", "bezeichnung", "raison sociale", "razon social", "ragione sociale", "unvan",
)
# Attributes of a client that are not the client: "Customer City" is no client id.
CLIENT_ATTRIBUTE_WORDS = (
    "city", "country", "state", "region", "address", "zip", "postal", "phone", "email", "mail", "type", "group",
    "segment", "category", "class", "status", "since", "count", "po", "order", "purchase order", "reference", "ref",
    "user", "login", "vat number",
    "город", "адрес", "телефон", "тип", "группа", "категория", "статус",
    "ქალაქი", "მისამართი", "ტელეფონი", "ტიპი", "ჯგუფი", "კატეგორია",
    "ville", "adresse", "stadt", "adresse", "ciudad", "direccion", "citta", "indirizzo", "sehir", "adres",
)
# Dates that are not the sale: ship, due, delivery, payment, creation, change.
SECONDARY_DATE_WORDS = (
    "ship", "shipping", "shipped", "delivery", "delivered", "due", "required", "request", "requested", "created",
    "create", "creation", "modified", "modify", "updated", "update", "change", "changed", "payment", "paid",
    "expected", "promised", "birth", "expiry", "expiration", "last", "first", "start", "end", "valid", "est",
    "estimated", "approved", "approval", "gl", "verval", "vervaldatum", "leverdatum", "wysylki",
    "отгрузки", "отгрузка", "доставки", "оплаты", "срок", "создания", "изменения", "рождения",
    "მიწოდების", "გადახდის", "ვადა", "შექმნის", "დაბადების",
    "livraison", "expedition", "echeance", "paiement", "creation", "lieferdatum", "lieferung", "versand",
    "versanddatum", "fallig", "falligkeit", "zahlung", "erstellt", "entrega", "envio", "vencimiento", "pago",
    "consegna", "spedizione", "scadenza", "pagamento", "entrega", "vencimento", "teslim", "sevk", "vade", "odeme",
)
# Dates that are the sale itself.
PRIMARY_DATE_WORDS = (
    "order", "invoice", "document", "doc", "posting", "sale", "sales", "transaction", "txn", "booking", "billing",
    "bill", "purchase", "close", "closed",
    "заказа", "продажи", "счета", "документа", "реализации", "накладной", "операции", "чека",
    "შეკვეთის", "გაყიდვის", "ინვოისის", "დოკუმენტის", "ზედნადების",
    "commande", "facture", "vente", "piece", "rechnung", "auftrag", "beleg", "buchung", "verkauf", "factura",
    "pedido", "venta", "fattura", "ordine", "vendita", "venda", "emissao", "fatura", "siparis", "satis", "belge",
    "islem",
)
# Numbers that are not the revenue (nor the margin): discounts, taxes, freight, plans.
NOT_REVENUE_WORDS = (
    "discount", "tax", "vat", "freight", "shipping", "commission", "rebate", "deposit", "budget", "target",
    "quota", "forecast", "plan", "probability", "weight", "weighted", "pct", "percent", "rate", "ratio", "count",
    "balance", "expected", "estimated", "est", "potential", "skid", "nds", "btw", "vat amount",
    "скидка", "скидки", "ндс", "налог", "бюджет", "план", "доставка", "вес",
    "ფასდაკლება", "დღგ", "გადასახადი", "ბიუჯეტი", "გეგმა",
    "remise", "tva", "rabatt", "mwst", "steuer", "descuento", "iva", "impuesto", "sconto", "imposta",
    "desconto", "imposto", "indirim", "kdv", "vergi",
)
# Money after tax or before deductions: a weaker revenue than the net amount.
GROSS_WORDS = ("gross", "incl", "including", "with", "ttc", "brutto", "с", "bruto", "lordo", "dahil", "documento")
NET_WORDS = ("subtotal", "sub total", "net", "netto", "excl", "excluding", "without", "ht", "без", "neto", "hariç",
        "haric")
# Per-unit figures: a unit price or unit cost, never a line total.
UNIT_WORDS = (
    "unit", "per", "each", "standard", "list", "единицу", "единицы", "ერთეულის", "unitaire", "einzel", "unitario",
    "birim", "price", "цена", "ფასი", "prix", "preis", "precio", "prezzo", "preco", "fiyat",
)
# A line of an order, not the order: "Sales Order Line Number".
LINE_WORDS = ("line", "item", "position", "pos", "строка", "строки", "позиция", "სტრიქონი", "ligne", "zeile", "linea")
# fmt: on
