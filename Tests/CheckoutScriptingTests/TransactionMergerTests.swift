@testable import CheckoutScripting
import Lua
import PropertyBased
import PropertyChecks
import SmartTransactions
import Testing

/// The merge validates only what the hooks changed (new and changed products, `basket_info`,
/// the transaction's own fields). It must never accept what a full validation of the result
/// rejects, and must accept every change a full validation accepts.
@Suite("TransactionMerger validates what changed, as a full validation would")
struct TransactionMergerTests {
    /// Values a field may arrive with from Lua, valid or not for the field they land in.
    static let anyValues: [LuaValue] = [
        .integer(3), .integer(-1), .integer(0), .number(2.5), .string("Brot"), .string("12"), .string(""),
        .table(LuaTable(sequence: [.integer(1)])), .table(["desc": "x"]), .nil,
    ]

    static let anyValue = Gen.element(of: anyValues).map { $0 ?? .nil }

    /// A product export: unchanged (its index), changed (origin and writable fields) or new.
    static func productExport(kind: Int, origin: Int, values: [LuaValue]) -> LuaValue {
        var fields = LuaTable(sequence: [])
        for (key, value) in zip(["desc", "quantity", "priceOne", "tax", "item_type", "ean", "group"], values) where value != .nil {
            fields.fields[.string(LuaString(key))] = value
        }
        switch kind {
        case 0: return .integer(origin)
        case 1: return .table(["origin": .integer(origin), "fields": .table(fields)])
        default: return .table(["fields": .table(fields)])
        }
    }

    static let export = zip(
        zip(Gen.int(in: 0...2), Gen.int(in: 1...3), anyValue.array(of: 7...7)).array(of: 0...4),
        anyValue.array(of: 3...3)
    ).map { products, txFields -> LuaValue in
        var fields = LuaTable(sequence: [])
        for (key, value) in zip(["merchantRef", "transactionRef", "payment_method"], txFields) where value != .nil {
            fields.fields[.string(LuaString(key))] = value
        }
        let exported = products.map { kind, origin, values in productExport(kind: kind, origin: origin, values: values) }
        return .table(["products": .table(LuaTable(sequence: exported)), "fields": .table(fields)])
    }

    /// A valid transaction with three products.
    static let original: SmartTransaction = {
        let products: [JSONValue] = (1...3).map { index in
            .object([
                "id": .int(index), "item_type": "article", "desc": .string("Artikel \(index)"), "quantity": 2,
                "priceOne": .int(100 * index), "tax": 7, "group": [["id": "G1", "desc": "Backwaren"]],
            ])
        }
        let json: JSONValue = .object([
            "object": "smart.transactions", "merchantRef": "R-1", "payment_method": "cash",
            "basket": .object(["type": "default", "products": .array(products)]),
            "basket_info": .object(["sum": 1200, "currency": "EUR"]),
        ])
        return (try? SmartTransaction(json: json)) ?? SmartTransaction()
    }()

    @Test("whatever the merge accepts, a full validation accepts too")
    func mergeNeverAcceptsWhatFullValidationRejects() async {
        await propertyCheck(count: 2000, input: Self.export) { export in
            failOnThrow {
                guard let merged = try? TransactionMerger.merge(export, into: Self.original) else { return }
                let revalidated = try SmartTransaction(json: merged.json)
                #expect(revalidated == merged)
            }
        }
    }

    @Test("valid changes to products and fields are accepted")
    func validChangesAreAccepted() async throws {
        let validValues = zip(
            Gen.element(of: ["Brot", "Kaffee", "Rabatt"]).map { $0 ?? "Brot" }, Gen.int(in: 1...5),
            Gen.int(in: 0...5_000), Gen.element(of: [0, 7, 19]).map { $0 ?? 7 }
        ).map { desc, quantity, price, tax -> [LuaValue] in
            [.string(LuaString(desc)), .integer(quantity), .integer(price), .integer(tax), "article", "4006381333979",
             .table(LuaTable(sequence: [.table(["id": "G1", "desc": "Backwaren"])]))]
        }
        let products = zip(Gen.int(in: 0...2), Gen.int(in: 1...3), validValues).array(of: 1...5)
        await propertyCheck(count: 1000, input: products) { products in
            failOnThrow {
                let exported = products.map { kind, origin, values in Self.productExport(kind: kind, origin: origin, values: values) }
                let export: LuaValue = .table([
                    "products": .table(LuaTable(sequence: exported)),
                    "fields": .table(["merchantRef": "R-2", "payment_method": "cash"]),
                ])
                let merged = try TransactionMerger.merge(export, into: Self.original)
                #expect(try SmartTransaction(json: merged.json) == merged)
                #expect(merged.basket?.products.count == products.count)
            }
        }
    }

    @Test("an invalid new product is named by its path")
    func invalidNewProductIsNamed() {
        let export: LuaValue = .table([
            "products": .table(LuaTable(sequence: [
                .integer(1),
                Self.productExport(kind: 2, origin: 0, values: ["Gutschein", 1, -100, 7, .integer(5)]),
            ])),
            "fields": .table([:]),
        ])
        #expect {
            try TransactionMerger.merge(export, into: Self.original)
        } throws: { error in
            "\(error)".contains("the hooks produced an invalid transaction") && "\(error)".contains("$.basket.products[1].item_type")
        }
    }

    @Test("an invalid transaction field is refused")
    func invalidTransactionFieldIsRefused() {
        let export: LuaValue = .table([
            "products": .table(LuaTable(sequence: [.integer(1), .integer(2), .integer(3)])),
            "fields": .table(["payment_method": .table(LuaTable(sequence: [1]))]),
        ])
        #expect {
            try TransactionMerger.merge(export, into: Self.original)
        } throws: { error in
            "\(error)".contains("the hooks produced an invalid transaction") && "\(error)".contains("payment_method")
        }
    }
}
