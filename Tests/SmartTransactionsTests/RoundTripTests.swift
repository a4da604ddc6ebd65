import Foundation
import SmartTransactions
import Testing

@Suite("Lossless round trip of transactions")
struct RoundTripTests {
    @Test("decode then encode gives back the fixture byte for byte (keys, order, nulls, number types)",
          arguments: Fixture.transactions)
    func byteExactRoundTrip(name: String) throws {
        let original = try Fixture.data(name)
        let transaction = try SmartTransaction(jsonData: original)
        let encoded = JSON.string(transaction.json, pretty: true)
        let expected = String(decoding: original, as: UTF8.self)
        #expect(encoded == expected.trimmingCharacters(in: .newlines))
    }

    @Test("the Codable conformance round-trips through JSONEncoder/JSONDecoder to equal JSON",
          arguments: Fixture.transactions)
    func codableRoundTrip(name: String) throws {
        let transaction = try Fixture.transaction(name)
        let data = try JSONEncoder().encode(transaction)
        let decoded = try JSONDecoder().decode(SmartTransaction.self, from: data)
        #expect(decoded == transaction)
        #expect(try JSON.parse(data) == transaction.json)
    }

    @Test func theStartCashFixtureReadsAsTyped() throws {
        let tx = try Fixture.transaction("start-cash-response")
        #expect(tx.object == "smart.transactions")
        #expect(tx.id == "STX_PVEGYP82M2NRDMKPE3BCT5ZH0QJKA2")
        #expect(tx.status == .ok)
        #expect(tx.merchant?.companyname == "John's Bakery")
        #expect(tx.merchant?.id == "MRC_35SZ3R5GGQQP4T0U2T5GFAN9P6C4PG")
        #expect(tx.transactionRef == nil)
        #expect(tx.intent == "sale")
        #expect(tx.paymentMethod == .cash)
        #expect(tx.isDemo == true)
        #expect(tx.transID == 29_218_171)
        #expect(tx.transactions?.first?.id == "LTX_WVC64P58JEYR37MJ2BAF5H4KZ30BNH")
        let product = try #require(tx.basket?.products.first)
        #expect(product.isTopUp)
        #expect(product.priceOne == 1500 && product.quantity == 1 && product.tax == 7)
        #expect(product.desc == "Kartenaufladung 15 EUR")
        #expect(product.itemType == .article)
        #expect(product.articleNumber == "")
        #expect(product.sum == nil)
        #expect(tx.basket?.type == "default")
        #expect(tx.basketInfo?.sum == 1500)
        #expect(tx.basketInfo?.currency == "EUR")
        #expect(tx.basketInfo?.gratuity == nil)
        let card = try #require(tx.idents.first?.merchantcard)
        #expect(card.balance == 0 && card.cashBalance == 0 && card.bonusBalance == 0 && card.points == 0)
        #expect(card.lockStatus == "unlocked")
        #expect(card.cardNumber == "9276004429942845")
        let receipt = try #require(tx.receipt)
        #expect(receipt.count == 19)
        #expect(receipt[0] == .separator(caption: "Kundenkarte"))
        #expect(receipt[1] == .nameValue(name: "Kartennummer: ", value: "9276004429942845", decorations: []))
        #expect(receipt[3] == .space)
        #expect(receipt[5] == .textline(text: "15,00 EUR", decorations: [.important]))
    }

    @Test func anOrderWithLenientNumbers() throws {
        let tx = try Fixture.transaction("order-intent")
        #expect(tx.intent == "order")
        #expect(tx.status == .shipped)
        #expect(tx.paymentMethod == .invoice)
        #expect(tx.merchantRef == "4711")
        #expect(tx.receiptNumber == 100_234)
        #expect(tx.transID == 40_010_023)
        let products = try #require(tx.basket?.products)
        #expect(products[0].articleNumber == "30037")
        #expect(products[0].quantity == 2)
        #expect(products[0].group.map(\.id) == ["12"])
        #expect(products[0].group.first?.desc == "Backwaren" && products[0].group.first?.level == 1)
        #expect(products[0].referenceID == "line-1")
        #expect(products[1].itemType == .shipping)
        #expect(try tx.basket?.total() == tx.basketInfo?.sum)
        #expect(tx.basket?.texts.first?["desc"] == "Bitte als Geschenk verpacken")
        #expect(tx.json["x_shop_extension"]?["rating"] == .double(4.5))
    }

