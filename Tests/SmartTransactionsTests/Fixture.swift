import Foundation
import SmartTransactions

/// Loads the test fixtures copied into the test bundle.
enum Fixture {
    /// The transaction fixtures: the API's start/cash response and five written for the model.
    static let transactions = [
        "start-cash-response", "order-intent", "sub-basket", "coupons", "several-idents", "receipt-merchant",
    ]

    /// The bytes of `Fixtures/<name>.<ext>`.
    static func data(_ name: String, ext: String = "json") throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/\(name).\(ext)"])
        }
        return try Data(contentsOf: url)
    }

    /// The fixture parsed as a transaction.
    static func transaction(_ name: String) throws -> SmartTransaction {
        try SmartTransaction(jsonData: data(name))
    }
}
