import Foundation

/// The Smart Transactions paths, relative to `/api/v2`, with ids percent-encoded.
enum Path {
    static let transactions = "/Smart/Transactions"

    /// RFC 3986's unreserved characters.
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// `/Smart/Transactions/{id}`.
    static func transaction(_ id: String) throws(SecuconnectError) -> String {
        transactions + "/" + (try segment(id, what: "transaction id"))
    }

    /// A path segment with everything but unreserved characters percent-encoded.
    static func segment(_ value: String, what: String) throws(SecuconnectError) -> String {
        guard !value.isEmpty else { throw .invalidRequest("the \(what) is empty") }
        return value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }
}
