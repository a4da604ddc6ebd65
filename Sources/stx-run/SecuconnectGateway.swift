import CheckoutScripting
import Secuconnect
import SmartTransactions

/// Pays on secuconnect (or on `stx-run sandbox`): create or update, then start exactly once.
struct SecuconnectGateway: PaymentGateway {
    let client: SecuconnectClient

    func pay(_ transaction: SmartTransaction, method: String) async throws(CheckoutError) -> SmartTransaction {
        do {
            return try await client.checkout(transaction, method: method)
        } catch {
            if case .api(let refusal) = error {
                throw .paymentRefused(APIErrorPayload(
                    error: refusal.error ?? "HTTP \(refusal.httpStatus)", details: refusal.errorDetails,
                    user: refusal.errorUser, code: refusal.code, supportID: refusal.supportID))
            }
            throw .paymentFailed(error.description)
        }
    }
}
