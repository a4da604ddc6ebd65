import SmartTransactions

/// The benchmark's transactions as the POS would send them: `n` products that cycle through four
/// kinds, exactly the products `source(n)` of Benchmarks/pure/rules.lua builds.
enum BasketGenerator {
    /// The EAN of the 3-for-2 article.
    static let threeForTwoEAN = "4006381333979"

    /// The transaction with `count` products, a loyalty card and `basket_info.sum` set.
    /// - Parameter count: How many product lines.
    /// - Returns: The transaction's JSON object.
    static func transaction(products count: Int) -> JSONValue {
        let products = (1 ... max(count, 0)).map(product)
        let sum = products.reduce(0) { sum, product in
            sum + (product["priceOne"]?.intValue ?? 0) * (product["quantity"]?.intValue ?? 0)
        }
        return .object([
            "object": "smart.transactions",
            "merchant": .object([
                "object": "general.merchants", "id": "MRC_35SZ3R5GGQQP4T0U2T5GFAN9P6C4PG", "companyname": "John's Bakery",
            ]),
            "intent": "sale",
            "is_demo": true,
            "payment_method": "cash",
            "merchantRef": .string("BENCH-\(count)"),
            "basket": .object(["type": "default", "texts": [], "products": .array(products)]),
            "basket_info": .object(["sum": .int(sum), "gratuity": .null, "currency": "EUR"]),
            "idents": [card],
        ])
    }

    /// Product `i` (1-based); kinds cycle with `i % 4` as in rules.lua.
    private static func product(_ i: Int) -> JSONValue {
        let ean = i % 4 == 1 ? threeForTwoEAN : "2" + String(repeating: "0", count: 12 - String(i).count) + String(i)
        let (desc, quantity, price, tax, group): (String, Int, Int, Int, JSONValue) =
            switch i % 4 {
            case 1: ("Franzbrötchen", 1 + i % 3, 160, 7, backwaren)
            case 2: ("Brot \(i)", 1, 250 + i * 37 % 400, 7, backwaren)
            case 3: ("Getränk \(i)", 1 + i % 2, 180 + i * 53 % 300, 19, group("G2", "Getränke"))
            default: ("Tragetasche \(i)", 1, 120 + i * 11 % 200, 19, group("G3", "Non-Food"))
            }
        return .object([
            "id": .int(i), "parent": .null, "item_type": "article", "articleNumber": .string(String(1000 + i)),
            "ean": .string(ean), "desc": .string(desc), "quantity": .int(quantity), "priceOne": .int(price),
            "tax": .int(tax), "group": [group],
        ])
    }

    private static let backwaren = group("G1", "Backwaren")

    private static func group(_ id: String, _ desc: String) -> JSONValue {
        .object(["id": .string(id), "desc": .string(desc), "level": 1])
    }

    /// The loyalty card: balance 3,52 EUR, 120 points.
    private static let card: JSONValue = .object([
        "object": "smart.idents", "id": "smi_1", "prefix": "9276", "name": "secucard Kundenkarte", "type": "card",
        "value": "9276004429942845", "valid": true,
        "merchantcard": .object([
            "object": "loyalty.merchantcards", "id": "MCD_2RXTNXPRM2YG9922UMBHHAEWEGN6AJ", "is_base_card": true,
            "points": 120, "cash_balance": 300, "bonus_balance": 52, "balance": 352, "stock_status": "active",
            "lock_status": "unlocked", "passcode": 0,
        ]),
    ])
}
