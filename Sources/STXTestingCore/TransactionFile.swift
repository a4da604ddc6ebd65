import Foundation
import SmartTransactions

/// Transaction fixtures: a `smart.transactions` JSON file (as the API returns it, or a create
/// body), or a replay record, whose input transaction is used as it is.
public enum TransactionFile {
    /// Reads a transaction fixture.
    /// - Parameter path: The file's path.
    /// - Returns: The transaction.
    /// - Throws: ``TestInputError`` naming the file and the first problem.
    public static func load(_ path: String) throws(TestInputError) -> SmartTransaction {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TestInputError("cannot read the transaction fixture \(path): check the path and its permissions")
        }
        let json: JSONValue
        do {
            json = try JSON.parse(data)
        } catch {
            throw TestInputError("the transaction fixture \(path) is not valid JSON: \(error)")
        }
        if json.objectValue?["stx_record"] != nil {
            do { return try CheckoutRecord(json: json).transaction } catch {
                throw TestInputError("\(path) is not a valid replay record: \(error.message)")
            }
        }
        do {
            return try SmartTransaction(json: json)
        } catch {
            throw TestInputError("the transaction fixture \(path) is not a valid smart.transactions object: \(error)")
        }
    }
}
