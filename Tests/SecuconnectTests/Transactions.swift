import SmartTransactions

/// Create bodies for the tests.
enum Transactions {
    /// A bakery basket without idents: 2 × 3,50 EUR at 7 % and 1 × 2,00 EUR at 19 %.
    static func bakery(sum: Int = 900) -> JSONValue {
        [
            "merchantRef": "till-1",
            "intent": "sale",
            "is_demo": true,
            "basket": [
                "products": [
                    [
                        "id": 1, "desc": "Roggenbrot", "articleNumber": "1001", "quantity": 2, "priceOne": 350,
                        "tax": 7, "item_type": "article",
                    ],
                    [
                        "id": 2, "desc": "Kaffee", "articleNumber": "2001", "quantity": 1, "priceOne": 200,
                        "tax": 19, "item_type": "article",
                    ],
                ],
                "type": "default",
            ],
            "basket_info": ["sum": .int(sum), "currency": "EUR"],
        ]
    }

    /// The bakery basket as a transaction.
    static func bakeryTransaction() throws -> SmartTransaction {
        try SmartTransaction(json: bakery())
    }
}
