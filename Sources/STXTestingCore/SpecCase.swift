import Lua
import SmartTransactions

/// One case of a Lua rule spec: a transaction, a time, limits, and what to expect.
public struct SpecCase: Sendable {
    /// The case's name, printed with its result.
    public var name: String
    /// The transaction to check out.
    public var transaction: SmartTransaction
    /// The checkout time (`tx.now`).
    public var now: String
    /// The limits the checkout runs under.
    public var limits: LuaLimits
    /// What the case expects.
    public var expectation: SpecExpectation
}
