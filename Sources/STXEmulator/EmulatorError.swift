import SmartTransactions

/// The error payloads the emulator returns, in the API's shape (secuconnect-api.md §6).
///
/// `ProductNotFoundException` is the API's; the others are the emulator's choice:
/// `ProductFormatException` for an invalid body, basket or method, and
/// `ProductInvalidStateException` for a call the transaction's status does not allow. `code`
/// is the HTTP status the emulator's server answers with (see ``APIErrorPayload/httpStatus``).
enum EmulatorError {
    static func notFound(_ what: String, supportID: String) -> APIErrorPayload {
        APIErrorPayload(error: "ProductNotFoundException", details: "Unknown id",
                        user: "\(what) wurde nicht gefunden.", code: 404, supportID: supportID)
    }

    static func invalidBody(_ details: String, supportID: String) -> APIErrorPayload {
        APIErrorPayload(error: "ProductFormatException", details: details,
                        user: "Die Transaktion ist ungültig. Bitte Warenkorb und Eingaben prüfen.", code: 400, supportID: supportID)
    }

    static func invalidState(_ details: String, supportID: String) -> APIErrorPayload {
        APIErrorPayload(error: "ProductInvalidStateException", details: details,
                        user: "Diese Aktion ist im aktuellen Status der Transaktion nicht möglich.", code: 409, supportID: supportID)
    }
}
