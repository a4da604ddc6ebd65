import Foundation
import SmartTransactions
import Testing

@Suite("Changes through typed properties keep everything else")
struct ModelMutationTests {
    @Test func changingAPriceRewritesOnlyThatValue() throws {
        let original = try Fixture.transaction("start-cash-response")
        var changed = original
        changed.basket?.products[0].priceOne = 1000
        let before = try #require(original.json.objectValue)
        let after = try #require(changed.json.objectValue)
        #expect(Array(after.keys) == Array(before.keys))
        for key in before.keys where key != "basket" { #expect(after[key] == before[key]) }
        let productBefore = try #require(before["basket"]?["products"]?.arrayValue?.first?.objectValue)
        let productAfter = try #require(after["basket"]?["products"]?.arrayValue?.first?.objectValue)
        #expect(Array(productAfter.keys) == Array(productBefore.keys))
        #expect(productAfter["priceOne"] == 1000)
        var restored = productAfter
        restored["priceOne"] = 1500
        #expect(restored == productBefore)
    }

    @Test func anUnchangedValueKeepsTheTypeTheAPISent() throws {
        var tx = try Fixture.transaction("start-cash-response")
        tx.transID = 29_218_171
        #expect(tx.json["trans_id"] == "29218171")
        tx.transID = 1
        #expect(tx.json["trans_id"] == 1)
    }

    @Test func nilWritesNullOverAPresentKeyAndNothingOverAnAbsentOne() throws {
        var tx = try Fixture.transaction("start-cash-response")
        tx.transactionRef = nil
        #expect(tx.json["transactionRef"] == .null)
        tx.receiptNumber = nil
        #expect(tx.json.objectValue?.contains("receipt_number") == false)
        tx.isDemo = nil
        #expect(tx.json["is_demo"] == .null)
        tx.transactionRef = "Bon 1"
        #expect(tx.json["transactionRef"] == "Bon 1")
    }

    @Test func appendingAReceiptLineKeepsTheAPILinesAsSent() throws {
        var tx = try Fixture.transaction("receipt-merchant")
        let originalLines = try #require(tx.json["receipt"]?.arrayValue)
        tx.receipt?.insert(.textline(text: "Danke!", decorations: [.alignCenter]), at: 0)
        let lines = try #require(tx.json["receipt"]?.arrayValue)
        #expect(Array(lines.dropFirst()) == originalLines)
        #expect(lines[0] == ["type": "textline", "value": ["text": "Danke!", "decoration": ["align-center"]]])
    }

    @Test func settingACompanyNameOnAnIdStringMakesAnObject() throws {
        var tx = try Fixture.transaction("coupons")
        tx.merchant?.companyname = "John's Bakery"
        #expect(tx.json["merchant"] == ["id": "MRC_35SZ3R5GGQQP4T0U2T5GFAN9P6C4PG", "companyname": "John's Bakery"])
    }

    @Test func setValueValidatesAndLeavesTheTransactionUnchangedOnError() throws {
        var tx = try Fixture.transaction("start-cash-response")
        let before = tx
        #expect(throws: JSONDecodingError(path: "$.basket_info.sum", message: "expected a whole number, got a string")) {
            try tx.setValue(["sum": "x", "currency": "EUR"], forKey: "basket_info")
        }
        #expect(tx == before)
        try tx.setValue("hello", forKey: "x_note")
        #expect(tx.json.objectValue?.keys.last == "x_note")
        try tx.setValue(nil, forKey: "x_note")
        #expect(tx == before)
    }

    @Test func aNewProductHasTheAPIsKeysInOrder() {
        let product = BasketProduct(id: 7, desc: "Kaffee", quantity: 2, priceOne: 320, tax: 19)
        #expect(JSON.string(product.json) == #"{"id":7,"desc":"Kaffee","quantity":2,"priceOne":320,"tax":19,"item_type":"article"}"#)
        #expect(!product.isTopUp)
        #expect(BasketProduct(id: 1, desc: "Laden", priceOne: 500, tax: 0, ean: BasketProduct.topUpEAN).isTopUp)
    }

    @Test func addingToAnAbsentBasketCreatesIt() throws {
        var tx = SmartTransaction()
        #expect(tx.basket == nil)
        tx.basket = Basket(products: [BasketProduct(id: 1, desc: "Brot", priceOne: 300, tax: 7)])
        tx.basketInfo = BasketInfo(sum: 300, currency: "EUR")
        let reparsed = try SmartTransaction(json: JSON.parse(JSON.serialize(tx.json)))
        #expect(reparsed == tx)
        #expect(reparsed.basket?.products.first?.desc == "Brot")
    }
}
