import Foundation
import SmartTransactions
import STXEmulator
import Testing

/// A fixed clock and helpers shared by the emulator tests.
enum EmulatorSupport {
    static let now = "2026-01-02T10:00:00+01:00"

    static func emulator(seed: UInt64 = 1) -> TransactionEmulator {
        TransactionEmulator(clock: { now }, seed: seed)
    }

    /// The API's start/cash response (a loyalty-card top-up of 15 EUR).
    static func fixture() throws -> SmartTransaction {
        guard let url = Bundle.module.url(forResource: "start-cash-response", withExtension: "json", subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try SmartTransaction(jsonData: Data(contentsOf: url))
    }

    /// A create body with the given products (sum and currency filled in) and idents.
    static func body(_ products: [BasketProduct], idents: [Ident] = [], sum: Int? = nil) throws -> JSONValue {
        var tx = SmartTransaction()
        tx.basket = Basket(products: products)
        tx.basketInfo = BasketInfo(sum: try sum ?? Basket(products: products).total(), currency: "EUR")
        tx.idents = idents
        return tx.json
    }

    static let bread = BasketProduct(id: 1, desc: "Brot", quantity: 2, priceOne: 350, tax: 7)
    static let topUp = BasketProduct(id: 2, desc: "Kartenaufladung 15 EUR", priceOne: 1500, tax: 7, ean: BasketProduct.topUpEAN)
    static let card = Ident(type: "card", value: "9276004429942845")

    /// The error payload an emulator call throws, or `nil` when it succeeds.
    static func refusal<T>(_ call: () throws -> T) -> APIErrorPayload? {
        do {
            _ = try call()
            return nil
        } catch {
            #expect(error is APIErrorPayload, "the emulator should throw only APIErrorPayload, got \(error)")
            return error as? APIErrorPayload
        }
    }
}
