import Foundation
import SmartTransactions

extension SecuconnectClient {
    /// `POST /Smart/Transactions`: creates a transaction (status `created`). Never retried.
    /// - Parameter body: the create body (SmartTransactionsDTO).
    /// - Returns: the created transaction.
    /// - Throws: ``SecuconnectError``; `.api` with the API's payload when it refuses the body.
    public func create(_ body: JSONValue) async throws(SecuconnectError) -> SmartTransaction {
        let reply = try await exchange("create", .POST, Path.transactions, body: body)
        return try await APIReply.transaction(reply, operation: "create", hiding: secrets())
    }

    /// `GET /Smart/Transactions/{id}`: reads a transaction. Retried up to
    /// ``SecuconnectConfiguration/readAttempts`` times on no answer or a 502/503/504.
    /// - Parameter id: the `STX_…` id.
    /// - Returns: the transaction.
    /// - Throws: ``SecuconnectError``; `.api` 404 `ProductNotFoundException` for an unknown id.
    public func get(_ id: String) async throws(SecuconnectError) -> SmartTransaction {
        let path = try Path.transaction(id)
        var attempt = 1
        while true {
            do {
                let reply = try await exchange("read", .GET, path)
                return try await APIReply.transaction(reply, operation: "read", hiding: secrets())
            } catch {
                guard attempt < configuration.readAttempts, Self.isTransient(error) else { throw error }
                logger.info("read failed; trying again", metadata: ["id": "\(id)", "attempt": "\(attempt)"])
                try? await Task.sleep(for: configuration.readRetryDelay * attempt)
                attempt += 1
            }
        }
    }

    /// `PUT /Smart/Transactions/{id}` with the full object: allowed only before the payment.
    /// - Parameters:
    ///   - id: the `STX_…` id.
    ///   - transaction: the whole transaction as it should be stored.
    /// - Returns: the stored transaction.
    /// - Throws: ``SecuconnectError``.
    public func update(_ id: String, _ transaction: SmartTransaction) async throws(SecuconnectError) -> SmartTransaction {
        let reply = try await exchange("update", .PUT, try Path.transaction(id), body: transaction.json)
        return try await APIReply.transaction(reply, operation: "update", hiding: secrets())
    }

    /// `POST /Smart/Transactions/{id}/preTransaction`: applies the loyalty card (status `processing`).
    /// - Parameter id: the `STX_…` id.
    /// - Returns: the answer, `{missing_sum, bonus_products}`.
    /// - Throws: ``SecuconnectError``.
    public func preTransaction(_ id: String) async throws(SecuconnectError) -> JSONValue {
        let reply = try await exchange("preTransaction", .POST, try Path.transaction(id) + "/preTransaction")
        return try await APIReply.json(reply, operation: "preTransaction", hiding: secrets())
    }

    /// `POST /Smart/Transactions/{id}/cancel`.
    /// - Parameter id: the `STX_…` id.
    /// - Returns: the cancelled transaction.
    /// - Throws: ``SecuconnectError``.
    public func cancel(_ id: String) async throws(SecuconnectError) -> SmartTransaction {
        let reply = try await exchange("cancel", .POST, try Path.transaction(id) + "/cancel")
        return try await APIReply.transaction(reply, operation: "cancel", hiding: secrets())
    }

    /// `POST /Smart/Transactions/{receipt_number}/canceltrx`: cancels a terminal payment by its
    /// receipt number (before the end-of-day report). Blocking, so it gets the `start` timeout.
    /// - Parameter receiptNumber: the receipt number of the payment.
    /// - Returns: the cancelled transaction.
    /// - Throws: ``SecuconnectError``.
    public func cancelTrx(receiptNumber: Int) async throws(SecuconnectError) -> SmartTransaction {
        let path = Path.transactions + "/\(receiptNumber)/canceltrx"
        let outcome = try await authorized(.POST, path, body: nil, timeout: configuration.timeouts.start)
        let reply: HTTPReply
        switch outcome {
        case .success(let answer): reply = answer
        case .failure(let failure): throw .transport(operation: "cancelTrx", failure)
        }
        return try await APIReply.transaction(reply, operation: "cancelTrx", hiding: secrets())
    }

    /// Whether a failed read may succeed when tried again.
    static func isTransient(_ error: SecuconnectError) -> Bool {
        switch error {
        case .transport: true
        case .api(let error): [502, 503, 504].contains(error.httpStatus)
        case .unexpectedResponse(_, let status, _): [502, 503, 504].contains(status)
        default: false
        }
    }
}
