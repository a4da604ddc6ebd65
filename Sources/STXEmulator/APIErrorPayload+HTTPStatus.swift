import SmartTransactions

extension APIErrorPayload {
    /// The HTTP status an emulated endpoint answers this error with: 404 for
    /// `ProductNotFoundException`, 400 for `ProductFormatException`, 409 for
    /// `ProductInvalidStateException`, 500 otherwise.
    public var httpStatus: Int {
        switch error {
        case "ProductNotFoundException": 404
        case "ProductFormatException": 400
        case "ProductInvalidStateException": 409
        default: 500
        }
    }
}