    @Test func aSubBasket() throws {
        let tx = try Fixture.transaction("sub-basket")
        let products = try #require(tx.basket?.products)
        #expect(products.map(\.itemType) == [.subTransaction, .stakeholderPayment, .subscription])
        let sub = try #require(products[0].subBasket)
        #expect(sub.map(\.desc) == ["Äpfel 2 kg", "Honig"])
        #expect(sub.map(\.parent) == [1, 1])
        #expect(products[0].sum == (try Basket(products: sub).total()))
        #expect(products[0].contractID == "GCR_7H8J9K0L1M2N3P4Q5R6S7T8U9V0W1X")
        #expect(products[2].planID == "PLN_2B4D6F8H0K2M4P6R8T0V2X4Z6B8D0F")
        #expect(products[2].startAt == "2024-06-01")
        #expect(tx.paymentMethod == nil)
        #expect(try tx.basket?.total() == tx.basketInfo?.sum)
    }

    @Test func couponsInACreateBody() throws {
        let tx = try Fixture.transaction("coupons")
        #expect(tx.merchant?.id == "MRC_35SZ3R5GGQQP4T0U2T5GFAN9P6C4PG")
        #expect(tx.merchant?.companyname == nil)
        let products = try #require(tx.basket?.products)
        let coupons = products.filter { $0.itemType == .coupon }
        #expect(coupons.map(\.priceOne) == [-152, -64])
        #expect(coupons.map(\.tax) == [7, 19])
        #expect(try tx.basket?.total() == 1944)
        #expect(tx.basketInfo?.sum == 1944)
        #expect(tx.idents == [Ident(type: "card", value: "9276004429942845")])
        #expect(tx.status == nil && tx.id == nil)
    }

    @Test func severalIdents() throws {
        let tx = try Fixture.transaction("several-idents")
        #expect(tx.status == .processing)
        #expect(tx.intent == nil)
        #expect(tx.idents.map(\.type) == ["card", "card", "card", "create_card", "checkin"])
        #expect(tx.idents.map(\.valid) == [true, true, false, true, true])
        #expect(tx.idents[1].prefix == "9276")
        #expect(tx.idents[1].value == "9276001100220033")
        #expect(tx.idents[0].merchantcard?.balance == 1552)
        #expect(tx.idents[0].merchantcard?.passcode == 0)
        #expect(tx.idents[1].merchantcard?.lockStatus == "locked")
        #expect(tx.idents[2].merchantcard == nil)
        #expect(tx.idents[4].json["length"] == 36)
        #expect(tx.basket?.products.filter(\.isTopUp).count == 1)
        #expect(tx.paymentMethod == .loyalty)
    }

    @Test func customerAndMerchantReceipts() throws {
        let tx = try Fixture.transaction("receipt-merchant")
        let receipt = try #require(tx.receipt)
        #expect(receipt[1] == .textline(text: "John's Bakery", decorations: [.important, .alignCenter]))
        #expect(receipt[3] == .nameValue(name: "Trace-Nr.:", value: "4711", decorations: []))
        #expect(receipt[6].decorations == [.alignCenter, .unknown("double-height")])
        #expect(receipt[7] == .separator(caption: nil))
        guard case .unknown(let line) = receipt[8] else {
            Issue.record("a line of an unknown type should be kept as .unknown, got \(receipt[8])")
            return
        }
        #expect(line["type"] == "qr-code")
        #expect(tx.receiptMerchant?.count == 4)
        #expect(tx.receiptMerchant?.first == .separator(caption: "Händlerbeleg"))
        #expect(tx.receiptNumber == 1234)
        #expect(tx.transID == 52_500_123)
        #expect(tx.paymentMethod == .cashless)
        #expect(tx.transactions?.map(\.object) == ["payment.transactions"])
    }
}
