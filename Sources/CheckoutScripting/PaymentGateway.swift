import SmartTransactions
import STXEmulator

/// Where a prepared transaction is paid: secuconnect, or the built-in emulator.
///
/// Contract: `pay` sends the transaction (create, or update when it already has an id) and
/// starts it with `method` at most once; it returns the API's answer, or throws
/// `.paymentRefused` with the API's error payload, or `.paymentFailed` when the API could not
/// be used. It never retries a start blindly.
public protocol PaymentGateway: Sendable {
    /// Sends and starts the transaction; returns the API's final answer.
    /// - Parameters:
    ///   - transaction: The transaction after the pre-API hooks.
    ///   - method: The start method (`cash`, `cashless`, `loyalty`, …).
    func pay(_ transaction: SmartTransaction, method: String) async throws(CheckoutError) -> SmartTransaction
}

/// Pays on the in-process emulator of secuconnect: no network, deterministic.
public struct EmulatorGateway: PaymentGateway {
    /// The emulator that keeps the transactions.
    public let emulator: TransactionEmulator

    /// Creates a gateway.
    /// - Parameter emulator: The emulator to pay on.
    public init(emulator: TransactionEmulator) {
        self.emulator = emulator
    }

    public func pay(_ transaction: SmartTransaction, method: String) async throws(CheckoutError) -> SmartTransaction {
        do {
            let created = try emulator.create(transaction.json)
            guard let id = created.id else { throw CheckoutError.paymentFailed("the emulator returned no id") }
            return try emulator.start(id, method: method)
        } catch let payload as APIErrorPayload {
            throw .paymentRefused(payload)
        } catch let error as CheckoutError {
            throw error
        } catch {
            throw .paymentFailed("\(error)")
        }
    }
}
