import Foundation
import PropertyBased
import PropertyChecks
import SmartTransactions
import Testing

@Suite("Properties of money, VAT and the model")
struct PropertyTests {
    @Test func allocationSumsExactlyAndNeverGoesNegative() async {
        let weights = Gen.int(in: 0...1_000_000).array(of: 1...12).map { weights in
            weights.allSatisfy { $0 == 0 } ? weights + [1] : weights
        }
        await propertyCheck(count: 1000, input: Gen.int(in: 0...Int.max), weights) { cents, weights in
            failOnThrow {
                let shares = try Money.allocate(cents, weights: weights)
                #expect(shares.count == weights.count)
                #expect(try Money.sum(shares) == cents)
                #expect(shares.allSatisfy { $0 >= 0 })
                for (share, weight) in zip(shares, weights) where weight == 0 { #expect(share == 0) }
            }
        }
    }

    @Test func allocationSharesAreWithinOneCentOfTheExactProportion() async {
        await propertyCheck(count: 1000, input: Gen.int(in: 0...10_000_000), Gen.int(in: 1...10_000).array(of: 1...8)) { cents, weights in
            failOnThrow {
                let shares = try Money.allocate(cents, weights: weights)
                let total = weights.reduce(0, +)
                for (share, weight) in zip(shares, weights) {
                    let exactTimesTotal = cents * weight
                    #expect(share * total >= exactTimesTotal - total && share * total <= exactTimesTotal + total)
                }
            }
        }
    }

    @Test func netPlusTaxIsGrossPerRate() async {
        let product = zip(Gen.int(in: -100_000...1_000_000), Gen.int(in: 1...100), Gen.int(in: 0...100)).map { price, quantity, tax in
            BasketProduct(id: nil, desc: "x", quantity: quantity, priceOne: price, tax: tax)
        }
        await propertyCheck(count: 1000, input: product.array(of: 0...10)) { products in
            failOnThrow {
                let totals = try VATBreakdown.of(products)
                for total in totals {
                    #expect(total.net + total.tax == total.gross)
                    // net is the nearest integer to gross / (1 + rate): |net·(100+rate) − gross·100| ≤ (100+rate)/2
                    #expect(abs(total.net * (100 + total.rate) - total.gross * 100) * 2 <= 100 + total.rate)
                }
                #expect(totals.map(\.rate) == Set(products.map(\.tax)).sorted())
                #expect(try Money.sum(totals.map(\.gross)) == Basket(products: products).total())
            }
        }
    }

    @Test func encodeOfDecodeIsTheIdentityForGeneratedTransactions() async {
        await propertyCheck(count: 1000, input: TransactionGenerator.transaction) { value in
            failOnThrow {
                let data = JSON.serialize(value, pretty: false)
                let transaction = try SmartTransaction(jsonData: data)
                #expect(transaction.json == value)
                #expect(JSON.serialize(transaction.json, pretty: false) == data)
                #expect(JSON.serialize(transaction.json, pretty: true) == JSON.serialize(value, pretty: true))
            }
        }
    }

    @Test func renderedRowsNeverExceedTheWidth() async {
        let word = Gen.letterOrNumber.string(of: 0...30)
        let text = word.array(of: 0...8).map { $0.joined(separator: " ") }
        await propertyCheck(count: 1000, input: text, text, Gen.int(in: 8...60)) { name, value, width in
            failOnThrow {
                let lines: [ReceiptLine] = [
                    .separator(caption: name), .textline(text: value, decorations: [.important, .alignCenter]),
                    .nameValue(name: name, value: value, decorations: [.important]), .textline(text: name, decorations: [.alignRight]),
                ]
                let rows = ReceiptRenderer(width: width).render(lines).split(separator: "\n", omittingEmptySubsequences: false)
                #expect(rows.allSatisfy { $0.count <= width })
            }
        }
    }
}

/// Random `smart.transactions` JSON covering the model: known keys with every accepted form
/// (numbers as strings, explicit nulls), unknown keys at every level, all receipt line types.
enum TransactionGenerator {
    /// A scalar of any JSON kind.
    static let scalar = zip(Gen.int(in: 0...5), Gen.int(in: -1_000_000...1_000_000), Gen.letterOrNumber.string(of: 0...8)).map {
        kind, number, text -> JSONValue in
        switch kind {
        case 0: .null
        case 1: .bool(number % 2 == 0)
        case 2: .int(number)
        case 3: .double(Double(number) / 8 + 0.5)
        case 4: .string(text)
        default: .string("ü \"\(text)\"\\\n\u{1}")
        }
    }

    /// Members with keys the model does not know.
    static let unknownMembers = zip(Gen.letterOrNumber.string(of: 1...6), scalar).array(of: 0...3).map { pairs in
        pairs.map { ("x_\($0)", $1) }
    }

