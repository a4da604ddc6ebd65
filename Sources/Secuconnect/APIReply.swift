import Foundation
import SmartTransactions

/// Turns HTTP answers of the Smart Transactions API into models or typed errors.
enum APIReply {
    /// The `smart.transactions` object of a 2xx answer.
    static func transaction(_ reply: HTTPReply, operation: String, hiding secrets: [Secret])
        throws(SecuconnectError) -> SmartTransaction
    {
        let json = try self.json(reply, operation: operation, hiding: secrets)
        do {
            return try SmartTransaction(json: json)
        } catch {
            throw .unexpectedResponse(
                operation: operation, httpStatus: reply.status, reason: "a transaction that does not decode (\(error))")
        }
    }

    /// The JSON of a 2xx answer; any other answer becomes the API's typed error.
    static func json(_ reply: HTTPReply, operation: String, hiding secrets: [Secret]) throws(SecuconnectError) -> JSONValue {
        guard reply.isSuccess else { throw error(reply, operation: operation, hiding: secrets) }
        guard let json = try? JSON.parse(reply.body) else {
            throw .unexpectedResponse(
                operation: operation, httpStatus: reply.status, reason: ResponseText.describe(reply.body, hiding: secrets))
        }
        return json
    }

    /// The typed error for a non-2xx answer: ``SecuconnectError/api(_:)`` when the body is the API's
    /// error payload, ``SecuconnectError/unexpectedResponse(operation:httpStatus:reason:)`` otherwise.
    static func error(_ reply: HTTPReply, operation: String, hiding secrets: [Secret]) -> SecuconnectError {
        if let payload = payload(reply.body) {
            return .api(
                SecuconnectAPIError(
                    httpStatus: reply.status, status: payload.status, error: payload.error,
                    errorDetails: payload.errorDetails, errorUser: payload.errorUser, code: payload.code,
                    supportID: payload.supportID))
        }
        return .unexpectedResponse(
            operation: operation, httpStatus: reply.status, reason: ResponseText.describe(reply.body, hiding: secrets))
    }

    /// Whether a non-2xx answer says the access token was refused (401, or 403 ProductNotAllowedException).
    static func isTokenRefusal(_ reply: HTTPReply) -> Bool {
        if reply.status == 401 { return true }
        return reply.status == 403 && payload(reply.body)?.error == "ProductNotAllowedException"
    }

    private static func payload(_ body: Data) -> APIErrorPayload? {
        guard let json = try? JSON.parse(body), json["error"] != nil || json["status"] == .string("error") else {
            return nil
        }
        return try? APIErrorPayload(json: json)
    }
}
