import SmartTransactions

/// The receipt lines the emulator prints, in the style of the API's `start/cash` response.
enum ReceiptBuilder {
    /// The loyalty-card section: the sale booked on the card and the card's balance after it.
    static func cardSale(card: String, transID: Int, amount: Int, balance: Int, currency: String) -> [ReceiptLine] {
        [
            .separator(caption: "Kundenkarte"),
            .nameValue(name: "Kartennummer: ", value: card, decorations: []),
            .nameValue(name: "TA Code: ", value: String(transID), decorations: []),
            .space,
            .textline(text: "Umsatz erfasst:", decorations: []),
            .textline(text: Money.format(amount, currency: currency), decorations: [.important]),
            .space,
            .textline(text: "Aktuelles Guthaben", decorations: []),
            .textline(text: Money.format(balance, currency: currency), decorations: [.important]),
        ]
    }

    /// The top-up section: the amount loaded onto the card and the card's new balance.
    static func cardLoad(card: String, transID: Int, amount: Int, balance: Int, currency: String) -> [ReceiptLine] {
        [
            .separator(caption: "Kundenkarte Aufladung"),
            .nameValue(name: "Kartennummer:", value: card, decorations: []),
            .nameValue(name: "TA Code:", value: String(transID), decorations: []),
            .space,
            .textline(text: "Folgender Betrag", decorations: []),
            .textline(text: "wurde aufgeladen:", decorations: []),
            .textline(text: Money.format(amount, currency: currency), decorations: [.important]),
            .space,
            .textline(text: "Aktuelles Guthaben:", decorations: []),
            .textline(text: Money.format(balance, currency: currency), decorations: [.important]),
        ]
    }

    /// A receipt without a loyalty card: the payment method, the TA code and the amount.
    static func plain(method: PaymentMethod, transID: Int, amount: Int, currency: String) -> [ReceiptLine] {
        [
            .separator(caption: caption(for: method)),
            .nameValue(name: "TA Code:", value: String(transID), decorations: []),
            .space,
            .textline(text: "Betrag:", decorations: []),
            .textline(text: Money.format(amount, currency: currency), decorations: [.important]),
        ]
    }

    /// The German heading of a payment method.
    static func caption(for method: PaymentMethod) -> String {
        switch method {
        case .cash: "Barzahlung"
        case .cashless, .cashlessDirect: "Kartenzahlung"
        case .debit: "Lastschrift"
        case .invoice: "Rechnung"
        case .loyalty: "Kundenkarte"
        case .prepaid: "Vorkasse"
        case .ccload: "Kreditkartenaufladung"
        case .unknown(let name): name
        }
    }
}