    /// An integer sent as a number, as a string of digits, or as an integral double.
    static let lenientInt = zip(Gen.int(in: -99_999...99_999), Gen.int(in: 0...2)).map { number, form -> JSONValue in
        switch form {
        case 0: .int(number)
        case 1: .string(String(number))
        default: .double(Double(number))
        }
    }

    static let product = zip(zip(Gen.int(in: -5_000...50_000), lenientInt, Gen.int(in: 0...100)), Gen.int(in: 0...255), unknownMembers, Gen.element(of: ["article", "coupon", "shipping", "sub_transaction", "new_kind"])).map {
        numbers, optional, unknown, itemType -> JSONValue in
        let (price, quantity, tax) = numbers
        var object: JSONObject = ["id": .int(optional), "desc": .string("Artikel \(optional)"), "quantity": quantity, "priceOne": .int(price), "tax": .int(tax)]
        if optional & 1 != 0 { object["articleNumber"] = optional & 2 != 0 ? .int(price) : .string(String(price)) }
        if optional & 4 != 0 { object["ean"] = optional & 8 != 0 ? .string(BasketProduct.topUpEAN) : .null }
        if optional & 16 != 0 { object["group"] = [["id": .int(optional), "desc": "Gruppe", "level": 1]] }
        if optional & 32 != 0 { object["parent"] = .null; object["sum"] = .null; object["serialNumber"] = .null }
        if optional & 64 != 0 { object["sub_basket"] = [["desc": "Teil", "quantity": 1, "priceOne": .int(abs(price)), "tax": .int(tax)]] }
        object["item_type"] = .string(itemType ?? "article")
        for (key, value) in unknown { object[key] = value }
        return .object(object)
    }

    static let receiptLine = zip(Gen.int(in: 0...5), Gen.letterOrNumber.string(of: 0...20), Gen.element(of: ["important", "align-center", "align-right", "align-left", "blink"]).array(of: 0...2)).map {
        kind, text, decorations -> JSONValue in
        let decoration = JSONValue.array(decorations.compactMap { $0.map(JSONValue.string) })
        switch kind {
        case 0: return ["type": "separator", "value": ["caption": .string(text)]]
        case 1: return ["type": "separator"]
        case 2: return ["type": "textline", "value": ["text": .string(text), "decoration": decoration]]
        case 3: return ["type": "name-value", "value": ["name": .string(text), "value": .int(text.count), "decoration": decoration]]
        case 4: return ["type": "space"]
        default: return ["type": "barcode", "value": ["data": .string(text)]]
        }
    }

    static let ident = zip(Gen.int(in: 0...1_000_000), Gen.bool, unknownMembers).map { balance, valid, unknown -> JSONValue in
        var card: JSONObject = ["object": "loyalty.merchantcards", "balance": .int(balance), "cash_balance": .int(balance), "bonus_balance": 0, "passcode": "0"]
        for (key, value) in unknown { card[key] = value }
        return ["object": "smart.idents", "type": "card", "value": .int(9_276_000_000_000_000 + balance), "valid": .bool(valid),
                "merchantcard": valid ? .object(card) : .null]
    }

    static let transaction = zip(product.array(of: 0...6), receiptLine.array(of: 0...8), ident.array(of: 0...3), zip(unknownMembers, Gen.int(in: 0...63), Gen.element(of: ["created", "ok", "failed", "canceled", "processing"]))).map {
        products, receipt, idents, rest -> JSONValue in
        let (unknown, optional, status) = rest
        var object: JSONObject = ["object": "smart.transactions", "id": .string("STX_\(optional)"), "status": .string(status ?? "ok")]
        object["merchant"] = optional & 1 != 0 ? "MRC_1" : ["object": "general.merchants", "id": "MRC_1", "companyname": "Bäckerei"]
        object["transactionRef"] = optional & 2 != 0 ? .null : "Bon"
        object["basket"] = ["products": .array(products), "texts": [], "type": "default"]
        object["basket_info"] = ["sum": .int(optional * 100), "gratuity": .null, "currency": "EUR"]
        object["idents"] = .array(idents)
        if optional & 4 != 0 { object["receipt"] = .array(receipt) }
        if optional & 8 != 0 { object["receipt_merchant"] = .array(receipt.reversed()) }
        object["trans_id"] = optional & 16 != 0 ? .string(String(optional)) : .int(optional)
        object["receipt_number"] = optional & 32 != 0 ? .string("00\(optional)") : .null
        object["payment_method"] = optional & 1 != 0 ? "cash" : "paypal"
        for (key, value) in unknown { object[key] = value }
        return .object(object)
    }
}
