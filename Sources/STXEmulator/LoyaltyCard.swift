import SmartTransactions

/// A loyalty card as the emulator keeps it between transactions: balances in cents.
///
/// Requested balances outside 0…``maximumBalance`` and top-ups that would take the cash
/// balance beyond it are refused, which keeps the card's arithmetic far from overflowing.
struct LoyaltyCard: Sendable {
    /// The most a card's cash or bonus balance may hold: 1,000,000,000.00.
    static let maximumBalance = 100_000_000_000

    let number: String
    let merchantCardID: String
    let cardID: String
    var cashBalance: Int
    var bonusBalance: Int
    var points: Int

    /// `cash_balance + bonus_balance`.
    var balance: Int { cashBalance + bonusBalance }

    /// The `merchantcard` object of an ident, in the shape of the API's response.
    var json: JSONValue {
        [
            "object": "loyalty.merchantcards",
            "id": .string(merchantCardID),
            "card": ["object": "loyalty.cards", "id": .string(cardID), "cardnumber": .string(number)],
            "is_base_card": true,
            "points": .int(points),
            "cash_balance": .int(cashBalance),
            "bonus_balance": .int(bonusBalance),
            "balance": .int(balance),
            "stock_status": "active",
            "lock_status": "unlocked",
            "passcode": 0,
        ]
    }

    /// Takes `amount` from the card, bonus first, then cash.
    mutating func debit(_ amount: Int) {
        let fromBonus = min(bonusBalance, amount)
        bonusBalance -= fromBonus
        cashBalance -= amount - fromBonus
    }
}
